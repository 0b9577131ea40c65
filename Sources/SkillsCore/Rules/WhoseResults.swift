/// Whose results a command is about, the same for every command that takes `--name`:
/// the name given; else the login name when the store has results of it; else, in a store
/// that holds one person's results only (an agent's own store, whatever name they saved
/// under), that person; else the login name in an empty store. A shared store without
/// the login name's results asks for `--name`, naming the people it holds.
public struct WhoseResults: Sendable {
    public let store: ResultStore

    public init(store: ResultStore) { self.store = store }

    public func person(named: String?, loginName: String, problems: inout [String]) throws -> String {
        if let named { return try PersonName.validate(named) }
        let login = try PersonName.validate(loginName, option: "login name")
        if try !store.results(of: login, problems: &problems).isEmpty { return login }
        // A few people are enough to know the store is shared, and to name them: stop there.
        let people = try store.people(upTo: 4, problems: &problems)
        if people.count == 1, let only = people.first { return only }
        if people.count > 1 {
            let named = people.prefix(3).map { TextSafety.visible($0) }.joined(separator: ", ")
            let names = people.count > 3 ? named + " and others" : named
            throw SkillsError.notFound(
                "no results for '\(TextSafety.visible(login))'; the store has results for \(names): choose with --name"
            )
        }
        return login
    }
}
