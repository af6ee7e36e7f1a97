/// Pairs each old task with at most one new task.
///
/// 1. **Identical titles.** A normalized title that occurs exactly once in each plan pairs
///    its two tasks at once (most tasks of a successor plan).
/// 2. **Candidates.** The other new tasks are indexed by the words of their titles. For each
///    other old task, the new tasks that share a word are ranked by the weight of the words
///    they share, and the best ``candidatesPerTask`` get a full score (ties: the nearest in
///    position). Words in more than ``maxPosting(_:)`` of the titles still to pair are not
///    looked up (they would make every task a candidate of every other); a title made only
///    of such words looks up its two rarest words.
/// 3. **Score.** `0.8 × title similarity + 0.1 × same section + 0.1 × lead overlap`
///    (``TitleFeatures/similarity(_:_:)``, ``SectionKey/bonus(_:_:)``, Jaccard index of the
///    lead unit keys). Pairs scoring below the threshold (``PlanDiff/matchThreshold``), or
///    whose title similarity is below it, are dropped: the bonuses help a reworded title
///    across the line, but never pair two titles that share less than that.
/// 4. **Assignment.** The remaining pairs form a sparse bipartite graph. In each connected
///    component the matching of maximum total `score − threshold` is chosen (Hungarian
///    method); components with more than ``exactLimit`` cells use the greedy matching
///    (best pair first). Subtracting the threshold makes a pair worth only what it scores
///    above the threshold, so two weak pairs never outweigh one strong pair plus an added
///    and a removed task. Ties go to the pair whose positions in their documents are closer.
/// 5. **Second round.** Steps 2–4 again for the tasks still unpaired, among themselves only:
///    with fewer titles, fewer words are too common to look up.
///
/// - Complexity: about O(n · (p + k·t)) for n tasks, p the postings read per task (bounded by
///   ``maxPosting(_:)`` per word), k = ``candidatesPerTask`` and t features per title; then
///   the assignment, which is linear in practice because components are small.
struct TaskMatcher {
    /// A scored pair of an old task index and a new task index.
    struct Pair: Sendable, Equatable {
        var old: Int
        var new: Int
        /// ``TitleFeatures/similarity(_:_:)`` of the two titles.
        var title: Double
        /// The combined score the assignment used.
        var score: Double
    }

    static let titleWeight = 0.8
    static let sectionWeight = 0.1
    static let leadWeight = 0.1
    static let candidatesPerTask = 24
    /// The largest component (old tasks × new tasks) solved exactly.
    static let exactLimit = 160 * 160

    /// Words occurring in more titles than this are not looked up: 1/16 of all titles, at least 32.
    static func maxPosting(_ titles: Int) -> Int { max(32, titles / 16) }

    let old: [TaskProfile]
    let new: [TaskProfile]
    let oldFeatures: [TitleFeatures]
    let newFeatures: [TitleFeatures]
    let wordCount: Int
    let threshold: Double

    /// The chosen pairs, sorted by old index, and every candidate pair that reached the
    /// threshold (including the chosen ones), for reporting splits and merges.
    func match() -> (pairs: [Pair], candidates: [Pair]) {
        var pairs: [Pair] = []
        var oldPaired = [Bool](repeating: false, count: old.count)
        var newPaired = [Bool](repeating: false, count: new.count)

        // 1. Identical titles, unique on both sides.
        var byKey: [[Int32]: (old: [Int], new: [Int])] = [:]
        for (i, p) in old.enumerated() where !p.titleKey.isEmpty { byKey[p.titleKey, default: ([], [])].old.append(i) }
        for (j, p) in new.enumerated() where !p.titleKey.isEmpty { byKey[p.titleKey, default: ([], [])].new.append(j) }
        for (_, v) in byKey where v.old.count == 1 && v.new.count == 1 {
            let (i, j) = (v.old[0], v.new[0])
            oldPaired[i] = true
            newPaired[j] = true
            pairs.append(Pair(old: i, new: j, title: 1, score: score(title: 1, i, j)))
        }

        // 2–3. Candidates of the others by shared words.
        var candidates = candidatePairs(oldPaired: oldPaired, newPaired: newPaired)

        // 4. Assignment per connected component.
        let chosen = assign(candidates)
        pairs += chosen

        // 5. The tasks still unpaired get a second round among themselves: their index is
        //    smaller, so words that were too common to look up may now be looked up.
        for p in chosen {
            oldPaired[p.old] = true
            newPaired[p.new] = true
        }
        if oldPaired.contains(false), newPaired.contains(false) {
            let more = candidatePairs(oldPaired: oldPaired, newPaired: newPaired)
            pairs += assign(more)
            candidates += more
        }
        pairs.sort { $0.old < $1.old }
        return (pairs, candidates)
    }

    /// The combined score of old task `i` and new task `j` given their title similarity.
    func score(title: Double, _ i: Int, _ j: Int) -> Double {
        let a = old[i]
        let b = new[j]
        var s = Self.titleWeight * title
        if SectionKey.bonus(a.section, b.section) { s += Self.sectionWeight }
        if !a.lead.isEmpty, !b.lead.isEmpty {
            let shared = Set(a.lead).intersection(b.lead).count
            s += Self.leadWeight * Double(shared) / Double(Set(a.lead).union(b.lead).count)
        }
        return s
    }

    private func candidatePairs(oldPaired: [Bool], newPaired: [Bool]) -> [Pair] {
        // Postings: for each word id, the unpaired new tasks whose title has it.
        var postings = [[Int32]](repeating: [], count: wordCount)
        var remaining = 0
        for (j, f) in newFeatures.enumerated() where !newPaired[j] {
            remaining += 1
            for c in f.codes where TitleFeatures.isWord(c) { postings[Int(c)].append(Int32(j)) }
        }
        guard remaining > 0 else { return [] }
        let limit = Self.maxPosting(remaining + oldPaired.lazy.filter { !$0 }.count)
        var accumulated = [Double](repeating: 0, count: new.count)
        var touched: [Int] = []
        var result: [Pair] = []
        for (i, f) in oldFeatures.enumerated() where !oldPaired[i] {
            // The words to look up, with their weights.
            var lookups: [(word: Int, weight: Double)] = []
            for (k, c) in f.codes.enumerated() where TitleFeatures.isWord(c) && !postings[Int(c)].isEmpty {
                lookups.append((Int(c), f.weights[k]))
            }
            let rare = lookups.filter { postings[$0.word].count <= limit }
            if rare.isEmpty {
                lookups.sort { postings[$0.word].count < postings[$1.word].count }
                lookups = Array(lookups.prefix(2))
            } else {
                lookups = rare
            }
            for (word, weight) in lookups {
                for j in postings[word] {
                    let j = Int(j)
                    if accumulated[j] == 0 { touched.append(j) }
                    accumulated[j] += weight
                }
            }
            var ranked = touched
            if ranked.count > Self.candidatesPerTask {
                // Most shared weight first; among equals (repeated titles), the nearest in position.
                let position = relativePosition(old: i)
                ranked.sort { a, b in
                    if accumulated[a] != accumulated[b] { return accumulated[a] > accumulated[b] }
                    let da = abs(relativePosition(new: a) - position)
                    let db = abs(relativePosition(new: b) - position)
                    return da != db ? da < db : a < b
                }
                ranked.removeSubrange(Self.candidatesPerTask...)
            }
            for j in touched { accumulated[j] = 0 }
            touched.removeAll(keepingCapacity: true)
            for j in ranked {
                let t = TitleFeatures.similarity(f, newFeatures[j])
                guard t >= threshold else { continue }
                let s = score(title: t, i, j)
                if s >= threshold { result.append(Pair(old: i, new: j, title: t, score: s)) }
            }
        }
        result.sort { ($0.old, $0.new) < ($1.old, $1.new) }
        return result
    }

    private func assign(_ candidates: [Pair]) -> [Pair] {
        guard !candidates.isEmpty else { return [] }
        // Connected components (union–find over old nodes 0..<n and new nodes n..<n+m).
        let n = old.count
        var parent = Array(0..<(n + new.count))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for c in candidates {
            let a = find(c.old)
            let b = find(n + c.new)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var components: [Int: [Pair]] = [:]
        for c in candidates { components[find(c.old), default: []].append(c) }

        var chosen: [Pair] = []
        for root in components.keys.sorted() {
            let edges = components[root]!
            let rows = Array(Set(edges.map(\.old))).sorted()
            let columns = Array(Set(edges.map(\.new))).sorted()
            let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
            let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            let weighted = edges.map { e in
                Assignment.Edge(row: rowIndex[e.old]!, column: columnIndex[e.new]!, weight: weight(e))
            }
            let matching =
                rows.count * columns.count <= Self.exactLimit
                ? Assignment.maximumWeight(rows: rows.count, columns: columns.count, edges: weighted)
                : Assignment.greedy(rows: rows.count, columns: columns.count, edges: weighted)
            var byCell: [Int: Pair] = [:]
            for e in edges { byCell[rowIndex[e.old]! * columns.count + columnIndex[e.new]!] = e }
            for m in matching { chosen.append(byCell[m.row * columns.count + m.column]!) }
        }
        return chosen
    }

    /// What a pair is worth to the assignment: its score above the threshold, plus at most
    /// 10⁻⁶ for pairs at similar positions in their documents (a deterministic tie-break).
    private func weight(_ p: Pair) -> Double {
        (p.score - threshold) + 1e-6 * (1 - abs(relativePosition(old: p.old) - relativePosition(new: p.new))) + 1e-9
    }

    /// Where a task stands in its document, from 0 (first) to 1 (last).
    private func relativePosition(old i: Int) -> Double { old.count > 1 ? Double(i) / Double(old.count - 1) : 0 }
    private func relativePosition(new j: Int) -> Double { new.count > 1 ? Double(j) / Double(new.count - 1) : 0 }
}
