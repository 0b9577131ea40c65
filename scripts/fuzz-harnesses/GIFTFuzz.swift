import Foundation

// libFuzzer harness: any text as a GIFT file. Import must give a questionnaire that passes
// validation, or an error, never crash.
let fuzzFramework = try! BuiltinData.framework()

@_cdecl("LLVMFuzzerTestOneInput")
public func giftFuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: Data(bytes: start, count: count), as: UTF8.self)
    let options = ImportOptions(id: "fuzz", title: "Fuzz", area: "empathy", sourceName: "fuzz.gift")
    if let imported = try? GIFTImporter.parse(text, file: "fuzz.gift", options: options, framework: fuzzFramework) {
        let problems = QuestionnaireValidator(framework: fuzzFramework).check(imported.questionnaire, file: "fuzz")
        // The import command refuses such output; record it as a finding all the same.
        if !problems.isEmpty { fatalError("imported questionnaire is invalid: \(problems)") }
    }
    return 0
}
