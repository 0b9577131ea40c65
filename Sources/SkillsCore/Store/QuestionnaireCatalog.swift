import Foundation

/// Where a questionnaire came from, as `skills list` shows it.
public enum QuestionnaireOrigin: Sendable, Equatable {
    case builtin
    case store(path: String)
    case file(path: String)

    public var label: String {
        switch self {
        case .builtin: "built-in"
        case .store: "store"
        case .file: "file"
        }
    }
}

public struct CatalogEntry: Sendable {
    public let questionnaire: Questionnaire
    public let origin: QuestionnaireOrigin
}

/// The questionnaires a person can take: the built-in ones and the ones in the store's
/// `questionnaires/` folder, found by id, or any questionnaire file named by path.
public struct QuestionnaireCatalog: Sendable {
    public let framework: Framework
    public let entries: [CatalogEntry]
    /// One line per file in the store's folder that could not be used.
    public let problems: [String]

    public init(framework: Framework, builtins: [Questionnaire], storeFolder: URL?) {
        self.framework = framework
        var entries = builtins.map { CatalogEntry(questionnaire: $0, origin: .builtin) }
        var problems: [String] = []
        if let storeFolder {
            let validator = QuestionnaireValidator(framework: framework)
            let paths: [String]
            do { paths = try JSONFile.files(in: storeFolder.path) } catch {
                paths = []
                problems.append("\(error); the store's questionnaires are not listed")
            }
            for path in paths {
                do {
                    let questionnaire = try validator.load(path: path)
                    if entries.contains(where: { $0.questionnaire.id == questionnaire.id }) {
                        problems.append(
                            "\(path): id '\(questionnaire.id)' is already taken by another questionnaire; skipped")
                    } else {
                        entries.append(CatalogEntry(questionnaire: questionnaire, origin: .store(path: path)))
                    }
                } catch let error as SkillsError {
                    problems.append(
                        "skipped \(path): \(error.description.split(separator: "\n").count) problem(s); run 'skills "
                            + "validate \(path)'"
                    )
                } catch {
                    problems.append("skipped \(path): \(error)")
                }
            }
        }
        self.entries = entries
        self.problems = problems
    }

    public var ids: [String] { entries.map(\.questionnaire.id) }

    /// A questionnaire by id, or by file path when the argument names a file (or ends in .json).
    public func resolve(_ idOrPath: String) throws -> CatalogEntry {
        if let entry = entries.first(where: { $0.questionnaire.id == idOrPath }) { return entry }
        if idOrPath.hasSuffix(".json") || idOrPath.contains("/") || FileManager.default.fileExists(atPath: idOrPath) {
            let questionnaire = try QuestionnaireValidator(framework: framework).load(
                path: idOrPath, regularOnly: false)
            return CatalogEntry(questionnaire: questionnaire, origin: .file(path: idOrPath))
        }
        throw SkillsError.notFound(
            "no questionnaire '\(idOrPath)'\(Suggestion.hint(for: idOrPath, in: ids)); expected one of "
                + "\(ids.joined(separator: ", ")) or a .json file (see 'skills list')"
        )
    }
}
