import FoundationEssentials
import Glibc

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
/// `questionnaires/` folder, found by id, or any questionnaire file named by path. Built-in
/// questionnaires are decoded only when one is asked for: `take` needs one, `list` none.
public struct QuestionnaireCatalog: Sendable {
    public let framework: Framework
    /// Built-in questionnaires given decoded (tests), else nil: the embedded ones, by id.
    private let givenBuiltins: [Questionnaire]?
    private let stored: [CatalogEntry]
    /// One line per file in the store's folder that could not be used.
    public let problems: [String]

    public init(framework: Framework, builtins: [Questionnaire], storeFolder: String?) {
        self.init(framework: framework, givenBuiltins: builtins, storeFolder: storeFolder)
    }

    /// The embedded built-in questionnaires (`BuiltinData`), decoded when asked for.
    public init(framework: Framework, storeFolder: String?) {
        self.init(framework: framework, givenBuiltins: nil, storeFolder: storeFolder)
    }

    private init(framework: Framework, givenBuiltins: [Questionnaire]?, storeFolder: String?) {
        self.framework = framework
        self.givenBuiltins = givenBuiltins
        var taken = givenBuiltins?.map(\.id) ?? BuiltinData.ids
        var stored: [CatalogEntry] = []
        var problems: [String] = []
        if let storeFolder {
            let validator = QuestionnaireValidator(framework: framework)
            let paths: [String]
            do { paths = try JSONFile.files(in: storeFolder) } catch {
                paths = []
                problems.append("\(error); the store's questionnaires are not listed")
            }
            for path in paths {
                do {
                    let questionnaire = try validator.load(path: path)
                    if taken.contains(questionnaire.id) {
                        problems.append(
                            "\(path): id '\(questionnaire.id)' is already taken by another questionnaire; skipped")
                    } else {
                        taken.append(questionnaire.id)
                        stored.append(CatalogEntry(questionnaire: questionnaire, origin: .store(path: path)))
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
        self.stored = stored
        self.problems = problems
    }

    /// Every questionnaire, built-in ones decoded (a built-in that does not decode was
    /// caught by the tests before the binary was built).
    public var entries: [CatalogEntry] {
        let builtins = givenBuiltins ?? BuiltinData.ids.compactMap { try? BuiltinData.questionnaire(id: $0) }
        return builtins.map { CatalogEntry(questionnaire: $0, origin: .builtin) } + stored
    }

    /// What `list` shows, without decoding the built-in questionnaires.
    public func listing() throws -> [QuestionnaireListing] {
        let builtins =
            try givenBuiltins.map { $0.map { QuestionnaireListing($0, origin: .builtin) } } ?? BuiltinData.listing()
        return builtins + stored.map { QuestionnaireListing($0.questionnaire, origin: $0.origin) }
    }

    public var ids: [String] { (givenBuiltins?.map(\.id) ?? BuiltinData.ids) + stored.map(\.questionnaire.id) }

    /// A questionnaire by id, or by file path when the argument names a file (or ends in .json).
    public func resolve(_ idOrPath: String) throws -> CatalogEntry {
        if let givenBuiltins {
            if let found = givenBuiltins.first(where: { $0.id == idOrPath }) {
                return CatalogEntry(questionnaire: found, origin: .builtin)
            }
        } else if let found = try BuiltinData.questionnaire(id: idOrPath) {
            return CatalogEntry(questionnaire: found, origin: .builtin)
        }
        if let entry = stored.first(where: { $0.questionnaire.id == idOrPath }) { return entry }
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
