import Foundation

// libFuzzer harness: any text as `--answers` and as an answers file, for every built-in
// questionnaire. Parsing must give responses or an error, never crash.
let fuzzFramework = try! BuiltinData.framework()
let fuzzQuestionnaires = try! BuiltinData.questionnaires(framework: fuzzFramework)

@_cdecl("LLVMFuzzerTestOneInput")
public func answersFuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: Data(bytes: start, count: count), as: UTF8.self)
    for questionnaire in fuzzQuestionnaires {
        if let responses = try? AnswerSheet.fromList(text, for: questionnaire, framework: fuzzFramework) {
            _ = ResultBuilder.build(
                questionnaire: questionnaire, responses: responses, person: "fuzz", takenAt: Date(),
                framework: fuzzFramework)
        }
        _ = try? AnswerSheet.fromFile(text, file: "fuzz.txt", for: questionnaire, framework: fuzzFramework)
        _ = try? QuestionnaireRunner(questionnaire: questionnaire, framework: fuzzFramework, interactive: false)
            .run(input: ScriptedInput(text.components(separatedBy: "\n")), output: RecordingOutput())
    }
    return 0
}
