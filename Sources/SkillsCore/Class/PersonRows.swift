import FoundationEssentials
import Glibc

/// Which participant row holds each person (by `PersonName.key`), for "first attempt only":
/// an open-addressing table of row numbers, 4 bytes a slot, where a dictionary of names
/// would cost about 40 bytes a person (10 MB for a class of 300,000). A slot's person is
/// told by the name in the row itself.
struct PersonRows: Sendable {
    private var slots: [Int32]
    private var count = 0
    private static let empty: Int32 = -1

    init(expected: Int) {
        var capacity = 16
        while capacity * 3 < expected * 4 { capacity *= 2 }
        slots = Array(repeating: Self.empty, count: capacity)
    }

    /// The row of the person whose key is `key`; `name(row)` gives a row's name.
    func row(of key: String, name: (Int32) -> String) -> Int32? {
        var slot = key.hashValue & (slots.count - 1)
        while slots[slot] != Self.empty {
            if PersonName.key(name(slots[slot])) == key { return slots[slot] }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Records a person not yet in the table.
    mutating func insert(_ key: String, row: Int32, name: (Int32) -> String) {
        if (count + 1) * 4 > slots.count * 3 {
            // Twice the slots, every row placed again (rare: the table is sized for the files).
            let rows = slots.filter { $0 != Self.empty }
            slots = Array(repeating: Self.empty, count: slots.count * 2)
            for stored in rows { place(stored, hash: PersonName.key(name(stored)).hashValue) }
        }
        place(row, hash: key.hashValue)
        count += 1
    }

    private mutating func place(_ row: Int32, hash: Int) {
        var slot = hash & (slots.count - 1)
        while slots[slot] != Self.empty { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = row
    }
}
