/// A table's rows as lines of grid cells, and whether it is a layout table.
struct DocxTableGrid {
    struct Row {
        /// One entry per line: the grid's cells (line 0 the row itself, then cell paragraphs).
        var lines: [[[UInt8]]]
        var isHeader: Bool
        var references: [DocxReference]
        /// The row's index in the table (empty rows have no line).
        var index = 0
        var signature: [UInt8] { lines.flatMap { $0.joined(separator: [0x09]) + [0x0A] } }
        /// A data table's header: one line naming the task column and two more.
        var isHeaderLike: Bool {
            guard lines.count == 1 else { return false }
            let roles = lines[0].map { TableParser.role(ofHeader: String(decoding: $0, as: UTF8.self)) }
            return roles.contains(.title) && roles.filter { $0 != .other }.count >= 3
        }
    }

    var width = 0
    var rows: [Row] = []
    var isLayout = false

    /// The widest grid written (real plans have up to a dozen columns); it bounds the text a
    /// hostile file can make of a few wide spans.
    static let maxColumns = 128

    init(_ table: DocxTable) {
        var texts: [[[[UInt8]]]] = []  // row → column → paragraphs
        var refs: [[DocxReference]] = []
        var mergedDown: [Set<Int>] = []  // row → the grid columns merged down from the row above
        for row in table.rows {
            var columns: [[[UInt8]]] = Array(repeating: [], count: row.gridBefore)
            var references: [DocxReference] = []
            var merged: Set<Int> = []
            for cell in row.cells {
                var paragraphs: [[UInt8]] = []
                if cell.verticalMerge != .continue, !cell.mergedLeft {
                    Self.paragraphs(of: cell.blocks, into: &paragraphs, references: &references)
                }
                if cell.verticalMerge == .continue, columns.count < Self.maxColumns { merged.insert(columns.count) }
                if columns.count >= Self.maxColumns {
                    // Past any real table's width: the rest of the row joins its last column.
                    columns[Self.maxColumns - 1] += paragraphs
                    continue
                }
                columns.append(paragraphs)
                for _ in 1..<max(cell.span, 1) where columns.count < Self.maxColumns { columns.append([]) }
            }
            columns += Array(repeating: [], count: min(row.gridAfter, max(0, Self.maxColumns - columns.count)))
            texts.append(columns)
            refs.append(references)
            mergedDown.append(merged)
            width = max(width, columns.count)
        }
        width = min(max(width, table.gridColumns), Self.maxColumns)
        for (k, columns) in texts.enumerated() {
            let height = columns.map(\.count).max() ?? 0
            guard height > 0 else { continue }
            var lines: [[[UInt8]]] = []
            for l in 0..<height {
                lines.append((0..<width).map { c in c < columns.count && l < columns[c].count ? columns[c][l] : [] })
            }
            rows.append(Row(lines: lines, isHeader: table.rows[k].isHeader, references: refs[k], index: k))
        }
        mergeTwoRowHeader(table)
        joinHeaderParagraphs()
        isLayout = Self.isLayout(width: width, rows: rows)
        if !isLayout { fillMergedDown(mergedDown) }
    }

    /// A lead, support, product or time cell merged down over several rows (one unit leads a
    /// group of tasks, one deadline for them all) belongs to each of them: its text is written
    /// in every row it spans. Other columns stay empty below the first row, and so does a row
    /// whose number or task is merged down (it goes on with the task above).
    private mutating func fillMergedDown(_ mergedDown: [Set<Int>]) {
        guard let h = rows.prefix(3).firstIndex(where: \.isHeaderLike) else { return }
        let roles = rows[h].lines[0].map { TableParser.role(ofHeader: String(decoding: $0, as: UTF8.self)) }
        let filled: Set<TableColumn.Role> = [.lead, .support, .product, .time]
        // A row whose number or task is merged down goes on with the task above: nothing to give it.
        let own = Set(roles.indices.filter { roles[$0] == .number || roles[$0] == .title })
        for k in rows.indices.dropFirst(h + 1) {
            let index = rows[k].index
            guard index < mergedDown.count, !mergedDown[index].isEmpty, mergedDown[index].isDisjoint(with: own) else { continue }
            for c in mergedDown[index].sorted() where c < roles.count && filled.contains(roles[c]) {
                let above = rows[k - 1].lines.map { c < $0.count ? $0[c] : [] }.filter { !$0.isEmpty }
                guard !above.isEmpty, rows[k].lines.allSatisfy({ c >= $0.count || $0[c].isEmpty }) else { continue }
                while rows[k].lines.count < above.count { rows[k].lines.append(Array(repeating: [], count: width)) }
                for (l, paragraph) in above.enumerated() where c < rows[k].lines[l].count { rows[k].lines[l][c] = paragraph }
            }
        }
    }

    /// A header row's cells on one line, each cell's paragraphs joined with a space
    /// (`Đơn vị` / `phối hợp` is `Đơn vị phối hợp`), so its words are found wherever a
    /// paragraph broke them.
    private mutating func joinHeaderParagraphs() {
        for k in rows.indices.prefix(3) where rows[k].lines.count > 1 {
            let texts = (0..<width).map { c in
                Array(rows[k].lines.compactMap { c < $0.count ? $0[c] : nil }.filter { !$0.isEmpty }.joined(separator: [0x20]))
            }
            let roles = texts.map { TableParser.role(ofHeader: String(decoding: $0, as: UTF8.self)) }
            guard roles.contains(.title), roles.filter({ $0 != .other }).count >= 3 else { continue }
            rows[k].lines = [texts]
        }
    }

    /// A header of two rows — `Đơn vị thực hiện` spanning `Chủ trì | Phối hợp` below it, the
    /// other header cells merged down — becomes one header row: each column's words from
    /// both rows (`Đơn vị thực hiện Chủ trì`, `Phối hợp`), so every column gets its role.
    private mutating func mergeTwoRowHeader(_ table: DocxTable) {
        guard table.rows.count >= 2, rows.count >= 2, rows[0].index == 0, rows[1].index == 1 else { return }
        let top = table.rows[0]
        let below = table.rows[1]
        let spans = top.cells.contains { $0.span > 1 }
        let mergedDown = below.cells.contains { $0.verticalMerge == .continue }
            && top.cells.contains { $0.verticalMerge == .restart }
        guard spans, mergedDown || (top.isHeader && below.isHeader) else { return }
        func texts(_ row: Row) -> [String] {
            (0..<width).map { c in
                String(decoding: Array(row.lines.compactMap { c < $0.count ? $0[c] : nil }.filter { !$0.isEmpty }
                    .joined(separator: [0x20])), as: UTF8.self)
            }
        }
        let a = texts(rows[0])
        let b = texts(rows[1])
        // Only a header: the lower row holds header words, not a task.
        guard b.contains(where: { TableParser.role(ofHeader: $0) != .other }),
            b.allSatisfy({ TableParser.rowNumber($0) == nil })
        else { return }
        let merged = (0..<width).map { c in [a[c], b[c]].filter { !$0.isEmpty }.joined(separator: " ") }
        rows[0] = Row(lines: [merged.map { Array($0.utf8) }], isHeader: true, references: rows[0].references + rows[1].references)
        rows.remove(at: 1)
    }

    /// Every paragraph of a cell's blocks as cell text: numbered, tabs as spaces, line
    /// breaks as paragraph breaks, nested tables cell by cell, empty ones dropped.
    static func paragraphs(of blocks: [DocxBlock], into out: inout [[UInt8]], references: inout [DocxReference]) {
        for block in blocks {
            switch block {
            case .paragraph(let p):
                var text = p.text
                if let label = p.label { text = Array(label.utf8) + [0x20] + text }
                var start = 0
                let pieces = p.anchors.map { (min($0.offset + (p.label.map { $0.utf8.count + 1 } ?? 0), text.count), $0.blocks) }
                for (offset, boxBlocks) in pieces {
                    appendLines(text[start..<max(offset, start)], into: &out)
                    paragraphs(of: boxBlocks, into: &out, references: &references)
                    start = max(offset, start)
                }
                appendLines(text[start...], into: &out)
                references += p.references
            case .table(let t):
                for row in t.rows {
                    for cell in row.cells where cell.verticalMerge != .continue && !cell.mergedLeft {
                        paragraphs(of: cell.blocks, into: &out, references: &references)
                    }
                }
            }
        }
    }

    private static func appendLines(_ text: ArraySlice<UInt8>, into out: inout [[UInt8]]) {
        for piece in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == 0x0A || $0 == 0x0C }) {
            let line = WordTextWriter.cellLine(piece)
            if !line.isEmpty { out.append(line) }
        }
    }

    // MARK: - Layout tables

    /// A layout table holds the letterhead or the closing: one column, or at most three
    /// columns and a few rows with no header of a data table and the words of a frame.
    static func isLayout(width: Int, rows: [Row]) -> Bool {
        if width <= 1 { return true }
        for row in rows.prefix(3) {
            let roles: [TableColumn.Role] = (0..<width).map { c in
                let parts = row.lines.compactMap { c < $0.count ? $0[c] : nil }.filter { !$0.isEmpty }
                return TableParser.role(ofHeader: String(decoding: Array(parts.joined(separator: [0x20])), as: UTF8.self))
            }
            if roles.contains(.title), roles.filter({ $0 != .other }).count >= 3 { return false }
        }
        guard width <= 3, rows.count <= 12 else { return false }
        for row in rows {
            for line in row.lines {
                for cell in line where !cell.isEmpty && isFrameText(cell) { return true }
            }
        }
        return false
    }

    private static let framePrefixes = ["số:", "số ", "nơi nhận", "kính gửi", "kt.", "tm.", "tl.", "ktl.", "q. ",
                                        "kt ", "tm "].map { Array($0.utf8) }
    private static let frameWords = ["cộng hòa xã hội", "cộng hoà xã hội", "độc lập - tự do", "độc lập – tự do"]
        .map { Array($0.utf8) }
    private static let signerWords = ["giám đốc", "chủ tịch", "trưởng ban", "bí thư"].map { Array($0.utf8) }

    /// Words only a letterhead or a closing has: `Số:`, the national motto, a place and
    /// date line, `Nơi nhận`, `Kính gửi`, a signer's title.
    static func isFrameText(_ cell: [UInt8]) -> Bool {
        let folded = cell.withUnsafeBufferPointer { VietnameseText.lowercased($0) }
        return folded.withUnsafeBufferPointer { f in
            for p in framePrefixes where ByteSearch.find(f, p) == 0 { return true }
            for w in frameWords where ByteSearch.contains(f, w) { return true }
            if let ngay = ByteSearch.find(f, Array(", ngày".utf8)), ByteSearch.find(f, Array("tháng".utf8), from: ngay) != nil {
                return true
            }
            if TextShape.isUppercase(cell[...]), cell.count <= 90 {
                for w in signerWords where ByteSearch.contains(f, w) { return true }
            }
            return false
        }
    }
}
