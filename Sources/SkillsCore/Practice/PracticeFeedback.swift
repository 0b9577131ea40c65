/// What a person is told after each practice answer: right or not, why each option they chose
/// is right or wrong (the option's own feedback), and when missed, the best answer and its
/// explanation. Letters are the ones the person saw.
public enum PracticeFeedback {
    /// Whether the answer was fully right (nil for a skip), and the lines to show.
    public static func of(_ response: Response, to item: Item, width: Int = 80) -> (correct: Bool?, text: String) {
        guard case .choice(let choice) = item.kind, case .choice(let chosen) = response else {
            return (nil, "  Skipped: this question stays where it was.")
        }
        let right = choice.correctOptions
        let correct = ChoiceItem.points(correct: right, chosen: chosen) == 1
        var lines = [correct ? "  Right." : "  Not quite."]
        for index in chosen where choice.options.indices.contains(index) {
            let option = choice.options[index]
            let mark = right.contains(index) ? "right" : "wrong"
            lines.append(hanging("\(OptionLetters.letter(index))) \(option.text) (\(mark))", width: width))
            if let feedback = option.feedback {
                lines.append(wrapped(feedback, width: width, indent: "     "))
            }
        }
        if !correct {
            let best = right.map { "\(OptionLetters.letter($0))) \(choice.options[$0].text)" }.joined(separator: "; ")
            lines.append(hanging("Best answer: \(best)", width: width))
            if let explanation = choice.explanation {
                lines.append(wrapped(explanation, width: width, indent: "     "))
            }
        }
        return (correct, lines.joined(separator: "\n"))
    }

    /// "  B) text" with its continuation lines under the text, where the feedback sits too.
    private static func hanging(_ text: String, width: Int) -> String {
        let lines = wrapped(text, width: width, indent: "     ")
        return "  " + lines.dropFirst(5)
    }

    private static func wrapped(_ text: String, width: Int, indent: String) -> String {
        TextStyle.wrap(TextSafety.visible(text), width: width, indent: indent)
    }
}
