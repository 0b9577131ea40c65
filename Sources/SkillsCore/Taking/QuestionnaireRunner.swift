/// Runs a questionnaire one item at a time.
///
/// Interactive (a person at a terminal): progress and skill area, the scale labels or
/// lettered options, and keys to go back (`<`), skip (`-`), not applicable (`n`), show
/// help (`?`) and quit (`q`, confirmed); a wrong answer re-prompts with a hint. With
/// `keepsDraft`, every answer is handed to `onProgress` so that a run stopped by any means
/// can be resumed from `resume`.
///
/// Not interactive (answers piped in): one answer per line, no prompts. A wrong answer
/// stops with an error naming the line and item, since re-reading would shift every
/// later answer. Input that ends before the last scored item cancels the run; the
/// closing reflections may be left out.
public struct QuestionnaireRunner {
    public let questionnaire: Questionnaire
    /// For area names, and for the rubric shown beside an observer's level items.
    public let framework: Framework
    public let interactive: Bool
    /// Where an interactive run starts: a resumed draft's answers and question.
    public var resume: Progress?
    /// Called after every interactive answer, to keep a draft; nil keeps none.
    public var onProgress: ((Progress) -> Void)?
    /// Seconds on a steady clock, from the executable, so an interactive run can tell how long
    /// each answer took (`onAnswer`); SkillsCore reads no clock itself.
    public var clock: (() -> Double)?
    /// The item's index and the seconds from its question to its answer.
    public var onAnswer: ((Int, Double) -> Void)?
    /// The width questions, options and help are wrapped to (the terminal's).
    public var style = TextStyle()

    /// The answers so far: one per item (`.skipped` where none yet), and the question at.
    public struct Progress: Sendable, Equatable {
        public var responses: [Response]
        public var position: Int

        public init(responses: [Response], position: Int) {
            self.responses = responses
            self.position = position
        }
    }

    public init(questionnaire: Questionnaire, framework: Framework, interactive: Bool) {
        self.questionnaire = questionnaire
        self.framework = framework
        self.interactive = interactive
    }

    /// How every stop ends its message: what became of the answers.
    private var keptOrLost: String {
        onProgress == nil
            ? "nothing was saved"
            : "your answers so far are kept as a draft ('skills take \(questionnaire.id)' resumes it)"
    }

    /// The responses in item order; throws `SkillsError.cancelled` when the person quits
    /// or input ends early, and `.invalidData` for a wrong piped answer.
    public func run(input: any InputProvider, output: any OutputHandler) throws -> [Response] {
        interactive ? try runInteractive(input: input, output: output) : try runPiped(input: input)
    }

    private var items: [Item] { questionnaire.items }

    /// True when only reflections remain from `index` on.
    private func onlyReflectionsFrom(_ index: Int) -> Bool {
        items[index...].allSatisfy { !$0.isScored }
    }

    private func runPiped(input: any InputProvider) throws -> [Response] {
        var responses: [Response] = []
        for (index, item) in items.enumerated() {
            guard let line = input.readLine() else {
                if onlyReflectionsFrom(index) {
                    return responses + Array(repeating: .skipped, count: items.count - index)
                }
                throw SkillsError.cancelled(
                    "Stopped: input ended after \(index) of \(items.count) answers; nothing was saved")
            }
            switch AnswerParser.parse(line, for: item, in: context(of: item)) {
            case .success(let response): responses.append(response)
            case .failure(let problem):
                throw SkillsError.invalidData(
                    file: "standard input", detail: "line \(index + 1) (item \(item.id)): \(problem)")
            }
        }
        return responses
    }

    private func runInteractive(input: any InputProvider, output: any OutputHandler) throws -> [Response] {
        output.write(introduction())
        var responses = [Response](repeating: .skipped, count: items.count)
        var answered = [Bool](repeating: false, count: items.count)
        var index = 0
        if let resume, resume.responses.count == items.count {
            responses = resume.responses
            answered = resume.responses.map { $0 != .skipped }
            index = max(0, min(items.count - 1, resume.position))
        }
        var showItem = true
        var askedAt: Double?
        while index < items.count {
            let item = items[index]
            if showItem {
                output.write(prompt(for: item, at: index, previous: answered[index] ? responses[index] : nil))
                askedAt = clock?()
            }
            output.write("> ")
            showItem = true
            guard let line = input.readLine() else {
                output.write("\n")
                throw SkillsError.cancelled(
                    "Stopped: input ended at question \(index + 1) of \(items.count); \(keptOrLost)")
            }
            let typed = AnswerParser.clean(line)
            switch typed.lowercased() {
            case "?", "h", "help":
                output.write(help(for: item))
                showItem = false
            case "<", "back":
                if index == 0 {
                    output.write(say("This is the first question."))
                    showItem = false
                } else {
                    index -= 1
                }
            case "q", "quit":
                output.write(
                    style.wrap(
                        onProgress == nil
                            ? "Stop here? Your answers will be lost. (y/n)"
                            : "Stop here? Your answers are kept as a draft to resume later. (y/n)", indent: "  ")
                        + " ")
                let confirm = input.readLine().map(AnswerParser.clean)?.lowercased()
                if confirm == nil || confirm == "y" || confirm == "yes" {
                    if confirm == nil { output.write("\n") }
                    throw SkillsError.cancelled("Stopped at question \(index + 1) of \(items.count); \(keptOrLost)")
                }
            case "" where answered[index]:
                // Enter on an answered question (after going back) keeps the answer.
                index += 1
            case "" where item.isScored:
                output.write(say("Type an answer, '-' to skip, '<' to go back or '?' for help."))
                showItem = false
            default:
                switch AnswerParser.parse(typed, for: item, in: context(of: item)) {
                case .success(let response):
                    responses[index] = response
                    answered[index] = true
                    if let askedAt, let now = clock?() { onAnswer?(index, now - askedAt) }
                    index += 1
                    onProgress?(Progress(responses: responses, position: index))
                case .failure(let problem):
                    output.write(say("\(problem)"))
                    showItem = false
                }
            }
        }
        return responses
    }

    /// A message under the question, indented and wrapped.
    private func say(_ text: String) -> String { style.wrap(text, indent: "  ") + "\n" }

    private func introduction() -> String {
        var text = "\(TextSafety.visible(questionnaire.title))"
        if let minutes = questionnaire.minutes { text += " (about \(minutes) min, \(items.count) questions)" }
        text = style.wrap(text, indent: "") + "\n"
        if let description = questionnaire.description {
            text += style.wrap(TextSafety.visible(description), indent: "") + "\n"
        }
        return text + style.wrap("Keys: '-' skip, 'n' not applicable, '<' back, '?' help, 'q' quit.", indent: "") + "\n"
    }

    private func context(of item: Item) -> ItemContext { item.context(in: questionnaire, framework: framework) }

    private func prompt(for item: Item, at index: Int, previous: Response?) -> String {
        let area = item.area.map { " · \(TextSafety.visible(framework.name(ofArea: $0)))" } ?? ""
        var text = "\n" + style.wrap("\(index + 1)/\(items.count)\(area)", indent: "") + "\n"
        text += style.wrap(TextSafety.visible(item.text), indent: "") + "\n"
        for line in item.kind.behaviour.choices(for: item, in: context(of: item)) {
            // Continued lines sit under the text of an option ("  A) "), not under its letter.
            text += style.wrap(entries: line.components(separatedBy: " · "), first: "  ", rest: "     ") + "\n"
        }
        if let previous, previous != .skipped {
            text += say("Your answer was: \(Self.display(previous)) (Enter keeps it)")
        }
        return text
    }

    private func help(for item: Item) -> String {
        var text = ""
        if let hint = item.help { text += say(TextSafety.visible(hint)) }
        text += say(item.kind.behaviour.answerHelp(in: context(of: item)))
        if item.type.behaviour.allowsNotApplicable {
            text += say("'n' if it did not come up (not applicable): it is left out of your score.")
        }
        return text + say("'-' skips this question, '<' goes back one, Enter keeps an earlier answer, 'q' stops.")
    }

    static func display(_ response: Response) -> String {
        switch response {
        case .rating(let value): String(value)
        case .choice(let chosen): OptionLetters.letters(chosen)
        case .text(let text): TextSafety.visible(text)
        case .notApplicable: "n (not applicable)"
        case .skipped: "skipped"
        }
    }
}
