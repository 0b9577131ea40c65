import Foundation

/// How many people gave each answer to each rating item (1…5, "not applicable", skipped),
/// gathered one record at a time. The answer given is kept per attempt (a byte each), so the
/// counts can be taken over whichever attempts the summary uses (first or all).
public struct AnswerSpread: Sendable {
    /// Per item: the answer of each attempt. 0 is skipped, `notApplicable` is n/a, anything
    /// else is the scale value plus `offset` (so a 0–4 scale fits too).
    private var columns: [String: [UInt8]] = [:]
    /// The items in `columns`, kept apart so that padding them never iterates the dictionary
    /// while changing it (which would copy every column, per record).
    private var items: [String] = []
    private var attempts = 0
    static let notApplicable: UInt8 = 255
    static let offset = 100

    public init() {}

    /// One attempt's answers, in the order the attempts are added to the group.
    mutating func add(_ record: ClassRecord) {
        for answer in record.answers where answer.type == .rating {
            var code: UInt8 = 0
            if answer.notApplicable == true {
                code = Self.notApplicable
            } else if let given = answer.answer.flatMap({ Int($0) }), (-99...154).contains(given) {
                code = UInt8(given + Self.offset)
            }
            if columns[answer.item] == nil {
                items.append(answer.item)
                columns[answer.item] = Array(repeating: 0, count: attempts)
            }
            columns[answer.item]!.append(code)
        }
        attempts += 1
        for item in items where columns[item]!.count < attempts { columns[item]!.append(0) }
    }

    /// The spread of one item over the attempts (`rows`) used, every value from the lowest to
    /// the highest of the scale shown, even when nobody chose it; nil for an item that is not
    /// a rating. `scale` is the lowest and highest value, when known.
    func counts(item: String, rows: [Int], scale: ClosedRange<Int>) -> [ClassSummary.AnswerCount]? {
        guard let column = columns[item] else { return nil }
        var byValue: [Int: Int] = [:]
        var (notApplicable, skipped) = (0, 0)
        for row in rows where row < column.count {
            switch column[row] {
            case 0: skipped += 1
            case Self.notApplicable: notApplicable += 1
            case let code: byValue[Int(code) - Self.offset, default: 0] += 1
            }
        }
        let low = min(scale.lowerBound, byValue.keys.min() ?? scale.lowerBound)
        let high = max(scale.upperBound, byValue.keys.max() ?? scale.upperBound)
        return (low...high).map { ClassSummary.AnswerCount(answer: String($0), count: byValue[$0] ?? 0) }
            + [.init(answer: "n/a", count: notApplicable), .init(answer: "skipped", count: skipped)]
    }
}
