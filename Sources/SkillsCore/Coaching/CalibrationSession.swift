import FoundationEssentials
import Glibc

/// A blind calibration session: coaches observe the same agents and none sees another's
/// ratings until the session is opened. Its observations wait in the store's
/// `sessions/<folder>/`, which no command lists or reports on; `skills calibrate --session`
/// opens it, moving them into `results/`, after which they count like any other.
///
/// The session's name is data, never a path: it is checked like a person's name and its
/// folder is a slug of it plus a hash of its key (`team-a-3f2a9c1e`), so "Team A" and
/// "team a" are one session and no name can reach outside `sessions/`.
public struct CalibrationSession: Sendable {
    public let name: String
    public let folder: URL

    /// The list of result files the session put into `results/` when opened (not `.json`,
    /// so it is never read as an observation).
    static let openedListName = "opened.list"

    public init(named raw: String, store: ResultStore) throws {
        name = try PersonName.validate(raw, option: "--session")
        let hash = SHA256.hex(Array(PersonName.key(name).utf8)).prefix(8)
        folder = store.sessionsFolder.appendingPathComponent("\(TextSafety.slug(name))-\(hash)", isDirectory: true)
    }

    public var exists: Bool {
        JSONFile.isFolder(folder.path) == true
    }

    /// Keeps an observation blind until the session is opened; saved as safely as a result.
    @discardableResult
    public func save(_ result: AssessmentResult, store: ResultStore) throws -> URL {
        try store.save(result, in: folder)
    }

    /// Observations still waiting in the session (added since it was last opened).
    public func pending(problems: inout [String]) throws -> [StoredResult] {
        ResultReader.readAll(try JSONFile.files(in: folder.path), problems: &problems)
    }

    /// Opens the session: every waiting observation is put into `results/` (written whole
    /// under a name that is never taken from another file, as `ResultStore.save` does), the
    /// list of what was opened is written, and only then are the waiting copies removed.
    /// Stopped at any point, running it again finishes the job without losing an observation
    /// or counting one twice: a copy already in `results/` with the same bytes is recognised.
    /// A damaged file is reported and left where it is. Returns every observation the session
    /// has opened so far, this time and before (a late observation opens with the rest).
    /// Two opens of one session at once take turns (an exclusive lock on its folder), so
    /// neither writes a list of what was opened that misses the other's.
    public func open(store: ResultStore, problems: inout [String]) throws -> [StoredResult] {
        guard exists else {
            throw SkillsError.notFound(
                "no calibration session '\(name)' in \(store.sessionsFolder.path); coaches add to one with "
                    + "'skills take coach-observation --name AGENT --rater COACH --session \(name)'")
        }
        return try FileLock.exclusive(at: folder.path, folder: true) {
            try openLocked(store: store, problems: &problems)
        }
    }

    /// Moves the waiting observations into `results/`, under the session's lock.
    private func openLocked(store: ResultStore, problems: inout [String]) throws -> [StoredResult] {
        var opened = openedNames()
        var moved: [URL] = []
        for path in try JSONFile.files(in: folder.path) {
            let file = URL(fileURLWithPath: path)
            do {
                let data = try JSONFile.read(path)
                let result = try ResultReader.read(data: data, path: path)
                let name = try Self.place(data, of: result, originalName: file.lastPathComponent, store: store)
                if !opened.contains(name) { opened.append(name) }
                moved.append(file)
            } catch let error as SkillsError where error.kind == .invalidData {
                problems.append("skipped \(error); it stays in the session")
            }
        }
        if !moved.isEmpty {
            try AtomicFile.replace(
                folder.appendingPathComponent(Self.openedListName),
                with: Data((opened.joined(separator: "\n") + "\n").utf8))
            for file in moved { unlink(file.path) }
            AtomicFile.syncFolder(folder)
        }
        let paths = opened.map { store.resultsFolder.appendingPathComponent($0).path }
        return ResultReader.readAll(paths, problems: &problems)
    }

    /// The names in `results/` this session has opened before.
    func openedNames() -> [String] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Self.openedListName).path),
            let text = String(data: data, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.contains("/") }
    }

    /// Writes the observation's bytes into `results/` under its session name when free, and
    /// returns the name used; the same bytes already there under that name are this
    /// observation, put there by an open that was stopped before it finished.
    static func place(_ data: Data, of result: AssessmentResult, originalName: String, store: ResultStore) throws
        -> String
    {
        try store.createFolder(store.resultsFolder)
        let temporary = try AtomicFile.writeTemporary(data, in: store.resultsFolder)
        defer { unlink(temporary.path) }
        for attempt in 0..<100 {
            let name = attempt == 0 ? originalName : ResultStore.fileName(for: result, attempt: attempt)
            let destination = store.resultsFolder.appendingPathComponent(name)
            if try AtomicFile.link(temporary, to: destination) {
                AtomicFile.syncFolder(store.resultsFolder)
                return name
            }
            if attempt == 0, FileManager.default.contents(atPath: destination.path) == data { return name }
        }
        throw SkillsError.cannotCreate(path: store.resultsFolder.path, reason: "could not find a free file name")
    }
}

extension ResultStore {
    public var sessionsFolder: URL { root.appendingPathComponent("sessions", isDirectory: true) }
}
