import Foundation

/// The folder where results are kept: one JSON file per result under `results/`, and
/// trainers' own questionnaires under `questionnaires/`.
///
/// A result is never lost or overwritten: it is written to a temporary file, flushed, and
/// then linked to its final name with link(2), which fails instead of replacing a file
/// that already exists; on a clash a new name is drawn. Many people saving into one
/// shared folder at once therefore all keep their results. A damaged file is reported
/// and skipped, never changed.
public struct ResultStore: Sendable {
    public let root: URL
    /// For tests only: how long to wait between writing the temporary file and linking it
    /// into place, so a test can kill the process in between.
    public var pauseBeforeLink: TimeInterval = 0

    public init(root: URL) { self.root = root }

    /// A temporary file this old belongs to a save that was killed (a save takes
    /// milliseconds); it is removed the next time anyone saves.
    static let staleAfter: TimeInterval = 3600

    public var resultsFolder: URL { root.appendingPathComponent("results", isDirectory: true) }
    public var questionnairesFolder: URL { root.appendingPathComponent("questionnaires", isDirectory: true) }

    /// Temporary files start with a dot, so `JSONFile.files(in:)` and readers skip them.
    static let temporaryPrefix = ".tmp-"

    @discardableResult
    public func save(_ result: AssessmentResult) throws -> URL { try save(result, in: resultsFolder) }

    /// The same safe save into another folder (`pull --into DIR`).
    @discardableResult
    public func save(_ result: AssessmentResult, in resultsFolder: URL) throws -> URL {
        try createFolder(resultsFolder)
        let data: Data
        do { data = try JSONFile.encode(result) } catch {
            throw SkillsError.io(path: resultsFolder.path, reason: "cannot encode the result: \(error)")
        }
        let temporary = resultsFolder.appendingPathComponent(Self.temporaryPrefix + UUID().uuidString)
        try write(data, to: temporary)
        defer {
            unlink(temporary.path)
            removeStaleTemporaryFiles()
        }
        if pauseBeforeLink > 0 { Thread.sleep(forTimeInterval: pauseBeforeLink) }
        for attempt in 0..<100 {
            let destination = resultsFolder.appendingPathComponent(Self.fileName(for: result, attempt: attempt))
            if link(temporary.path, destination.path) == 0 { return destination }
            if errno != EEXIST {
                throw SkillsError.cannotCreate(path: destination.path, reason: String(cString: strerror(errno)))
            }
        }
        throw SkillsError.cannotCreate(path: resultsFolder.path, reason: "could not find a free file name")
    }

    /// Leftovers of killed saves: only `.tmp-` files, only old ones, so a save in progress
    /// in another process is never touched.
    func removeStaleTemporaryFiles(now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: resultsFolder.path) else { return }
        for name in names where name.hasPrefix(Self.temporaryPrefix) {
            let path = resultsFolder.appendingPathComponent(name).path
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                now.timeIntervalSince(modified) > Self.staleAfter
            else { continue }
            unlink(path)
        }
    }

    /// `2026-11-23T0512-ana-shift-checkin-3f2a9c1e.json`: sortable by time, readable,
    /// and never a path: the person's name is reduced to letters, digits and dashes.
    static func fileName(for result: AssessmentResult, attempt: Int) -> String {
        let f = ISODate.utcFields(result.takenAt)
        let two = ISODate.twoDigits
        let stamp = "\(f.year)-\(two(f.month))-\(two(f.day))T\(two(f.hour))\(two(f.minute))\(two(f.second))"
        let unique = attempt == 0 ? String(result.id.prefix(8)) : String(UUID().uuidString.prefix(8)).lowercased()
        return "\(stamp)-\(TextSafety.slug(result.person))-\(TextSafety.slug(result.questionnaire.id))-\(unique).json"
    }

    func write(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw SkillsError.cannotCreate(
                path: url.deletingLastPathComponent().path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let written = data.withUnsafeBytes { buffer in Foundation.write(fd, buffer.baseAddress, buffer.count) }
        guard written == data.count, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(url.path)
            throw SkillsError.io(path: url.path, reason: "cannot write: \(reason)")
        }
    }

    func createFolder(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw SkillsError.cannotCreate(path: url.path, reason: "a file is in the way; expected a folder")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw SkillsError.cannotCreate(
                path: url.path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }
}
