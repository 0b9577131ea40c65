import FoundationEssentials
import Glibc

/// What an importer gives back: a questionnaire for the Data format, and one line for
/// every question it could not import (with its line number), so nothing is dropped
/// silently.
public struct ImportedQuestionnaire: Sendable {
    public var questionnaire: Questionnaire
    public var skipped: [String]
}

/// Settings shared by the importers.
public struct ImportOptions: Sendable {
    public var id: String
    public var title: String
    /// The skill area of questions whose file does not name one.
    public var area: String?
    /// The file name, used in each item's `source`.
    public var sourceName: String

    public init(id: String, title: String, area: String?, sourceName: String) {
        self.id = id
        self.title = title
        self.area = area
        self.sourceName = sourceName
    }

    func questionnaire(_ items: [Item]) -> Questionnaire {
        Questionnaire(
            format: Questionnaire.currentFormat, id: id, version: "1.0", title: title, kind: .quiz,
            description: "Imported from \(sourceName).", minutes: max(1, items.count), items: items)
    }

    /// A unique item id from a question name, else q1, q2, ….
    static func itemID(name: String?, number: Int, taken: Set<String>) -> String {
        if let name {
            let slug = TextSafety.slug(name, limit: 40)
            if slug != "anonymous" && !taken.contains(slug) { return slug }
        }
        var candidate = "q\(number)"
        var suffix = 1
        while taken.contains(candidate) {
            suffix += 1
            candidate = "q\(number)-\(suffix)"
        }
        return candidate
    }

    static func explanation(correct: [String]) -> String {
        correct.count == 1
            ? "The best answer is: \(correct[0])" : "The right answers are: \(correct.joined(separator: "; "))"
    }
}

extension Framework {
    /// An area from a category or option value: its id or name, any case, spaces or dashes.
    public func areaMatching(_ text: String) -> String? {
        let wanted = TextSafety.slug(text, limit: 64)
        return areas.first {
            TextSafety.slug($0.id, limit: 64) == wanted || TextSafety.slug($0.name, limit: 64) == wanted
        }?.id
    }

    /// The area a person typed (`empathy`, `Empathy`, `anticipating needs`), or a usage
    /// error that lists the areas and suggests the closest.
    public func areaID(typed text: String) throws -> String {
        if let area = areaMatching(text) { return area }
        throw SkillsError.usage(
            "unknown area '\(TextSafety.visible(text))'\(Suggestion.hint(for: text, in: areaIDs)); expected one of "
                + "\(areaIDs.joined(separator: ", "))"
        )
    }
}
