import Foundation

/// Each trainee's missed questions (right-or-wrong items below full marks, a skip included),
/// from the columns the class summary already holds.
enum MissedQuestions {
    /// In the order of `rows` (the participants' order), people with nothing missed left out.
    static func list(_ group: ClassGroup, rows: [Int], name: (Int) -> String) -> [ClassSummary.MissedByTrainee] {
        let questions = group.items.indices.filter { group.items[$0].type.isRightOrWrong }
        guard !questions.isEmpty else { return [] }
        return rows.compactMap { row in
            let missed = questions.filter { item in
                let points = group.points[item][row]
                // NaN: the trainee's form did not ask it (a skip is stored as 0).
                return !points.isNaN && Double(points) < group.items[item].maxPoints
            }
            guard !missed.isEmpty else { return nil }
            return .init(name: name(row), missed: missed.map { group.items[$0].id })
        }
    }
}
