import FoundationEssentials
import Glibc

/// One person's result files in a store, read newest first and each at most once. In a
/// team store of thousands of results a check-in needs a handful of them: `save` names a
/// file by its time, person and questionnaire, so only the files that could be the
/// person's are opened, and a question such as "the latest" stops as soon as no older file
/// could change the answer. `WhoseResults` and then the command share one of these, so no
/// file is read twice.
public final class PersonResults {
    public let store: ResultStore
    public let person: String
    public let questionnaire: String?
    /// One line per damaged file among those read.
    public var problems: [String] = []
    /// Results read so far that are the person's (and of the questionnaire, when one is named).
    private var found: [StoredResult] = []
    /// Files to read: names `save` did not make first (always read), then newest first.
    private var candidates: [Candidate]
    /// How many of `candidates` have been read.
    private var position = 0

    struct Candidate {
        let path: String
        let name: String
        /// `2026-11-23T051200`, which sorts as the time does; nil for a name `save` did not make.
        let stamp: Substring?
    }

    /// Only the file names are listed here; nothing is read until asked. `alreadyRead`: results
    /// read from this store by an earlier look (`WhoseResults`), and `alsoTried` the files it
    /// found damaged (already reported): neither is read again.
    public convenience init(
        store: ResultStore, person: String, questionnaire: String? = nil, alreadyRead: [StoredResult] = [],
        alsoTried: Set<String> = []
    ) throws {
        let slug = Array((TextSafety.slug(person) + "-").utf8)
        let wanted = questionnaire.map { slug + Array((TextSafety.slug($0) + "-").utf8) } ?? slug
        let known = alsoTried.union(alreadyRead.map(\.path))
        // Compared with memcmp: a generic `starts(with:)` cost more than the listing itself.
        // Made once: `resultsFolder` is a URL built on every use, 17,000 instructions a name.
        let folder = store.resultsPath
        let listing = joinedPath(store.rootPath, ResultsListing.fileName)
        let names = try ResultsListing.names(in: folder, listing: listing, marker: wanted) { name in
            !ResultStore.isSaveName(name)
                || (name.count >= 18 + wanted.count && memcmp(name.baseAddress! + 18, wanted, wanted.count) == 0)
        }
        var named: [Candidate] = []
        var other: [Candidate] = []
        for name in names {
            let path = joinedPath(folder, name)
            if known.contains(path) { continue }
            if ResultStore.personPart(of: name) == nil {
                other.append(Candidate(path: path, name: name, stamp: nil))
            } else {
                named.append(Candidate(path: path, name: name, stamp: name.prefix(17)))
            }
        }
        named.sort { ($0.stamp ?? "") > ($1.stamp ?? "") }
        self.init(
            store: store, person: person, questionnaire: questionnaire, candidates: other + named,
            found: alreadyRead, problems: [])
    }

    private init(
        store: ResultStore, person: String, questionnaire: String?, candidates: [Candidate], found: [StoredResult],
        problems: [String]
    ) {
        self.store = store
        self.person = person
        self.questionnaire = questionnaire
        self.candidates = candidates
        self.problems = problems
        self.found = found.filter { accepts($0.result) }
    }

    /// The person's results (of the questionnaire, when one is named), oldest first: every
    /// file that could be theirs is read.
    ///
    /// `answers: false` is for `history` only: the files read now keep no answers
    /// (`ResultReader.readWithoutAnswers`), and they stay in this reader, so nothing that
    /// needs answers may use it afterwards.
    public func all(answers: Bool = true) -> [StoredResult] {
        let rest = candidates[position...]
        position = candidates.count
        // A long history (three years of daily check-ins) is read on every core; the files
        // are still taken in the order of the names, so warnings come in the same order.
        let paths = rest.map(\.path)
        let outcomes = Parallel.map(paths, pieces: paths.count < 64 ? 1 : 4 * Parallel.cores) { piece in
            piece.map { path in
                Outcome { try answers ? ResultReader.read(path: path) : ResultReader.readWithoutAnswers(path: path) }
            }
        }
        for (path, outcome) in zip(paths, outcomes) { take(outcome, from: path) }
        return found.sorted { $0.result.takenAt < $1.result.takenAt }
    }

    /// The latest of the person's results that `matches`, reading back in time only until
    /// every older file is older than the one found. The rules of which result counts stay
    /// in `ResultChoice`; this only decides how far to read.
    public func latest(where matches: (AssessmentResult) -> Bool) -> AssessmentResult? {
        var best: AssessmentResult?
        var checked = 0
        while true {
            for stored in found[checked...] where matches(stored.result) {
                if best.map({ stored.result.takenAt > $0.takenAt }) ?? true { best = stored.result }
            }
            checked = found.count
            if let best, position < candidates.count, let stamp = candidates[position].stamp,
                stamp < Self.stamp(of: best.takenAt)
            {
                return best
            }
            if !readNext() { return best }
        }
    }

    /// The same person's results of one questionnaire, keeping what was read already.
    public func narrowed(to questionnaire: String) throws -> PersonResults {
        if self.questionnaire == questionnaire { return self }
        // The names listed already say which files can be of that questionnaire.
        let wanted = TextSafety.slug(person) + "-" + TextSafety.slug(questionnaire) + "-"
        let unread = candidates[position...].filter { candidate in
            ResultStore.personPart(of: candidate.name).map { $0.hasPrefix(wanted) } ?? true
        }
        return PersonResults(
            store: store, person: person, questionnaire: questionnaire, candidates: unread, found: found,
            problems: problems)
    }

    /// Whether the person has any result at all here; reads until the first is found.
    public var isEmpty: Bool { latest { _ in true } == nil }

    /// Reads the next unread file; false when none is left.
    private func readNext() -> Bool {
        guard position < candidates.count else { return false }
        let candidate = candidates[position]
        position += 1
        take(Outcome { try ResultReader.read(path: candidate.path) }, from: candidate.path)
        return true
    }

    /// A file read, or why it could not be. Not `Result`: making `Result<AssessmentResult, any Error>`
    /// checks at run time that its error type is an `Error`, a search of every conformance in the
    /// program (0.2 M instructions, a thirtieth of a check-in).
    private enum Outcome: Sendable {
        case read(AssessmentResult)
        case failed(any Error)

        init(_ read: () throws -> AssessmentResult) {
            do { self = .read(try read()) } catch { self = .failed(error) }
        }
    }

    /// A file read: the person's result is kept, a file that could not be read is a warning.
    private func take(_ outcome: Outcome, from path: String) {
        switch outcome {
        case .read(let result):
            if accepts(result) { found.append(StoredResult(path: path, result: result)) }
        case .failed(let error):
            problems.append("skipped \(error)")
        }
    }

    private func accepts(_ result: AssessmentResult) -> Bool {
        PersonName.same(result.person, person) && (questionnaire == nil || result.questionnaire.id == questionnaire)
    }

    /// The time part of the name `save` gives a result taken at `date` (whole seconds, UTC).
    static func stamp(of date: Date) -> Substring {
        let f = ISODate.utcFields(date)
        let two = ISODate.twoDigits
        return Substring("\(f.year)-\(two(f.month))-\(two(f.day))T\(two(f.hour))\(two(f.minute))\(two(f.second))")
    }
}
