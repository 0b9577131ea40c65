import SkillsCore

/// One `skills` command: its spec (arguments and help) and what it does.
protocol Command {
    static var spec: CommandSpec { get }
    /// Returns the exit code; throws for errors, which `CLI` prints and maps.
    static func run(_ context: Context) throws -> Int32
}

/// The exit codes the product brief promises (BSD sysexits where one fits).
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

/// A command's `--format` values, as an enum of its own: a format the command lacks cannot
/// be chosen, and its help and completions list exactly these. The first case is the default.
protocol CommandFormat: RawRepresentable<String>, CaseIterable {}

extension CommandFormat {
    static var names: [String] { allCases.map(\.rawValue) }
    static var standard: Self { allCases.first! }
}

/// Every format a command may offer.
enum FormatName {
    static let all = ["text", "markdown", "json", "csv", "html", "xapi"]
}
