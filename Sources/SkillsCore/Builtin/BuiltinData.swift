import FoundationEssentials
import Glibc

/// The framework and questionnaires from Data/, compiled into the binary by SwiftPM
/// (`embedInCode` in Package.swift), so `skills` needs no files beside it.
public enum BuiltinData {
    public struct File: Sendable {
        public let name: String
        public let bytes: [UInt8]
    }

    public static let frameworkFile = File(name: "framework.json", bytes: PackageResources.framework_json)

    public static let questionnaireFiles: [File] = [
        File(name: "questionnaires/shift-checkin.json", bytes: PackageResources.shift_checkin_json),
        File(name: "questionnaires/self-assessment.json", bytes: PackageResources.self_assessment_json),
        File(name: "questionnaires/scenario-quiz.json", bytes: PackageResources.scenario_quiz_json),
        File(name: "questionnaires/coach-observation.json", bytes: PackageResources.coach_observation_json),
    ]

    /// The built-in framework. Its validity is pinned by the tests over Data/, so a
    /// failure here means the binary was built from a broken Data/ folder. Decoded once per
    /// process: commands ask for it from several places (levels for colours, targets, HTML).
    public static func framework() throws -> Framework { try decodedFramework.get() }

    private static let decodedFramework: Result<Framework, SkillsError> = {
        if let framework = frameworkFile.bytes.withUnsafeBufferPointer(Framework.fastRead) {
            return .success(framework)
        }
        do {
            return .success(
                try JSONFile.decode(
                    Framework.self, from: Data(frameworkFile.bytes), file: "built-in " + frameworkFile.name))
        } catch let error as SkillsError {
            return .failure(error)
        } catch {
            return .failure(.invalidData(file: "built-in " + frameworkFile.name, detail: "\(error)"))
        }
    }()

    /// The built-in questionnaires' ids, from their file names (`questionnaires/ID.json`, pinned
    /// by `BuiltinDataTests`), so that nothing is decoded to know them.
    public static let ids: [String] = questionnaireFiles.map { file in
        String(file.name.dropFirst("questionnaires/".count).dropLast(".json".count))
    }

    /// One built-in questionnaire, decoded only: every built-in is validated by the tests
    /// (`BuiltinDataTests`), not on every run. Nil for an id that is not built in.
    public static func questionnaire(id: String) throws -> Questionnaire? {
        guard let index = ids.firstIndex(of: id) else { return nil }
        return try decoded(questionnaireFiles[index])
    }

    static func decoded(_ file: File) throws -> Questionnaire {
        if let questionnaire = file.bytes.withUnsafeBufferPointer(Questionnaire.fastRead) { return questionnaire }
        return try JSONFile.decode(Questionnaire.self, from: Data(file.bytes), file: "built-in " + file.name)
    }

    /// The content hash (`ContentHash.of`) of each built-in questionnaire, with the fingerprint
    /// (`fingerprint(_:)`) of the file it was made from: encoding a questionnaire to hash it cost a
    /// check-in a fifth of its instructions. Used only while the file's bytes are those (a training
    /// team that edits Data/ gets hashes computed as before). `BuiltinDataTests` recomputes every entry.
    static let contentHashes: [String: (file: UInt64, content: String)] = [
        "shift-checkin": (
            0x0a43_11b2_1991_e340,
            "sha256:e87ce58ed19386129a02e6d1d06f0c28b4b547f682f92d77c1743f6c4fd90532"
        ),
        "self-assessment": (
            0x2f0d_2faa_ab92_1d0b,
            "sha256:f0b5664a6c8e66fdb2aa4310547fb4c43a418c5eb458fca31857a25defaada27"
        ),
        "scenario-quiz": (
            0xeee4_7d9d_fd36_f1c9,
            "sha256:33903fabd2de09517cd8722f20a7546c25e133de2fd61d4378f6cbcb73aa97e4"
        ),
        "coach-observation": (
            0x1aff_e451_1b83_9327,
            "sha256:d6c0658c549a4503581b8ce639dccdf2c0601ac7af691c4053ba7dc3518b4ca1"
        ),
    ]

    /// The content hash of the built-in questionnaire `id` as `questionnaire(id:)` gives it, when
    /// it is remembered for these bytes; nil otherwise (then `ContentHash.of` computes it).
    public static func knownContentHash(id: String) -> String? {
        guard let index = ids.firstIndex(of: id), let known = contentHashes[id],
            fingerprint(questionnaireFiles[index].bytes) == known.file
        else { return nil }
        return known.content
    }

    /// The 64-bit FNV-1a hash of a file's bytes: enough to tell an edited file from the one
    /// a content hash was made from, at a twentieth of SHA-256's cost (which was 0.46 M
    /// instructions of every `take` of the check-in).
    static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// What is wrong with built-in files: each must pass the validator and be named by its id
    /// (the id is read from the name). Run by the tests, since the binary no longer checks its
    /// built-ins on every run.
    public static func problems(in files: [File], framework: Framework) -> [String] {
        let validator = QuestionnaireValidator(framework: framework)
        return files.flatMap { file -> [String] in
            let (questionnaire, problems) = validator.check(data: Data(file.bytes), file: "built-in " + file.name)
            var found = problems.map(\.description)
            if let questionnaire, file.name != "questionnaires/\(questionnaire.id).json" {
                found.append("built-in \(file.name): named otherwise than its id '\(questionnaire.id)'")
            }
            return found
        }
    }

    /// Every built-in questionnaire, decoded and validated: for the tests and tools that check them.
    public static func questionnaires(framework: Framework) throws -> [Questionnaire] {
        let validator = QuestionnaireValidator(framework: framework)
        return try questionnaireFiles.map { try validator.load(data: Data($0.bytes), file: "built-in " + $0.name) }
    }
}
