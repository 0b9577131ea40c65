import FoundationEssentials
import Glibc

/// The names in a store's `results/` folder, remembered in the store's `.results-listing` so that a
/// command in a team store need not list the folder again. Listing 10,000 names costs the kernel
/// about 6 ms on the benchmark machine, as much as the rest of a check-in; reading them back from one
/// file costs a fraction of a millisecond.
///
/// The remembered names are used only while the folder is exactly as it was when listed: the same
/// device and inode, and the same modification and change times to the nanosecond. Creating,
/// removing or renaming any entry changes both times, and no program can set a change time back.
/// A listing is remembered only when the folder last changed at least `settled` seconds before it
/// was listed: a name added within the same tick of the file system's clock could otherwise leave
/// the times equal while the name is missing. "Before" is judged by this machine's clock and also
/// by the file system's own (the time it stamps on the new listing file). Only local file systems
/// keeping nanoseconds qualify (`timesMarkEveryChange`). Anything unexpected (no listing, another
/// folder, a damaged file, a folder that cannot be read) lists the folder as before, so the worst a
/// listing can cost is a slower command, never a result left out.
enum ResultsListing {
    static let fileName = ".results-listing"
    /// Seconds a folder must have been left alone before its names are remembered: longer than
    /// any file system's time step (FAT's is two seconds).
    static let settled = 3
    private static let header = "skills results listing 2"
    private static let footer = "end"
    private static let sizeLimit = 256 * 1024 * 1024

    /// The names of the JSON results in `folder` that `keep` accepts, as `JSONFile.names(in:keeping:)`
    /// gives them (from a remembered listing: the names `save` did not make first). `listing`: where
    /// the store remembers them. `marker`: bytes every name `keep` accepts among those `save` made
    /// holds at byte 18 (the person's part), so that a remembered listing of a team store is searched
    /// for them (`memmem`) rather than read name by name. `now` and `fileSystemNow`: seconds since
    /// 1970, passed by tests in place of this machine's clock and of the time the file system stamps
    /// on the new listing.
    static func names(
        in folder: String, listing: String, marker: [UInt8]? = nil, now: Int? = nil, fileSystemNow: Int? = nil,
        keeping keep: (UnsafeRawBufferPointer) -> Bool
    ) throws -> [String] {
        var status = stat()
        guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
            timesMarkEveryChange(folder, status, listing: listing)
        else { return try JSONFile.names(in: folder, keeping: keep) }
        let stamp = Stamp(status)
        if let names = remembered(listing, stamp: stamp, marker: marker, keeping: keep) { return names }
        let changed = max(status.st_mtim.tv_sec, status.st_ctim.tv_sec)
        guard changed <= (now ?? time(nil)) - settled else { return try JSONFile.names(in: folder, keeping: keep) }
        let all = try JSONFile.names(in: folder)
        remember(
            all, of: stamp, changed: changed, at: listing, readableAs: status.st_mode, fileSystemNow: fileSystemNow)
        return all.filter { name in
            var name = name
            return name.withUTF8 { keep(UnsafeRawBufferPointer($0)) }
        }
    }

    /// File systems whose times this machine's kernel sets itself, to the nanosecond: ext2/3/4,
    /// XFS, Btrfs, tmpfs, overlayfs, F2FS, ZFS and bcachefs. On a network or user-space file system
    /// (NFS, SMB, sshfs) a folder's times may be cached for a minute or come from another clock,
    /// so a colleague's result just saved there could be missed: such a store is listed every time.
    static func isLocal(fileSystem type: Int) -> Bool {
        // A switch, not a Set: a Set made at run time cost a short command 350,000 instructions.
        switch type {
        case 0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0x794C_7630, 0xF2F5_2010, 0x2FC1_2FC1, 0xCA45_1A4E: true
        default: false
        }
    }

    /// Whether the folder's times can stand for its names: a local file system keeping
    /// nanoseconds (on one keeping whole seconds, as FAT and old ext4 volumes do, every change
    /// within a second looks alike), with the listing on the same file system (not `results/`
    /// mounted or linked from another disk, whose clock the listing's own time would not show).
    private static func timesMarkEveryChange(_ folder: String, _ status: stat, listing: String) -> Bool {
        guard status.st_mtim.tv_nsec != 0 || status.st_ctim.tv_nsec != 0 else { return false }
        guard let type = fileSystemType(folder), isLocal(fileSystem: type) else { return false }
        var store = stat()
        return stat(storeFolder(of: listing), &store) == 0 && store.st_dev == status.st_dev
    }

    /// The type of the file system `path` is on, from statfs(2), which Swift's Glibc module does
    /// not declare: looked up by name (a C function pointer, so the C calling convention holds),
    /// and read from the first field of `struct statfs` (a long on Linux). Nil elsewhere or on
    /// failure, which only means the folder is listed every time.
    static func fileSystemType(_ path: String) -> Int? {
        #if os(Linux)
            typealias StatFS = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32
            guard let symbol = dlsym(nil, "statfs") else { return nil }
            let call = unsafeBitCast(symbol, to: StatFS.self)
            // struct statfs is 120 bytes on 64-bit Linux; room to spare.
            var buffer = [UInt8](repeating: 0, count: 256)
            let status = buffer.withUnsafeMutableBytes { raw in path.withCString { call($0, raw.baseAddress!) } }
            return status == 0 ? buffer.withUnsafeBytes { $0.load(as: Int.self) } : nil
        #else
            return nil
        #endif
    }

    /// What identifies one state of a folder's entries.
    private struct Stamp {
        let fields: [Int]

        init(_ status: stat) {
            fields = [
                Int(truncatingIfNeeded: status.st_dev), Int(truncatingIfNeeded: status.st_ino),
                status.st_mtim.tv_sec, status.st_mtim.tv_nsec,
                status.st_ctim.tv_sec, status.st_ctim.tv_nsec,
            ]
        }

        var line: String { header + " " + fields.map(String.init).joined(separator: " ") }
    }

    /// The remembered names when the listing belongs to this state of the folder; nil otherwise.
    /// The file is `header stamp others`, the names `save` did not make (`others` of them), then the
    /// names it made, one a line, then `end count`.
    private static func remembered(
        _ listing: String, stamp: Stamp, marker: [UInt8]?, keeping keep: (UnsafeRawBufferPointer) -> Bool
    ) -> [String]? {
        guard let bytes = contents(of: listing) else { return nil }
        return bytes.withUnsafeBytes { raw -> [String]? in
            guard let base = raw.baseAddress else { return nil }
            // A name is never a path: a listing naming one (or holding a NUL) is not the tool's own.
            // memchr, not `contains`: the listing of a team store is 600 KB.
            if memchr(base, Int32(UInt8(ascii: "/")), raw.count) != nil || memchr(base, 0, raw.count) != nil {
                return nil
            }
            var lines = Lines(raw)
            guard let first = lines.next() else { return nil }
            let header = String(decoding: first, as: UTF8.self)
            guard header.hasPrefix(stamp.line + " "), let others = Int(header.dropFirst(stamp.line.count + 1)),
                others >= 0
            else { return nil }
            // A file written whole ends in a newline after its `end count` line.
            guard raw.count >= 2, raw[raw.count - 1] == 0x0A,
                let footerStart = (0..<(raw.count - 1)).reversed().first(where: { raw[$0] == 0x0A }).map({ $0 + 1 }),
                footerStart >= lines.at,
                let count = Int(String(decoding: raw[footerStart..<(raw.count - 1)], as: UTF8.self).dropFirst(4)),
                String(decoding: raw[footerStart..<(footerStart + 4)], as: UTF8.self) == footer + " ", count >= others
            else { return nil }
            var names: [String] = []
            for _ in 0..<others {
                guard let name = lines.next(), lines.at <= footerStart else { return nil }
                if keep(name) { names.append(String(decoding: name, as: UTF8.self)) }
            }
            let region = UnsafeRawBufferPointer(rebasing: raw[lines.at..<footerStart])
            if let marker, !marker.isEmpty, let memmem = Self.memmem {
                names += search(region, for: marker, with: memmem, keeping: keep)
                return names
            }
            var rest = Lines(region)
            while let name = rest.next() {
                if keep(name) { names.append(String(decoding: name, as: UTF8.self)) }
            }
            return names
        }
    }

    /// The names in `region` (one a line) holding `marker` at byte 18 that `keep` accepts, found
    /// with memmem: a team store's 10,000 names cost 2.4 million instructions read one by one.
    private static func search(
        _ region: UnsafeRawBufferPointer, for marker: [UInt8], with memmem: MemMem,
        keeping keep: (UnsafeRawBufferPointer) -> Bool
    ) -> [String] {
        guard let base = region.baseAddress else { return [] }
        var names: [String] = []
        var from = 18
        while from < region.count {
            guard
                let hit = marker.withUnsafeBytes({ memmem(base + from, region.count - from, $0.baseAddress!, $0.count) }
                )
            else { break }
            let at = UnsafeRawPointer(hit) - base
            from = at + 1
            let start = at - 18
            guard start == 0 || region[start - 1] == 0x0A else { continue }
            let end = memchr(base + at, 0x0A, region.count - at).map { UnsafeRawPointer($0) - base } ?? region.count
            let name = UnsafeRawBufferPointer(rebasing: region[start..<end])
            // No other line can start within this one: carry on after it.
            from = end + 1 + 18
            if keep(name) { names.append(String(decoding: name, as: UTF8.self)) }
        }
        return names
    }

    typealias MemMem = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?

    /// The C library's memmem(3), which Swift's Glibc module does not declare (a GNU extension):
    /// looked up by name as `fileSystemType` looks up statfs. Nil elsewhere: then every name is read.
    static let memmem: MemMem? = dlsym(nil, "memmem").map { unsafeBitCast($0, to: MemMem.self) }

    /// The lines of a buffer, found with memchr.
    private struct Lines {
        let raw: UnsafeRawBufferPointer
        var at = 0

        init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

        mutating func next() -> UnsafeRawBufferPointer? {
            guard at < raw.count, let base = raw.baseAddress else { return nil }
            guard let end = memchr(base + at, Int32(UInt8(ascii: "\n")), raw.count - at) else {
                defer { at = raw.count }
                return UnsafeRawBufferPointer(rebasing: raw[at...])
            }
            let stop = UnsafeRawPointer(end) - base
            defer { at = stop + 1 }
            return UnsafeRawBufferPointer(rebasing: raw[at..<stop])
        }
    }

    /// Writes the listing beside the results, replacing any older one by rename, so a reader sees
    /// the old file or the new one whole. Best effort: a store that cannot be written to (or a
    /// name holding a newline) is simply listed every time.
    private static func remember(
        _ names: [String], of stamp: Stamp, changed: Int, at listing: String, readableAs folderMode: mode_t,
        fileSystemNow: Int?
    ) {
        guard !names.contains(where: { $0.utf8.contains(UInt8(ascii: "\n")) }) else { return }
        let saved = { (name: String) in
            var name = name
            return name.withUTF8 { ResultStore.isSaveName(UnsafeRawBufferPointer($0)) }
        }
        let others = names.filter { !saved($0) }
        var text = stamp.line + " \(others.count)\n"
        text.reserveCapacity(names.count * 64)
        for name in others + names.filter(saved) { text += name + "\n" }
        text += "\(footer) \(names.count)\n"
        let folder = storeFolder(of: listing)
        // Left by a command killed while writing one (a listing is written in milliseconds).
        AtomicFile.removeStale(in: folder, startingWith: AtomicFile.temporaryPrefix, olderThan: ResultStore.staleAfter)
        guard let temporary = try? AtomicFile.writeTemporary(Data(text.utf8), in: URL(fileURLWithPath: folder)).path
        else { return }
        // Readable by those who may list `results/` and no one else: the names carry people and times.
        chmod(temporary, 0o600 | (folderMode & 0o044))
        // The file system's clock: the time it stamped on the file just written.
        var status = stat()
        let stamped = stat(temporary, &status) == 0 ? status.st_mtim.tv_sec : Int.min
        let settledThen = changed <= (fileSystemNow ?? stamped) - settled
        if !settledThen || rename(temporary, listing) != 0 { unlink(temporary) }
    }

    /// The store's folder: the listing's path cut at its last slash (cheaper than `NSString`).
    private static func storeFolder(of listing: String) -> String {
        listing.lastIndex(of: "/").map { String(listing[..<$0]) } ?? "."
    }

    /// The whole listing file, or nil when there is none (or it is not a plain file of sane size).
    private static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
            status.st_size <= sizeLimit
        else { return nil }
        let size = Int(status.st_size)
        var count = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { break }
                count += got
            }
            initialized = count
        }
        return count == size ? bytes : nil
    }
}
