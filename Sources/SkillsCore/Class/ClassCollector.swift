import Dispatch
import FoundationEssentials
import Glibc

/// Reads result files for the class summary, a batch at a time on every core, and hands
/// each record to its group (`ClassGroup`: one questionnaire version), which keeps running
/// tallies. Results of different questionnaires or versions are never mixed.
public struct ClassCollector {
    public private(set) var groups: [ClassGroup] = []
    /// One line per file that could not be used.
    public private(set) var problems: [String] = []
    /// Every attempt, or only each person's earliest.
    public let allAttempts: Bool
    /// The folders and files listed, and where each starts in the numbering of files, so a
    /// file can be found again by its number (`ClassGroup.Source`).
    private var listings: [(path: String, names: [String]?)] = []
    private var firstNumbers: [Int] = []
    /// How many files are listed, so a group's columns are sized once.
    private var expectedCount = 0

    public init(allAttempts: Bool = false) { self.allAttempts = allAttempts }

    /// Reads the result files named: folders give their .json files, files are taken as they
    /// are. Every path is checked first, so a missing one stops before any reading.
    public mutating func add(paths: [String]) throws {
        let listed = try Self.listing(paths)
        var number = listings.isEmpty ? 0 : firstNumbers.last! + (listings.last!.names?.count ?? 1)
        for listing in listed {
            listings.append(listing)
            firstNumbers.append(number)
            number += listing.names?.count ?? 1
        }
        expectedCount = number
        // Names only, joined to the folder a batch at a time (100,000 full paths held at once
        // would cost more memory than the statistics). While the records of one batch are
        // added here, the next batch is read and parsed on the other cores.
        var batch: [(path: String, number: Int)] = []
        batch.reserveCapacity(Self.batchSize)
        var reading: Reading?
        for (listing, first) in zip(listed, firstNumbers.suffix(listed.count)) {
            for offset in 0..<(listing.names?.count ?? 1) {
                batch.append((Self.path(listing, offset), first + offset))
                if batch.count == Self.batchSize {
                    let next = Reading(batch)
                    if let reading { add(reading) }
                    reading = next
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        let last = batch.isEmpty ? nil : Reading(batch)
        if let reading { add(reading) }
        if let last { add(last) }
    }

    /// A batch of files being read and parsed in the background, on every core.
    private final class Reading: @unchecked Sendable {
        let batch: [(path: String, number: Int)]
        /// Written by the background reading before `done` is left, read only after `wait`.
        private var parsed: [Parsed] = []
        private let done = DispatchGroup()

        init(_ batch: [(path: String, number: Int)]) {
            self.batch = batch
            DispatchQueue.global().async(group: done) { self.parse() }
        }

        private func parse() {
            // More pieces than cores, so a core that is busy adding the batch before takes
            // fewer of them.
            parsed = Parallel.map(batch.map(\.path), pieces: 8 * Parallel.cores) { paths in
                let readBuffer = JSONFile.ReadBuffer(capacity: 0)
                return paths.map { ClassCollector.parse(path: $0, buffer: readBuffer) }
            }
        }

        func wait() -> [Parsed] {
            done.wait()
            return parsed
        }
    }

    private static func path(_ listing: (path: String, names: [String]?), _ offset: Int) -> String {
        guard let names = listing.names else { return listing.path }
        return listing.path.hasSuffix("/") ? listing.path + names[offset] : listing.path + "/" + names[offset]
    }

    /// The path of a file by its number.
    private func path(number: Int) -> String? {
        guard number >= 0, let index = firstNumbers.lastIndex(where: { $0 <= number }) else { return nil }
        return Self.path(listings[index], number - firstNumbers[index])
    }

    /// Files read and parsed together on every core; 512 keep the records
    /// waiting to be added small.
    static let batchSize = 512

    /// One file as read on a worker: a record from the fast reader, or what the full
    /// decoder made of it.
    enum Parsed: Sendable {
        case fast(ClassRecord)
        case full(AssessmentResult)
        case failed(String)
    }

    /// Adds a batch's records in file order, so the summary is the same as one read file by file.
    private mutating func add(_ reading: Reading) {
        let parsed = reading.wait()
        for ((path, number), file) in zip(reading.batch, parsed) {
            let source = ClassGroup.Source(number)
            switch file {
            case .fast(let record):
                if let index = group(of: record.questionnaire), groups[index].canTake(record) {
                    add(record, to: index, from: source)
                } else {
                    // The first of its questionnaire version, or new items: read in full.
                    add(path: path, fastReader: false, source: source)
                }
            case .full(let result): add(result, from: source)
            case .failed(let problem): problems.append(problem)
            }
        }
    }

    private func group(of ref: AssessmentResult.QuestionnaireRef) -> Int? {
        groups.firstIndex { $0.id == ref.id && $0.version == ref.version }
    }

    /// Counts a record in its group. When it is a person's earlier attempt than the one
    /// counted (files need not come in time order), the counted one is read again and taken
    /// out first.
    private mutating func add(_ record: ClassRecord, to index: Int, from source: ClassGroup.Source) {
        guard case .earlier(let row, let counted) = groups[index].add(record, from: source) else { return }
        guard let old = groups[index].keptRecord(row: row) ?? reread(counted), groups[index].counts(old, in: row) else {
            let skipped = path(number: Int(source)) ?? "a result"
            let kept = path(number: Int(counted)) ?? "the one counted"
            let person = TextSafety.visible(record.person)
            problems.append(
                "skipped \(skipped): it is an earlier attempt of \(person) than \(kept), which changed while "
                    + "the class was being read, so the later one stays counted")
            return
        }
        groups[index].replace(row: row, old: old, with: record, from: source)
    }

    /// A file's record read again, as it was read the first time.
    private func reread(_ source: ClassGroup.Source) -> ClassRecord? {
        guard let path = path(number: Int(source)), let data = try? JSONFile.read(path) else { return nil }
        if let record = ClassRecord.fastRead(data) { return record }
        return (try? ResultReader.read(data: data, path: path)).map(ClassRecord.init)
    }

    /// Parsed straight from the worker's buffer; only a file the fast reader steps aside
    /// from is copied, for the full decoder.
    fileprivate static func parse(path: String, buffer: JSONFile.ReadBuffer) -> Parsed {
        do {
            let bytes = try JSONFile.read(path, into: buffer)
            if let record = ClassRecord.fastRead(bytes) { return .fast(record) }
            return .full(try ResultReader.read(data: Data(bytes), path: path))
        } catch {
            return .failed("skipped \(error)")
        }
    }

    /// The result files named, as paths: folders give their .json files.
    public static func expand(_ paths: [String]) throws -> [String] {
        try listing(paths).flatMap { path, names in
            names.map { $0.map { joinedPath(path, $0) } } ?? [path]
        }
    }

    /// Each path with, for a folder, the names of its .json files (nil for a file); a path
    /// that does not exist stops here. A store folder stands for its `results/`.
    static func listing(_ paths: [String]) throws -> [(path: String, names: [String]?)] {
        try paths.map { path in
            guard let isFolder = JSONFile.isFolder(path) else {
                throw SkillsError.notFound("\(path): no such file or folder")
            }
            guard isFolder else { return (path, nil) }
            let names = try JSONFile.names(in: path)
            let results = joinedPath(path, "results")
            if names.isEmpty, JSONFile.isFolder(results) == true {
                return (results, try JSONFile.names(in: results))
            }
            return (path, names)
        }
    }

    public mutating func add(path: String, fastReader: Bool = true, source: ClassGroup.Source = ClassGroup.noSource) {
        do {
            let data = try JSONFile.read(path)
            if fastReader {
                add(data: data, path: path)
            } else {
                add(try ResultReader.read(data: data, path: path), from: source)
            }
        } catch {
            problems.append("skipped \(error)")
        }
    }

    /// One result file's bytes; a file that cannot be used becomes a line in `problems`.
    mutating func add(data: Data, path: String) {
        do {
            // Most files take the fast path; the first of each questionnaire version, and any
            // file the fast reader finds unusual, are decoded in full (which also explains
            // a damaged file).
            if let record = ClassRecord.fastRead(data), let index = group(of: record.questionnaire),
                groups[index].canTake(record)
            {
                add(record, to: index, from: ClassGroup.noSource)
            } else {
                add(try ResultReader.read(data: data, path: path))
            }
        } catch {
            problems.append("skipped \(error)")
        }
    }

    /// A result read in full: it may also tell the group about items it did not know.
    public mutating func add(_ result: AssessmentResult, from source: ClassGroup.Source = ClassGroup.noSource) {
        if let index = group(of: result.questionnaire) {
            groups[index].learn(from: result)
            add(ClassRecord(result), to: index, from: source)
        } else {
            groups.append(ClassGroup(result, allAttempts: allAttempts, expected: expectedCount))
            add(ClassRecord(result), to: groups.count - 1, from: source)
        }
    }
}
