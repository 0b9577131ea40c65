import FoundationEssentials
import Glibc

/// JSONDecoder ignores keys it does not know, so a trainer's typo (`"revers": true`)
/// would silently do nothing. This pass reads the raw JSON and reports them.
enum UnknownFields {
    static func check(_ json: JSONValue, file: String) -> [ValidationProblem] {
        guard let top = json.object else {
            return [ValidationProblem(file: file, location: "(top level)", message: "expected a JSON object ({...})")]
        }
        var problems = check(top, path: "", known: Questionnaire.CodingKeys.allCases.map(\.rawValue), file: file)
        if let scale = top["scale"]?.object {
            problems += check(scale, path: "scale", known: RatingScale.CodingKeys.allCases.map(\.rawValue), file: file)
        }
        if let draw = top["draw"]?.object {
            let known = Questionnaire.Draw.CodingKeys.allCases.map(\.rawValue)
            problems += check(draw, path: "draw", known: known, file: file)
        }
        for (i, raw) in (top["items"]?.list ?? []).enumerated() {
            guard let item = raw.object else { continue }
            let path = "items[\(i)]"
            problems += check(item, path: path, known: Item.CodingKeys.allCases.map(\.rawValue), file: file)
            if let scale = item["scale"]?.object {
                problems += check(
                    scale, path: path + ".scale", known: RatingScale.CodingKeys.allCases.map(\.rawValue), file: file)
            }
            for (j, option) in (item["options"]?.list ?? []).enumerated() {
                guard let option = option.object else { continue }
                problems += check(
                    option, path: "\(path).options[\(j)]", known: Option.CodingKeys.allCases.map(\.rawValue), file: file
                )
            }
        }
        return problems
    }

    private static func check(_ object: [String: JSONValue], path: String, known: [String], file: String)
        -> [ValidationProblem]
    {
        object.keys.sorted().filter { !known.contains($0) }.map { key in
            ValidationProblem(
                file: file, location: path.isEmpty ? key : "\(path).\(key)",
                message:
                    "unknown field '\(key)'\(Suggestion.hint(for: key, in: known)); expected one of "
                    + "\(known.joined(separator: ", "))"
            )
        }
    }
}
