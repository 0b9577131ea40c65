/// Checks the skill framework a training team may edit: bands that cover 0 to 100 without
/// gaps, a descriptor for every level in every area, unique action ids, and citations.
public enum FrameworkValidator {
    public static func check(_ framework: Framework, file: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ location: String, _ message: String) {
            problems.append(ValidationProblem(file: file, location: location, message: message))
        }
        var expectedMin = 0
        for (i, band) in framework.levels.enumerated() {
            if band.min != expectedMin {
                add("levels[\(i)].min", "\(band.min) leaves a gap or overlap; expected \(expectedMin)")
            }
            if band.max < band.min { add("levels[\(i)].max", "\(band.max) is below min \(band.min)") }
            expectedMin = band.max + 1
        }
        if framework.levels.isEmpty || expectedMin != 101 {
            add("levels", "the bands must cover 0 to 100; they end at \(expectedMin - 1)")
        }

        var actionIDs: Set<String> = []
        var areaIDs: Set<String> = []
        for (i, area) in framework.areas.enumerated() {
            let at = "areas[\(i)] (\(area.id))"
            if !areaIDs.insert(area.id).inserted { add(at, "duplicate area id '\(area.id)'") }
            if area.name.trimmed.isEmpty || area.description.trimmed.isEmpty {
                add(at, "an area needs a name and a description")
            }
            let levelNames = area.rubric.map(\.level)
            if levelNames != framework.levels.map(\.name) {
                add(
                    "\(at).rubric",
                    "levels \(levelNames); expected one descriptor for each of \(framework.levels.map(\.name))")
            }
            if area.actions.count < 4 { add("\(at).actions", "\(area.actions.count) actions; expected at least 4") }
            for action in area.actions where !actionIDs.insert(action.id).inserted {
                add("\(at).actions", "duplicate action id '\(action.id)'")
            }
            let citations =
                [area.source] + area.rubric.map(\.source) + area.behaviours.map(\.source) + area.actions.map(\.source)
            for citation in citations {
                if let problem = framework.checkCitation(citation) { add(at, problem) }
            }
        }
        for (i, practice) in framework.practices.enumerated() {
            if let problem = framework.checkCitation(practice.source) {
                add("practices[\(i)] (\(practice.id))", problem)
            }
            for area in practice.areas ?? [] where framework.area(area) == nil {
                add("practices[\(i)] (\(practice.id))", "unknown area '\(area)'; expected an area id")
            }
            // A practice is suggested for one of its areas, so its actions must be theirs.
            for action in practice.actions ?? [] {
                let owners = framework.areas.filter { $0.actions.contains { $0.id == action } }.map(\.id)
                if !owners.contains(where: { practice.areas?.contains($0) ?? false }) {
                    add(
                        "practices[\(i)] (\(practice.id))",
                        "action '\(action)' is not an action of the practice's areas; expected one of theirs")
                }
            }
        }
        return problems
    }
}
