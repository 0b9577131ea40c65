import SkillsCore

/// One `skills` command: its spec (arguments and help) and what it does.
protocol Command {
    static var spec: CommandSpec { get }
    /// Returns the exit code; throws for errors, which `CLI` prints and maps.
    static func run(_ context: Context) throws -> Int32
}

/// The exit codes PRODUCT.md promises (BSD sysexits where one fits).
enum ExitCode {
    static let success: Int32 = 0
    static let checkFailed: Int32 = 1
    static let usage: Int32 = 64
    static let invalidData: Int32 = 65
    static let notFound: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let io: Int32 = 74
    static let cancelled: Int32 = 130

    static func of(_ kind: SkillsError.Kind) -> Int32 {
        switch kind {
        case .invalidData: invalidData
        case .notFound: notFound
        case .cannotCreate: cannotCreate
        case .io: io
        case .cancelled: cancelled
        case .usage: usage
        }
    }
}

/// `--format` values; each command says which it supports.
enum OutputFormat: String, CaseIterable {
    case text, markdown, json, csv, html

    static func choose(
        _ context: Context, from supported: [OutputFormat], default fallback: OutputFormat = .text,
        spec: CommandSpec
    ) throws -> OutputFormat {
        guard let raw = context.arguments.value("--format") else { return fallback }
        guard let format = OutputFormat(rawValue: raw.lowercased()), supported.contains(format) else {
            let names = supported.map(\.rawValue)
            throw CommandLineError(
                message:
                    "--format '\(TextSafety.visible(raw))' is not available here\(Suggestion.hint(for: raw, in: names)); expected one of \(names.joined(separator: ", "))",
                spec: spec)
        }
        return format
    }
}
