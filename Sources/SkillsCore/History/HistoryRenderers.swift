import FoundationEssentials
import Glibc

/// `skills history` as text (a table and a trend line per area), Markdown and CSV. JSON
/// is the `History` value itself.
public enum HistoryRenderer {
    /// ▁▂▃▄▅▆▇█ on the absolute 0–100 scale, so lines can be compared across areas;
    /// `·` where an area had too few answers.
    public static func sparkline(_ scores: [Double?]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(
            scores.map { score in
                guard let score else { return "·" }
                return blocks[min(7, max(0, Int(score / 100 * 8)))]
            })
    }

    /// The latest results' trend line in at most `cells`: after years of daily check-ins the
    /// whole line would be a thousand cells; "…" marks that earlier ones are left out.
    static func sparkline(_ scores: [Double?], cells: Int) -> String {
        guard scores.count > cells else { return sparkline(scores) }
        return "…" + sparkline(Array(scores.suffix(max(1, cells - 1))))
    }

    /// "75 +13↑" for a reliable change, "75 +6" for one within measurement error.
    static func cell(_ score: Double?, _ change: Double?, _ reliable: Bool?) -> String {
        guard let change else { return TextStyle.score(score) }
        let arrow = reliable == true ? (change > 0 ? "↑" : change < 0 ? "↓" : "") : ""
        if let score, let cell = written(Int(score.rounded()), Int(change.rounded()), arrow) { return cell }
        return TextStyle.score(score) + " " + TextStyle.signed(change) + arrow
    }

    /// The same cell written byte by byte into one small string, for whole numbers of up to
    /// three digits: a long history has thousands of cells, and joining four strings made
    /// each cost more than the rest of its row. Nil for anything else.
    private static func written(_ score: Int, _ change: Int, _ arrow: String) -> String? {
        guard (0...999).contains(score), (-999...999).contains(change), arrow.utf8.count <= 3 else { return nil }
        return String(unsafeUninitializedCapacity: 15) { buffer in
            var at = 0
            func put(_ byte: UInt8) {
                buffer[at] = byte
                at += 1
            }
            func number(_ value: Int) {
                if value >= 100 { put(UInt8(48 + value / 100)) }
                if value >= 10 { put(UInt8(48 + value / 10 % 10)) }
                put(UInt8(48 + value % 10))
            }
            number(score)
            put(0x20)
            if change > 0 { put(0x2B) } else if change < 0 { put(0x2D) }
            number(abs(change))
            for byte in arrow.utf8 { put(byte) }
            return at
        }
    }

    public static func text(_ history: History, style: TextStyle = TextStyle()) -> String {
        let v = { (text: String) in TextSafety.visible(text) }
        var lines = [
            style.bold(
                "\(v(history.person)) · \(v(history.title)) · \(history.entries.count) "
                    + "result\(history.entries.count == 1 ? "" : "s")"
            )
        ]
        guard !history.entries.isEmpty else { return lines.joined() + "\nNo results in this period.\n" }
        let names = history.areas.map { v($0.name) }
        // The results' cells are made and measured once; only the heading differs between the
        // tables tried.
        let body = history.entries.map { entry in
            var row = [style.date(entry.takenAt), cell(entry.overall, entry.change, entry.reliable)]
            row.reserveCapacity(2 + history.areas.count)
            for trend in history.areas {
                let point = entry.areas.first { $0.area == trend.area }
                row.append(cell(point?.score, point?.change, point?.reliable))
            }
            return row
        }
        let heading = ["DATE", "OVERALL"]
        let right = Array(1..<(2 + names.count))
        let measured = TextTable.measure(count: body.count, row: { body[$0] }).columns
        let table = { (areaHeadings: [String], columns: [Int]) in
            TextTable.write(
                count: body.count + 1, row: { $0 == 0 ? heading + areaHeadings : body[$0 - 1] }, columns: columns,
                rightAligned: right, line: { lines.append($0) })
        }
        lines.append("")
        // Areas by name; else by code with a legend; else one block per result.
        let named = TextTable.widths(heading: heading + names, body: measured)
        if named.total <= style.width {
            table(names, named.columns)
        } else {
            let codes = AreaCodes(ids: history.areas.map(\.area), names: names)
            let coded = TextTable.widths(heading: heading + codes.codes, body: measured)
            if coded.total <= style.width {
                table(codes.codes, coded.columns)
                lines.append(style.dim(codes.legend(style: style)))
            } else {
                lines.append(TextTable.render([heading + names] + body, rightAligned: right, width: style.width))
            }
        }
        lines.append("")
        lines.append(
            style.bold("Overall") + "  \(sparkline(history.entries.map(\.overall), cells: style.width - 22))  latest "
                + TextStyle.score(history.entries.last?.overall))
        if let trend = history.trend { lines.append(TextStyle.wrap(trend.sentence, width: style.width, indent: "  ")) }
        lines.append(
            style.bold(
                style.wrap(
                    "Per area (trend line, average of the last \(History.window) with its 90% band, latest, best)",
                    indent: "")))
        let nameWidth = names.map { TerminalCells.count($0) }.max() ?? 0
        for (trend, name) in zip(history.areas, names) {
            // Room beside the name, or under it when the name stands on a line of its own.
            let room = 2 + nameWidth + 2 <= style.width / 2 ? style.width - nameWidth - 4 : style.width - 4
            var line = sparkline(trend.scores, cells: room)
            if let mean = trend.rollingMean, let band = trend.rollingBand {
                line +=
                    "  average \(TextStyle.score(mean)) (\(TextStyle.score(band.low))–\(TextStyle.score(band.high)))"
            }
            line += "  latest \(TextStyle.score(trend.latest))"
            if let change = trend.change {
                let reliable = history.entries.last?.areas.first { $0.area == trend.area }?.reliable
                line += ", \(TextStyle.change(change, reliable: reliable))"
            }
            line += ", best \(TextStyle.score(trend.best))"
            if let note = TextStyle.targetNote(score: trend.latest, target: trend.target) { line += ", \(note)" }
            lines.append(style.labelled(name, width: nameWidth, line))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ history: History, style: TextStyle = TextStyle()) -> String {
        let md = Escaping.markdown
        var lines = ["# History: \(md(history.person)), \(md(history.title))", ""]
        lines.append("| Date | Overall | " + history.areas.map { md($0.name) }.joined(separator: " | ") + " |")
        lines.append("|---|---:|" + String(repeating: "---:|", count: history.areas.count))
        for entry in history.entries {
            let cells = history.areas.map { trend in
                let point = entry.areas.first { $0.area == trend.area }
                return cell(point?.score, point?.change, point?.reliable)
            }
            lines.append(
                "| \(style.date(entry.takenAt)) | \(cell(entry.overall, entry.change, entry.reliable)) | "
                    + cells.joined(separator: " | ") + " |")
        }
        lines += ["", "| Area | Trend | Latest | Change | Best | Target |", "|---|---|---:|---:|---:|---|"]
        for trend in history.areas {
            lines.append(
                "| \(md(trend.name)) | \(sparkline(trend.scores)) | \(TextStyle.score(trend.latest)) | "
                    + "\(trend.change.map(TextStyle.change) ?? "") | \(TextStyle.score(trend.best)) | "
                    + "\(TextStyle.targetNote(score: trend.latest, target: trend.target) ?? "") |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per result: unrounded scores, for a spreadsheet.
    public static func csv(_ history: History) -> String {
        var rows = [
            Escaping.csvRow(
                ["person", "questionnaire", "version", "taken_at", "result", "overall"] + history.areas.map(\.area))
        ]
        for entry in history.entries {
            let scores = history.areas.map { trend in
                entry.areas.first { $0.area == trend.area }?.score.map(TextStyle.decimal) ?? ""
            }
            rows.append(
                Escaping.csvRow(
                    [
                        history.person, history.questionnaire, entry.version, ISODate.string(entry.takenAt),
                        entry.result, entry.overall.map(TextStyle.decimal) ?? "",
                    ] + scores))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// Up to two decimals, without trailing zeros: 37.5, 55, 33.33.
}
