import Foundation

/// A title as a weighted set of word features, for a similarity that tolerates rewording.
///
/// A title's features are its words (years that moved with the plan year in their relative
/// form, so that a title that only moved with the plan year keeps all its features; a
/// citation is one word) and its pairs of adjacent words. Word pairs keep some order:
/// `kết quả giải quyết` and `giải quyết kết quả` share all words but not all pairs. Each
/// feature weighs `ln(1 + N / df)` (inverse document frequency over the N titles of both
/// plans), so words every task uses (`thực hiện`, `năm`) count less than the words that tell
/// tasks apart. Features are interned by ``TitleFeatureSpace``: a title keeps 4 bytes per
/// feature, the weights are kept once.
struct TitleFeatures: Sendable {
    /// Feature ids in the ``TitleFeatureSpace``, sorted ascending, no duplicates.
    var ids: [Int32]
    /// The sum of the features' weights, filled in by ``TitleFeatureSpace/weigh(_:)``.
    var total: Double = 0
}

/// Interns the features of every title of both plans, counts in how many titles each occurs,
/// and weighs them by it.
struct TitleFeatureSpace {
    /// Word features are the words' ids (`0..<wordCount`); a pair of words gets
    /// `wordCount + ` its index in this table.
    private var pairs = IntegerIDTable(capacity: 1 << 12)
    private let wordCount: Int
    /// The number of titles holding each feature id.
    private(set) var documentFrequency: [Int32]
    /// Each feature id's weight, after ``finish()``.
    private(set) var weights: [Double] = []
    private var titles = 0

    /// A space for titles whose words have ids below `wordCount` (``WordTable/count``).
    init(wordCount: Int) {
        self.wordCount = wordCount
        documentFrequency = [Int32](repeating: 0, count: wordCount)
    }

    /// The number of distinct features; ids are `0..<count`.
    var count: Int { documentFrequency.count }

    /// The features of one title; counts them for the weights.
    /// - Complexity: O(t log t) for t words.
    mutating func features(_ tokens: [DiffToken]) -> TitleFeatures {
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count * 2)
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
        ids.sort()
        var unique = 0
        for k in ids.indices where k == 0 || ids[k] != ids[k - 1] {
            ids[unique] = ids[k]
            unique += 1
        }
        ids.removeSubrange(unique...)
        for id in ids { documentFrequency[Int(id)] += 1 }
        titles += 1
        return TitleFeatures(ids: ids)
    }

    /// Computes the weights once every title has been seen, and drops the pair table.
    mutating func finish() {
        let n = Double(max(titles, 1))
        weights = documentFrequency.map { log(1 + n / Double(max($0, 1))) }
        pairs = IntegerIDTable()
    }

    /// Fills in the total weight of `f`.
    func weigh(_ f: inout TitleFeatures) {
        var total = 0.0
        for id in f.ids { total += weights[Int(id)] }
        f.total = total
    }

    /// Weighted Dice coefficient: 2·(weight of shared features) / (weight of all features of
    /// both), from 0 (nothing shared) to 1 (the same features).
    /// - Complexity: O(a + b), a merge of two sorted arrays.
    func similarity(_ a: TitleFeatures, _ b: TitleFeatures) -> Double {
        let denominator = a.total + b.total
        guard denominator > 0 else { return a.ids.isEmpty && b.ids.isEmpty ? 1 : 0 }
        var shared = 0.0
        a.ids.withUnsafeBufferPointer { x in
            b.ids.withUnsafeBufferPointer { y in
                weights.withUnsafeBufferPointer { w in
                    var i = 0
                    var j = 0
                    while i < x.count, j < y.count {
                        let p = x[i]
                        let q = y[j]
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
        }
        return min(1, 2 * shared / denominator)
    }
}
