/// Pairs each old task with at most one new task.
///
/// 1. **Identical titles.** A normalized title that occurs exactly once in each plan pairs
///    its two tasks at once (most tasks of a successor plan).
/// 2. **Candidates.** The other new tasks are indexed by their title features (words and
///    pairs of adjacent words, ``TitleFeatures``). Each other old task looks up at most
///    ``lookupsPerTitle`` of its features, the rarest among the new titles, and reads at
///    most ``postingWindow`` tasks per feature: all of them for a rare feature, else the
///    ones nearest to the old task's relative position (a successor plan keeps its order, so
///    a task's counterpart is near; repeated or small-vocabulary titles share every feature
///    with thousands of others). The new tasks found are ranked by the weight of the features
///    they share (ties: the nearest in position), and the best ``candidatesPerTask`` get a
///    full score. So a title, however long and however common its words, costs at most
///    `lookupsPerTitle × postingWindow` postings, and the whole step stays linear.
/// 3. **Score.** `0.8 × title similarity + 0.1 × same section + 0.1 × lead overlap`
///    (``TitleFeatureSpace/similarity(_:_:)``, ``SectionKey/bonus(_:_:)``, Jaccard index of the
///    lead units). Pairs scoring below the threshold (``PlanDiff/matchThreshold``), or
///    whose title similarity is below it, are dropped: the bonuses help a reworded title
///    across the line, but never pair two titles that share less than that.
/// 4. **Assignment.** The remaining pairs form a sparse bipartite graph. In each connected
///    component the matching of maximum total `score − threshold` is chosen (Hungarian
///    method); components with more than ``exactLimit`` cells use the greedy matching
///    (best pair first). Subtracting the threshold makes a pair worth only what it scores
///    above the threshold, so two weak pairs never outweigh one strong pair plus an added
///    and a removed task. Ties go to the pair whose positions in their documents are closer.
/// 5. **Second round.** Steps 2–4 again for the tasks still unpaired, among themselves only:
///    with fewer titles, features are rarer and the windows reach further.
///
/// - Complexity: O(n · (t log t + l·(w + log n) + k·t)) for n tasks of t features, l =
///   ``lookupsPerTitle``, w = ``postingWindow``, k = ``candidatesPerTask``; then the
///   assignment, which is linear in practice because components are small (greedy, O(e log e),
///   on the large ones).
struct TaskMatcher {
    /// A scored pair of an old task index and a new task index.
    struct Pair: Sendable, Equatable {
        var old: Int
        var new: Int
        /// ``TitleFeatureSpace/similarity(_:_:)`` of the two titles.
        var title: Double
        /// The combined score the assignment used.
        var score: Double
    }

    static let titleWeight = 0.8
    static let sectionWeight = 0.1
    static let leadWeight = 0.1
    static let candidatesPerTask = 24
    /// Features of one title looked up in the index, the rarest first.
    static let lookupsPerTitle = 24
    /// Postings read per feature looked up: all of a rare feature, else the nearest in position.
    static let postingWindow = 48
    /// The largest component (old tasks × new tasks) solved exactly.
    static let exactLimit = 160 * 160

    let old: TaskProfiles
    let new: TaskProfiles
    /// The titles of both plans: old task `i` is title `i`, new task `j` title `old.count + j`.
    let space: TitleFeatureSpace
    let threshold: Double

    /// The chosen pairs, sorted by old index, and every candidate pair that reached the
    /// threshold (including the chosen ones), for reporting splits and merges. `identical`
    /// are the pairs of step 1 (``identicalTitles(old:new:)``); `space` must hold the features
    /// of every other task.
    func match(identical: [(old: Int, new: Int)]) -> (pairs: [Pair], candidates: [Pair]) {
        var pairs = identical.map { Pair(old: $0.old, new: $0.new, title: 1, score: score(title: 1, $0.old, $0.new)) }
        var oldPaired = [Bool](repeating: false, count: old.count)
        var newPaired = [Bool](repeating: false, count: new.count)
        for p in pairs {
            oldPaired[p.old] = true
            newPaired[p.new] = true
        }

        // 2–3. Candidates of the others by shared features.
        var candidates = candidatePairs(oldPaired: oldPaired, newPaired: newPaired)

        // 4. Assignment per connected component.
        let chosen = assign(candidates)
        pairs += chosen

        // 5. The tasks still unpaired get a second round among themselves: their index is
        //    smaller, so features are rarer there.
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

    /// 1. Titles equal word for word (years relative), occurring once in each plan — or as
    /// often in each, with the same sections in the same order (a plan that repeats a task
    /// title in several groups, kept as it was): those pair in document order.
    static func identicalTitles(old: TaskProfiles, new: TaskProfiles) -> [(old: Int, new: Int)] {
        // Grouped by a hash of the words; a group pairs only when its titles really are equal
        // (a hash collision only sends them on to step 2).
        var table = IntegerIDTable(capacity: old.count)
        var oldCount: [Int32] = []
        oldCount.reserveCapacity(old.count)
        var oldMembers: [(group: Int32, index: Int32)] = []
        oldMembers.reserveCapacity(old.count)
        for i in 0..<old.count where !old.title(i).isEmpty {
            let g = Int(table.id(Self.hash(old.title(i))))
            if g == oldCount.count { oldCount.append(0) }
            oldCount[g] += 1
            oldMembers.append((Int32(g), Int32(i)))
        }
        var newCount = [Int32](repeating: 0, count: oldCount.count)
        var newMembers: [(group: Int32, index: Int32)] = []
        newMembers.reserveCapacity(new.count)
        for j in 0..<new.count where !new.title(j).isEmpty {
            guard let g = table.existingID(Self.hash(new.title(j))).map(Int.init) else { continue }
            newCount[g] += 1
            newMembers.append((Int32(g), Int32(j)))
        }
        // Members of each group, in document order (stable: indices ascend within a group).
        oldMembers.sort { ($0.group, $0.index) < ($1.group, $1.index) }
        newMembers.sort { ($0.group, $0.index) < ($1.group, $1.index) }
        var pairs: [(old: Int, new: Int)] = []
        var a = 0
        var b = 0
        while a < oldMembers.count, b < newMembers.count {
            let g = oldMembers[a].group
            if newMembers[b].group < g { b += 1; continue }
            if newMembers[b].group > g { a += Int(oldCount[Int(g)]); continue }
            let k = Int(oldCount[Int(g)])
            defer { a += k; b += Int(newCount[Int(g)]) }
            guard k == Int(newCount[Int(g)]) else { continue }
            let olds = oldMembers[a..<(a + k)].map { Int($0.index) }
            let news = newMembers[b..<(b + k)].map { Int($0.index) }
            let equal = zip(olds, news).allSatisfy { i, j in
                old.title(i).elementsEqual(new.title(j), by: { $0.relative == $1.relative })
                    && (k == 1 || SectionKey.same(old.section(i), new.section(j)))
            }
            guard equal else { continue }
            pairs += zip(olds, news).map { ($0, $1) }
        }
        return pairs
    }

    /// FNV-1a over the relative forms of a title's words (deterministic across runs).
    private static func hash(_ tokens: ArraySlice<DiffToken>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for t in tokens {
            h = (h ^ UInt64(UInt32(bitPattern: t.relative))) &* 0x100_0000_01b3
        }
        return h
    }

    /// The combined score of old task `i` and new task `j` given their title similarity.
    func score(title: Double, _ i: Int, _ j: Int) -> Double {
        var s = Self.titleWeight * title
        if SectionKey.bonus(old.section(i), new.section(j)) { s += Self.sectionWeight }
        s += Self.leadWeight * TaskProfile.unitOverlap(old.lead(i), new.lead(j))
        return s
    }

    private func candidatePairs(oldPaired: [Bool], newPaired: [Bool]) -> [Pair] {
        // Postings: for each feature id, the unpaired new tasks whose title has it, in
        // document order (one array, `start[f]..<start[f + 1]` per feature).
        let features = space.featureCount
        var start = [Int32](repeating: 0, count: features + 1)
        var remaining = 0
        for j in 0..<new.count where !newPaired[j] {
            remaining += 1
            for id in space.features(old.count + j) { start[Int(id) + 1] += 1 }
        }
        guard remaining > 0 else { return [] }
        for f in 0..<features { start[f + 1] += start[f] }
        var postings = [Int32](repeating: 0, count: Int(start[features]))
        do {
            var fill = start
            for j in 0..<new.count where !newPaired[j] {
                for id in space.features(old.count + j) {
                    postings[Int(fill[Int(id)])] = Int32(j)
                    fill[Int(id)] += 1
                }
            }
        }

        var accumulated = [Double](repeating: 0, count: new.count)
        var touched: [Int] = []
        var lookups: [(id: Int, count: Int32)] = []
        var best: [Int] = []
        var result: [Pair] = []
        let window = Self.postingWindow
        for i in 0..<old.count where !oldPaired[i] {
            // The rarest features of the title that some new title has.
            lookups.removeAll(keepingCapacity: true)
            for id in space.features(i) {
                let count = start[Int(id) + 1] - start[Int(id)]
                if count > 0 { lookups.append((Int(id), count)) }
            }
            if lookups.count > Self.lookupsPerTitle {
                lookups.sort { $0.count != $1.count ? $0.count < $1.count : $0.id < $1.id }
                lookups.removeSubrange(Self.lookupsPerTitle...)
            }
            // Where the old task would stand among the new ones.
            let position = relativePosition(old: i)
            let target = Int32((position * Double(max(new.count - 1, 0))).rounded())
            for (id, count) in lookups {
                var lo = Int(start[id])
                var hi = Int(start[id + 1])
                if Int(count) > window {
                    // The `window` postings around `target`.
                    var a = lo
                    var b = hi
                    while a < b {
                        let m = (a + b) / 2
                        if postings[m] < target { a = m + 1 } else { b = m }
                    }
                    lo = max(lo, min(a - window / 2, hi - window))
                    hi = lo + window
                }
                let weight = space.weights[id]
                for k in lo..<hi {
                    let j = Int(postings[k])
                    if accumulated[j] == 0 { touched.append(j) }
                    accumulated[j] += weight
                }
            }
            // The best `candidatesPerTask`: most shared weight, then nearest in position.
            best.removeAll(keepingCapacity: true)
            func better(_ a: Int, _ b: Int) -> Bool {
                if accumulated[a] != accumulated[b] { return accumulated[a] > accumulated[b] }
                let da = abs(relativePosition(new: a) - position)
                let db = abs(relativePosition(new: b) - position)
                return da != db ? da < db : a < b
            }
            for j in touched {
                if best.count == Self.candidatesPerTask {
                    guard better(j, best[best.count - 1]) else { continue }
                    best.removeLast()
                }
                var k = best.count
                while k > 0, better(j, best[k - 1]) { k -= 1 }
                best.insert(j, at: k)
            }
            for j in touched { accumulated[j] = 0 }
            touched.removeAll(keepingCapacity: true)
            for j in best {
                let t = space.similarity(i, old.count + j)
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
        // Components in order of their root, each a run of candidate indices (still sorted by
        // old, then new task): no copy of the pairs, no table per component.
        var order = candidates.indices.map { (root: Int32(find(candidates[$0].old)), index: Int32($0)) }
        order.sort { ($0.root, $0.index) < ($1.root, $1.index) }
        var chosen: [Pair] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, order[end].root == order[start].root { end += 1 }
            let edges = order[start..<end].map { candidates[Int($0.index)] }
            start = end
            let rows = Self.sortedUnique(edges.map(\.old))
            let columns = Self.sortedUnique(edges.map(\.new))
            func rowIndex(_ i: Int) -> Int { Self.position(of: i, in: rows) }
            func columnIndex(_ j: Int) -> Int { Self.position(of: j, in: columns) }
            let weighted = edges.map { e in
                Assignment.Edge(row: rowIndex(e.old), column: columnIndex(e.new), weight: weight(e))
            }
            let matching =
                rows.count * columns.count <= Self.exactLimit
                ? Assignment.maximumWeight(rows: rows.count, columns: columns.count, edges: weighted)
                : Assignment.greedy(rows: rows.count, columns: columns.count, edges: weighted)
            // The edges are sorted by (old, new): find each chosen one by binary search.
            for m in matching {
                let key = (rows[m.row], columns[m.column])
                chosen.append(edges[edges.partitionPoint { ($0.old, $0.new) < key }])
            }
        }
        return chosen
    }

    private static func sortedUnique(_ values: [Int]) -> [Int] {
        var v = values.sorted()
        var w = 0
        for x in v where w == 0 || v[w - 1] != x {
            v[w] = x
            w += 1
        }
        v.removeSubrange(w...)
        return v
    }

    /// The index of `value` in the sorted `values` (which hold it).
    private static func position(of value: Int, in values: [Int]) -> Int {
        values.partitionPoint { $0 < value }
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
