import FoundationEssentials
import Glibc

/// Reading the framework straight from its bytes with `JSONScanner`: `report`, `history` and
/// `take` need it on every run, and JSONDecoder spent about 5 million instructions on its
/// 30 KB, more than the rest of a short `report`.
extension Framework {
    /// The framework, equal to what JSONDecoder reads; nil when anything is unusual (a
    /// duplicate field, a surrogate escape, damage), and the caller decodes it in full, which
    /// accepts or explains. `BuiltinDataTests` checks that both give the same value.
    static func fastRead(_ bytes: UnsafeBufferPointer<UInt8>) -> Framework? {
        var scanner = JSONScanner(bytes)
        guard let framework = try? FastFramework.framework(&scanner), (try? scanner.end()) != nil else { return nil }
        return framework
    }
}

/// The readers of each part; every field of the framework's types is required except a
/// practice's `areas` and `actions`.
private enum FastFramework {
    typealias Unexpected = JSONScanner.Unexpected

    // The keys each reader knows, made once: an array literal in the function is built on every call.
    static let frameworkKeys: [StaticString] = ["format", "version", "levels", "areas", "practices", "sources"]
    static let levelKeys: [StaticString] = ["name", "min", "max", "meaning"]
    static let areaKeys: [StaticString] = ["id", "name", "description", "source", "rubric", "behaviours", "actions"]
    static let practiceKeys: [StaticString] = ["id", "kind", "title", "text", "source", "areas", "actions"]
    static let sourceKeys: [StaticString] = ["file", "title", "sections"]

    static func framework(_ s: inout JSONScanner) throws -> Framework {
        var framework = Framework(format: 0, version: "", levels: [], areas: [], practices: [], sources: [])
        let seen = try s.fields(frameworkKeys) { s, field in
            switch field {
            case 0: framework.format = try s.integer()
            case 1: framework.version = try s.text()
            case 2: try s.array { framework.levels.append(try level(&$0)) }
            case 3: try s.array { framework.areas.append(try area(&$0)) }
            case 4: try s.array { framework.practices.append(try practice(&$0)) }
            default: try s.array { framework.sources.append(try source(&$0)) }
            }
        }
        guard seen == 0b11_1111 else { throw Unexpected() }
        return framework
    }

    /// Objects whose fields are all texts, in the order of `keys`.
    static func texts(_ s: inout JSONScanner, _ keys: [StaticString]) throws -> [String] {
        var values = Array(repeating: "", count: keys.count)
        let seen = try s.fields(keys) { s, field in values[field] = try s.text() }
        guard seen == (1 << UInt64(keys.count)) - 1 else { throw Unexpected() }
        return values
    }

    static func level(_ s: inout JSONScanner) throws -> LevelBand {
        var band = LevelBand(name: "", min: 0, max: 0, meaning: "")
        let seen = try s.fields(levelKeys) { s, field in
            switch field {
            case 0: band.name = try s.text()
            case 1: band.min = try s.integer()
            case 2: band.max = try s.integer()
            default: band.meaning = try s.text()
            }
        }
        guard seen == 0b1111 else { throw Unexpected() }
        return band
    }

    static func area(_ s: inout JSONScanner) throws -> SkillArea {
        var area = SkillArea(
            id: "", name: "", description: "", source: "", rubric: [], behaviours: [], actions: [])
        let seen = try s.fields(areaKeys) { s, field in
            switch field {
            case 0: area.id = try s.text()
            case 1: area.name = try s.text()
            case 2: area.description = try s.text()
            case 3: area.source = try s.text()
            case 4:
                try s.array { s in
                    let values = try texts(&s, ["level", "descriptor", "source"])
                    area.rubric.append(.init(level: values[0], descriptor: values[1], source: values[2]))
                }
            case 5:
                try s.array { s in
                    let values = try texts(&s, ["text", "source"])
                    area.behaviours.append(.init(text: values[0], source: values[1]))
                }
            default:
                try s.array { s in
                    let values = try texts(&s, ["id", "text", "source"])
                    area.actions.append(.init(id: values[0], text: values[1], source: values[2]))
                }
            }
        }
        guard seen == 0b111_1111 else { throw Unexpected() }
        return area
    }

    static func practice(_ s: inout JSONScanner) throws -> Practice {
        var practice = Practice(id: "", kind: "", title: "", text: "", source: "")
        let seen = try s.fields(practiceKeys) { s, field in
            switch field {
            case 0: practice.id = try s.text()
            case 1: practice.kind = try s.text()
            case 2: practice.title = try s.text()
            case 3: practice.text = try s.text()
            case 4: practice.source = try s.text()
            case 5: practice.areas = try s.optionalTexts()
            default: practice.actions = try s.optionalTexts()
            }
        }
        guard seen & 0b1_1111 == 0b1_1111 else { throw Unexpected() }
        return practice
    }

    static func source(_ s: inout JSONScanner) throws -> SourceChapter {
        var chapter = SourceChapter(file: "", title: "", sections: [])
        let seen = try s.fields(sourceKeys) { s, field in
            switch field {
            case 0: chapter.file = try s.text()
            case 1: chapter.title = try s.text()
            default: chapter.sections = try s.texts()
            }
        }
        guard seen == 0b111 else { throw Unexpected() }
        return chapter
    }
}
