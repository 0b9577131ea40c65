/// Lines of a text file as people's editors write them: LF, CRLF or CR endings, with a
/// UTF-8 byte-order mark at the start left out. (In Swift "\r\n" is one Character, so
/// splitting on "\n" would keep Windows lines whole.)
public enum TextLines {
    public static func split(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
        return body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }
}
