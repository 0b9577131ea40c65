import Glibc

extension String {
    /// What Foundation's `String(format:)` makes of numbers ("%.2f", "%+.1f", "%02x"), through
    /// the C library's `vsnprintf`, which Foundation uses for them too: FoundationEssentials,
    /// the only Foundation `skills` links, has no `String(format:)`. No `%@`.
    public init(cFormat format: String, _ arguments: CVarArg...) {
        self = cFormatted(format, arguments)
    }
}

private func cFormatted(_ format: String, _ arguments: [CVarArg]) -> String {
    var size = 64
    while true {
        var buffer = [CChar](repeating: 0, count: size)
        let length = Int(withVaList(arguments) { vsnprintf(&buffer, size, format, $0) })
        if length < size {
            return String(decoding: buffer[..<max(0, length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        size = length + 1
    }
}
