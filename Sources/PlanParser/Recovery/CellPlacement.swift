/// Which of a row's printed lines go in which column, when a table printed one cell per line
/// (``CellLineTable``) has more lines in a row than columns: some cells hold several
/// paragraphs (`Quyết định kiện toàn` / `Quy chế hoạt động` in one product cell).
///
/// The lines keep their order; each column takes one line or more (an empty cell is its one
/// empty line). A line is read as a unit's name (`Chi cục Thủy lợi`, `Các sở, ngành`), a time
/// (`Quý II/2026`, `Thường xuyên`) or other text, and each column's header says which it wants:
/// units in the lead and support columns, times in the time column, text elsewhere. The
/// placement that fits best wins — only when no other fits as well: two equal placements mean
/// the lines cannot be told apart, and the row is not placed at all.
enum CellPlacement {
    /// What a printed line reads as.
    enum Reading: Equatable {
        case empty, unit, time, text
    }

    /// Places `units` (a row's cells as printed, its number cell left out) in the columns of
    /// `roles` (the header's roles after the number column).
    /// - Returns: one cell per column, or nil when no placement is better than every other.
    static func place(_ units: [CellLineTable.Cell], roles: [TableColumn.Role], lines: TextLines,
                      normalizer: TimeNormalizer) -> [CellLineTable.Cell]? {
        let m = units.count
        let n = roles.count
        guard n > 0, m >= n, m <= CellLineTable.maxRowCells else { return nil }
        let readings = units.map { u in u.lines.first.map { reading(lines, $0, normalizer) } ?? .empty }
        // best[i][c]: the best score of units[..<i] in columns[..<c], and how many placements reach it (1 or 2).
        let unset = Int.min / 4
        var best = [[Int]](repeating: [Int](repeating: unset, count: n + 1), count: m + 1)
        var ways = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: m + 1)
        var from = [[Int]](repeating: [Int](repeating: -1, count: n + 1), count: m + 1)
        best[0][0] = 0
        ways[0][0] = 1
        for c in 1...n {
            // Column c - 1 takes units[a..<i]; the columns after it need one unit each.
            for i in c...(m - (n - c)) {
                for a in (c - 1)..<i {
                    guard best[a][c - 1] != unset, let s = score(units, readings, a, i, roles[c - 1], lines) else { continue }
                    let total = best[a][c - 1] + s
                    if total > best[i][c] {
                        best[i][c] = total
                        ways[i][c] = ways[a][c - 1]
                        from[i][c] = a
                    } else if total == best[i][c] {
                        ways[i][c] = min(2, ways[i][c] + ways[a][c - 1])
                    }
                }
            }
        }
        guard best[m][n] != unset, ways[m][n] == 1 else { return nil }
        var cells: [CellLineTable.Cell] = []
        var i = m
        for c in stride(from: n, to: 0, by: -1) {
            let a = from[i][c]
            let group = units[a..<i]
            cells.append(CellLineTable.Cell(lines: group.flatMap(\.lines), next: group.last!.next))
            i = a
        }
        return cells.reversed()
    }

    /// The score of `units[a..<b]` as one cell of a column of `role`, or nil when they cannot
    /// be one cell (an empty line among others, or lines that read differently).
    private static func score(_ units: [CellLineTable.Cell], _ readings: [Reading], _ a: Int, _ b: Int,
                              _ role: TableColumn.Role, _ lines: TextLines) -> Int? {
        if b - a == 1 { return fit(readings[a], role) }
        var total = 0
        for k in a..<b {
            guard readings[k] != .empty, readings[k] == readings[a], let f = fit(readings[k], role) else { return nil }
            total += f
            if k > a {
                // A further paragraph costs a little — less after a list's `;` or `,`.
                let last = lines.trimmed(units[k - 1].lines[0]).last
                total -= last == UInt8(ascii: ";") || last == UInt8(ascii: ",") ? 1 : 3
            }
        }
        return total
    }

    /// How well a line that reads as `r` fits a column of `role` (units of score: a fitting line
    /// 4), or nil where it cannot go: a time among units, a unit's name where the time is.
    private static func fit(_ r: Reading, _ role: TableColumn.Role) -> Int? {
        switch (role, r) {
        case (_, .empty): return 0
        case (.lead, .unit), (.support, .unit), (.time, .time): return 4
        case (.lead, .time), (.support, .time), (.time, .unit): return nil
        case (.lead, .text), (.support, .text): return -4
        case (.time, .text): return 0
        case (_, .text): return 2
        default: return -4  // a unit's name or a time in a text column
        }
    }

    /// The longest line read as a time (`Tháng 01-02/2025 và Quý IV/2025`).
    static let maxTimeBytes = 48

    static func reading(_ lines: TextLines, _ i: Int, _ normalizer: TimeNormalizer) -> Reading {
        let text = Array(lines.trimmed(i))
        guard !text.isEmpty else { return .empty }
        return text.withUnsafeBufferPointer { buf in
            if AgencySections.startsLikeUnit(buf) { return .unit }
            // A time cell is short (`Quý II/2026`, `Trước ngày 30/9/2026`): a long line with a
            // year in it is a title or a product (`Xây dựng … năm 2024`).
            guard buf.count <= maxTimeBytes else { return .text }
            return normalizer.milestones(in: buf).milestones.contains { $0.kind != .unknown } ? .time : .text
        }
    }
}
