import FoundationEssentials
import Glibc

/// The training gain as text, Markdown and CSV. JSON is the `GainReport` itself; HTML is
/// in `GainHTML`.
public enum GainRenderer {
    static func one(_ value: Double?) -> String { value.map { String(cFormat: "%.1f", $0) } ?? "–" }
    static func two(_ value: Double?) -> String { value.map { String(cFormat: "%.2f", $0) } ?? "–" }
    static func signed(_ value: Double?) -> String {
        guard let value else { return "–" }
        let text = String(cFormat: "%+.1f", value)
        return text == "-0.0" ? "+0.0" : text
    }

    static func interval(_ row: GainReport.Row) -> String {
        guard let interval = row.effectSizeInterval ?? row.effectSizeApproximateInterval else { return "–" }
        return "\(two(interval.low)) to \(two(interval.high))"
    }

    static func reliable(_ counts: GainReport.ReliableChanges) -> String {
        "\(counts.up) up, \(counts.down) down, \(counts.noClearChange) neither"
            + (counts.undetermined > 0 ? ", \(counts.undetermined) unknown" : "")
    }

    static func basis(_ row: GainReport.Row) -> String {
        switch row.basis {
        case .sameItems: "same items"
        case .itemsInCommon: "\(row.commonItems ?? 0) items in common"
        case .wholeForms: "whole forms (\(row.commonItems ?? 0) in common)"
        }
    }

    static func heading(_ report: GainReport) -> String {
        "\(report.title) (\(report.questionnaire)) · \(report.matched) "
            + "\(report.matched == 1 ? "person" : "people") in both sittings, "
            + (report.attempts == "latest" ? "latest attempt each" : "first attempt each")
    }

    static func sitting(_ name: String, _ sitting: GainReport.Sitting, timeZone: Zone) -> String {
        let days = [sitting.from, sitting.to].compactMap { $0 }.map { day($0, timeZone: timeZone) }
        let span = days.isEmpty ? "" : ", " + (days[0] == days[1] ? days[0] : "\(days[0]) to \(days[1])")
        return "\(name): \(sitting.label) (\(sitting.results) result\(sitting.results == 1 ? "" : "s"), "
            + "\(sitting.people) \(sitting.people == 1 ? "person" : "people")\(span), version "
            + "\(sitting.versions.joined(separator: ", ")))"
    }

    /// The day in the reader's zone, named by its identifier ("2026-11-02 (America/New_York)"): Linux
    /// Foundation abbreviates most zones as "GMT-5", which says less.
    static func day(_ date: Date, timeZone: Zone) -> String {
        let f = timeZone.fields(date)
        return "\(f.year)-\(ISODate.twoDigits(f.month))-\(ISODate.twoDigits(f.day)) (\(timeZone.identifier))"
    }

    static var hakeNote: String {
        "Hake's gain is the class-average form, (mean after − mean before) / (100 − mean before): the share of the "
            + "possible improvement the class made. d_z is the mean change over the spread of the changes, with its "
            + "exact 95% interval. A reliable change is one beyond measurement error (|RCI| ≥ 1.645)."
    }

    static var noSpreadNote: String {
        "d_z is missing where everyone changed by the same amount: with no spread in the changes there is "
            + "nothing to measure the change against."
    }

    static func people(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }

    // MARK: Text

    public static func text(_ report: GainReport, style: TextStyle = TextStyle()) -> String {
        let v = { (text: String) in TextSafety.visible(text) }
        let width = max(style.width, 40)
        let wrap = { (text: String) in TextStyle.wrap(text, width: width, indent: "") }
        var out = [style.bold(wrap("Training gain · " + v(heading(report))))]
        out.append(hanging(v(sitting("Before", report.before, timeZone: style.timeZone)), width: width))
        out.append(hanging(v(sitting("After", report.after, timeZone: style.timeZone)), width: width))
        out += report.caveats.map { hanging("Caveat: " + v($0), width: width) }

        let rows = [report.overall] + report.areas
        out += ["", style.bold(wrap("Scores before and after (class means, 0–100)"))]
        out += fitted(
            [["", "N", "BEFORE", "AFTER", "CHANGE", "HAKE g"]]
                + rows.map { row in
                    [
                        v(row.name), String(row.people), one(row.meanBefore), one(row.meanAfter),
                        signed(row.meanChange), two(row.hakeGain),
                    ]
                }, rows: rows, rightAligned: [1, 2, 3, 4, 5], width: width
        ) { row in
            "\(v(row.name)) (\(row.people)): before \(one(row.meanBefore)), after \(one(row.meanAfter)), change "
                + "\(signed(row.meanChange)), Hake g \(two(row.hakeGain))"
        }
        out += ["", style.bold(wrap("More than noise? (effect size d_z and people who changed reliably)"))]
        out += fitted(
            [["", "d_z", "95% INTERVAL", "UP", "DOWN", "NEITHER", "UNKNOWN"]]
                + rows.map { row in
                    [
                        v(row.name), two(row.effectSize), interval(row), String(row.reliableChange.up),
                        String(row.reliableChange.down), String(row.reliableChange.noClearChange),
                        String(row.reliableChange.undetermined),
                    ]
                }, rows: rows, rightAligned: [1, 3, 4, 5, 6], width: width
        ) { row in
            "\(v(row.name)): d_z \(two(row.effectSize)), 95% interval \(interval(row)); reliable change "
                + reliable(row.reliableChange)
        }
        // Whole-form rows are named in the caveat; these are the rows rescored on fewer items.
        let compared = rows.filter { $0.basis == .itemsInCommon }
        if !compared.isEmpty {
            out += [
                "",
                wrap(
                    "Forms differ; compared on the items everyone was asked in both sittings: "
                        + compared.map { "\(v($0.name)) (\($0.commonItems ?? 0))" }.joined(separator: ", ") + "."),
            ]
        }
        out += ["", wrap(hakeNote)]
        if rows.contains(where: { $0.people >= 2 && $0.effectSize == nil }) {
            out += ["", wrap(noSpreadNote)]
        }

        out += ["", style.bold(wrap("People in both sittings (overall)"))]
        let personRows = report.people.map { person in
            [
                v(person.name), one(person.before), one(person.after), signed(person.change),
                person.reliableChange.map(direction) ?? "unknown",
            ]
        }
        let personTable = TextTable.render(
            [["NAME", "BEFORE", "AFTER", "CHANGE", "RELIABLE"]] + personRows, rightAligned: [1, 2, 3])
        if personTable.split(separator: "\n").allSatisfy({ $0.count <= width }) {
            out.append(personTable)
        } else {
            out += personRows.map { wrapIndented("\($0[0]): \($0[1]) → \($0[2]) (\($0[3]), \($0[4]))", width: width) }
        }
        out += [
            "", wrap("Only before: " + v(people(report.unmatched.before))),
            wrap("Only after: " + v(people(report.unmatched.after))),
        ]
        return out.joined(separator: "\n") + "\n"
    }

    /// The table when it fits the width, else one wrapped line per row.
    static func fitted(
        _ table: [[String]], rows: [GainReport.Row], rightAligned: [Int], width: Int,
        folded: (GainReport.Row) -> String
    ) -> [String] {
        let text = TextTable.render(table, rightAligned: rightAligned)
        if text.split(separator: "\n").allSatisfy({ $0.count <= width }) { return [text] }
        return rows.map { hanging(folded($0), width: width) }
    }

    static func direction(_ direction: ReliableChange.Direction) -> String {
        switch direction {
        case .up: "up"
        case .down: "down"
        case .none: "no clear change"
        }
    }

    /// The first line flush, the rest indented by two.
    static func hanging(_ text: String, width: Int) -> String {
        String(TextStyle.wrap(text, width: width, indent: "  ").dropFirst(2))
    }

    /// Wrapped with a two-space indent.
    static func wrapIndented(_ text: String, width: Int) -> String {
        TextStyle.wrap(text, width: width, indent: "  ")
    }

    // MARK: Markdown

    public static func markdown(_ report: GainReport) -> String {
        let md = Escaping.markdown
        var out = [
            "# Training gain", "", md(heading(report)), "",
            "- " + md(sitting("Before", report.before, timeZone: Zone.utc)),
            "- " + md(sitting("After", report.after, timeZone: Zone.utc)),
        ]
        out += report.caveats.map { "\n> **Caveat:** " + md($0) }
        out += [
            "", "## Per area and overall", "",
            "| | N | Before | After | Change | Hake g | d_z | 95% interval | Reliable change | Compared on |",
            "|---|---:|---:|---:|---:|---:|---:|---|---|---|",
        ]
        for row in [report.overall] + report.areas {
            out.append(
                "| \(md(row.name)) | \(row.people) | \(one(row.meanBefore)) | \(one(row.meanAfter)) | "
                    + "\(signed(row.meanChange)) | \(two(row.hakeGain)) | \(two(row.effectSize)) | \(interval(row)) | "
                    + "\(reliable(row.reliableChange)) | \(basis(row)) |")
        }
        out += ["", md(hakeNote)]
        if ([report.overall] + report.areas).contains(where: { $0.people >= 2 && $0.effectSize == nil }) {
            out += ["", md(noSpreadNote)]
        }
        out += ["", "## People in both sittings (overall)", ""]
        out += ["| Name | Before | After | Change | Reliable change |", "|---|---:|---:|---:|---|"]
        for person in report.people {
            out.append(
                "| \(md(person.name)) | \(one(person.before)) | \(one(person.after)) | \(signed(person.change)) | "
                    + "\(person.reliableChange.map(direction) ?? "unknown") |")
        }
        out += [
            "", "## Not matched", "", "- Only before: " + md(people(report.unmatched.before)),
            "- Only after: " + md(people(report.unmatched.after)),
        ]
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    /// One row for the overall and one per area, unrounded, for a spreadsheet.
    public static func csv(_ report: GainReport) -> String {
        let number = { (value: Double?) in value.map { String($0) } ?? "" }
        var rows = [
            Escaping.csvRow([
                "questionnaire", "area", "name", "people", "mean_before", "mean_after", "mean_change", "hake_gain",
                "d_z", "d_z_low", "d_z_high", "reliable_up", "reliable_down", "no_clear_change", "undetermined",
                "basis", "common_items",
            ])
        ]
        for row in [report.overall] + report.areas {
            let interval = row.effectSizeInterval ?? row.effectSizeApproximateInterval
            // Numbers are written as they are: a change or an interval may be negative, and
            // the formula guard would turn "-3.5" into text.
            let text = [report.questionnaire, row.area ?? "overall", row.name].map(Escaping.csv)
            let numbers = [
                String(row.people), number(row.meanBefore), number(row.meanAfter), number(row.meanChange),
                number(row.hakeGain), number(row.effectSize), number(interval?.low), number(interval?.high),
                String(row.reliableChange.up), String(row.reliableChange.down),
                String(row.reliableChange.noClearChange), String(row.reliableChange.undetermined),
            ]
            rows.append(
                (text + numbers + [row.basis.rawValue, row.commonItems.map(String.init) ?? ""])
                    .joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }
}
