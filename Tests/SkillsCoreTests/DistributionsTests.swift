import Foundation
import Testing

@testable import SkillsCore

/// Expected values from scipy 1.17.1 (`stats.norm`, `stats.t`, `stats.f`, `stats.nct`,
/// `special.gammaln`, `special.betainc`) with numpy 2.4.6 on Python 3.11, printed by
/// scripts/oracles/distributions_oracle.py.
@Suite struct DistributionsTests {
    /// Relative agreement to 1e-9 (to 1e-12 absolute where the expected value is 0).
    static func close(_ value: Double, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
        expected == 0 ? abs(value) <= 1e-12 : abs(value - expected) <= tolerance * abs(expected)
    }

    @Test(
        "The normal quantile matches scipy's norm.ppf in all three regions of AS 241",
        arguments: [
            (0.5, 0.0),
            (0.3, -0.5244005127080409),
            (0.95, 1.6448536269514722),
            (0.975, 1.959963984540054),
            (0.02, -2.053748910631823),
            (1e-06, -4.753424308822899),
            (1e-13, -7.348796102800677),
            (0.999999, 4.753424308817087),
        ])
    func normalQuantile(p: Double, expected: Double) {
        #expect(Self.close(Distributions.normalQuantile(p), expected))
    }

    @Test(
        "The normal distribution function matches scipy's norm.cdf",
        arguments: [
            (-3.0, 0.0013498980316300933),
            (-1.0, 0.15865525393145707),
            (0.0, 0.5),
            (0.5, 0.6914624612740131),
            (1.959963984540054, 0.975),
            (6.0, 0.9999999990134123),
        ])
    func normalCDF(x: Double, expected: Double) {
        #expect(Self.close(Distributions.normalCDF(x), expected))
    }

    @Test(
        "Log-gamma matches scipy's gammaln",
        arguments: [
            (0.5, 0.5723649429247),
            (1.0, 0.0),
            (2.5, 0.2846828704729192),
            (7.0, 6.579251212010101),
            (30.5, 72.9534711841694),
            (300.0, 1409.2020674704117),
        ])
    func logGamma(x: Double, expected: Double) {
        #expect(Self.close(Distributions.logGamma(x), expected))
    }

    @Test(
        "The regularised incomplete beta matches scipy's betainc on both sides of the symmetry switch",
        arguments: [
            (0.3, 2.0, 3.0, 0.34829999999999994),
            (0.9, 0.5, 0.5, 0.7951672353008665),
            (0.2, 10.0, 40.0, 0.5282957856733868),
            (0.75, 22.5, 3.5, 0.05804113642208418),
            (0.01, 1.0, 200.0, 0.8660203251420381),
        ])
    func incompleteBeta(x: Double, a: Double, b: Double, expected: Double) {
        #expect(Self.close(Distributions.regularizedIncompleteBeta(x, a, b), expected))
    }

    @Test(
        "The F quantile matches scipy's f.ppf in both tails",
        arguments: [
            (0.975, 5, 20, 3.289055845680407),
            (0.025, 5, 20, 0.1580139483414105),
            (0.975, 9, 45, 2.4122046673987727),
            (0.025, 9, 45, 0.2867883686792606),
            (0.025, 1, 10, 0.0010323886717517948),
            (0.5, 3, 7, 0.870944253187285),
            (0.999, 2, 3, 148.49999999999986),
            (0.001, 30, 600, 0.38109395902947224),
            (0.95, 199, 995, 1.1908496625436928),
        ])
    func fisherFQuantile(p: Double, d1: Int, d2: Int, expected: Double) {
        #expect(Self.close(Distributions.fisherFQuantile(p, Double(d1), Double(d2)), expected))
    }

    @Test(
        "The F distribution function matches scipy's f.cdf",
        arguments: [
            (2.5, 5, 20, 0.9350729538990549),
            (0.3, 9, 45, 0.029035954159236634),
            (10.0, 1, 10, 0.9898804402645663),
        ])
    func fisherFCDF(x: Double, d1: Int, d2: Int, expected: Double) {
        #expect(Self.close(Distributions.fisherFCDF(x, Double(d1), Double(d2)), expected))
    }

    @Test(
        "The t quantile matches scipy's t.ppf",
        arguments: [
            (0.975, 1, 12.706204736174694),
            (0.975, 5, 2.5705818356363146),
            (0.975, 29, 2.045229642132703),
            (0.025, 3, -3.1824463052837086),
            (0.9, 100, 1.290074761346516),
            (0.6, 2, 0.2886751345948128),
            (0.995, 9, 3.249835541592126),
        ])
    func studentTQuantile(p: Double, df: Int, expected: Double) {
        #expect(Self.close(Distributions.studentTQuantile(p, Double(df)), expected))
    }

    @Test(
        "The t distribution function matches scipy's t.cdf",
        arguments: [
            (2.0, 5, 0.9490302605850708),
            (-1.5, 12, 0.07972875175660343),
            (0.0, 3, 0.5),
            (4.0, 1, 0.9220208696226306),
        ])
    func studentTCDF(t: Double, df: Int, expected: Double) {
        #expect(Self.close(Distributions.studentTCDF(t, Double(df)), expected))
    }

    @Test(
        "The noncentral t distribution function matches scipy's nct.cdf",
        arguments: [
            (2.0, 9, 1.5, 0.6558759139985497),
            (2.0, 9, -1.0, 0.996436504911053),
            (-1.0, 5, 0.5, 0.08244409105672337),
            (8.66, 3, 3.0, 0.9359357558900172),
            (0.0, 4, 2.0, 0.02275013194817922),
            (3.5, 29, 6.0, 0.010900694222706484),
            (30.0, 5, 25.0, 0.6271515927450702),
            (45.0, 1, 60.0, 0.18253041332996972),
            (12.0, 40, 11.0, 0.7078176450239364),
            (-3.0, 7, -2.5, 0.38211627734040476),
        ])
    func noncentralTCDF(t: Double, df: Int, noncentrality: Double, expected: Double) {
        #expect(Self.close(Distributions.noncentralTCDF(t, Double(df), noncentrality), expected))
    }

    @Test func quantilesInvertTheirDistributionFunctions() {
        for p in [0.001, 0.05, 0.5, 0.9, 0.999] {
            #expect(Self.close(Distributions.fisherFCDF(Distributions.fisherFQuantile(p, 4, 17), 4, 17), p, 1e-12))
            #expect(Self.close(Distributions.studentTCDF(Distributions.studentTQuantile(p, 6), 6), p, 1e-12))
            #expect(Self.close(Distributions.normalCDF(Distributions.normalQuantile(p)), p, 1e-14))
        }
    }
}
