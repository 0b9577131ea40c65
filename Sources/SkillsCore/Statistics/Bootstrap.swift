import FoundationEssentials
import Glibc

/// A percentile bootstrap interval for a statistic, with how it was made.
public struct BootstrapInterval: Equatable, Sendable {
    public var estimate: Double
    public var interval: ConfidenceInterval
    /// Resamples in which the statistic was defined (and so enter the percentiles).
    public var replicates: Int
    /// Resamples in which it was not (e.g. every resampled rating the same), left out.
    public var undefined: Int
    public var seed: UInt64
}

extension Krippendorff {
    /// A 95% (by default) interval for alpha by a plain percentile bootstrap over units
    /// (Efron & Tibshirani 1993, ch. 13): the units rated by at least two coders are drawn
    /// with replacement, as many as there are, `replicates` times with SplitMix64 from `seed`;
    /// alpha is computed on each resample, and the interval is the (1 ∓ confidence)/2
    /// percentiles of those alphas with linear interpolation (numpy's default). This is not
    /// the bootstrap of Hayes & Krippendorff's KALPHA macro (2007, Commun. Methods Meas. 1),
    /// which resamples pairs of judgements, and like any percentile bootstrap it is rough for
    /// a handful of units.
    /// Deterministic for a given seed. Nil when alpha itself is undefined.
    public static func bootstrapInterval(
        _ ratings: [[Double?]], level: Level = .ordinal, replicates: Int = 2000, seed: UInt64,
        confidence: Double = 0.95
    ) -> BootstrapInterval? {
        let units = pairableUnits(ratings)
        guard replicates > 0, confidence > 0, confidence < 1,
            let estimate = alpha(pairableUnits: units, level: level)
        else { return nil }
        var generator = SplitMix64(seed: seed)
        var alphas: [Double] = []
        alphas.reserveCapacity(replicates)
        for _ in 0..<replicates {
            let resample = units.indices.map { _ in units[generator.index(below: units.count)] }
            if let value = alpha(pairableUnits: resample, level: level) { alphas.append(value) }
        }
        guard !alphas.isEmpty else { return nil }
        alphas.sort()
        let tail = (1 - confidence) / 2
        return BootstrapInterval(
            estimate: estimate,
            interval: ConfidenceInterval(low: percentile(alphas, tail), high: percentile(alphas, 1 - tail)),
            replicates: alphas.count, undefined: replicates - alphas.count, seed: seed)
    }

    /// The q-quantile of sorted values with linear interpolation between order statistics
    /// (Hyndman & Fan type 7, numpy's and R's default).
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
