import Foundation

/// Builds the class summary from one questionnaire version's columns.
public enum ClassSummaryBuilder {
    public static let tooEasy = 90.0
    public static let tooHard = 20.0

    /// With `anonymize`, names become random codes from `codes` (the system's random source
    /// unless a test gives its own) and times become days.
    public static func build(
        _ group: ClassGroup, allAttempts: Bool = false, anonymize: Bool = false, codes: Anonymizer? = nil,
        framework: Framework
    ) -> ClassSummary {
        let chosen = allAttempts ? Array(group.attempts.indices) : firstAttempts(group.attempts)
        let areaIDs =
            framework.areaIDs.filter { area in group.items.contains { $0.area == area } }
            + Set(group.items.map(\.area)).subtracting(framework.areaIDs).sorted()
        let labels = anonymize ? anonymousLabels(chosen.map { group.attempts[$0].person }, codes: codes) : [:]
        let shownName = { (row: Int) in labels[PersonName.key(group.attempts[row].person)] ?? group.attempts[row].person
        }

        // Ordered by overall (highest first, then name) before any row is made, and kept as
        // columns: a class of 100,000 as rows with their own arrays would double the memory.
        let order = chosen.sorted { a, b in
            let (x, y) = (group.attempts[a], group.attempts[b])
            switch (x.overall, y.overall) {
            case (let p?, let q?) where p != q: return p > q
            case (nil, _?): return false
            case (_?, nil): return true
            // By the name shown: anonymised codes must not fall into the names' order.
            default: return PersonName.key(shownName(a)) < PersonName.key(shownName(b))
            }
        }
        let columns = areaIDs.map { group.areas.firstIndex(of: $0) }
        var participants = ParticipantTable(areaCount: areaIDs.count)
        for index in order {
            let attempt = group.attempts[index]
            participants.append(
                .init(
                    name: shownName(index), takenAt: anonymize ? nil : attempt.takenAt,
                    takenOn: anonymize ? ISODate.day(attempt.takenAt) : nil, overall: attempt.overall,
                    level: attempt.overall.flatMap { framework.level(for: $0)?.name },
                    scores: columns.map { column in column.flatMap { group.score(column: $0, row: index) } }))
        }

        let areas = areaIDs.enumerated().map { column, area in
            let values = participants.values(area: column)
            return ClassSummary.AreaStatistics(
                area: area, name: framework.name(ofArea: area), count: values.count,
                mean: Statistics.mean(values), median: Statistics.median(values),
                standardDeviation: Statistics.standardDeviation(values), minimum: values.min(), maximum: values.max())
        }
        let weakestAreas = tiedWeakest(areas, framework: framework)
        let weakest = weakestAreas.first

        var (items, scales) = itemAnalysis(group, rows: chosen, areas: areaIDs, framework: framework)
        let withheld = participants.count < ClassSummary.itemFlagsFrom
        if withheld {
            for index in items.indices {
                items[index].flags = []
                items[index].verdict = "too few to judge"
            }
        }
        var summary = ClassSummary(
            questionnaire: group.id, version: group.version, title: group.title, kind: group.kind,
            attempts: allAttempts ? "all" : "first", participantCount: participants.count,
            reliable: participants.count >= ClassSummary.reliableFrom, participants: participants,
            areas: areas, weakestArea: weakest, items: items, scales: scales)
        summary.itemFlagsWithheld = withheld
        summary.weakestAreas = weakestAreas
        summary.anonymized = anonymize
        for index in summary.items.indices where summary.items[index].type == .rating {
            let info = group.items.first { $0.id == summary.items[index].item }
            summary.items[index].spread = group.answerSpread.counts(
                item: summary.items[index].item, rows: chosen, scale: 1...(1 + Int(info?.maxPoints ?? 4)))
        }
        summary.reflections = group.reflections.grouped(rows: Set(chosen), name: shownName)
        summary.missedQuestions = MissedQuestions.list(group, rows: order, name: shownName)
        summary.cautions = order.compactMap { index in
            let attempt = group.attempts[index]
            guard !attempt.cautions.isEmpty else { return nil }
            return .init(
                name: shownName(index), responseStyle: attempt.cautions)
        }
        summary.calibration = calibration(group, scales: scales, areas: areas)
        return summary
    }

    /// Each rating area's alpha and score SD from this class, as a questionnaire's
    /// `calibration` block (areas whose alpha is unusable are left out).
    static func calibration(
        _ group: ClassGroup, scales: [ClassSummary.ScaleStatistics], areas: [ClassSummary.AreaStatistics]
    ) -> Calibration? {
        var figures: [String: Calibration.AreaCalibration] = [:]
        for scale in scales where scale.measure == "alpha" {
            guard let alpha = scale.alpha, alpha >= 0, alpha < 1,
                let sd = areas.first(where: { $0.area == scale.area })?.standardDeviation, sd > 0,
                group.items.allSatisfy({ $0.area != scale.area || $0.type == .rating })
            else { continue }
            figures[scale.area] = .init(
                reliability: (alpha * 1000).rounded() / 1000, standardDeviation: (sd * 10).rounded() / 10)
        }
        guard !figures.isEmpty else { return nil }
        let people = scales.map(\.complete).max() ?? 0
        return Calibration(
            source: "skills class: \(people) people with every item answered, \(group.id) \(group.version)",
            areas: figures)
    }

    /// Each person's earliest attempt (the same person by `PersonName.key`).
    static func firstAttempts(_ attempts: [ClassGroup.Attempt]) -> [Int] {
        var first: [String: Int] = [:]
        for (index, attempt) in attempts.enumerated() {
            let key = PersonName.key(attempt.person)
            if let seen = first[key], attempts[seen].takenAt <= attempt.takenAt { continue }
            first[key] = index
        }
        return first.values.sorted()
    }

    /// A random code per person (`Anonymizer`), drawn in a random order of the people so that
    /// not even a seeded source gives codes in the names' order.
    static func anonymousLabels(_ names: [String], codes: Anonymizer?) -> [String: String] {
        var codes = codes ?? Anonymizer()
        var labels: [String: String] = [:]
        for name in Set(names.map(PersonName.key)) where labels[name] == nil {
            labels[name] = codes.code(for: name)
        }
        return labels
    }

    /// The weakest area by class mean, and every other area whose mean rounds to the same
    /// whole point (as shown), in the framework's order.
    static func tiedWeakest(_ areas: [ClassSummary.AreaStatistics], framework: Framework) -> [ClassSummary.WeakestArea]
    {
        guard let lowest = areas.compactMap(\.mean).min() else { return [] }
        return areas.filter { $0.mean.map { $0.rounded() == lowest.rounded() } ?? false }
            .sorted { $0.mean! < $1.mean! }
            .map { area in
                ClassSummary.WeakestArea(
                    area: area.area, name: area.name, mean: area.mean!,
                    actions: framework.area(area.area)?.actions ?? [])
            }
    }

    static func itemAnalysis(_ group: ClassGroup, rows: [Int], areas: [String], framework: Framework)
        -> ([ClassSummary.ItemStatistics], [ClassSummary.ScaleStatistics])
    {
        var discrimination = [Double?](repeating: nil, count: group.items.count)
        var scales: [ClassSummary.ScaleStatistics] = []
        for area in areas {
            let members = group.items.indices.filter { group.items[$0].area == area }
            // Alpha and item-rest correlations need every item of the scale answered
            // (listwise); a skipped choice already counts as 0 points.
            let complete = rows.filter { row in members.allSatisfy { !group.points[$0][row].isNaN } }
            let columns = members.map { item in complete.map { Double(group.points[item][$0]) } }
            let correlations = Statistics.itemRestCorrelations(columns)
            for (position, item) in members.enumerated() where members.count >= 2 {
                discrimination[item] = correlations[position]
            }
            let rightOrWrong = members.allSatisfy {
                group.items[$0].type.isRightOrWrong && (group.items[$0].correct?.count ?? 0) == 1
            }
            let alpha = Statistics.cronbachAlpha(columns)
            scales.append(
                .init(
                    area: area, name: framework.name(ofArea: area), items: members.count, complete: complete.count,
                    measure: rightOrWrong ? "KR-20" : "alpha", alpha: alpha,
                    errorRatio: Statistics.errorRatio(alpha: alpha),
                    alphaInterval: alpha.flatMap {
                        Measurement.feldtInterval(alpha: $0, people: complete.count, items: members.count)
                    }))
        }

        let items = group.items.enumerated().map { index, info -> ClassSummary.ItemStatistics in
            let values = rows.map { group.points[index][$0] }.filter { !$0.isNaN }.map { Double($0) / info.maxPoints }
            let facility = Statistics.mean(values).map { $0 * 100 }
            var options: [ClassSummary.OptionCount]?
            if info.type.isRightOrWrong {
                options = (0..<info.optionCount).map { option in
                    let letter = OptionLetters.letter(option)
                    let count = rows.filter { group.picks[index][$0] & (1 << UInt16(option)) != 0 }.count
                    return .init(option: letter, count: count, correct: info.correct?.contains(letter) ?? false)
                }
            }
            let itemFlags = flags(facility: facility, discrimination: discrimination[index], type: info.type)
            var statistics = ClassSummary.ItemStatistics(
                item: info.id, area: info.area, type: info.type, text: info.text, answered: values.count,
                facility: facility, standardDeviation: Statistics.standardDeviation(values).map { $0 * 100 },
                discrimination: discrimination[index], options: options, flags: itemFlags)
            if info.type.isRightOrWrong && (info.correct?.count ?? 0) == 1 {
                statistics.facilityInterval = Measurement.wilsonInterval(
                    successes: values.filter { $0 >= 1 }.count, trials: values.count)
            }
            statistics.verdict = itemFlags.isEmpty ? "looks fine" : "needs checking"
            return statistics
        }
        return (items, scales)
    }

    static func flags(facility: Double?, discrimination: Double?, type: ItemType) -> [ClassSummary.Flag] {
        var flags: [ClassSummary.Flag] = []
        if let facility, facility >= tooEasy {
            flags.append(
                .init(
                    kind: "too-easy",
                    reason: type.isRightOrWrong
                        ? "almost everyone got it right, so it tells people apart little"
                        : "almost everyone gave the top answer, so it tells people apart little"))
        }
        if let facility, facility <= tooHard {
            flags.append(
                .init(
                    kind: "too-hard",
                    reason: type.isRightOrWrong
                        ? "few got it right: check the wording and that the key is the best answer"
                        : "almost everyone answered at the bottom: check the wording and the reverse key"))
        }
        if let discrimination, discrimination < 0 {
            flags.append(
                .init(
                    kind: "negative-discrimination",
                    reason: type.isRightOrWrong
                        ? "people who did well on the rest of the area did worse here: check the answer key"
                        : "it runs against the rest of the area: check whether it should be reverse-keyed"))
        }
        return flags
    }
}
