import FoundationEssentials
import Glibc

/// Every failure SkillsCore reports. Each message is one line naming the file, the
/// field or item, the value, and what was expected; the executable maps `kind` to an
/// exit code.
public enum SkillsError: Error, Equatable, CustomStringConvertible {
    /// A questionnaire, answer or result that is not what it should be (exit 65).
    case invalidData(file: String, detail: String)
    /// A questionnaire with problems, each reported on its own line (exit 65).
    case invalidQuestionnaire([ValidationProblem])
    /// A file or questionnaire that does not exist (exit 66).
    case notFound(String)
    /// Output that cannot be created, such as a store folder (exit 73).
    case cannotCreate(path: String, reason: String)
    /// Reading or writing failed part way (exit 74).
    case io(path: String, reason: String)
    /// The person stopped, or input ended before the last question (exit 130).
    case cancelled(String)
    /// The arguments themselves are wrong (exit 64).
    case usage(String)

    public enum Kind: Sendable { case invalidData, notFound, cannotCreate, io, cancelled, usage }

    public var kind: Kind {
        switch self {
        case .invalidData, .invalidQuestionnaire: .invalidData
        case .notFound: .notFound
        case .cannotCreate: .cannotCreate
        case .io: .io
        case .cancelled: .cancelled
        case .usage: .usage
        }
    }

    /// One line per problem, with control and bidi characters from file names and file
    /// content shown visibly: nothing read from a file can start a line of its own (a
    /// forged "Error:") or reach the terminal as an escape sequence.
    public var description: String {
        switch self {
        case .invalidData(let file, let detail): TextSafety.visible("\(file): \(detail)")
        case .invalidQuestionnaire(let problems):
            problems.map { TextSafety.visible($0.description) }.joined(separator: "\n")
        case .notFound(let what): TextSafety.visible(what)
        case .cannotCreate(let path, let reason): TextSafety.visible("\(path): cannot create: \(reason)")
        case .io(let path, let reason): TextSafety.visible("\(path): \(reason)")
        case .cancelled(let why): TextSafety.visible(why)
        case .usage(let message): TextSafety.visible(message)
        }
    }
}
