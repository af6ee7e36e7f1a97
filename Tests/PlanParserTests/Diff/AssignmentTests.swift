import Testing
@testable import PlanParser

/// The assignment step: maximum total weight, not first come first served.
@Suite struct AssignmentTests {
    typealias Edge = Assignment.Edge

    /// Old A is a little closer to new X than to new Y, but old B can only go with X.
    /// First come (A takes its best, X) leaves B and Y unpaired; the global optimum pairs
    /// A–Y and B–X. Greedy-by-weight happens to make the same mistake here.
    @Test func firstComeWouldStealAPartner() {
        let edges = [Edge(row: 0, column: 0, weight: 0.40), Edge(row: 0, column: 1, weight: 0.35),
                     Edge(row: 1, column: 0, weight: 0.30)]
        let best = Assignment.maximumWeight(rows: 2, columns: 2, edges: edges)
        #expect(best.map { [$0.row, $0.column] } == [[0, 1], [1, 0]])
        let greedy = Assignment.greedy(rows: 2, columns: 2, edges: edges)
        #expect(greedy.map { [$0.row, $0.column] } == [[0, 0]])
    }

    /// One strong pair is worth more than two weak ones (weights are scores minus the threshold).
    @Test func strongPairKept() {
        let edges = [Edge(row: 0, column: 0, weight: 0.50), Edge(row: 0, column: 1, weight: 0.05),
                     Edge(row: 1, column: 0, weight: 0.02)]
        let best = Assignment.maximumWeight(rows: 2, columns: 2, edges: edges)
        #expect(best.map { [$0.row, $0.column] } == [[0, 0]])
    }

    @Test func rectangularBothWays() {
        let tall = [Edge(row: 0, column: 0, weight: 1), Edge(row: 1, column: 0, weight: 2), Edge(row: 2, column: 0, weight: 3)]
        #expect(Assignment.maximumWeight(rows: 3, columns: 1, edges: tall).map(\.row) == [2])
        let wide = tall.map { Edge(row: $0.column, column: $0.row, weight: $0.weight) }
        #expect(Assignment.maximumWeight(rows: 1, columns: 3, edges: wide).map(\.column) == [2])
        #expect(Assignment.maximumWeight(rows: 0, columns: 3, edges: []).isEmpty)
    }

    /// Random sparse graphs: the Hungarian result has the best total weight (checked by
    /// trying every matching), is a matching, and uses only edges.
    @Test func matchesBruteForce() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<300 {
            let rows = Int(rng.next() % 5) + 1
            let columns = Int(rng.next() % 5) + 1
            var edges: [Edge] = []
            for r in 0..<rows {
                for c in 0..<columns where rng.next() % 3 != 0 {
                    edges.append(Edge(row: r, column: c, weight: Double(rng.next() % 1000 + 1) / 1000))
                }
            }
            let result = Assignment.maximumWeight(rows: rows, columns: columns, edges: edges)
            var weight: [Int: Double] = [:]
            for e in edges { weight[e.row * 8 + e.column] = e.weight }
            #expect(Set(result.map(\.row)).count == result.count)
            #expect(Set(result.map(\.column)).count == result.count)
            #expect(result.allSatisfy { weight[$0.row * 8 + $0.column] != nil })
            let total = result.reduce(0.0) { $0 + weight[$1.row * 8 + $1.column]! }
            #expect(abs(total - bruteForce(rows: rows, columns: columns, weight: weight)) < 1e-9)
            let greedy = Assignment.greedy(rows: rows, columns: columns, edges: edges)
            let greedyTotal = greedy.reduce(0.0) { $0 + weight[$1.row * 8 + $1.column]! }
            #expect(greedyTotal <= total + 1e-9 && greedyTotal >= total / 2 - 1e-9)
        }
    }

    private func bruteForce(rows: Int, columns: Int, weight: [Int: Double]) -> Double {
        var best = 0.0
        var used = [Bool](repeating: false, count: columns)
        func go(_ r: Int, _ sum: Double) {
            if r == rows {
                best = max(best, sum)
                return
            }
            go(r + 1, sum)
            for c in 0..<columns where !used[c] {
                guard let w = weight[r * 8 + c] else { continue }
                used[c] = true
                go(r + 1, sum + w)
                used[c] = false
            }
        }
        go(0, 0)
        return best
    }
}

/// A tiny deterministic random number generator for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
