/// antiword's tables (`.doc` files): `|cell|cell|` lines, each column padded to a fixed width,
/// every cell wrapped inside its column, so one row takes several lines and nothing separates
/// rows. A full-width group row is one wide cell (`|I. CÔNG TÁC …   |`).
///
/// A new row starts where the number column holds a number or a group label, or at a full-width
/// line; a line whose number and title cells are empty but which starts text again in a column
/// that had ended (`Quyết định …` after `Kế hoạch kiểm tra` and an empty line) is another
/// milestone of the same task. A letterhead or closing grid (`|Số: …|Place, ngày …|`,
/// `|Nơi nhận:|KT. GIÁM ĐỐC|`) is one paragraph per line unless a line goes on in lower case.
enum AntiwordGrid {
    static let maxLines = PandocTable.maxLines

    /// Rewrites the grid that starts at line `i`.
    /// - Returns: the line after it, or nil when line `i` starts none.
    static func rewrite(_ lines: TextLines, at i: Int, into out: inout RecoveredText) -> Int? {
        guard let first = pipes(lines, i), first.count >= 2 else { return nil }
        let width = first.last!
        // The grid's lines: the same outer width, inner pipes at the column boundaries.
        var region: [(index: Int, cols: [Int], pipes: [Int])] = []
        var bounds = first
        var j = i
        while j < lines.count, j - i < maxLines, let p = pipes(lines, j), p.first == 0, p.last == width {
            if p.count > bounds.count { bounds = p }
            region.append((j, lines.columns(j), p))
            j += 1
        }
        region = region.filter { r in r.pipes.allSatisfy { bounds.contains($0) } }
        guard bounds.count >= 3 || region.count >= 2, region.count == j - i else { return nil }
        let columns = bounds.count - 1
        func cell(_ r: (index: Int, cols: [Int], pipes: [Int]), _ c: Int) -> ArraySlice<UInt8> {
            // A cell spans to the line's next pipe (`|I    |Công tác …      |`: the title spans
            // the columns after it); a column whose left pipe the line lacks is spanned over.
            guard r.pipes.contains(bounds[c]), let next = r.pipes.first(where: { $0 > bounds[c] }) else { return [] }
            let lo = bounds[c] + 1
            let hi = next
            guard lo < hi, hi < r.cols.count else { return [] }
            var a = r.cols[lo]
            var b = r.cols[hi]
            while a < b, lines.bytes[a] == 0x20 { a += 1 }
            while b > a, lines.bytes[b - 1] == 0x20 { b -= 1 }
            return lines.bytes[a..<b]
        }
        // Decide what the grid is from its first lines, each read as a row of its own.
        var probe = ConvertedTable(columns: columns)
        for r in region.prefix(6) {
            var row = ConvertedTable.Row(line: lines.number(r.index), columns: columns)
            for c in 0..<columns {
                let text = cell(r, c)
                if !text.isEmpty { row.cells[c] = [ConvertedTable.Paragraph(text: String(decoding: text, as: UTF8.self), line: row.line)] }
            }
            probe.rows.append(row)
        }
        var table = ConvertedTable(columns: columns)
        let frame = probe.purpose == .frame
        // Column roles from the header (the lines before the first numbered row).
        var numberCol = 0
        var titleCol = min(1, columns - 1)
        if !frame {
            var header = [String](repeating: "", count: columns)
            for r in region.prefix(4) {
                if isRowStart(cell(r, 0)) || r.pipes.count == 2 { break }
                for c in 0..<columns where !cell(r, c).isEmpty {
                    header[c] += (header[c].isEmpty ? "" : " ") + String(decoding: cell(r, c), as: UTF8.self)
                }
            }
            let roles = header.map { TableParser.role(ofHeader: $0) }
            numberCol = roles.firstIndex(of: .number) ?? 0
            titleCol = roles.firstIndex(of: .title) ?? titleCol
        }
        var cells = [CellText](repeating: CellText(keepsLines: columns <= ConvertedTable.frameColumns), count: columns)
        var row = ConvertedTable.Row(line: lines.number(i), columns: columns)
        var started = false
        /// Columns with text on the row's previous line, and columns whose text has ended.
        var hadText = [Bool](repeating: false, count: columns)
        var ended = [Bool](repeating: false, count: columns)
        /// Frame columns holding a list (`- UBND tỉnh;`): a line without a dash goes on the item.
        var listColumns = [Bool](repeating: false, count: columns)
        var afterGroup = false
        func flush() {
            guard started else { return }
            for c in 0..<columns { row.cells[c] = cells[c].paragraphs }
            table.rows.append(row)
            cells = [CellText](repeating: CellText(keepsLines: columns <= ConvertedTable.frameColumns), count: columns)
            hadText = [Bool](repeating: false, count: columns)
            ended = [Bool](repeating: false, count: columns)
            started = false
        }
        for r in region {
            let number = lines.number(r.index)
            let texts = (0..<columns).map { cell(r, $0) }
            let fullWidth = r.pipes.count == 2 && columns > 1
            // A numeral, then its title over the other columns: a group row.
            let spansRest = r.pipes.count == 3 && columns > 2 && !texts[numberCol].isEmpty
            var newRow = !started
            if !frame {
                if fullWidth || spansRest || isRowStart(texts[numberCol]) || afterGroup {
                    // A group row is one line: what follows it is a row of its own, numbered
                    // or not (Word's automatic numbering of the STT column, which antiword drops).
                    newRow = true
                } else if texts[numberCol].isEmpty, startsSentence(texts[titleCol]),
                    ended[titleCol] || (cells[titleCol].paragraphs.isEmpty && cells.contains(where: { !$0.paragraphs.isEmpty }))
                        || (0..<columns).contains(where: { $0 != numberCol && $0 != titleCol && ended[$0] && !texts[$0].isEmpty })
                {
                    // A title starting again after its column had ended, after a milestone line
                    // without a title, or together with a column that had ended: the next task,
                    // its number lost with Word's automatic numbering.
                    newRow = true
                } else if texts[numberCol].isEmpty, texts[titleCol].isEmpty {
                    // Text resuming in a column that had ended: another milestone row.
                    for c in 0..<columns where c != numberCol && c != titleCol && !texts[c].isEmpty && ended[c] {
                        newRow = true
                    }
                }
            }
            if newRow {
                flush()
                row = ConvertedTable.Row(line: number, columns: columns)
                started = true
            }
            afterGroup = !frame && (fullWidth || spansRest)
            row.endLine = number
            for c in 0..<columns {
                let text = texts[c]
                if text.isEmpty {
                    if hadText[c] { ended[c] = true }
                    hadText[c] = false
                    continue
                }
                if frame, !cells[c].paragraphs.isEmpty, startsParagraph(text, inList: listColumns[c]) { cells[c].endParagraph() }
                if frame, isListItem(text) { listColumns[c] = true }
                cells[c].add(text, line: number)
                hadText[c] = true
                if fullWidth { break }
            }
        }
        flush()
        table.write(into: &out, lastLine: lines.number(j - 1))
        return j
    }

    /// A cell line that starts a sentence: an uppercase letter or a digit first.
    private static func startsSentence(_ text: ArraySlice<UInt8>) -> Bool {
        guard !text.isEmpty else { return false }
        let s = text.withUnsafeBufferPointer { VietnameseText.scalar(in: $0, at: 0).value }
        return VietnameseText.isUppercase(s) || s &- 0x30 < 10
    }

    /// The display columns of the `|` of line `i` when it is a grid line (`|` first and last).
    private static func pipes(_ lines: TextLines, _ i: Int) -> [Int]? {
        let line = lines.line(i)
        guard line.first == UInt8(ascii: "|") else { return nil }
        var hi = line.endIndex
        while hi > line.startIndex, lines.bytes[hi - 1] == 0x20 { hi -= 1 }
        guard hi - line.startIndex >= 2, lines.bytes[hi - 1] == UInt8(ascii: "|") else { return nil }
        var result: [Int] = []
        var col = 0
        var k = line.startIndex
        while k < hi {
            let b = lines.bytes[k]
            if b & 0xC0 != 0x80 {
                if b == UInt8(ascii: "|") { result.append(col) }
                col += 1
            }
            k += 1
        }
        return result
    }

    /// A row number (`1`, `2.`, `1.1`) or a group label (`I.`, `II`, `A.`) in the number column.
    static func isRowStart(_ cell: ArraySlice<UInt8>) -> Bool {
        guard !cell.isEmpty else { return false }
        let text = String(decoding: cell, as: UTF8.self)
        if TableParser.rowNumber(text) != nil { return true }
        var bytes = Array(cell)
        if bytes.last != UInt8(ascii: ".") { bytes.append(UInt8(ascii: ".")) }
        bytes.append(0x20)
        let m: MarkerScanner.Marker? = bytes.withUnsafeBufferPointer { MarkerScanner.scan($0, from: 0, to: $0.count) }
        guard let m, m.style == .roman || m.style == .upperLetter else { return false }
        return true
    }

    /// In a letterhead or closing cell a line is a paragraph of its own unless it goes on in
    /// lower case or inside brackets (`dục pháp luật);`, `(thực hiện);`), or the cell is a list
    /// and the line starts no item (`- Các cơ quan chuyên môn thuộc` / `UBND huyện;`).
    static func startsParagraph(_ text: ArraySlice<UInt8>, inList: Bool) -> Bool {
        guard let s = TextShape.firstScalar(text) else { return false }
        if inList { return isListItem(text) }
        return !VietnameseText.isLowercase(s) && s != UInt32(UInt8(ascii: "("))
    }

    /// `- …`, `+ …`, `• …`: a list item.
    static func isListItem(_ text: ArraySlice<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") { return true }
        let s = TextShape.firstScalar(text) ?? 0
        return s == 0x2022 || s == 0x2013 || s == 0xF0B7 || s == 0xF0A7 || s == 0x25AA || s == 0x25CF || s == 0x25E6
    }
}
