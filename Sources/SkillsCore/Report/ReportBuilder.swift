import FoundationEssentials
import Glibc

/// Builds a `DevelopmentReport` from a stored result and the framework.
public enum ReportBuilder {
    /// Areas at or above this score count as strengths (the "Proficient" band and up).
    public static let strengthThreshold = 60.0
    /// Areas below this score can be focus areas; with none below it, the weakest is.
    public static let focusThreshold = 80.0
    public static let maximumFocusAreas = 2
    public static let actionsPerFocusArea = 3

    public static func build(
        _ result: AssessmentResult, previous: AssessmentResult? = nil,
        targets: [String: Double] = [:], framework: Framework
    ) -> DevelopmentReport {
        let areas = areaLines(result, previous: previous, targets: targets, framework: framework)
        let scored = areas.filter { $0.score != nil }
        let focus = focusAreas(scored)
        // Shown scores are whole points: areas that look equal are treated as tied.
        let shown = { (line: DevelopmentReport.AreaLine) in (line.score ?? 0).rounded() }
        let focusScores = Set(scored.filter { focus.contains($0.area) }.map(shown))
        let tiedWithFocus = scored.filter { !focus.contains($0.area) && focusScores.contains(shown($0)) }.map(\.area)
        // A strength stands above every focus area; one that ties with a focus area is named
        // as a tie instead of being called both weak and strong.
        let candidates = scored.filter {
            shown($0) >= strengthThreshold && !focus.contains($0.area) && shown($0) > (focusScores.max() ?? -1)
        }
        let strengths = candidates.prefix(2).map(\.area)
        let tiedWithStrengths =
            candidates.count > 2
            ? candidates.dropFirst(2).filter { shown($0) == shown(candidates[1]) }.map(\.area) : []
        let overall = result.scores.overall
        var report = DevelopmentReport(
            person: result.person, rater: result.rater, takenAt: result.takenAt,
            questionnaire: result.questionnaire, overall: overall, level: result.scores.level,
            meaning: overall.flatMap { framework.level(for: $0)?.meaning },
            areas: areas, strengths: Array(strengths), focusAreas: focus,
            plan: focus.flatMap { plan(for: $0, result: result, framework: framework) },
            practice: practice(focus: focus, result: result, framework: framework),
            missedQuestions: missed(result), reflections: reflections(result),
            previous: previous.map { previous in
                DevelopmentReport.PreviousResult(
                    takenAt: previous.takenAt, overall: previous.scores.overall,
                    change: difference(overall, previous.scores.overall),
                    reliable: isReliable(
                        from: previous.scores.overall, previous.scores.standardError, to: overall,
                        result.scores.standardError))
            })
        report.standardError = result.scores.standardError
        report.tiedWithFocus = tiedWithFocus
        report.tiedWithStrengths = tiedWithStrengths
        report.band = result.scores.band
        report.areasScored = result.scores.areasScored
        let seen = ResponseStyle.cautions(for: result.answers)
        report.responseStyle = seen + (result.responseStyle ?? []).filter { !seen.contains($0) }
        return report
    }

    /// Whether a change is more than measurement error: Jacobson and Truax's reliable change
    /// index at the 90% criterion. Nil when either score or its error is unknown (a result
    /// saved before scores carried errors is compared with its own error twice).
    public static func isReliable(
        from before: Double?, _ beforeError: Double?, to after: Double?, _ afterError: Double?
    )
        -> Bool?
    {
        guard let before, let after, let afterError else { return nil }
        let errors = (beforeError ?? afterError, afterError)
        return ReliableChange(from: before, to: after, standardErrors: errors)?.isReliable
    }

    static func areaLines(
        _ result: AssessmentResult, previous: AssessmentResult?, targets: [String: Double], framework: Framework
    ) -> [DevelopmentReport.AreaLine] {
        let lines = result.scores.areas.map { score in
            DevelopmentReport.AreaLine(
                area: score.area, name: framework.name(ofArea: score.area), score: score.score, level: score.level,
                descriptor: score.level.flatMap { framework.area(score.area)?.descriptor(forLevel: $0) },
                answered: score.answered, items: score.items, required: score.required,
                change: difference(score.score, previous?.scores.area(score.area)?.score),
                target: targets[score.area], standardError: score.standardError, band: score.band,
                bandLevels: bandLevels(score, framework: framework),
                reliable: isReliable(
                    from: previous?.scores.area(score.area)?.score, previous?.scores.area(score.area)?.standardError,
                    to: score.score, score.standardError),
                notApplicable: score.notApplicable)
        }
        // Strongest first; ties keep the framework's order; unscored areas last.
        return lines.enumerated().sorted { a, b in
            switch (a.element.score, b.element.score) {
            case (let x?, let y?) where x != y: x > y
            case (nil, _?): false
            case (_?, nil): true
            default: a.offset < b.offset
            }
        }.map(\.element)
    }

    /// The levels a score's band reaches, when more than one ("Beginning, could be Developing").
    static func bandLevels(_ score: AreaScore, framework: Framework) -> [String]? {
        guard let band = score.band else { return nil }
        let reached = band.levels(in: framework.levels).map(\.name)
        return reached.count > 1 ? reached : nil
    }

    static func focusAreas(_ scored: [DevelopmentReport.AreaLine]) -> [String] {
        let weakestFirst = scored.reversed()
        let below = weakestFirst.filter { ($0.score ?? 0) < focusThreshold }.prefix(maximumFocusAreas)
        return below.isEmpty ? Array(weakestFirst.prefix(1).map(\.area)) : below.map(\.area)
    }

    /// Actions linked to the area's lowest answers come first; the area's other actions
    /// fill the plan up to two when too few answers link to any.
    static func plan(for area: String, result: AssessmentResult, framework: Framework) -> [DevelopmentReport.PlanStep] {
        let lowFirst = result.answers
            .filter { $0.area == area && $0.type.isScored && !$0.isNotApplicable && ($0.fraction ?? 0) < 1 }
            .sorted { ($0.fraction ?? 0) < ($1.fraction ?? 0) }
        var steps: [DevelopmentReport.PlanStep] = []
        for answer in lowFirst {
            for id in answer.actions ?? [] {
                let evidence = DevelopmentReport.Evidence(
                    item: answer.item, text: answer.text, answer: describe(answer), label: answer.label,
                    reverse: answer.reverse)
                // Only an answer that pulled the area down explains an action: a rating at or
                // below the middle of its scale, a missed question, a skipped question.
                let because = pulledDown(answer) ? [evidence] : []
                if let index = steps.firstIndex(where: { $0.action == id }) {
                    steps[index].because += because
                } else if steps.count < actionsPerFocusArea, let action = framework.action(id) {
                    steps.append(.init(area: area, action: id, text: action.text, because: because))
                }
            }
        }
        for action in framework.area(area)?.actions ?? []
        where steps.count < 2 && !steps.contains(where: { $0.action == action.id }) {
            steps.append(.init(area: area, action: action.id, text: action.text, because: []))
        }
        return steps
    }

    /// The practice most relevant to the first focus area and the answers that pulled it
    /// down. Candidates are the practices whose `areas` include the area. Each of the area's
    /// answers below full marks counts its shortfall (1 − its fraction, so a skip or a
    /// lowest answer counts 1) towards every candidate that lists one of its actions; the
    /// highest total wins, ties going to the framework's order. With no shortfall linked to
    /// any candidate (every answer at full marks, say), the first candidate is suggested.
    /// So every practice can appear: each action is listed by a practice of its own area.
    static func practice(focus: [String], result: AssessmentResult, framework: Framework) -> Practice? {
        guard let area = focus.first else { return nil }
        let candidates = framework.practices.filter { $0.areas?.contains(area) ?? false }
        guard let first = candidates.first else { return nil }
        var relevance = [Double](repeating: 0, count: candidates.count)
        for answer in result.answers where answer.area == area && answer.type.isScored && !answer.isNotApplicable {
            let shortfall = 1 - (answer.fraction ?? 0)
            guard shortfall > 0 else { continue }
            for (index, candidate) in candidates.enumerated() {
                let linked = (answer.actions ?? []).filter { candidate.actions?.contains($0) ?? false }.count
                relevance[index] += shortfall * Double(linked)
            }
        }
        guard
            let best = relevance.indices.max(by: {
                relevance[$0] < relevance[$1] || (relevance[$0] == relevance[$1] && $0 > $1)
            }),
            relevance[best] > 0
        else { return first }
        return candidates[best]
    }

    static func missed(_ result: AssessmentResult) -> [DevelopmentReport.MissedQuestion] {
        result.answers.filter { $0.type.isRightOrWrong && ($0.fraction ?? 0) < 1 }.map {
            .init(
                item: $0.item, area: $0.area, text: $0.text, chosen: $0.answer, chosenText: $0.answerText,
                feedback: $0.feedback, correct: $0.correct ?? "", correctText: $0.correctText ?? "",
                explanation: $0.explanation ?? "", shownChosen: shown($0.answer, order: $0.optionOrder),
                shownCorrect: shown($0.correct, order: $0.optionOrder))
        }
    }

    /// Authored letters as the person saw them, given the order the options were shown in.
    static func shown(_ letters: String?, order: [Int]?) -> String? {
        guard let letters, let order else { return nil }
        let positions = letters.unicodeScalars.compactMap { letter -> Int? in
            let index = Int(letter.value) - 65
            return order.firstIndex(of: index)
        }
        return OptionLetters.letters(positions)
    }

    static func reflections(_ result: AssessmentResult) -> [DevelopmentReport.Reflection] {
        result.reflections.compactMap { record in
            record.answer.map { .init(item: record.item, prompt: record.text, text: $0) }
        }
    }

    /// A rating at or below the middle of its scale (after reverse keying: "Often" to a
    /// statement where less is better), or a right-or-wrong question below full marks. A
    /// skipped rating is not scored, so it pulls nothing down.
    static func pulledDown(_ answer: AnswerRecord) -> Bool {
        if answer.type.isRightOrWrong { return (answer.fraction ?? 0) < 1 }
        guard let fraction = answer.fraction else { return false }
        return fraction <= 0.5
    }

    /// How an answer reads in "because you answered ...".
    static func describe(_ answer: AnswerRecord) -> String {
        guard let given = answer.answer else { return "skipped" }
        if let label = answer.label { return "\(given) (\(label))" }
        // A choice is named by the letter the person saw, not the option's stored identity.
        return shown(given, order: answer.optionOrder) ?? given
    }

    /// The change between two scores as the reports print them, in whole points, so that
    /// 62.5 → 75 (shown as 63 → 75) is a change of 12, not 12.5 shown as 13.
    static func difference(_ now: Double?, _ before: Double?) -> Double? {
        guard let now, let before else { return nil }
        return now.rounded() - before.rounded()
    }
}
