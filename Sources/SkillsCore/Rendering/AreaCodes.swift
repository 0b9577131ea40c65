/// Short codes for skill areas ("LIS", "ANT"), for table headings that would not fit with
/// the areas' names, with a legend to read them by.
public struct AreaCodes {
    public let codes: [String]
    public let names: [String]

    /// From the area ids: their first three letters, more where two would clash.
    public init(ids: [String], names: [String]) {
        let letters = ids.map { id in Array(id.uppercased().filter { $0.isLetter || $0.isNumber }) }
        var length = 3
        while length < (letters.map(\.count).max() ?? 3)
            && Set(letters.map { String($0.prefix(length)) }).count < letters.count
        {
            length += 1
        }
        var codes = letters.map { String($0.prefix(length)) }
        // Ids alike to their last letter (or none): number them.
        if Set(codes).count < codes.count { codes = codes.indices.map { "A\($0 + 1)" } }
        self.codes = codes
        self.names = names
    }

    /// "LIS = Listening · ANT = Anticipating needs", broken between entries, not within one.
    public func legend(style: TextStyle) -> String {
        style.wrap(entries: zip(codes, names).map { "\($0) = \($1)" }, first: "", rest: "")
    }
}
