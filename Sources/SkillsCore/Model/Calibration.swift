/// How reliable each area's score is, stated in a rating questionnaire so that every score
/// can carry its standard error: per area the reliability (Cronbach's alpha of the area's
/// items) and the standard deviation of area scores (0–100) in the people it was measured
/// on. `skills class` computes this block from a class's results, ready to paste.
public struct Calibration: Codable, Sendable, Equatable {
    /// Where the figures come from (a class, a simulation, a published study).
    public var source: String
    public var areas: [String: AreaCalibration]

    public init(source: String, areas: [String: AreaCalibration]) {
        self.source = source
        self.areas = areas
    }

    public struct AreaCalibration: Codable, Sendable, Equatable {
        public var reliability: Double
        public var standardDeviation: Double

        public init(reliability: Double, standardDeviation: Double) {
            self.reliability = reliability
            self.standardDeviation = standardDeviation
        }

        /// SEM = SD·√(1 − reliability).
        public var standardError: Double? {
            Measurement.standardErrorOfMeasurement(standardDeviation: standardDeviation, reliability: reliability)
        }
    }

    /// (field, message) for every figure out of range.
    func problems(knownAreas: [String]) -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        if source.trimmed.isEmpty { problems.append(("source", "missing; say where the figures come from")) }
        for (area, figures) in areas.sorted(by: { $0.key < $1.key }) {
            if !knownAreas.contains(area) {
                problems.append(
                    ("areas.\(area)", "unknown area; expected one of \(knownAreas.joined(separator: ", "))"))
            }
            if !(figures.reliability >= 0 && figures.reliability < 1) {
                problems.append(("areas.\(area).reliability", "\(figures.reliability); expected 0 to just under 1"))
            }
            if !(figures.standardDeviation > 0 && figures.standardDeviation <= 100) {
                problems.append(
                    ("areas.\(area).standardDeviation", "\(figures.standardDeviation); expected above 0, up to 100"))
            }
        }
        return problems
    }
}
