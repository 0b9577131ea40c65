import Foundation

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
}
