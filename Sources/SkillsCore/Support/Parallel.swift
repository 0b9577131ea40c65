import Dispatch
import FoundationEssentials
import Glibc

/// Work on many files spread over every core, the results kept in the files' order: the
/// class summary's batches and a long history both read this way.
enum Parallel {
    /// The cores to use (at most eight: reading files gains nothing past that).
    static var cores: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

    /// `transform` of each contiguous piece of `items` (at most `pieces` of them), run on every
    /// core, joined in order. A piece may set up what its items share (a read buffer).
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], pieces: Int, _ transform: @Sendable (ArraySlice<Item>) -> [Output]
    )
        -> [Output]
    {
        let pieces = max(1, min(items.count, pieces))
        let size = (items.count + pieces - 1) / pieces
        var parts = [[Output]](repeating: [], count: pieces)
        parts.withUnsafeMutableBufferPointer { buffer in
            // Each piece is written by one worker only, and read after all are done.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                // The last pieces may be empty: 18 items in 16 pieces of 2.
                let start = min(items.count, piece * size)
                out[piece] = transform(items[start..<min(items.count, start + size)])
            }
        }
        return parts.flatMap { $0 }
    }
}
