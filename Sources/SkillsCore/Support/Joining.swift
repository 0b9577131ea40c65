/// `joined(separator:)` for a list of texts, without the standard library's generic version.
///
/// Every command joins lines, and the first call in a process of the generic version looks up
/// its collection's associated types at run time: about 190,000 instructions (callgrind), a
/// twentieth of `skills list`. Declared on `Array` itself, this one is chosen wherever the list
/// is an array of texts; the result is the same.
extension Array where Element == String {
    public func joined(separator: String = "") -> String {
        guard let first else { return "" }
        var length = separator.utf8.count * (count - 1)
        for text in self { length += text.utf8.count }
        var out = first
        out.reserveCapacity(length)
        for index in 1..<count {
            out += separator
            out += self[index]
        }
        return out
    }
}
