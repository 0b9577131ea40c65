import FoundationEssentials
import Glibc

/// How precisely a score measures, in the terms of classical test theory. Scores are on the
/// 0–100 (POMP) scale throughout; functions return nil where a figure is undefined rather
/// than a misleading number, as `Statistics` does.
public enum Measurement {
    /// The multiplier of a two-sided 90% band, z₀.₉₅ rounded to 1.645 as the measurement
    /// literature quotes it (exactly 1.6448536…). Used for bands and for the reliable change
    /// criterion, so the two always agree.
    public static let z90 = 1.645

    /// The classical standard error of measurement, SEM = SD·√(1 − r_xx) (Lord & Novick 1968,
    /// ch. 3; Harvill 1991, "Standard error of measurement", EM:IP 10(2)). `reliability` is the
    /// scale's reliability (e.g. Cronbach's alpha) and `standardDeviation` the spread of its
    /// scores in the same population. Nil for a reliability outside 0…1 (a negative alpha
    /// from a small class says nothing usable) or a negative SD.
    public static func standardErrorOfMeasurement(standardDeviation: Double, reliability: Double) -> Double? {
        guard standardDeviation >= 0, (0...1).contains(reliability) else { return nil }
        return standardDeviation * (1 - reliability).squareRoot()
    }

    /// The band score ± z·SE (by default the 90% band, z = 1.645), clipped to 0…100 because
    /// no score can lie outside the scale.
    public static func band(score: Double, standardError: Double, z: Double = z90) -> ScoreBand {
        ScoreBand(low: min(max(score - z * standardError, 0), 100), high: min(max(score + z * standardError, 0), 100))
    }

    /// Lord's binomial standard error of a number-right score x on n questions,
    /// SE(x) = √(x(n − x)/(n − 1)) in questions (Lord 1957, "Do tests of the same length have
    /// the same standard errors of measurement?", EPM 17; Lord & Novick 1968, ch. 23). It needs
    /// no calibration: it treats the questions as a random sample from a domain. It is 0 at
    /// x = 0 and x = n, so use `quizStandardError` for reporting; this raw value is kept for
    /// reference and tests. Nil when n < 2 (no estimate from one question) or x is outside 0…n.
    public static func lordStandardError(correct: Double, questions: Int) -> Double? {
        guard questions >= 2, (0...Double(questions)).contains(correct) else { return nil }
        let n = Double(questions)
        return (correct * (n - correct) / (n - 1)).squareRoot()
    }

    /// Lord's standard error on the percent scale: 100·SE(x)/n points.
    public static func lordPercentStandardError(correct: Double, questions: Int) -> Double? {
        lordStandardError(correct: correct, questions: questions).map { 100 * $0 / Double(questions) }
    }

    /// The standard error a quiz area reports, in percent points: Lord's binomial error with
    /// the number right held at least half a question away from 0 and n.
    ///
    /// Why: at x = 0 or x = n Lord's formula gives 0, which would present 3 out of 3 as exact,
    /// although one question more or less is the difference between levels. Evaluating the
    /// formula at x = ½ (or n − ½), the same half-count idea as a continuity correction, gives
    /// an error that is large for short quizzes and fades as n grows: 3/3 gives
    /// √(0.5·2.5/2) = 0.79 questions = 26.4 points (band 56.6–100, so "could be" a level
    /// lower); 15/15 gives √(0.5·14.5/14) = 0.72 questions = 4.8 points. Inside the ends the
    /// value is Lord's own.
    public static func quizStandardError(correct: Double, questions: Int) -> Double? {
        guard questions >= 2, (0...Double(questions)).contains(correct) else { return nil }
        let n = Double(questions)
        return lordPercentStandardError(correct: min(max(correct, 0.5), n - 0.5), questions: questions)
    }

    /// The reliability of a scale made `lengthFactor` times as long (or short) from items like
    /// its own: ρ* = kρ / (1 + (k − 1)ρ), the Spearman–Brown prophecy formula (Spearman 1910,
    /// Brown 1910, both Br. J. Psychol. 3). E.g. a six-item area with α = 0.86 cut to its two
    /// check-in items (k = 1/3) has ρ* = 0.672. Nil for k ≤ 0 or ρ outside 0…1.
    public static func spearmanBrown(reliability: Double, lengthFactor: Double) -> Double? {
        guard lengthFactor > 0, (0...1).contains(reliability) else { return nil }
        return lengthFactor * reliability / (1 + (lengthFactor - 1) * reliability)
    }
}

/// A score's band on the 0–100 scale (and, as `ConfidenceInterval`, any low–high interval).
public struct ScoreBand: Codable, Equatable, Sendable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    public func contains(_ value: Double) -> Bool { low <= value && value <= high }
}
