import FoundationEssentials
import Glibc

/// Plain agreement figures between coaches who rated the same units, the ones calibration
/// sessions check by eye, over `ratings[unit][coder]` with nil for a missing rating (a value
/// that is not a finite number counts as missing, as in `Krippendorff`).
public enum CoderAgreement {
    public struct PairAgreement: Equatable, Sendable {
        /// Pairs of coders who both rated the same unit, over all units.
        public var pairs: Int
        /// Percent of those pairs giving the same rating.
        public var exact: Double
        /// Percent of those pairs at most one level apart.
        public var withinOneLevel: Double
    }

    /// Percent exact agreement and within one level, over every pair of coders on every unit
    /// (a unit with m ratings gives m(m − 1)/2 pairs), so units rated by more coders weigh
    /// more, as each pair is one comparison a calibration session would make. Nil with no pairs.
    public static func pairAgreement(_ ratings: [[Double?]]) -> PairAgreement? {
        var pairs = 0
        var exact = 0
        var withinOne = 0
        for unit in ratings {
            let given = unit.compactMap { $0 }.filter(\.isFinite)
            for i in given.indices {
                for j in given.indices where j > i {
                    pairs += 1
                    if given[i] == given[j] { exact += 1 }
                    if abs(given[i] - given[j]) <= 1 { withinOne += 1 }
                }
            }
        }
        guard pairs > 0 else { return nil }
        return PairAgreement(
            pairs: pairs, exact: 100 * Double(exact) / Double(pairs),
            withinOneLevel: 100 * Double(withinOne) / Double(pairs))
    }

    /// A coach's habit relative to the others.
    public enum Leaning: String, Codable, Sendable {
        /// Rates higher than the others: the whole interval of the mean offset is above 0.
        case lenient
        /// Rates lower: the whole interval is below 0.
        case severe
        /// The interval includes 0: no clear habit either way.
        case inLine

        /// The leaning an offset's interval shows.
        public init(offsetInterval interval: ConfidenceInterval) {
            if interval.low > 0 {
                self = .lenient
            } else if interval.high < 0 {
                self = .severe
            } else {
                self = .inLine
            }
        }
    }

    public struct CoderOffset: Equatable, Sendable {
        /// The coder's column in the ratings.
        public var coder: Int
        /// Units the coder rated that at least one other coder rated too.
        public var count: Int
        public var meanOffset: Double
        /// The 95% t interval of the mean offset; nil with fewer than two units or no spread.
        public var interval: ConfidenceInterval?
        public var leaning: Leaning? { interval.map(Leaning.init(offsetInterval:)) }
    }

    /// Each coder's mean offset from the consensus, where the consensus on a unit is the
    /// median of all the coders' ratings of it, the coder's own included, over units rated by
    /// at least two coders. Why not the median of the *others*: with three coaches that is the
    /// mean of the other two, so one lenient coach would drag both others' offsets down and
    /// have them named severe; the median of all three is untouched by a single outlier. With
    /// two coaches either choice can only split the difference, and each gets half of it.
    /// The interval is mean ± t_{(1+c)/2, m−1}·s/√m over the coder's m offsets (Student's t,
    /// treating units as independent). Coders with no unit shared with another are left out.
    public static func offsets(_ ratings: [[Double?]], confidence: Double = 0.95) -> [CoderOffset] {
        let coders = ratings.map(\.count).max() ?? 0
        return (0..<coders).compactMap { coder in
            var offsets: [Double] = []
            for unit in ratings {
                guard coder < unit.count, let own = unit[coder], own.isFinite else { continue }
                let given = unit.compactMap { $0 }.filter(\.isFinite)
                if given.count >= 2, let consensus = Statistics.median(given) { offsets.append(own - consensus) }
            }
            guard let mean = Statistics.mean(offsets) else { return nil }
            return CoderOffset(
                coder: coder, count: offsets.count, meanOffset: mean,
                interval: tInterval(offsets, confidence: confidence))
        }
    }

    /// mean ± t·s/√m; nil with fewer than two values or no spread (a coder who is always
    /// exactly one level above the others has no sampling error to state, and the caller can
    /// still read the offset).
    static func tInterval(_ values: [Double], confidence: Double) -> ConfidenceInterval? {
        guard let mean = Statistics.mean(values), let sd = Statistics.standardDeviation(values), sd > 0 else {
            return nil
        }
        let m = Double(values.count)
        let half = Distributions.studentTQuantile((1 + confidence) / 2, m - 1) * sd / m.squareRoot()
        return ConfidenceInterval(low: mean - half, high: mean + half)
    }

    public struct Disagreement: Equatable, Sendable {
        public var unit: Int
        public var lowest: Double
        public var highest: Double
        public var range: Double { highest - lowest }
    }

    /// The units whose ratings spread widest (highest minus lowest), widest first, ties in unit
    /// order; only units with at least two ratings that differ, at most `limit` of them.
    public static func widestDisagreements(_ ratings: [[Double?]], limit: Int = 5) -> [Disagreement] {
        let spreads = ratings.enumerated().compactMap { unit, row -> Disagreement? in
            let given = row.compactMap { $0 }.filter(\.isFinite)
            guard given.count >= 2, let low = given.min(), let high = given.max(), high > low else { return nil }
            return Disagreement(unit: unit, lowest: low, highest: high)
        }
        let ordered = spreads.enumerated().sorted { a, b in
            a.element.range != b.element.range ? a.element.range > b.element.range : a.offset < b.offset
        }
        return ordered.prefix(max(0, limit)).map(\.element)
    }
}
