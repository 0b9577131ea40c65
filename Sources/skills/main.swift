import Foundation

// The executable only connects the process to `CLI`: arguments, environment, streams.
Interrupt.ignoreBrokenPipes()
let status = CLI.run(
    Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment,
    output: FileDescriptorOutput(descriptor: 1),
    errors: FileDescriptorOutput(descriptor: 2),
    input: StandardInput(),
    inputIsTerminal: TTY.isTerminal(0))
exit(status)
