import FoundationEssentials
import Glibc

/// Descriptive statistics and the reliability measures of classical test theory. Standard
/// deviations and variances are sample ones (divided by n − 1), as Moodle's quiz
/// statistics and pandas/pingouin use; every function returns nil where the figure is
/// undefined (too few values, no variance) rather than a misleading number.
public enum Statistics {
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    public static func median(_ values: [Double]) -> Double? { median(sorted: values.sorted()) }

    /// The median of values already in ascending order.
    public static func median(sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    public static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }

    public static func standardDeviation(_ values: [Double]) -> Double? {
        variance(values).map { $0.squareRoot() }
    }

    /// Pearson's r; nil when either side has no variance.
    public static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2, let mx = mean(x), let my = mean(y) else { return nil }
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx
            let dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Cronbach's alpha of a scale, from its item columns (one value per person, no gaps):
    /// α = k / (k − 1) × (1 − Σ var(item) / var(total)). For right/wrong items this is
    /// KR-20. Nil with fewer than 2 items or 2 people, or when totals do not vary.
    public static func cronbachAlpha(_ items: [[Double]]) -> Double? {
        let k = items.count
        guard k >= 2, let n = items.first?.count, n >= 2, items.allSatisfy({ $0.count == n }) else { return nil }
        let totals = (0..<n).map { row in items.reduce(0) { $0 + $1[row] } }
        guard let totalVariance = variance(totals), totalVariance > 0 else { return nil }
        let itemVariances = items.compactMap(variance).reduce(0, +)
        return Double(k) / Double(k - 1) * (1 - itemVariances / totalVariance)
    }

    /// Corrected item-total correlation: each item against the sum of the other items of
    /// its scale, so the item does not correlate with itself.
    public static func itemRestCorrelations(_ items: [[Double]]) -> [Double?] {
        guard let n = items.first?.count else { return [] }
        let totals = (0..<n).map { row in items.reduce(0) { $0 + $1[row] } }
        return items.map { column in
            correlation(column, (0..<n).map { totals[$0] - column[$0] })
        }
    }

    /// Moodle's error ratio, 100 × √(1 − α): the share of the spread in scores that is
    /// noise. Nil when alpha is.
    public static func errorRatio(alpha: Double?) -> Double? {
        alpha.map { 100 * max(0, 1 - $0).squareRoot() }
    }
}
