import Foundation

extension Distributions {
    /// P(T ≤ t) for the noncentral t with ν degrees of freedom and noncentrality δ, by the
    /// series of Guenther (1978, J. Stat. Comput. Simul. 6) as Lenth's AS 243 (1989) sums it:
    /// for t ≥ 0, F = Φ(−δ) + ½·Σⱼ [Pⱼ·I_x(j + ½, ν/2) + Qⱼ·I_x(j + 1, ν/2)] with
    /// x = t²/(t² + ν), λ = δ²/2, Pⱼ = e^{−λ}λʲ/j!, Qⱼ = e^{−λ}λʲ·δ/(√2·Γ(j + 3/2));
    /// for t < 0, F(t; ν, δ) = 1 − F(−t; ν, −δ). As in AS 243 the sum starts at the Poisson
    /// mode and walks both ways, getting each next I_x from the recurrence
    /// I_x(a + 1, b) = I_x(a, b) − xᵃ(1 − x)ᵇ·Γ(a + b)/(Γ(a + 1)Γ(b)), so only two incomplete
    /// betas are computed per call. Checked against scipy's `nct.cdf` (Boost).
    public static func noncentralTCDF(_ t: Double, _ degreesOfFreedom: Double, _ noncentrality: Double) -> Double {
        if t < 0 { return 1 - noncentralTCDF(-t, degreesOfFreedom, -noncentrality) }
        let delta = noncentrality
        if delta == 0 { return studentTCDF(t, degreesOfFreedom) }
        let base = normalCDF(-delta)
        guard t > 0 else { return base }
        let x = t * t / (t * t + degreesOfFreedom)
        let b = degreesOfFreedom / 2
        let lambda = delta * delta / 2
        let mode = Double(Int(lambda.rounded(.down)))
        let logX = log(x)
        let logOneMinusX = log1p(-x)
        /// One of the two series (a = j + ½ for P, a = j + 1 for Q) at the mode: its weight,
        /// I_x(a, b) and the recurrence step xᵃ(1 − x)ᵇ·Γ(a + b)/(Γ(a + 1)Γ(b)).
        struct Series {
            var a: Double
            var weight: Double
            var beta: Double
            var step: Double
        }
        func start(offset: Double, weight: Double) -> Series {
            let a = mode + offset
            let step = exp(
                logGamma(a + b) - logGamma(a + 1) - logGamma(b) + a * logX + b * logOneMinusX)
            return Series(a: a, weight: weight, beta: regularizedIncompleteBeta(x, a, b), step: step)
        }
        let logPoissonAtMode = -lambda + mode * log(lambda)
        let first = (
            start(offset: 0.5, weight: exp(logPoissonAtMode - logGamma(mode + 1))),
            start(offset: 1, weight: exp(logPoissonAtMode - logGamma(mode + 1.5)) * delta / 2.0.squareRoot())
        )
        var sum = first.0.weight * first.0.beta + first.1.weight * first.1.beta
        let negligible = 1e-18
        // Upwards from the mode.
        var (p, q) = first
        var j = mode
        while j < mode + 100 + 40 * lambda.squareRoot() {
            j += 1
            for index in 0..<2 {
                var series = index == 0 ? p : q
                series.beta -= series.step
                series.step *= x * (series.a + b) / (series.a + 1)
                series.a += 1
                series.weight *= lambda / (index == 0 ? j : j + 0.5)
                if index == 0 { p = series } else { q = series }
            }
            sum += p.weight * p.beta + q.weight * q.beta
            if p.weight + abs(q.weight) < negligible { break }
        }
        // Downwards from the mode.
        (p, q) = first
        j = mode
        while j > 0 {
            for index in 0..<2 {
                var series = index == 0 ? p : q
                series.weight *= (index == 0 ? j : j + 0.5) / lambda
                series.step *= series.a / (x * (series.a - 1 + b))
                series.a -= 1
                series.beta += series.step
                if index == 0 { p = series } else { q = series }
            }
            j -= 1
            sum += p.weight * p.beta + q.weight * q.beta
            if p.weight + abs(q.weight) < negligible { break }
        }
        return min(1, max(0, base + sum / 2))
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
