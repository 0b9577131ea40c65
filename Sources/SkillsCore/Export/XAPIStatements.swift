import FoundationEssentials
import Glibc

/// xAPI 1.0.3 statements for a learning record store: one `completed` statement per result
/// and one `answered` statement per answered item. The actor is identified only as the
/// user says (an account on their platform, or a mailbox), never invented.
public enum XAPIStatements {
    public enum Actor: Sendable {
        /// `account.homePage` is the platform; `account.name` is the person's name.
        case account(homePage: String)
        /// A mailbox, `mailto:someone@example.org`, for one person's results.
        case mbox(String)
    }

    /// The actor from `--actor-homepage` or `--actor-mbox` (exactly one), checked.
    public static func actor(homePage: String?, mbox: String?) throws -> Actor {
        let actor: Actor
        switch (homePage, mbox) {
        case (let homePage?, nil): actor = .account(homePage: homePage)
        case (nil, let mbox?): actor = .mbox(mbox)
        case (nil, nil):
            throw SkillsError.usage(
                "the LRS needs to know who people are on your platform: give --actor-homepage URL or "
                    + "--actor-mbox mailto:…"
            )
        case (_?, _?): throw SkillsError.usage("give --actor-homepage or --actor-mbox, not both")
        }
        try check(actor)
        return actor
    }

    public static let completed = "http://adlnet.gov/expapi/verbs/completed"
    public static let answered = "http://adlnet.gov/expapi/verbs/answered"
    public static let assessment = "http://adlnet.gov/expapi/activities/assessment"
    public static let interaction = "http://adlnet.gov/expapi/activities/cmi.interaction"

    /// Checks the actor option, so the statements are valid before any is written.
    public static func check(_ actor: Actor) throws {
        switch actor {
        case .account(let homePage):
            guard let url = URL(string: homePage), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw SkillsError.usage(
                    "--actor-homepage '\(TextSafety.visible(homePage))' is not a web address; expected one such as "
                        + "https://lms.example.org"
                )
            }
        case .mbox(let mbox):
            let address = mbox.hasPrefix("mailto:") ? String(mbox.dropFirst(7)) : ""
            let parts = address.split(separator: "@")
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !address.contains(" ") else {
                throw SkillsError.usage(
                    "--actor-mbox '\(TextSafety.visible(mbox))' is not a mailbox; expected mailto:name@example.org")
            }
        }
    }

    /// Context extensions that let `pull` rebuild the result exactly: which result a
    /// statement belongs to, and which questionnaire version (with its content hash) it answered.
    public static let resultExtension = "urn:skills:extension:result"
    public static let questionnaireExtension = "urn:skills:extension:questionnaire"

    /// Reflections are free text that may be personal; `sync` leaves them out unless asked.
    public static func statements(
        for result: AssessmentResult, actor: Actor, activityBase: String?, includeReflections: Bool = true
    ) -> [[String: Any]] {
        let questionnaireIRI = iri(activityBase, [result.questionnaire.id])
        let ref = result.questionnaire
        let extensions: [String: Any] = [
            resultExtension: result.id,
            questionnaireExtension: [
                "id": ref.id, "version": ref.version, "hash": ref.hash, "kind": ref.kind.rawValue,
            ],
        ]
        // The registration groups one sitting's statements in the LRS; it must be a UUID.
        let registration = UUID(uuidString: result.id)?.uuidString.lowercased()
        var statements: [[String: Any]] = []
        let timestamp = ISODate.string(result.takenAt)
        let agent = agentObject(result.person, actor)

        var completedResult: [String: Any] = ["completion": true]
        if let overall = result.scores.overall {
            completedResult["score"] = score(raw: overall, max: 100)
        }
        statements.append([
            "id": statementID(result.id, "completed"), "version": "1.0.3", "timestamp": timestamp, "actor": agent,
            "verb": ["id": completed, "display": ["en-US": "completed"]],
            "object": [
                "objectType": "Activity", "id": questionnaireIRI,
                "definition": ["name": ["en-US": result.questionnaire.title], "type": assessment],
            ],
            "result": completedResult,
        ])
        // A coach's rating names the coach as instructor (with an account, where the coach's
        // own account can be named; a mailbox identifies only the person rated).
        var instructor: [String: Any]?
        if let rater = result.rater, case .account = actor { instructor = agentObject(rater, actor) }
        var completedContext: [String: Any] = ["extensions": extensions]
        completedContext["instructor"] = instructor
        completedContext["registration"] = registration
        statements[0]["context"] = completedContext
        var context: [String: Any] = [
            "contextActivities": ["parent": [["objectType": "Activity", "id": questionnaireIRI]]],
            "extensions": extensions,
        ]
        context["instructor"] = instructor
        context["registration"] = registration
        for answer in result.answers {
            guard let given = answer.answer, includeReflections || answer.type != .reflection else { continue }
            var outcome: [String: Any] = ["response": given]
            if let points = answer.points, let maxPoints = answer.maxPoints, maxPoints > 0 {
                outcome["score"] = score(raw: points, max: maxPoints)
                if answer.type.isRightOrWrong { outcome["success"] = points == maxPoints }
            }
            statements.append([
                "id": statementID(result.id, answer.item), "version": "1.0.3", "timestamp": timestamp, "actor": agent,
                "verb": ["id": answered, "display": ["en-US": "answered"]],
                "object": [
                    "objectType": "Activity", "id": iri(activityBase, [result.questionnaire.id, answer.item]),
                    "definition": [
                        "name": ["en-US": answer.text], "type": interaction,
                        "interactionType": interactionType(answer.type),
                    ],
                ],
                "result": outcome,
                "context": context,
            ])
        }
        return statements
    }

    static func agentObject(_ name: String, _ actor: Actor) -> [String: Any] {
        switch actor {
        case .account(let homePage):
            ["objectType": "Agent", "name": name, "account": ["homePage": homePage, "name": name]]
        case .mbox(let mbox): ["objectType": "Agent", "name": name, "mbox": mbox]
        }
    }

    static func score(raw: Double, max: Double) -> [String: Any] {
        ["scaled": raw / max, "raw": raw, "min": 0, "max": max]
    }

    static func interactionType(_ type: ItemType) -> String { type.behaviour.interactionType }

    /// Stable activity ids: `urn:skills:questionnaire:<id>[:item:<item>]`, or under a base
    /// web address the user gives (`<base>/questionnaires/<id>/items/<item>`).
    static func iri(_ base: String?, _ parts: [String]) -> String {
        let encoded = parts.map(PercentEncoding.encoded)
        if let base {
            let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
            return trimmed + "/questionnaires/" + encoded[0] + (encoded.count > 1 ? "/items/" + encoded[1] : "")
        }
        return "urn:skills:questionnaire:" + encoded[0] + (encoded.count > 1 ? ":item:" + encoded[1] : "")
    }

    /// A UUID derived from the result and item, so exporting twice gives the same
    /// statement ids (an LRS then rejects duplicates instead of storing them twice).
    static func statementID(_ result: String, _ part: String) -> String {
        var bytes = Array(SHA256.digest(Array("\(result)/\(part)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5 layout (name-based, SHA)
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = bytes.map { String(cFormat: "%02x", $0) }.joined()
        let h = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(h[$0]) }.joined(separator: "-")
    }
}
