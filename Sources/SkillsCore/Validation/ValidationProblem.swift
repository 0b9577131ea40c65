/// One thing wrong with a questionnaire: where (file and JSON path or item id) and what
/// was expected.
public struct ValidationProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var location: String
    public var message: String

    public init(file: String, location: String, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String { "\(file): \(location): \(message)" }
}
