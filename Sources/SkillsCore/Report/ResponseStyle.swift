/// Ways of answering that make a self-report doubtful, each a plain caution in the report
/// and a code in JSON's `responseStyle`.
public enum ResponseStyle {
    /// The same answer to every rating statement (at least six of them).
    public static let straightLining = "straight-lining"
    /// Agreeing with statements and with their reverse-keyed opposites alike, in most areas
    /// that have both: "yes" to everything rather than a description of oneself.
    public static let acquiescence = "acquiescence"
    /// Statements answered faster than they can be read (an interactive sitting).
    public static let tooFast = "too-fast"
    /// Words a second that count as reading: about 360 words a minute, faster than careful
    /// reading, so only skimming or not reading at all falls below it.
    public static let readingSpeed = 6.0

    public static func message(for code: String) -> String {
        switch code {
        case straightLining:
            "You gave the same answer to every statement, so these scores may say more about how you answered "
                + "than about your skills. Try again, answering each statement on its own."
        case acquiescence:
            "You agreed with statements and with their opposites alike, so these scores may be higher than they "
                + "should be. Read each statement, including the ones that describe a habit to avoid."
        case tooFast:
            "You answered faster than the statements can be read, so these scores may not describe you. "
                + "Next time, take the two minutes to read each one."
        default: code
        }
    }

    /// Too fast: over the rating statements answered at a terminal (at least six), the
    /// median time per statement is below the time its words take at `readingSpeed`.
    public static func pace(seconds: [Double], words: [Int]) -> String? {
        guard seconds.count == words.count, seconds.count >= 6,
            let needed = Statistics.median(words.map { Double($0) / readingSpeed }),
            let taken = Statistics.median(seconds)
        else { return nil }
        return taken < needed ? tooFast : nil
    }

    /// One answered rating statement, as the checks need it.
    public struct Rating: Sendable {
        public var area: String
        public var answer: String
        /// Points over the maximum, after reverse keying: 0 to 1.
        public var fraction: Double
        public var reverse: Bool

        public init(area: String, answer: String, fraction: Double, reverse: Bool) {
            self.area = area
            self.answer = answer
            self.fraction = fraction
            self.reverse = reverse
        }
    }

    public static func cautions(for answers: [AnswerRecord]) -> [String] {
        cautions(
            ratings: answers.compactMap { answer in
                guard answer.type == .rating, let area = answer.area, let given = answer.answer,
                    let fraction = answer.fraction
                else { return nil }
                return Rating(area: area, answer: given, fraction: fraction, reverse: answer.reverse == true)
            })
    }

    public static func cautions(ratings: [Rating]) -> [String] {
        var codes: [String] = []
        if ratings.count >= 6, ratings.allSatisfy({ $0.answer == ratings[0].answer }) { codes.append(straightLining) }
        // Agreeing with a statement scores it high; agreeing with a reverse-keyed one scores
        // it low. Both at once, area after area, is acquiescence.
        var withBoth = 0
        var agreeingWithBoth = 0
        for area in AreaFractions.tally(ratings) where area.plainCount > 0 && area.reverseCount > 0 {
            withBoth += 1
            let plainMean = area.plainSum / Double(area.plainCount)
            let reverseMean = area.reverseSum / Double(area.reverseCount)
            if plainMean >= 0.75 && reverseMean <= 0.25 { agreeingWithBoth += 1 }
        }
        // At least three areas, and most of those with both kinds: two short pairs agreeing by
        // chance is not a style.
        if agreeingWithBoth >= 3 && agreeingWithBoth * 2 > withBoth { codes.append(acquiescence) }
        return codes
    }

    /// An area's fractions, plain and reverse-keyed, added up in the order given. One pass
    /// over a result's few areas: the class summary asks this of every result it reads.
    private struct AreaFractions {
        let area: String
        var plainSum = 0.0
        var plainCount = 0
        var reverseSum = 0.0
        var reverseCount = 0

        static func tally(_ ratings: [Rating]) -> [AreaFractions] {
            var areas: [AreaFractions] = []
            for rating in ratings {
                // Ratings come area by area, so the last area is nearly always the one.
                let index: Int
                if let found = areas.lastIndex(where: { $0.area == rating.area }) {
                    index = found
                } else {
                    areas.append(AreaFractions(area: rating.area))
                    index = areas.count - 1
                }
                if rating.reverse {
                    areas[index].reverseSum += rating.fraction
                    areas[index].reverseCount += 1
                } else {
                    areas[index].plainSum += rating.fraction
                    areas[index].plainCount += 1
                }
            }
            return areas
        }
    }
}
