import FoundationEssentials
import Glibc

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
        let logPoissonAtMode = -lambda + mode * log(lambda)
        let p = PoissonBetaSeries(
            a: mode + 0.5, b: b, x: x, weight: exp(logPoissonAtMode - logGamma(mode + 1)))
        let q = PoissonBetaSeries(
            a: mode + 1, b: b, x: x, weight: exp(logPoissonAtMode - logGamma(mode + 1.5)) * delta / 2.0.squareRoot())
        var sum = p.term + q.term
        let negligible = 1e-18
        var (upP, upQ) = (p, q)
        for _ in 0..<Int(100 + 40 * lambda.squareRoot()) {
            upP.stepUp(lambda: lambda)
            upQ.stepUp(lambda: lambda)
            sum += upP.term + upQ.term
            if upP.weight + abs(upQ.weight) < negligible { break }
        }
        var (downP, downQ) = (p, q)
        while downP.a > 1 {
            downP.stepDown(lambda: lambda)
            downQ.stepDown(lambda: lambda)
            sum += downP.term + downQ.term
            if downP.weight + abs(downQ.weight) < negligible { break }
        }
        return min(1, max(0, base + sum / 2))
    }

    /// The noncentrality δ with P(T ≤ t; ν, δ) = p, by bisection (the distribution function
    /// falls as δ grows); the step to the exact interval of an effect size (Steiger & Fouladi
    /// 1997, "Noncentrality interval estimation and the evaluation of statistical models", in
    /// *What if there were no significance tests?*; Cumming & Finch 2001, EPM 61).
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

/// One of the two sums of the noncentral t series: its Poisson-type weight for term j and
/// I_x(a, b) with a = j + ½ (the P terms) or a = j + 1 (the Q terms), walked one term at a
/// time by the recurrences, with `step` = xᵃ(1 − x)ᵇ·Γ(a + b)/(Γ(a + 1)Γ(b)) so that
/// I_x(a + 1, b) = I_x(a, b) − step. In both sums the next weight is the last times λ/(a − ½)
/// with the new a.
private struct PoissonBetaSeries {
    var a: Double
    let b: Double
    let x: Double
    var weight: Double
    var beta: Double
    var step: Double

    init(a: Double, b: Double, x: Double, weight: Double) {
        self.a = a
        self.b = b
        self.x = x
        self.weight = weight
        beta = Distributions.regularizedIncompleteBeta(x, a, b)
        step = exp(
            Distributions.logGamma(a + b) - Distributions.logGamma(a + 1) - Distributions.logGamma(b) + a * log(x)
                + b * log1p(-x))
    }

    var term: Double { weight * beta }

    mutating func stepUp(lambda: Double) {
        beta -= step
        step *= x * (a + b) / (a + 1)
        a += 1
        weight *= lambda / (a - 0.5)
    }

    mutating func stepDown(lambda: Double) {
        weight *= (a - 0.5) / lambda
        step *= a / (x * (a - 1 + b))
        a -= 1
        beta += step
    }
}
