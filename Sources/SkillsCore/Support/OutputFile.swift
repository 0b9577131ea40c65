import Foundation

/// `--output FILE`: the whole file appears at once (written beside it, then renamed), so a
/// reader never sees half a report.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw SkillsError.cannotCreate(path: path, reason: "is a folder; expected a file name")
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".tmp-\(UUID().uuidString)")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw SkillsError.cannotCreate(
                path: path,
                reason: (error as NSError).localizedFailureReason
                    ?? "cannot write in \(url.deletingLastPathComponent().path)")
        }
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw SkillsError.cannotCreate(path: path, reason: reason)
        }
    }
}
