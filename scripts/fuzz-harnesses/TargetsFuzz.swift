import Foundation

// libFuzzer harness: any bytes as a store's targets.json. Loading goes through the real
// file reader (ResultStore.loadTargets), because a pipe or a short read is where the file
// reader and the decoder can disagree; targets that load must render in every report format.
let fuzzFramework = try! BuiltinData.framework()
let fuzzStore: ResultStore = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
        "targets-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
    try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return ResultStore(root: root)
}()
// One real result per built-in questionnaire, so targets meet rated and quizzed areas alike.
let fuzzResults: [AssessmentResult] = {
    let questionnaires = try! BuiltinData.questionnaires(framework: fuzzFramework)
    return questionnaires.compactMap { questionnaire in
        let answers = questionnaire.items.map { _ in "-" }.joined(separator: ",")
        guard let responses = try? AnswerSheet.fromList(answers, for: questionnaire, framework: fuzzFramework)
        else { return nil }
        return ResultBuilder.build(
            questionnaire: questionnaire, responses: responses, person: "Ana", takenAt: Date(),
            framework: fuzzFramework)
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func targetsFuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    try! data.write(to: fuzzStore.targetsFile)
    guard let targets = try? fuzzStore.loadTargets() else { return 0 }
    var people = Array(targets.people.keys.prefix(4))
    people.append("Ana")
    for person in people {
        let chosen = targets.of(person)
        for result in fuzzResults {
            let report = ReportBuilder.build(result, previous: result, targets: chosen, framework: fuzzFramework)
            _ = TextReportRenderer().render(report)
            _ = MarkdownReportRenderer().render(report)
            _ = HTMLReportRenderer(levels: fuzzFramework.levels).render(report)
        }
    }
    var changed = targets
    changed.set("Ana", area: "empathy", score: 50)
    changed.clear("Ana", area: nil)
    _ = try? JSONFile.encode(changed)
    return 0
}
