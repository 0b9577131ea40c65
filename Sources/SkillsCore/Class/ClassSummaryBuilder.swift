import FoundationEssentials
import Glibc

/// Builds the class summary from one questionnaire version's columns.
public enum ClassSummaryBuilder {
    public static let tooEasy = 90.0
    public static let tooHard = 20.0

    /// Rows by overall (highest first, no score last), then by the name shown (anonymised codes
    /// must not fall into the names' order): sorted by score, then each run of equal scores by
    /// name keys made once for the run. Scores are few and a class is large, so runs are long:
    /// comparing names by making their keys on every comparison was most of the sort, and keys
    /// for every row at once would be megabytes more at 300,000. Both sorts are stable, so the
    /// order is the one a single sort by (score, name) gives.
    static func participantOrder(
        _ rows: Range<Int32>, overall: (Int32) -> Double?, name: (Int32) -> String
    ) -> [Int32] {
        var order = rows.sorted { a, b in
            switch (overall(a), overall(b)) {
            case (let p?, let q?): return p > q
            case (nil, _?): return false
            case (_?, nil): return true
            case (nil, nil): return false
            }
        }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && overall(order[end]) == overall(order[start]) { end += 1 }
            if end - start > 1 {
                let run = order[start..<end].map { (row: $0, key: PersonName.key(name($0))) }
                order.replaceSubrange(start..<end, with: run.sorted { $0.key < $1.key }.map(\.row))
            }
            start = end
        }
        return order
    }

    /// With `anonymize`, names become random codes from `codes` (the system's random source
    /// unless a test gives its own) and times become days.
    public static func build(
        _ group: ClassGroup, anonymize: Bool = false, codes: Anonymizer? = nil, framework: Framework
    ) -> ClassSummary {
        let table = group.participants
        let rows = Int32(0)..<Int32(table.rowCount)
        let areaIDs =
            framework.areaIDs.filter { area in group.items.contains { $0.area == area } }
            + Set(group.items.map(\.area)).subtracting(framework.areaIDs).sorted()
        let labels = anonymize ? anonymousLabels(rows.map { table.name(row: Int($0)) }, codes: codes) : nil
        let shownName = { (row: Int32) in labels?[Int(row)] ?? table.name(row: Int(row)) }

        // Ordered by overall (highest first, then name) before any row is made; the rows stay
        // columns, shown through this order.
        let order = participantOrder(rows, overall: { table.overall(row: Int($0)) }, name: shownName)
        let participants = table.shown(
            order: order, columns: areaIDs.map { group.areas.firstIndex(of: $0) },
            level: { framework.level(for: $0)?.name }, labels: labels, daysOnly: anonymize)

        let areas = areaIDs.enumerated().map { column, area in
            var values = participants.values(area: column)
            let (mean, deviation) = (Statistics.mean(values), Statistics.standardDeviation(values))
            // Sorted in place for the median: a sorted copy of 300,000 scores would be 2.4 MB more.
            values.sort()
            return ClassSummary.AreaStatistics(
                area: area, name: framework.name(ofArea: area), count: values.count, mean: mean,
                median: Statistics.median(sorted: values), standardDeviation: deviation, minimum: values.first,
                maximum: values.last)
        }
        let weakestAreas = tiedWeakest(areas, framework: framework)
        let weakest = weakestAreas.first

        var (items, scales) = itemAnalysis(group, areas: areaIDs, used: participants.count, framework: framework)
        let withheld = participants.count < ClassSummary.itemFlagsFrom
        if withheld {
            for index in items.indices {
                items[index].flags = []
                items[index].verdict = "too few to judge"
            }
        }
        var summary = ClassSummary(
            questionnaire: group.id, version: group.version, title: group.title, kind: group.kind,
            attempts: group.allAttempts ? "all" : "first", participantCount: participants.count,
            reliable: participants.count >= ClassSummary.reliableFrom, participants: participants,
            areas: areas, weakestArea: weakest, items: items, scales: scales)
        summary.itemFlagsWithheld = withheld
        summary.weakestAreas = weakestAreas
        summary.anonymized = anonymize
        summary.reflections = group.reflections.grouped(name: shownName)
        summary.missedQuestions = MissedQuestions.list(group, rows: order, name: shownName)
        summary.cautions = order.compactMap { row in
            guard let cautions = group.cautionsByRow[row] else { return nil }
            return .init(name: shownName(row), responseStyle: cautions)
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

    /// A random code per person (`Anonymizer`), drawn in a random order of the people so that
    /// not even a seeded source gives codes in the names' order; one per row.
    static func anonymousLabels(_ names: [String], codes: Anonymizer?) -> [String] {
        var codes = codes ?? Anonymizer()
        let keys = names.map(PersonName.key)
        var labels: [String: String] = [:]
        for name in Set(keys) where labels[name] == nil {
            labels[name] = codes.code(for: name)
        }
        return keys.map { labels[$0]! }
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

    /// Item and scale statistics from the group's tallies, over `used` attempts.
    static func itemAnalysis(_ group: ClassGroup, areas: [String], used: Int, framework: Framework)
        -> ([ClassSummary.ItemStatistics], [ClassSummary.ScaleStatistics])
    {
        var discrimination = [Double?](repeating: nil, count: group.items.count)
        var scales: [ClassSummary.ScaleStatistics] = []
        for area in areas {
            guard let scale = group.scales.first(where: { $0.area == area }) else { continue }
            let members = scale.members
            // Alpha and item-rest correlations need every item of the scale answered
            // (listwise); a skipped choice already counts as 0 points.
            if members.count >= 2 {
                for (item, correlation) in zip(members, scale.itemRestCorrelations) {
                    discrimination[item] = correlation
                }
            }
            let rightOrWrong = members.allSatisfy {
                group.items[$0].type.isRightOrWrong && (group.items[$0].correct?.count ?? 0) == 1
            }
            let alpha = scale.alpha
            scales.append(
                .init(
                    area: area, name: framework.name(ofArea: area), items: members.count, complete: scale.complete,
                    measure: rightOrWrong ? "KR-20" : "alpha", alpha: alpha,
                    errorRatio: Statistics.errorRatio(alpha: alpha),
                    alphaInterval: alpha.flatMap {
                        Measurement.feldtInterval(alpha: $0, people: scale.complete, items: members.count)
                    }))
        }

        let items = group.items.enumerated().map { index, info -> ClassSummary.ItemStatistics in
            let tally = group.tallies[index]
            var options: [ClassSummary.OptionCount]?
            if info.type.isRightOrWrong {
                options = (0..<info.optionCount).map { option in
                    let letter = OptionLetters.letter(option)
                    let count = option < tally.picks.count ? tally.picks[option] : 0
                    return .init(option: letter, count: count, correct: info.correct?.contains(letter) ?? false)
                }
            }
            let itemFlags = flags(facility: tally.facility, discrimination: discrimination[index], type: info.type)
            var statistics = ClassSummary.ItemStatistics(
                item: info.id, area: info.area, type: info.type, text: info.text, answered: tally.answered,
                facility: tally.facility, standardDeviation: tally.standardDeviation,
                discrimination: discrimination[index], options: options, flags: itemFlags)
            if info.type.isRightOrWrong && (info.correct?.count ?? 0) == 1 {
                statistics.facilityInterval = Measurement.wilsonInterval(
                    successes: tally.fullMarks, trials: tally.answered)
            }
            if info.type == .rating {
                statistics.spread = tally.spread(scale: 1...(1 + Int(info.maxPoints)), used: used)
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
