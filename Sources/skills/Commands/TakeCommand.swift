import Foundation
import SkillsCore

enum TakeCommand: Command {
    static let spec = CommandSpec(
        name: "take", summary: "Answer a questionnaire, save the result, and print your development report.",
        usage:
            "ID|FILE [--name NAME] [--answers LIST | --answers-file FILE] [--no-save] [--format FORMAT] [--output "
            + "FILE]",
        positionals: 1...1,
        options: [
            OptionSpec(
                "--name", value: "NAME",
                "whose result this is (default: your login name; required for a coach observation)"),
            OptionSpec("--rater", value: "NAME", "who is rating, for a coach observation (default: your login name)"),
            OptionSpec(
                "--answers", value: "LIST",
                "answers in item order, comma-separated: a number for a rating, letters for a choice, '-' to skip"),
            OptionSpec("--answers-file", value: "FILE", "answers as 'item-id: answer' lines ('#' starts a comment)"),
            OptionSpec("--no-save", "print the report without saving the result"),
            OptionSpec("--output", value: "FILE", "write the report to FILE instead of standard output"),
        ],
        formats: ReportCommand.Format.names,
        environment: [("SKILLS_NOW", "the time to record instead of the clock's (ISO 8601), to back-fill a check-in")],
        discussion: """
            At a terminal, questions come one at a time: type the answer, '-' to skip, '<' to go back,
            '?' for help, 'q' to quit. Piped in, answers are read one per line, in item order.
            A run that ends early (end of input, 'q' or Ctrl-C) saves nothing and exits 130.
            """,
        examples: [
            "skills take shift-checkin",
            "printf '4\\n5\\n3\\n4\\n4\\n2\\n5\\n4\\n3\\n4\\n' | skills take shift-checkin --name Ana",
            "skills take scenario-quiz --answers C,A,D,B,C,D,A,C,BD,B,D,A,C,B,D",
            "skills take self-assessment --answers-file my-answers.txt --no-save",
            "skills take coach-observation --name Ana --rater Sam",
        ])

    static func run(_ context: Context) throws -> Int32 {
        // Everything that can be checked is checked before the first question, so no
        // answer is lost to a typo in an option or a variable.
        let format = try context.format(ReportCommand.Format.self, spec: spec)
        let catalog = try context.catalog()
        let questionnaire = try catalog.resolve(context.arguments.positionals[0]).questionnaire
        let (person, rater) = try people(for: questionnaire, context: context)
        let fixedTime = try Clock.fixed(context.environment)
        try context.checkOutput()
        let saving = !context.arguments.has("--no-save")
        if saving { try context.store.checkWritable() }
        // Ctrl-C (or SIGINT from a script) before the result is saved: nothing is written
        // yet, so say so and exit 130.
        let keepsDraft =
            saving && context.inputIsTerminal && context.arguments.value("--answers") == nil
            && context.arguments.value("--answers-file") == nil
        Interrupt.install(
            message: keepsDraft
                ? "Stopped: your answers so far are kept as a draft ('skills take \(questionnaire.id)' resumes it)."
                : "Stopped: nothing was saved.")
        let responses = try collectResponses(
            for: questionnaire, framework: catalog.framework, person: person, keepsDraft: keepsDraft,
            context: context)
        Interrupt.holdDuringSave()

        let result = ResultBuilder.build(
            questionnaire: questionnaire, responses: responses, person: person, rater: rater,
            takenAt: fixedTime ?? Date(), framework: catalog.framework)
        // Saved first: nothing read afterwards can cost the person their answers.
        if saving {
            let path = try context.store.save(result)
            context.store.removeDraft(person: person, questionnaire: questionnaire.id)
            context.note("Saved \(path.path)")
        }
        var problems: [String] = []
        var theirs: [StoredResult] = []
        do {
            theirs = try context.store.results(of: person, questionnaire: questionnaire.id, problems: &problems)
        } catch {
            problems.append("\(error); no comparison with earlier results")
        }
        let previous = ResultChoice.previous(of: result, among: theirs.map(\.result))
        Set(problems).sorted().forEach(context.warn)
        let report = ReportBuilder.build(
            result, previous: previous, targets: context.targets(of: person), framework: catalog.framework)
        try context.emit(try ReportCommand.render(report, format: format, context: context), as: format)
        return ExitCode.success
    }

    /// Whose result, and who rated them. An observation is always about someone else, so
    /// it needs --name; the rater defaults to the login name.
    private static func people(for questionnaire: Questionnaire, context: Context) throws -> (String, String?) {
        let rater = try context.arguments.value("--rater").map { try PersonName.validate($0, option: "--rater") }
        guard questionnaire.kind == .observation else {
            if rater != nil {
                throw CommandLineError(
                    message:
                        "--rater is for a coach observation; '\(questionnaire.id)' is a \(questionnaire.kind.rawValue)",
                    spec: spec)
            }
            return (try context.person(), nil)
        }
        guard context.arguments.value("--name") != nil else {
            throw CommandLineError(
                message: "'\(questionnaire.id)' rates someone else: name them with --name (and yourself with --rater)",
                spec: spec)
        }
        return (try context.person(), try rater ?? PersonName.validate(context.loginName, option: "login name"))
    }

    private static func collectResponses(
        for questionnaire: Questionnaire, framework: Framework, person: String, keepsDraft: Bool, context: Context
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
            return try AnswerSheet.fromFile(text, file: file, for: questionnaire, framework: framework)
        case (nil, nil):
            var runner = QuestionnaireRunner(
                questionnaire: questionnaire, framework: framework, interactive: context.inputIsTerminal)
            if keepsDraft {
                try keepDraft(
                    of: questionnaire, person: person, runner: &runner, framework: framework, context: context)
            }
            return try runner.run(input: context.input, output: context.errors)
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
            context.errors.write(
                "You have an unfinished \(TextSafety.visible(questionnaire.title)) from "
                    + "\(TextStyle.date(draft.savedAt)) (\(draft.answeredCount) of \(draft.answers.count) answered). "
                    + "Resume it? (Y/n) ")
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
