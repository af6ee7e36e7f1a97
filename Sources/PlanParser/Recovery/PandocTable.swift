/// pandoc's text tables (`pandoc -t plain` and `-t markdown`), read back into rows.
///
/// - Grid tables: `+---+---+` borders, `|` between cells, `+===+` under the header; a cell's
///   text is wrapped inside its column, a blank line inside a cell separates paragraphs. pandoc
///   writes these when a cell holds two paragraphs, and for a letterhead or closing.
/// - Multiline tables: a dashed rule over the whole width, the header, a rule of one dash run
///   per column (the column extents), rows separated by blank lines, a closing rule. Spans are
///   dropped, so a group row's title wraps inside the first column.
/// - Simple tables: a header line, the column rule, one line per row, a blank line at the end.
///
/// Words longer than their column are broken (`S`/`T`/`T`, `01`/`-02/2025`); ``CellText`` joins
/// them again.
enum PandocTable {
    /// The longest table looked for, in lines: keeps a stray rule from scanning the whole file.
    static let maxLines = 20_000

    // MARK: - Grid tables

    /// Rewrites the grid table whose top border is line `i`.
    /// - Returns: the line after the table, or nil (nothing written) when `i` starts none.
    static func rewriteGrid(_ lines: TextLines, at i: Int, into out: inout RecoveredText) -> Int? {
        let top = lines.columns(i)
        let (indent, bounds) = borderColumns(lines, i, top)
        guard bounds.count >= 2 else { return nil }
        let columns = bounds.count - 1
        var table = ConvertedTable(columns: columns)
        var cells = [CellText](repeating: CellText(keepsLines: columns <= ConvertedTable.frameColumns), count: columns)
        var rowLine: Int32 = -1
        var j = i + 1
        var end: Int?
        func flushRow(endLine: Int32) {
            guard rowLine >= 0 else { return }
            var row = ConvertedTable.Row(line: rowLine, columns: columns)
            row.endLine = endLine
            for c in 0..<columns { row.cells[c] = cells[c].paragraphs }
            table.rows.append(row)
            cells = [CellText](repeating: CellText(keepsLines: columns <= ConvertedTable.frameColumns), count: columns)
            rowLine = -1
        }
        while j < lines.count, j - i < maxLines {
            let cols = lines.columns(j)
            if isBorder(lines, j, cols, indent: indent, bounds: bounds) {
                flushRow(endLine: lines.number(j - 1))
                // The table ends at a border not followed by another row.
                if j + 1 >= lines.count || lines.firstByte(j + 1) != UInt8(ascii: "|") {
                    // `+===+` right after the last border: pandoc's empty body.
                    if j + 1 < lines.count, lines.firstByte(j + 1) == UInt8(ascii: "+"),
                        isBorder(lines, j + 1, lines.columns(j + 1), indent: indent, bounds: bounds)
                    {
                        j += 1
                        continue
                    }
                    end = j
                    break
                }
                j += 1
                continue
            }
            // A row line: `|` at every boundary (a missing one joins two cells: a span).
            guard cols.count > indent, bytes(lines, cols, indent) == UInt8(ascii: "|") else { return nil }
            if rowLine < 0 { rowLine = lines.number(j) }
            var c = 0
            while c < columns {
                var k = c + 1
                while k < columns, bounds[k] + indent < cols.count - 1, bytes(lines, cols, bounds[k] + indent) != UInt8(ascii: "|") {
                    k += 1
                }
                let lo = min(bounds[c] + indent + 1, cols.count - 1)
                let hi = min(bounds[k] + indent, cols.count - 1)
                let piece = lines.bytes[cols[lo]..<cols[max(lo, hi)]]
                cells[c].add(piece, line: lines.number(j), width: bounds[k] - bounds[c] - 3)
                c = k
            }
            j += 1
        }
        guard let last = end else { return nil }
        for k in i...last where !lines.isBlank(k) && lines.firstByte(k) == UInt8(ascii: "+") { out.drop(lines, line: k) }
        table.restoreSpaces(vocabulary: SyllableSplit.vocabulary(of: lines.bytes[...]))
        table.write(into: &out, lastLine: lines.number(last))
        return last + 1
    }

    /// The indentation and the `+` positions (relative to it) of a grid border line.
    private static func borderColumns(_ lines: TextLines, _ i: Int, _ cols: [Int]) -> (Int, [Int]) {
        var k = 0
        while k < cols.count - 1, lines.bytes[cols[k]] == 0x20 { k += 1 }
        let indent = k
        var bounds: [Int] = []
        var sawDash = false
        while k < cols.count - 1 {
            let b = lines.bytes[cols[k]]
            switch b {
            case UInt8(ascii: "+"):
                bounds.append(k - indent)
                sawDash = false
            case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: ":"):
                sawDash = true
            default:
                return (indent, [])
            }
            k += 1
        }
        guard !sawDash, bounds.first == 0 else { return (indent, []) }
        return (indent, bounds)
    }

    /// A border (`+---+`, `+===+`, `+:--+`) with its `+` at `bounds`.
    private static func isBorder(_ lines: TextLines, _ j: Int, _ cols: [Int], indent: Int, bounds: [Int]) -> Bool {
        guard lines.firstByte(j) == UInt8(ascii: "+") else { return false }
        let (ind, b) = borderColumns(lines, j, cols)
        return ind == indent && b == bounds
    }

    private static func bytes(_ lines: TextLines, _ cols: [Int], _ k: Int) -> UInt8 {
        k < cols.count - 1 ? lines.bytes[cols[k]] : 0
    }

    // MARK: - Multiline and simple tables

    /// A rule line's dash runs, in display columns: `[start, end)` each; empty when the line is
    /// not dashes and spaces only.
    private static func dashRuns(_ lines: TextLines, _ i: Int) -> [Range<Int>] {
        // Most lines are text (`- Chủ trì …` starts with a dash too): a byte that starts a column
        // and is not `-`, `:` or a space rules the line out before any column is measured.
        // Only a combining mark's lead byte (CC, CD) may be skipped here: it can join the column
        // before it.
        let ruledOut = lines.bytes.withUnsafeBufferPointer { buf in
            var k = lines.starts[i]
            let end = lines.ends[i]
            while k < end {
                let b = buf[k]
                if b < 0x80 {
                    if b != UInt8(ascii: "-"), b != UInt8(ascii: ":"), b != 0x20 { return true }
                } else if b >= 0xC0, b != 0xCC, b != 0xCD {
                    return true
                }
                k += 1
            }
            return false
        }
        if ruledOut { return [] }
        let cols = lines.columns(i)
        var runs: [Range<Int>] = []
        var start = -1
        for k in 0..<(cols.count - 1) {
            switch lines.bytes[cols[k]] {
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if start < 0 { start = k }
            case 0x20:
                if start >= 0 {
                    runs.append(start..<k)
                    start = -1
                }
            default:
                return []
            }
        }
        if start >= 0 { runs.append(start..<(cols.count - 1)) }
        return runs.allSatisfy { $0.count >= 3 } ? runs : []
    }

    /// Rewrites the multiline or simple table that starts at line `i`: its top rule, its
    /// column rule (headerless), or its header line when the next line is the column rule.
    /// - Returns: the line after the table, or nil when none starts at `i`.
    static func rewriteMultiline(_ lines: TextLines, at i: Int, into out: inout RecoveredText) -> Int? {
        enum Shape { case multiline, headerless, simple }
        let first = dashRuns(lines, i)
        let shape: Shape
        var header = i..<i
        var ruleLine = i
        if first.count == 1 {
            // A rule over the whole width, then the header, then the column rule.
            var j = i + 1
            while j < lines.count, j - i <= 12, !lines.isBlank(j), dashRuns(lines, j).isEmpty { j += 1 }
            guard j < lines.count, j > i + 1, dashRuns(lines, j).count >= 2 else { return nil }
            header = (i + 1)..<j
            ruleLine = j
            shape = .multiline
        } else if first.count >= 2 {
            shape = .headerless
        } else if isSimpleHeader(lines, i) {
            header = i..<(i + 1)
            ruleLine = i + 1
            shape = .simple
        } else {
            return nil
        }
        let runs = dashRuns(lines, ruleLine)
        let starts = runs.map(\.lowerBound)
        let widths = runs.map(\.count)
        // The body, up to the closing rule (a simple table may also end at a blank line).
        var j = ruleLine + 1
        var end = -1
        var sawBlank = false
        while j < lines.count, j - i < maxLines {
            if lines.isBlank(j) {
                if shape == .simple {
                    end = j - 1
                    break
                }
                sawBlank = true
            } else {
                let d = dashRuns(lines, j)
                if !d.isEmpty, d.count == 1 || d.map(\.lowerBound) == starts {
                    end = j
                    break
                }
            }
            j += 1
        }
        if end < 0 {
            guard shape == .simple, j >= lines.count else { return nil }
            end = j - 1
        }
        let bodyEnd = dashRuns(lines, end).isEmpty ? end + 1 : end
        // Rows: blank-separated in a multiline table, one per line in a simple one.
        var rows: [Range<Int>] = []
        if !header.isEmpty { rows.append(header) }
        let perLine = shape == .simple || (shape == .headerless && !sawBlank)
        var rowStart = -1
        for k in (ruleLine + 1)..<max(ruleLine + 1, bodyEnd) {
            if lines.isBlank(k) {
                if rowStart >= 0 { rows.append(rowStart..<k) }
                rowStart = -1
            } else if perLine {
                rows.append(k..<(k + 1))
            } else if rowStart < 0 {
                rowStart = k
            }
        }
        if rowStart >= 0 { rows.append(rowStart..<bodyEnd) }
        guard !rows.isEmpty else { return nil }
        var table = ConvertedTable(columns: starts.count)
        for r in rows {
            var row = ConvertedTable.Row(line: lines.number(r.lowerBound), columns: starts.count)
            row.endLine = lines.number(r.upperBound - 1)
            var cells = [CellText](repeating: CellText(keepsLines: starts.count <= ConvertedTable.frameColumns), count: starts.count)
            for k in r {
                let cols = lines.columns(k)
                let width = cols.count - 1
                for c in 0..<starts.count {
                    let lo = min(starts[c], width)
                    let hi = c + 1 < starts.count ? min(starts[c + 1], width) : width
                    cells[c].add(lines.bytes[cols[lo]..<cols[max(lo, hi)]], line: lines.number(k), width: widths[c])
                }
            }
            for c in 0..<starts.count { row.cells[c] = cells[c].paragraphs }
            table.rows.append(row)
        }
        for k in i...end where !lines.isBlank(k) && !dashRuns(lines, k).isEmpty { out.drop(lines, line: k) }
        table.restoreSpaces(vocabulary: SyllableSplit.vocabulary(of: lines.bytes[...]))
        table.write(into: &out, lastLine: lines.number(end))
        return end + 1
    }

    /// Whether line `i` is a simple table's header: the next line is a column rule.
    /// The header's texts must stand apart (two spaces or more) like the columns under them.
    static func isSimpleHeader(_ lines: TextLines, _ i: Int) -> Bool {
        guard i + 1 < lines.count, !lines.isBlank(i), lines.firstByte(i + 1) == UInt8(ascii: "-") else { return false }
        let runs = dashRuns(lines, i + 1)
        guard runs.count >= 2 else { return false }
        let pieces = LayoutTable.pieces(lines, i)
        return pieces.count >= 2 && pieces.allSatisfy { p in runs.contains { p.start >= $0.lowerBound - 1 && p.start < $0.upperBound } }
    }
}
