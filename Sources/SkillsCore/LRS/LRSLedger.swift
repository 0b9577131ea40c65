import FoundationEssentials
import Glibc

/// What each LRS has accepted, kept in the store (`lrs-ledger.json`), so `sync` after an
/// interruption sends only the rest and never sends a statement twice.
///
/// A result whose statements were all accepted is kept by its id; statements of a result
/// sent only in part are kept by statement id. The file is replaced atomically (temporary
/// file, fsync, rename) after every accepted batch, so a kill leaves the old or the new
/// ledger, never half of one.
public struct LRSLedger: Codable, Sendable, Equatable {
    public static let fileName = "lrs-ledger.json"

    public var format = 1
    /// Keyed by the LRS endpoint.
    public var stores: [String: Accepted] = [:]

    public struct Accepted: Codable, Sendable, Equatable {
        public var results: Set<String> = []
        public var statements: Set<String> = []
    }

    public init() {}

    public static func url(in store: ResultStore) -> URL { store.root.appendingPathComponent(fileName) }

    /// A missing ledger is an empty one; a damaged one stops `sync`, because guessing would send twice.
    public static func load(from url: URL) throws -> LRSLedger {
        guard FileManager.default.fileExists(atPath: url.path) else { return LRSLedger() }
        // Not JSONFile.read: its size limit is for questionnaires, and a big class's ledger may pass it.
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SkillsError.io(path: url.path, reason: "cannot read the ledger: \(String(cString: strerror(errno)))")
        }
        let ledger = try JSONFile.decode(LRSLedger.self, from: data, file: url.path)
        guard ledger.format == 1 else {
            throw SkillsError.invalidData(file: url.path, detail: "format \(ledger.format); expected 1")
        }
        return ledger
    }

    public func save(to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try ResultStore(root: folder).createFolder(folder)
        try AtomicFile.replace(url, with: try JSONFile.encode(self))
    }

    public func accepted(by endpoint: String) -> Accepted { stores[endpoint] ?? Accepted() }

    /// Records a batch, folding a result's statement ids into its result id once all are in.
    public mutating func record(_ statementIDs: [String], by endpoint: String, plan: SyncPlan) {
        var accepted = stores[endpoint] ?? Accepted()
        accepted.statements.formUnion(statementIDs)
        for resultID in Set(statementIDs.compactMap { plan.resultOf[$0] }) {
            let ids = plan.statementsOf[resultID] ?? []
            if ids.allSatisfy(accepted.statements.contains) {
                accepted.results.insert(resultID)
                accepted.statements.subtract(ids)
            }
        }
        stores[endpoint] = accepted
    }
}
