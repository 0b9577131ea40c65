import FoundationEssentials
import Glibc

/// How the report puts its reasons and ties into words, the same in every format.
extension DevelopmentReport.Evidence {
    /// "you said “Sometimes” to “This shift, customers had to come back …”": the scale's own
    /// word, so a reverse-keyed statement reads right; `escape` makes the texts safe.
    public func sentence(_ escape: (String) -> String) -> String {
        if answer == "skipped" { return "you skipped “\(escape(text))”" }
        if let label { return "you said “\(escape(label))” to “\(escape(text))”" }
        return "you answered \(escape(answer)) to “\(escape(text))”"
    }
}

extension DevelopmentReport {
    /// A focus area's plan steps, each with the answer that explains it (its lowest), or
    /// `again` when that is the answer just given for the step above (so no line is printed
    /// twice in a row, and "for the same answer" points at the line above it).
    public func explainedSteps(area: String) -> [(step: PlanStep, because: Evidence?, again: Bool)] {
        var above: String?
        return plan.filter { $0.area == area }.map { step in
            defer { above = step.because.first?.item }
            guard let lowest = step.because.first else { return (step, nil, false) }
            return lowest.item == above ? (step, nil, true) : (step, lowest, false)
        }
    }

    /// The line under a step: "because you said …", "for the same answer", or nil.
    public func explanation(
        _ explained: (step: PlanStep, because: Evidence?, again: Bool), _ escape: (String) -> String
    )
        -> String?
    {
        if let because = explained.because { return "because " + because.sentence(escape) }
        return explained.again ? "for the same answer" : nil
    }

    /// "Strengths: …" without the label: "none yet above 60", or, when the areas that could
    /// be strengths tie with a focus area, "none above the focus areas".
    public func strengthsText(_ names: ([String]) -> String) -> String {
        if !strengths.isEmpty { return names(strengths) }
        let tiedAbove = tiedWithFocus.contains { id in
            (areas.first { $0.area == id }?.score ?? 0) >= ReportBuilder.strengthThreshold
        }
        return tiedAbove ? "none above the focus areas" : "none yet above \(Int(ReportBuilder.strengthThreshold))"
    }

    /// Sentences naming ties: "Tied: Listening and Communicating also score 75, as the focus
    /// areas do (the plan takes at most 2)."
    public func tieNotes(_ names: ([String]) -> String) -> [String] {
        var notes: [String] = []
        func score(_ id: String) -> String { TextStyle.score(areas.first { $0.area == id }?.score) }
        if let first = tiedWithFocus.first {
            let verb = tiedWithFocus.count == 1 ? "scores" : "score"
            notes.append(
                "Tied: \(names(tiedWithFocus)) also \(verb) \(score(first)), as a focus area does "
                    + "(the plan takes at most \(ReportBuilder.maximumFocusAreas)).")
        }
        if let first = tiedWithStrengths.first {
            let verb = tiedWithStrengths.count == 1 ? "scores" : "score"
            notes.append(
                "Tied: \(names(tiedWithStrengths)) also \(verb) \(score(first)), as the last strength does "
                    + "(two strengths are named).")
        }
        return notes
    }
}
