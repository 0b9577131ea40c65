import Foundation
import Testing

@testable import SkillsCore

/// `skills` links only FoundationEssentials. What it wrote itself in place of full Foundation
/// (time zones, name folding, percent encoding, number formats, JSON reading and pretty writing)
/// is compared here with full Foundation, which the tests still link, as the independent source.
@Suite struct FoundationParityTests {
    /// Moments from 1901 to 2099, every 9 days and 7 hours or so, so every hour of the day and
    /// every day of the week is met, and the years after the tz files' last recorded change
    /// (2037) are answered by their closing POSIX rule.
    static let moments = stride(from: -2_200_000_000.0, to: 4_100_000_000.0, by: 803_219).map {
        Date(timeIntervalSince1970: $0)
    }

    static let zones = [
        "Europe/Paris", "Europe/London", "Europe/Dublin", "America/New_York", "America/Sao_Paulo",
        "America/St_Johns", "Asia/Kolkata", "Asia/Tehran", "Australia/Lord_Howe", "Australia/Sydney",
        "Pacific/Chatham", "Pacific/Kiritimati", "Africa/Casablanca", "America/Santiago", "Asia/Tokyo", "UTC",
    ]

    @Test("offsets from the tz files are Foundation's", arguments: zones)
    func offsets(name: String) throws {
        let zone = try #require(Zone.named(name))
        let foundation = try #require(TimeZone(identifier: name))
        let differ = Self.moments.filter { zone.secondsFromGMT(for: $0) != foundation.secondsFromGMT(for: $0) }
        #expect(differ.isEmpty, "\(name): \(differ.prefix(3).map { ISODate.string($0) })")
    }

    @Test(
        "a wall-clock time is the moment Foundation's calendar makes of it",
        arguments: ["Europe/Paris", "America/New_York"])
    func wallClock(name: String) throws {
        let zone = try #require(Zone.named(name))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: name))
        // Noon and 07:45 of every day of 2026, and the gaps and overlaps of its clock changes.
        for day in 0..<365 {
            for (hour, minute) in [(12, 0), (7, 45)] {
                let parts = DateComponents(year: 2026, month: 1, day: 1 + day, hour: hour, minute: minute)
                let expected = try #require(calendar.date(from: parts))
                let f = ISODate.utcFields(Date(timeIntervalSince1970: Double(day) * 86_400 + 1_767_225_600))
                #expect(zone.date(year: f.year, month: f.month, day: f.day, hour: hour, minute: minute) == expected)
            }
        }
    }

    @Test("a POSIX TZ rule gives the offsets of the zone it describes")
    func posixRules() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let rule = try #require(Zone(posix: "CET-1CEST,M3.5.0,M10.5.0/3"))
        let sydney = try #require(TimeZone(identifier: "Australia/Sydney"))
        let south = try #require(Zone(posix: "AEST-10AEDT,M10.1.0,M4.1.0/3"))
        let recent = Self.moments.filter { $0.timeIntervalSince1970 > 1_420_000_000 }  // 2015 on
        #expect(recent.filter { rule.secondsFromGMT(for: $0) != paris.secondsFromGMT(for: $0) }.isEmpty)
        #expect(recent.filter { south.secondsFromGMT(for: $0) != sydney.secondsFromGMT(for: $0) }.isEmpty)
        #expect(Zone(posix: "<+0530>-5:30")?.secondsFromGMT(for: Date()) == 19_800)
        #expect(Zone(posix: "EST5")?.abbreviation(for: Date()) == "EST")
        for nonsense in ["", "C", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.5.0", "12", "CET-1CEST,M3.5.0,M10.5.0/x"] {
            #expect(Zone(posix: nonsense) == nil, "\(nonsense)")
        }
    }

    @Test("a zone's name is never a way out of the zone folder, and a file that is not TZif is no zone")
    func namesStayInTheFolder() {
        for name in ["../../etc/passwd", "/etc/passwd", "Europe/../../../etc/passwd", "", "Europe//Paris", "Mars/Base"]
        {
            #expect(Zone.named(name) == nil, "\(name)")
        }
        #expect(Zone(identifier: "x", tzif: Array("TZif2 but cut short".utf8)) == nil)
        #expect(Zone(identifier: "x", tzif: []) == nil)
    }

    @Test("the system zone is TZ's, else /etc/localtime's, else UTC")
    func systemZone() {
        #expect(Zone.system(tz: "Europe/Paris", directory: nil).identifier == "Europe/Paris")
        #expect(Zone.system(tz: ":Asia/Kolkata", directory: nil).secondsFromGMT(for: Date()) == 19_800)
        #expect(Zone.system(tz: "/usr/share/zoneinfo/Asia/Tokyo", directory: nil).secondsFromGMT(for: Date()) == 32_400)
        #expect(Zone.system(tz: "EST5", directory: nil).secondsFromGMT(for: Date()) == -18_000)
        #expect(Zone.system(tz: nil, directory: nil, localtime: "/nonexistent").identifier == "UTC")
    }

    /// Person keys and file-name slugs of every assigned character of the Basic Multilingual Plane,
    /// in a name, against Foundation's folding: a slug that changed would hide a person's earlier
    /// results, and a key that changed would split one person in two.
    @Test("names fold as Foundation folds them")
    func folding() {
        var keys: [String] = []
        var slugs: [String] = []
        for value in 0x80...0xFFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let name = "Ana " + String(scalar) + "x"
            let key = name.precomposedStringWithCanonicalMapping.folding(options: [.caseInsensitive], locale: nil)
                .precomposedStringWithCanonicalMapping
            if PersonName.key(name) != key { keys.append(String(value, radix: 16)) }
            let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            if TextSafety.slug(name) != Self.slug(ofFolded: folded) { slugs.append(String(value, radix: 16)) }
        }
        // Foundation's folding tables are older than the standard library's: the only differences
        // are letters it leaves as they are (old Cyrillic forms of U+1C80…, Latin letters added in
        // Unicode 16), which fold here to their lower case as Unicode's CaseFolding.txt says.
        let unfoldedByFoundation = keys.allSatisfy { hex in
            let text = String(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
            return text.folding(options: [.caseInsensitive], locale: nil) == text
        }
        #expect(unfoldedByFoundation, "keys differ for \(keys.count): \(keys.prefix(40))")
        #expect(keys.count < 20, "keys differ for \(keys.count): \(keys.prefix(40))")
        #expect(slugs == [], "slugs differ for \(slugs.count): \(slugs.prefix(40))")
    }

    /// TextSafety.slug's rule applied to text Foundation folded.
    static func slug(ofFolded folded: String) -> String {
        var out = ""
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
            if out.count >= 32 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "anonymous" : out
    }

    @Test("activity ids are percent-encoded and decoded as Foundation does it")
    func percentEncoding() {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let texts = [
            "shift-checkin", "a b/c?d#e", "café", "Zoë & Strauß", "100%", "日本語", "x\u{301}", "😀", "~._-",
        ]
        for text in texts {
            #expect(PercentEncoding.encoded(text) == text.addingPercentEncoding(withAllowedCharacters: allowed))
            #expect(PercentEncoding.decoded(PercentEncoding.encoded(text)) == text)
        }
        for text in ["%41%42", "%e2%82%ac", "%", "%4", "%zz", "%ff"] {
            #expect(PercentEncoding.decoded(text) == text.removingPercentEncoding, "\(text)")
        }
    }

    @Test("numbers are written as String(format:) writes them")
    func numberFormats() {
        var generator = SplitMix64(seed: "formats")
        for _ in 0..<2_000 {
            let value = Double(Int64(bitPattern: generator.next()) % 2_000_000) / 977
            for format in ["%.1f", "%.2f", "%+.1f", "%+.2f", "%.0f"] {
                #expect(String(cFormat: format, value) == String(format: format, value))
            }
        }
        #expect(String(cFormat: "%02x", UInt8(10)) == "0a")
        #expect(String(cFormat: "%.1f s", 2.25) == String(format: "%.1f s", 2.25))
        // Longer than the first buffer: written again at its full length.
        #expect(String(cFormat: "%0100.1f", 1.0) == String(repeating: "0", count: 97) + "1.0")
    }

    @Test("JSON is accepted and refused as JSONSerialization accepts and refuses it")
    func jsonReading() throws {
        let texts = [
            #"{"a": [1, 2.5, -3e2, true, false, null, "x\"y\u00e9\ud83d\ude00"]}"#, "[]", "{}", "  3 ", #""text""#,
            "{\"a\": 1,}", "[1,]", "[,]", "{,}", "[1,,]", "[1, 2", "{\"a\" 1}", "tru", "01", "1.", "-", "[1 2]",
            "{\"a\":1}}", "\"\\x\"",
            "\"a\u{01}\"",
            "[" + String(repeating: "[", count: 600) + String(repeating: "]", count: 601), "",
            // A UTF-8 byte order mark, as Windows editors write one, before the text or alone.
            "\u{FEFF}{\"a\": 1}", "\u{FEFF}  []", "\u{FEFF}", "\u{FEFF}\u{FEFF}[]",
        ]
        for text in texts {
            let foundation = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            let ours = try? JSONValue.parse(Array(text.utf8))
            #expect((foundation == nil) == (ours == nil), "\(text.prefix(40))")
        }
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array("{\n  \"a\": 1\n  \"b\": 2\n}".utf8)) }
        do {
            _ = try JSONValue.parse(Array("{\n  \"a\": 1\n  \"b\": 2\n}".utf8))
        } catch {
            #expect(error.description == "line 3, column 3: expected ',' or '}' after a field")
        }
    }

    @Test("xAPI statements are laid out as JSONSerialization's pretty printing lays them out")
    func prettyStatements() throws {
        let value: [Any] = [
            ["b": 1, "a": [1.5, "x/y", true] as [Any], "e": [String: Any](), "f": [Any](), "g": ["k": 0.1]]
                as [String: Any]
        ]
        let data = try JSONSerialization.data(
            withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        #expect(StatementJSON.pretty(value) == String(decoding: data, as: UTF8.self))
        #expect(StatementJSON.pretty([Any]()) == "[\n\n]")
    }

    @Test("no source file of skills imports the whole of Foundation")
    func onlyFoundationEssentials() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources").standardized
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && ($0.hasPrefix("SkillsCore/") || $0.hasPrefix("skills/")) }
        #expect(files.count > 100)
        for file in files {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            #expect(!text.split(separator: "\n").contains("import Foundation"), "\(file)")
        }
    }
}
