import FoundationEssentials
import Glibc

// The executable only connects the process to `CLI`: arguments, environment, streams.
Interrupt.ignoreBrokenPipes()
// Ctrl-C: exit 130 with one line; `take` says what became of the answers, `sync` keeps its
// ledger of what was already accepted, so nothing more is claimed here.
Interrupt.install(message: "Stopped.")
// A standard stream started closed is held on /dev/null, so no file this run opens can
// take its number and receive the report; a closed standard output is still an error.
let closedStreams = (0...2).filter { fcntl($0, F_GETFD) == -1 }
for stream in closedStreams { _ = open("/dev/null", stream == 0 ? O_RDONLY : O_WRONLY) }
let output = FileDescriptorOutput(descriptor: 1)
if closedStreams.contains(1) { output.fail("Bad file descriptor (it was closed)") }
let errors = FileDescriptorOutput(descriptor: 2)
var status = CLI.run(
    Array(CommandLine.arguments.dropFirst()),
    environment: ProcessEnvironment.current(),
    output: output, errors: errors,
    input: StandardInput(),
    inputIsTerminal: TTY.isTerminal(0), outputIsTerminal: TTY.isTerminal(1))
if let failure = output.failure, status == ExitCode.success {
    errors.write("Error: standard output: \(failure)\n")
    status = ExitCode.io
}
exit(status)
