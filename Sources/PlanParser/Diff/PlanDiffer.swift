/// Computes a ``PlanDiff``: profiles → features → matching → field comparison → report order.
struct PlanDiffer {
    let old: PlanDocument
    let new: PlanDocument
    let threshold: Double
    /// Called after each stage with its name and duration (a profile); `nil` costs nothing.
    var stageTimer: (@Sendable (String, Double) -> Void)?

    func run() -> PlanDiff {
        var clock = StageClock(report: stageTimer)
        // 1. Each plan's years are made relative to its own plan year, when both have one.
        let oldYear = old.header.planYear ?? old.header.planPeriod?.start
        let newYear = new.header.planYear ?? new.header.planPeriod?.start
        let shift = oldYear != nil && newYear != nil
        let words = WordTable()
        let oldTokenizer = DiffTokenizer(words: words, baseYear: shift ? oldYear : nil)
        let newTokenizer = DiffTokenizer(words: words, baseYear: shift ? newYear : nil)

        // 2–4. Profiles, pairs, splits and merges, differing fields. The profiles and title
        //      features are released before the report is built.
        let outcome = compare(oldTokenizer: oldTokenizer, newTokenizer: newTokenizer, words: words, clock: &clock)
        let pairs = outcome.pairs
        let relations = outcome.relations
        var partnerOfNew = [Int?](repeating: nil, count: new.tasks.count)
        var partnerOfOld = [Int?](repeating: nil, count: old.tasks.count)
        for p in pairs {
            partnerOfNew[p.new] = p.old
            partnerOfOld[p.old] = p.new
        }

        // 5. Changes: pairs and removed tasks in old order, added ones after their neighbours.
        // Each added task goes after the old task paired with the new task before it (-1: first).
        var added: [(anchor: Int, new: Int)] = []
        var anchor = -1
        for j in new.tasks.indices {
            if let i = partnerOfNew[j] {
                anchor = i
            } else {
                added.append((anchor, j))
            }
        }
        added.sort { ($0.anchor, $0.new) < ($1.anchor, $1.new) }

        var changes: [TaskChange] = []
        changes.reserveCapacity(old.tasks.count + added.count)
        var summary = PlanDiff.Summary()
        var next = 0
        func addedUpTo(_ i: Int) {
            while next < added.count, added[next].anchor <= i {
                let j = added[next].new
                next += 1
                let r = relations.ofNew[j]
                changes.append(
                    TaskChange(
                        change: .added, old: nil, new: new.tasks[j], similarity: r?.title,
                        relatedTo: r.map { old.tasks[$0.old].id }))
                summary.added += 1
            }
        }
        addedUpTo(-1)
        for i in old.tasks.indices {
            if let j = partnerOfOld[i] {
                let k = pairIndex(of: i, in: pairs)
                let p = pairs[k]
                let fields = outcome.fields[k]
                let kind: TaskChange.Kind =
                    fields.isEmpty ? .unchanged : fields.contains(.section) ? .moved : .modified
                var change = TaskChange(
                    change: kind, old: old.tasks[i], new: new.tasks[j], fields: fields, similarity: p.title)
                if fields.contains(.title) {
                    change.titleDiff = WordDiff.runs(
                        old: old.tasks[i].title, new: new.tasks[j].title, oldTokenizer: oldTokenizer,
                        newTokenizer: newTokenizer)
                }
                count(kind, in: &summary)
                changes.append(change)
            } else {
                let r = relations.ofOld[i]
                changes.append(
                    TaskChange(
                        change: .removed, old: old.tasks[i], new: nil, similarity: r?.title,
                        relatedTo: r.map { new.tasks[$0.new].id }))
                summary.removed += 1
            }
            addedUpTo(i)
        }
        clock.lap("diff word diffs and report")

        return PlanDiff(
            old: PlanDiff.Plan(path: old.source.path, planYear: oldYear, taskCount: old.tasks.count),
            new: PlanDiff.Plan(path: new.source.path, planYear: newYear, taskCount: new.tasks.count),
            summary: summary, changes: changes)
    }

    /// What the report is made of: the pairs (sorted by old index), their differing fields,
    /// and the splits and merges.
    private struct Outcome {
        var pairs: [TaskMatcher.Pair]
        var fields: [[TaskChange.Field]]
        var relations: (ofOld: [Int: TaskMatcher.Pair], ofNew: [Int: TaskMatcher.Pair])
    }

    /// Profiles both plans, pairs their tasks and compares the pairs field by field.
    private func compare(
        oldTokenizer: DiffTokenizer, newTokenizer: DiffTokenizer, words: WordTable, clock: inout StageClock
    ) -> Outcome {
        // What is compared of each task.
        var oldProfiler = TaskProfiler(tokenizer: oldTokenizer)
        var newProfiler = TaskProfiler(tokenizer: newTokenizer)
        for t in old.tasks { oldProfiler.add(t) }
        for t in new.tasks { newProfiler.add(t) }
        let oldProfiles = oldProfiler.profiles
        let newProfiles = newProfiler.profiles
        oldProfiler = TaskProfiler(tokenizer: oldTokenizer)
        newProfiler = TaskProfiler(tokenizer: newTokenizer)

        // Pairs. Identical titles first; the title features are counted for every task but
        // kept only for the others, and released once the pairs are chosen.
        let identical = TaskMatcher.identicalTitles(old: oldProfiles, new: newProfiles)
        let (pairs, candidates) = { () -> ([TaskMatcher.Pair], [TaskMatcher.Pair]) in
            var oldPaired = [Bool](repeating: false, count: oldProfiles.count)
            var newPaired = [Bool](repeating: false, count: newProfiles.count)
            for p in identical {
                oldPaired[p.old] = true
                newPaired[p.new] = true
            }
            var space = TitleFeatureSpace(wordCount: words.count)
            for i in 0..<oldProfiles.count { space.add(oldProfiles.title(i), keep: !oldPaired[i]) }
            for j in 0..<newProfiles.count { space.add(newProfiles.title(j), keep: !newPaired[j]) }
            space.finish()
            clock.lap("diff profiles and features")
            let matcher = TaskMatcher(old: oldProfiles, new: newProfiles, space: space, threshold: threshold)
            return matcher.match(identical: identical)
        }()
        clock.lap("diff matching")

        var partnerOfNew = [Int?](repeating: nil, count: new.tasks.count)
        var partnerOfOld = [Int?](repeating: nil, count: old.tasks.count)
        for p in pairs {
            partnerOfNew[p.new] = p.old
            partnerOfOld[p.old] = p.new
        }
        let relations = Self.relations(
            candidates: candidates, partnerOfOld: partnerOfOld, partnerOfNew: partnerOfNew,
            oldProfiles: oldProfiles, newProfiles: newProfiles)
        let fields = pairs.map { Self.differingFields(oldProfiles[$0.old], newProfiles[$0.new]) }
        clock.lap("diff splits, merges and fields")
        return Outcome(pairs: pairs, fields: fields, relations: relations)
    }

    /// The index of old task `i`'s pair in `pairs` (sorted by old index).
    private func pairIndex(of i: Int, in pairs: [TaskMatcher.Pair]) -> Int {
        pairs.partitionPoint { $0.old < i }
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
        if !TaskProfile.sameUnits(a.lead, b.lead) { fields.append(.lead) }
        if !TaskProfile.sameUnits(a.support, b.support) { fields.append(.support) }
        if !ListKey.same(a.products, b.products) { fields.append(.products) }
        if !TimeKey.same(a.time, b.time) { fields.append(.time) }
        if !SectionKey.same(a.section, b.section) { fields.append(.section) }
        return fields
    }

    /// Splits and merges: an unpaired new task A is *split from* old task O when (O, A) reached
    /// the threshold, O is paired with another new task N, and A's title has a word of O's
    /// title that N's lacks (`Số hóa hồ sơ, kết quả …` → `Số hóa hồ sơ …` + `Số hóa kết quả …`).
    /// Symmetrically, an unpaired old task is *merged into* a new task. The best-scoring such
    /// relation is kept.
    /// - Complexity: O(c · t) for c candidate pairs of titles of t words.
    static func relations(
        candidates: [TaskMatcher.Pair], partnerOfOld: [Int?], partnerOfNew: [Int?], oldProfiles: TaskProfiles,
        newProfiles: TaskProfiles
    ) -> (ofOld: [Int: TaskMatcher.Pair], ofNew: [Int: TaskMatcher.Pair]) {
        var oldWords: [Int: [Int32]] = [:]
        var newWords: [Int: [Int32]] = [:]
        func words(_ title: ArraySlice<DiffToken>) -> [Int32] {
            var w = title.map(\.relative)
            w.sort()
            var unique = 0
            for k in w.indices where k == 0 || w[k] != w[k - 1] {
                w[unique] = w[k]
                unique += 1
            }
            w.removeSubrange(unique...)
            return w
        }
        func old(_ i: Int) -> [Int32] {
            if let w = oldWords[i] { return w }
            let w = words(oldProfiles.title(i))
            oldWords[i] = w
            return w
        }
        func new(_ j: Int) -> [Int32] {
            if let w = newWords[j] { return w }
            let w = words(newProfiles.title(j))
            newWords[j] = w
            return w
        }
        /// Whether some word of `source` missing from `partner` is in `other` (all sorted).
        func hasMissingWord(_ source: [Int32], _ partner: [Int32], _ other: [Int32]) -> Bool {
            var p = 0
            var o = 0
            for w in source {
                while p < partner.count, partner[p] < w { p += 1 }
                if p < partner.count, partner[p] == w { continue }
                while o < other.count, other[o] < w { o += 1 }
                if o < other.count, other[o] == w { return true }
            }
            return false
        }
        var ofOld: [Int: TaskMatcher.Pair] = [:]
        var ofNew: [Int: TaskMatcher.Pair] = [:]
        for c in candidates {
            if partnerOfNew[c.new] == nil, let n = partnerOfOld[c.old], ofNew[c.new].map({ c.score > $0.score }) ?? true,
                hasMissingWord(old(c.old), new(n), new(c.new))
            {
                ofNew[c.new] = c
            }
            if partnerOfOld[c.old] == nil, let o = partnerOfNew[c.new], ofOld[c.old].map({ c.score > $0.score }) ?? true,
                hasMissingWord(new(c.new), old(o), old(c.old))
            {
                ofOld[c.old] = c
            }
        }
        return (ofOld, ofNew)
    }
}
