import Foundation

#if canImport(FoundationXML)
    @_exported import FoundationXML
#endif

enum Fixture {
    static let areaIDs = ["listening", "anticipating-needs", "communicating", "empathy", "above-and-beyond"]
}
