import Foundation

// libFuzzer harness: any bytes as a questionnaire file. Decoding and validation must
// return problems, never crash.
let fuzzFramework = try! BuiltinData.framework()

@_cdecl("LLVMFuzzerTestOneInput")
public func questionnaireFuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let validator = QuestionnaireValidator(framework: fuzzFramework)
    let (questionnaire, problems) = validator.check(data: data, file: "fuzz.json")
    if let questionnaire, problems.isEmpty {
        // A valid questionnaire must also survive hashing and a scripted run.
        _ = ContentHash.of(questionnaire)
        let lines = questionnaire.items.map { _ in "1" }
        _ = try? QuestionnaireRunner(questionnaire: questionnaire, framework: fuzzFramework, interactive: true)
            .run(input: ScriptedInput(lines + ["q"]), output: RecordingOutput())
    }
    return 0
}
