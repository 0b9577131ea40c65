import Foundation

extension Distributions {
    /// P(T ≤ t) for the noncentral t with ν degrees of freedom and noncentrality δ, by the
    /// series of Guenther (1978, J. Stat. Comput. Simul. 6) as in Lenth's AS 243 (1989):
    /// for t ≥ 0, F = Φ(−δ) + ½·Σⱼ [Pⱼ·I_x(j + ½, ν/2) + Qⱼ·I_x(j + 1, ν/2)] with
    /// x = t²/(t² + ν), λ = δ²/2, Pⱼ = e^{−λ}λʲ/j!, Qⱼ = e^{−λ}λʲ·δ/(√2·Γ(j + 3/2));
    /// for t < 0, F(t; ν, δ) = 1 − F(−t; ν, −δ). Summed from j = 0 until the Poisson weights
    /// past their mode no longer matter; checked against scipy's `nct.cdf` (Boost). The cost
    /// grows with √λ, so callers keep |δ| within a few dozen (see `TrainingGain`).
    public static func noncentralTCDF(_ t: Double, _ degreesOfFreedom: Double, _ noncentrality: Double) -> Double {
        if t < 0 { return 1 - noncentralTCDF(-t, degreesOfFreedom, -noncentrality) }
        let delta = noncentrality
        if delta == 0 { return studentTCDF(t, degreesOfFreedom) }
        let x = t * t / (t * t + degreesOfFreedom)
        let lambda = delta * delta / 2
        var sum = 0.0
        let mode = Int(lambda.rounded(.down))
        let last = mode + 50 + Int(20 * lambda.squareRoot())
        for j in 0...last {
            let jj = Double(j)
            let logPoisson = -lambda + jj * log(lambda) - logGamma(jj + 1)
            // Weights below e⁻⁴⁰ cannot move the sum; before the mode they are skipped, after it
            // the series is done.
            if logPoisson < -40 {
                if j > mode { break }
                continue
            }
            let p = exp(logPoisson)
            let q = exp(-lambda + jj * log(lambda) - logGamma(jj + 1.5)) * delta / 2.0.squareRoot()
            if x > 0 {
                sum += p * regularizedIncompleteBeta(x, jj + 0.5, degreesOfFreedom / 2)
                sum += q * regularizedIncompleteBeta(x, jj + 1, degreesOfFreedom / 2)
            }
        }
        return min(1, max(0, normalCDF(-delta) + sum / 2))
    }

    /// The noncentrality δ with P(T ≤ t; ν, δ) = p, by bisection (the distribution function
    /// falls as δ grows); the step to the exact interval of an effect size (Steiger & Fouladi
    /// 1997, "Noncentrality interval estimation", ch. 9 of *What if there were no significance
    /// tests?*; Cumming & Finch 2001, EPM 61).
    static func noncentrality(for p: Double, t: Double, degreesOfFreedom: Double) -> Double {
        var low = t - 1
        var high = t + 1
        var width = 1.0
        while noncentralTCDF(t, degreesOfFreedom, low) < p {
            width *= 2
            low = t - width
        }
        width = 1.0
        while noncentralTCDF(t, degreesOfFreedom, high) > p {
            width *= 2
            high = t + width
        }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle <= low || middle >= high { break }
            if noncentralTCDF(t, degreesOfFreedom, middle) > p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
