import Foundation
import Testing

@testable import SkillsCore

/// The remembered listing of a store's results folder: used only while the folder is unchanged,
/// so a result added, removed or renamed in any way is seen at once, and a damaged or foreign
/// listing file costs a listing, never a result.
@Suite struct ResultsListingTests {
    /// A clock far enough ahead that the folder counts as settled: the listing is remembered.
    let later = Int(Date().timeIntervalSince1970) + 60

    func folder(_ names: [String]) throws -> (folder: String, listing: String) {
        let root = Fixture.temporaryFolder()
        let results = root.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        for name in names { try Data("{}".utf8).write(to: results.appendingPathComponent(name)) }
        return (results.path, root.appendingPathComponent(ResultsListing.fileName).path)
    }

    /// Both clocks `later` unless the test says otherwise.
    func names(_ place: (folder: String, listing: String), now: Int? = nil) throws -> [String] {
        try ResultsListing.names(
            in: place.folder, listing: place.listing, now: now ?? later, fileSystemNow: now ?? later
        ) { _ in true }
    }

    @Test("a settled folder's names are remembered and read back unchanged")
    func remembered() throws {
        let place = try folder(["b.json", "a.json", ".tmp-x", "notes.txt"])
        #expect(try names(place) == ["a.json", "b.json"])
        let text = try String(contentsOfFile: place.listing, encoding: .utf8)
        #expect(text.hasPrefix("skills results listing 2 "))
        #expect(text.hasSuffix("\na.json\nb.json\nend 2\n"))
        #expect(try names(place) == ["a.json", "b.json"])
    }

    @Test("a person's names are found in a remembered listing as in the folder, other names always")
    func personsNamesBySearch() throws {
        let names = [
            "2026-11-20T100000-ana-shift-checkin-1.json", "2026-11-20T100000-diana-shift-checkin-2.json",
            "2026-11-21T090000-ana-self-assessment-3.json", "2026-11-21T090000-ben-ana-4.json",
            "from-the-laptop.json", "2026-11-2-ana-x.json", "2026-11-22T080000-ana-shift-checkin-5.json",
        ]
        let place = try folder(names)
        let marker = Array("ana-".utf8)
        let keep = { (name: UnsafeRawBufferPointer) in
            !ResultStore.isSaveName(name) || (name.count >= 22 && Array(name[18..<22]) == marker)
        }
        // Ana's three saved results and the two names `save` did not make; not Diana's, nor Ben's
        // result of a questionnaire called "ana".
        let expected = ["2026-11-2-ana-x.json", "from-the-laptop.json", names[0], names[2], names[6]]
        for _ in 0..<2 {  // listed, then from the remembered listing
            let found = try ResultsListing.names(
                in: place.folder, listing: place.listing, marker: marker, now: later, fileSystemNow: later,
                keeping: keep)
            #expect(found.sorted() == expected.sorted())
        }
        #expect(FileManager.default.fileExists(atPath: place.listing))
    }

    @Test("the remembered names are the ones read while the folder is unchanged")
    func usedWhileUnchanged() throws {
        let place = try folder(["a.json"])
        _ = try names(place)
        // Proof that the file is what is read: a name written into it (which no folder change
        // could cause) shows up. The folder itself is untouched.
        let text = try String(contentsOfFile: place.listing, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "a.json\nend 1", with: "a.json\nz.json\nend 2").utf8)
            .write(to: URL(fileURLWithPath: place.listing))
        #expect(try names(place) == ["a.json", "z.json"])
    }

    @Test("a result added, removed or renamed is seen at once", arguments: ["add", "remove", "rename", "link"])
    func changesAreSeen(change: String) throws {
        let place = try folder(["a.json", "b.json"])
        _ = try names(place)
        let a = place.folder + "/a.json"
        switch change {
        case "add": try Data("{}".utf8).write(to: URL(fileURLWithPath: place.folder + "/c.json"))
        case "remove": unlink(a)
        case "rename": rename(a, place.folder + "/c.json")
        default: link(a, place.folder + "/c.json")
        }
        let expected: [String: [String]] = [
            "add": ["a.json", "b.json", "c.json"], "remove": ["b.json"], "rename": ["b.json", "c.json"],
            "link": ["a.json", "b.json", "c.json"],
        ]
        #expect(try names(place) == expected[change])
        // Immediately after the change the folder is not settled: nothing remembered for it.
        #expect(try names(place, now: Int(Date().timeIntervalSince1970)) == expected[change])
    }

    @Test("a folder changed moments ago is listed but not remembered")
    func unsettledNotRemembered() throws {
        let place = try folder(["a.json"])
        #expect(try names(place, now: Int(Date().timeIntervalSince1970)) == ["a.json"])
        #expect(!FileManager.default.fileExists(atPath: place.listing))
    }

    /// A shared store on a server whose clock lags this machine's: by this machine's clock the
    /// folder looks long settled, but the file system stamps the new listing with its own time,
    /// moments after the folder's change, so nothing is remembered.
    @Test("the file system's own clock must also say the folder has settled")
    func fileSystemClockDecidesToo() throws {
        let place = try folder(["a.json"])
        let names = try ResultsListing.names(in: place.folder, listing: place.listing, now: later) { _ in true }
        #expect(names == ["a.json"])
        #expect(!FileManager.default.fileExists(atPath: place.listing))
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: URL(fileURLWithPath: place.listing).deletingLastPathComponent().path)
        #expect(leftovers.sorted() == ["results"], "no temporary file left behind")
    }

    @Test(
        "a damaged, foreign or stale listing file costs a listing, never a name",
        arguments: [
            "", "garbage", "skills results listing 1 0 0 0 0 0 0\na.json\nend 1\n", "\n\n\n",
            "skills results listing 1\nend 0\n",
        ])
    func damagedListing(content: String) throws {
        let place = try folder(["a.json", "b.json"])
        try Data(content.utf8).write(to: URL(fileURLWithPath: place.listing))
        #expect(try names(place) == ["a.json", "b.json"])
    }

    @Test("a listing that names a path outside the folder is not used", arguments: ["../secret.json", "a/b.json"])
    func pathsAreNotNames(name: String) throws {
        let place = try folder(["a.json"])
        _ = try names(place)
        let text = try String(contentsOfFile: place.listing, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "a.json\nend 1", with: "a.json\n\(name)\nend 2").utf8)
            .write(to: URL(fileURLWithPath: place.listing))
        #expect(try names(place) == ["a.json"])
    }

    @Test("a listing cut short (its count or end line missing) is not used")
    func truncatedListing() throws {
        let place = try folder(["a.json", "b.json"])
        _ = try names(place)
        let text = try String(contentsOfFile: place.listing, encoding: .utf8)
        for cut in [text.replacingOccurrences(of: "b.json\n", with: ""), String(text.dropLast(7))] {
            try Data(cut.utf8).write(to: URL(fileURLWithPath: place.listing))
            #expect(try names(place) == ["a.json", "b.json"])
        }
    }

    @Test("the bytes test picks names from the remembered listing as from the folder")
    func keepingApplies() throws {
        let place = try folder(["ana.json", "ben.json"])
        let anas = { (name: UnsafeRawBufferPointer) in name.first == UInt8(ascii: "a") }
        let names = {
            try ResultsListing.names(
                in: place.folder, listing: place.listing, now: later, fileSystemNow: later, keeping: anas)
        }
        #expect(try names() == ["ana.json"])
        #expect(FileManager.default.fileExists(atPath: place.listing))
        #expect(try names() == ["ana.json"])
    }

    @Test("no results folder: no names and no listing written")
    func noFolder() throws {
        let root = Fixture.temporaryFolder()
        let listing = root.appendingPathComponent(ResultsListing.fileName).path
        #expect(try ResultsListing.names(in: root.path + "/results", listing: listing, now: later) { _ in true } == [])
        #expect(!FileManager.default.fileExists(atPath: listing))
    }

    @Test("a person's results through a remembered listing: a new save is found")
    func personResultsSeeNewSaves() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        let small = try Fixture.small()
        let answers: [Response] = [.rating(4), .rating(2), .choice([0]), .skipped]
        try store.save(Fixture.result(small, answers, person: "Ana", at: Fixture.date))
        try store.save(Fixture.result(small, answers, person: "Ben", at: Fixture.date))
        let listing = store.root.appendingPathComponent(ResultsListing.fileName).path
        _ = try ResultsListing.names(
            in: store.resultsFolder.path, listing: listing, now: later, fileSystemNow: later
        ) { _ in true }
        #expect(FileManager.default.fileExists(atPath: listing))
        #expect(try PersonResults(store: store, person: "Ana").all().count == 1)
        try store.save(Fixture.result(small, answers, person: "Ana", at: Fixture.date.addingTimeInterval(60)))
        #expect(try PersonResults(store: store, person: "Ana").all().count == 2)
    }

    /// The machine's own disks are known by type; /proc is not a place for a store, and
    /// stands here for any file system not on the list (a network share, sshfs).
    @Test("only folders on local file systems are remembered")
    func localFileSystemsOnly() throws {
        let place = try folder(["a.json"])
        let type = try #require(ResultsListing.fileSystemType(place.folder))
        #expect(ResultsListing.isLocal(fileSystem: type), "the tests' temporary folder, type \(type)")
        #expect(ResultsListing.fileSystemType("/proc").map { ResultsListing.isLocal(fileSystem: $0) } == false)
        #expect(ResultsListing.fileSystemType("/no/such/folder") == nil)
    }

    /// The listing names people and times: it is readable by whoever may list `results/`, no one else.
    @Test("the listing is as private as the results folder", arguments: [0o700, 0o750, 0o755, 0o711])
    func listingIsAsPrivateAsTheFolder(mode: Int) throws {
        let place = try folder(["a.json"])
        chmod(place.folder, mode_t(mode))
        _ = try names(place)
        let attributes = try FileManager.default.attributesOfItem(atPath: place.listing)
        let listingMode = (attributes[.posixPermissions] as? Int) ?? -1
        #expect(listingMode == 0o600 | (mode & 0o044), "results/ \(String(mode, radix: 8))")
    }

    /// A command killed while writing a listing leaves its temporary file: the next listing written
    /// removes it once it is an hour old, and leaves a fresh one (another command's, being written).
    @Test("temporary listings left by killed commands are removed when old")
    func staleTemporaryListingsAreRemoved() throws {
        let place = try folder(["a.json"])
        let store = URL(fileURLWithPath: place.listing).deletingLastPathComponent()
        let old = store.appendingPathComponent(".tmp-OLD").path
        let fresh = store.appendingPathComponent(".tmp-FRESH").path
        for path in [old, fresh] { try Data("half".utf8).write(to: URL(fileURLWithPath: path)) }
        var times = [timespec(tv_sec: time(nil) - 7_200, tv_nsec: 0), timespec(tv_sec: time(nil) - 7_200, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, old, &times, 0) == 0)
        _ = try names(place)
        #expect(FileManager.default.fileExists(atPath: place.listing))
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: fresh))
    }
}
