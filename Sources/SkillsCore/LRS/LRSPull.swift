import FoundationEssentials
import Glibc

/// `skills pull`: statements about one questionnaire activity read back and saved as
/// result files in a folder, leaving out results the folder already holds.
public enum LRSPull {
    public struct Summary: Sendable {
        public var statementsRead = 0
        public var saved: [URL] = []
        public var alreadyThere = 0
        public var skipped: [String: Int] = [:]
    }

    public static func run(
        reader: LRSReader, activity: String, since: Date?, catalog: QuestionnaireCatalog, into folder: URL,
        page: (Int) -> Void = { _ in }
    ) throws -> Summary {
        var summary = Summary()
        let statements = try reader.statements(since: since, page: page)
        summary.statementsRead = statements.count
        let rebuilt = ResultRebuilder.rebuild(statements, activity: activity, since: since, catalog: catalog)
        summary.skipped = rebuilt.skipped
        var problems: [String] = []
        let existing = Set(
            ResultReader.readAll(
                try JSONFile.files(in: folder.path),
                problems: &problems
            ).map(\.result.id))
        let store = ResultStore(root: folder)
        for result in rebuilt.results {
            if existing.contains(result.id) {
                summary.alreadyThere += 1
                continue
            }
            summary.saved.append(try store.save(result, in: folder))
        }
        return summary
    }
}
