import FoundationEssentials
import Glibc

/// How much a class moved between two sittings, from each person's score before and after
/// (0–100 scale, matched by person).
public struct TrainingGain: Equatable, Sendable {
    public var people: Int
    public var meanBefore: Double
    public var meanAfter: Double
    /// Hake's class-average normalised gain ⟨g⟩ = (⟨post⟩ − ⟨pre⟩) / (100 − ⟨pre⟩): the share
    /// of the possible improvement the class made (Hake 1998, "Interactive-engagement versus
    /// traditional methods", Am. J. Phys. 66(1), 64–74). Nil when the class began at 100.
    public var classGain: Double?
    /// The mean of individual gains gᵢ = (postᵢ − preᵢ)/(100 − preᵢ) over the people who
    /// began below 100 (the "g-bar" Hake contrasts with ⟨g⟩); nil when nobody did. Individual
    /// gains swing wildly near the top, which is why the class-average form leads.
    public var meanIndividualGain: Double?
    /// People who scored 100 before, for whom no individual gain exists.
    public var startedAtTop: Int
    /// Cohen's d_z for paired scores, mean(diff)/SD(diff) (Cohen 1988, Statistical Power
    /// Analysis; Lakens 2013, Front. Psychol. 4:863); nil with fewer than two people or no
    /// spread in the differences.
    public var effectSize: Double?
    /// The interval of d_z as `pingouin.compute_esci(paired=True)` computes it:
    /// d ± t_{(1+c)/2, n−1}·√(1/n + d²/(2n)), a large-sample approximation to the standard
    /// error of d (real-statistics.com). It can be noticeably off for a small class: ten
    /// people with d_z = 0.68 get −0.12…1.47 here and −0.03…1.36 exactly.
    public var effectSizeInterval: ConfidenceInterval?
    /// The exact interval of d_z from the noncentral t: with t = d_z·√n on n − 1 degrees of
    /// freedom, the noncentralities δ with P(T ≤ t; δ) = (1 + c)/2 and (1 − c)/2, divided by √n
    /// (Steiger & Fouladi 1997; Cumming & Finch 2001; what JASP and R's MBESS report). The
    /// better interval to show; the approximation is kept because pingouin reports it. Nil
    /// when |t| > 40, a change so uniform that the interval is beside the point and the
    /// noncentral-t series would be slow (its cost grows with t).
    public var effectSizeExactInterval: ConfidenceInterval?

    static let largestExactT = 40.0
    static let noSpread = 1e-9
    /// Reliable changes (Jacobson–Truax, `ReliableChange`), when standard errors were given.
    public var reliableChanges: ReliableChangeCount?

    /// Nil when the lists are empty or differ in length.
    public init?(
        before: [Double], after: [Double], standardErrors: [(before: Double, after: Double)]? = nil,
        confidence: Double = 0.95
    ) {
        guard !before.isEmpty, before.count == after.count, confidence > 0, confidence < 1,
            let meanBefore = Statistics.mean(before), let meanAfter = Statistics.mean(after)
        else { return nil }
        people = before.count
        self.meanBefore = meanBefore
        self.meanAfter = meanAfter
        classGain = meanBefore < 100 ? (meanAfter - meanBefore) / (100 - meanBefore) : nil
        let individual = zip(before, after).filter { $0.0 < 100 }.map { ($0.1 - $0.0) / (100 - $0.0) }
        meanIndividualGain = Statistics.mean(individual)
        startedAtTop = people - individual.count
        let differences = zip(before, after).map { $0.1 - $0.0 }
        // A spread below a billionth of a point is rounding, not people differing: quiz scores
        // such as 2/3 and 1/3 of 100 give changes of 33.33…3 and 33.33…4, whose "SD" of 1e-14
        // would make d_z some 10^15.
        if let meanDifference = Statistics.mean(differences),
            let sd = Statistics.standardDeviation(differences), sd > Self.noSpread
        {
            let d = meanDifference / sd
            let n = Double(people)
            let standardError = (1 / n + d * d / (2 * n)).squareRoot()
            let critical = Distributions.studentTQuantile((1 + confidence) / 2, n - 1)
            effectSize = d
            effectSizeInterval = ConfidenceInterval(
                low: d - critical * standardError, high: d + critical * standardError)
            let t = d * n.squareRoot()
            let tail = (1 - confidence) / 2
            effectSizeExactInterval =
                abs(t) <= Self.largestExactT
                ? ConfidenceInterval(
                    low: Distributions.noncentrality(for: 1 - tail, t: t, degreesOfFreedom: n - 1) / n.squareRoot(),
                    high: Distributions.noncentrality(for: tail, t: t, degreesOfFreedom: n - 1) / n.squareRoot())
                : nil
        } else {
            effectSize = nil
            effectSizeInterval = nil
            effectSizeExactInterval = nil
        }
        reliableChanges = standardErrors.flatMap {
            ReliableChangeCount(before: before, after: after, standardErrors: $0)
        }
    }

    /// The same with one standard error of measurement for every score (a rating scale's SEM).
    public init?(before: [Double], after: [Double], standardErrorOfMeasurement: Double, confidence: Double = 0.95) {
        self.init(
            before: before, after: after,
            standardErrors: Array(
                repeating: (standardErrorOfMeasurement, standardErrorOfMeasurement), count: before.count),
            confidence: confidence)
    }
}

/// How many people changed reliably up, reliably down, or not clearly.
public struct ReliableChangeCount: Equatable, Sendable {
    public var up: Int
    public var down: Int
    public var noClearChange: Int
    /// People whose change could not be judged (a zero standard error on both sides).
    public var undetermined: Int

    public init(up: Int, down: Int, noClearChange: Int, undetermined: Int) {
        self.up = up
        self.down = down
        self.noClearChange = noClearChange
        self.undetermined = undetermined
    }

    /// Counts by `ReliableChange` person by person; nil when the lists differ in length.
    public init?(before: [Double], after: [Double], standardErrors: [(before: Double, after: Double)]) {
        guard before.count == after.count, before.count == standardErrors.count else { return nil }
        up = 0
        down = 0
        noClearChange = 0
        undetermined = 0
        for index in before.indices {
            let errors = standardErrors[index]
            guard
                let change = ReliableChange(
                    from: before[index], to: after[index], standardErrors: (errors.before, errors.after))
            else {
                undetermined += 1
                continue
            }
            switch change.direction {
            case .up: up += 1
            case .down: down += 1
            case .none: noClearChange += 1
            }
        }
    }
}
