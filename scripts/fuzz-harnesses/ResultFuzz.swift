import Foundation

// libFuzzer harness: any bytes as a result file in the store or a class folder. Reading
// must give a result or an error; a result read must render in every format and feed the
// class statistics without crashing.
let fuzzFramework = try! BuiltinData.framework()

@_cdecl("LLVMFuzzerTestOneInput")
public func resultFuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let result = try? ResultReader.read(data: data, path: "fuzz.json") else { return 0 }
    let report = ReportBuilder.build(result, previous: result, framework: fuzzFramework)
    _ = TextReportRenderer().render(report)
    _ = MarkdownReportRenderer().render(report)
    _ = HTMLReportRenderer(levels: fuzzFramework.levels).render(report)
    _ = HistoryBuilder.build([result, result], framework: fuzzFramework).map { HistoryRenderer.text($0) }
    var collector = ClassCollector(allAttempts: true)
    collector.add(result)
    collector.add(result)
    for group in collector.groups {
        _ = ClassRenderer.text(ClassSummaryBuilder.build(group, framework: fuzzFramework))
    }
    _ = AnswerExport.csvRows(result)
    return 0
}
