// Benchmark helper (scripts/bench runs it):
//   skills-bench generate DIR COUNT SEED [ID]  deterministic results (default: the self-assessment)
//   skills-bench store DIR COUNT SEED PEOPLE [ID]  a store: COUNT results of PEOPLE people
//                                          (Agent 000000, …), named as `save` names them
//   skills-bench parse DIR                 the read-and-parse floor: read and decode every file
import Foundation
import SkillsCore

/// SplitMix64: a small, well-known generator, so the same seed gives the same files.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Normal(0, 1) by Box-Muller.
    mutating func normal() -> Double { (-2 * log(max(uniform(), 1e-12))).squareRoot() * cos(2 * .pi * uniform()) }
}

/// `store`: results of `people` people in turn, a minute apart, in `folder`/results/ with the
/// names `save` gives (time, person, questionnaire), as a team's shared store holds them.
func generate(folder: String, count: Int, seed: UInt64, id: String = "self-assessment", people: Int? = nil) throws {
    let framework = try BuiltinData.framework()
    let questionnaire = try BuiltinData.questionnaires(framework: framework).first { $0.id == id }!
    let target = people == nil ? folder : folder + "/results"
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    var random = SplitMix64(state: seed)
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    for index in 0..<count {
        // Each person has a general level and an offset per area; answers scatter around
        // it, reverse-keyed statements are answered from the other end, 2% are skipped.
        let general = 3.4 + 0.6 * random.normal()
        var offsets: [String: Double] = [:]
        for area in framework.areaIDs { offsets[area] = 0.5 * random.normal() }
        let responses = questionnaire.items.map { item -> Response in
            guard item.type == .rating, let area = item.area else { return .skipped }
            if random.uniform() < 0.02 { return .skipped }
            let keyed = general + offsets[area]! + 0.7 * random.normal()
            let raw = item.isReverseKeyed ? 6 - keyed : keyed
            return .rating(min(5, max(1, Int(raw.rounded()))))
        }
        let id = String(format: "%016llx%016llx", random.next(), random.next())
        let result = ResultBuilder.build(
            questionnaire: questionnaire, responses: responses,
            person: String(format: "Agent %06d", index % (people ?? count)),
            takenAt: start.addingTimeInterval(Double(index) * 60), framework: framework, id: id)
        let name = people == nil ? String(format: "r%06d.json", index) : storeName(result)
        try JSONFile.encode(result).write(to: URL(fileURLWithPath: target).appendingPathComponent(name))
    }
}

/// `2026-11-23T051200-agent-000001-shift-checkin-1a2b3c4d.json`, as `ResultStore.save` names a file.
func storeName(_ result: AssessmentResult) -> String {
    let f = ISODate.utcFields(result.takenAt)
    let stamp = String(format: "%04d-%02d-%02dT%02d%02d%02d", f.year, f.month, f.day, f.hour, f.minute, f.second)
    let person = TextSafety.slug(result.person)
    return "\(stamp)-\(person)-\(TextSafety.slug(result.questionnaire.id))-\(result.id.prefix(8)).json"
}

func parse(folder: String) throws {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    var count = 0
    for path in try JSONFile.files(in: folder) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try decoder.decode(AssessmentResult.self, from: data)
        count += 1
    }
    print("\(count) results read")
}

let arguments = CommandLine.arguments
do {
    switch (arguments.count, arguments.count > 1 ? arguments[1] : "") {
    case (5, "generate"): try generate(folder: arguments[2], count: Int(arguments[3])!, seed: UInt64(arguments[4])!)
    case (6, "generate"):
        try generate(folder: arguments[2], count: Int(arguments[3])!, seed: UInt64(arguments[4])!, id: arguments[5])
    case (6, "store"), (7, "store"):
        try generate(
            folder: arguments[2], count: Int(arguments[3])!, seed: UInt64(arguments[4])!,
            id: arguments.count == 7 ? arguments[6] : "shift-checkin", people: Int(arguments[5])!)
    case (3, "parse"): try parse(folder: arguments[2])
    default:
        FileHandle.standardError.write(
            Data(
                "usage: skills-bench generate DIR COUNT SEED [ID] | store DIR COUNT SEED PEOPLE [ID] | parse DIR\n".utf8
            ))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("skills-bench: \(error)\n".utf8))
    exit(1)
}
