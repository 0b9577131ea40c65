import FoundationEssentials
import Glibc

/// Whether a change between two scores is larger than measurement error alone would make it:
/// Jacobson & Truax's reliable change index (1991, "Clinical significance: a statistical
/// approach to defining meaningful change in psychotherapy research", J. Consult. Clin.
/// Psychol. 59(1), 12–19).
public struct ReliableChange: Equatable, Sendable {
    public enum Direction: String, Codable, Sendable {
        case up
        case down
        case none
    }

    /// The change, after minus before, in points.
    public var change: Double
    /// RCI = (x₂ − x₁) / S_diff.
    public var index: Double
    /// |RCI| ≥ the criterion (1.645 by default: a 90% two-sided criterion, matching the bands).
    public var isReliable: Bool

    public var direction: Direction {
        guard isReliable else { return .none }
        return change > 0 ? .up : .down
    }

    /// RCI = (x₂ − x₁) / (√2·SEM), Jacobson & Truax's form, for two scores measured with the
    /// same SEM. Nil when the SEM is not positive (nothing to compare the change against).
    public init?(
        from before: Double, to after: Double, standardErrorOfMeasurement: Double, criterion: Double = Measurement.z90
    ) {
        self.init(
            from: before, to: after, standardErrors: (standardErrorOfMeasurement, standardErrorOfMeasurement),
            criterion: criterion)
    }

    /// The same index when the two scores carry different standard errors (a quiz area's Lord
    /// error depends on the score): S_diff = √(SE₁² + SE₂²), which is √2·SEM when they are
    /// equal (the standard error of a difference of independent errors).
    public init?(
        from before: Double, to after: Double, standardErrors: (Double, Double), criterion: Double = Measurement.z90
    ) {
        let spread = (standardErrors.0 * standardErrors.0 + standardErrors.1 * standardErrors.1).squareRoot()
        guard spread > 0, spread.isFinite else { return nil }
        change = after - before
        index = change / spread
        isReliable = abs(index) >= criterion
    }
}
