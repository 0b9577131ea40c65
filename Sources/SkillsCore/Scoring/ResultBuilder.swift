import FoundationEssentials
import Glibc

/// Turns a questionnaire and the responses to it into a self-contained result.
public enum ResultBuilder {
    /// `hash`: the content hash of `bank ?? questionnaire` when the caller knows it (a built-in's).
    public static func build(
        questionnaire: Questionnaire,
        responses: [Response],
        person: String,
        rater: String? = nil,
        takenAt: Date,
        framework: Framework,
        id: String = UUID().uuidString.lowercased(),
        bank: Questionnaire? = nil,
        optionOrders: [String: [Int]] = [:],
        hash: String? = nil
    ) -> AssessmentResult {
        let answers = zip(questionnaire.items, responses).map { item, response in
            var answer = record(
                item: item, response: response, context: item.context(in: questionnaire, framework: framework))
            answer.optionOrder = optionOrders[item.id]
            return answer
        }
        // A form is identified by its bank, so every form of one bank summarises together.
        let ref = AssessmentResult.QuestionnaireRef(
            id: questionnaire.id, version: questionnaire.version, title: questionnaire.title,
            kind: questionnaire.kind, hash: hash ?? ContentHash.of(bank ?? questionnaire))
        return AssessmentResult(
            format: AssessmentResult.currentFormat, id: id, person: person, rater: rater,
            takenAt: takenAt, questionnaire: ref, answers: answers,
            scores: Scoring.scores(for: answers, framework: framework, calibration: questionnaire.calibration))
    }

    static func record(item: Item, response: Response, context: ItemContext) -> AnswerRecord {
        let behaviour = item.kind.behaviour
        let (points, maxPoints) = behaviour.points(for: response, in: context)
        var record = AnswerRecord(
            item: item.id, type: item.type, area: item.area, text: item.text, answer: response.answer,
            points: points, maxPoints: maxPoints, actions: item.actions)
        behaviour.describe(response, into: &record, in: context)
        if response == .notApplicable { record.notApplicable = true }
        return record
    }
}
