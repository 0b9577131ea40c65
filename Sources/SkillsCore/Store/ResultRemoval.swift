import FoundationEssentials
import Glibc

/// `skills remove`: a result entered by mistake is moved out of `results/` into `removed/`,
/// where no command reads it, and can be moved back. Nothing is ever deleted or replaced.
extension ResultStore {
    public var removedFolder: URL { root.appendingPathComponent("removed", isDirectory: true) }

    /// Where a result to remove (or, with `undo`, to put back) is: a file name as `history`
    /// shows it (with or without `.json`), or a path to a file directly in the folder.
    /// Anything else is refused before a file is touched.
    public func locate(_ argument: String, undo: Bool = false) throws -> URL {
        let folder = undo ? removedFolder : resultsFolder
        let otherFolder = undo ? resultsFolder : removedFolder
        let folderName = undo ? "removed/" : "results/"
        var name = argument
        if argument.contains("/") {
            let given = URL(fileURLWithPath: argument).standardizedFileURL
            guard Self.sameFolder(given.deletingLastPathComponent(), folder) else {
                throw SkillsError.usage(
                    "'\(argument)' is not in the store's \(folderName) (\(folder.path)); expected the name of a "
                        + "result there, as 'skills take' printed it after \"Saved\"")
            }
            name = given.lastPathComponent
        }
        if !name.hasSuffix(".json") { name += ".json" }
        guard !name.hasPrefix("."), name != ".json", !name.contains("\\") else {
            throw SkillsError.usage(
                "'\(argument)' is not a result's file name; expected a name such as "
                    + "2026-11-23T051200-ana-shift-checkin-3f2a9c1e")
        }
        let location = folder.appendingPathComponent(name)
        var status = stat()
        guard lstat(location.path, &status) == 0 else {
            let elsewhere = otherFolder.appendingPathComponent(name)
            let hint =
                FileManager.default.fileExists(atPath: elsewhere.path)
                ? (undo
                    ? "; it is already in results/"
                    : "; it is already in removed/ ('skills remove --undo \(name.dropLast(5))' puts it back)")
                : "; see 'ls \(folder.path)'"
            throw SkillsError.notFound("no result '\(name)' in the store's \(folderName)\(hint)")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw SkillsError.invalidData(file: location.path, detail: "is not a regular file; expected a result file")
        }
        return location
    }

    /// Moves a result file (found by `locate`) into `removed/`, or back with `undo`.
    /// link(2) then unlink(2) rather than rename(2), because rename replaces a file already
    /// at the new name; a crash in between leaves the result in both places, never in none.
    @discardableResult
    public func move(_ location: URL, undo: Bool = false) throws -> URL {
        let destinationFolder = undo ? resultsFolder : removedFolder
        try createFolder(destinationFolder)
        let destination = destinationFolder.appendingPathComponent(location.lastPathComponent)
        guard try AtomicFile.link(location, to: destination) else {
            throw SkillsError.cannotCreate(
                path: destination.path,
                reason: "a file of that name is already there; it is left as it is, and so is \(location.path)")
        }
        AtomicFile.syncFolder(destinationFolder)
        guard unlink(location.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(destination.path)
            throw SkillsError.io(path: location.path, reason: "cannot move it: \(reason)")
        }
        AtomicFile.syncFolder(location.deletingLastPathComponent())
        return destination
    }

    /// Compared after resolving links, so `./store/results` and a linked path both count.
    static func sameFolder(_ a: URL, _ b: URL) -> Bool {
        a.resolvingSymlinksInPath().standardizedFileURL.path == b.resolvingSymlinksInPath().standardizedFileURL.path
    }
}
