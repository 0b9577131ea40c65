/// Where the questionnaire runner reads answers and writes prompts. The executable passes
/// the terminal; tests pass scripted input and a recording output, so nothing in
/// SkillsCore touches the real terminal.
public protocol InputProvider: AnyObject {
    /// The next line without its newline, or nil at end of input.
    func readLine() -> String?
}

public protocol OutputHandler: AnyObject {
    func write(_ text: String)
}

/// Lines given up front, as a test or a script would.
public final class ScriptedInput: InputProvider {
    private var lines: [String]
    public init(_ lines: [String]) { self.lines = lines }
    public func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}

/// Keeps everything written, for tests.
public final class RecordingOutput: OutputHandler {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}
