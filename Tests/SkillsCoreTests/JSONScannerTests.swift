import Foundation
import Testing

@testable import SkillsCore

/// The byte scanner's shortcuts (eight bytes at a time through strings and indentation,
/// numbers without strtod) must read exactly what the byte-by-byte rules read.
@Suite struct JSONScannerTests {
    func scanned<T>(_ text: String, _ read: (inout JSONScanner) throws -> T) throws -> T {
        try Array(text.utf8).withUnsafeBufferPointer { bytes in
            var scanner = JSONScanner(bytes)
            let value = try read(&scanner)
            try scanner.end()
            return value
        }
    }

    func number(_ text: String) throws -> Double { try scanned(text) { try $0.number() } }

    @Test("numbers read as the compiler reads the same literals")
    func numbersAsLiterals() throws {
        #expect(try number("0") == 0)
        #expect(try number("-0").sign == .minus)
        #expect(try number("4") == 4)
        #expect(try number("87.5") == 87.5)
        #expect(try number("0.1") == 0.1)
        #expect(try number("-2.25") == -2.25)
        #expect(try number("61.666666666666664") == 61.666666666666664)
        #expect(try number("66.66666666666667") == 66.66666666666667)
        #expect(try number("7.006853787542594") == 7.006853787542594)
        // 2^53 + 1 lies halfway between two doubles: it rounds to the even one, 2^53.
        #expect(try number("9007199254740993") == 9_007_199_254_740_992)
        #expect(try number("0.0000000000000000000001") == 1e-22)
        #expect(try number("0.00000000000000000000001") == 1e-23)
        #expect(try number("12345678901234567890123") == 1.2345678901234567890123e22)
        #expect(try number("1e3") == 1000)
        #expect(try number("2.5E-3") == 0.0025)
        #expect(try number(" \n\t 3 ") == 3)
    }

    @Test("numbers JSON does not allow, or a double cannot hold, are refused")
    func numbersRefused() {
        for text in ["01", "1.", ".5", "+1", "-", "1e", "1e+", "--1", "0x10", "1e400", "-1e400", "1e-400"] {
            #expect(throws: JSONScanner.Unexpected.self, "\(text)") { try number(text) }
        }
    }

    @Test("short decimals read as glibc's strtod reads them, bit for bit")
    func decimalsAsStrtod() throws {
        // A fixed pseudo-random walk over digit counts and fraction lengths around the
        // fast path's limits (2^53, 22 fractional digits); strtod is the reference.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for _ in 0..<20_000 {
            let digits = String(next() % 100_000_000_000_000_000) + String(next() % 1_000_000_000)
            let integral = Int(next() % UInt64(digits.count + 1))
            var text = String(digits.prefix(integral).drop { $0 == "0" })
            if text.isEmpty { text = "0" }
            let fraction = digits.dropFirst(integral)
            if !fraction.isEmpty { text += "." + fraction }
            if next() % 4 == 0 { text = "-" + text }
            let expected = strtod(text, nil)
            let read = try number(text)
            #expect(read.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    /// `"aaa…X…aaa"` with the byte X at every position of the eight-byte steps.
    func strings(with special: String) -> [String] {
        (0..<20).map {
            "\"" + String(repeating: "a", count: $0) + special + String(repeating: "b", count: 19 - $0) + "\""
        }
    }

    @Test("a string ends at its first quote wherever it falls")
    func stringEnds() throws {
        for length in 0..<40 {
            let text = "\"" + String(repeating: "k", count: length) + "\""
            #expect(try scanned(text) { try $0.rawString().count } == length)
            #expect(try scanned(text + " ") { try $0.string() } == String(repeating: "k", count: length))
        }
    }

    @Test("escapes, control characters and UTF-8 are found at any position")
    func stringStops() throws {
        for text in strings(with: "\\n") {
            #expect(throws: JSONScanner.Unexpected.self) { try scanned(text) { try $0.rawString() } }
            let written = try scanned(text) { try $0.writtenString() }
            #expect(written?.escaped == true)
            #expect(written?.written.count == 21)
        }
        for text in strings(with: "\u{1}") + strings(with: "\t") {
            #expect(throws: JSONScanner.Unexpected.self) { try scanned(text) { try $0.writtenString() } }
        }
        for text in strings(with: "é€😀") {
            #expect(try scanned(text) { try $0.string() } == String(text.dropFirst().dropLast()))
        }
        for position in 0..<20 {
            // A lone continuation byte, and an overlong "/", are not UTF-8.
            for broken: [UInt8] in [[0x80], [0xC0, 0xAF]] {
                var bytes = [0x22] + [UInt8](repeating: 0x61, count: position) + broken
                bytes += [UInt8](repeating: 0x62, count: 19 - position) + [0x22]
                #expect(throws: JSONScanner.Unexpected.self) {
                    try bytes.withUnsafeBufferPointer { buffer in
                        var scanner = JSONScanner(buffer)
                        _ = try scanner.writtenString()
                    }
                }
            }
        }
    }

    @Test("indentation of any length, with tabs and returns, is passed over")
    func whitespace() throws {
        for spaces in 0..<30 {
            let gap = "\n" + String(repeating: " ", count: spaces)
            let text = "{" + gap + "\"a\"" + gap + ":" + gap + "[" + gap + "1" + gap + ",\r\n\t" + gap + "2" + gap + "]"
            var total = 0.0
            try scanned(text + gap + "}" + gap) { scanner in
                try scanner.object { scanner, key in
                    #expect(key.is("a"))
                    try scanner.array { total += try $0.number() }
                }
            }
            #expect(total == 3)
        }
        #expect(throws: JSONScanner.Unexpected.self) { try scanned("1        \u{0B}") { try $0.number() } }
    }

    @Test("files are read whole into a reused buffer, small, empty and larger than it")
    func readBuffer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let buffer = JSONFile.ReadBuffer(capacity: 16)
        for size in [10, 0, 200_000, 3, 70_000] {
            let path = folder.appendingPathComponent("\(size).json").path
            let content = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 * 7) })
            try content.write(to: URL(fileURLWithPath: path))
            #expect(Data(try JSONFile.read(path, into: buffer)) == content)
            #expect(try JSONFile.read(path) == content)
        }
    }
}

/// Answering-style cautions, worked by hand.
@Suite struct ResponseStyleTests {
    func rating(_ area: String, _ answer: String, _ fraction: Double, reverse: Bool = false) -> ResponseStyle.Rating {
        .init(area: area, answer: answer, fraction: fraction, reverse: reverse)
    }

    @Test("the same answer to six statements or more is straight-lining")
    func straightLining() {
        let six = (0..<6).map { rating("a\($0 % 2)", "3", 0.5) }
        #expect(ResponseStyle.cautions(ratings: six) == [ResponseStyle.straightLining])
        #expect(ResponseStyle.cautions(ratings: Array(six.prefix(5))).isEmpty)
        #expect(ResponseStyle.cautions(ratings: six.dropLast() + [rating("a", "4", 0.75)]).isEmpty)
    }

    @Test("agreeing with plain and reverse-keyed statements in most areas is acquiescence")
    func acquiescence() {
        // Each of areas x, y, z: plain mean (1 + 0.5) / 2 = 0.75 ≥ 0.75, reverse mean 0.25 ≤ 0.25.
        func agreeing(_ area: String) -> [ResponseStyle.Rating] {
            [
                rating(area, "5", 1), rating(area, "4", 0.5), rating(area, "4", 0.25, reverse: true),
            ]
        }
        let three = agreeing("x") + agreeing("y") + agreeing("z")
        #expect(ResponseStyle.cautions(ratings: three) == [ResponseStyle.acquiescence])
        // Two areas agreeing are not enough.
        #expect(ResponseStyle.cautions(ratings: agreeing("x") + agreeing("y")).isEmpty)
        // Three of six areas with both kinds is not most of them (3 × 2 = 6, not more than 6).
        let others = ["u", "v", "w"].flatMap { [rating($0, "3", 0.5), rating($0, "3", 0.5, reverse: true)] }
        #expect(ResponseStyle.cautions(ratings: three + others).isEmpty)
        // An area with plain statements only does not count towards "with both".
        let plainOnly = (0..<2).map { _ in rating("p", "2", 0.25) }
        #expect(ResponseStyle.cautions(ratings: three + plainOnly) == [ResponseStyle.acquiescence])
        // Areas given out of order are still gathered: x, y, z, then x again.
        let mixed = three + [rating("x", "1", 0, reverse: true)]
        // x: reverse mean (0.25 + 0) / 2 = 0.125; still agreeing with both.
        #expect(ResponseStyle.cautions(ratings: mixed) == [ResponseStyle.acquiescence])
        // A plain mean just under 0.75 in one area: (0.5 + 0.99) / 2 = 0.745.
        let under = [rating("x", "5", 0.99), rating("x", "4", 0.5), rating("x", "4", 0.25, reverse: true)]
        #expect(ResponseStyle.cautions(ratings: under + agreeing("y") + agreeing("z")).isEmpty)
    }

    @Test("both at once, in the order straight-lining, acquiescence")
    func both() {
        let same = ["x", "y", "z"].flatMap { area in
            [rating(area, "4", 1), rating(area, "4", 1), rating(area, "4", 0, reverse: true)]
        }
        #expect(ResponseStyle.cautions(ratings: same) == [ResponseStyle.straightLining, ResponseStyle.acquiescence])
    }
}
