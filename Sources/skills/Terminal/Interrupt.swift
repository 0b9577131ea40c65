import FoundationEssentials
import Glibc

/// Ctrl-C while a questionnaire is being taken: no result has been written yet (results
/// are saved whole, at the end; a draft, if kept, is already on disk), so say which and
/// exit 130.
enum Interrupt {
    /// The line Ctrl-C prints: set once before the handler is installed, read only by it.
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?

    static func install(message text: String) {
        message = strdup("\n" + text + "\n")
        // A parent may have started us with SIGINT blocked (some process launchers pass
        // their own mask on); unblock it so Ctrl-C reaches the handler.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        signal(SIGINT) { _ in
            if let message = Interrupt.message { _ = write(2, message, strlen(message)) }
            _exit(130)
        }
    }

    /// Once the answers are in, the save takes milliseconds: let it finish rather than
    /// report "nothing was saved" about a result that was.
    static func holdDuringSave() {
        signal(SIGINT, SIG_IGN)
    }

    /// Writing to a closed pipe returns EPIPE instead of killing the process.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }
}
