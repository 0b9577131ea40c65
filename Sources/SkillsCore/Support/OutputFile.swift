import FoundationEssentials
import Glibc

/// `--output FILE`. A regular file (or a new one) is replaced whole and atomically, so a
/// reader never sees half a report; something that is not a regular file (`/dev/stdout`,
/// a FIFO) is written into as it is, never replaced. A path inside the store is refused:
/// a report must never take the place of a result.
public enum OutputFile {
    /// What can be checked before any work is done.
    public static func check(_ path: String, store: URL) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if isInside(url, store: store) {
            throw SkillsError.cannotCreate(
                path: path, reason: "is inside the store (\(store.path)); write reports somewhere else")
        }
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw SkillsError.cannotCreate(path: path, reason: "is a folder; expected a file name")
        }
        if !writesInPlace(path) {
            let folder = url.deletingLastPathComponent()
            var folderStatus = stat()
            guard stat(folder.path, &folderStatus) == 0, (folderStatus.st_mode & S_IFMT) == S_IFDIR else {
                throw SkillsError.cannotCreate(path: path, reason: "the folder \(folder.path) does not exist")
            }
        }
    }

    public static func write(_ text: String, to path: String, store: URL) throws {
        try check(path, store: store)
        let data = Data(text.utf8)
        if writesInPlace(path) {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw SkillsError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            defer { close(fd) }
            try AtomicFile.writeAll(data, to: fd, path: path)
            return
        }
        try AtomicFile.replace(URL(fileURLWithPath: path), with: data)
    }

    /// Anything but a regular file (or a name not yet taken) is written into as it is: a
    /// link (`/dev/stdout` is one), a FIFO, a device. Renaming over those would replace them.
    static func writesInPlace(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) != S_IFREG
    }

    /// Inside the store, through links too: the nearest folder that exists is resolved.
    static func isInside(_ url: URL, store: URL) -> Bool {
        let storePath = realPath(store.path) ?? store.standardizedFileURL.path
        var folder = url.deletingLastPathComponent()
        var rest: [String] = []
        while realPath(folder.path) == nil && folder.path != "/" {
            rest.insert(folder.lastPathComponent, at: 0)
            folder = folder.deletingLastPathComponent()
        }
        let resolved = ([realPath(folder.path) ?? folder.path] + rest).joined(separator: "/")
        return resolved == storePath || resolved.hasPrefix(storePath + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
