import FoundationEssentials
import Glibc

/// The mean of a person's last few scores in an area, with its band: the trend the history
/// shows instead of single, noisy results.
public struct RollingMean: Equatable, Sendable {
    /// How many scores went into the mean (fewer than the window at the start of a history).
    public var count: Int
    public var mean: Double
    /// √(Σ SEᵢ²)/m: the measurement error of the mean of m scores whose errors are
    /// independent. It says how precisely the window's average is measured, not how much the
    /// person varied from shift to shift.
    public var standardError: Double
    public var band: ScoreBand

    /// One rolling mean per score, each over that score and up to `window − 1` before it
    /// (pandas' `rolling(window, min_periods=1).mean()`), with the 90% band of the mean.
    /// `standardErrors` gives each score's own error; nil when the two lists differ in length
    /// or the window is not positive.
    public static func trailing(scores: [Double], standardErrors: [Double], window: Int = 5) -> [RollingMean]? {
        guard scores.count == standardErrors.count, window > 0 else { return nil }
        return scores.indices.map { end in
            let range = max(0, end - window + 1)...end
            let count = range.count
            let mean = scores[range].reduce(0, +) / Double(count)
            let error = standardErrors[range].reduce(0) { $0 + $1 * $1 }.squareRoot() / Double(count)
            return RollingMean(
                count: count, mean: mean, standardError: error,
                band: Measurement.band(score: mean, standardError: error))
        }
    }

    /// The last of `trailing`'s means, from the last `window` pairs of `measured` alone (score,
    /// standard error), summed in the same order so it is the same to the last bit: a history
    /// asks for it after every result, and working out every earlier mean each time made a
    /// long history quadratic.
    static func last(of measured: ArraySlice<(Double, Double)>, window: Int) -> RollingMean? {
        guard window > 0, !measured.isEmpty else { return nil }
        let range = max(measured.startIndex, measured.endIndex - window)..<measured.endIndex
        var sum = 0.0
        var squares = 0.0
        for index in range {
            sum = sum + measured[index].0
            squares = squares + measured[index].1 * measured[index].1
        }
        let count = range.count
        let mean = sum / Double(count)
        let error = squares.squareRoot() / Double(count)
        return RollingMean(
            count: count, mean: mean, standardError: error, band: Measurement.band(score: mean, standardError: error))
    }
}
