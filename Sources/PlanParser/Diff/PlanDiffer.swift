/// Computes a ``PlanDiff``: profiles → features → matching → field comparison → report order.
struct PlanDiffer {
    let old: PlanDocument
    let new: PlanDocument
    let threshold: Double

    func run() -> PlanDiff {
        var clock = StageClock()
        defer { clock.report() }
        // 1. Each plan's years are made relative to its own plan year, when both have one.
        let oldYear = old.header.planYear ?? old.header.planPeriod?.start
        let newYear = new.header.planYear ?? new.header.planPeriod?.start
        let shift = oldYear != nil && newYear != nil
        let words = WordTable()
        let oldTokenizer = DiffTokenizer(words: words, baseYear: shift ? oldYear : nil)
        let newTokenizer = DiffTokenizer(words: words, baseYear: shift ? newYear : nil)

        // 2. What is compared of each task.
        var oldProfiler = TaskProfiler(tokenizer: oldTokenizer)
        var newProfiler = TaskProfiler(tokenizer: newTokenizer)
        let oldProfiles = old.tasks.map { oldProfiler.profile($0) }
        let newProfiles = new.tasks.map { newProfiler.profile($0) }
        var space = TitleFeatureSpace()
        var oldFeatures = oldProfiles.map { space.features($0.title) }
        var newFeatures = newProfiles.map { space.features($0.title) }
        for k in oldFeatures.indices { space.weigh(&oldFeatures[k]) }
        for k in newFeatures.indices { space.weigh(&newFeatures[k]) }
        clock.lap("diff profiles and features")

        // 3. Pairs.
        let matcher = TaskMatcher(
            old: oldProfiles, new: newProfiles, oldFeatures: oldFeatures, newFeatures: newFeatures,
            wordCount: words.count, threshold: threshold)
        let (pairs, candidates) = matcher.match()
        clock.lap("diff matching")

        // 4. Changes: pairs and removed tasks in old order, added ones after their neighbours.
        var partnerOfNew = [Int?](repeating: nil, count: new.tasks.count)
        var partnerOfOld = [Int?](repeating: nil, count: old.tasks.count)
        for p in pairs {
            partnerOfNew[p.new] = p.old
            partnerOfOld[p.old] = p.new
        }
        let relations = Self.relations(
            candidates: candidates, partnerOfOld: partnerOfOld, partnerOfNew: partnerOfNew,
            oldProfiles: oldProfiles, newProfiles: newProfiles)

        var keyed: [(key: (Int, Int, Int), change: TaskChange)] = []
        var summary = PlanDiff.Summary()
        var pairIndex = 0
        for i in old.tasks.indices {
            if pairIndex < pairs.count, pairs[pairIndex].old == i {
                let p = pairs[pairIndex]
                pairIndex += 1
                let fields = Self.differingFields(oldProfiles[i], newProfiles[p.new])
                let kind: TaskChange.Kind =
                    fields.isEmpty ? .unchanged : fields.contains(.section) ? .moved : .modified
                var change = TaskChange(
                    change: kind, old: old.tasks[i], new: new.tasks[p.new], fields: fields, similarity: p.title)
                if fields.contains(.title) {
                    change.titleDiff = WordDiff.runs(
                        old: old.tasks[i].title, new: new.tasks[p.new].title, oldTokenizer: oldTokenizer,
                        newTokenizer: newTokenizer)
                }
                count(kind, in: &summary)
                keyed.append(((i, 0, 0), change))
            } else {
                let r = relations.ofOld[i]
                let change = TaskChange(
                    change: .removed, old: old.tasks[i], new: nil, similarity: r?.title,
                    relatedTo: r.map { new.tasks[$0.new].id })
                keyed.append(((i, 0, 0), change))
                summary.removed += 1
            }
        }
        var anchor = -1
        for j in new.tasks.indices {
            if let i = partnerOfNew[j] {
                anchor = i
                continue
            }
            let r = relations.ofNew[j]
            let change = TaskChange(
                change: .added, old: nil, new: new.tasks[j], similarity: r?.title,
                relatedTo: r.map { old.tasks[$0.old].id })
            keyed.append(((anchor, 1, j), change))
            summary.added += 1
        }
        keyed.sort { $0.key < $1.key }
        clock.lap("diff fields and word diffs")

        return PlanDiff(
            old: PlanDiff.Plan(path: old.source.path, planYear: oldYear, taskCount: old.tasks.count),
            new: PlanDiff.Plan(path: new.source.path, planYear: newYear, taskCount: new.tasks.count),
            summary: summary, changes: keyed.map(\.change))
    }

    private func count(_ kind: TaskChange.Kind, in s: inout PlanDiff.Summary) {
        switch kind {
        case .added: s.added += 1
        case .removed: s.removed += 1
        case .modified: s.modified += 1
        case .moved: s.moved += 1
        case .unchanged: s.unchanged += 1
        }
    }

    /// The fields in which a paired old and new task differ, in ``TaskChange/Field`` order.
    static func differingFields(_ a: TaskProfile, _ b: TaskProfile) -> [TaskChange.Field] {
        var fields: [TaskChange.Field] = []
        if !DiffToken.matches(a.title, b.title) { fields.append(.title) }
        if a.lead != b.lead { fields.append(.lead) }
        if a.support != b.support { fields.append(.support) }
        if !ListKey.same(a.products, b.products) { fields.append(.products) }
        if !ListKey.same(a.time, b.time) { fields.append(.time) }
        if !SectionKey.same(a.section, b.section) { fields.append(.section) }
        return fields
    }

    /// Splits and merges: an unpaired new task A is *split from* old task O when (O, A) reached
    /// the threshold, O is paired with another new task N, and A's title has a word of O's
    /// title that N's lacks (`Số hóa hồ sơ, kết quả …` → `Số hóa hồ sơ …` + `Số hóa kết quả …`).
    /// Symmetrically, an unpaired old task is *merged into* a new task. The best-scoring such
    /// relation is kept.
    static func relations(
        candidates: [TaskMatcher.Pair], partnerOfOld: [Int?], partnerOfNew: [Int?], oldProfiles: [TaskProfile],
        newProfiles: [TaskProfile]
    ) -> (ofOld: [Int: TaskMatcher.Pair], ofNew: [Int: TaskMatcher.Pair]) {
        func words(_ p: TaskProfile) -> Set<Int32> { Set(p.title.map(\.relative)) }
        var ofOld: [Int: TaskMatcher.Pair] = [:]
        var ofNew: [Int: TaskMatcher.Pair] = [:]
        for c in candidates {
            if partnerOfNew[c.new] == nil, let n = partnerOfOld[c.old] {
                let missing = words(oldProfiles[c.old]).subtracting(words(newProfiles[n]))
                if !missing.isDisjoint(with: words(newProfiles[c.new])),
                    ofNew[c.new].map({ c.score > $0.score }) ?? true
                {
                    ofNew[c.new] = c
                }
            }
            if partnerOfOld[c.old] == nil, let o = partnerOfNew[c.new] {
                let missing = words(newProfiles[c.new]).subtracting(words(oldProfiles[o]))
                if !missing.isDisjoint(with: words(oldProfiles[c.old])),
                    ofOld[c.old].map({ c.score > $0.score }) ?? true
                {
                    ofOld[c.old] = c
                }
            }
        }
        return (ofOld, ofNew)
    }
}
