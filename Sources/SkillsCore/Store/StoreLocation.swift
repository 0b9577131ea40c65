import FoundationEssentials
import Glibc

/// Where the store is: `--store DIR`, else `SKILLS_STORE`, else `$XDG_DATA_HOME/skills`,
/// else `~/.local/share/skills` (the XDG base directory convention).
public enum StoreLocation {
    /// The store's folder as an absolute path without a trailing slash, as `URL.path` gives it.
    public static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return absolute(option) }
        if let variable = environment["SKILLS_STORE"], !variable.isEmpty { return absolute(variable) }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return joinedPath(absolute(xdg), "skills") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.homeFolder()
        return joinedPath(absolute(home), ".local/share/skills")
    }

    /// An absolute path as `URL(fileURLWithPath:).path` gives it (trailing slashes dropped, the
    /// rest as written) without making the URL: the first `URL.path` of a run builds a set of
    /// bytes whose type is looked up at run time, 0.25 M instructions of every `report`. A
    /// relative path (resolved against the working folder, `~` expanded) is left to URL.
    static func absolute(_ path: String) -> String {
        guard path.hasPrefix("/") else { return URL(fileURLWithPath: path).path }
        var trimmed = Substring(path)
        while trimmed.utf8.count > 1, trimmed.utf8.last == 0x2F { trimmed.removeLast() }
        return String(trimmed)
    }

    /// The home folder the password database gives, for a command run without HOME.
    static func homeFolder() -> String {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(getuid(), &entry, &buffer, buffer.count, &found) == 0, found != nil, let home = entry.pw_dir
        else { return "/" }
        return String(cString: home)
    }
}
