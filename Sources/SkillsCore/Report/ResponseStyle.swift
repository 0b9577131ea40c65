/// Ways of answering that make a self-report doubtful, each a plain caution in the report
/// and a code in JSON's `responseStyle`.
public enum ResponseStyle {
    /// The same answer to every rating statement (at least six of them).
    public static let straightLining = "straight-lining"
    /// Agreeing with statements and with their reverse-keyed opposites alike, in most areas
    /// that have both: "yes" to everything rather than a description of oneself.
    public static let acquiescence = "acquiescence"

    public static func message(for code: String) -> String {
        switch code {
        case straightLining:
            "You gave the same answer to every statement, so these scores may say more about how you answered "
                + "than about your skills. Try again, answering each statement on its own."
        case acquiescence:
            "You agreed with statements and with their opposites alike, so these scores may be higher than they "
                + "should be. Read each statement, including the ones that describe a habit to avoid."
        default: code
        }
    }

    public static func cautions(for answers: [AnswerRecord]) -> [String] {
        var codes: [String] = []
        let ratings = answers.filter { $0.type == .rating && $0.isAnswered && $0.fraction != nil }
        if ratings.count >= 6, Set(ratings.compactMap(\.answer)).count == 1 { codes.append(straightLining) }
        // Agreeing with a statement scores it high; agreeing with a reverse-keyed one scores
        // it low. Both at once, area after area, is acquiescence.
        var withBoth = 0
        var agreeingWithBoth = 0
        for area in Set(ratings.compactMap(\.area)) {
            let inArea = ratings.filter { $0.area == area }
            let plain = inArea.filter { $0.reverse != true }.compactMap(\.fraction)
            let reverse = inArea.filter { $0.reverse == true }.compactMap(\.fraction)
            guard !plain.isEmpty, !reverse.isEmpty else { continue }
            withBoth += 1
            let plainMean = plain.reduce(0, +) / Double(plain.count)
            let reverseMean = reverse.reduce(0, +) / Double(reverse.count)
            if plainMean >= 0.75 && reverseMean <= 0.25 { agreeingWithBoth += 1 }
        }
        // At least three areas, and most of those with both kinds: two short pairs agreeing by
        // chance is not a style.
        if agreeingWithBoth >= 3 && agreeingWithBoth * 2 > withBoth { codes.append(acquiescence) }
        return codes
    }
}
