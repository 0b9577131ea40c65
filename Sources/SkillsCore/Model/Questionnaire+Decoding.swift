/// Missing text fields decode as empty so the validator can report every missing field
/// at once, instead of the decoder stopping at the first.
extension Questionnaire {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, id, version, title, kind, description, minutes, scale, items
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(Int.self, forKey: .format) ?? 0
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        version = try c.decodeIfPresent(String.self, forKey: .version) ?? ""
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        kind = try c.decode(Kind.self, forKey: .kind)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        minutes = try c.decodeIfPresent(Int.self, forKey: .minutes)
        scale = try c.decodeIfPresent(RatingScale.self, forKey: .scale)
        items = try c.decodeIfPresent([Item].self, forKey: .items) ?? []
    }
}

extension Item {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, type, area, text, source, reverse, scale, options, explanation, actions, help
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        type = try c.decode(ItemType.self, forKey: .type)
        area = try c.decodeIfPresent(String.self, forKey: .area)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        reverse = try c.decodeIfPresent(Bool.self, forKey: .reverse)
        scale = try c.decodeIfPresent(RatingScale.self, forKey: .scale)
        options = try c.decodeIfPresent([Option].self, forKey: .options)
        explanation = try c.decodeIfPresent(String.self, forKey: .explanation)
        actions = try c.decodeIfPresent([String].self, forKey: .actions)
        help = try c.decodeIfPresent(String.self, forKey: .help)
    }
}

extension Option {
    enum CodingKeys: String, CodingKey, CaseIterable { case text, correct, feedback }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        correct = try c.decodeIfPresent(Bool.self, forKey: .correct)
        feedback = try c.decodeIfPresent(String.self, forKey: .feedback)
    }
}

extension RatingScale {
    enum CodingKeys: String, CodingKey, CaseIterable { case min, max, labels }
}
