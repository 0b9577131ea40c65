import FoundationEssentials
import Glibc

/// Turns statements read back from an LRS into result files again. A result is rebuilt
/// from its `completed` statement (who, when, which questionnaire version, by content hash)
/// and its `answered` statements (the responses), scored with the same questionnaire, so
/// its scores are the original's. Anything that cannot be rebuilt exactly is skipped with
/// a reason, never guessed.
public enum ResultRebuilder {
    public struct Rebuilt: Sendable {
        public var results: [AssessmentResult] = []
        /// Reason → how many statements (or results) it applies to.
        public var skipped: [String: Int] = [:]
    }

    public static func rebuild(
        _ statements: [[String: Any]], activity: String, since: Date?, catalog: QuestionnaireCatalog
    ) -> Rebuilt {
        var rebuilt = Rebuilt()
        var completed: [String: [String: Any]] = [:]
        var responses: [String: [String: String]] = [:]
        var seen: Set<String> = []
        for statement in statements {
            // An LRS may list a statement twice across pages; ids are unique.
            if let id = statement["id"] as? String, !seen.insert(id).inserted { continue }
            let object = (statement["object"] as? [String: Any])?["id"] as? String ?? ""
            guard let item = itemID(object, activity: activity) else { continue }
            let verb = (statement["verb"] as? [String: Any])?["id"] as? String ?? ""
            let extensions = (statement["context"] as? [String: Any])?["extensions"] as? [String: Any]
            guard let resultID = extensions?[XAPIStatements.resultExtension] as? String else {
                rebuilt.skipped["statements by another tool (no skills result id)", default: 0] += 1
                continue
            }
            switch (verb, item) {
            case (XAPIStatements.completed, nil): completed[resultID] = statement
            case (XAPIStatements.answered, let item?):
                if let response = (statement["result"] as? [String: Any])?["response"] as? String {
                    responses[resultID, default: [:]][item] = response
                } else {
                    rebuilt.skipped["answers without a response", default: 0] += 1
                }
            default:
                rebuilt.skipped[
                    "statements with a verb skills does not make (\(TextSafety.visible(verb)))", default: 0] +=
                    1
            }
        }
        for (resultID, statement) in completed.sorted(by: { $0.key < $1.key }) {
            switch result(resultID, statement, responses[resultID] ?? [:], catalog: catalog) {
            case .success(let result):
                if let since, result.takenAt < since { continue }
                rebuilt.results.append(result)
            case .failure(let reason):
                rebuilt.skipped[reason.description, default: 0] += 1
            }
            responses[resultID] = nil
        }
        if !responses.isEmpty {
            rebuilt.skipped["results without their completed statement", default: 0] += responses.count
        }
        rebuilt.results.sort { ($0.takenAt, $0.id) < ($1.takenAt, $1.id) }
        return rebuilt
    }

    /// nil for the questionnaire itself, the item id for one of its items, and no match for
    /// other activities (the two forms `XAPIStatements.iri` makes).
    static func itemID(_ object: String, activity: String) -> String?? {
        if object == activity { return .some(nil) }
        for separator in [":item:", "/items/"] where object.hasPrefix(activity + separator) {
            return .some(PercentEncoding.decoded(String(object.dropFirst(activity.count + separator.count))))
        }
        return nil
    }

    static func result(
        _ resultID: String, _ statement: [String: Any], _ responses: [String: String], catalog: QuestionnaireCatalog
    ) -> Result<AssessmentResult, AnswerError> {
        let context = statement["context"] as? [String: Any]
        let extensions = context?["extensions"] as? [String: Any]
        guard let ref = extensions?[XAPIStatements.questionnaireExtension] as? [String: Any],
            let id = ref["id"] as? String, let version = ref["version"] as? String, let hash = ref["hash"] as? String
        else { return .failure(AnswerError("results without the questionnaire version they answered")) }
        guard
            let known = catalog.entries.map(\.questionnaire).first(where: {
                $0.id == id && $0.version == version && ContentHash.of($0) == hash
            })
        else {
            return .failure(
                AnswerError(
                    "results of a questionnaire version not known here (\(TextSafety.visible(id)) "
                        + "\(TextSafety.visible(version))); add that version with 'skills add'"
                ))
        }
        guard let person = name(statement["actor"]) else {
            return .failure(AnswerError("results whose actor has no name"))
        }
        guard let timestamp = statement["timestamp"] as? String, let takenAt = parseTime(timestamp) else {
            return .failure(AnswerError("results without a readable timestamp"))
        }
        // A form of a bank holds the items it asked, and is identified by the bank.
        let bank = known.draw == nil ? nil : known
        let questionnaire = bank.map { QuizForms.withItems(Set(responses.keys), bank: $0) } ?? known
        var answers: [Response] = []
        for item in questionnaire.items {
            guard let raw = responses[item.id] else {
                answers.append(.skipped)
                continue
            }
            switch AnswerParser.parse(raw, for: item, in: item.context(in: questionnaire, framework: catalog.framework))
            {
            case .success(let response): answers.append(response)
            case .failure: return .failure(AnswerError("results with an answer that does not fit its item"))
            }
        }
        let result = ResultBuilder.build(
            questionnaire: questionnaire, responses: answers, person: person, rater: name(context?["instructor"]),
            takenAt: takenAt, framework: catalog.framework, id: resultID, bank: bank)
        // The completed statement carries the overall score: a rebuilt result that disagrees is not the original.
        let number = ((statement["result"] as? [String: Any])?["score"] as? [String: Any])?["raw"]
        let raw = number as? Double ?? (number as? Int).map(Double.init)
        if raw != nil || result.scores.overall != nil {
            guard let raw, let overall = result.scores.overall, abs(raw - overall) < 1e-9 else {
                return .failure(AnswerError("results whose rebuilt score differs from the score sent"))
            }
        }
        return .success(result)
    }

    static func name(_ agent: Any?) -> String? {
        guard let agent = agent as? [String: Any] else { return nil }
        let name = (agent["account"] as? [String: Any])?["name"] as? String ?? agent["name"] as? String
        return name.flatMap { try? PersonName.validate($0) }
    }

    /// LRSs give times back in their own style (`+00:00`, fractions of a second).
    static func parseTime(_ text: String) -> Date? {
        if let date = ISODate.parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
