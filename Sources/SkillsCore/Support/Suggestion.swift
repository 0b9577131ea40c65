/// "Did you mean ...?" for mistyped commands, options, areas and field names.
public enum Suggestion {
    /// The closest candidate within a third of the word's length (at least 2 edits).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = Swift.max(2, word.count / 3)
        let best =
            candidates
            .map { ($0, distance(word.lowercased(), $0.lowercased())) }
            .min { $0.1 < $1.1 }
        guard let best, best.1 <= limit, best.1 > 0 else { return nil }
        return best.0
    }

    /// Levenshtein edit distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
