import Foundation
import Testing

@testable import SkillsCore

/// The spreadsheet export read file by file on every core gives what reading every result,
/// filtering, sorting by time (the files' order breaking ties) and writing the rows gives.
@Suite struct AnswerExportFilesTests {
    let answers: [Response] = [.rating(4), .rating(2), .choice([0]), .skipped]

    /// The old way, from the pieces the export is made of.
    func expected(_ paths: [String], person: String?, questionnaire: String?) -> (String, [String], Int) {
        var problems: [String] = []
        let results = ResultReader.readAll(paths, problems: &problems).map(\.result).filter { result in
            (person.map { PersonName.same(result.person, $0) } ?? true)
                && (questionnaire == nil || result.questionnaire.id == questionnaire)
        }.sorted { $0.takenAt < $1.takenAt }
        let rows = [Escaping.csvRow(AnswerExport.header)] + results.flatMap(AnswerExport.csvRows)
        return (rows.joined(separator: "\r\n") + "\r\n", problems, results.count)
    }

    @Test("same text and warnings as reading every result first", arguments: [0, 1, 5, 70, 150])
    func sameAsReadingEverything(count: Int) throws {
        let folder = Fixture.temporaryFolder()
        let small = try Fixture.small()
        var paths: [String] = []
        for index in 0..<count {
            // Many equal times, so the order of the files decides; people of mixed case.
            let person = ["Ana", "ana", "Ben", "Zoë"][index % 4]
            let when = Fixture.date.addingTimeInterval(Double((count - index) % 7) * 60)
            let path = folder.appendingPathComponent(String(format: "%04d.json", index)).path
            try JSONFile.encode(Fixture.result(small, answers, person: person, at: when)).write(
                to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        if count > 3 { try Data("{\"format\": 1,".utf8).write(to: URL(fileURLWithPath: paths[2])) }
        for (person, questionnaire) in [(nil, nil), ("ANA", nil), (nil, small.id), ("Ben", "other")] {
            var problems: [String] = []
            let made = AnswerExport.csv(paths: paths, person: person, questionnaire: questionnaire, problems: &problems)
            let (text, expectedProblems, results) = expected(paths, person: person, questionnaire: questionnaire)
            #expect(made.text == text, "\(count) \(person ?? "-") \(questionnaire ?? "-")")
            #expect(problems == expectedProblems)
            #expect(made.results == results)
        }
    }
}
