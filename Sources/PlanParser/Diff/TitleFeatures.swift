import Foundation

/// Titles as weighted sets of word features, for a similarity that tolerates rewording.
///
/// A title's features are its words (years relative to the plan year, so that a title that
/// only moved with the plan year keeps all its features) and its pairs of adjacent words.
/// Word pairs keep some order: `kết quả giải quyết` and `giải quyết kết quả` share all words
/// but not all pairs. Each feature weighs
/// `ln(1 + N / df)` (inverse document frequency over the N titles of both plans), so words
/// every task uses (`thực hiện`, `năm`) count less than the words that tell tasks apart.
struct TitleFeatures: Sendable {
    /// Feature codes, sorted ascending, no duplicates. A word is its id (< 2³²); a pair of
    /// words `a b` is `(a + 1) << 32 | b`.
    var codes: [UInt64]
    /// The weight of each code, filled in by ``TitleFeatureSpace/weigh(_:)``.
    var weights: [Double] = []
    /// Sum of `weights`.
    var total: Double = 0

    /// Whether `code` is a single word (not a pair).
    @inline(__always)
    static func isWord(_ code: UInt64) -> Bool { code < 1 << 32 }

    /// Weighted Dice coefficient: 2·(weight of shared features) / (weight of all features of
    /// both), from 0 (nothing shared) to 1 (the same features).
    /// - Complexity: O(a + b), a merge of two sorted arrays.
    static func similarity(_ a: TitleFeatures, _ b: TitleFeatures) -> Double {
        let denominator = a.total + b.total
        guard denominator > 0 else { return a.codes.isEmpty && b.codes.isEmpty ? 1 : 0 }
        var shared = 0.0
        var i = 0
        var j = 0
        let x = a.codes
        let y = b.codes
        while i < x.count, j < y.count {
            if x[i] == y[j] {
                shared += a.weights[i]
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return min(1, 2 * shared / denominator)
    }
}

/// Counts in how many titles each feature occurs, and weighs features by it.
struct TitleFeatureSpace {
    /// Number of titles containing each feature.
    private var documentFrequency: [UInt64: Int32] = [:]
    private var titles = 0

    /// The features of one title; counts them for the weights.
    mutating func features(_ tokens: [DiffToken]) -> TitleFeatures {
        var codes: [UInt64] = []
        codes.reserveCapacity(tokens.count * 2)
        var previous: Int32?
        for t in tokens {
            let id = t.relative
            codes.append(UInt64(id))
            if let p = previous { codes.append((UInt64(p) + 1) << 32 | UInt64(id)) }
            previous = id
        }
        codes.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(codes.count)
        for c in codes where unique.last != c { unique.append(c) }
        for c in unique { documentFrequency[c, default: 0] += 1 }
        titles += 1
        return TitleFeatures(codes: unique)
    }

    /// Fills in the weights of `f` from the counts of every title seen.
    func weigh(_ f: inout TitleFeatures) {
        let n = Double(max(titles, 1))
        f.weights = f.codes.map { log(1 + n / Double(documentFrequency[$0] ?? 1)) }
        f.total = f.weights.reduce(0, +)
    }
}
