import FoundationEssentials
import Glibc

/// What the terminal can do. Colour is used only on a terminal, never with NO_COLOR set
/// (https://no-color.org), TERM=dumb, or --no-color.
enum TTY {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static func wantsColour(noColorFlag: Bool, environment: [String: String], descriptor: Int32 = 1) -> Bool {
        if noColorFlag { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal(descriptor)
    }

    /// COLUMNS when set, then the terminal's width, else 80; never under 40, so a bar and a
    /// name still fit on one line.
    static func width(environment: [String: String], outputIsTerminal: Bool, descriptor: Int32 = 1) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return max(40, columns) }
        if outputIsTerminal {
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(40, Int(size.ws_col)) }
        }
        return 80
    }
}
