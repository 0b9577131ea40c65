import FoundationEssentials
import Glibc

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
    /// For tests only: run between writing the temporary file and linking it into place,
    /// so a test can kill the process in between.
    public var beforeLink: (@Sendable () -> Void)?

    /// `root.path`, kept (see `StoreLocation.absolute`).
    public let rootPath: String

    public init(root: URL) {
        self.root = root
        rootPath = root.path
    }

    /// The store at an absolute `path` without a trailing slash, as `StoreLocation.path` gives it.
    public init(path: String) {
        root = URL(fileURLWithPath: path, isDirectory: true)
        rootPath = path
    }

    /// A temporary file this old belongs to a save that was killed (a save takes
    /// milliseconds); it is removed the next time anyone saves.
    static let staleAfter: TimeInterval = 3600

    public var resultsFolder: URL { root.appendingPathComponent("results", isDirectory: true) }
    public var questionnairesFolder: URL { root.appendingPathComponent("questionnaires", isDirectory: true) }
    public var resultsPath: String { joinedPath(rootPath, "results") }
    public var questionnairesPath: String { joinedPath(rootPath, "questionnaires") }

    static let temporaryPrefix = AtomicFile.temporaryPrefix

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
        let temporary = try AtomicFile.writeTemporary(data, in: resultsFolder)
        defer {
            unlink(temporary.path)
            removeStaleTemporaryFiles()
        }
        beforeLink?()
        for attempt in 0..<100 {
            let destination = resultsFolder.appendingPathComponent(Self.fileName(for: result, attempt: attempt))
            if try AtomicFile.link(temporary, to: destination) {
                AtomicFile.syncFolder(resultsFolder)
                return destination
            }
        }
        throw SkillsError.cannotCreate(path: resultsFolder.path, reason: "could not find a free file name")
    }

    /// Leftovers of killed saves: only `.tmp-` files, only old ones, so a save in progress
    /// in another process is never touched.
    func removeStaleTemporaryFiles() {
        AtomicFile.removeStale(in: resultsFolder.path, startingWith: Self.temporaryPrefix, olderThan: Self.staleAfter)
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

    /// The results folder's path for reading: one that does not exist yet is fine (no
    /// results); a file in its place is an I/O error, never "no results".
    public func checkedResultsFolder() throws -> String {
        var status = stat()
        if stat(resultsFolder.path, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR {
            throw SkillsError.io(path: resultsFolder.path, reason: "cannot read the folder: it is not a folder")
        }
        return resultsFolder.path
    }

    /// Checked before a questionnaire is asked: the results folder exists or can be made.
    public func checkWritable() throws {
        try createFolder(resultsFolder)
        guard access(resultsFolder.path, W_OK) == 0 else {
            throw SkillsError.cannotCreate(path: resultsFolder.path, reason: String(cString: strerror(errno)))
        }
    }

    func createFolder(_ url: URL) throws {
        // Folder by folder, so the message names the part in the way (a store given as
        // /etc/passwd: "/etc/passwd is a file, not a folder"), not Foundation's error code.
        var path = ""
        for component in url.standardizedFileURL.path.split(separator: "/") {
            path += "/" + component
            var status = stat()
            if stat(path, &status) == 0 {
                if status.st_mode & S_IFMT == S_IFDIR { continue }
                throw SkillsError.cannotCreate(
                    path: url.path, reason: "\(path) is a file, not a folder; choose another store with --store DIR")
            }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw SkillsError.cannotCreate(path: url.path, reason: "\(path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
