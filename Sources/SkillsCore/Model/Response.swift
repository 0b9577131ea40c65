/// What a person gave for one item.
public enum Response: Sendable, Equatable {
    case rating(Int)
    /// Indices of the chosen options (A = 0).
    case choice([Int])
    case text(String)
    case skipped

    public var isSkipped: Bool { self == .skipped }
}
