import FoundationEssentials
import Glibc

/// A two-sided confidence interval: the same low–high pair as a score's band.
public typealias ConfidenceInterval = ScoreBand

extension Measurement {
    /// The Wilson score interval for a proportion of `successes` in `trials` (Wilson 1927,
    /// JASA 22; Agresti & Coull 1998 recommend it over the Wald interval for small n):
    /// (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), with z the normal quantile of
    /// (1 + confidence)/2. The same as scipy's `binomtest(k, n).proportion_ci(method="wilson")`.
    /// On the 0–1 scale. Nil with no trials or successes outside 0…trials.
    public static func wilsonInterval(successes: Int, trials: Int, confidence: Double = 0.95) -> ConfidenceInterval? {
        guard trials > 0, (0...trials).contains(successes), confidence > 0, confidence < 1 else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z = Distributions.normalQuantile((1 + confidence) / 2)
        let centre = p + z * z / (2 * n)
        let halfWidth = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        let scale = 1 + z * z / n
        return ConfidenceInterval(low: max(0, (centre - halfWidth) / scale), high: min(1, (centre + halfWidth) / scale))
    }

    /// Feldt's confidence interval for Cronbach's alpha from n people and k items (Feldt 1965,
    /// Psychometrika 30; Feldt, Woodruff & Salih 1987, APM 11): (1 − α̂)/(1 − α) follows
    /// F(n − 1, (n − 1)(k − 1)), so the interval is
    /// [1 − (1 − α̂)·F_{1−γ/2}, 1 − (1 − α̂)·F_{γ/2}] with γ = 1 − confidence. This is the
    /// interval `pingouin.cronbach_alpha` reports (which rounds it to three decimals).
    /// Nil with fewer than 2 people or 2 items, or α̂ > 1.
    public static func feldtInterval(alpha: Double, people: Int, items: Int, confidence: Double = 0.95)
        -> ConfidenceInterval?
    {
        guard people >= 2, items >= 2, alpha <= 1, confidence > 0, confidence < 1 else { return nil }
        let d1 = Double(people - 1)
        let d2 = d1 * Double(items - 1)
        let tail = (1 - confidence) / 2
        return ConfidenceInterval(
            low: 1 - (1 - alpha) * Distributions.fisherFQuantile(1 - tail, d1, d2),
            high: 1 - (1 - alpha) * Distributions.fisherFQuantile(tail, d1, d2))
    }
}
