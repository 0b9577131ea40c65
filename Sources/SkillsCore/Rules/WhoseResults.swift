/// Whose results a command is about, the same for every command that takes `--name`:
/// the name given; else the login name when the store has results of it; else, in a store
/// that holds one person's results only (an agent's own store, whatever name they saved
/// under), that person; else the login name in an empty store. A shared store without
/// the login name's results asks for `--name`, naming the people it holds.
public struct WhoseResults: Sendable {
    public let store: ResultStore

    public init(store: ResultStore) { self.store = store }

    public func person(named: String?, loginName: String, problems: inout [String]) throws -> String {
        let theirs = try results(named: named, loginName: loginName)
        problems += theirs.problems
        return theirs.person
    }

    /// The person, by the rule above, with their results as far as they were read to decide
    /// it: the command reads on from there, never a file twice. Damaged files are in its
    /// `problems`.
    public func results(named: String?, loginName: String, questionnaire: String? = nil) throws -> PersonResults {
        if let named {
            return try PersonResults(store: store, person: PersonName.validate(named), questionnaire: questionnaire)
        }
        let login = try PersonName.validate(loginName, option: "login name")
        let mine = try PersonResults(store: store, person: login)
        if !mine.isEmpty { return try questionnaire.map(mine.narrowed) ?? mine }
        // A few people are enough to know the store is shared, and to name them: stop there.
        var problems = mine.problems
        var read: [StoredResult] = []
        var tried: Set<String> = []
        let people = try store.people(upTo: 4, problems: &problems, read: &read, tried: &tried)
        if people.count == 1, let only = people.first {
            let theirs = try PersonResults(
                store: store, person: only, questionnaire: questionnaire, alreadyRead: read, alsoTried: tried)
            theirs.problems = problems + theirs.problems
            return theirs
        }
        if people.count > 1 {
            let named = people.prefix(3).map { TextSafety.visible($0) }.joined(separator: ", ")
            let names = people.count > 3 ? named + " and others" : named
            throw SkillsError.notFound(
                "no results for '\(TextSafety.visible(login))'; the store has results for \(names): choose with --name"
            )
        }
        let theirs = try PersonResults(store: store, person: login, questionnaire: questionnaire)
        theirs.problems = problems
        return theirs
    }
}
