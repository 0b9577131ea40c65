import Foundation
import Testing

@testable import SkillsCore

/// Every input the fuzzers (scripts/fuzz) found a problem with, kept in FuzzRegressions/
/// by harness, goes through the same code again: it must give a clean result or an error.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "FuzzRegressions")

    static func inputs(_ harness: String) -> [String] {
        let path = folder.appendingPathComponent(harness).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(harness)/\($0)" }
    }

    static var all: [String] {
        ["questionnaire", "answers", "gift", "aiken", "result", "reader", "targets"].flatMap(inputs)
    }

    @Test(arguments: all)
    func aFuzzFindingStaysFixed(input: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(input))
        let text = String(decoding: data, as: UTF8.self)
        let validator = QuestionnaireValidator(framework: Fixture.framework)
        let options = ImportOptions(id: "fuzz", title: "Fuzz", area: "empathy", sourceName: "fuzz")
        switch input.split(separator: "/")[0] {
        case "questionnaire":
            _ = validator.check(data: data, file: input)
        case "answers":
            // Read through a pipe as through a file: the same bytes (a reader once trusted the size).
            let pipe = Pipe()
            pipe.fileHandleForWriting.write(data)
            try pipe.fileHandleForWriting.close()
            let piped = try JSONFile.read(
                "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)", regularOnly: false)
            #expect(piped == data)
            for questionnaire in try BuiltinData.questionnaires(framework: Fixture.framework) {
                _ = try? AnswerSheet.fromList(text, for: questionnaire, framework: Fixture.framework)
                _ = try? AnswerSheet.fromFile(text, file: input, for: questionnaire, framework: Fixture.framework)
            }
        case "gift":
            if let imported = try? GIFTImporter.parse(text, file: input, options: options, framework: Fixture.framework)
            {
                #expect(validator.check(imported.questionnaire, file: input).map(\.description) == [])
            }
        case "aiken":
            if let imported = try? AikenImporter.parse(text, file: input, options: options) {
                #expect(validator.check(imported.questionnaire, file: input).map(\.description) == [])
            }
        case "targets":
            // A targets file is checked before any arithmetic: loaded in range, or refused.
            let store = ResultStore(
                root: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString))
            try FileManager.default.createDirectory(at: store.root, withIntermediateDirectories: true)
            try data.write(to: store.targetsFile)
            if let targets = try? store.loadTargets() {
                for value in targets.people.values.flatMap(\.values) { #expect(value >= 0 && value <= 100) }
                let checkin = try Fixture.builtin("shift-checkin")
                let result = Fixture.result(checkin, Array(repeating: Response.rating(3), count: 10) + [.skipped])
                for person in targets.people.keys {
                    let report = ReportBuilder.build(result, targets: targets.of(person), framework: Fixture.framework)
                    _ = TextReportRenderer().render(report)
                }
            }
        case "reader":
            // The class summary's fast reader reads a file only when the full decoder does.
            let full = try? ResultReader.read(data: data, path: input)
            if ClassRecord.fastRead(data) != nil { #expect(full != nil) }
            var collector = ClassCollector(allAttempts: true)
            collector.add(data: data, path: input)
            collector.add(data: data, path: input)
            #expect(collector.groups.reduce(0) { $0 + $1.resultCount } == (full == nil ? 0 : 2))
        default:
            if let result = try? ResultReader.read(data: data, path: input) {
                _ = TextReportRenderer().render(ReportBuilder.build(result, framework: Fixture.framework))
            }
        }
    }
}
