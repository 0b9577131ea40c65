import FoundationEssentials
import Glibc

extension ResultStore {
    public var practiceFolder: URL { root.appendingPathComponent("practice", isDirectory: true) }

    /// `practice/<slug>-<hash>.json`: the slug keeps the name readable, the hash of the
    /// person's key keeps "Ana B" and "ana-b" apart.
    public func practiceFile(of person: String) -> URL {
        let hash = SHA256.hex(Data(PersonName.key(person).utf8)).prefix(8)
        return practiceFolder.appendingPathComponent("\(TextSafety.slug(person))-\(hash).json")
    }

    /// The person's practice, or nil before their first. A file that cannot be read is an
    /// error naming it: it is never replaced, since it holds the person's progress.
    public func loadPractice(of person: String) throws -> PracticeProgress? {
        let file = practiceFile(of: person)
        var status = stat()
        guard lstat(file.path, &status) == 0 else { return nil }
        do {
            let progress = try JSONFile.decode(PracticeProgress.self, from: JSONFile.read(file.path), file: file.path)
            guard PersonName.same(progress.person, person) else {
                throw SkillsError.invalidData(
                    file: file.path,
                    detail: "person: '\(progress.person)' is not '\(person)'; expected that person's practice")
            }
            return progress
        } catch SkillsError.invalidData(let file, let detail) {
            throw SkillsError.invalidData(
                file: file, detail: "\(detail); kept as it is: repair it or move it away to start afresh")
        }
    }

    /// Reads, changes and writes the person's practice under an exclusive lock, so two
    /// practice runs at once both keep every answer; the file is replaced whole. `whileLocked`
    /// is a hook for the test that holds one run inside the lock.
    @discardableResult
    public func updatePractice(
        of person: String, whileLocked: (() -> Void)? = nil, _ change: (inout PracticeProgress) throws -> Void
    ) throws -> PracticeProgress {
        try createFolder(practiceFolder)
        let lockPath = practiceFolder.appendingPathComponent(".\(practiceFile(of: person).lastPathComponent).lock")
            .path
        return try FileLock.exclusive(at: lockPath) {
            let before = try loadPractice(of: person)
            var progress = before ?? PracticeProgress(person: person)
            whileLocked?()
            try change(&progress)
            if progress != before {
                try AtomicFile.replace(practiceFile(of: person), with: try JSONFile.encode(progress))
            }
            return progress
        }
    }
}
