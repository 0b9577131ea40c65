/// How "  name  ████░░ 62 ±8  Developing" lines fit the width: the bar shrinks first (not
/// below `shortestBar` cells, where it stops being readable), then the name goes on a line
/// of its own above an indented bar.
public struct BarLineLayout {
    /// The style to draw the bars with: its bar width is the one that fits.
    public let style: TextStyle
    /// Names are padded to this, when beside their bars.
    public let nameWidth: Int
    public let nameOnItsOwnLine: Bool

    static let shortestBar = 8

    /// `after` is the widest text that follows a bar on its line (the number and the level).
    public init(names: [String], after: Int, style: TextStyle, minimumNameWidth: Int = 0) {
        let nameWidth = max(minimumNameWidth, names.map { TerminalCells.count($0) }.max() ?? 0)
        let besideRoom = style.width - (2 + nameWidth + 2 + 1 + after)
        if besideRoom >= Self.shortestBar {
            self.style = style.withBars(min(style.barWidth, besideRoom))
            self.nameWidth = nameWidth
            nameOnItsOwnLine = false
        } else {
            self.style = style.withBars(max(4, min(style.barWidth, style.width - (4 + 1 + after))))
            self.nameWidth = 0
            nameOnItsOwnLine = true
        }
    }

    /// The line, or two lines, of one name and the bar part (`bar` drawn with `style`).
    public func lines(name: String, bar: String) -> [String] {
        nameOnItsOwnLine
            ? [style.wrap(name, indent: "  "), "    " + bar]
            : ["  " + TextStyle.pad(name, nameWidth) + "  " + bar]
    }
}
