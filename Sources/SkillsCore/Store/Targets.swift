import Foundation

/// Per-person targets per area (`skills target listening 75`), kept in the store's
/// `targets.json`. People are keyed without regard to case, as results are.
public struct Targets: Codable, Sendable, Equatable {
    public var format = 1
    public var people: [String: [String: Double]] = [:]

    public init() {}

    public func of(_ person: String) -> [String: Double] { people[person.lowercased()] ?? [:] }

    public mutating func set(_ person: String, area: String, score: Double) {
        people[person.lowercased(), default: [:]][area] = score
    }

    /// Clears one area, or all of a person's targets when `area` is nil.
    public mutating func clear(_ person: String, area: String?) {
        if let area {
            people[person.lowercased()]?[area] = nil
            if people[person.lowercased()]?.isEmpty == true { people[person.lowercased()] = nil }
        } else {
            people[person.lowercased()] = nil
        }
    }
}

extension ResultStore {
    public var targetsFile: URL { root.appendingPathComponent("targets.json") }

    /// The targets, or none when the file does not exist yet.
    public func loadTargets() throws -> Targets {
        guard FileManager.default.fileExists(atPath: targetsFile.path) else { return Targets() }
        return try JSONFile.decode(Targets.self, from: JSONFile.read(targetsFile.path), file: targetsFile.path)
    }

    /// Replaces the targets file whole: written beside it, then renamed over it.
    public func saveTargets(_ targets: Targets) throws {
        try createFolder(root)
        let temporary = root.appendingPathComponent(Self.temporaryPrefix + UUID().uuidString)
        try write(try JSONFile.encode(targets), to: temporary)
        if rename(temporary.path, targetsFile.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw SkillsError.cannotCreate(path: targetsFile.path, reason: reason)
        }
    }
}
