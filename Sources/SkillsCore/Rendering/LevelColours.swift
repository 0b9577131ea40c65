/// Colours follow the rubric's bands (Data/framework.json), lowest band first, so a team
/// that moves a band's edges moves its colour too: red, amber, teal, green for four bands,
/// spread over the same palette for more or fewer.
public struct LevelColours: Sendable {
    public let levels: [LevelBand]

    public init(levels: [LevelBand]) { self.levels = levels }

    static let terminalCodes = ["31", "33", "36", "32"]
    static let svgColours = ["#c62828", "#f9a825", "#00838f", "#2e7d32"]

    /// The palette position of the band the score falls in (whole points, as printed).
    func position(of score: Double) -> Int {
        let whole = Int(Swift.max(0, Swift.min(100, score)).rounded())
        guard let band = levels.firstIndex(where: { whole >= $0.min && whole <= $0.max }), levels.count > 1 else {
            return Self.terminalCodes.count - 1
        }
        return Int((Double(band) * Double(Self.terminalCodes.count - 1) / Double(levels.count - 1)).rounded())
    }

    public func terminalCode(for score: Double) -> String { Self.terminalCodes[position(of: score)] }
    public func svgColour(for score: Double) -> String { Self.svgColours[position(of: score)] }
}
