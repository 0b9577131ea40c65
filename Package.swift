// swift-tools-version:6.0
import PackageDescription

// The built-in framework and questionnaires live in the top-level Data/ folder so a
// training team can read and adapt them; each file is compiled into the binary
// (embedInCode) so `skills` works when copied alone onto the PATH.
let builtinData = [
    "framework.json",
    "questionnaires/shift-checkin.json",
    "questionnaires/self-assessment.json",
    "questionnaires/scenario-quiz.json",
    "questionnaires/coach-observation.json",
]

// SwiftPM exports every symbol of an executable on Linux. The Swift run time's start-up then
// searches that table (dladdr, once per run: 0.18 M instructions, 5,282 symbols against 368),
// and nothing needs to look up a symbol of these programs by name.
let unexported: [LinkerSetting] = [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]

let package = Package(
    name: "skills",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "skills", targets: ["skills"]),
        .library(name: "SkillsCore", targets: ["SkillsCore"]),
    ],
    targets: [
        .target(
            name: "SkillsCore",
            resources: builtinData.map { .embedInCode("../../Data/\($0)") }
        ),
        .executableTarget(name: "skills", dependencies: ["SkillsCore"], linkerSettings: unexported),
        // For scripts/bench only: synthetic results, the read-and-parse floor, the start-up
        // floor (a program that only prints) and the same with Foundation linked in.
        .executableTarget(name: "skills-bench", dependencies: ["SkillsCore"]),
        .executableTarget(name: "bench-hello", linkerSettings: unexported),
        .executableTarget(name: "bench-foundation", linkerSettings: unexported),
        // Scratch folders for both test targets, removed when the tests end.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(
            name: "SkillsCoreTests", dependencies: ["SkillsCore", "TestScratch"],
            exclude: ["Fixtures", "Snapshots", "FuzzRegressions"]),
        .testTarget(
            name: "SkillsEndToEndTests", dependencies: ["skills", "SkillsCore", "TestScratch"], exclude: ["Fixtures"]),
    ]
)
