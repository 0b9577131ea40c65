/// Asks a practice session one question at a time and gives feedback after each answer.
///
/// Each answer is handed to `record` as soon as it is given (the executable writes it to the
/// store), so a run stopped part way keeps every answer so far; there is no going back, since
/// the feedback has already shown the best answer. At a terminal: '-' skips, '?' helps, 'q'
/// stops. Piped: one answer per line, in session order; a wrong answer stops with the line and
/// question named. Scripted (`--answers`, `--answers-file`): the answers are given up front and
/// each is shown with its feedback.
public struct PracticeRunner {
    /// The session as shown (options perhaps shuffled), in session order.
    public let form: Questionnaire
    public let questions: [PracticeQuestion]
    public let framework: Framework
    public let interactive: Bool
    public var width = 80

    public init(form: Questionnaire, questions: [PracticeQuestion], framework: Framework, interactive: Bool) {
        precondition(form.items.count == questions.count, "one shown item per practice question")
        self.form = form
        self.questions = questions
        self.framework = framework
        self.interactive = interactive
    }

    /// Runs the session; `record` gets each question's index, the answer as shown and whether
    /// it was right, and returns a line on where the question goes next. Returns the number
    /// of questions answered (not skipped).
    @discardableResult
    public func run(
        scripted: [Response]?, input: any InputProvider, output: any OutputHandler,
        record: (Int, Response, Bool) throws -> String
    ) throws -> Int {
        let due = questions.filter { if case .due = $0.reason { true } else { false } }.count
        output.write(
            "Practice: \(questions.count) question\(questions.count == 1 ? "" : "s") "
                + "(\(due) due, \(questions.count - due) new)."
                + (interactive && scripted == nil ? " Keys: '-' skip, '?' help, 'q' stop." : "") + "\n")
        var answered = 0
        for (index, item) in form.items.enumerated() {
            output.write(prompt(for: item, at: index))
            let response: Response
            if let scripted {
                response = scripted[index]
                output.write("> \(QuestionnaireRunner.display(response))\n")
            } else {
                guard let read = try ask(item, at: index, answered: answered, input: input, output: output) else {
                    throw SkillsError.cancelled(stopped(at: index, answered: answered))
                }
                response = read
            }
            let (correct, feedback) = PracticeFeedback.of(response, to: item, width: width)
            output.write(feedback + "\n")
            if let correct {
                output.write("  \(try record(index, response, correct))\n")
                answered += 1
            }
        }
        return answered
    }

    private func stopped(at index: Int, answered: Int) -> String {
        "Stopped at question \(index + 1) of \(questions.count); "
            + (answered == 0 ? "nothing was answered" : "the \(answered) answered so far are kept")
    }

    /// One answer, or nil when the person stops or input ends.
    private func ask(
        _ item: Item, at index: Int, answered: Int, input: any InputProvider, output: any OutputHandler
    ) throws -> Response? {
        let context = item.context(in: form, framework: framework)
        while true {
            if interactive { output.write("> ") }
            guard let line = input.readLine() else {
                if interactive { output.write("\n") }
                return nil
            }
            let typed = AnswerParser.clean(line)
            if interactive {
                switch typed.lowercased() {
                case "q", "quit": return nil
                case "?", "h", "help":
                    output.write(
                        "  \(item.kind.behaviour.answerHelp(in: context))\n"
                            + "  '-' skips (it stays where it was), 'q' stops; answers so far are kept.\n")
                    continue
                case "":
                    output.write("  Type a letter, '-' to skip or '?' for help.\n")
                    continue
                default: break
                }
            }
            switch AnswerParser.parse(typed, for: item, in: context) {
            case .success(let response): return response
            case .failure(let problem):
                guard interactive else {
                    throw SkillsError.invalidData(
                        file: "standard input", detail: "line \(index + 1) (item \(item.id)): \(problem)")
                }
                output.write("  \(problem)\n")
            }
        }
    }

    private func prompt(for item: Item, at index: Int) -> String {
        let area = item.area.map { " · \(TextSafety.visible(framework.name(ofArea: $0)))" } ?? ""
        let why =
            switch questions[index].reason {
            case .due(let box): " · box \(box)"
            case .unseen: " · new"
            }
        var text = "\n\(index + 1)/\(questions.count)\(area)\(why)\n"
        text += TextStyle.wrap(TextSafety.visible(item.text), width: width, indent: "") + "\n"
        for line in item.kind.behaviour.choices(for: item, in: item.context(in: form, framework: framework)) {
            text += TextStyle.wrap(line, width: width, indent: "  ").replacingFirstIndent("  ", with: "    ") + "\n"
        }
        return text
    }
}
