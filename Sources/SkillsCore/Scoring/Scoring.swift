/// Scoring by psychometric convention:
/// - a reverse-keyed rating counts as (max + min) - answer;
/// - an observer's rubric level counts as the middle of that level's band (Proficient,
///   60–79, counts 69.5 of 100), so an area rated at a level scores in that level;
/// - a rating area score is POMP, the percent of the maximum possible, over the answered items:
///   100 × Σ(value − min) / Σ(max − min) (each item weighing the same: the mean of its fractions);
/// - an item answered "not applicable" is left out of its area altogether;
/// - a choice item earns 1 point when right (partial credit when several options are
///   correct), and a quiz area score is the percent of points earned over the area's
///   questions, a skipped question earning nothing;
/// - an area with fewer answers than `requiredAnswers` is "not enough answers", not a number;
/// - a quiz's overall is points over all its questions; a rating questionnaire's is the mean of
///   the scored areas, labelled with how many were scored; levels come from the rubric bands.
public enum Scoring {
    /// At least half of an area's scored items, rounded up, must be answered to score it.
    public static func requiredAnswers(forItemCount count: Int) -> Int {
        Swift.max(1, (count + 1) / 2)
    }

    /// Area and overall scores from stored answers, in the framework's area order
    /// (areas the framework does not know come after, in order of appearance).
    public static func scores(for answers: [AnswerRecord], framework: Framework, calibration: Calibration? = nil)
        -> Scores
    {
        var order = framework.areaIDs
        for area in answers.compactMap(\.area) where !order.contains(area) { order.append(area) }

        var areaScores: [AreaScore] = []
        for area in order {
            let inArea = answers.filter { $0.area == area && $0.type.isScored }
            guard !inArea.isEmpty else { continue }
            let applicable = inArea.filter { !$0.isNotApplicable }
            let notApplicable = inArea.count - applicable.count
            let answered = applicable.filter(\.isAnswered).count
            let required = requiredAnswers(forItemCount: applicable.count)
            var score: Double?
            if !applicable.isEmpty && answered >= required {
                score = itemMean(applicable)
            }
            let error = score.flatMap {
                standardError(of: $0, answers: applicable, area: area, calibration: calibration)
            }
            areaScores.append(
                AreaScore(
                    area: area, score: score, level: score.flatMap { framework.level(for: $0)?.name },
                    answered: answered, items: applicable.count, required: required,
                    notApplicable: notApplicable > 0 ? notApplicable : nil, standardError: error,
                    band: both(score, error).map { Measurement.band(score: $0, standardError: $1) }))
        }
        let scored = answers.filter(\.type.isScored)
        var overall: Double?
        var areasScored: Int?
        var overallError: Double?
        if !scored.isEmpty && scored.allSatisfy(\.type.isRightOrWrong) {
            // A quiz: every question counts, a skip earning nothing, so skipping never pays.
            overall = itemMean(scored)
            overallError = overall.flatMap { quizError(of: $0, questions: scored.count) }
        } else {
            let areas = areaScores.filter { $0.score != nil }
            overall = areas.isEmpty ? nil : areas.compactMap(\.score).reduce(0, +) / Double(areas.count)
            if !areas.isEmpty && areas.count < areaScores.count { areasScored = areas.count }
            // The mean of k areas whose errors are independent: √(Σ SE²) / k.
            let errors = areas.compactMap(\.standardError)
            if !areas.isEmpty && errors.count == areas.count {
                overallError = errors.reduce(0) { $0 + $1 * $1 }.squareRoot() / Double(errors.count)
            }
        }
        return Scores(
            overall: overall, level: overall.flatMap { framework.level(for: $0)?.name }, areas: areaScores,
            areasScored: areasScored, standardError: overallError,
            band: both(overall, overallError).map { Measurement.band(score: $0, standardError: $1) })
    }

    /// A quiz area's error is Lord's binomial one, which needs no calibration; a rating
    /// area's is the SEM its questionnaire states. A coach's level has none.
    static func standardError(of score: Double, answers: [AnswerRecord], area: String, calibration: Calibration?)
        -> Double?
    {
        let counted = answers.filter { $0.type.isScored && !$0.isNotApplicable }
        if !counted.isEmpty && counted.allSatisfy(\.type.isRightOrWrong) {
            return quizError(of: score, questions: counted.count)
        }
        guard counted.allSatisfy({ $0.type == .rating }) else { return nil }
        return calibration?.areas[area]?.standardError
    }

    static func quizError(of score: Double, questions: Int) -> Double? {
        Measurement.quizStandardError(correct: score / 100 * Double(questions), questions: questions)
    }

    /// 0–100: the mean over the items of points / maximum, so every item weighs the same in
    /// an area that mixes ratings (4 points) and scenarios (1 point). Ratings count only when
    /// answered; a skipped right-or-wrong question counts as nothing earned.
    static func itemMean(_ answers: [AnswerRecord]) -> Double? {
        let counted = answers.filter { ($0.type.isRightOrWrong || $0.isAnswered) && !$0.isNotApplicable }
        let fractions = counted.compactMap { answer -> Double? in
            guard let maxPoints = answer.maxPoints, maxPoints > 0 else { return nil }
            return (answer.points ?? 0) / maxPoints
        }
        return fractions.isEmpty ? nil : 100 * fractions.reduce(0, +) / Double(fractions.count)
    }
}

/// Both values, or nil.
func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
