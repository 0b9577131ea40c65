import FoundationEssentials
import Glibc

/// The few probability distributions the measurement statistics need: the normal, Student's t
/// and Fisher's F, built on the regularised incomplete beta function. Written here because
/// the project takes no third-party packages; every function is checked against
/// `scipy.stats` in `DistributionsTests`.
public enum Distributions {
    /// ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine coefficients, as in
    /// Numerical Recipes 3rd ed. §6.1 and Boost), accurate to about 1e-15. Written out rather
    /// than taken from libm because glibc's `lgamma` writes the global `signgam`, a data
    /// race when tests run in parallel.
    public static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma is only needed for positive arguments")
        if x < 0.5 {
            // Reflection keeps the approximation in its accurate range.
            return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x)
        }
        let coefficients = [
            0.999_999_999_999_809_93, 676.520_368_121_885_1, -1259.139_216_722_402_8, 771.323_428_777_653_13,
            -176.615_029_162_140_59, 12.507_343_278_686_905, -0.138_571_095_265_720_12,
            9.984_369_578_019_571_6e-6, 1.505_632_735_149_311_6e-7,
        ]
        let shifted = x - 1
        var sum = coefficients[0]
        for index in 1..<coefficients.count {
            sum += coefficients[index] / (shifted + Double(index))
        }
        let t = shifted + 7.5
        return 0.5 * log(2 * Double.pi) + (shifted + 0.5) * log(t) - t + log(sum)
    }

    /// The regularised incomplete beta function I_x(a, b), by the continued fraction of
    /// Numerical Recipes (3rd ed., §6.4, modified Lentz), using the symmetry
    /// I_x(a, b) = 1 − I_{1−x}(b, a) on the side where the fraction converges fast.
    public static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0, "the incomplete beta function needs positive shape parameters")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(
            logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x))
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(x, a, b) / a
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b
    }

    private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let sum = a + b
        var c = 1.0
        var d = 1 - sum * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var fraction = d
        for m in 1...10_000 {
            let m = Double(m)
            let twoM = 2 * m
            for numerator in [
                m * (b - m) * x / ((a - 1 + twoM) * (a + twoM)),
                -(a + m) * (sum + m) * x / ((a + twoM) * (a + 1 + twoM)),
            ] {
                d = 1 + numerator * d
                if abs(d) < tiny { d = tiny }
                c = 1 + numerator / c
                if abs(c) < tiny { c = tiny }
                d = 1 / d
                fraction *= d * c
            }
            if abs(d * c - 1) < 1e-16 { break }
        }
        return fraction
    }

    /// The x in 0…1 with I_x(a, b) = p, by bisection: slow but certain, and precise to the
    /// last bit of x because it stops only when the midpoint no longer moves.
    static func inverseRegularizedIncompleteBeta(_ p: Double, _ a: Double, _ b: Double) -> Double {
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        var low = 0.0
        var high = 1.0
        while true {
            let middle = low + (high - low) / 2
            if middle <= low || middle >= high { return middle }
            if regularizedIncompleteBeta(middle, a, b) < p { low = middle } else { high = middle }
        }
    }

    /// Φ(x), the standard normal distribution function.
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988), accurate
    /// to about 1e-16, the method R's `qnorm` uses.
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a normal quantile needs 0 < p < 1")
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let numerator = polynomial(
                r,
                [
                    3.387_132_872_796_366_608, 133.141_667_891_784_377_45, 1971.590_950_306_551_442_7,
                    13_731.693_765_509_461_125, 45_921.953_931_549_871_457, 67_265.770_927_008_700_853,
                    33_430.575_583_588_128_105, 2509.080_928_730_122_672_7,
                ])
            let denominator = polynomial(
                r,
                [
                    1, 42.313_330_701_600_911_252, 687.187_007_492_057_908_3, 5394.196_021_424_751_107_7,
                    21_213.794_301_586_595_867, 39_307.895_800_092_710_61, 28_729.085_735_721_942_674,
                    5226.495_278_852_545_925,
                ])
            return q * numerator / denominator
        }
        var r = (-log(q < 0 ? p : 1 - p)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            value =
                polynomial(
                    r,
                    [
                        1.423_437_110_749_683_577_34, 4.630_337_846_156_545_295_9, 5.769_497_221_460_691_405_5,
                        3.647_848_324_763_204_605_04, 1.270_458_252_452_368_382_58, 0.241_780_725_177_450_611_77,
                        0.022_723_844_989_269_184_583_3, 7.745_450_142_783_414_076_4e-4,
                    ])
                / polynomial(
                    r,
                    [
                        1, 2.053_191_626_637_758_821_87, 1.676_384_830_183_803_849_4, 0.689_767_334_985_100_004_55,
                        0.148_103_976_427_480_074_59, 0.015_198_666_563_616_457_196_6, 5.475_938_084_995_344_946e-4,
                        1.050_750_071_644_416_843_24e-9,
                    ])
        } else {
            r -= 5
            value =
                polynomial(
                    r,
                    [
                        6.657_904_643_501_103_777_2, 5.463_784_911_164_114_369_9, 1.784_826_539_917_291_335_8,
                        0.296_560_571_828_504_891_23, 0.026_532_189_526_576_123_093, 1.242_660_947_388_078_438_6e-3,
                        2.711_555_568_743_487_578_15e-5, 2.010_334_399_292_288_132_65e-7,
                    ])
                / polynomial(
                    r,
                    [
                        1, 0.599_832_206_555_887_937_69, 0.136_929_880_922_735_805_31, 0.014_875_361_290_850_614_852_5,
                        7.868_691_311_456_132_591e-4, 1.846_318_317_510_054_681_8e-5, 1.421_511_758_316_445_888_7e-7,
                        2.044_263_103_389_939_785_64e-15,
                    ])
        }
        return q < 0 ? -value : value
    }

    /// Σ coefficients[i]·xⁱ by Horner's rule.
    private static func polynomial(_ x: Double, _ coefficients: [Double]) -> Double {
        coefficients.reversed().reduce(0) { $0 * x + $1 }
    }

    /// P(F ≤ x) for Fisher's F with d1 and d2 degrees of freedom:
    /// I_{d1·x/(d1·x + d2)}(d1/2, d2/2) (Abramowitz & Stegun 26.6.2).
    public static func fisherFCDF(_ x: Double, _ d1: Double, _ d2: Double) -> Double {
        guard x > 0 else { return 0 }
        return regularizedIncompleteBeta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2)
    }

    /// The p-quantile of Fisher's F (scipy's `f.ppf`), by inverting the incomplete beta.
    /// Above the median it solves for 1 − x instead, so an upper quantile keeps its precision.
    public static func fisherFQuantile(_ p: Double, _ d1: Double, _ d2: Double) -> Double {
        precondition(p > 0 && p < 1 && d1 > 0 && d2 > 0, "an F quantile needs 0 < p < 1 and positive df")
        if p <= 0.5 {
            let x = inverseRegularizedIncompleteBeta(p, d1 / 2, d2 / 2)
            return d2 * x / (d1 * (1 - x))
        }
        let y = inverseRegularizedIncompleteBeta(1 - p, d2 / 2, d1 / 2)
        return d2 * (1 - y) / (d1 * y)
    }

    /// P(T ≤ t) for Student's t with ν degrees of freedom: 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0.
    public static func studentTCDF(_ t: Double, _ degreesOfFreedom: Double) -> Double {
        let tail =
            0.5 * regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The p-quantile of Student's t (scipy's `t.ppf`), from t² ~ F(1, ν): the upper quantile
    /// t_p = √F_{2p−1}(1, ν), and by symmetry t_{1−p} = −t_p.
    public static func studentTQuantile(_ p: Double, _ degreesOfFreedom: Double) -> Double {
        precondition(p > 0 && p < 1 && degreesOfFreedom > 0, "a t quantile needs 0 < p < 1 and positive df")
        if p == 0.5 { return 0 }
        let magnitude = fisherFQuantile(abs(2 * p - 1), 1, degreesOfFreedom).squareRoot()
        return p > 0.5 ? magnitude : -magnitude
    }
}
