import FoundationEssentials
import Glibc
import SkillsCore

enum PracticeCommand: Command {
    static let spec = CommandSpec(
        name: "practice",
        summary: "Practise the quiz questions you missed, spaced over days, with feedback on each answer.",
        usage:
            "[--name NAME] [--count N] [--answers LIST | --answers-file FILE] [--status] [--format FORMAT] "
            + "[--output FILE]",
        options: [
            OptionSpec("--name", value: "NAME", "whose practice (default: your login name)"),
            OptionSpec(
                "--count", value: "N", "how many questions one session asks, 1 to 50 (default \(defaultCount))"),
            OptionSpec(
                "--answers", value: "LIST",
                "answers in session order, comma-separated letters (A = the first option as written), '-' to skip"),
            OptionSpec(
                "--answers-file", value: "FILE",
                "answers as 'item-id: answer' lines for questions of today's session; others are skipped"),
            OptionSpec("--status", "show what is due today and later, what is retired, and each area's boxes"),
            OptionSpec("--output", value: "FILE", "write the summary or status to FILE instead of standard output"),
        ],
        formats: Format.names,
        environment: [
            ("SKILLS_NOW", "the time to practise at instead of the clock's (ISO 8601)"),
            ("TZ", "the time zone whose calendar days the schedule counts (default: the system's)"),
        ],
        discussion: """
            The questions you missed in any quiz (a wrong answer or a skip) come back in a Leitner
            schedule: a missed question is due the day of the quiz; answered right it moves up a box
            and comes back after 2, 4, 8 and 16 days, and right in the last box it is retired; a wrong
            answer sends it back to box 1, due the next day. A session asks the questions due first,
            then questions you have not answered yet from the same skill areas. Questions and feedback
            go to standard error; the summary to standard output. Practice answers are not results:
            reports, history and class summaries never count them. Answers are kept as you give them.
            """,
        examples: [
            "skills practice",
            "skills practice --status",
            "skills practice --status --format json",
            "skills practice --name Ana --count 3 --answers B,-,C",
            "skills practice --answers-file today.txt --format json",
        ])

    enum Format: String, CommandFormat { case text, json }

    static let defaultCount = PracticeSession.defaultCount

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        let count = try sessionLength(context)
        let status = context.arguments.has("--status")
        let list = context.arguments.value("--answers")
        let file = context.arguments.value("--answers-file")
        if list != nil && file != nil {
            throw CommandLineError(message: "give --answers or --answers-file, not both", spec: spec)
        }
        if status && (list != nil || file != nil) {
            throw CommandLineError(message: "--status shows the schedule; give answers without it", spec: spec)
        }
        let now = try Clock.now(context.environment)
        let day = CalendarDay(now.addingTimeInterval(TimeInterval(context.timeZone.secondsFromGMT(for: now))))
        try context.checkOutput()
        let catalog = try context.catalog()
        let banks = quizzes(in: catalog)
        let store = context.store
        var problems: [String] = []
        defer { Set(problems).sorted().forEach(context.warn) }
        let person = try context.person(problems: &problems)
        let theirs = try store.results(of: person, problems: &problems).map(\.result)
        try checkKnown(person, results: theirs, context: context, problems: &problems)
        let results = theirs.filter { banks[$0.questionnaire.id] != nil }
        var progress = try catchUp(person: person, results: results, writing: !status, store: store)
        if status {
            let summary = PracticeStatus.build(
                progress: progress, results: results, banks: banks, framework: catalog.framework, on: day, count: count)
            switch format {
            case .text: try context.emit(PracticeStatusRenderer.text(summary, style: context.textStyle))
            case .json: try context.emit(JSONFile.text(summary), as: format)
            }
            return ExitCode.success
        }
        let questions = PracticeSession.questions(
            progress: progress, results: results, banks: banks, on: day, count: count)
        guard let form = PracticeSession.form(of: questions, banks: banks) else {
            return try nothingToPractise(progress: progress, day: day, format: format, context: context)
        }
        try store.checkWritable()
        let scripted = try scriptedAnswers(for: form, questions: questions, progress: progress, context: context)
        Interrupt.install(message: "Stopped: the answers given so far are kept.")
        var summary = PracticeSummary(person: person, day: day)
        summary.asked = questions.count
        try ask(
            questions, form: form, person: person, scripted: scripted, framework: catalog.framework, context: context
        ) {
            index, response, correct in
            let question = questions[index]
            var before: LeitnerSchedule.Card?
            progress = try store.updatePractice(of: person, whileLocked: testPause(context)) {
                before = $0.schedule.cards[question.key]
                $0.record(question: question.key, correct: correct, on: day)
            }
            summary.answers.append(
                PracticeSummary.answer(to: question, response: response, correct: correct, progress: progress))
            return outcome(of: progress.schedule.cards[question.key], before: before, correct: correct)
        }
        summary.close(with: progress)
        switch format {
        case .text: try context.emit(summary.text(width: context.textStyle.width))
        case .json: try context.emit(JSONFile.text(summary), as: format)
        }
        return ExitCode.success
    }

    /// The person's progress with the misses of quiz results not read before put in; written
    /// back (under the lock) only for a practice run, and only when there is something to keep:
    /// a quiz with nothing missed needs no practice file.
    private static func catchUp(person: String, results: [AssessmentResult], writing: Bool, store: ResultStore)
        throws -> PracticeProgress
    {
        let stored = try store.loadPractice(of: person)
        var progress = stored ?? PracticeProgress(person: person)
        guard progress.read(results), writing, stored != nil || !progress.schedule.cards.isEmpty else {
            return progress
        }
        try store.checkWritable()
        return try store.updatePractice(of: person) { $0.read(results) }
    }

    /// Asks the session: scripted answers as written, or typed at a terminal with each
    /// question's options in the person's shuffled order, or piped in. `record` gets answers
    /// as written (authored option indices).
    private static func ask(
        _ questions: [PracticeQuestion], form: Questionnaire, person: String, scripted: [Response]?,
        framework: Framework, context: Context, record: (Int, Response, Bool) throws -> String
    ) throws {
        let shuffled = scripted == nil && context.inputIsTerminal ? ShuffledOptions(form: form, person: person) : nil
        var runner = PracticeRunner(
            form: shuffled?.presented ?? form, questions: questions, framework: framework,
            interactive: context.inputIsTerminal && scripted == nil)
        runner.width = context.textStyle.width
        try runner.run(scripted: scripted, input: context.input, output: context.errors) { index, shown, correct in
            var shownAnswers = [Response](repeating: .skipped, count: form.items.count)
            shownAnswers[index] = shown
            return try record(index, shuffled?.authored(shownAnswers)[index] ?? shown, correct)
        }
    }

    /// A hook for the test of two runs at once: hold the lock this many seconds.
    private static func testPause(_ context: Context) -> (() -> Void)? {
        guard let seconds = context.environment["SKILLS_TEST_PRACTICE_PAUSE"].flatMap(TimeInterval.init) else {
            return nil
        }
        return { wait(seconds: seconds) }
    }

    private static func sessionLength(_ context: Context) throws -> Int {
        guard let text = context.arguments.value("--count") else { return defaultCount }
        guard let count = Int(text), (1...50).contains(count) else {
            throw CommandLineError(
                message: "--count '\(TextSafety.visible(text))' is not a number of questions; expected 1 to 50",
                spec: spec)
        }
        return count
    }

    /// The quizzes practice can ask from: built-in and the store's, with lettered options.
    private static func quizzes(in catalog: QuestionnaireCatalog) -> [String: Questionnaire] {
        var banks: [String: Questionnaire] = [:]
        for entry in catalog.entries where entry.questionnaire.kind == .quiz {
            if entry.questionnaire.items.contains(where: { $0.type == .choice }) {
                banks[entry.questionnaire.id] = entry.questionnaire
            }
        }
        return banks
    }

    /// A name given with --name that has no results in a store that holds other people's is
    /// most likely a typo: say so rather than offer an empty practice.
    private static func checkKnown(
        _ person: String, results: [AssessmentResult], context: Context, problems: inout [String]
    ) throws {
        guard context.arguments.value("--name") != nil, results.isEmpty else { return }
        let people = try context.store.people(upTo: 4, problems: &problems)
        guard !people.isEmpty else { return }
        let named = people.prefix(3).map { TextSafety.visible($0) }.joined(separator: ", ")
        throw SkillsError.notFound(
            "no results for '\(TextSafety.visible(person))'; the store has results for "
                + "\(people.count > 3 ? named + " and others" : named): check --name")
    }

    private static func nothingToPractise(
        progress: PracticeProgress, day: CalendarDay, format: Format, context: Context
    ) throws -> Int32 {
        var summary = PracticeSummary(person: progress.person, day: day)
        summary.close(with: progress)
        let line: String
        if progress.schedule.cards.isEmpty {
            line = "Nothing to practise: no missed quiz questions yet. Next: skills take scenario-quiz"
        } else if let next = summary.nextDue {
            line = "Nothing to practise today; next on \(next.iso). Meanwhile: skills take scenario-quiz"
        } else {
            line = "Nothing left to practise: every missed question is retired. Next: skills take scenario-quiz"
        }
        switch format {
        case .text: try context.emit(line)
        case .json:
            context.note(line)
            try context.emit(JSONFile.text(summary), as: format)
        }
        return ExitCode.success
    }

    /// `--answers` (session order) or `--answers-file` (ids of today's questions), read against
    /// the options as written; nil when answers are typed or piped.
    private static func scriptedAnswers(
        for form: Questionnaire, questions: [PracticeQuestion], progress: PracticeProgress, context: Context
    ) throws -> [Response]? {
        let framework = try context.framework()
        switch (context.arguments.value("--answers"), context.arguments.value("--answers-file")) {
        case (let list?, _):
            return try AnswerSheet.fromList(list, for: form, framework: framework)
        case (nil, let file?):
            let data = try JSONFile.read(file, regularOnly: false)
            guard let text = String(data: data, encoding: .utf8) else {
                throw SkillsError.invalidData(file: file, detail: "is not UTF-8 text; expected 'item-id: answer' lines")
            }
            try checkToday(text, file: file, form: form, progress: progress)
            return try AnswerSheet.fromFile(text, file: file, for: form, framework: framework)
        case (nil, nil):
            return nil
        }
    }

    /// An answers file naming a question that is not in today's session says when it is due,
    /// rather than the general "unknown item".
    private static func checkToday(_ text: String, file: String, form: Questionnaire, progress: PracticeProgress) throws
    {
        let today = form.items.map(\.id)
        for (number, line) in TextLines.split(text).enumerated() {
            let trimmed = line.trimmedSpaces
            guard !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { continue }
            let id = trimmed[..<colon].trimmedSpaces
            guard !today.contains(id) else { continue }
            let card = progress.schedule.cards.first { $0.key.hasSuffix("/" + id) }?.value
            let when =
                card.map { $0.retired ? "it is retired" : "it is due on \($0.due.iso)" } ?? "it is not in your practice"
            throw SkillsError.invalidData(
                file: file,
                detail:
                    "line \(number + 1): '\(TextSafety.visible(id))' is not in today's practice (\(when)); "
                    + "today's questions: \(today.joined(separator: ", ")) (see 'skills practice --status')")
        }
    }

    /// Where an answered question went, in a line.
    private static func outcome(of card: LeitnerSchedule.Card?, before: LeitnerSchedule.Card?, correct: Bool)
        -> String
    {
        guard let card else { return "" }
        if card.retired { return "Retired: passed every box." }
        if correct && card == before { return "Already answered right today; it stays in box \(card.box)." }
        return correct
            ? "Up to box \(card.box): it comes back on \(card.due.iso)."
            : "Back to box 1: it comes back on \(card.due.iso)."
    }
}
