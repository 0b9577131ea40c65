import Foundation

/// `--output FILE`. A regular file (or a new one) is replaced whole and atomically, so a
/// reader never sees half a report; something that is not a regular file (`/dev/stdout`,
/// a FIFO) is written into as it is, never replaced. A path inside the store is refused:
/// a report must never take the place of a result.
public enum OutputFile {
    /// What can be checked before any work is done.
    public static func check(_ path: String, store: URL) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw SkillsError.cannotCreate(path: path, reason: "is a folder; expected a file name")
            }
            if (status.st_mode & S_IFMT) != S_IFREG { return }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var folderStatus = stat()
        guard stat(folder.path, &folderStatus) == 0, (folderStatus.st_mode & S_IFMT) == S_IFDIR else {
            throw SkillsError.cannotCreate(path: path, reason: "the folder \(folder.path) does not exist")
        }
        if let resolvedFolder = realPath(folder.path), let resolvedStore = realPath(store.path),
            resolvedFolder == resolvedStore || resolvedFolder.hasPrefix(resolvedStore + "/")
        {
            throw SkillsError.cannotCreate(
                path: path, reason: "is inside the store (\(store.path)); write reports somewhere else")
        }
    }

    public static func write(_ text: String, to path: String, store: URL) throws {
        try check(path, store: store)
        let data = Data(text.utf8)
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
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

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
