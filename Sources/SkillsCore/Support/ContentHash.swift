import FoundationEssentials
import Glibc

/// The content hash recorded in every result: SHA-256 of the questionnaire's canonical
/// JSON (sorted keys), so reformatting a file keeps its hash and any edit to its content
/// changes it.
public enum ContentHash {
    public static func of(_ questionnaire: Questionnaire) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(questionnaire)) ?? Data()
        return "sha256:" + SHA256.hex(data)
    }
}
