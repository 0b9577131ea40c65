import FoundationEssentials
import Glibc

/// The one way this tool writes a file that others may read: the bytes go to a temporary
/// file beside the destination (created exclusively, written whole, fsynced), which is then
/// linked (never replaces) or renamed (replaces) into place, and the folder is fsynced so
/// the new name survives a power cut. Readers never see half a file.
public enum AtomicFile {
    /// Temporary files start with a dot, so folder listings and readers skip them.
    public static let temporaryPrefix = ".tmp-"

    /// Writes `data` as a new temporary file in `folder` and returns its location.
    public static func writeTemporary(_ data: Data, in folder: URL) throws -> URL {
        let temporary = folder.appendingPathComponent(temporaryPrefix + UUID().uuidString)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SkillsError.cannotCreate(path: folder.path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        do {
            try writeAll(data, to: fd, path: temporary.path)
            guard fsync(fd) == 0 else {
                throw SkillsError.io(path: temporary.path, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        return temporary
    }

    /// Replaces (or creates) the file at `destination` whole.
    public static func replace(_ destination: URL, with data: Data) throws {
        let folder = destination.deletingLastPathComponent()
        let temporary = try writeTemporary(data, in: folder)
        if rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw SkillsError.cannotCreate(path: destination.path, reason: reason)
        }
        syncFolder(folder)
    }

    /// Links `temporary` to `destination` unless a file is already there (link(2) never
    /// replaces). Returns false when the name is taken.
    public static func link(_ temporary: URL, to destination: URL) throws -> Bool {
        if Glibc.link(temporary.path, destination.path) == 0 { return true }
        if errno == EEXIST { return false }
        throw SkillsError.cannotCreate(path: destination.path, reason: String(cString: strerror(errno)))
    }

    /// Temporary files in `folder` whose names start with `prefix`, left by a process killed
    /// while writing: removed once older than `age` seconds, so one being written right now by
    /// another process is never touched. Only regular files; anything unreadable is left alone.
    public static func removeStale(in folder: String, startingWith prefix: String, olderThan age: TimeInterval) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let now = time(nil)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix) else { continue }
            let path = folder + "/" + name
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                Double(now - status.st_mtim.tv_sec) > age
            {
                unlink(path)
            }
        }
    }

    public static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Every byte, through short writes and interruptions; a failure is an I/O error.
    public static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SkillsError.io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }
}
