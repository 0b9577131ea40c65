/// A labelled scale of whole numbers, such as 1 "Not at all" to 5 "Always".
public struct RatingScale: Codable, Sendable, Equatable {
    /// A scale wider than this is a typo (or an attack on the arithmetic), not a rating.
    public static let maximumPoints = 11

    public var min: Int
    public var max: Int
    public var labels: [String]

    public init(min: Int, max: Int, labels: [String]) {
        self.min = min
        self.max = max
        self.labels = labels
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case min, max, labels }

    public func label(for value: Int) -> String? {
        guard value >= min, value <= max else { return nil }
        let index = value - min
        return labels.indices.contains(index) ? labels[index] : nil
    }

    /// The points of the scale, or none when the scale is not usable.
    public var points: [Int] { problems().isEmpty ? Array(min...max) : [] }

    /// A whole number on the scale, or one of its labels ("Mostly"), in any case.
    public func parse(_ text: String) -> Result<Response, AnswerError> {
        if let index = labels.firstIndex(where: { $0.lowercased() == text.lowercased() }) {
            return .success(.rating(min + index))
        }
        guard let value = Int(text), value >= min, value <= max else {
            return .failure(
                AnswerError(
                    "'\(TextSafety.visible(text))' is not on the scale; expected a whole number from \(min) to "
                        + "\(max), or '-' to skip"
                ))
        }
        return .success(.rating(value))
    }

    /// (the field under the scale, such as ".labels", and the message).
    func problems() -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        // Compared without subtracting, so scales near Int's limits cannot overflow.
        if max <= min {
            problems.append(("", "max \(max) must be greater than min \(min)"))
        } else if min < -1000 || max > 1000 || max - min + 1 > Self.maximumPoints {
            problems.append(("", "a scale from \(min) to \(max); expected at most \(Self.maximumPoints) points"))
        } else if labels.count != max - min + 1 {
            problems.append(
                (
                    ".labels",
                    "\(labels.count) labels for a \(min) to \(max) scale; expected \(max - min + 1), one per point"
                ))
        }
        for (index, label) in labels.enumerated() where label.trimmed.isEmpty {
            problems.append((".labels[\(index)]", "empty label; expected text such as \"Agree\""))
        }
        return problems
    }
}
