import FoundationEssentials
import Glibc

/// One question of a practice session: the quiz it comes from, the item, and why it is asked.
public struct PracticeQuestion: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Due from the schedule, in this box.
        case due(box: Int)
        /// Never answered by the person, from an area where they missed a question.
        case unseen
    }

    public let questionnaire: String
    public let item: Item
    public let reason: Reason

    public var key: String { PracticeProgress.key(questionnaire: questionnaire, item: item.id) }
}

/// Which questions one practice session asks: the questions due today first (longest overdue,
/// then lowest box), then questions the person has never answered from the areas of the
/// questions they missed, up to `count`. The unseen ones are drawn in an order seeded by the
/// person and the day, so a session is the same however often it is listed that day, and
/// changes from day to day.
public enum PracticeSession {
    public static let defaultCount = 5

    /// `banks` are the quizzes by id; a scheduled question whose quiz or item is gone is left out.
    public static func questions(
        progress: PracticeProgress, results: [AssessmentResult], banks: [String: Questionnaire], on day: CalendarDay,
        count: Int
    ) -> [PracticeQuestion] {
        var chosen: [PracticeQuestion] = []
        var itemIDs: Set<String> = []
        for key in progress.schedule.due(on: day) where chosen.count < count {
            guard let (bank, item) = find(key, in: banks), !itemIDs.contains(item.id),
                let card = progress.schedule.cards[key]
            else { continue }
            chosen.append(PracticeQuestion(questionnaire: bank.id, item: item, reason: .due(box: card.box)))
            itemIDs.insert(item.id)
        }
        for (bank, item) in unseen(progress: progress, results: results, banks: banks, on: day)
        where chosen.count < count && !itemIDs.contains(item.id) {
            chosen.append(PracticeQuestion(questionnaire: bank, item: item, reason: .unseen))
            itemIDs.insert(item.id)
        }
        return chosen
    }

    /// Questions from the areas of the scheduled questions (each in its own quiz) that are
    /// neither scheduled nor answered in any of the person's results, in the day's draw order.
    public static func unseen(
        progress: PracticeProgress, results: [AssessmentResult], banks: [String: Questionnaire], on day: CalendarDay
    ) -> [(questionnaire: String, item: Item)] {
        var areas: [String: Set<String>] = [:]
        for key in progress.schedule.cards.keys {
            guard let (bank, item) = find(key, in: banks), let area = item.area else { continue }
            areas[bank.id, default: []].insert(area)
        }
        var answered: Set<String> = []
        for result in results {
            for answer in result.answers where answer.isAnswered {
                answered.insert(PracticeProgress.key(questionnaire: result.questionnaire.id, item: answer.item))
            }
        }
        var generator = SplitMix64(seed: "practice|\(PersonName.key(progress.person))|\(day.iso)")
        var candidates: [(draw: UInt64, questionnaire: String, item: Item)] = []
        for bankID in areas.keys.sorted() {
            guard let bank = banks[bankID], let wanted = areas[bankID] else { continue }
            for item in bank.items where item.type == .choice && wanted.contains(item.area ?? "") {
                let key = PracticeProgress.key(questionnaire: bankID, item: item.id)
                let draw = generator.next()
                if progress.schedule.cards[key] == nil && !answered.contains(key) {
                    candidates.append((draw, bankID, item))
                }
            }
        }
        return candidates.sorted { $0.draw < $1.draw }.map { ($0.questionnaire, $0.item) }
    }

    /// The quiz and item a schedule key names, when both still exist and the item can be asked.
    static func find(_ key: String, in banks: [String: Questionnaire]) -> (Questionnaire, Item)? {
        guard let slash = key.firstIndex(of: "/"), let bank = banks[String(key[..<slash])],
            let item = bank.items.first(where: { $0.id == String(key[key.index(after: slash)...]) }),
            case .choice = item.kind
        else { return nil }
        return (bank, item)
    }

    /// The session as a questionnaire the taking machinery can ask, shuffle and read answers
    /// for: the first quiz's settings with the session's items in session order.
    public static func form(of questions: [PracticeQuestion], banks: [String: Questionnaire]) -> Questionnaire? {
        guard let first = questions.first, var form = banks[first.questionnaire] else { return nil }
        form.draw = nil
        form.items = questions.map(\.item)
        return form
    }
}
