import FoundationEssentials
import Glibc

/// `skills add` and `import --add`: a checked questionnaire goes into the store's
/// `questionnaires/` folder as `<id>.json`, so `skills list` and `skills take ID` find it.
/// A built-in is never shadowed, and a different questionnaire with the same id is replaced
/// only when asked.
public struct QuestionnaireInstaller: Sendable {
    public let catalog: QuestionnaireCatalog
    public let folder: URL

    public init(catalog: QuestionnaireCatalog, folder: URL) {
        self.catalog = catalog
        self.folder = folder
    }

    public enum Outcome: Sendable, Equatable {
        case added(path: String)
        /// The same questionnaire (same content hash) was already there.
        case unchanged(path: String)
        case replaced(path: String, previousVersion: String)
    }

    /// `data` are the bytes written, as checked; `questionnaire` is what they decode to.
    /// `file` names where it came from, for messages.
    public func install(_ questionnaire: Questionnaire, data: Data, from file: String, replace: Bool) throws
        -> Outcome
    {
        let id = questionnaire.id
        let destination = folder.appendingPathComponent("\(id).json")
        var installed: (path: String, questionnaire: Questionnaire)?
        for entry in catalog.entries where entry.questionnaire.id == id {
            switch entry.origin {
            case .builtin:
                throw SkillsError.invalidData(
                    file: file,
                    detail: "id '\(id)' is a built-in questionnaire's; expected an id of its own, such as '\(id)-team'")
            case .store(let path): installed = (path, entry.questionnaire)
            case .file: break
            }
        }
        try ResultStore(root: folder.deletingLastPathComponent()).createFolder(folder)
        if let installed {
            if ContentHash.of(installed.questionnaire) == ContentHash.of(questionnaire) {
                return .unchanged(path: installed.path)
            }
            guard replace else {
                throw SkillsError.cannotCreate(
                    path: installed.path,
                    reason:
                        "a different questionnaire '\(id)' (version \(installed.questionnaire.version)) is installed; "
                        + "add --replace to replace it with version \(questionnaire.version)")
            }
            try AtomicFile.replace(destination, with: data)
            // The old file under another name would now be a second questionnaire with this id.
            if installed.path != destination.path { unlink(installed.path) }
            return .replaced(path: destination.path, previousVersion: installed.questionnaire.version)
        }
        let temporary = try AtomicFile.writeTemporary(data, in: folder)
        defer { unlink(temporary.path) }
        guard try AtomicFile.link(temporary, to: destination) else {
            throw SkillsError.cannotCreate(
                path: destination.path,
                reason: "a file of that name is already there and is not a usable questionnaire; run 'skills validate "
                    + "\(destination.path)', then move it away")
        }
        AtomicFile.syncFolder(folder)
        return .added(path: destination.path)
    }
}
