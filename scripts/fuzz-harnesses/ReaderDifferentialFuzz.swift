import Foundation

// libFuzzer harness: the same bytes through the readers of result files. The whole-result
// fast reader (AssessmentResult.fastRead) must give JSONDecoder's value or nil. The class
// summary's fast reader (ClassRecord.fastRead) may step aside for anything, but when it
// reads a file the full decoder (ResultReader.read, with its range checks) must accept the
// file too and read the same values the class statistics use; the class collector must
// take a file exactly when the full decoder does. Any difference stops with a trap.
let fuzzFramework = try! BuiltinData.framework()

func differ(_ what: String, _ data: Data) -> Never {
    let text = String(decoding: data.prefix(2000), as: UTF8.self)
    fatalError("readers disagree: \(what)\n\(text)")
}

func same(_ a: Double?, _ b: Double?) -> Bool {
    a?.bitPattern == b?.bitPattern || (a != nil && b != nil && a == b)
}

func compare(_ fast: ClassRecord, _ full: ClassRecord, _ data: Data) {
    if fast.questionnaire != full.questionnaire { differ("questionnaire", data) }
    if fast.person != full.person { differ("person", data) }
    if fast.takenAt != full.takenAt { differ("takenAt \(fast.takenAt) vs \(full.takenAt)", data) }
    if !same(fast.overall, full.overall) { differ("overall", data) }
    if fast.areaScores.count != full.areaScores.count { differ("area count", data) }
    for (a, b) in zip(fast.areaScores, full.areaScores) {
        if a.area != b.area || !same(a.score, b.score) { differ("area \(b.area)", data) }
    }
    if fast.answers.count != full.answers.count { differ("answer count", data) }
    for (a, b) in zip(fast.answers, full.answers) {
        if a.item != b.item || a.type != b.type { differ("answer \(b.item) identity", data) }
        if !same(a.points, b.points) { differ("answer \(b.item) points", data) }
        if (a.answer == nil) != (b.answer == nil) { differ("answer \(b.item) answered", data) }
        if a.type == .choice && a.answer != b.answer { differ("answer \(b.item) letters", data) }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func readerDifferentialFuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let full = try? ResultReader.readInFull(data: data, path: "fuzz.json")
    // The whole-result fast reader (every other command): the same value, or nil.
    if let whole = AssessmentResult.fastRead(data) {
        guard let full else { differ("the whole-result reader read a file the full decoder refuses", data) }
        if whole != full { differ("the whole-result reader read another value", data) }
        if (try? JSONFile.encode(whole)) != (try? JSONFile.encode(full)) { differ("whole-result bytes", data) }
    }
    if let fast = ClassRecord.fastRead(data) {
        guard let full else { differ("the fast reader read a file the full decoder refuses", data) }
        compare(fast, ClassRecord(full), data)
    }
    // Through the collector as `skills class` reads: the first file of a questionnaire in
    // full, the second (the same bytes) by the fast path when it can.
    var collector = ClassCollector(allAttempts: true)
    collector.add(data: data, path: "fuzz.json")
    collector.add(data: data, path: "fuzz.json")
    let taken = collector.groups.reduce(0) { $0 + $1.resultCount }
    if taken != (full == nil ? 0 : 2) { differ("the collector took \(taken) of 2; full: \(full != nil)", data) }
    // Values the range checks allow must not trap anything downstream.
    for group in collector.groups {
        _ = ClassRenderer.text(ClassSummaryBuilder.build(group, framework: fuzzFramework))
    }
    if let full {
        let report = ReportBuilder.build(full, previous: full, framework: fuzzFramework)
        _ = TextReportRenderer().render(report)
        _ = HistoryBuilder.build([full, full], framework: fuzzFramework).map { HistoryRenderer.text($0) }
    }
    return 0
}
