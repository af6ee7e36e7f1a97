#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The titles of both plans as weighted sets of word features, for a similarity that
/// tolerates rewording.
///
/// A title's features are its words (years that moved with the plan year in their relative
/// form, so that a title that only moved with the plan year keeps all its features; a
/// citation is one word) and its pairs of adjacent words. Word pairs keep some order:
/// `kết quả giải quyết` and `giải quyết kết quả` share all words but not all pairs. Each
/// feature weighs `ln(1 + N / df)` (inverse document frequency over the N titles of both
/// plans), so words every task uses (`thực hiện`, `năm`) count less than the words that tell
/// tasks apart.
///
/// Features are interned: a word feature is the word's id, a pair gets an id after them.
/// Every title is counted for the weights, but only the titles still to pair after the
/// identical-title step keep their sorted feature ids (``add(_:keep:)``), one after another in
/// one array (4 bytes a feature); the weights are kept once.
struct TitleFeatureSpace {
    /// A pair of words gets `wordCount + ` its index in this table.
    private var pairs = IntegerIDTable(capacity: 1 << 12)
    private let wordCount: Int
    /// The number of titles holding each feature id.
    private var documentFrequency: [Int32]
    /// Each feature id's weight, after ``finish()``.
    private(set) var weights: [Double] = []
    private(set) var titleCount = 0
    /// Stored titles' feature ids, sorted, no duplicates: title `t`'s are
    /// `ids[start[t]..<end[t]]` (empty for a title not stored).
    private var ids: [Int32] = []
    private var start: [Int32] = []
    private var end: [Int32] = []
    /// The sum of each stored title's feature weights.
    private var totals: [Double] = []
    private var scratch: [Int32] = []
    /// For each feature id, 1 + the index of the last title that had it.
    private var seen: [Int32] = []

    /// A space for titles whose words have ids below `wordCount` (``WordTable/count``).
    init(wordCount: Int) {
        self.wordCount = wordCount
        documentFrequency = [Int32](repeating: 0, count: wordCount)
    }

    /// The number of distinct features; ids are `0..<featureCount`.
    var featureCount: Int { max(documentFrequency.count, weights.count) }

    /// Counts the features of the next title (its index is ``titleCount`` before the call),
    /// and with `keep` stores them for ``similarity(_:_:)``.
    /// - Complexity: O(t log t) for t words.
    mutating func add<C: Collection>(_ tokens: C, keep: Bool) where C.Element == DiffToken {
        var title = scratch
        scratch = []
        featureIDs(tokens, into: &title)
        for id in title { documentFrequency[Int(id)] += 1 }
        start.append(Int32(ids.count))
        if keep { ids += title }
        end.append(Int32(ids.count))
        scratch = title
        titleCount += 1
    }

    /// Computes the weights, and the stored titles' total weights, once every title is added.
    mutating func finish() {
        let n = Double(max(titleCount, 1))
        weights = documentFrequency.map { log(1 + n / Double(max($0, 1))) }
        documentFrequency = []
        pairs = IntegerIDTable()
        scratch = []
        seen = []
        totals = (0..<titleCount).map { t in features(t).reduce(0.0) { $0 + weights[Int($1)] } }
    }

    /// The sorted, unique feature ids of a title, into `out`. Repeats are dropped as they come
    /// (`seen` marks the features of the title being read), so only distinct ids are sorted.
    private mutating func featureIDs<C: Collection>(_ tokens: C, into out: inout [Int32]) where C.Element == DiffToken {
        out.removeAll(keepingCapacity: true)
        let mark = Int32(truncatingIfNeeded: titleCount + 1)
        func note(_ id: Int32) {
            if Int(id) >= seen.count { seen += repeatElement(0, count: max(Int(id) + 1 - seen.count, seen.count)) }
            if seen[Int(id)] != mark {
                seen[Int(id)] = mark
                out.append(id)
            }
        }
        var previous: Int32?
        for t in tokens {
            let id = t.relative
            note(id)
            if let p = previous {
                let pair = pairs.id(UInt64(UInt32(bitPattern: p)) << 32 | UInt64(UInt32(bitPattern: id)))
                let feature = Int32(wordCount) + pair
                if Int(feature) == documentFrequency.count { documentFrequency.append(0) }
                note(feature)
            }
            previous = id
        }
        out.sort()
    }

    /// Title `t`'s feature ids, sorted ascending (empty unless stored).
    func features(_ t: Int) -> ArraySlice<Int32> { ids[Int(start[t])..<Int(end[t])] }

    /// Weighted Dice coefficient of stored titles `s` and `t`: 2·(weight of shared features) /
    /// (weight of all features of both), from 0 (nothing shared) to 1 (the same features).
    /// - Complexity: O(a + b), a merge of two sorted arrays.
    func similarity(_ s: Int, _ t: Int) -> Double {
        let denominator = totals[s] + totals[t]
        let a = Int(start[s])..<Int(end[s])
        let b = Int(start[t])..<Int(end[t])
        guard denominator > 0 else { return a.isEmpty && b.isEmpty ? 1 : 0 }
        var shared = 0.0
        ids.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                var i = a.lowerBound
                var j = b.lowerBound
                while i < a.upperBound, j < b.upperBound {
                    let p = x[i]
                    let q = x[j]
                    if p == q {
                        shared += w[Int(p)]
                        i += 1
                        j += 1
                    } else if p < q {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
        return min(1, 2 * shared / denominator)
    }
}
