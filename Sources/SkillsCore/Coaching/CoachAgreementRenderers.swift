import FoundationEssentials
import Glibc

/// The coach agreement report as text, Markdown and CSV (HTML is in `CoachAgreementHTML`;
/// JSON is the value itself).
public enum CoachAgreementRenderer {
    static func alpha(_ value: Double?) -> String { value.map { String(cFormat: "%.2f", $0) } ?? "–" }
    static func percent(_ value: Double?) -> String { value.map { "\(Int($0.rounded()))%" } ?? "–" }
    static func signed(_ value: Double) -> String {
        let text = String(cFormat: "%+.2f", value)
        return text == "-0.00" ? "+0.00" : text
    }
    static func interval(_ value: ConfidenceInterval?, signed sign: Bool = false) -> String {
        guard let value else { return "–" }
        let f = sign ? signed : { String(cFormat: "%.2f", $0) }
        return "\(f(value.low)) to \(f(value.high))"
    }
    static func verdict(_ offset: CoachAgreementReport.CoachOffset) -> String {
        offset.verdict.map { $0 == "in-line" ? "in line" : $0 } ?? "too few ratings"
    }
    static func ratings(_ d: CoachAgreementReport.Disagreement) -> String {
        d.ratings.map { "\($0.coach) \($0.level) \($0.levelName)" }.joined(separator: ", ")
    }

    /// "3 coaches (Ana, Ben, Cy) observed 6 agents: 18 observations since 2026-11-01 00:00 UTC"
    static func summary(_ r: CoachAgreementReport, timeZone: Zone) -> String {
        let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
        var text =
            "\(r.coaches.count) coach\(r.coaches.count == 1 ? "" : "es")"
            + (r.coaches.isEmpty ? "" : " (\(r.coaches.joined(separator: ", ")))")
            + " observed \(plural(r.agents.count, "agent")): \(plural(r.observations, "observation"))"
        if let since = r.since { text += " since \(date(since, timeZone: timeZone))" }
        if let session = r.session { text += " in session '\(session)'" }
        if r.superseded > 0 {
            text +=
                "; \(r.superseded) earlier observation\(r.superseded == 1 ? "" : "s") of the same agent by the "
                + "same coach left out (the latest counts)"
        }
        return text + "."
    }

    static let method =
        "Alpha is Krippendorff's alpha for ordinal data (1 = full agreement, 0 = no better than chance; 0.8 "
        + "or more is commonly asked for, 0.667 the lowest to draw tentative conclusions from), with a 95% "
        + "percentile bootstrap interval that resamples the rated agent-area pairs. Offsets are in levels "
        + "from the consensus (the median of all the coaches' ratings of the same agent and area), with a "
        + "95% t interval: lenient or severe only "
        + "when the whole interval is above or below 0."

    static func reproducibility(_ r: CoachAgreementReport) -> String {
        "Bootstrap: \(r.replicates) resamples, seed \(r.seed) (the same observations always give the same "
            + "intervals). Levels: " + r.levels.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: ", ") + "."
    }

    static func date(_ date: Date, timeZone: Zone) -> String {
        let f = timeZone.fields(date)
        let two = ISODate.twoDigits
        return "\(f.year)-\(two(f.month))-\(two(f.day)) \(two(f.hour)):\(two(f.minute)) \(timeZone.identifier)"
    }

    static let areaHeader = ["AREA", "AGENTS", "ALPHA", "95% INTERVAL", "EXACT", "WITHIN 1"]
    static func areaRow(_ a: CoachAgreementReport.AreaAgreement) -> [String] {
        [
            a.name, String(a.units), alpha(a.alpha), interval(a.alphaInterval), percent(a.exact),
            percent(a.withinOneLevel),
        ]
    }
    static let offsetHeader = ["COACH", "RATINGS", "MEAN OFFSET", "95% INTERVAL", "VERDICT"]
    static func offsetRow(_ o: CoachAgreementReport.CoachOffset) -> [String] {
        [o.coach, String(o.ratings), signed(o.meanOffset), interval(o.interval, signed: true), verdict(o)]
    }

    public static func text(_ r: CoachAgreementReport, style: TextStyle = TextStyle()) -> String {
        let width = max(20, style.width)
        let safe = { (text: String) in TextSafety.visible(text) }
        let wrap = { (text: String) in TextStyle.wrap(text, width: width, indent: "") }
        var out = [style.bold(wrap("Coach calibration")), wrap(safe(summary(r, timeZone: style.timeZone)))]
        for note in r.notes { out.append(wrap(safe(note))) }
        guard r.coaches.count >= 2, r.allAreas.units > 0 else { return out.joined(separator: "\n") + "\n" }
        out += ["", style.bold(wrap("Agreement by area"))]
        out.append(
            fitted(
                [areaHeader] + (r.areas + [r.allAreas]).map { areaRow($0).map(safe) }, rightAligned: [1, 2, 3, 4, 5],
                width: width))
        let notes = r.areas.filter { $0.note != nil }
        for area in notes { out.append(wrap(safe("\(area.name): \(area.note ?? "")"))) }
        out += ["", style.bold(wrap("Each coach beside the others (in levels)"))]
        out.append(
            fitted(
                [offsetHeader] + r.coachOffsets.map { offsetRow($0).map(safe) }, rightAligned: [1, 2, 3], width: width))
        if !r.widestDisagreements.isEmpty {
            out += ["", style.bold(wrap("Talk these through first (widest disagreement)"))]
            for d in r.widestDisagreements {
                let line =
                    "\(d.agent), \(d.areaName): \(ratings(d)) (\(d.spread) level\(d.spread == 1 ? "" : "s") apart)"
                // Wrapped 2 narrower: the lines after the first are indented 2 more.
                out.append(
                    TextStyle.wrap(safe(line), width: width - 2, indent: "  ").replacingFirstIndent("  ", with: "    "))
            }
        }
        out += ["", wrap(method), wrap(reproducibility(r))]
        return out.joined(separator: "\n") + "\n"
    }

    /// A table when it fits the width; else one block per row, "HEADER: value" a line, so
    /// nothing is cut or wrapped mid-column on a narrow terminal.
    static func fitted(_ rows: [[String]], rightAligned: [Int], width: Int) -> String {
        let table = TextTable.render(rows, rightAligned: rightAligned)
        guard table.split(separator: "\n").contains(where: { $0.count > width }), let header = rows.first else {
            return table
        }
        return rows.dropFirst().map { row in
            zip(header, row).enumerated().map { column, pair in
                TextStyle.wrap(
                    column == 0 ? pair.1 : "\(pair.0.lowercased()): \(pair.1)", width: width,
                    indent: column == 0 ? "" : "  ")
            }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    public static func markdown(_ r: CoachAgreementReport, timeZone: Zone = Zone.utc)
        -> String
    {
        let md = Escaping.markdown
        var out = ["# Coach calibration", "", md(summary(r, timeZone: timeZone))]
        for note in r.notes { out += ["", md(note)] }
        guard r.coaches.count >= 2, r.allAreas.units > 0 else { return out.joined(separator: "\n") + "\n" }
        out += [
            "", "## Agreement by area", "", "| Area | Agents | Alpha | 95% interval | Exact | Within 1 | Note |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        out += (r.areas + [r.allAreas]).map {
            "| " + areaRow($0).map(md).joined(separator: " | ") + " | \(md($0.note ?? "")) |"
        }
        out += [
            "", "## Each coach beside the others (in levels)", "",
            "| Coach | Ratings | Mean offset | 95% interval | Verdict |", "|---|---:|---:|---:|---|",
        ]
        out += r.coachOffsets.map { "| " + offsetRow($0).map(md).joined(separator: " | ") + " |" }
        if !r.widestDisagreements.isEmpty {
            out += ["", "## Talk these through first (widest disagreement)", ""]
            out += r.widestDisagreements.map {
                "- \(md($0.agent)), \(md($0.areaName)): \(md(ratings($0))) (\($0.spread) apart)"
            }
        }
        out += ["", md(method), "", md(reproducibility(r))]
        return out.joined(separator: "\n") + "\n"
    }

    /// One row per area (and "all"), then one per coach, in one table with a `section` column
    /// so a spreadsheet can filter it. Only the text columns are escaped: an offset may be
    /// negative, and the apostrophe that guards a cell starting with "-" would stop a
    /// spreadsheet reading it as a number (the numbers are the program's own, never user text).
    public static func csv(_ r: CoachAgreementReport) -> String {
        let number = { (value: Double?) in value.map { String($0) } ?? "" }
        var rows = [
            [
                "section", "name", "id", "count", "alpha", "alpha_low", "alpha_high", "exact_percent",
                "within_one_percent", "mean_offset", "offset_low", "offset_high", "verdict", "note",
            ]
        ]
        rows += (r.areas + [r.allAreas]).map {
            [
                "area", $0.name, $0.area, String($0.units), number($0.alpha), number($0.alphaInterval?.low),
                number($0.alphaInterval?.high), number($0.exact), number($0.withinOneLevel), "", "", "", "",
                $0.note ?? "",
            ]
        }
        rows += r.coachOffsets.map {
            [
                "coach", $0.coach, "", String($0.ratings), "", "", "", "", "", String($0.meanOffset),
                number($0.interval?.low), number($0.interval?.high), $0.verdict ?? "", "",
            ]
        }
        let text: Set<Int> = [0, 1, 2, 12, 13]
        return rows.map { row in
            row.enumerated().map { text.contains($0) ? Escaping.csv($1) : $1 }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
