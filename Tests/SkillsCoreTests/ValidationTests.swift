import Foundation
import Testing

@testable import SkillsCore

/// Each mistake a trainer could make gets one problem line that names the place and
/// says what was expected.
@Suite struct ValidationTests {
    let validator = QuestionnaireValidator(framework: Fixture.framework)

    func problems(_ change: (inout [String: Any]) -> Void) throws -> [String] {
        validator.check(data: try Fixture.smallJSON(change), file: "q.json").1.map(\.description)
    }

    func problems(raw: String) -> [String] {
        validator.check(data: Data(raw.utf8), file: "q.json").1.map(\.description)
    }

    @Test func theSmallFixtureIsValid() throws {
        #expect(try problems { _ in } == [])
    }

    @Test func duplicateItemIdsAreReported() throws {
        let found = try problems { [[String: Any]].edit(&$0, item: 1) { $0["id"] = "l1" } }
        #expect(found == ["q.json: items[1] (l1): duplicate id 'l1'; items[0] already uses it"])
    }

    @Test func anUnknownAreaIsReportedWithTheClosestName() throws {
        let found = try problems { [[String: Any]].edit(&$0, item: 0) { $0["area"] = "listenning" } }
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("q.json: items[0] (l1).area: unknown area 'listenning' (did you mean 'listening'?)"))
    }

    @Test func scaleBoundsMustRiseAndHaveALabelPerPoint() throws {
        let inverted = try problems { $0["scale"] = ["min": 5, "max": 1, "labels": ["a"]] }
        #expect(inverted == ["q.json: scale: max 1 must be greater than min 5"])
        let labels = try problems { $0["scale"] = ["min": 1, "max": 4, "labels": ["a", "b"]] }
        #expect(labels == ["q.json: scale.labels: 2 labels for a 1 to 4 scale; expected 4, one per point"])
    }

    @Test func aChoiceWithNoCorrectOptionIsReported() throws {
        let found = try problems {
            [[String: Any]].edit(&$0, item: 2) { $0["options"] = [["text": "A"], ["text": "B"]] }
        }
        #expect(
            found == ["q.json: items[2] (e1).options: no option is marked \"correct\": true; expected at least one"])
    }

    @Test func emptyTextIsReported() throws {
        let found = try problems { [[String: Any]].edit(&$0, item: 0) { $0["text"] = "  " } }
        #expect(found == ["q.json: items[0] (l1).text: missing or empty; expected the question or statement"])
    }

    @Test func reverseKeysBelongOnlyToRatings() throws {
        let choice = try problems { [[String: Any]].edit(&$0, item: 2) { $0["reverse"] = true } }
        #expect(choice == ["q.json: items[2] (e1).reverse: only rating items can be reverse-keyed"])
        let reflection = try problems { [[String: Any]].edit(&$0, item: 3) { $0["reverse"] = false } }
        #expect(reflection.first?.contains("items[3] (r1).reverse") == true)
    }

    @Test func aMisspelledFieldIsReportedNotIgnored() throws {
        let found = try problems { [[String: Any]].edit(&$0, item: 1) { $0["revers"] = true } }
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("q.json: items[1].revers: unknown field 'revers' (did you mean 'reverse'?)"))
    }

    @Test func aWrongTypeNamesTheJSONPath() throws {
        let found = try problems { [[String: Any]].edit(&$0, item: 1) { $0["reverse"] = "yes" } }
        #expect(
            found == [
                "q.json: items[1].reverse: expected true or false; found the text \"yes\" (write true or false without "
                    + "quotes)"
            ])
    }

    @Test func anUnknownItemTypeListsTheTypes() throws {
        let found = try problems { [[String: Any]].edit(&$0, item: 0) { $0["type"] = "ratings" } }
        #expect(
            found == [
                "q.json: items[0].type: expected one of 'rating', 'choice', 'reflection', 'level'; found 'ratings' "
                    + "(did you mean 'rating'?)"
            ])
    }

    @Test func missingFieldsAreAllReportedAtOnce() throws {
        let found = try problems {
            [[String: Any]].edit(&$0, item: 0) {
                $0.removeValue(forKey: "text")
                $0.removeValue(forKey: "source")
            }
            $0.removeValue(forKey: "title")
        }
        #expect(found.count == 3)
        #expect(found.contains("q.json: title: missing; expected a title"))
        #expect(found.contains { $0.hasPrefix("q.json: items[0] (l1).source: missing;") })
    }

    @Test func aCitationOfAKnownChapterMustNameOneOfItsSections() throws {
        let found = try problems {
            [[String: Any]].edit(&$0, item: 0) { $0["source"] = "000_83894cee2ca02c78.txt#Listening" }
        }
        #expect(found.count == 1)
        #expect(found[0].contains("'Listening' is not a section of 000_83894cee2ca02c78.txt"))
        // a trainer's own material may be cited freely
        #expect(try problems { [[String: Any]].edit(&$0, item: 0) { $0["source"] = "our-handbook.pdf#Returns" } } == [])
    }

    @Test func anUnknownActionIsReported() throws {
        let found = try problems { [[String: Any]].edit(&$0, item: 0) { $0["actions"] = ["listening.let-them-finsh"] } }
        #expect(
            found.first?.contains(
                "unknown development action 'listening.let-them-finsh' (did you mean 'listening.let-them-finish'?)")
                == true)
    }

    @Test func emptyAndReflectionOnlyQuestionnairesAreReported() throws {
        #expect(
            try problems { $0["items"] = [] } == [
                "q.json: items: the questionnaire has no items; expected at least one"
            ])
        let onlyReflection = try problems { $0["items"] = [($0["items"] as! [Any])[3]] }
        #expect(
            onlyReflection == ["q.json: items: only reflections; expected at least one rating or choice item to score"])
    }

    @Test func aNewerFormatIsReportedAsNewer() throws {
        let found = try problems { $0["format"] = 2 }
        #expect(found.first?.contains("format 2 is newer than this version of skills understands") == true)
    }

    @Test func brokenJSONAndNonUTF8FilesAreOneProblemEach() {
        let broken = problems(raw: "{\"id\": ")
        #expect(broken.count == 1)
        #expect(broken[0].hasPrefix("q.json: (file): not valid JSON"))
        let binary = validator.check(data: Data([0xFF, 0xFE, 0x00, 0x81]), file: "q.json").1.map(\.description)
        #expect(binary == ["q.json: (file): is not UTF-8 text; expected a JSON file"])
        #expect(
            problems(raw: "[1, 2]") == [
                "q.json: (top level): expected a JSON object ({...})"
            ])
    }

    @Test func loadThrowsEveryProblem() throws {
        let data = try Fixture.smallJSON {
            [[String: Any]].edit(&$0, item: 1) { $0["id"] = "l1" }
            [[String: Any]].edit(&$0, item: 0) { $0["area"] = "nowhere" }
        }
        #expect(throws: SkillsError.self) { try validator.load(data: data, file: "q.json") }
        do {
            _ = try validator.load(data: data, file: "q.json")
        } catch let SkillsError.invalidQuestionnaire(problems) {
            #expect(problems.count == 2)
        }
    }
}

/// The first pass over kinds of value: every wrong type at once, no repeats afterwards.
@Suite struct FieldTypesTests {
    let validator = QuestionnaireValidator(framework: Fixture.framework)

    func problems(_ change: (inout [String: Any]) -> Void) throws -> [String] {
        validator.check(data: try Fixture.smallJSON(change), file: "q.json").1.map(\.description)
    }

    @Test func threeWrongTypesAreThreeLinesInOneRun() throws {
        let found = try problems {
            $0["minutes"] = "five"
            $0["version"] = 2
            [[String: Any]].edit(&$0, item: 1) { $0["reverse"] = "no" }
        }
        #expect(
            found == [
                "q.json: items[1].reverse: expected true or false; found the text \"no\" (write true or false without "
                    + "quotes)",
                "q.json: minutes: expected a whole number; found the text \"five\"",
                "q.json: version: expected text in quotes; found the number 2",
            ])
    }

    @Test func aMissingKindAndAMissingTypeAreNamedAndTheRestStillChecked() throws {
        let found = try problems {
            $0.removeValue(forKey: "kind")
            [[String: Any]].edit(&$0, item: 0) {
                $0.removeValue(forKey: "type")
                $0["area"] = "nowhere"
            }
        }
        #expect(
            found.contains(
                "q.json: kind: missing; expected one of 'check-in', 'self-assessment', 'quiz', 'observation'"))
        #expect(
            found.contains("q.json: items[0].type: missing; expected one of 'rating', 'choice', 'reflection', 'level'"))
        // The item is still read for what every item has.
        #expect(found.contains { $0.hasPrefix("q.json: items[0] (l1).area: unknown area 'nowhere'") })
        #expect(found.count == 3)
    }

    @Test func aBrokenScaleIsOneProblemNotOnePerRatingItem() throws {
        let found = try problems { $0["scale"] = ["min": "1", "max": 5, "labels": ["a", "b", "c", "d", "e"]] }
        #expect(
            found == [
                "q.json: scale.min: expected a whole number; found the text \"1\" (write the number without quotes)"
            ])
    }

    @Test func itemIdsAndLocationsInParenthesesCompareAsPlainPaths() {
        #expect(FieldTypes.plainPath("items[3] (listen-1).text") == "items[3].text")
        #expect(FieldTypes.plainPath("(file)") == "(file)")
    }
}
