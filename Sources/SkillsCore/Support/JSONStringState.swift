/// Whether a byte of JSON text is inside a string, fed one byte at a time: scans that read
/// only brackets and commas must not count the ones inside strings.
struct JSONStringState {
    private var inString = false
    private var escaped = false

    /// True when `byte` belongs to a string, its quotes included.
    mutating func consumes(_ byte: UInt8) -> Bool {
        if inString {
            if escaped {
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else if byte == 0x22 {
                inString = false
            }
            return true
        }
        inString = byte == 0x22
        return inString
    }
}
