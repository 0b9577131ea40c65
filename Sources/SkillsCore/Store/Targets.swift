import FoundationEssentials
import Glibc

/// Per-person targets per area (`skills target listening 75`), kept in the store's
/// `targets.json`. People are keyed without regard to case, as results are.
public struct Targets: Codable, Sendable, Equatable {
    public var format = 1
    public var people: [String: [String: Double]] = [:]

    public init() {}

    public func of(_ person: String) -> [String: Double] { people[PersonName.key(person)] ?? [:] }

    public mutating func set(_ person: String, area: String, score: Double) {
        people[PersonName.key(person), default: [:]][area] = score
    }

    /// Clears one area, or all of a person's targets when `area` is nil.
    public mutating func clear(_ person: String, area: String?) {
        if let area {
            people[PersonName.key(person)]?[area] = nil
            if people[PersonName.key(person)]?.isEmpty == true { people[PersonName.key(person)] = nil }
        } else {
            people[PersonName.key(person)] = nil
        }
    }
}

extension ResultStore {
    public var targetsFile: URL { root.appendingPathComponent("targets.json") }
    public var targetsPath: String { joinedPath(rootPath, "targets.json") }

    /// The targets, or none when the file does not exist yet.
    public func loadTargets() throws -> Targets {
        // lstat, not "exists": a dangling link is a damaged file to report, not "no targets".
        var status = stat()
        guard lstat(targetsPath, &status) == 0 else { return Targets() }
        let targets = try JSONFile.decode(Targets.self, from: JSONFile.read(targetsPath), file: targetsPath)
        // Checked before any arithmetic: a hand-edited 1e300 must not stop a report.
        for (person, areas) in targets.people.sorted(by: { $0.key < $1.key }) {
            for (area, score) in areas.sorted(by: { $0.key < $1.key }) where !(score >= 0 && score <= 100) {
                throw SkillsError.invalidData(
                    file: targetsPath,
                    detail: "people.\(person).\(area): \(score) is not a target; expected 0 to 100")
            }
        }
        return targets
    }

    /// Reads, changes and writes the targets under an exclusive lock, so people setting
    /// targets at the same moment all keep their changes; the file is replaced whole.
    public func updateTargets(_ change: (inout Targets) throws -> Void) throws {
        try createFolder(root)
        let lockPath = root.appendingPathComponent(".targets.lock").path
        try FileLock.exclusive(at: lockPath) {
            var targets = try loadTargets()
            try change(&targets)
            try AtomicFile.replace(targetsFile, with: try JSONFile.encode(targets))
        }
    }
}
