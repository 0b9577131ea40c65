import Foundation

/// `remove`, `add` and `import --add` refusing what they must not do.
extension Catalogue {
    static var storeOperationCases: [BadInput] {
        let builtinID = questionnaire(rating) {
            $0.replacingOccurrences(of: #""id":"t""#, with: #""id":"shift-checkin""#)
        }
        let newer = questionnaire(rating) { $0.replacingOccurrences(of: #""version":"1""#, with: #""version":"2""#) }
        return [
            BadInput(
                id: "remove-outside-store", what: "remove a file outside the store's results",
                arguments: ["remove", "/etc/passwd", "--yes"] + store, exit: 64,
                message: "Error: '/etc/passwd' is not in the store's results/…"),
            BadInput(
                id: "remove-dot-dot", what: "remove a name with ../ in it",
                arguments: ["remove", "../results/good", "--yes"] + store, files: [good], exit: 64,
                message: "Error: '../results/good' is not in the store's results/…", savedResults: 1),
            BadInput(
                id: "remove-not-a-result", what: "remove a file in results/ that is not a result",
                arguments: ["remove", "notes", "--yes"] + store, files: [file("results/notes.json", "{}")],
                exit: 65, message: "Error: $DIR/results/notes.json: is not a result skills can read…",
                savedResults: 1),
            BadInput(
                id: "remove-twice", what: "remove a result already removed",
                arguments: ["remove", "good", "--yes"] + store, files: [("removed/good.json", validResult)],
                exit: 66,
                message:
                    "Error: no result 'good.json' in the store's results/; it is already in removed/ ('skills remove "
                    + "--undo good' puts it back)"),
            BadInput(
                id: "remove-not-at-terminal", what: "remove without --yes when nobody can confirm",
                arguments: ["remove", "good"] + store, files: [good], exit: 64,
                message: "Error: not at a terminal, so nobody can confirm; add --yes to remove good without asking",
                savedResults: 1),
            BadInput(
                id: "remove-name-taken-in-removed", what: "remove a result whose name is already in removed/",
                arguments: ["remove", "good", "--yes"] + store, files: [good, ("removed/good.json", validResult)],
                exit: 73,
                message: "Error: $DIR/removed/good.json: cannot create: a file of that name is already there…",
                savedResults: 1),
            BadInput(
                id: "undo-name-taken", what: "remove --undo when the original name is taken again",
                arguments: ["remove", "--undo", "good"] + store, files: [good, ("removed/good.json", validResult)],
                exit: 73,
                message: "Error: $DIR/results/good.json: cannot create: a file of that name is already there…",
                savedResults: 1),
            BadInput(
                id: "add-invalid", what: "add a questionnaire with problems",
                arguments: ["add", "$DIR/q.json"] + store,
                files: [("q.json", questionnaire(rating.replacingOccurrences(of: #""area":"listening","#, with: "")))],
                exit: 1, message: "Not added: fix the problems above and run 'skills add $DIR/q.json' again.",
                stdoutContains: ["$DIR/q.json: items[0] (r1).area: missing"]),
            BadInput(
                id: "add-builtin-id", what: "add a questionnaire with a built-in's id",
                arguments: ["add", "$DIR/q.json"] + store, files: [("q.json", builtinID)], exit: 65,
                message: "Error: $DIR/q.json: id 'shift-checkin' is a built-in questionnaire's…"),
            BadInput(
                id: "add-another-with-same-id", what: "add a different questionnaire with an installed one's id",
                arguments: ["add", "$DIR/q.json"] + store,
                files: [("questionnaires/t.json", questionnaire(rating)), ("q.json", newer)], exit: 73,
                message:
                    "Error: $DIR/questionnaires/t.json: cannot create: a different questionnaire 't' (version 1) is "
                    + "installed; add --replace to replace it with version 2"),
            BadInput(
                id: "import-add-and-output", what: "import with both --add and --output",
                arguments: ["import", "gift", "$DIR/b.gift", "--add", "--output", "$DIR/b.json"] + store,
                files: [file("b.gift", "Q? {=a ~b}\n")], exit: 64,
                message: "Error: --add and --output do not go together; choose one"),
        ]
    }
}
