import FoundationEssentials
import Glibc

/// Each trainee's missed questions (right-or-wrong items below full marks, a skip included),
/// as the class group noted them row by row.
enum MissedQuestions {
    /// In the order of `rows` (the participants' order), people with nothing missed left out.
    static func list(_ group: ClassGroup, rows: [Int32], name: (Int32) -> String) -> [ClassSummary.MissedByTrainee] {
        guard !group.missed.isEmpty else { return [] }
        return rows.compactMap { row in
            guard let missed = group.missed[row] else { return nil }
            return .init(name: name(row), missed: missed.map { group.items[$0].id })
        }
    }
}
