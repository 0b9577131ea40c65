import Foundation

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
        let strengths =
            scored
            .filter { ($0.score ?? 0) >= strengthThreshold && !focus.contains($0.area) }
            .prefix(2).map(\.area)
        let overall = result.scores.overall
        var report = DevelopmentReport(
            person: result.person, rater: result.rater, takenAt: result.takenAt,
            questionnaire: result.questionnaire, overall: overall, level: result.scores.level,
            meaning: overall.flatMap { framework.level(for: $0)?.meaning },
            areas: areas, strengths: Array(strengths), focusAreas: focus,
            plan: focus.flatMap { plan(for: $0, result: result, framework: framework) },
            practice: practice(focus: focus, framework: framework),
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
        report.band = result.scores.band
        report.areasScored = result.scores.areasScored
        report.responseStyle = ResponseStyle.cautions(for: result.answers)
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
            .filter { $0.area == area && $0.type.isScored && ($0.fraction ?? 0) < 1 }
            .sorted { ($0.fraction ?? 0) < ($1.fraction ?? 0) }
        var steps: [DevelopmentReport.PlanStep] = []
        for answer in lowFirst {
            for id in answer.actions ?? [] {
                let evidence = DevelopmentReport.Evidence(
                    item: answer.item, text: answer.text, answer: describe(answer))
                if let index = steps.firstIndex(where: { $0.action == id }) {
                    steps[index].because.append(evidence)
                } else if steps.count < actionsPerFocusArea, let action = framework.action(id) {
                    steps.append(.init(area: area, action: id, text: action.text, because: [evidence]))
                }
            }
        }
        for action in framework.area(area)?.actions ?? []
        where steps.count < 2 && !steps.contains(where: { $0.action == action.id }) {
            steps.append(.init(area: area, action: action.id, text: action.text, because: []))
        }
        return steps
    }

    /// One practice from the feedback-and-coaching and continuous-learning chapters,
    /// varied by the weakest area so that different plans suggest different practices.
    static func practice(focus: [String], framework: Framework) -> Practice? {
        let candidates = framework.practices.filter {
            $0.kind == "feedback-and-coaching" || $0.kind == "continuous-learning"
        }
        guard !candidates.isEmpty else { return nil }
        let index = focus.first.flatMap { framework.areaIDs.firstIndex(of: $0) } ?? 0
        return candidates[index % candidates.count]
    }

    static func missed(_ result: AssessmentResult) -> [DevelopmentReport.MissedQuestion] {
        result.answers.filter { $0.type.isRightOrWrong && ($0.fraction ?? 0) < 1 }.map {
            .init(
                item: $0.item, area: $0.area, text: $0.text, chosen: $0.answer,
                correct: $0.correct ?? "", correctText: $0.correctText ?? "", explanation: $0.explanation ?? "")
        }
    }

    static func reflections(_ result: AssessmentResult) -> [DevelopmentReport.Reflection] {
        result.reflections.compactMap { record in
            record.answer.map { .init(item: record.item, prompt: record.text, text: $0) }
        }
    }

    /// How an answer reads in "because you answered ...".
    static func describe(_ answer: AnswerRecord) -> String {
        guard let given = answer.answer else { return "skipped" }
        if let label = answer.label { return "\(given) (\(label))" }
        return given
    }

    /// The change between two scores as the reports print them, in whole points, so that
    /// 62.5 → 75 (shown as 63 → 75) is a change of 12, not 12.5 shown as 13.
    static func difference(_ now: Double?, _ before: Double?) -> Double? {
        guard let now, let before else { return nil }
        return now.rounded() - before.rounded()
    }
}
