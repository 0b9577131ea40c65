import FoundationEssentials
import Glibc
import SkillsCore

enum TakeCommand: Command {
    static let spec = CommandSpec(
        name: "take", summary: "Answer a questionnaire, save the result, and print your development report.",
        usage:
            "ID|FILE [--name NAME] [--rater NAME [--session NAME]] [--form NAME | --full] "
            + "[--answers LIST | --answers-file FILE] [--no-save] [--format FORMAT] [--output FILE]",
        positionals: 1...1,
        options: [
            OptionSpec(
                "--name", value: "NAME",
                "whose result this is (default: your login name; required for a coach observation)"),
            OptionSpec("--rater", value: "NAME", "who is rating, for a coach observation (default: your login name)"),
            OptionSpec(
                "--session", value: "NAME",
                "a coach observation for the blind calibration session NAME: kept out of every report until "
                    + "'skills calibrate --session NAME' opens the session"),
            OptionSpec(
                "--form", value: "NAME",
                "a quiz drawn from a bank: the form everyone who names it gets (a class names one form)"),
            OptionSpec("--full", "a quiz drawn from a bank: ask every question of the bank"),
            OptionSpec(
                "--answers", value: "LIST",
                "answers in item order, comma-separated: a number for a rating, letters for a choice (A = the first "
                    + "option as written), '-' to skip; on a drawn quiz, use --form or --full to know the order"),
            OptionSpec(
                "--answers-file", value: "FILE",
                "answers as 'item-id: answer' lines ('#' starts a comment); on a drawn quiz, any items of the bank"),
            OptionSpec("--no-save", "print the report without saving the result"),
            OptionSpec("--output", value: "FILE", "write the report to FILE instead of standard output"),
        ],
        formats: ReportCommand.Format.names,
        environment: [("SKILLS_NOW", "the time to record instead of the clock's (ISO 8601), to back-fill a check-in")],
        discussion: """
            At a terminal, questions come one at a time: type the answer (a number or a scale label),
            'n' if a statement did not come up, '-' to skip, '<' to go back, '?' for help, 'q' to stop.
            A run stopped early at a terminal keeps its answers as a draft, which the next take of
            that questionnaire offers to resume; it is never counted as a result. Piped in, answers
            are read one per line, in item order. Any stop exits 130 with no result saved.
            A quiz drawn from a bank (scenario-quiz) asks a form of a few questions per area: by
            default the ones you have seen least; --form NAME gives everyone the same form, --full
            the whole bank ('skills show ID --form NAME' lists a form). At a terminal each question's
            options are shown in an order shuffled for you; answers given with --answers,
            --answers-file or piped in use the order as written (A is the first option written).
            """,
        examples: [
            "skills take shift-checkin",
            "printf '4\\n5\\n2\\n3\\n4\\n2\\n5\\n4\\n3\\n4\\n' | skills take shift-checkin --name Ana",
            "skills take scenario-quiz --form monday-class",
            "skills take my-quiz.json --answers B,A,-,C",
            "skills take self-assessment --answers-file my-answers.txt --no-save",
            "skills take coach-observation --name Ana --rater Sam",
            "skills take coach-observation --name Ana --rater Sam --session november",
        ]
    ).completing(.questionnaires).whenMissing(
        "which questionnaire? For example: skills take shift-checkin ('skills list' shows them all)")

    static func run(_ context: Context) throws -> Int32 {
        // Everything that can be checked is checked before the first question, so no
        // answer is lost to a typo in an option or a variable.
        let format = try context.format(ReportCommand.Format.self, spec: spec)
        let catalog = try context.catalog()
        let entry = try catalog.resolve(context.arguments.positionals[0])
        let bank = entry.questionnaire
        let (everyResult, rater) = try people(for: bank, context: context)
        let session = try calibrationSession(for: bank, context: context)
        // Damaged files met in finding whose result this is are reported before the first question.
        let reported = Set(everyResult.problems)
        context.warn(problems: everyResult.problems)
        let person = everyResult.person
        let theirs = try everyResult.narrowed(to: bank.id)
        var questionnaire = try form(of: bank, theirs: theirs, context: context)
        let fixedTime = try Clock.fixed(context.environment)
        try context.checkOutput()
        let saving = !context.arguments.has("--no-save")
        if saving { try context.store.checkWritable() }
        // Ctrl-C (or SIGINT from a script) before the result is saved: nothing is written
        // yet, so say so and exit 130.
        // A draft is kept per agent, not per coach: in a blind session another coach could be
        // offered it, so a session's observation keeps none.
        let keepsDraft =
            saving && session == nil && context.inputIsTerminal && context.arguments.value("--answers") == nil
            && context.arguments.value("--answers-file") == nil
        Interrupt.install(
            message: keepsDraft
                ? "Stopped: your answers so far are kept as a draft ('skills take \(questionnaire.id)' resumes it)."
                : "Stopped: nothing was saved.")
        let shuffled =
            context.inputIsTerminal && context.arguments.value("--answers") == nil
                && context.arguments.value("--answers-file") == nil
            ? ShuffledOptions(form: questionnaire, person: person) : nil
        let timings = Timings()
        let responses = try collectResponses(
            for: &questionnaire, bank: bank, shuffled: shuffled, framework: catalog.framework, person: person,
            keepsDraft: keepsDraft, timings: timings, context: context)
        Interrupt.holdDuringSave()

        var result = ResultBuilder.build(
            questionnaire: questionnaire, responses: responses, person: person, rater: rater,
            takenAt: fixedTime ?? Date(), framework: catalog.framework, bank: bank,
            optionOrders: shuffled?.orders ?? [:],
            hash: entry.origin == .builtin ? BuiltinData.knownContentHash(id: bank.id) : nil)
        if let tooFast = timings.pace(of: questionnaire) { result.responseStyle = [tooFast] }
        // Saved first: nothing read afterwards can cost the person their answers.
        if let session {
            let path = try session.save(result, store: context.store)
            context.note(
                "Saved \(path.path) for calibration session '\(session.name)': no report shows it until "
                    + "'skills calibrate --session \(session.name)' opens the session.")
        } else if saving {
            let path = try context.store.save(result)
            context.store.removeDraft(person: person, questionnaire: questionnaire.id)
            context.note("Saved \(path.path)")
        }
        // Listed before the save, so the new result is not among them. In a blind session the
        // earlier observation may be another coach's: never shown.
        let earlier = session == nil ? try? theirs.narrowed(to: questionnaire.id) : nil
        let previous = earlier.flatMap { ResultChoice.previous(of: result, in: $0) }
        context.warn(problems: (earlier?.problems ?? theirs.problems).filter { !reported.contains($0) })
        let report = ReportBuilder.build(
            result, previous: previous, targets: context.targets(of: person), framework: catalog.framework)
        try context.emit(try ReportCommand.render(report, format: format, context: context), as: format)
        return ExitCode.success
    }

    /// Whose result, and who rated them. An observation is always about someone else, so
    /// it needs --name; the rater defaults to the login name.
    private static func people(for questionnaire: Questionnaire, context: Context) throws -> (PersonResults, String?) {
        let rater = try context.arguments.value("--rater").map { try PersonName.validate($0, option: "--rater") }
        guard questionnaire.kind == .observation else {
            if rater != nil {
                throw CommandLineError(
                    message:
                        "--rater is for a coach observation; '\(questionnaire.id)' is a \(questionnaire.kind.rawValue)",
                    spec: spec)
            }
            return (try context.theirResults(), nil)
        }
        guard context.arguments.value("--name") != nil else {
            throw CommandLineError(
                message: "'\(questionnaire.id)' rates someone else: name them with --name (and yourself with --rater)",
                spec: spec)
        }
        return (
            try context.theirResults(), try rater ?? PersonName.validate(context.loginName, option: "login name")
        )
    }

    /// `--session NAME`: only for a coach observation that is saved.
    private static func calibrationSession(for questionnaire: Questionnaire, context: Context) throws
        -> CalibrationSession?
    {
        guard let name = context.arguments.value("--session") else { return nil }
        guard questionnaire.kind == .observation else {
            throw CommandLineError(
                message:
                    "--session is for a coach observation; '\(questionnaire.id)' is a \(questionnaire.kind.rawValue)",
                spec: spec)
        }
        if context.arguments.has("--no-save") {
            throw CommandLineError(
                message: "--session saves the observation for the session; drop --no-save", spec: spec)
        }
        return try CalibrationSession(named: name, store: context.store)
    }

    /// The items this sitting asks: the questionnaire itself, or for a bank that draws
    /// forms, the form named, the whole bank, or the person's own form (an answers file
    /// without --form or --full makes its own form later, from the items it names).
    private static func form(of bank: Questionnaire, theirs: PersonResults, context: Context) throws -> Questionnaire {
        let name = context.arguments.value("--form")
        let full = context.arguments.has("--full")
        guard bank.draw != nil else {
            if name != nil || full {
                throw CommandLineError(
                    message: "--form and --full are for a quiz drawn from a bank; '\(bank.id)' asks every item",
                    spec: spec)
            }
            return bank
        }
        if let name {
            if full { throw CommandLineError(message: "give --form or --full, not both", spec: spec) }
            guard !name.trimmedSpaces.isEmpty else {
                throw CommandLineError(message: "--form needs a name, such as 'monday-class'", spec: spec)
            }
            return QuizForms.named(name, bank: bank)
        }
        if full || context.arguments.value("--answers-file") != nil { return bank }
        return QuizForms.forPerson(theirs.person, earlier: theirs.all().map(\.result), bank: bank)
    }

    private static func collectResponses(
        for questionnaire: inout Questionnaire, bank: Questionnaire, shuffled: ShuffledOptions?, framework: Framework,
        person: String, keepsDraft: Bool, timings: Timings, context: Context
    ) throws -> [Response] {
        let list = context.arguments.value("--answers")
        let file = context.arguments.value("--answers-file")
        switch (list, file) {
        case (_?, _?):
            throw CommandLineError(message: "give --answers or --answers-file, not both", spec: spec)
        case (let list?, nil):
            return try AnswerSheet.fromList(list, for: questionnaire, framework: framework)
        case (nil, let file?):
            let data = try JSONFile.read(file, regularOnly: false)
            guard let text = String(data: data, encoding: .utf8) else {
                throw SkillsError.invalidData(file: file, detail: "is not UTF-8 text; expected 'item-id: answer' lines")
            }
            let (responses, named) = try AnswerSheet.fromFileNaming(
                text, file: file, for: questionnaire, framework: framework)
            // On a drawn bank without --form or --full, the items named are the form.
            let drawsOwnForm =
                bank.draw != nil && context.arguments.value("--form") == nil && !context.arguments.has("--full")
            guard drawsOwnForm else { return responses }
            let form = QuizForms.withItems(named, bank: bank)
            let byID = Dictionary(uniqueKeysWithValues: zip(questionnaire.items.map(\.id), responses))
            questionnaire = form
            return form.items.map { byID[$0.id] ?? .skipped }
        case (nil, nil):
            let shown = shuffled?.presented ?? questionnaire
            var runner = QuestionnaireRunner(
                questionnaire: shown, framework: framework, interactive: context.inputIsTerminal)
            if keepsDraft {
                try keepDraft(of: shown, person: person, runner: &runner, framework: framework, context: context)
            }
            runner.style = context.messageStyle
            runner.clock = { Timings.now() }
            runner.onAnswer = { index, seconds in timings.seconds[index] = seconds }
            let responses = try runner.run(input: context.input, output: context.errors)
            return shuffled?.authored(responses) ?? responses
        }
    }

    /// Offers to resume the person's draft of this questionnaire, and keeps a new one after
    /// every answer (a draft of an edited questionnaire is not offered).
    private static func keepDraft(
        of questionnaire: Questionnaire, person: String, runner: inout QuestionnaireRunner, framework: Framework,
        context: Context
    ) throws {
        let store = context.store
        let hash = ContentHash.of(questionnaire)
        if let draft = store.draft(person: person, questionnaire: questionnaire.id), draft.hash == hash,
            draft.answers.count == questionnaire.items.count
        {
            let style = context.messageStyle
            context.errors.write(
                style.wrap(
                    "You have an unfinished \(TextSafety.visible(questionnaire.title)) from "
                        + "\(style.date(draft.savedAt)) (\(draft.answeredCount) of \(draft.answers.count) answered). "
                        + "Resume it? (Y/n)", indent: "") + " ")
            let reply = context.input.readLine().map(AnswerParser.clean)?.lowercased() ?? "n"
            if reply.isEmpty || reply == "y" || reply == "yes" {
                let responses = zip(questionnaire.items, draft.answers).map { item, answer -> Response in
                    guard let answer else { return .skipped }
                    let parsed = AnswerParser.parse(
                        answer, for: item, in: item.context(in: questionnaire, framework: framework))
                    return (try? parsed.get()) ?? .skipped
                }
                runner.resume = .init(responses: responses, position: draft.position)
            } else {
                store.removeDraft(person: person, questionnaire: questionnaire.id)
            }
        }
        runner.onProgress = { progress in
            let answers = progress.responses.map { response -> String? in
                response == .notApplicable ? "n" : response.answer
            }
            try? store.saveDraft(
                Draft(
                    person: person, questionnaire: questionnaire.id, hash: hash, savedAt: Date(), answers: answers,
                    position: progress.position))
        }
    }
}

/// How long each answer took at the terminal, for the "too fast" caution.
final class Timings {
    var seconds: [Int: Double] = [:]

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `ResponseStyle.tooFast` when the rating statements were answered faster than read.
    func pace(of questionnaire: Questionnaire) -> String? {
        let timed = questionnaire.items.indices.filter { questionnaire.items[$0].type == .rating && seconds[$0] != nil }
        return ResponseStyle.pace(
            seconds: timed.compactMap { seconds[$0] },
            words: timed.map { questionnaire.items[$0].text.split(separator: " ").count })
    }
}
