import FoundationEssentials
import Glibc

/// Codes that stand for people in anonymised output ("T-7Q2K"). They are drawn at random
/// and never written down, so nobody holding the roster can undo them: not numbered in name
/// order, and different on every run. Within one run the same person keeps one code
/// (matched by `PersonName.key`).
public struct Anonymizer {
    /// No 0/O, 1/I/L: codes are read aloud and copied by hand.
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    private var codes: [String: String] = [:]
    private var used: Set<String> = []
    private var generator: any RandomNumberGenerator

    /// The executable passes the system's random source; tests pass a seeded one.
    public init(generator: any RandomNumberGenerator = SystemRandomNumberGenerator()) {
        self.generator = generator
    }

    /// A person's code ("T-7Q2K"); the same name (by `PersonName.key`) gets the same code.
    public mutating func code(for name: String) -> String {
        code(for: PersonName.key(name), prefix: "T")
    }

    /// A code for any other identifier that would name someone (a result's id holds the
    /// person's name and time), with its own prefix ("R-…").
    public mutating func code(for key: String, prefix: String) -> String {
        let key = prefix + "\u{0}" + key
        if let known = codes[key] { return known }
        // Four characters give 923,521 codes; a larger class gets longer ones so that
        // drawing a fresh one stays quick.
        var length = 4
        while Double(used.count) * 4 > pow(Double(Self.alphabet.count), Double(length)) { length += 1 }
        var fresh: String
        repeat {
            fresh =
                prefix + "-"
                + String((0..<length).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] })
        } while used.contains(fresh)
        used.insert(fresh)
        codes[key] = fresh
        return fresh
    }
}
