import FoundationEssentials
import Glibc

/// Krippendorff's alpha: agreement between coders (here, coaches) who rated the same units
/// (agent-area pairs), corrected for the agreement their ratings would show by chance, with
/// missing ratings allowed. α = 1 − D_o/D_e = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck over
/// the coincidence matrix o (Krippendorff 2011, "Computing Krippendorff's alpha-reliability",
/// Annenberg School; the `krippendorff` Python package computes the same).
public enum Krippendorff {
    /// The level of measurement, which picks the distance δ² between two values.
    public enum Level: String, Codable, Sendable {
        /// δ² = 0 when equal, 1 otherwise.
        case nominal
        /// δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²: rank distance through the values
        /// actually used, so rubric levels need no numeric spacing.
        case ordinal
        /// δ² = (c − k)².
        case interval
        /// δ² = ((c − k)/(c + k))².
        case ratio
    }

    /// Alpha over `ratings[unit][coder]`, nil where a coder did not rate the unit. Units rated
    /// by fewer than two coders carry no pairs and are left out. Nil when no unit has two
    /// ratings or the pairable ratings do not vary (no disagreement to expect: alpha is
    /// undefined, as the Python package raises or returns NaN). A non-finite value counts as
    /// missing.
    public static func alpha(_ ratings: [[Double?]], level: Level = .ordinal) -> Double? {
        alpha(pairableUnits: pairableUnits(ratings), level: level)
    }

    /// Each unit's ratings, keeping units rated at least twice; a value that is not a finite
    /// number counts as missing rather than poisoning the coincidences.
    static func pairableUnits(_ ratings: [[Double?]]) -> [[Double]] {
        ratings.map { $0.compactMap { $0 }.filter(\.isFinite) }.filter { $0.count >= 2 }
    }

    /// The units (each the list of its ratings, at least two) alpha is computed from; the
    /// bootstrap resamples these.
    static func alpha(pairableUnits units: [[Double]], level: Level) -> Double? {
        let values = Array(Set(units.joined())).sorted()
        guard values.count >= 2 else { return nil }
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        let v = values.count
        var coincidences = [[Double]](repeating: [Double](repeating: 0, count: v), count: v)
        for unit in units {
            var counts = [Double](repeating: 0, count: v)
            for value in unit { counts[index[value]!] += 1 }
            let weight = 1 / Double(unit.count - 1)
            for c in 0..<v where counts[c] > 0 {
                for k in 0..<v where counts[k] > 0 {
                    coincidences[c][k] += counts[c] * (counts[k] - (c == k ? 1 : 0)) * weight
                }
            }
        }
        let marginals = coincidences.map { $0.reduce(0, +) }
        let total = marginals.reduce(0, +)
        var observed = 0.0
        var expected = 0.0
        for c in 0..<v {
            for k in 0..<v where c != k {
                let distance = squaredDistance(c, k, values: values, marginals: marginals, level: level)
                observed += coincidences[c][k] * distance
                expected += marginals[c] * marginals[k] * distance
            }
        }
        guard expected > 0 else { return nil }
        return 1 - (total - 1) * observed / expected
    }

    private static func squaredDistance(_ c: Int, _ k: Int, values: [Double], marginals: [Double], level: Level)
        -> Double
    {
        switch level {
        case .nominal:
            return c == k ? 0 : 1
        case .ordinal:
            let between = marginals[min(c, k)...max(c, k)].reduce(0, +) - (marginals[c] + marginals[k]) / 2
            return between * between
        case .interval:
            return (values[c] - values[k]) * (values[c] - values[k])
        case .ratio:
            let sum = values[c] + values[k]
            return sum == 0 ? 0 : (values[c] - values[k]) * (values[c] - values[k]) / (sum * sum)
        }
    }
}
