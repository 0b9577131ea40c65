import Foundation

/// Turns a questionnaire and the responses to it into a self-contained result.
public enum ResultBuilder {
    public static func build(
        questionnaire: Questionnaire,
        responses: [Response],
        person: String,
        rater: String? = nil,
        takenAt: Date,
        framework: Framework,
        id: String = UUID().uuidString.lowercased()
    ) -> AssessmentResult {
        let answers = zip(questionnaire.items, responses).map { item, response in
            record(item: item, response: response, scale: questionnaire.scale(of: item), levels: framework.levels)
        }
        let ref = AssessmentResult.QuestionnaireRef(
            id: questionnaire.id, version: questionnaire.version, title: questionnaire.title,
            kind: questionnaire.kind, hash: ContentHash.of(questionnaire))
        return AssessmentResult(
            format: AssessmentResult.currentFormat, id: id, person: person, rater: rater,
            takenAt: takenAt, questionnaire: ref, answers: answers,
            scores: Scoring.scores(for: answers, framework: framework))
    }

    static func record(item: Item, response: Response, scale: RatingScale?, levels: [LevelBand]) -> AnswerRecord {
        let (points, maxPoints) = Scoring.points(for: item, response: response, scale: scale, levels: levels)
        var record = AnswerRecord(
            item: item.id, type: item.type, area: item.area, text: item.text,
            points: points, maxPoints: maxPoints, actions: item.actions)
        switch response {
        case .rating(let value):
            record.answer = String(value)
            record.label = scale?.label(for: value)
        case .choice(let chosen):
            record.answer = OptionLetters.letters(chosen)
        case .text(let text):
            record.answer = text
        case .skipped:
            break
        }
        if item.type == .rating { record.reverse = item.isReverseKeyed }
        if item.type == .choice {
            let correct = item.correctOptions
            record.correct = OptionLetters.letters(correct)
            record.optionCount = item.options?.count
            record.correctText = correct.compactMap { item.options?[$0].text }.joined(separator: " / ")
            record.explanation = item.explanation
        }
        return record
    }
}
