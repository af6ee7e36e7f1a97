#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a run of table-row lines into a ``Table``: finds the header row and column roles,
/// classifies rows (group, task, milestone) and merges page-break continuation rows into the
/// rows they continue.
struct TableParser {
    let source: TokenizedSource
    private var warnings: [Diagnostic] = []
    /// Last group numeral seen per rank (1: `A.`, 2: `I.`). Two fields, not a dictionary of
    /// tuples: each generic type a run first uses costs the runtime a metadata lookup by name.
    private var lastLetterGroup: LastGroup?
    private var lastRomanGroup: LastGroup?

    /// A group numeral, and whether it repeated the one before.
    private struct LastGroup {
        var ordinal: Int
        var marker: String
        var repeated: Bool
    }

    init(source: TokenizedSource) {
        self.source = source
    }

    /// A row while the table is read: where its cells are in the flat cell list.
    private struct RawRow {
        var line: Int
        var endLine: Int
        var afterBlank: Bool
        var role: LineRole
        var firstCell: Int
        var cellCount: Int
        var kind: TableRow.Kind = .other
        /// Into the builder's group paths; -1 for none.
        var groupPath: Int32 = -1
        /// Cells that got further paragraphs (``LineRole/cellParagraph``), joined once the
        /// column roles are known.
        var hasParagraphs = false
    }

    /// Joins the paragraphs of one cell until the column roles are known; cells never hold it.
    private static let paragraphBreak: [UInt8] = [0x0A]
    private static let space: [UInt8] = [0x20]

    /// Reads the table from the rows' tokens into `builder`: cells are byte ranges of the
    /// builder's text (a cell the parser had to join is written to its `extra` buffer).
    /// - Complexity: O(cells): one flat cell list, no array or `String` per row.
    mutating func parse(rows tokenIndices: [Int], into builder: inout SectionStore.Builder) -> (StoredTable, [Diagnostic]) {
        // A pipe table has outer pipes (`| 1 | … |`) when its first row both starts and ends with one.
        let firstLine = tokenIndices.first.map { source.bytes(source.tokens[$0].line) } ?? []
        let outerPipes = firstLine.first == UInt8(ascii: "|") && firstLine.last == UInt8(ascii: "|")
        var flat: [Range<Int32>] = []
        flat.reserveCapacity(tokenIndices.count * 6)
        var raw: [RawRow] = []
        raw.reserveCapacity(tokenIndices.count)
        for i in tokenIndices {
            let t = source.tokens[i]
            // Lines a reader marked as more of the row above join it right away.
            if t.role == .cellWrap || t.role == .cellParagraph, !raw.isEmpty {
                let start = flat.count
                appendCells(of: t, outerPipes: outerPipes, to: &flat)
                let more = Array(flat[start...])
                flat.removeSubrange(start...)
                let separator = t.role == .cellWrap ? Self.space : Self.paragraphBreak
                // The row above was the last one read, so its cells end the list: it can grow.
                var last = raw[raw.count - 1]
                for (c, piece) in more.enumerated() where !piece.isEmpty {
                    if c >= last.cellCount {
                        flat.append(contentsOf: repeatElement(piece.lowerBound..<piece.lowerBound, count: c + 1 - last.cellCount))
                        last.cellCount = c + 1
                    }
                    let at = last.firstCell + c
                    flat[at] = flat[at].isEmpty ? piece : builder.joined(flat[at], separator: separator, piece)
                }
                if t.role == .cellParagraph { last.hasParagraphs = true }
                last.endLine = Int(t.number)
                raw[raw.count - 1] = last
                continue
            }
            let start = flat.count
            appendCells(of: t, outerPipes: outerPipes, to: &flat)
            raw.append(RawRow(line: Int(t.number), endLine: Int(t.number), afterBlank: t.afterBlank, role: t.role,
                              firstCell: start, cellCount: flat.count - start))
        }
        // Every row gets the same number of cells.
        let width = raw.map(\.cellCount).max() ?? 0
        var cells: [Range<Int32>] = []
        cells.reserveCapacity(raw.count * width)
        for k in raw.indices {
            let r = raw[k]
            cells.append(contentsOf: flat[r.firstCell..<(r.firstCell + r.cellCount)])
            if r.cellCount < width { cells.append(contentsOf: repeatElement(0..<0, count: width - r.cellCount)) }
            raw[k].firstCell = k * width
            raw[k].cellCount = width
        }
        flat = []
        func cell(_ row: RawRow, _ c: Int) -> Range<Int32> { cells[row.firstCell + c] }

        var columns = (0..<width).map { _ in TableColumn(title: "", role: .other) }
        var headerIndex: Int?
        for k in raw.indices.prefix(3) {
            let roles = (0..<width).map { c in builder.withBytes(cell(raw[k], c), Self.role(ofHeader:)) }
            if roles.contains(.title), roles.filter({ $0 != .other }).count >= 3 {
                headerIndex = k
                for c in 0..<width {
                    columns[c] = TableColumn(title: builder.withBytes(cell(raw[k], c)) { String(decoding: $0, as: UTF8.self) },
                                             role: roles[c])
                }
                break
            }
        }
        if let h = headerIndex, h + 1 < raw.count, isLowerHeader(raw[h + 1], under: columns, cells: cells, width: width, builder) {
            // A header of two rows (`Đơn vị thực hiện` over `Chủ trì | Phối hợp`) as a converter
            // prints a Word table's merged cells: each column's words from both rows, one header
            // row, as a Word file's own table is read.
            let lower = raw[h + 1]
            for c in 0..<width where !cell(lower, c).isEmpty {
                let at = raw[h].firstCell + c
                cells[at] = cells[at].isEmpty ? cell(lower, c) : builder.joined(cells[at], separator: Self.space, cell(lower, c))
                let title = builder.withBytes(cells[at]) { String(decoding: $0, as: UTF8.self) }
                columns[c] = TableColumn(title: title, role: Self.role(ofHeader: title))
            }
            raw[h].endLine = lower.endLine
            raw[h].hasParagraphs = raw[h].hasParagraphs || lower.hasParagraphs
            raw.remove(at: h + 1)
        }
        let numberCol = columns.firstIndex { $0.role == .number } ?? 0
        let titleCol = columns.firstIndex { $0.role == .title } ?? min(1, max(width - 1, 0))
        let roles = columns.map(\.role)
        for k in raw.indices where raw[k].hasParagraphs {
            for c in 0..<width where builder.withBytes(cell(raw[k], c), { $0.contains(0x0A) }) {
                // Paragraphs of a title (or of the header) are one text; of any other cell, a list.
                let asText = c == titleCol || k == headerIndex
                cells[raw[k].firstCell + c] = Self.joinParagraphs(cell(raw[k], c), asList: !asText, in: &builder)
            }
        }

        // The kept rows are written back over `raw` as it is read (never ahead of the reading):
        // a table of millions of rows is not held twice.
        let tableLine = raw.first?.line ?? 0
        let tableEndLine = raw.last?.endLine ?? 0
        var kept = 0
        // The open groups, outermost first (two arrays: the headings are the group path as is).
        var groupRanks: [Int] = []
        var groupHeadings: [SectionHeading] = []
        // Rows of one group share one path.
        var groupPath: Int32 = -1
        var lastTaskNumber: (group: Int32, path: [Int], marker: String)?
        for k in raw.indices {
            var row = raw[k]
            if k == headerIndex {
                row.kind = .header
                raw[kept] = row; kept += 1
                continue
            }
            if k < (headerIndex ?? -1) {
                row.kind = .other
                raw[kept] = row; kept += 1
                continue
            }
            let first = cell(row, numberCol)
            if (0..<width).allSatisfy({ cell(row, $0).isEmpty }) { continue }
            if let group = groupLabel(row, cells: cells, width: width, numberCol: numberCol, titleCol: titleCol, builder) {
                while let top = groupRanks.last, top >= group.rank {
                    groupRanks.removeLast()
                    groupHeadings.removeLast()
                }
                checkGroupSequence(group, line: row.line)
                groupRanks.append(group.rank)
                groupHeadings.append(group.heading)
                builder.groupPaths.append(groupHeadings)
                groupPath = Int32(builder.groupPaths.count - 1)
                row.kind = .group
                row.groupPath = groupPath
                lastTaskNumber = nil
                raw[kept] = row; kept += 1
                continue
            }
            row.groupPath = groupPath
            if let path = builder.withBytes(first, Self.rowNumber) {
                row.kind = .task
                let marker = builder.withBytes(first) { String(decoding: $0, as: UTF8.self) }
                if let prev = lastTaskNumber, prev.group == groupPath {
                    checkRowSequence(prev.path, path, prevMarker: prev.marker, marker: marker, line: row.line)
                }
                lastTaskNumber = (groupPath, path, marker)
                raw[kept] = row; kept += 1
                continue
            }
            if first.isEmpty, headerIndex != nil, startsUnnumberedTask(row, cells: cells, roles: roles, titleCol: titleCol, builder) {
                // A task row whose number was lost (Word's automatic numbering of the STT column,
                // which converters drop) or never written: a new sentence in the title and the
                // units or deadline of its own. A task, numbered by its place in the group.
                row.kind = .task
                lastTaskNumber = nil
                raw[kept] = row; kept += 1
                continue
            }
            if first.isEmpty, kept > 0, raw[kept - 1].kind == .task || raw[kept - 1].kind == .milestone {
                let prevIndex = kept - 1
                // A reader's row (a Word table row) is read like a row of a text table: one that
                // goes on mid-sentence continues the task above (the row was split by hand),
                // any other is another milestone; only a blank line never comes before it.
                if isContinuation(row, of: raw[prevIndex], cells: cells, width: width, titleCol: titleCol, builder) {
                    let above = raw[prevIndex]
                    for c in 0..<width where !cell(row, c).isEmpty {
                        let at = above.firstCell + c
                        cells[at] = cells[at].isEmpty ? cell(row, c) : builder.joined(cells[at], separator: Self.space, cell(row, c))
                    }
                    raw[prevIndex].endLine = row.line
                    continue
                }
                row.kind = .milestone
                raw[kept] = row; kept += 1
                continue
            }
            // A row without a number but with a task's text: keep it as a task.
            if !cell(row, titleCol).isEmpty, titleCol != numberCol, first.isEmpty || headerIndex != nil {
                row.kind = first.isEmpty ? .other : .task
            }
            raw[kept] = row; kept += 1
        }
        // Into the builder: the kept rows and their cells.
        let firstRow = Int32(builder.tableRows.count)
        // Room at once for a large table, but growing geometrically: an exact reservation per
        // table would copy the store's cells once per table of a document with thousands.
        let needed = builder.cells.count + kept * width
        if needed > builder.cells.capacity { builder.cells.reserveCapacity(max(needed, 2 * builder.cells.capacity)) }
        for r in raw[0..<kept] {
            builder.tableRows.append(StoredRow(line: Int32(r.line), endLine: Int32(r.endLine), kind: r.kind,
                                               groupPath: r.groupPath, firstCell: Int32(builder.cells.count)))
            builder.cells.append(contentsOf: cells[r.firstCell..<(r.firstCell + width)])
        }
        let table = StoredTable(
            line: Int32(tableLine), endLine: Int32(tableEndLine), columns: columns, width: Int32(width),
            rows: firstRow..<Int32(builder.tableRows.count))
        return (table, warnings)
    }

    /// The second row of a two-row header: no row number and no task in it, every filled cell
    /// a header's words (`Chủ trì`, `Phối hợp`), and at least one of them under an empty
    /// header cell or naming a role its column's header does not (the cells a span covers).
    private func isLowerHeader(_ row: RawRow, under columns: [TableColumn], cells: [Range<Int32>], width: Int,
                               _ builder: SectionStore.Builder) -> Bool {
        var filled = 0
        var adds = false
        for c in 0..<width {
            let r = cells[row.firstCell + c]
            if r.isEmpty { continue }
            filled += 1
            let role = builder.withBytes(r, Self.role(ofHeader:))
            guard role != .other, role != .number, builder.withBytes(r, Self.rowNumber) == nil else { return false }
            if columns[c].title.isEmpty || role != columns[c].role { adds = true }
        }
        return filled >= 1 && adds
    }

    // MARK: - Cells

    /// The row's cells split on tabs (or `|` for a pipe row), each trimmed (markdown and spaces
    /// were cleaned by the tokenizer), appended to `flat`. With outer pipes, the empty pieces
    /// outside them are dropped.
    private func appendCells(of t: LineToken, outerPipes: Bool, to flat: inout [Range<Int32>]) {
        if t.kind != .tableRow {
            // `\t\t\t\tcủa cơ quan chuyên môn`: empty cells, then the text.
            flat.append(contentsOf: repeatElement(t.line.lowerBound..<t.line.lowerBound, count: Int(t.leadingTabs)))
            flat.append(t.line)
            return
        }
        var lo = Int(t.line.lowerBound)
        var hi = Int(t.line.upperBound)
        let separator: UInt8 = t.pipes ? UInt8(ascii: "|") : 0x09
        source.storage.withUnsafeBufferPointer { buf in
            if t.pipes, outerPipes {
                if lo < hi, buf[lo] == UInt8(ascii: "|") { lo += 1 }
                if hi > lo, buf[hi - 1] == UInt8(ascii: "|") { hi -= 1 }
            }
            // Each separator found with `memchr` (SIMD in libc), not byte by byte: rows of a
            // Word table can be long.
            var start = lo
            while true {
                var i = hi
                if start < hi, let base = buf.baseAddress, let hit = memchr(base + start, Int32(separator), hi - start) {
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                var a = start
                var b = i
                while a < b, buf[a] == 0x20 { a += 1 }
                while b > a, buf[b - 1] == 0x20 { b -= 1 }
                flat.append(Int32(a)..<Int32(b))
                if i >= hi { break }
                start = i + 1
            }
        }
    }

    static func role(ofHeader cell: String) -> TableColumn.Role {
        cell.withUTF8Bytes(role(ofHeader:))
    }

    static func role(ofHeader cell: UnsafeBufferPointer<UInt8>) -> TableColumn.Role {
        VietnameseText.withLowercased(cell) { LabelVocabulary.columnRole(ofHeader: $0) }
    }

    /// A cell's paragraphs (parts between line feeds) as one text, joined with spaces, or as a
    /// list, joined with `; ` (a part that ends with `;` is followed by a space only).
    private static func joinParagraphs(_ cell: Range<Int32>, asList: Bool, in builder: inout SectionStore.Builder) -> Range<Int32> {
        var out: [UInt8] = []
        builder.withBytes(cell) { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                if i > start {
                    if !out.isEmpty {
                        if asList, out.last != UInt8(ascii: ";") { out.append(UInt8(ascii: ";")) }
                        out.append(0x20)
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                }
                start = i + 1
            }
        }
        return builder.append(bytes: out)
    }

    /// `1`, `2.`, `1.1`, `3)` → the number's parts; nil for anything else.
    static func rowNumber(_ cell: String) -> [Int]? {
        cell.withUTF8Bytes(rowNumber)
    }

    static func rowNumber(_ cell: UnsafeBufferPointer<UInt8>) -> [Int]? {
        var u = cell[...]
        while let last = u.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ")") { u = u.dropLast() }
        guard !u.isEmpty, u.count <= 12 else { return nil }
        var parts: [Int] = []
        var value = 0
        var digits = 0
        for b in u {
            if b == UInt8(ascii: ".") {
                guard digits > 0 else { return nil }
                parts.append(value)
                value = 0
                digits = 0
            } else {
                guard b >= 0x30, b <= 0x39, digits < 3 else { return nil }
                value = value * 10 + Int(b - 0x30)
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        parts.append(value)
        return parts
    }

    // MARK: - Groups

    private struct GroupLabel {
        var rank: Int
        var ordinal: Int
        var marker: String
        var heading: SectionHeading
    }

    /// `I. CÔNG TÁC …` in the first cell, `I` + title in the next cell, `A.`/`B.`.
    private func groupLabel(_ row: RawRow, cells flat: [Range<Int32>], width: Int, numberCol: Int, titleCol: Int,
                            _ builder: borrowing SectionStore.Builder) -> GroupLabel? {
        var firstRange = flat[row.firstCell + numberCol]
        var titleRange = flat[row.firstCell + titleCol]
        for c in 0..<width where c != numberCol && c != titleCol && !flat[row.firstCell + c].isEmpty { return nil }
        if firstRange.isEmpty {
            // A group row written across the table lands in the title column (`| II. PHÁT
            // TRIỂN HẠ TẦNG |` from antiword, a merged cell from a converter): its label and
            // title are that cell, in capitals.
            guard !titleRange.isEmpty, titleCol != numberCol,
                builder.withBytes(titleRange, { !VietnameseText.containsLowercase($0) })
            else { return nil }
            firstRange = titleRange
            titleRange = titleRange.lowerBound..<titleRange.lowerBound
        }
        // Both markers read below (`I. …`, `A.`, a bare `IV`) start with a capital A–Z: the
        // other rows (most start with a number) need no strings.
        guard builder.withBytes(firstRange, { $0.first.map { $0 &- UInt8(ascii: "A") < 26 } ?? false }) else { return nil }
        // A group row is rare: its two cells as strings.
        let first = builder.withBytes(firstRange) { String(decoding: $0, as: UTF8.self) }
        let titleCell = builder.withBytes(titleRange) { String(decoding: $0, as: UTF8.self) }
        var bytes = Array(first.utf8)
        let m: MarkerScanner.Marker? = bytes.withUnsafeBufferPointer { MarkerScanner.scan($0, from: 0, to: $0.count) }
        if let m, m.style == .roman || m.style == .upperLetter {
            let rest = String(decoding: bytes[m.markerEnd...], as: UTF8.self).trimmingSpaces
            let marker = String(decoding: bytes[..<m.markerEnd], as: UTF8.self)
            let title = rest.isEmpty ? titleCell : rest
            guard !title.isEmpty else { return nil }
            let fullTitle = title + (rest.isEmpty || titleCell.isEmpty ? "" : " " + titleCell)
            let kind: Section.Kind = m.style == .upperLetter ? .group : .roman
            return GroupLabel(rank: m.style == .upperLetter ? 1 : 2, ordinal: m.ordinal, marker: marker,
                              heading: SectionHeading(kind: kind, number: SectionParser.number(fromMarker: marker),
                                                      title: fullTitle, text: marker + " " + fullTitle))
        }
        // A bare numeral: `I`, `IV`, `A`.
        bytes.append(UInt8(ascii: "."))
        bytes.append(0x20)
        let bare: MarkerScanner.Marker? = bytes.withUnsafeBufferPointer { MarkerScanner.scan($0, from: 0, to: $0.count) }
        if let m = bare, m.style == .roman || m.style == .upperLetter, m.markerEnd == bytes.count - 1,
            !titleCell.isEmpty
        {
            let kind: Section.Kind = m.style == .upperLetter ? .group : .roman
            return GroupLabel(rank: m.style == .upperLetter ? 1 : 2, ordinal: m.ordinal, marker: first,
                              heading: SectionHeading(kind: kind, number: first, title: titleCell,
                                                      text: first + ". " + titleCell))
        }
        return nil
    }

    private mutating func checkGroupSequence(_ group: GroupLabel, line: Int) {
        func setLast(_ g: LastGroup) {
            if group.rank == 1 { lastLetterGroup = g } else { lastRomanGroup = g }
        }
        if group.rank == 1 { lastRomanGroup = nil }  // a new A./B. group restarts I, II, …
        let prev = group.rank == 1 ? lastLetterGroup : lastRomanGroup
        setLast(LastGroup(ordinal: group.ordinal, marker: group.marker, repeated: false))
        guard let prev,
            let slip = NumberingSlip(previous: prev.ordinal, next: group.ordinal, previousRepeated: prev.repeated)
        else { return }
        let style: MarkerStyle = group.rank == 1 ? .upperLetter : .roman
        let expected = SectionParser.expectedMarker(style: style, marker: ".", ordinal: prev.ordinal)
        if slip == .repeated { setLast(LastGroup(ordinal: group.ordinal, marker: group.marker, repeated: true)) }
        warnings.append(slip.diagnostic(line: line, what: "table group \(group.marker)", sameAs: "the previous group",
                                        previous: prev.marker, expected: expected))
    }

    private mutating func checkRowSequence(_ a: [Int], _ b: [Int], prevMarker: String, marker: String, line: Int) {
        guard a.count == b.count, a.dropLast() == b.dropLast(), let x = a.last, let y = b.last,
            let slip = NumberingSlip(previous: x, next: y, previousRepeated: false)
        else { return }
        var expectedParts = a
        expectedParts[expectedParts.count - 1] = x + 1
        let expected = expectedParts.map(String.init).joined(separator: ".")
        warnings.append(slip.diagnostic(line: line, what: "table row \(marker)", sameAs: "the previous row number",
                                        previous: prevMarker, expected: expected))
    }

    // MARK: - Continuation rows

    /// Whether a row without a number is a task of its own: its title starts a sentence (an
    /// uppercase letter, not `-`/`+` or a lowercase word going on from above) and a lead,
    /// support or time cell of the row starts with an uppercase letter or a digit too (a row
    /// cut by a page break goes on in lower case, or has those cells empty).
    private func startsUnnumberedTask(_ row: RawRow, cells: [Range<Int32>], roles: [TableColumn.Role], titleCol: Int,
                                      _ builder: borrowing SectionStore.Builder) -> Bool {
        guard titleCol < roles.count, !cells[row.firstCell + titleCol].isEmpty else { return false }
        func startsAnew(_ r: Range<Int32>) -> Bool {
            builder.withBytes(r) { b in
                guard let f = TextShape.firstScalar(b) else { return false }
                return VietnameseText.isUppercase(f) || f &- 0x30 < 10
            }
        }
        guard startsAnew(cells[row.firstCell + titleCol]) else { return false }
        for c in roles.indices where c != titleCol {
            switch roles[c] {
            case .lead, .support, .time:
                if !cells[row.firstCell + c].isEmpty, startsAnew(cells[row.firstCell + c]) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// A row with an empty first cell continues the row above (a page break cut it) when its
    /// text carries on mid-sentence; otherwise it is another milestone of the same task.
    private func isContinuation(_ row: RawRow, of prev: RawRow, cells: [Range<Int32>], width: Int, titleCol: Int,
                                _ builder: borrowing SectionStore.Builder) -> Bool {
        if titleCol < width, !cells[row.firstCell + titleCol].isEmpty { return true }
        var continuing = 0
        var fresh = 0
        for c in 0..<width where !cells[row.firstCell + c].isEmpty {
            let (first, listItem) = builder.withBytes(cells[row.firstCell + c]) { b in
                (TextShape.firstScalar(b) ?? 0,
                 b.count >= 2 && (b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+")) && b[1] == 0x20)
            }
            let aboveEndsList = builder.withBytes(cells[prev.firstCell + c]) { b in
                b.last == UInt8(ascii: ";") || b.last == UInt8(ascii: ",")
            }
            if VietnameseText.isLowercase(first) {
                continuing += 1
            } else if listItem && aboveEndsList {
                continuing += 1
            } else {
                fresh += 1
            }
        }
        if fresh == 0 { return continuing > 0 }
        if continuing == 0 { return false }
        return row.afterBlank
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces.
    var trimmingSpaces: String {
        let u = utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 }) else { return "" }
        let last = u.lastIndex(where: { $0 != 0x20 })!
        return String(self[first...last])
    }
}
