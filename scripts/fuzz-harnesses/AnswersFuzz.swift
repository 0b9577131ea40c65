import Foundation

// libFuzzer harness: any bytes as `--answers`, as an answers file and as piped answers, for
// every built-in questionnaire. Parsing must give responses or an error, never crash; and an
// answers file read through a pipe must give what the same bytes give as a regular file,
// because a reader that trusts the file's size reads nothing from a pipe.
let fuzzFramework = try! BuiltinData.framework()
let fuzzQuestionnaires = try! BuiltinData.questionnaires(framework: fuzzFramework)
let fuzzFile = FileManager.default.temporaryDirectory.appendingPathComponent(
    "answers-fuzz-\(ProcessInfo.processInfo.processIdentifier).txt")

/// The bytes as `take --answers-file` reads them: the file reader, then UTF-8 or an error.
func answersText(at path: String) -> String? {
    guard let data = try? JSONFile.read(path, regularOnly: false) else { return nil }
    return String(data: data, encoding: .utf8)
}

/// The bytes written into a pipe and read back through `/dev/fd/N`, as with `<(…)`.
func answersTextThroughPipe(_ data: Data) -> String? {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return nil }
    defer { close(ends[0]) }
    // Up to 64 KiB fits in the pipe's buffer, so one write does not block (max_len is 65536).
    _ = data.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
    close(ends[1])
    return answersText(at: "/dev/fd/\(ends[0])")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func answersFuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let text = String(decoding: data, as: UTF8.self)
    try! data.write(to: fuzzFile)
    let fromFile = answersText(at: fuzzFile.path)
    let fromPipe = answersTextThroughPipe(data)
    precondition(fromFile == fromPipe, "a pipe read \(fromPipe?.utf8.count ?? -1) bytes; the file gave \(count)")
    for questionnaire in fuzzQuestionnaires {
        if let responses = try? AnswerSheet.fromList(text, for: questionnaire, framework: fuzzFramework) {
            _ = ResultBuilder.build(
                questionnaire: questionnaire, responses: responses, person: "fuzz", takenAt: Date(),
                framework: fuzzFramework)
        }
        if let fromFile {
            _ = try? AnswerSheet.fromFile(fromFile, file: "fuzz.txt", for: questionnaire, framework: fuzzFramework)
        }
        _ = try? QuestionnaireRunner(questionnaire: questionnaire, framework: fuzzFramework, interactive: false)
            .run(input: ScriptedInput(text.components(separatedBy: "\n")), output: RecordingOutput())
    }
    return 0
}
