import Foundation
import Testing

@testable import SkillsCore

/// Every section of the seed chapters is used by some item, action or practice, and the
/// coverage table in docs/content.md says exactly what the data says.
@Suite struct CitationCoverageTests {
    struct Users: Equatable {
        var items: Set<String> = []
        var actions: Set<String> = []
        var rubric: Set<String> = []
    }

    /// What the data cites, by "file#Section".
    static func fromData() throws -> [String: Users] {
        let framework = Fixture.framework
        var users: [String: Users] = [:]
        for questionnaire in try BuiltinData.questionnaires(framework: framework) {
            for item in questionnaire.items { users[item.source, default: Users()].items.insert(item.id) }
        }
        for area in framework.areas {
            for action in area.actions { users[action.source, default: Users()].actions.insert(action.id) }
            for descriptor in area.rubric {
                users[descriptor.source, default: Users()].rubric.insert("\(area.id)/\(descriptor.level)")
            }
        }
        for practice in framework.practices { users[practice.source, default: Users()].actions.insert(practice.id) }
        return users
    }

    /// The table's rows, by "file#Section"; the chapter column starts with the file's number.
    static func fromTable() throws -> [String: Users] {
        let url = Fixture.dataFolder.deletingLastPathComponent().appendingPathComponent("docs/content.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let list = { (cell: String) -> Set<String> in
            Set(cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0 != "-" })
        }
        var rows: [String: Users] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| 0") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let number = String(cells[1].prefix(3))
            let file = try #require(Fixture.framework.sources.first { $0.file.hasPrefix(number + "_") }?.file)
            rows["\(file)#\(cells[2])"] = Users(items: list(cells[3]), actions: list(cells[4]), rubric: list(cells[5]))
        }
        return rows
    }

    @Test func everySeedSectionIsUsedAndTheTableMatchesTheData() throws {
        let data = try Self.fromData()
        let table = try Self.fromTable()
        let sections = Fixture.framework.sources.flatMap { chapter in
            chapter.sections.filter { $0 != "Conclusion" }.map { "\(chapter.file)#\($0)" }
        }
        #expect(sections.count == 23)
        for section in sections {
            let users = data[section] ?? Users()
            #expect(!(users.items.isEmpty && users.actions.isEmpty), "\(section) is used by no item or action")
            #expect(table[section] == users, "docs/content.md differs from the data for \(section)")
        }
        #expect(Set(table.keys) == Set(sections))
    }

    @Test func noTextPeopleReadCarriesASeedFileNumber() throws {
        // Explanations once ended in "(000 Going Above and Beyond)"; the citation is in `source`.
        let pattern = try NSRegularExpression(pattern: #"\(\d{3} |\d{3}_[0-9a-f]{16}"#)
        for questionnaire in try BuiltinData.questionnaires(framework: Fixture.framework) {
            for item in questionnaire.items {
                let texts =
                    [item.text, item.explanation ?? ""] + (item.options ?? []).flatMap { [$0.text, $0.feedback ?? ""] }
                for text in texts {
                    let range = NSRange(text.startIndex..., in: text)
                    #expect(pattern.firstMatch(in: text, range: range) == nil, "\(item.id): \(text)")
                }
            }
        }
    }

    @Test func peopleSeeChapterTitlesNotFileNames() {
        #expect(
            Fixture.framework.citationTitle("001_b63c5ab1550fff6d.txt#Utilizing Feedback and Coaching")
                == "Developing Your Customer Service Skills: Utilizing Feedback and Coaching")
        #expect(Fixture.framework.citationTitle("My own notes, page 4") == "My own notes, page 4")
    }
}
