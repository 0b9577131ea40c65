import FoundationEssentials
import Glibc

/// Reading and decoding JSON files with errors a trainer can act on: the file, the JSON
/// path (`items[3].scale.max`), and what was expected.
public enum JSONFile {
    /// Questionnaires and results are small; a larger file is a mistake (or an attack),
    /// refused before it is read into memory.
    public static let sizeLimit = 5 * 1024 * 1024

    /// Reads a whole file, to the end of the stream (never trusting its size, so a pipe or
    /// `/dev/stdin` is read whole). One open, one fstat and the reads: a class summary reads
    /// thousands of files, and FileManager's attribute dictionary costs more than the read.
    ///
    /// `regularOnly` (every file found in the store or in a folder): a FIFO, socket or
    /// device is refused without ever blocking on it. A file the user names may be a pipe.
    public static func read(_ path: String, regularOnly: Bool = true) throws -> Data {
        let buffer = ReadBuffer(capacity: 0)
        let count = try read(path, into: buffer, regularOnly: regularOnly).count
        return buffer.handOver(count: count)
    }

    /// Memory for reading many files one after another: it grows to the largest file and is
    /// never zero-filled, so a class summary's worker reads each file with no allocation
    /// and no copy. Not for sharing between threads.
    public final class ReadBuffer {
        fileprivate var base: UnsafeMutableRawPointer?
        fileprivate private(set) var capacity = 0

        public init(capacity: Int = 65_536) { reserve(capacity) }

        deinit { free(base) }

        /// The first `count` bytes as `Data`, which takes the memory over: no copy.
        fileprivate func handOver(count: Int) -> Data {
            guard let memory = base, count > 0 else { return Data() }
            base = nil
            capacity = 0
            return Data(bytesNoCopy: memory, count: count, deallocator: .free)
        }

        /// false when the memory is not there (the file is then not read, rather than a trap).
        @discardableResult
        fileprivate func reserve(_ wanted: Int) -> Bool {
            guard wanted > capacity else { return true }
            guard let grown = realloc(base, wanted) else { return false }
            base = grown
            capacity = wanted
            return true
        }
    }

    /// The same reading into `buffer`: the bytes stay valid until its next read.
    public static func read(_ path: String, into buffer: ReadBuffer, regularOnly: Bool = true) throws
        -> UnsafeRawBufferPointer
    {
        // Store files are opened without blocking, so a FIFO there cannot hang anyone; a pipe
        // the user names is opened as `cat` would, waiting for its writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0))
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw SkillsError.notFound("\(path): no such file") }
            throw SkillsError.io(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw SkillsError.io(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR {
            throw SkillsError.invalidData(file: path, detail: "is a folder; expected a JSON file")
        }
        if type != S_IFREG {
            if regularOnly {
                throw SkillsError.invalidData(
                    file: path, detail: "is not a regular file (a FIFO, socket or device); expected a JSON file")
            }
        }
        if Int(status.st_size) > sizeLimit { throw tooLarge(path, megabytes: Int(status.st_size) / 1024 / 1024) }
        // One byte more than the size, so the read that finds the end needs no growing.
        let outOfMemory = SkillsError.io(path: path, reason: "cannot read: out of memory")
        guard buffer.reserve(type == S_IFREG ? Int(status.st_size) + 1 : 4096) else { throw outOfMemory }
        var count = 0
        while true {
            if count == buffer.capacity, !buffer.reserve(min(buffer.capacity * 2, sizeLimit + 1)) { throw outOfMemory }
            let got = Glibc.read(descriptor, buffer.base! + count, buffer.capacity - count)
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw SkillsError.io(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            count += got
            if count > sizeLimit { throw tooLarge(path, megabytes: nil) }
            // A regular file read to the size fstat gave is read: a class summary's files cost
            // four system calls each instead of five (the read that would find the end).
            if type == S_IFREG && status.st_size > 0 && count >= Int(status.st_size) { break }
        }
        return UnsafeRawBufferPointer(start: buffer.base, count: count)
    }

    private static func tooLarge(_ path: String, megabytes: Int?) -> SkillsError {
        let size = megabytes.map { "is \($0) MB" } ?? "is over \(sizeLimit / 1024 / 1024) MB"
        return .invalidData(file: path, detail: "\(size); expected a file under \(sizeLimit / 1024 / 1024) MB")
    }

    /// The JSON files in a folder, sorted by name, leaving out hidden and temporary
    /// files (the store's `.tmp-` files are half-written results).
    public static func files(in folder: String) throws -> [String] {
        try names(in: folder).map { joinedPath(folder, $0) }
    }

    /// The names of those files, sorted. A folder that does not exist has none; one that
    /// cannot be read is an I/O error, never "no results".
    public static func names(in folder: String) throws -> [String] {
        try names(in: folder) { _ in true }
    }

    /// The same, keeping only the names whose bytes `keep` accepts: a String is made only for
    /// those (a team store holds thousands of names, of which a command wants a few).
    public static func names(in folder: String, keeping keep: (UnsafeRawBufferPointer) -> Bool) throws -> [String] {
        guard let directory = opendir(folder) else {
            let reason = errno
            // No such folder (nor, when a file stands in the path, any folder there): no files.
            var status = stat()
            if reason == ENOENT || stat(folder, &status) != 0 { return [] }
            errno = reason
            throw SkillsError.io(path: folder, reason: "cannot read the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String? in
                let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                let bytes = UnsafeRawBufferPointer(start: raw.baseAddress, count: length)
                return keep(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
            }
            if let name, name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws -> T {
        if String(data: data, encoding: .utf8) == nil {
            throw SkillsError.invalidData(file: file, detail: "is not UTF-8 text; expected a JSON file")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            // The decoder of FoundationEssentials says only "not valid JSON": the parser says where.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                do { _ = try JSONValue.parse(data) } catch {
                    throw SkillsError.invalidData(file: file, detail: "not valid JSON: \(error)")
                }
            }
            throw SkillsError.invalidData(file: file, detail: describe(error))
        } catch {
            throw SkillsError.invalidData(file: file, detail: "not valid JSON: \(error)")
        }
    }

    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    /// Pretty, sorted JSON as text, for `--format json`.
    public static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// `items[3].options[0].text`
    public static func path(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out.isEmpty ? "(top level)" : out
    }

    /// Where in the JSON a decoding error happened (nil for the whole file) and what was expected.
    static func locate(_ error: DecodingError) -> (path: String?, message: String) {
        switch error {
        case .keyNotFound(let key, let context):
            return (context.codingPath.isEmpty ? nil : path(context.codingPath), "missing field '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(typeName(type)); found another kind of value")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "expected \(typeName(type)); found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return (nil, "not valid JSON: \(context.debugDescription)")
            }
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return (nil, "not valid: \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        let (path, message) = locate(error)
        return path.map { "at `\($0)`: \(message)" } ?? message
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text (a string)"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            if "\(type)".hasPrefix("Array") { "a list ([...])" } else { "an object ({...})" }
        }
    }
}

/// Decodes a string enum with an error that lists the accepted values.
func decodeNamedValue<T: RawRepresentable & CaseIterable>(_ decoder: any Decoder) throws -> T
where T.RawValue == String {
    let container = try decoder.singleValueContainer()
    let raw = try container.decode(String.self)
    guard let value = T(rawValue: raw) else {
        let accepted = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "expected one of \(accepted); found '\(raw)'")
    }
    return value
}

/// `name` inside `folder`, as `NSString.appendingPathComponent` joins them.
func joinedPath(_ folder: String, _ name: String) -> String {
    folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
}

extension JSONFile {
    /// Whether `path` is a folder (following links), a file, or nothing: nil when it does not exist.
    public static func isFolder(_ path: String) -> Bool? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR
    }
}
