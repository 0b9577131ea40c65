@_spi(_Unicode) import Swift

/// Case and accent folding for names, as Foundation's `folding(options:locale:)` did it, from the
/// standard library's own Unicode tables: FoundationEssentials, the only Foundation `skills` links,
/// has no folding. A test compares both with Foundation's over every character of the Basic
/// Multilingual Plane.
enum Folding {
    /// Full case folding in canonical composed form: "STRAUSS" and "Strauß" are one person.
    static func caseFolded(_ text: some StringProtocol) -> String {
        composed(folded(String(text).unicodeScalars, dropMarks: false))
    }

    /// Case folded and without accents: "María" → "maria", for file names.
    static func caseAndAccentFolded(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: folded(String(text)._nfd, dropMarks: true))
        return String(out)
    }

    /// Each scalar decomposed, its accents dropped when asked, then case folded.
    private static func folded(_ scalars: some Sequence<Unicode.Scalar>, dropMarks: Bool) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for scalar in scalars {
            if dropMarks && scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.value < 0x80 {
                out.append((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar)
                continue
            }
            if let special = fullFoldings[scalar.value] {
                out.append(contentsOf: special.unicodeScalars)
                continue
            }
            // Upper then lower case: the simple folding of nearly every letter (Σ, ς and σ all to σ).
            let lowered = scalar.properties.uppercaseMapping.lowercased()
            out.append(contentsOf: dropMarks ? Array(lowered._nfd) : Array(lowered.unicodeScalars))
        }
        return out
    }

    private static func composed(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(decoding: String(view)._nfcCodeUnits, as: UTF8.self)
    }

    /// Foldings the upper-then-lower route gets wrong: letters whose capital is two letters that
    /// lower-case differently, and ones folding does not change though their capitals differ.
    private static let fullFoldings: [UInt32: String] = [
        0x1E9E: "ss", 0x0131: "\u{131}",
    ]
}
