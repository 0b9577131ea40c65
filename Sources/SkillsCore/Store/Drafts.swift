import FoundationEssentials
import Glibc

/// An interactive run that was stopped before the end (`q`, Ctrl-C, a closed terminal)
/// keeps its answers as a draft: one file per person and questionnaire in the store's
/// `drafts/` folder, replaced whole after every answer. A draft is never a result: no
/// command counts it, and the next `take` of that questionnaire offers to resume it.
public struct Draft: Codable, Sendable, Equatable {
    public var format = 1
    public var person: String
    public var questionnaire: String
    /// The questionnaire's content hash: a draft of an edited questionnaire is not resumed.
    public var hash: String
    public var savedAt: Date
    /// One per item, as typed ("4", "B", "n", free text), nil where not answered yet.
    public var answers: [String?]
    /// The question the person was at.
    public var position: Int

    public init(
        person: String, questionnaire: String, hash: String, savedAt: Date, answers: [String?], position: Int
    ) {
        self.person = person
        self.questionnaire = questionnaire
        self.hash = hash
        self.savedAt = savedAt
        self.answers = answers
        self.position = position
    }

    public var answeredCount: Int { answers.compactMap { $0 }.count }
}

extension ResultStore {
    public var draftsFolder: URL { root.appendingPathComponent("drafts", isDirectory: true) }

    func draftFile(person: String, questionnaire: String) -> URL {
        draftsFolder.appendingPathComponent("\(TextSafety.slug(person))-\(TextSafety.slug(questionnaire)).json")
    }

    /// The person's draft of the questionnaire, if there is a usable one.
    public func draft(person: String, questionnaire: String) -> Draft? {
        let file = draftFile(person: person, questionnaire: questionnaire)
        guard let data = try? JSONFile.read(file.path),
            let draft = try? JSONFile.decode(Draft.self, from: data, file: file.path),
            PersonName.same(draft.person, person), draft.questionnaire == questionnaire
        else { return nil }
        return draft
    }

    public func saveDraft(_ draft: Draft) throws {
        try createFolder(draftsFolder)
        try AtomicFile.replace(
            draftFile(person: draft.person, questionnaire: draft.questionnaire), with: JSONFile.encode(draft))
    }

    public func removeDraft(person: String, questionnaire: String) {
        unlink(draftFile(person: person, questionnaire: questionnaire).path)
    }
}
