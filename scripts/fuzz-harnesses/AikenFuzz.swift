import Foundation

// libFuzzer harness: any text as an Aiken file.
let fuzzFramework = try! BuiltinData.framework()

@_cdecl("LLVMFuzzerTestOneInput")
public func aikenFuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: Data(bytes: start, count: count), as: UTF8.self)
    let options = ImportOptions(id: "fuzz", title: "Fuzz", area: "empathy", sourceName: "fuzz.txt")
    if let imported = try? AikenImporter.parse(text, file: "fuzz.txt", options: options) {
        let problems = QuestionnaireValidator(framework: fuzzFramework).check(imported.questionnaire, file: "fuzz")
        if !problems.isEmpty { fatalError("imported questionnaire is invalid: \(problems)") }
    }
    return 0
}
