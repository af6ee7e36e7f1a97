/// Maximum-weight matching of a small bipartite graph, exactly (the Hungarian method).
///
/// The diff uses it on each connected component of the candidate graph; components are
/// small because two plans' tasks mostly pair off one to one.
enum Assignment {
    struct Edge: Sendable, Equatable {
        var row: Int
        var column: Int
        /// Must be positive: an edge is only worth taking if it gains something.
        var weight: Double
    }

    /// The pairs (row, column) of a matching of maximum total weight, sorted by row. Rows and
    /// columns without an edge in the result stay unmatched.
    ///
    /// Solved as a rectangular assignment problem with cost `-weight` on edges and 0 off
    /// them (a pair without an edge means "unmatched"), by the O(n²·m) shortest augmenting
    /// path form of the Hungarian method with potentials.
    /// - Complexity: O(n²·m) time, O(n·m) memory, n = min(rows, columns), m = max.
    static func maximumWeight(rows: Int, columns: Int, edges: [Edge]) -> [(row: Int, column: Int)] {
        guard rows > 0, columns > 0, !edges.isEmpty else { return [] }
        let transposed = rows > columns
        let n = transposed ? columns : rows
        let m = transposed ? rows : columns
        // cost[(i - 1) * m + (j - 1)] for 1-based i ≤ n, j ≤ m.
        var cost = [Double](repeating: 0, count: n * m)
        var isEdge = [Bool](repeating: false, count: n * m)
        for e in edges {
            let (i, j) = transposed ? (e.column, e.row) : (e.row, e.column)
            let k = i * m + j
            if !isEdge[k] || -e.weight < cost[k] { cost[k] = -e.weight }
            isEdge[k] = true
        }
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var p = [Int](repeating: 0, count: m + 1)  // p[j]: row matched to column j (0 = none)
        var way = [Int](repeating: 0, count: m + 1)
        var minv = [Double](repeating: 0, count: m + 1)
        var used = [Bool](repeating: false, count: m + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            for j in 0...m {
                minv[j] = .infinity
                used[j] = false
            }
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity
                var j1 = 0
                let rowBase = (i0 - 1) * m
                for j in 1...m where !used[j] {
                    let current = cost[rowBase + j - 1] - u[i0] - v[j]
                    if current < minv[j] {
                        minv[j] = current
                        way[j] = j0
                    }
                    if minv[j] < delta {
                        delta = minv[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[p[j]] += delta
                        v[j] -= delta
                    } else {
                        minv[j] -= delta
                    }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var result: [(row: Int, column: Int)] = []
        for j in 1...m where p[j] != 0 && isEdge[(p[j] - 1) * m + j - 1] {
            let (i, c) = (p[j] - 1, j - 1)
            result.append(transposed ? (row: c, column: i) : (row: i, column: c))
        }
        result.sort { $0.row < $1.row }
        return result
    }

    /// A matching made by taking edges from the heaviest down whenever both ends are still
    /// free (ties: lower row, then lower column). Every pair it makes is the best edge left
    /// for both ends, so no two tasks would both rather be paired with each other; the total
    /// weight is at least half the maximum. Used for components too large for
    /// ``maximumWeight(rows:columns:edges:)``.
    /// - Complexity: O(e log e).
    static func greedy(rows: Int, columns: Int, edges: [Edge]) -> [(row: Int, column: Int)] {
        let sorted = edges.sorted { a, b in
            a.weight != b.weight ? a.weight > b.weight : (a.row, a.column) < (b.row, b.column)
        }
        var rowUsed = [Bool](repeating: false, count: rows)
        var columnUsed = [Bool](repeating: false, count: columns)
        var result: [(row: Int, column: Int)] = []
        for e in sorted where !rowUsed[e.row] && !columnUsed[e.column] {
            rowUsed[e.row] = true
            columnUsed[e.column] = true
            result.append((e.row, e.column))
        }
        result.sort { $0.row < $1.row }
        return result
    }
}
