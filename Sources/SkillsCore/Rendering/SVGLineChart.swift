import FoundationEssentials
import Glibc

/// A 0–100 score over time as inline SVG: each result as a dot joined by a thin line, the
/// rolling mean as a thick line inside its shaded band, and reliable changes ringed with an
/// arrow. No scripts or fonts to fetch; the shapes differ as well as the colours, so it reads
/// in black and white.
public enum SVGLineChart {
    public struct Point: Sendable {
        /// Shown under the axis for the first, last and some points between.
        public var label: String
        public var score: Double?
        public var mean: Double?
        public var band: ScoreBand?
        /// +1 for a reliable rise since the result before, −1 for a reliable fall, 0 otherwise.
        public var reliableChange: Int
        /// Where the point stands on the time axis, so a two-week gap looks longer than a day.
        public var time: Date

        public init(label: String, time: Date, score: Double?, mean: Double?, band: ScoreBand?, reliableChange: Int) {
            self.label = label
            self.time = time
            self.score = score
            self.mean = mean
            self.band = band
            self.reliableChange = reliableChange
        }
    }

    static let width = 640.0
    static let height = 230.0
    static let left = 40.0
    static let right = 44.0
    static let top = 12.0
    static let bottom = 34.0
    static let rise = "#1a7f37"
    static let fall = "#b42318"
    static let meanColour = "#1f5fa8"
    static let bandColour = "#cfe0f5"

    public static func chart(_ points: [Point], title: String, target: Double? = nil) -> String {
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let start = points.first?.time ?? Date()
        let span = (points.last?.time ?? start).timeIntervalSince(start)
        func x(_ index: Int) -> Double {
            guard points.count > 1 else { return left + plotWidth / 2 }
            guard span > 0 else { return left + plotWidth * Double(index) / Double(points.count - 1) }
            return left + plotWidth * points[index].time.timeIntervalSince(start) / span
        }
        func y(_ score: Double) -> Double { top + plotHeight * (1 - max(0, min(100, score)) / 100) }
        var svg = SVGChart.opening(width: width, height: height, title: title)
        for tick in stride(from: 0, through: 100, by: 20) {
            let at = y(Double(tick))
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(at))\" x2=\"\(f(width - right))\" y2=\"\(f(at))\" "
                + "stroke=\"#e3e3e3\"/>"
                + "<text x=\"\(f(left - 6))\" y=\"\(f(at + 4))\" font-size=\"11\" text-anchor=\"end\" "
                + "fill=\"#555\">\(tick)</text>\n"
        }
        // The band, as one shape over the stretch of points that have one.
        let banded = points.indices.filter { points[$0].band != nil }
        if banded.count >= 2 {
            let upper = banded.map { "\(f(x($0))),\(f(y(points[$0].band!.high)))" }
            let lower = banded.reversed().map { "\(f(x($0))),\(f(y(points[$0].band!.low)))" }
            svg +=
                "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(bandColour)\" "
                + "stroke=\"none\"/>\n"
        } else if let only = banded.first, let band = points[only].band {
            svg +=
                "<rect x=\"\(f(x(only) - 6))\" y=\"\(f(y(band.high)))\" width=\"12\" "
                + "height=\"\(f(y(band.low) - y(band.high)))\" fill=\"\(bandColour)\"/>\n"
        }
        if let target {
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y(target)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(target)))\" "
                + "stroke=\"#000\" stroke-width=\"1\" stroke-dasharray=\"6 3\"/>"
                + "<text x=\"\(f(width - right))\" y=\"\(f(y(target) - 4))\" font-size=\"11\" "
                + "text-anchor=\"end\">target \(Int(target.rounded()))</text>\n"
        }
        let means = points.indices.compactMap { index in points[index].mean.map { "\(f(x(index))),\(f(y($0)))" } }
        if means.count >= 2 {
            svg +=
                "<polyline points=\"\(means.joined(separator: " "))\" fill=\"none\" stroke=\"\(meanColour)\" "
                + "stroke-width=\"3\"/>\n"
        }
        let scores = points.indices.compactMap { index in points[index].score.map { "\(f(x(index))),\(f(y($0)))" } }
        if scores.count >= 2 {
            svg +=
                "<polyline points=\"\(scores.joined(separator: " "))\" fill=\"none\" stroke=\"#777\" "
                + "stroke-width=\"1\" stroke-dasharray=\"2 2\"/>\n"
        }
        for (index, point) in points.enumerated() {
            guard let score = point.score else { continue }
            let (cx, cy) = (x(index), y(score))
            svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"3.5\" fill=\"#222\"/>"
            if point.reliableChange != 0 {
                let colour = point.reliableChange > 0 ? rise : fall
                let arrow = point.reliableChange > 0 ? "↑" : "↓"
                svg +=
                    "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"8\" fill=\"none\" stroke=\"\(colour)\" "
                    + "stroke-width=\"2\"/><text x=\"\(f(cx + 11))\" y=\"\(f(cy + 4))\" font-size=\"13\" "
                    + "font-weight=\"bold\" fill=\"\(colour)\">\(arrow)</text>"
            }
            svg += "\n"
        }
        for index in labelled(points.indices.map { x($0) }) {
            // Centred under its point; the margins leave room for the first and last.
            let anchor = "middle"
            svg +=
                "<text x=\"\(f(x(index)))\" y=\"\(f(height - 14))\" font-size=\"11\" text-anchor=\"\(anchor)\" "
                + "fill=\"#555\">\(Escaping.html(points[index].label))</text>\n"
        }
        return svg + "</svg>"
    }

    /// What the marks mean, once per page.
    public static func legend() -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 640 24\" width=\"640\" height=\"24\" "
            + "aria-label=\"Legend\"><title>Legend</title>"
            + "<circle cx=\"8\" cy=\"12\" r=\"3.5\" fill=\"#222\"/>"
            + "<text x=\"16\" y=\"16\" font-size=\"12\">one result</text>"
            + "<line x1=\"100\" y1=\"12\" x2=\"126\" y2=\"12\" stroke=\"\(meanColour)\" stroke-width=\"3\"/>"
            + "<text x=\"132\" y=\"16\" font-size=\"12\">average of the last \(History.window)</text>"
            + "<rect x=\"268\" y=\"4\" width=\"26\" height=\"16\" fill=\"\(bandColour)\"/>"
            + "<text x=\"300\" y=\"16\" font-size=\"12\">its 90% band</text>"
            + "<circle cx=\"394\" cy=\"12\" r=\"7\" fill=\"none\" stroke=\"\(rise)\" stroke-width=\"2\"/>"
            + "<text x=\"406\" y=\"16\" font-size=\"12\">reliable change (↑ rise, ↓ fall)</text></svg>"
    }

    /// The first and last points' labels and, between, each one at least a label's width from
    /// its neighbours, so dates never overlap however close the results are in time.
    static func labelled(_ positions: [Double]) -> [Int] {
        guard let last = positions.indices.last else { return [] }
        let gap = 72.0
        var chosen = [0]
        for index in positions.indices.dropFirst().dropLast()
        where positions[index] - positions[chosen.last!] >= gap && positions[last] - positions[index] >= gap {
            chosen.append(index)
        }
        if last > 0 {
            if positions[last] - positions[chosen.last!] < gap, chosen.count > 1 { chosen.removeLast() }
            chosen.append(last)
        }
        return chosen
    }

    private static func f(_ value: Double) -> String { SVGChart.number(value) }
}
