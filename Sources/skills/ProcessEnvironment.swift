import FoundationEssentials
import Glibc

/// The process's environment as `ProcessInfo.environment` gives it (split at the first `=`,
/// a later entry of the same name winning, entries without `=` left out), but split on
/// bytes: Foundation searches each entry Character by Character, a tenth of a short
/// command's start-up under a long environment.
enum ProcessEnvironment {
    static func current() -> [String: String] {
        var entries = 0
        while environ[entries] != nil { entries += 1 }
        var environment: [String: String] = [:]
        environment.reserveCapacity(entries)
        for index in 0..<entries {
            let entry = UnsafeBufferPointer(
                start: UnsafeRawPointer(environ[index]!).assumingMemoryBound(to: UInt8.self),
                count: strlen(environ[index]!))
            guard let equals = entry.firstIndex(of: 0x3D) else { continue }
            let name = String(decoding: UnsafeBufferPointer(rebasing: entry[..<equals]), as: UTF8.self)
            environment[name] = String(decoding: UnsafeBufferPointer(rebasing: entry[(equals + 1)...]), as: UTF8.self)
        }
        return environment
    }
}
