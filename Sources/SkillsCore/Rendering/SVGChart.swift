import FoundationEssentials
import Glibc

/// A horizontal bar chart of 0–100 scores as inline SVG: no scripts, no fonts to fetch,
/// readable when printed in black and white (the numbers are written beside the bars).
public enum SVGChart {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double?
        /// A marker line, such as a target.
        public var marker: Double?

        public init(label: String, value: Double?, marker: Double? = nil) {
            self.label = label
            self.value = value
            self.marker = marker
        }
    }

    public static func bars(_ bars: [Bar], title: String, colours: LevelColours) -> String {
        let labelWidth = 190.0
        let barWidth = 360.0
        let rowHeight = 30.0
        let top = 10.0
        let height = top * 2 + rowHeight * Double(bars.count) + 20
        let width = labelWidth + barWidth + 60
        var svg = opening(width: width, height: height, title: title)
        for tick in stride(from: 0, through: 100, by: 20) {
            let x = labelWidth + barWidth * Double(tick) / 100
            svg +=
                "<line x1=\"\(number(x))\" y1=\"\(number(top))\" x2=\"\(number(x))\" y2=\"\(number(height - 20))\" "
                + "stroke=\"#ddd\"/>"
            svg +=
                "<text x=\"\(number(x))\" y=\"\(number(height - 5))\" font-size=\"11\" text-anchor=\"middle\" "
                + "fill=\"#555\">\(tick)</text>\n"
        }
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            svg +=
                "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 19))\" font-size=\"13\" "
                + "text-anchor=\"end\">\(Escaping.html(bar.label))</text>"
            if let value = bar.value {
                let length = barWidth * max(0, min(100, value)) / 100
                svg +=
                    "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 6))\" width=\"\(number(length))\" "
                    + "height=\"18\" fill=\"\(colours.svgColour(for: value))\"/>"
                svg +=
                    "<text x=\"\(number(labelWidth + length + 6))\" y=\"\(number(y + 19))\" "
                    + "font-size=\"12\">\(Int(value.rounded()))</text>"
            } else {
                svg +=
                    "<text x=\"\(number(labelWidth + 6))\" y=\"\(number(y + 19))\" font-size=\"12\" "
                    + "fill=\"#555\">not enough answers</text>"
            }
            if let marker = bar.marker {
                let x = labelWidth + barWidth * max(0, min(100, marker)) / 100
                svg +=
                    "<line x1=\"\(number(x))\" y1=\"\(number(y + 2))\" x2=\"\(number(x))\" y2=\"\(number(y + 28))\" "
                    + "stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"
            }
            svg += "\n"
        }
        return svg + "</svg>"
    }

    /// The opening of every chart: its size, and a title that screen readers read out.
    static func opening(width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\" aria-label=\"\(Escaping.html(title))\">\n"
            + "<title>\(Escaping.html(title))</title>\n"
    }

    /// A coordinate: a whole number as it is, anything else to one decimal.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(cFormat: "%.1f", value)
    }
}
