/// A table printed one cell per line, as LibreOffice's "Save as Text" and docx2txt print a
/// Word table: the header's cells (`STT`, `Nhiệm vụ`, `Đơn vị chủ trì`, …) one under the other,
/// then each row's cells in order, nothing where a row ends. LibreOffice writes a line per
/// cell paragraph (an empty cell is an empty line); docx2txt follows each paragraph with a
/// blank line (an empty cell is two).
///
/// The rows come back from their numbers: row `n` runs from the line `n` to the line `n + 1`
/// (or a group row such as `II. TUYÊN TRUYỀN …`). Between them must be the row's other cells —
/// or more lines, which are then a cell's further paragraphs (a line ending with `;` or `,`
/// goes on in the same cell) or rows without a number
/// (milestone rows, starting with the empty number cell). The table is rebuilt only when every
/// row adds up that way; where one does not, its lines are left as they are and the parser
/// reports the table as lost (`table-lost`): a guess is never written into the cells. The counts
/// can be trusted because these converters write every cell, empty ones too, and never wrap a
/// line; text with pages (pdftotext, which does both) is not read this way.
enum CellLineTable {
    /// One cell: the lines of its paragraphs (none when it is empty), and the line after it.
    struct Cell {
        var lines: [Int]
        var next: Int
    }

    /// How the converter separates cells.
    enum Spacing {
        /// A line per cell paragraph (LibreOffice "Save as Text").
        case compact
        /// A blank line after each paragraph (docx2txt).
        case spaced
    }

    /// Whether the line at `j` of `buf` is `STT`, `Stt`, `TT` or `Số TT` alone (spaces, a
    /// `.` after it): the number column's header printed on a line of its own. Asked for every
    /// line that starts with `S` or `T`, so it reads a few bytes only.
    static func isNumberHeader(_ buf: UnsafeBufferPointer<UInt8>, at j: Int) -> Bool {
        var k = j
        if ByteSearch.hasPrefix(UnsafeBufferPointer(rebasing: buf[j...]), soWord) { k += soWord.count }
        if k + 1 < buf.count, buf[k] == UInt8(ascii: "S"), buf[k + 1] == UInt8(ascii: "T") || buf[k + 1] == UInt8(ascii: "t") { k += 1 }
        guard k + 1 < buf.count, buf[k] == UInt8(ascii: "T") || buf[k] == UInt8(ascii: "t"),
            buf[k + 1] == UInt8(ascii: "T") || buf[k + 1] == UInt8(ascii: "t")
        else { return false }
        k += 2
        while k < buf.count, buf[k] == 0x20 || buf[k] == UInt8(ascii: ".") { k += 1 }
        return k == buf.count || buf[k] == 0x0A
    }

    private static let soWord = Array("Số ".utf8)  // "number" (`Số TT`: number in order)

    /// The most cells between two row numbers: a longer run is no row of this table.
    static let maxRowCells = 40

    /// Rewrites the table whose header starts at line `i` (its number column, `STT`).
    /// - Returns: the line after the table, or nil when not one row adds up.
    static func rewrite(_ lines: TextLines, at i: Int, into out: inout RecoveredText) -> Int? {
        // Text with pages came from a PDF (pdftotext): its cells wrap over lines and empty ones
        // leave no line, so counting cells would put text in the wrong columns.
        guard lines.pageStarts.isEmpty, let (header, spacing, bodyStart) = readHeader(lines, at: i) else { return nil }
        let columns = header.count
        let placing = Placing(roles: header.dropFirst().map { role(lines, $0) })
        var table = ConvertedTable(columns: columns)
        var head = ConvertedTable.Row(line: lines.number(i), columns: columns)
        for (c, k) in header.enumerated() { head.cells[c] = [paragraph(lines, k)] }
        head.endLine = lines.number(header.map { $0.max() ?? i }.max() ?? i)
        table.rows.append(head)
        var k = bodyStart
        var end = bodyStart
        var current: [Int]?  // the last row's number (`2`, `2.1`)
        var afterGroup = false  // a group row since: the numbers may start again or go on
        var numbered = 0
        var rowsAtEnd = 1
        while let u = cell(lines, at: k, spacing), let line = u.lines.first {
            if isGroupRow(lines, line) {
                var row = ConvertedTable.Row(line: lines.number(line), columns: columns)
                row.cells[0] = [paragraph(lines, line)]
                table.rows.append(row)
                afterGroup = true
                k = u.next
                continue
            }
            // `I` / `Công tác chỉ đạo, điều hành`: a group's number cell, then its title merged
            // over the other columns.
            if isBareGroupMarker(lines, line), let t = cell(lines, at: u.next, spacing), let title = t.lines.first,
                rowNumber(lines, title) == nil, !isGroupRow(lines, title)
            {
                var row = ConvertedTable.Row(line: lines.number(line), columns: columns)
                row.cells[0] = [paragraph(lines, line)]
                row.cells[1] = [paragraph(lines, title)]
                row.endLine = lines.number(title)
                table.rows.append(row)
                afterGroup = true
                k = t.next
                continue
            }
            // The next number, or one skipped (`2`, `4`: the parser reports the slip); after a group
            // row, numbered again from 1 or on from the group before.
            guard let n = rowNumber(lines, line), Self.follows(n, after: current) || afterGroup && Self.follows(n, after: nil)
            else { break }
            current = n
            afterGroup = false
            // The row's cells up to the next row's number or a group row.
            var span: [Cell] = []
            var j = u.next
            var boundary = false
            while span.count <= maxRowCells, let v = cell(lines, at: j, spacing) {
                if let l = v.lines.first, isRowStart(lines, l, after: n, spacing) {
                    boundary = true
                    break
                }
                span.append(v)
                j = v.next
            }
            guard let (rows, after) = boundary ? split(span, columns: columns, placing, lines) : last(span, columns: columns, placing, lines) else {
                // A row between two numbers that does not add up: no part of the table is
                // guessed at (the parser reports it lost). Only the end is open: the last row
                // may be followed by text.
                if boundary { return nil }
                break
            }
            var first = true
            for var r in rows {
                if first { r.cells[0] = [paragraph(lines, line)] }
                r.line = first ? lines.number(line) : r.line
                first = false
                table.rows.append(r)
            }
            numbered += 1
            k = after
            end = after
            rowsAtEnd = table.rows.count
            if !boundary { break }
        }
        guard numbered > 0 else { return nil }
        // What follows the last row that added up is text again (a group row left hanging too).
        table.rows.removeSubrange(rowsAtEnd...)
        table.write(into: &out, lastLine: table.rows.last.map(\.endLine) ?? lines.number(i))
        return end
    }

    // MARK: - Header

    /// The header's lines (one or two per column: a header of two rows), how cells are spaced,
    /// and where the body starts.
    static func readHeader(_ lines: TextLines, at i: Int) -> (header: [[Int]], spacing: Spacing, body: Int)? {
        guard role(lines, i) == .number else { return nil }
        let spacing: Spacing
        if i + 2 < lines.count, lines.isBlank(i + 1), !lines.isBlank(i + 2) {
            spacing = .spaced
        } else if i + 1 < lines.count, !lines.isBlank(i + 1) {
            spacing = .compact
        } else {
            return nil
        }
        var top = [i]
        var k = cell(lines, at: i, spacing)?.next ?? lines.count
        while top.count < 12, let u = cell(lines, at: k, spacing), let line = u.lines.first {
            // The body starts at the first row's number or a group row.
            if startsBody(lines, line) { break }
            guard lines.trimmed(line).count <= 60 else { return nil }
            top.append(line)
            k = u.next
        }
        var header = top.map { [$0] }
        if let (lower, next) = lowerHeader(lines, at: k, spacing, under: top) {
            header = lower
            k = next
        }
        let roles = header.map { role(lines, $0) }
        guard header.count >= 4, roles.contains(.title),
            roles.contains(where: { $0 == .lead || $0 == .time || $0 == .product || $0 == .support }),
            roles.filter({ $0 == .other }).count <= 1
        else { return nil }
        return (header, spacing, k)
    }

    private static func startsBody(_ lines: TextLines, _ line: Int) -> Bool {
        rowNumber(lines, line) == [1] || isGroupRow(lines, line) || isBareGroupMarker(lines, line)
    }

    /// The lower row of a two-row header, as these converters print a Word table's merged
    /// cells: `Đơn vị thực hiện` spans `Chủ trì | Phối hợp`, the other header cells are merged
    /// down and print as empty cells in the lower row. So the lower row has one cell more than
    /// the top for each column a span covers, its filled cells side by side under the span and
    /// all of them a header's words.
    /// - Returns: each column's header lines (the span's line with each of its lower cells)
    ///   and the line after the lower row.
    private static func lowerHeader(_ lines: TextLines, at k: Int, _ spacing: Spacing, under top: [Int]) -> ([[Int]], Int)? {
        var cells: [Cell] = []
        var j = k
        while cells.count <= top.count + 8, let u = cell(lines, at: j, spacing) {
            if let line = u.lines.first, startsBody(lines, line) { break }
            cells.append(u)
            j = u.next
        }
        guard let first = cells.firstIndex(where: { !$0.lines.isEmpty }), first >= 1, first < top.count else { return nil }
        let filled = cells[first...].prefix { !$0.lines.isEmpty }.count
        let span = first..<(first + filled)
        guard filled >= 2, cells.count == top.count + filled - 1,
            cells[span.upperBound...].allSatisfy({ $0.lines.isEmpty }),
            cells[span].allSatisfy({ role(lines, $0.lines[0]) != .other && role(lines, $0.lines[0]) != .number })
        else { return nil }
        var header: [[Int]] = []
        for c in 0..<cells.count {
            if c < first {
                header.append([top[c]])
            } else if span.contains(c) {
                header.append(c == first ? [top[first], cells[c].lines[0]] : [cells[c].lines[0]])
            } else {
                header.append([top[c - filled + 1]])
            }
        }
        return (header, j)
    }

    /// The role a header cell's words name (`Đơn vị thực hiện` / `Chủ trì` read as one text).
    private static func role(_ lines: TextLines, _ cell: [Int]) -> TableColumn.Role {
        guard cell.count > 1 else { return cell.first.map { role(lines, $0) } ?? .other }
        let text = Array(cell.map { Array(lines.trimmed($0)) }.joined(separator: [0x20]))
        return text.withUnsafeBufferPointer { TableParser.role(ofHeader: $0) }
    }

    /// A header cell of one or two lines as one paragraph.
    private static func paragraph(_ lines: TextLines, _ cell: [Int]) -> ConvertedTable.Paragraph {
        let text = cell.map { String(decoding: lines.trimmed($0), as: UTF8.self) }.joined(separator: " ")
        return ConvertedTable.Paragraph(text: text, line: lines.number(cell.first ?? 0))
    }

    private static func role(_ lines: TextLines, _ i: Int) -> TableColumn.Role {
        let text = Array(lines.trimmed(i))
        guard !text.isEmpty, text.count <= 60 else { return .other }
        return text.withUnsafeBufferPointer { TableParser.role(ofHeader: $0) }
    }

    // MARK: - Cells

    /// The cell printed at line `k`: one paragraph, or an empty cell.
    static func cell(_ lines: TextLines, at k: Int, _ spacing: Spacing) -> Cell? {
        guard k < lines.count else { return nil }
        switch spacing {
        case .compact:
            return Cell(lines: lines.isBlank(k) ? [] : [k], next: k + 1)
        case .spaced:
            if !lines.isBlank(k) {
                return Cell(lines: [k], next: k + 1 < lines.count && lines.isBlank(k + 1) ? k + 2 : k + 1)
            }
            // Two blank lines: an empty cell (one, at the text's end).
            if k + 1 == lines.count { return Cell(lines: [], next: k + 1) }
            guard k + 1 < lines.count, lines.isBlank(k + 1) else { return nil }
            return Cell(lines: [], next: k + 2)
        }
    }

    /// `12`, `12.`, `2.1` or `2.1.3` alone on its line: a row's number, by level.
    static func rowNumber(_ lines: TextLines, _ i: Int) -> [Int]? {
        var text = lines.trimmed(i)
        if text.last == UInt8(ascii: ".") { text = text.dropLast() }
        guard !text.isEmpty, text.count <= 11 else { return nil }
        var levels: [Int] = []
        for part in text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            levels.append(part.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        return levels.count <= 3 ? levels : nil
    }

    /// Whether row number `q` may come after `p` (nil: the table's or a group's start): the
    /// next at a level (or the one after, a slip the parser reports), the first below it
    /// (`2.1` after `2`), or the next above (`3` after `2.4`).
    static func follows(_ q: [Int], after p: [Int]?) -> Bool {
        guard let p else { return q.count == 1 && q[0] >= 1 && q[0] <= 2 }
        if q.count == p.count + 1 { return q.last == 1 && Array(q.dropLast()) == p }
        guard q.count <= p.count, Array(q.dropLast()) == Array(p.prefix(q.count - 1)) else { return false }
        let before = p[q.count - 1]
        return q[q.count - 1] > before && q[q.count - 1] <= before + 2
    }

    /// `II. TUYÊN TRUYỀN …`, `A. …`: a row of one merged cell that names a group.
    static func isGroupRow(_ lines: TextLines, _ i: Int) -> Bool {
        let text = Array(lines.trimmed(i))
        return text.withUnsafeBufferPointer { buf in
            guard let m = MarkerScanner.scan(buf, from: 0, to: buf.count), m.style == .roman || m.style == .upperLetter,
                m.markerEnd < buf.count
            else { return false }
            let rest = UnsafeBufferPointer(rebasing: buf[m.markerEnd...])
            return TextShape.isUppercase(rest) && TextShape.hasLetters(rest)
        }
    }

    /// Whether line `l` starts the row after row `n` (``follows(_:after:)``), or a group.
    private static func isRowStart(_ lines: TextLines, _ l: Int, after n: [Int], _ spacing: Spacing) -> Bool {
        if let m = rowNumber(lines, l) { return follows(m, after: n) }
        if isGroupRow(lines, l) { return true }
        guard isBareGroupMarker(lines, l), let t = cell(lines, at: l + (spacing == .compact ? 1 : 2), spacing),
            let title = t.lines.first
        else { return false }
        return rowNumber(lines, title) == nil
    }

    /// `I`, `II.`, `A`: a group's number alone in its cell.
    static func isBareGroupMarker(_ lines: TextLines, _ i: Int) -> Bool {
        var text = Array(lines.trimmed(i))
        if text.last == UInt8(ascii: ".") { text.removeLast() }
        guard !text.isEmpty, text.count <= 5 else { return false }
        if text.count == 1, text[0] >= UInt8(ascii: "A"), text[0] <= UInt8(ascii: "H") { return true }
        return text.withUnsafeBufferPointer { RomanNumeral.value($0) } != nil
    }

    private static func paragraph(_ lines: TextLines, _ i: Int) -> ConvertedTable.Paragraph {
        ConvertedTable.Paragraph(text: String(decoding: lines.trimmed(i), as: UTF8.self), line: lines.number(i))
    }

    // MARK: - Rows

    /// The cells between a row's number and the next row: its `columns - 1` other cells, then
    /// rows without a number of `columns` cells each — as printed, or with a cell's further
    /// paragraphs joined to it.
    /// - Returns: the rows (the first without its number cell) and the line after them.
    /// A row of more lines than that and no milestone rows: its cells placed by what their
    /// lines read as (``CellPlacement``).
    static func split(_ span: [Cell], columns: Int, _ placing: Placing, _ lines: TextLines) -> ([ConvertedTable.Row], Int)? {
        guard let end = span.last?.next else { return nil }
        for cells in [span, joined(span, lines)] {
            let extra = cells.count - (columns - 1)
            guard extra >= 0, extra % columns == 0 else { continue }
            // Each unnumbered row starts with its empty number cell.
            guard stride(from: columns - 1, to: cells.count, by: columns).allSatisfy({ cells[$0].lines.isEmpty }) else { continue }
            return (rows(cells, columns: columns, lines), end)
        }
        guard let cells = placing.place(span, lines) else { return nil }
        return (rows(cells, columns: columns, lines), end)
    }

    /// What places a row's lines in its columns: the header's roles and a time reader.
    struct Placing {
        let roles: [TableColumn.Role]
        let normalizer = TimeNormalizer(planYear: nil, planPeriod: nil)

        func place(_ units: [Cell], _ lines: TextLines) -> [Cell]? {
            CellPlacement.place(units, roles: roles, lines: lines, normalizer: normalizer)
        }
    }

    /// The table's last row: its `columns - 1` cells, further paragraphs joined as in ``split``.
    /// Nothing marks where the table ends, so the row must be followed by the text's end, a
    /// blank line, or a line that cannot be a cell (a heading, `Nơi nhận:`, `PHỤ LỤC`, capitals).
    /// With more lines than cells, the row is tried at each length up to such a line, its
    /// cells placed as in ``split``.
    static func last(_ span: [Cell], columns: Int, _ placing: Placing, _ lines: TextLines) -> ([ConvertedTable.Row], Int)? {
        let joinedCells = joined(span, lines)
        var cells = Array(joinedCells.prefix(columns - 1))
        // At the text's end a converter may leave the last empty cells out (docx2txt trims).
        if cells.count < columns - 1, cells.count >= 2, let end = cells.last?.next, end >= lines.count {
            cells += Array(repeating: Cell(lines: [], next: end), count: columns - 1 - cells.count)
        }
        guard cells.count == columns - 1, !cells[0].lines.isEmpty, let end = cells.last?.next else { return nil }
        if endsTable(lines, end) { return (rows(cells, columns: columns, lines), end) }
        // Longer rows: a cell of several paragraphs.
        for length in columns..<min(span.count, columns - 1 + 8) + 1 {
            guard let end = span[length - 1].lines.last.map({ _ in span[length - 1].next }), endsTable(lines, end),
                let placed = placing.place(Array(span[..<length]), lines)
            else { continue }
            return (rows(placed, columns: columns, lines), end)
        }
        return nil
    }

    /// Whether the table may end before line `i`: the text's end, a blank line, or a line that
    /// cannot be a cell.
    private static func endsTable(_ lines: TextLines, _ i: Int) -> Bool {
        i >= lines.count || lines.isBlank(i) || startsBlock(lines, i)
    }

    private static func startsBlock(_ lines: TextLines, _ i: Int) -> Bool {
        let text = Array(lines.trimmed(i))
        return text.withUnsafeBufferPointer { buf in
            if let m = MarkerScanner.scan(buf, from: 0, to: buf.count), !m.style.isBullet { return true }
            let lower = VietnameseText.lowercased(buf)
            if blockWords.contains(where: { lower.starts(with: $0) }) { return true }
            return TextShape.isUppercase(buf) && TextShape.hasLetters(buf)
        }
    }

    private static let blockWords = [
        "nơi nhận",  // "recipients": the closing
        "phụ lục",  // "appendix"
    ].map { Array($0.utf8) }

    /// The cells with each cell's further paragraphs joined to it: a paragraph ending with
    /// `;` or `,` (an item of a list: `Các sở, ban, ngành;` / `UBND các huyện …`) goes on in
    /// the next cell. Nothing else is taken for a cell's paragraph: these converters never
    /// wrap a line, so any other extra line means the count cannot be trusted.
    static func joined(_ span: [Cell], _ lines: TextLines) -> [Cell] {
        var out: [Cell] = []
        for c in span {
            if let l = c.lines.first, let p = out.last?.lines.last, continues(lines, p, l) {
                out[out.count - 1].lines.append(l)
                out[out.count - 1].next = c.next
                continue
            }
            out.append(c)
        }
        return out
    }

    private static func continues(_ lines: TextLines, _ a: Int, _ b: Int) -> Bool {
        let last = lines.trimmed(a).last
        return last == UInt8(ascii: ";") || last == UInt8(ascii: ",")
    }

    /// `cells` (the first row without its number cell) as rows of `columns` cells.
    private static func rows(_ cells: [Cell], columns: Int, _ lines: TextLines) -> [ConvertedTable.Row] {
        var rows: [ConvertedTable.Row] = []
        var row = ConvertedTable.Row(line: 0, columns: columns)
        var c = 1
        func close() {
            let all = row.cells.flatMap { $0 }
            row.line = all.map(\.line).min() ?? 0
            row.endLine = all.map(\.line).max() ?? row.line
            rows.append(row)
        }
        for cell in cells {
            if c == columns {
                close()
                row = ConvertedTable.Row(line: 0, columns: columns)
                c = 0
            }
            row.cells[c] = cell.lines.map { paragraph(lines, $0) }
            c += 1
        }
        close()
        return rows
    }
}
