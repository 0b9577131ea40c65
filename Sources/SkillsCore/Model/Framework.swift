/// The skill framework: the five areas from chapter 000, each with a rubric, observable
/// behaviours and development actions, plus the cross-cutting development practices.
/// It is data (Data/framework.json) so a training team can adapt wording without recompiling.
public struct Framework: Codable, Sendable, Equatable {
    public var format: Int
    public var version: String
    /// Proficiency bands shared by every area's rubric, lowest first.
    public var levels: [LevelBand]
    public var areas: [SkillArea]
    public var practices: [Practice]
    /// The source chapters and their section headings, so citations can be checked.
    public var sources: [SourceChapter]

    public func area(_ id: String) -> SkillArea? { areas.first { $0.id == id } }

    public var areaIDs: [String] { areas.map(\.id) }

    /// The display name of an area, or the id itself for an area this framework lacks
    /// (an old result may name one that a training team has since renamed).
    public func name(ofArea id: String) -> String { area(id)?.name ?? id }

    /// The band a score falls in. Scores are rounded to whole points first, so the
    /// level always agrees with the number the reports print.
    public func level(for score: Double) -> LevelBand? {
        let whole = Int(score.rounded())
        return levels.first { whole >= $0.min && whole <= $0.max }
    }

    /// The development action with this id, in whichever area it is.
    public func action(_ id: String) -> DevelopmentAction? {
        for area in areas { if let found = area.actions.first(where: { $0.id == id }) { return found } }
        return nil
    }
}

public struct SkillArea: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var source: String
    /// What each level looks like in this area, one entry per framework level.
    public var rubric: [RubricDescriptor]
    public var behaviours: [Behaviour]
    public var actions: [DevelopmentAction]

    public func descriptor(forLevel name: String) -> String? {
        rubric.first { $0.level == name }?.descriptor
    }
}

/// A score band, such as "Proficient: 60 to 79", with one line on what it means overall.
public struct LevelBand: Codable, Sendable, Equatable {
    public var name: String
    public var min: Int
    public var max: Int
    public var meaning: String
}

public struct RubricDescriptor: Codable, Sendable, Equatable {
    public var level: String
    public var descriptor: String
    public var source: String
}

public struct Behaviour: Codable, Sendable, Equatable {
    public var text: String
    public var source: String
}

public struct DevelopmentAction: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var source: String
}

/// A development practice that is not tied to one area (feedback and coaching,
/// continuous learning, collaboration with coworkers, streamlining processes).
public struct Practice: Codable, Sendable, Equatable {
    public var id: String
    public var kind: String
    public var title: String
    /// The areas it helps; a report suggests it only for these.
    public var areas: [String]?
    /// The development actions it strengthens: a focus area whose low answers link to
    /// these makes it the practice to suggest (`ReportBuilder.practice`).
    public var actions: [String]?
    public var text: String
    public var source: String
}

public struct SourceChapter: Codable, Sendable, Equatable {
    public var file: String
    public var title: String
    public var sections: [String]
}

extension Framework {
    /// Nil when the citation is acceptable; otherwise what is wrong with it.
    public func checkCitation(_ source: String) -> String? {
        let parts = source.split(separator: "#", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return "'\(source)' is not a citation; expected \"<file>#<section heading>\""
        }
        guard let chapter = sources.first(where: { $0.file == parts[0] }) else { return nil }
        if chapter.sections.contains(parts[1]) { return nil }
        return
            "'\(parts[1])' is not a section of \(parts[0])\(Suggestion.hint(for: parts[1], in: chapter.sections)); "
            + "expected one of: \(chapter.sections.joined(separator: "; "))"
    }
}

extension Framework {
    /// A citation as people read it: "Chapter title: Section" for a seed chapter, the
    /// citation itself for a trainer's own reference. The `file#Section` form stays in the
    /// data, for tracing.
    public func citationTitle(_ source: String) -> String {
        let parts = source.split(separator: "#", maxSplits: 1).map(String.init)
        guard let chapter = sources.first(where: { $0.file == parts.first }) else { return source }
        return parts.count == 2 ? "\(chapter.title): \(parts[1])" : chapter.title
    }
}
