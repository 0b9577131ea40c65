import FoundationEssentials
import Glibc

/// Which questions of a bank one sitting asks (a form), and in which order a person sees
/// each question's options.
///
/// Everything here is deterministic: the same bank, name and earlier results give the
/// same form, so a class can share a form by name and a test can predict it. A form's
/// scored items come in area order (the order the bank first names each area), then bank
/// order; the bank's unscored items (reflections) close the form.
public enum QuizForms {
    /// The areas of a bank's scored items, in the order the bank first names them.
    public static func areas(of bank: Questionnaire) -> [String] {
        var seen: [String] = []
        for item in bank.scoredItems {
            if let area = item.area, !seen.contains(area) { seen.append(area) }
        }
        return seen
    }

    /// The form everyone who names it gets: in each area, the `perArea` items with the
    /// lowest draw from a generator seeded by the name (letter case and surrounding spaces
    /// ignored, so "Monday" and "monday " are one form).
    public static func named(_ name: String, bank: Questionnaire) -> Questionnaire {
        var generator = SplitMix64(seed: "form|" + name.trimmedSpaces.lowercased())
        let draws = bank.items.map { _ in generator.next() }
        return form(of: bank) { candidates in
            candidates.sorted { draws[$0] < draws[$1] }
        }
    }

    /// The form for a person without a named form: items they have not seen in their
    /// earlier results of this bank first, then the least recently seen; ties are broken
    /// by a draw seeded by the person and how many earlier results they have, so the form
    /// changes from one sitting to the next but is fixed for a given store.
    public static func forPerson(_ person: String, earlier: [AssessmentResult], bank: Questionnaire)
        -> Questionnaire
    {
        let theirs = earlier.filter { $0.questionnaire.id == bank.id }
        var lastSeen: [String: Date] = [:]
        for result in theirs {
            for answer in result.answers where lastSeen[answer.item].map({ $0 < result.takenAt }) ?? true {
                lastSeen[answer.item] = result.takenAt
            }
        }
        var generator = SplitMix64(seed: "person|\(PersonName.key(person))|\(theirs.count)")
        let draws = bank.items.map { _ in generator.next() }
        return form(of: bank) { candidates in
            candidates.sorted { a, b in
                switch (lastSeen[bank.items[a].id], lastSeen[bank.items[b].id]) {
                case (nil, _?): true
                case (_?, nil): false
                case (let x?, let y?) where x != y: x < y
                default: draws[a] < draws[b]
                }
            }
        }
    }

    /// The form of the items named (an answers file on a drawn bank), in form order.
    public static func withItems(_ ids: Set<String>, bank: Questionnaire) -> Questionnaire {
        var form = bank
        form.draw = nil
        form.items = ordered(bank.items.indices.filter { ids.contains(bank.items[$0].id) }, bank: bank)
            .map { bank.items[$0] }
        return form
    }

    /// Items of the bank (by index) in form order: scored items by area order then bank
    /// order, unscored items last.
    static func ordered(_ indices: [Int], bank: Questionnaire) -> [Int] {
        let areaOrder = areas(of: bank)
        let scored = indices.filter { bank.items[$0].isScored }
        let rank = { (index: Int) in areaOrder.firstIndex(of: bank.items[index].area ?? "") ?? areaOrder.count }
        return scored.sorted { (rank($0), $0) < (rank($1), $1) } + indices.filter { !bank.items[$0].isScored }
    }

    /// `preference` puts an area's candidate indices in the order they should be taken.
    private static func form(of bank: Questionnaire, preference: ([Int]) -> [Int]) -> Questionnaire {
        guard let perArea = bank.draw?.perArea else { return bank }
        var chosen: [Int] = []
        for area in areas(of: bank) {
            let candidates = bank.items.indices.filter { bank.items[$0].isScored && bank.items[$0].area == area }
            chosen += preference(candidates).prefix(perArea)
        }
        chosen += bank.items.indices.filter { !bank.items[$0].isScored }
        var form = bank
        form.draw = nil
        form.items = ordered(chosen, bank: bank).map { bank.items[$0] }
        return form
    }

    /// The order a person sees a question's options in: `order[position]` is the authored
    /// index of the option shown at that position. Seeded by the person and the item, so
    /// going back, resuming a draft or taking the question again shows the same order.
    public static func optionOrder(person: String, item: String, count: Int) -> [Int] {
        var generator = SplitMix64(seed: "options|\(PersonName.key(person))|\(item)")
        var order = Array(0..<count)
        // Fisher–Yates written out: Swift's own shuffle may change between releases, and
        // a stored order must be reproducible.
        for index in stride(from: count - 1, to: 0, by: -1) {
            let other = Int(generator.next() % UInt64(index + 1))
            order.swapAt(index, other)
        }
        return order
    }
}

extension SplitMix64 {
    /// Seeded by the 64-bit FNV-1a hash of a text, so a name always gives the same sequence.
    public init(seed text: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        self.init(seed: hash)
    }
}
