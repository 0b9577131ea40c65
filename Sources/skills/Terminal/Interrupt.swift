import Foundation

/// Ctrl-C while a questionnaire is being taken: nothing has been written to the store yet
/// (results are saved whole, at the end), so say so and exit 130.
enum Interrupt {
    static func install() {
        signal(SIGINT) { _ in
            let message = "\nCancelled: nothing was saved.\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(130)
        }
    }

    /// Writing to a closed pipe returns EPIPE instead of killing the process.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }
}
