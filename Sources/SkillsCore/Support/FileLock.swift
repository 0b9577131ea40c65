import FoundationEssentials
import Glibc

/// An exclusive `flock` held while `body` runs, so that processes changing the same file at
/// the same moment take turns: targets, a person's practice progress, a calibration session.
enum FileLock {
    /// Locks the file at `path` (created empty if missing), or the folder itself when
    /// `folder` is true.
    static func exclusive<T>(at path: String, folder: Bool = false, _ body: () throws -> T) throws -> T {
        let fd =
            folder
            ? open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SkillsError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw SkillsError.io(path: path, reason: "cannot lock: \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
