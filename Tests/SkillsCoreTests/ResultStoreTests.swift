import Foundation
import Testing

@testable import SkillsCore

@Suite struct ResultStoreTests {
    @Test func savingTheSameResultTwiceKeepsBothFiles() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        let result = Fixture.result(try Fixture.small(), [.rating(4), .rating(2), .choice([0]), .skipped])
        let first = try store.save(result)
        let second = try store.save(result)
        #expect(first != second)
        var problems: [String] = []
        #expect(try store.allResults(problems: &problems).count == 2)
        #expect(problems.isEmpty)
        #expect(try ResultReader.read(path: first.path) == result)
    }

    @Test func aNameCannotChooseWhereTheFileIsWritten() throws {
        let root = Fixture.temporaryFolder()
        let store = ResultStore(root: root)
        let result = Fixture.result(
            try Fixture.small(), [.rating(4), .rating(2), .choice([0]), .skipped], person: "../../etc/passwd")
        let path = try store.save(result)
        #expect(path.deletingLastPathComponent().path == store.resultsFolder.path)
        #expect(path.lastPathComponent.contains("-etc-passwd-small-"))
        #expect(TextSafety.slug("/") == "anonymous")
    }

    @Test func aDamagedFileIsReportedSkippedAndLeftAsItWas() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        try store.save(Fixture.result(try Fixture.small(), [.rating(4), .rating(2), .choice([0]), .skipped]))
        let damaged = store.resultsFolder.appendingPathComponent("damaged.json")
        try Data("{\"format\": 1, \"person\":".utf8).write(to: damaged)
        try Data("half-written".utf8).write(to: store.resultsFolder.appendingPathComponent(".tmp-123"))
        var problems: [String] = []
        #expect(try store.allResults(problems: &problems).count == 1)
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("skipped \(damaged.path): not valid JSON"))
        #expect(try Data(contentsOf: damaged) == Data("{\"format\": 1, \"person\":".utf8))
    }

    @Test func aResultFromANewerFormatIsRefusedClearly() throws {
        let path = Fixture.temporaryFolder().appendingPathComponent("new.json")
        try Data("{\"format\": 9}".utf8).write(to: path)
        #expect(
            throws: SkillsError.invalidData(
                file: path.path,
                detail: "result format 9 is newer than this version of skills understands (1); update skills")
        ) {
            try ResultReader.read(path: path.path)
        }
    }

    @Test func aStorePathThatIsAFileCannotBeCreated() throws {
        let file = Fixture.temporaryFolder().appendingPathComponent("not-a-folder")
        try Data().write(to: file)
        let store = ResultStore(root: file)
        #expect {
            try store.save(Fixture.result(try Fixture.small(), [.rating(4), .rating(2), .choice([0]), .skipped]))
        } throws: { ($0 as? SkillsError)?.kind == .cannotCreate }
    }

    @Test func resultsAreFoundByPersonWithoutRegardToCase() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        let small = try Fixture.small()
        try store.save(
            Fixture.result(
                small, [.rating(4), .rating(2), .choice([0]), .skipped], person: "Ana",
                at: Fixture.date.addingTimeInterval(60)))
        try store.save(
            Fixture.result(small, [.rating(2), .rating(2), .choice([0]), .skipped], person: "ana", at: Fixture.date))
        try store.save(Fixture.result(small, [.rating(2), .rating(2), .choice([0]), .skipped], person: "Ben"))
        var problems: [String] = []
        let ana = try store.results(of: "ANA", problems: &problems)
        #expect(ana.map(\.result.person) == ["ana", "Ana"])  // oldest first
    }

    @Test(arguments: [
        ([String: String](), "/home/ana/.local/share/skills"),
        (["XDG_DATA_HOME": "/xdg"], "/xdg/skills"),
        (["XDG_DATA_HOME": "relative/ignored"], "/home/ana/.local/share/skills"),
        (["SKILLS_STORE": "/shared/class", "XDG_DATA_HOME": "/xdg"], "/shared/class"),
    ])
    func theStoreLocationFollowsTheVariableThenXDG(environment: [String: String], expected: String) {
        let withHome = environment.merging(["HOME": "/home/ana"]) { a, _ in a }
        #expect(StoreLocation.path(option: nil, environment: withHome) == expected)
        #expect(StoreLocation.path(option: "/opt", environment: withHome) == "/opt")
    }

    /// The store's path is made without a URL, and is the path the URL would give: trailing
    /// slashes dropped, the rest as written; a relative one resolved as URL resolves it.
    @Test(arguments: ["/a/b", "/a/b/", "/a/b//", "/a//b", "/a/./b", "/", "//", "/é b/c", "rel/x", "./x", "x/", "~"])
    func theStorePathIsTheOneAURLGives(path: String) {
        let expected = URL(fileURLWithPath: path).path
        #expect(StoreLocation.path(option: path, environment: [:]) == expected)
        #expect(StoreLocation.path(option: nil, environment: ["SKILLS_STORE": path]) == expected)
        #expect(ResultStore(path: StoreLocation.absolute(path)).root.path == expected)
        // Appending, Foundation keeps one of two trailing slashes ("/a/b//" gives "/a/b//results"):
        // the same folder, and a path nobody types.
        if !path.hasSuffix("//") {
            let results = URL(fileURLWithPath: path).appendingPathComponent("results").path
            #expect(ResultStore(path: expected).resultsPath == results)
        }
    }
}
