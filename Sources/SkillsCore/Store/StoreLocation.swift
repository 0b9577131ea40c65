import FoundationEssentials
import Glibc

/// Where the store is: `--store DIR`, else `SKILLS_STORE`, else `$XDG_DATA_HOME/skills`,
/// else `~/.local/share/skills` (the XDG base directory convention).
public enum StoreLocation {
    public static func resolve(option: String?, environment: [String: String]) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let variable = environment["SKILLS_STORE"], !variable.isEmpty { return URL(fileURLWithPath: variable) }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("skills")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.homeFolder()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/skills")
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
