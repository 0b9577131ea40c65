import FoundationEssentials
import Glibc

/// What the class summary needs of one item, as running sums over the attempts used: a class
/// of 300,000 keeps a few numbers per item instead of a column of 300,000 points. Every
/// tally can take an attempt back out (`sign` −1), for when a person's earlier attempt turns
/// up after a later one was counted.
public struct ItemTally: Sendable {
    /// Attempts with points for the item (a skipped right-or-wrong question counts as 0).
    public internal(set) var answered = 0
    /// Sums of the points as a fraction of the maximum, and of their squares.
    var fractions = 0.0
    var fractionSquares = 0.0
    /// Attempts with full marks (Wilson's interval for a one-key question).
    var fullMarks = 0
    /// Right-or-wrong items: how many picked each option (bit n of the picks is option n).
    var picks: [Int] = []
    /// Rating items: how many gave each scale value, and "not applicable".
    var ratings: [Int: Int] {
        var all = otherRatings
        for (value, count) in commonRatings.enumerated() where count != 0 { all[value, default: 0] += count }
        return all
    }
    /// Values 0...15 (every scale in practice) counted by position: a class of 300,000 answers
    /// millions of rating items, and a hash per answer cost more than the rest of its tally.
    private var commonRatings: [Int] = []
    private var otherRatings: [Int: Int] = [:]
    var notApplicable = 0

    mutating func add(points: Double, maxPoints: Double, sign: Int) {
        let fraction = points / maxPoints
        answered += sign
        fractions += Double(sign) * fraction
        fractionSquares += Double(sign) * fraction * fraction
        if fraction >= 1 { fullMarks += sign }
    }

    mutating func pick(_ mask: UInt16, sign: Int) {
        var bits = mask
        while bits != 0 {
            let option = bits.trailingZeroBitCount
            if picks.count <= option { picks += Array(repeating: 0, count: option + 1 - picks.count) }
            picks[option] += sign
            bits &= bits - 1
        }
    }

    /// A rating answer as given ("3"), or "not applicable"; anything else counts as skipped.
    mutating func rate(_ answer: String?, notApplicable isNotApplicable: Bool, sign: Int) {
        if isNotApplicable {
            notApplicable += sign
        } else if let answer, let value = Self.rating(answer), (-99...154).contains(value) {
            if (0..<16).contains(value) {
                if commonRatings.isEmpty { commonRatings = Array(repeating: 0, count: 16) }
                commonRatings[value] += sign
            } else {
                otherRatings[value, default: 0] += sign
            }
        }
    }

    /// `Int(answer)`, with one digit read straight from its byte.
    private static func rating(_ answer: String) -> Int? {
        var utf8 = answer.utf8.makeIterator()
        if let byte = utf8.next(), (0x30...0x39).contains(byte), utf8.next() == nil { return Int(byte - 0x30) }
        return Int(answer)
    }

    /// Mean of the fractions, as a percent.
    var facility: Double? { answered > 0 ? fractions / Double(answered) * 100 : nil }

    /// Sample standard deviation of the fractions, as a percent.
    var standardDeviation: Double? {
        Moments(count: answered, sum: fractions, squares: fractionSquares).variance.map { $0.squareRoot() * 100 }
    }

    /// The spread of a rating item over `used` attempts: every value of `scale` (and any
    /// given outside it), then "n/a", then "skipped" (the attempts with no answer).
    func spread(scale: ClosedRange<Int>, used: Int) -> [ClassSummary.AnswerCount] {
        let given = ratings.filter { $0.value > 0 }
        let low = min(scale.lowerBound, given.keys.min() ?? scale.lowerBound)
        let high = max(scale.upperBound, given.keys.max() ?? scale.upperBound)
        let counted = given.values.reduce(0, +) + notApplicable
        return (low...high).map { ClassSummary.AnswerCount(answer: String($0), count: given[$0] ?? 0) }
            + [.init(answer: "n/a", count: notApplicable), .init(answer: "skipped", count: used - counted)]
    }
}

/// Count, sum and sum of squares, and the sample variance from them.
struct Moments {
    var count: Int
    var sum: Double
    var squares: Double

    /// Sum of squared deviations from the mean; 0 where rounding makes it a hair negative.
    var deviations: Double { max(0, squares - sum * sum / Double(count)) }

    var variance: Double? { count >= 2 ? deviations / Double(count - 1) : nil }
}

/// One area's items as a scale, over the attempts that answered every one of them (alpha and
/// item-rest correlations are listwise): running sums of each item, its square, its product
/// with the attempt's total, and of the total and its square.
public struct ScaleTally: Sendable {
    public let area: String
    /// Indices of the group's items in this area.
    public internal(set) var members: [Int] = []
    /// Attempts with every member answered.
    public internal(set) var complete = 0
    var total = 0.0
    var totalSquares = 0.0
    var itemSums: [Double] = []
    var itemSquares: [Double] = []
    var itemTimesTotal: [Double] = []

    init(area: String) { self.area = area }

    /// A new item of the area (another form of a bank): no attempt counted so far answered
    /// it, so none of them is complete any more, and the sums start again.
    mutating func join(item: Int) {
        members.append(item)
        complete = 0
        total = 0
        totalSquares = 0
        itemSums = Array(repeating: 0, count: members.count)
        itemSquares = itemSums
        itemTimesTotal = itemSums
    }

    /// Counts (or, with `sign` −1, takes back) an attempt's points, `points[item]` NaN where
    /// the item was not answered; an attempt missing any member is left out.
    mutating func add(_ points: [Float], sign: Int) {
        var sum = 0.0
        for item in members {
            let value = points[item]
            if value.isNaN { return }
            sum += Double(value)
        }
        let weight = Double(sign)
        complete += sign
        total += weight * sum
        totalSquares += weight * sum * sum
        for (position, item) in members.enumerated() {
            let value = Double(points[item])
            itemSums[position] += weight * value
            itemSquares[position] += weight * value * value
            itemTimesTotal[position] += weight * value * sum
        }
    }

    /// Cronbach's alpha, k / (k − 1) × (1 − Σ var(item) / var(total)); KR-20 for right-or-wrong
    /// items. Nil with fewer than 2 items or 2 attempts, or when totals do not vary.
    var alpha: Double? {
        let k = members.count
        guard k >= 2, complete >= 2,
            let totalVariance = Moments(count: complete, sum: total, squares: totalSquares).variance,
            totalVariance > 0
        else { return nil }
        let itemVariances = members.indices.reduce(0.0) { sum, position in
            sum + (Moments(count: complete, sum: itemSums[position], squares: itemSquares[position]).variance ?? 0)
        }
        return Double(k) / Double(k - 1) * (1 - itemVariances / totalVariance)
    }

    /// Each member against the sum of the other members (the corrected item-total
    /// correlation), nil where either side does not vary.
    var itemRestCorrelations: [Double?] {
        members.indices.map { position in
            guard complete >= 2 else { return nil }
            let n = Double(complete)
            let x = itemSums[position]
            let xx = itemSquares[position]
            let rest = total - x
            let restSquares = totalSquares - 2 * itemTimesTotal[position] + xx
            let crossed = itemTimesTotal[position] - xx
            let sxx = Moments(count: complete, sum: x, squares: xx).deviations
            let syy = Moments(count: complete, sum: rest, squares: restSquares).deviations
            // Rounding leaves a constant column a hair above zero: treat that as no variance.
            guard sxx > 1e-9 * max(1, xx), syy > 1e-9 * max(1, restSquares) else { return nil }
            return (crossed - x * rest / n) / (sxx * syy).squareRoot()
        }
    }
}
