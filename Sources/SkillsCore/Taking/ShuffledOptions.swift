/// A form as one person sees it at a terminal: each choice item's options in that
/// person's order (`QuizForms.optionOrder`). Answers typed against the shown letters are
/// turned back into authored ones (the options' identities) before anything is scored or
/// stored, so a result always names options as the questionnaire wrote them.
public struct ShuffledOptions: Sendable {
    /// The form with its options reordered, for the runner to show and parse against.
    public let presented: Questionnaire
    /// Per choice item, the authored index of the option shown at each position.
    public let orders: [String: [Int]]

    public init(form: Questionnaire, person: String) {
        var orders: [String: [Int]] = [:]
        var presented = form
        for (index, item) in form.items.enumerated() {
            guard case .choice(var choice) = item.kind, choice.options.count > 1 else { continue }
            let order = QuizForms.optionOrder(person: person, item: item.id, count: choice.options.count)
            choice.options = order.map { choice.options[$0] }
            presented.items[index].kind = .choice(choice)
            orders[item.id] = order
        }
        self.presented = presented
        self.orders = orders
    }

    /// The responses with shown positions replaced by authored indices.
    public func authored(_ responses: [Response]) -> [Response] {
        zip(presented.items, responses).map { item, response in
            guard case .choice(let shown) = response, let order = orders[item.id] else { return response }
            return .choice(shown.map { order[$0] }.sorted())
        }
    }
}
