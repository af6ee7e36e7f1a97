import Foundation

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
/// Features are interned: a word feature is the word's id, a pair gets an id after them. The
/// titles' sorted feature ids are kept one after another in one array (4 bytes a feature),
/// the weights once.
struct TitleFeatureSpace {
    /// A pair of words gets `wordCount + ` its index in this table.
    private var pairs = IntegerIDTable(capacity: 1 << 12)
    private let wordCount: Int
    /// The number of titles holding each feature id.
    private var documentFrequency: [Int32]
    /// Each feature id's weight, after ``finish()``.
    private(set) var weights: [Double] = []
    /// Title `t`'s feature ids, sorted, no duplicates: `ids[start[t]..<start[t + 1]]`.
    private var ids: [Int32] = []
    private var start: [Int32] = [0]
    /// The sum of each title's feature weights, after ``finish()``.
    private var totals: [Double] = []

    /// A space for titles whose words have ids below `wordCount` (``WordTable/count``).
    init(wordCount: Int) {
        self.wordCount = wordCount
        documentFrequency = [Int32](repeating: 0, count: wordCount)
    }

    /// The number of distinct features; ids are `0..<featureCount`.
    var featureCount: Int { max(documentFrequency.count, weights.count) }

    /// The number of titles added.
    var titleCount: Int { start.count - 1 }

    /// Adds the next title (its index is ``titleCount`` before the call).
    /// - Complexity: O(t log t) for t words.
    mutating func add<C: Collection>(_ tokens: C) where C.Element == DiffToken {
        let first = ids.count
        var previous: Int32?
        for t in tokens {
            let id = t.relative
            ids.append(id)
            if let p = previous {
                let pair = pairs.id(UInt64(UInt32(bitPattern: p)) << 32 | UInt64(UInt32(bitPattern: id)))
                let feature = Int32(wordCount) + pair
                if Int(feature) == documentFrequency.count { documentFrequency.append(0) }
                ids.append(feature)
            }
            previous = id
        }
        ids[first...].sort()
        var unique = first
        for k in first..<ids.count where k == first || ids[k] != ids[k - 1] {
            ids[unique] = ids[k]
            unique += 1
        }
        ids.removeSubrange(unique...)
        for k in first..<ids.count { documentFrequency[Int(ids[k])] += 1 }
        start.append(Int32(ids.count))
    }

    /// Computes the weights once every title has been added, and drops the pair table.
    mutating func finish() {
        let n = Double(max(titleCount, 1))
        weights = documentFrequency.map { log(1 + n / Double(max($0, 1))) }
        documentFrequency = []
        pairs = IntegerIDTable()
        totals = (0..<titleCount).map { t in features(t).reduce(0.0) { $0 + weights[Int($1)] } }
    }

    /// Title `t`'s feature ids, sorted ascending.
    func features(_ t: Int) -> ArraySlice<Int32> { ids[Int(start[t])..<Int(start[t + 1])] }

    /// Weighted Dice coefficient of titles `s` and `t`: 2·(weight of shared features) /
    /// (weight of all features of both), from 0 (nothing shared) to 1 (the same features).
    /// - Complexity: O(a + b), a merge of two sorted arrays.
    func similarity(_ s: Int, _ t: Int) -> Double {
        let denominator = totals[s] + totals[t]
        let a = Int(start[s])..<Int(start[s + 1])
        let b = Int(start[t])..<Int(start[t + 1])
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
