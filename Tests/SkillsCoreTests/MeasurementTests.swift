import Foundation
import Testing

@testable import SkillsCore

/// Hand-worked standard errors, bands, reliable change and Lord's binomial error (the working
/// is in each test), and Wilson and Feldt intervals against scipy 1.17.1 and pingouin 0.7.0
/// (scripts/oracles/measurement_oracle.py).
@Suite struct MeasurementTests {
    static func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
        value.map { abs($0 - expected) <= tolerance } ?? false
    }

    @Test func standardErrorOfMeasurementIsSDTimesRootOfUnreliability() {
        // SD 20, reliability 0.75: 20·√(1 − 0.75) = 20·0.5 = 10.
        #expect(Self.close(Measurement.standardErrorOfMeasurement(standardDeviation: 20, reliability: 0.75), 10))
        // SD 15, reliability 0.64: 15·√0.36 = 15·0.6 = 9.
        #expect(Self.close(Measurement.standardErrorOfMeasurement(standardDeviation: 15, reliability: 0.64), 9))
        // A perfectly reliable scale measures without error; an unreliable one errs by its whole SD.
        #expect(Self.close(Measurement.standardErrorOfMeasurement(standardDeviation: 15, reliability: 1), 0))
        #expect(Self.close(Measurement.standardErrorOfMeasurement(standardDeviation: 15, reliability: 0), 15))
    }

    @Test func unusableReliabilityGivesNoStandardError() {
        #expect(Measurement.standardErrorOfMeasurement(standardDeviation: 15, reliability: -0.2) == nil)
        #expect(Measurement.standardErrorOfMeasurement(standardDeviation: 15, reliability: 1.1) == nil)
        #expect(Measurement.standardErrorOfMeasurement(standardDeviation: -1, reliability: 0.8) == nil)
    }

    @Test func bandIsScorePlusOrMinus1645StandardErrorsClippedToTheScale() {
        // 38 ± 1.645·9 = 38 ± 14.805 → 23.195 … 52.805.
        let middle = Measurement.band(score: 38, standardError: 9)
        #expect(Self.close(middle.low, 23.195))
        #expect(Self.close(middle.high, 52.805))
        // 10 ± 16.45: the low end would be −6.45, clipped to 0.
        let bottom = Measurement.band(score: 10, standardError: 10)
        #expect(bottom.low == 0)
        #expect(Self.close(bottom.high, 26.45))
        // 95 ± 16.45: the high end would be 111.45, clipped to 100.
        let top = Measurement.band(score: 95, standardError: 10)
        #expect(Self.close(top.low, 78.55))
        #expect(top.high == 100)
    }

    @Test func lordsBinomialErrorInQuestionsAndPoints() {
        // 2 right of 3: √(2·(3 − 2)/(3 − 1)) = √1 = 1 question = 100/3 = 33.33 points.
        #expect(Self.close(Measurement.lordStandardError(correct: 2, questions: 3), 1))
        #expect(Self.close(Measurement.lordPercentStandardError(correct: 2, questions: 3), 100.0 / 3))
        // 12 right of 15: √(12·3/14) = √(36/14) = 1.603567 questions = 10.690450 points.
        #expect(Self.close(Measurement.lordStandardError(correct: 12, questions: 15), (36.0 / 14).squareRoot()))
        #expect(
            Self.close(Measurement.lordPercentStandardError(correct: 12, questions: 15), 10.690449676496975, 1e-9))
        // Inside the ends the reported quiz error is Lord's own.
        #expect(Self.close(Measurement.quizStandardError(correct: 12, questions: 15), 10.690449676496975))
    }

    @Test func lordGivesZeroAtTheEndsAndTheQuizErrorDoesNot() {
        // Lord's raw value: x(n − x) = 0 at x = 0 and x = n.
        #expect(Measurement.lordStandardError(correct: 0, questions: 10) == 0)
        #expect(Measurement.lordStandardError(correct: 3, questions: 3) == 0)
        // Reported at half a question from the end. 0 of 10: √(0.5·9.5/9) = √0.527778 = 0.726483
        // questions = 7.26483 points.
        #expect(
            Self.close(Measurement.quizStandardError(correct: 0, questions: 10), 100 * (4.75 / 9).squareRoot() / 10))
        // 3 of 3: √(2.5·0.5/2) = √0.625 = 0.790569 questions = 26.3523 points; the band reaches
        // down to 100 − 1.645·26.3523 = 56.65, so a perfect three-question area "could be" lower.
        let perfect = Measurement.quizStandardError(correct: 3, questions: 3)!
        #expect(Self.close(perfect, 100 * 0.625.squareRoot() / 3))
        #expect(Self.close(Measurement.band(score: 100, standardError: perfect).low, 100 - 1.645 * perfect))
        #expect(Measurement.band(score: 100, standardError: perfect).low < 57)
        // 15 of 15: √(0.5·14.5/14) = 0.719623 questions = 4.7975 points: a long quiz is precise.
        #expect(
            Self.close(Measurement.quizStandardError(correct: 15, questions: 15), 100 * (7.25 / 14).squareRoot() / 15))
    }

    @Test func lordNeedsTwoQuestionsAndACountInRange() {
        #expect(Measurement.lordStandardError(correct: 1, questions: 1) == nil)
        #expect(Measurement.quizStandardError(correct: 1, questions: 1) == nil)
        #expect(Measurement.lordStandardError(correct: 4, questions: 3) == nil)
        #expect(Measurement.quizStandardError(correct: -1, questions: 3) == nil)
    }

    @Test func reliableChangeIndexDividesTheChangeByRootTwoSEM() {
        // SEM 9: S_diff = √2·9 = 12.7279. A one-step change on a two-item area, 12.5 points:
        // RCI = 12.5/12.7279 = 0.982 < 1.645, no clear change.
        let step = ReliableChange(from: 50, to: 62.5, standardErrorOfMeasurement: 9)!
        #expect(Self.close(step.index, 12.5 / (2.0.squareRoot() * 9)))
        #expect(!step.isReliable)
        #expect(step.direction == .none)
        // Bottom to top, 25 → 75: RCI = 50/12.7279 = 3.93, a reliable rise.
        let rise = ReliableChange(from: 25, to: 75, standardErrorOfMeasurement: 9)!
        #expect(Self.close(rise.index, 3.928371006591931))
        #expect(rise.direction == .up)
        // 60 → 35: RCI = −25/12.7279 = −1.964, a reliable fall.
        let fall = ReliableChange(from: 60, to: 35, standardErrorOfMeasurement: 9)!
        #expect(Self.close(fall.index, -1.9641855032959654))
        #expect(fall.direction == .down)
    }

    @Test func reliableChangeWithTwoStandardErrorsUsesTheirRootSumOfSquares() {
        // SEs 3 and 4: S_diff = √(9 + 16) = 5. +10 → RCI 2 (reliable); +8 → 1.6 (not).
        let ten = ReliableChange(from: 40, to: 50, standardErrors: (3, 4))!
        #expect(Self.close(ten.index, 2))
        #expect(ten.isReliable)
        let eight = ReliableChange(from: 40, to: 48, standardErrors: (3, 4))!
        #expect(Self.close(eight.index, 1.6))
        #expect(!eight.isReliable)
        #expect(ReliableChange(from: 40, to: 48, standardErrorOfMeasurement: 0) == nil)
    }

    @Test func spearmanBrownProphesiesTheReliabilityOfAnotherLength() {
        // Six items at 0.86 cut to two (k = 1/3): (0.86/3)/(1 − (2/3)·0.86) = 0.86/(3 − 1.72)
        // = 0.86/1.28 = 0.671875.
        #expect(Self.close(Measurement.spearmanBrown(reliability: 0.86, lengthFactor: 1.0 / 3), 0.671875))
        // Doubled from 0.6: 1.2/(1 + 0.6) = 0.75.
        #expect(Self.close(Measurement.spearmanBrown(reliability: 0.6, lengthFactor: 2), 0.75))
        #expect(Measurement.spearmanBrown(reliability: 0.6, lengthFactor: 0) == nil)
    }

    @Test(
        "Wilson intervals match scipy's binomtest(k, n).proportion_ci(method='wilson')",
        arguments: [
            (0, 10, 0.95, 0.0, 0.27753279986288926),
            (3, 10, 0.95, 0.10779126740630102, 0.6032218525388546),
            (10, 10, 0.95, 0.7224672001371109, 1.0),
            (47, 60, 0.95, 0.6637997242680521, 0.868769559518097),
            (3, 10, 0.9, 0.1268765839031979, 0.5583002041301649),
            (1, 1, 0.95, 0.20654931437723745, 1.0),
        ])
    func wilson(successes: Int, trials: Int, confidence: Double, low: Double, high: Double) {
        let interval = Measurement.wilsonInterval(successes: successes, trials: trials, confidence: confidence)
        #expect(Self.close(interval?.low, low))
        #expect(Self.close(interval?.high, high))
    }

    @Test func wilsonNeedsTrials() {
        #expect(Measurement.wilsonInterval(successes: 0, trials: 0) == nil)
        #expect(Measurement.wilsonInterval(successes: 4, trials: 3) == nil)
    }

    @Test func feldtIntervalMatchesPingouinAndScipy() {
        // Eight people, four 1–5 items (the data are in the oracle script). pingouin's alpha is
        // 0.9486404833836858 and its interval, rounded, [0.848, 0.988]; unrounded from scipy's f.isf:
        let alpha = 0.9486404833836858
        let interval = Measurement.feldtInterval(alpha: alpha, people: 8, items: 4)
        #expect(Self.close(interval?.low, 0.8475325809813242))
        #expect(Self.close(interval?.high, 0.9884638303629191))
        let ninety = Measurement.feldtInterval(alpha: alpha, people: 8, items: 4, confidence: 0.9)
        #expect(Self.close(ninety?.low, 0.872239211591315))
        #expect(Self.close(ninety?.high, 0.9850475964212988))
        #expect(Measurement.feldtInterval(alpha: alpha, people: 1, items: 4) == nil)
    }

    @Test func feldtAlphaFromTheProjectsOwnCronbachAgrees() {
        // The same eight people through Statistics.cronbachAlpha (items as columns).
        let people = [
            [4, 5, 4, 4], [2, 3, 2, 3], [5, 5, 4, 5], [3, 3, 3, 2], [1, 2, 2, 1], [4, 4, 5, 4], [3, 2, 3, 3],
            [5, 4, 5, 5],
        ]
        let columns = (0..<4).map { item in people.map { Double($0[item]) } }
        #expect(Self.close(Statistics.cronbachAlpha(columns), 0.9486404833836858))
    }

    @Test func rollingMeanOfTheLastFiveWithTheErrorOfAMean() {
        let scores = [50.0, 60, 70, 80, 90, 100]
        let means = RollingMean.trailing(scores: scores, standardErrors: Array(repeating: 10, count: 6), window: 5)!
        // First: one score, its own error.
        #expect(means[0].count == 1 && means[0].mean == 50 && Self.close(means[0].standardError, 10))
        // Second: (50 + 60)/2 = 55, √(10² + 10²)/2 = √200/2 = 7.0711.
        #expect(means[1].count == 2 && Self.close(means[1].mean, 55))
        #expect(Self.close(means[1].standardError, 200.0.squareRoot() / 2))
        // Last: 60…100, mean 80, √500/5 = 4.4721, band 80 ± 1.645·4.4721 = 72.643 … 87.357.
        #expect(means[5].count == 5 && Self.close(means[5].mean, 80))
        #expect(Self.close(means[5].standardError, 500.0.squareRoot() / 5))
        #expect(Self.close(means[5].band.low, 80 - 1.645 * 500.0.squareRoot() / 5))
        #expect(Self.close(means[5].band.high, 80 + 1.645 * 500.0.squareRoot() / 5))
        #expect(RollingMean.trailing(scores: scores, standardErrors: [10], window: 5) == nil)
    }
}

/// The levels a band reaches, on the built-in rubric: Beginning 0–39, Developing 40–59,
/// Proficient 60–79, Role model 80–100.
@Suite struct BandLevelTests {
    let levels = Fixture.framework.levels

    func names(_ band: ScoreBand) -> [String] { band.levels(in: levels).map(\.name) }

    @Test func aBandAcrossABoundaryNamesBothLevels() {
        // 38 ± 1.645·9 = 23.195 … 52.805, rounded 23 … 53: Beginning, could be Developing.
        #expect(names(Measurement.band(score: 38, standardError: 9)) == ["Beginning", "Developing"])
    }

    @Test func aNarrowBandNamesOneLevel() {
        // 70 ± 1.645·3 = 65.065 … 74.935: Proficient only.
        #expect(names(Measurement.band(score: 70, standardError: 3)) == ["Proficient"])
    }

    @Test func aPerfectShortQuizCouldBeALevelLower() {
        // 3 of 3: band 56.65 … 100 (see lordGivesZeroAtTheEndsAndTheQuizErrorDoesNot).
        let band = Measurement.band(score: 100, standardError: Measurement.quizStandardError(correct: 3, questions: 3)!)
        #expect(names(band) == ["Developing", "Proficient", "Role model"])
    }

    @Test func endsAreRoundedAsScoresAre() {
        // 39.4 rounds to 39 (Beginning) and 59.6 to 60 (Proficient).
        #expect(names(ScoreBand(low: 39.4, high: 39.4)) == ["Beginning"])
        #expect(names(ScoreBand(low: 39.5, high: 59.6)) == ["Developing", "Proficient"])
    }
}
