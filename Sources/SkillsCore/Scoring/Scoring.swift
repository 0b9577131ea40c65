/// Scoring by psychometric convention:
/// - a reverse-keyed rating counts as (max + min) - answer;
/// - an observer's rubric level counts as the middle of that level's band (Proficient,
///   60–79, counts 69.5 of 100), so an area rated at a level scores in that level;
/// - a rating area score is POMP, the percent of the maximum possible, over the answered items:
///   100 × Σ(value − min) / Σ(max − min);
/// - a choice item earns 1 point when right (partial credit when several options are
///   correct), and a quiz area score is the percent of points earned over the area's
///   questions, a skipped question earning nothing;
/// - an area with fewer answers than `requiredAnswers` is "not enough answers", not a number;
/// - the overall score is the mean of the scored areas, and levels come from the rubric bands.
public enum Scoring {
    /// At least half of an area's scored items, rounded up, must be answered to score it.
    public static func requiredAnswers(forItemCount count: Int) -> Int {
        Swift.max(1, (count + 1) / 2)
    }

    /// Area and overall scores from stored answers, in the framework's area order
    /// (areas the framework does not know come after, in order of appearance).
    public static func scores(for answers: [AnswerRecord], framework: Framework) -> Scores {
        var order = framework.areaIDs
        for area in answers.compactMap(\.area) where !order.contains(area) { order.append(area) }

        var areaScores: [AreaScore] = []
        for area in order {
            let scored = answers.filter { $0.area == area && $0.type.isScored }
            guard !scored.isEmpty else { continue }
            let answered = scored.filter(\.isAnswered).count
            let required = requiredAnswers(forItemCount: scored.count)
            var score: Double?
            if answered >= required {
                // Ratings count only when answered; a skipped question still counts its point.
                let counted = scored.filter { $0.type.isRightOrWrong || $0.isAnswered }
                let earned = counted.reduce(0) { $0 + ($1.points ?? 0) }
                let possible = counted.reduce(0) { $0 + ($1.maxPoints ?? 0) }
                score = possible > 0 ? 100 * earned / possible : nil
            }
            areaScores.append(
                AreaScore(
                    area: area, score: score, level: score.flatMap { framework.level(for: $0)?.name },
                    answered: answered, items: scored.count, required: required))
        }
        let scoredValues = areaScores.compactMap(\.score)
        let overall = scoredValues.isEmpty ? nil : scoredValues.reduce(0, +) / Double(scoredValues.count)
        return Scores(overall: overall, level: overall.flatMap { framework.level(for: $0)?.name }, areas: areaScores)
    }
}
