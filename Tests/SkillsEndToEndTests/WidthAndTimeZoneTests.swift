import Foundation
import Testing

/// Text output fits the terminal (COLUMNS, then the terminal's own width, else 80), and times
/// are shown in the person's zone with the zone named while the store keeps UTC.
@Suite struct WidthAndTimeZoneTests {
    /// One store with something for every command: Ana's three check-ins (the last at 20:30
    /// UTC, which is another day in Kolkata), her full quiz, a self-assessment beside a coach
    /// observation, a target, and five classmates' check-ins.
    static let store: URL = {
        let store = SkillsBinary.temporaryFolder()
        func take(_ arguments: [String], at time: String) {
            let run = try! SkillsBinary.run(
                ["take"] + arguments + ["--store", store.path], environment: ["SKILLS_NOW": time])
            precondition(run.status == 0, run.stderr)
        }
        let checkins = [
            ("2026-11-02T09:00:00Z", "3,3,2,3,4,2,5,4,3,4"), ("2026-11-09T09:00:00Z", "4,3,3,3,4,2,5,4,3,4"),
            ("2026-11-16T20:30:00Z", "5,3,4,3,4,2,4,4,3,4"),
        ]
        for (time, answers) in checkins {
            take(["shift-checkin", "--name", "Ana", "--answers", answers], at: time)
        }
        let quiz = (0..<45).map { ["A", "B", "C"][$0 % 3] }.joined(separator: ",")
        take(["scenario-quiz", "--full", "--name", "Ana", "--answers", quiz], at: "2026-11-17T10:00:00Z")
        let selfRating = (0..<31).map { String(1 + $0 % 5) }.joined(separator: ",")
        take(["self-assessment", "--name", "Ana", "--answers", selfRating], at: "2026-11-18T10:00:00Z")
        take(
            ["coach-observation", "--name", "Ana", "--rater", "Sam", "--answers", "2,3,4,1,2,3,4,2,3,4"],
            at: "2026-11-18T11:00:00Z")
        for (index, name) in ["Bo", "Cy", "Dee", "Eve", "Fay"].enumerated() {
            let answers = (0..<10).map { String(1 + ($0 * 3 + index) % 5) }.joined(separator: ",")
            take(["shift-checkin", "--name", name, "--answers", answers], at: "2026-11-19T10:00:00Z")
        }
        _ = try! SkillsBinary.run(["target", "anticipating-needs", "75", "--name", "Ana", "--store", store.path])
        return store
    }()

    /// Every command with text output, as a person would type it.
    static let commands: [(name: String, arguments: [String])] = [
        ("report", ["report", "--name", "Ana", "--questionnaire", "shift-checkin"]),
        ("quiz report", ["report", "--name", "Ana", "--questionnaire", "scenario-quiz"]),
        ("history", ["history", "--name", "Ana"]),
        ("class", ["class", "--questionnaire", "shift-checkin"]),
        ("compare", ["compare", "--name", "Ana"]),
        ("show", ["show", "shift-checkin", "--key"]),
        ("show quiz", ["show", "scenario-quiz", "--key"]),
        ("rubric", ["rubric"]),
        ("list", ["list"]),
        ("target", ["target", "--name", "Ana"]),
        ("practice status", ["practice", "--name", "Ana", "--status"]),
        ("take", ["take", "shift-checkin", "--name", "Gil", "--answers", "4,5,2,3,4,2,5,4,3,4", "--no-save"]),
    ]

    /// Lines wider than `width` characters (not bytes), except a line holding a word longer
    /// than the width (a URL, a saved file's path), which is not broken.
    static func overflowing(_ text: String, width: Int) -> [String] {
        text.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init).filter { line in
            line.count > width && line.split(separator: " ").allSatisfy { $0.count <= width }
        }
    }

    @Test(arguments: [40, 60, 120])
    func everyTextOutputFitsColumns(width: Int) throws {
        for command in Self.commands {
            let run = try SkillsBinary.run(
                command.arguments + ["--store", Self.store.path], environment: ["COLUMNS": String(width)])
            #expect(run.status == 0, "\(command.name): \(run.stderr)")
            #expect(!run.stdout.isEmpty, "\(command.name) printed nothing")
            let text = run.stdout
            #expect(
                Self.overflowing(text, width: width).isEmpty,
                "\(command.name) at \(width): \(Self.overflowing(text, width: width))")
        }
    }

    /// JSON cannot be wrapped and still be pasted: the class summary's calibration block is
    /// printed when it fits, and otherwise the summary says where to find it.
    @Test func theCalibrationBlockIsShownOnlyWhereItFits() throws {
        let wide = try SkillsBinary.run(
            ["class", "--questionnaire", "shift-checkin", "--store", Self.store.path], environment: ["COLUMNS": "120"])
        let narrow = try SkillsBinary.run(
            ["class", "--questionnaire", "shift-checkin", "--store", Self.store.path], environment: ["COLUMNS": "60"])
        #expect(wide.stdout.contains("\"calibration\" : {"))
        #expect(narrow.stdout.contains("\"calibration\" : {") == false)
        #expect(narrow.stdout.contains("is the \"calibration\" key of --format json"))
    }

    @Test func wideTablesFoldRatherThanOverflow() throws {
        let history = { (width: Int) in
            try SkillsBinary.run(
                ["history", "--name", "Ana", "--store", Self.store.path], environment: ["COLUMNS": String(width)]
            ).stdout
        }
        // 120: areas by name; 80: by code with a legend; 40: one block per result.
        #expect(try history(120).contains("Anticipating needs  Communicating"))
        let eighty = try history(80)
        #expect(eighty.contains("LIS") && eighty.contains("ANT = Anticipating needs"))
        let forty = try history(40)
        #expect(!forty.contains("DATE") && forty.contains("\n  OVERALL "))
        #expect(forty.contains("  Listening "))
        // Bars shrink with the width: 20 cells at 120, fewer at 60.
        let bars = { (width: Int) in
            try SkillsBinary.run(
                ["report", "--name", "Ana", "--questionnaire", "shift-checkin", "--store", Self.store.path],
                environment: ["COLUMNS": String(width)]
            ).stdout.split(separator: "\n").first { $0.contains("█") }.map {
                $0.filter { "█▏▎▍▌▋▊▉░".contains($0) }.count
            }
        }
        #expect(try bars(120) == 20)
        #expect(try bars(60)! < 20)
    }

    // MARK: The terminal's own width

    func onTerminal(columns: Int, _ arguments: [String], typing: String = "") throws -> SkillsRun {
        let command = ([SkillsBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try SkillsBinary.run(
            ["-qec", "stty cols \(columns) rows 40; \(command)", "/dev/null"], stdin: typing,
            environment: ["TERM": "xterm", "NO_COLOR": "1"], executable: URL(fileURLWithPath: TerminalTests.script))
    }

    @Test func withoutColumnsTheTerminalsWidthIsUsed() throws {
        let arguments = ["report", "--name", "Ana", "--questionnaire", "shift-checkin", "--store", Self.store.path]
        let narrow = try onTerminal(columns: 60, arguments)
        #expect(narrow.status == 0)
        #expect(Self.overflowing(narrow.stdout, width: 60).isEmpty, "\(Self.overflowing(narrow.stdout, width: 60))")
        // Not the 80 of no terminal: the same report piped has lines between 60 and 80.
        let piped = try SkillsBinary.run(arguments)
        #expect(!Self.overflowing(piped.stdout, width: 60).isEmpty)
        #expect(Self.overflowing(piped.stdout, width: 80).isEmpty)
    }

    @Test func takesQuestionsAndHelpFitTheTerminal() throws {
        let store = SkillsBinary.temporaryFolder()
        // '?' for help, a wrong answer, then answers; the last is a reflection.
        let typing = "?\n9\n" + String(repeating: "3\n", count: 10) + "A long shift with many calls\n"
        let run = try onTerminal(
            columns: 40, ["take", "shift-checkin", "--name", "Ana", "--store", store.path], typing: typing)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("1/11 · Listening"))
        #expect(run.stdout.contains("5 Every time"))
        // What was typed is echoed on the terminal's lines too; the reflection is shorter than 40.
        #expect(Self.overflowing(run.stdout, width: 40).isEmpty, "\(Self.overflowing(run.stdout, width: 40))")
    }

    // MARK: Local time

    @Test func timesAreShownInTheZoneWithItsNameAndStoredInUTC() throws {
        let report = { (zone: String) in
            try SkillsBinary.run(
                ["report", "--name", "Ana", "--questionnaire", "shift-checkin", "--store", Self.store.path],
                environment: ["TZ": zone]
            ).stdout
        }
        // The last check-in was 2026-11-16T20:30:00Z; the one before 2026-11-09T09:00:00Z.
        let newYork = try report("America/New_York")
        #expect(newYork.contains("2026-11-16 15:30 EST"))
        #expect(newYork.contains("Compared with 2026-11-09 04:00 EST"))
        let kolkata = try report("Asia/Kolkata")
        #expect(kolkata.contains("2026-11-17 02:00 IST"))
        // A zone whose tz abbreviation is a number ("-03") is shown as its offset.
        #expect(try report("America/Sao_Paulo").contains("2026-11-16 17:30 -03:00"))
        #expect(try report("UTC").contains("2026-11-16 20:30 UTC"))

        let history = try SkillsBinary.run(
            ["history", "--name", "Ana", "--store", Self.store.path], environment: ["TZ": "Asia/Kolkata"]
        ).stdout
        #expect(history.contains("2026-11-02 14:30 IST") && history.contains("2026-11-17 02:00 IST"))
        let compare = try SkillsBinary.run(
            ["compare", "--name", "Ana", "--store", Self.store.path], environment: ["TZ": "America/New_York"]
        ).stdout
        #expect(compare.contains("2026-11-18 05:00 EST") && compare.contains("2026-11-18 06:00 EST"))

        // The store and the machine-readable formats keep UTC.
        let file = SkillsBinary.results(in: Self.store).sorted().first { $0.hasPrefix("2026-11-16T203000-ana") }
        let stored = try String(
            contentsOf: Self.store.appendingPathComponent("results/" + (file ?? "")), encoding: .utf8)
        #expect(stored.contains("2026-11-16T20:30:00Z"))
        for format in ["csv", "json"] {
            let data = try SkillsBinary.run(
                ["history", "--name", "Ana", "--store", Self.store.path, "--format", format],
                environment: ["TZ": "Asia/Kolkata"]
            ).stdout
            #expect(data.contains("2026-11-16T20:30:00Z") && !data.contains("IST"), "\(format)")
        }
    }

    @Test func sinceADayMeansThatDayInThePersonsZone() throws {
        let since = { (zone: String) in
            try SkillsBinary.run(
                ["history", "--name", "Ana", "--store", Self.store.path, "--since", "2026-11-17", "--format", "csv"],
                environment: ["TZ": zone]
            ).stdout.split(separator: "\n").count - 1
        }
        // 20:30 UTC on the 16th is 02:00 on the 17th in Kolkata: on the 17th there, not in UTC.
        #expect(try since("Asia/Kolkata") == 1)
        #expect(try since("UTC") == 0)
    }
}
