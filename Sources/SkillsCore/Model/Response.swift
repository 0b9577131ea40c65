/// What a person gave for one item.
public enum Response: Sendable, Equatable {
    case rating(Int)
    /// Indices of the chosen options (A = 0).
    case choice([Int])
    case text(String)
    /// "This didn't come up" (`n` or `n/a`): recorded, never scored.
    case notApplicable
    case skipped

    public var isSkipped: Bool { self == .skipped }

    /// As a result file keeps it: "4", "B", "AC", the text, or nil when skipped.
    public var answer: String? {
        switch self {
        case .rating(let value): String(value)
        case .choice(let chosen): OptionLetters.letters(chosen)
        case .text(let text): text
        case .notApplicable, .skipped: nil
        }
    }
}
