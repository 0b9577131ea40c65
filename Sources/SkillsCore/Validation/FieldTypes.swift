/// The validator's first pass: every field's kind of value checked against `FieldShape`, so a
/// file with a wrong type in three places gets three lines, not one line per run. What it
/// hands on is the file with those fields left out (or a stand-in for a required one), which
/// the typed decoder then reads for the checks of meaning; `repeats` says which of those
/// checks would only say again what this pass said.
struct FieldTypes {
    let file: String
    private(set) var problems: [ValidationProblem] = []
    /// Paths this pass reported or left out, with everything under them.
    private(set) var covered: Set<String> = []
    /// Paths whose own message would repeat one of this pass (a list that lost an element).
    private(set) var exact: Set<String> = []
    /// Items read as reflections because their type was missing or unknown.
    private(set) var standInItems: Set<Int> = []

    init(file: String) { self.file = file }

    /// The file ready for the typed decoder, or nil when it is not an object at all.
    mutating func check(_ value: JSONValue) -> JSONValue? {
        guard var repaired = check(value, as: FieldShape.questionnaire, at: "") else { return nil }
        guard case .object(var top) = repaired, case .list(var items) = top["items"] else { return repaired }
        for index in standInItems {
            // Its fields belong to a kind nobody named; checking them would only guess.
            guard case .object(var item) = items[index] else { continue }
            for field in ["reverse", "scale", "options", "explanation", "actions"] { item[field] = nil }
            items[index] = .object(item)
        }
        top["items"] = .list(items)
        repaired = .object(top)
        if !standInItems.isEmpty { exact.insert("items") }
        if covered.contains("scale") {
            // With the shared scale left out, every rating item would say it has no scale.
            for index in items.indices { covered.insert("items[\(index)].scale") }
        }
        return repaired
    }

    /// True when a check of meaning at `location` would repeat this pass.
    func repeats(_ location: String) -> Bool {
        let path = Self.plainPath(location)
        if exact.contains(path) || covered.contains(path) { return true }
        return covered.contains { path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") }
    }

    /// "items[3] (listen-1).text" → "items[3].text", the form this pass uses.
    static func plainPath(_ location: String) -> String {
        var result = ""
        var skipping = false
        var previous: Character = " "
        for character in location {
            if character == "(" && previous == " " && !result.isEmpty {
                skipping = true
                result.removeLast()
            } else if skipping {
                if character == ")" { skipping = false }
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }

    private mutating func report(_ path: String, _ message: String) {
        problems.append(ValidationProblem(file: file, location: path.isEmpty ? "(top level)" : path, message: message))
        covered.insert(path)
        // An item whose id is unusable would also be reported as having none.
        if path.hasSuffix("].id"), path.hasPrefix("items[") { exact.insert(String(path.dropLast(3))) }
        // An option whose "correct" is unreadable would also make "no option is marked correct".
        if path.hasSuffix("].correct"), let options = path.ranges(of: ".options[").last {
            exact.insert(String(path[..<options.lowerBound]) + ".options")
        }
    }

    private mutating func wrong(_ value: JSONValue, _ shape: FieldShape, at path: String) {
        var message = "expected \(shape.expected); found \(value.described)"
        if case .text(let text) = value {
            let word = text.trimmed.lowercased()
            if case .flag = shape, ["true", "false", "yes", "no"].contains(word) {
                message += " (write true or false without quotes)"
            } else if case .wholeNumber = shape, Int(word) != nil {
                message += " (write the number without quotes)"
            } else if case .number = shape, Double(word) != nil {
                message += " (write the number without quotes)"
            }
        }
        report(path, message)
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value as the typed decoder may read it, or nil to leave it out.
    private mutating func check(_ value: JSONValue, as shape: FieldShape, at path: String) -> JSONValue? {
        switch (shape, value) {
        case (.text, .text), (.flag, .flag), (.wholeNumber, .wholeNumber), (.number, .wholeNumber),
            (.number, .number):
            return value
        case (.wholeNumber, .number(let number)):
            guard number == number.rounded(), abs(number) < 1e15 else { break }
            return .wholeNumber(Int(number))
        case (.word(let words), .text(let word)):
            if words.contains(word) { return value }
            report(path, "expected \(shape.expected); found '\(word)'\(Suggestion.hint(for: word, in: words))")
            return nil
        case (.list(let element), .list(let values)):
            var kept: [JSONValue] = []
            for (index, item) in values.enumerated() {
                if let checked = check(item, as: element, at: "\(path)[\(index)]") {
                    kept.append(checked)
                } else if case .object = element {
                    // Kept as an empty object so later elements keep their numbers.
                    kept.append(.object([:]))
                } else {
                    exact.insert(path)
                }
            }
            return .list(kept)
        case (.map(let element), .object(let fields)):
            var kept: [String: JSONValue] = [:]
            for (key, field) in fields { kept[key] = check(field, as: element, at: Self.join(path, key)) }
            return .object(kept)
        case (.object(let shapes, let required, let standIns), .object(let fields)):
            return checkObject(fields, shapes: shapes, required: required, standIns: standIns, at: path)
        default:
            break
        }
        wrong(value, shape, at: path)
        return nil
    }

    private mutating func checkObject(
        _ fields: [String: JSONValue], shapes: [String: FieldShape], required: Set<String>,
        standIns: [String: String], at path: String
    ) -> JSONValue? {
        var kept: [String: JSONValue] = [:]
        for key in fields.keys.sorted() {
            guard let field = fields[key] else { continue }
            // Unknown fields are the unknown-field check's; null reads as absent, as the decoder reads it.
            guard let shape = shapes[key], field != .null else {
                kept[key] = field
                continue
            }
            kept[key] = check(field, as: shape, at: Self.join(path, key))
        }
        for key in required.sorted() where kept[key] == nil || kept[key] == .null {
            let at = Self.join(path, key)
            if fields[key] == nil || fields[key] == .null {
                report(at, "missing; expected \(shapes[key]?.expected ?? "a value")")
            }
            guard let standIn = standIns[key] else {
                covered.insert(path)
                return nil
            }
            kept[key] = .text(standIn)
            if key == "type", let index = Self.itemIndex(path) { standInItems.insert(index) }
        }
        return .object(kept)
    }

    /// 3 for "items[3]".
    private static func itemIndex(_ path: String) -> Int? {
        guard path.hasPrefix("items["), path.hasSuffix("]") else { return nil }
        return Int(path.dropFirst("items[".count).dropLast())
    }
}
