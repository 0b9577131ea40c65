import FoundationEssentials
import Glibc

/// `skills practice --status` as text: the counts, then each area's questions by box (a table,
/// or one wrapped line per area when the table would be wider than the terminal).
public enum PracticeStatusRenderer {
    public static func text(_ status: PracticeStatus, style: TextStyle) -> String {
        let zone = zoneName(style.timeZone)
        let title = TextStyle.wrap(
            "Practice for \(TextSafety.visible(status.person)) on \(status.day.iso) (days in \(zone))",
            width: style.width, indent: "")
        var lines = title.split(separator: "\n").map { style.bold(String($0)) }
        var counts = "Due today: \(status.dueToday) · due later: \(status.dueLater)"
        if let next = status.nextDue { counts += " (next on \(next.iso))" }
        counts += " · retired: \(status.retired) · unseen: \(status.unseen)"
        lines.append(TextStyle.wrap(counts, width: style.width, indent: ""))
        if !status.areas.isEmpty {
            lines.append("")
            lines.append(areaTable(status, width: style.width))
        }
        lines.append("")
        let spacing = status.intervals.map(String.init).joined(separator: ", ")
        lines.append(
            TextStyle.wrap(
                "A right answer moves a question up a box; it comes back after \(spacing) days (box 1, 2, …), "
                    + "and after the last box it is retired. A wrong answer sends it back to box 1.",
                width: style.width, indent: ""))
        lines.append(TextStyle.wrap(next(status), width: style.width, indent: ""))
        return lines.joined(separator: "\n")
    }

    static func next(_ status: PracticeStatus) -> String {
        guard !status.session.isEmpty else {
            if let next = status.nextDue {
                return "Nothing to practise today; next on \(next.iso). Meanwhile: skills take scenario-quiz"
            }
            return "Nothing to practise. Next: skills take scenario-quiz"
        }
        let due = min(status.dueToday, status.session.count)
        return "Next: skills practice (asks \(status.session.count): \(due) due, "
            + "\(status.session.count - due) unseen)"
    }

    static func areaTable(_ status: PracticeStatus, width: Int) -> String {
        let boxes = status.intervals.indices.map { "Box \($0 + 1)" }
        var rows = [["Area"] + boxes + ["Retired", "Unseen"]]
        for area in status.areas {
            rows.append(
                [TextSafety.visible(area.name)] + area.boxes.map(String.init) + [
                    String(area.retired), String(area.unseen),
                ])
        }
        let table = TextTable.render(rows, rightAligned: Array(1..<rows[0].count))
        if table.split(separator: "\n").allSatisfy({ $0.count <= width }) { return table }
        return status.areas.map { area in
            let inBoxes = area.boxes.enumerated().map { "box \($0.offset + 1): \($0.element)" }.joined(separator: ", ")
            // A hanging indent: the area's name starts the line, its continuations are indented.
            let wrapped = TextStyle.wrap(
                "\(TextSafety.visible(area.name)): \(inBoxes); retired \(area.retired); unseen \(area.unseen)",
                width: width, indent: "  ")
            return String(wrapped.dropFirst(2))
        }.joined(separator: "\n")
    }

    static func zoneName(_ zone: Zone) -> String { zone.identifier == "GMT" ? "UTC" : zone.identifier }
}
