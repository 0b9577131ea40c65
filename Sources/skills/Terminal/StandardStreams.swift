import FoundationEssentials
import Glibc
import SkillsCore

/// Writes to a file descriptor with write(2). A reader that went away (`skills ... | head`)
/// is not an error worth a crash: SIGPIPE is ignored at start-up and later writes are
/// dropped quietly. Any other failure (a full disk, a closed descriptor) is kept in
/// `failure`, so the command ends with an I/O error instead of a silent success.
final class FileDescriptorOutput: OutputHandler {
    private let descriptor: Int32
    private var closed = false
    private(set) var failure: String?

    init(descriptor: Int32) { self.descriptor = descriptor }

    func fail(_ reason: String) {
        failure = reason
        closed = true
    }

    func write(_ text: String) {
        guard !closed else { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno != EPIPE { failure = String(cString: strerror(errno)) }
                closed = true
                return
            }
            offset += written
        }
    }
}

/// Lines from standard input.
final class StandardInput: InputProvider {
    func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}
