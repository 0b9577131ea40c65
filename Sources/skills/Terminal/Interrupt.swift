import Foundation

/// Ctrl-C while a questionnaire is being taken: nothing has been written to the store yet
/// (results are saved whole, at the end), so say so and exit 130.
enum Interrupt {
    static func install() {
        // A parent may have started us with SIGINT blocked (some process launchers pass
        // their own mask on); unblock it so Ctrl-C reaches the handler.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        signal(SIGINT) { _ in
            let message = "\nCancelled: nothing was saved.\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
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
