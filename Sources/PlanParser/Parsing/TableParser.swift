/// Turns a run of table-row lines into a ``Table``: finds the header row and column roles,
/// classifies rows (group, task, milestone) and merges page-break continuation rows into the
/// rows they continue.
struct TableParser {
    let source: TokenizedSource
    private var warnings: [Diagnostic] = []
    /// Last group numeral seen per rank, and whether it repeated the one before.
    private var lastGroups: [Int: (ordinal: Int, marker: String, repeated: Bool)] = [:]

    init(source: TokenizedSource) {
        self.source = source
    }

    private struct RawRow {
        var line: Int
        var endLine: Int
        var afterBlank: Bool
        var role: LineRole
        var cells: [String]
        var kind: TableRow.Kind = .other
        var groupPath: [SectionHeading] = []
        /// Cells that got further paragraphs (``LineRole/cellParagraph``), joined once the
        /// column roles are known.
        var hasParagraphs = false
    }

    /// Joins the paragraphs of one cell until the column roles are known; cells never hold it.
    private static let paragraphBreak = "\n"


    mutating func parse(rows tokenIndices: [Int]) -> (Table, [Diagnostic]) {
        // A pipe table has outer pipes (`| 1 | … |`) when its first row both starts and ends with one.
        let firstLine = tokenIndices.first.map { source.bytes(source.tokens[$0].line) } ?? []
        let outerPipes = firstLine.first == UInt8(ascii: "|") && firstLine.last == UInt8(ascii: "|")
        var raw: [RawRow] = []
        raw.reserveCapacity(tokenIndices.count)
        for i in tokenIndices {
            let t = source.tokens[i]
            let cells = cells(of: t, outerPipes: outerPipes)
            // Lines a reader marked as more of the row above join it right away.
            if t.role == .cellWrap || t.role == .cellParagraph, !raw.isEmpty {
                Self.merge(cells, into: &raw[raw.count - 1], separator: t.role == .cellWrap ? " " : Self.paragraphBreak)
                if t.role == .cellParagraph { raw[raw.count - 1].hasParagraphs = true }
                raw[raw.count - 1].endLine = Int(t.number)
                continue
            }
            raw.append(RawRow(line: Int(t.number), endLine: Int(t.number), afterBlank: t.afterBlank, role: t.role, cells: cells))
        }
        let width = raw.map(\.cells.count).max() ?? 0
        for k in raw.indices where raw[k].cells.count < width {
            raw[k].cells.append(contentsOf: repeatElement("", count: width - raw[k].cells.count))
        }

        var columns = (0..<width).map { _ in TableColumn(title: "", role: .other) }
        var headerIndex: Int?
        for k in raw.indices.prefix(3) {
            let roles = raw[k].cells.map(Self.role(ofHeader:))
            if roles.contains(.title), roles.filter({ $0 != .other }).count >= 3 {
                headerIndex = k
                columns = zip(raw[k].cells, roles).map { TableColumn(title: $0, role: $1) }
                break
            }
        }
        let numberCol = columns.firstIndex { $0.role == .number } ?? 0
        let titleCol = columns.firstIndex { $0.role == .title } ?? min(1, max(width - 1, 0))
        for k in raw.indices where raw[k].hasParagraphs {
            for c in raw[k].cells.indices where raw[k].cells[c].contains(Self.paragraphBreak) {
                // Paragraphs of a title (or of the header) are one text; of any other cell, a list.
                let asText = c == titleCol || k == headerIndex
                raw[k].cells[c] = Self.joinParagraphs(raw[k].cells[c], asList: !asText)
            }
        }

        var rows: [RawRow] = []
        var groupStack: [(rank: Int, heading: SectionHeading)] = []
        // Rows of one group share one path array.
        var groupPath: [SectionHeading] = []
        var lastTaskNumber: (group: String?, path: [Int], marker: String)?
        for k in raw.indices {
            var row = raw[k]
            if k == headerIndex {
                row.kind = .header
                rows.append(row)
                continue
            }
            if k < (headerIndex ?? -1) {
                row.kind = .other
                rows.append(row)
                continue
            }
            let first = row.cells.isEmpty ? "" : row.cells[numberCol]
            if row.cells.allSatisfy({ $0.isEmpty }) { continue }
            if let group = groupLabel(row.cells, numberCol: numberCol, titleCol: titleCol) {
                while let top = groupStack.last, top.rank >= group.rank { groupStack.removeLast() }
                checkGroupSequence(group, line: row.line)
                groupStack.append((group.rank, group.heading))
                groupPath = groupStack.map(\.heading)
                row.kind = .group
                row.groupPath = groupPath
                lastTaskNumber = nil
                rows.append(row)
                continue
            }
            row.groupPath = groupPath
            let group = groupPath.last?.text
            if let path = Self.rowNumber(first) {
                row.kind = .task
                if let prev = lastTaskNumber, prev.group == group {
                    checkRowSequence(prev.path, path, prevMarker: prev.marker, marker: first, line: row.line)
                }
                lastTaskNumber = (group, path, first)
                rows.append(row)
                continue
            }
            if first.isEmpty, let prevIndex = rows.lastIndex(where: { $0.kind == .task || $0.kind == .milestone }),
                prevIndex == rows.count - 1
            {
                // A reader's row (a Word table row) is read like a row of a text table: one that
                // goes on mid-sentence continues the task above (the row was split by hand),
                // any other is another milestone; only a blank line never comes before it.
                if isContinuation(row, of: rows[prevIndex], titleCol: titleCol) {
                    for c in row.cells.indices where !row.cells[c].isEmpty {
                        if rows[prevIndex].cells[c].isEmpty {
                            rows[prevIndex].cells[c] = row.cells[c]
                        } else {
                            rows[prevIndex].cells[c] += " " + row.cells[c]
                        }
                    }
                    rows[prevIndex].endLine = row.line
                    continue
                }
                row.kind = .milestone
                rows.append(row)
                continue
            }
            // A row without a number but with a task's text: keep it as a task.
            if !row.cells[titleCol].isEmpty, titleCol != numberCol, first.isEmpty || headerIndex != nil {
                row.kind = first.isEmpty ? .other : .task
            }
            rows.append(row)
        }
        let table = Table(
            line: raw.first?.line ?? 0, endLine: raw.last?.endLine ?? 0, columns: columns,
            rows: rows.map { r in
                var row = TableRow(line: r.line, endLine: r.endLine, kind: r.kind,
                                   group: r.groupPath.last?.text, cells: r.cells)
                row.groupPath = r.groupPath
                return row
            })
        return (table, warnings)
    }

    // MARK: - Cells

    /// Cells split on tabs (or `|` for a pipe row), each trimmed (markdown and spaces were
    /// cleaned by the tokenizer). With outer pipes, the empty pieces outside them are dropped.
    private func cells(of t: LineToken, outerPipes: Bool) -> [String] {
        if t.kind != .tableRow {
            // `\t\t\t\tcủa cơ quan chuyên môn`: empty cells, then the text.
            return Array(repeating: "", count: Int(t.leadingTabs)) + [source.string(t.line)]
        }
        var result: [String] = []
        var bytes = source.bytes(t.line)
        let separator: UInt8 = t.pipes ? UInt8(ascii: "|") : 0x09
        result.reserveCapacity(bytes.reduce(1) { $1 == separator ? $0 + 1 : $0 })
        if t.pipes, outerPipes {
            if bytes.first == UInt8(ascii: "|") { bytes = bytes.dropFirst() }
            if bytes.last == UInt8(ascii: "|") { bytes = bytes.dropLast() }
        }
        var start = bytes.startIndex
        var i = start
        while i <= bytes.endIndex {
            if i == bytes.endIndex || bytes[i] == separator {
                var lo = start
                var hi = i
                while lo < hi, bytes[lo] == 0x20 { lo += 1 }
                while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
                result.append(String(decoding: bytes[lo..<hi], as: UTF8.self))
                start = i + 1
            }
            i += 1
        }
        return result
    }

    static func role(ofHeader cell: String) -> TableColumn.Role {
        var copy = cell
        return copy.withUTF8 { raw in VietnameseText.withLowercased(raw) { LabelVocabulary.columnRole(ofHeader: $0) } }
    }

    /// `cells` appended to the cells of `row`, each non-empty one after `separator`.
    private static func merge(_ cells: [String], into row: inout RawRow, separator: String) {
        for (c, cell) in cells.enumerated() where !cell.isEmpty {
            while row.cells.count <= c { row.cells.append("") }
            row.cells[c] = row.cells[c].isEmpty ? cell : row.cells[c] + separator + cell
        }
    }

    /// A cell's paragraphs as one text (joined with spaces) or as a list (`; `).
    private static func joinParagraphs(_ cell: String, asList: Bool) -> String {
        let parts = cell.split(separator: Character(paragraphBreak), omittingEmptySubsequences: true)
        guard asList else { return parts.joined(separator: " ") }
        var out = ""
        for p in parts {
            if !out.isEmpty { out += out.hasSuffix(";") ? " " : "; " }
            out += p
        }
        return out
    }

    /// `1`, `2.`, `1.1`, `3)` → the number's parts; nil for anything else.
    static func rowNumber(_ cell: String) -> [Int]? {
        var u = cell.utf8[...]
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
    private func groupLabel(_ cells: [String], numberCol: Int, titleCol: Int) -> GroupLabel? {
        let first = cells[numberCol]
        guard !first.isEmpty else { return nil }
        let others = cells.indices.filter { $0 != numberCol && $0 != titleCol && !cells[$0].isEmpty }
        guard others.isEmpty else { return nil }
        var bytes = Array(first.utf8)
        let m: MarkerScanner.Marker? = bytes.withUnsafeBufferPointer { MarkerScanner.scan($0, from: 0, to: $0.count) }
        if let m, m.style == .roman || m.style == .upperLetter {
            let rest = String(decoding: bytes[m.markerEnd...], as: UTF8.self).trimmingSpaces
            let marker = String(decoding: bytes[..<m.markerEnd], as: UTF8.self)
            let title = rest.isEmpty ? cells[titleCol] : rest
            guard !title.isEmpty else { return nil }
            let fullTitle = title + (rest.isEmpty || cells[titleCol].isEmpty ? "" : " " + cells[titleCol])
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
            !cells[titleCol].isEmpty
        {
            let kind: Section.Kind = m.style == .upperLetter ? .group : .roman
            return GroupLabel(rank: m.style == .upperLetter ? 1 : 2, ordinal: m.ordinal, marker: first,
                              heading: SectionHeading(kind: kind, number: first, title: cells[titleCol],
                                                      text: first + ". " + cells[titleCol]))
        }
        return nil
    }

    private mutating func checkGroupSequence(_ group: GroupLabel, line: Int) {
        if group.rank == 1 { lastGroups[2] = nil }  // a new A./B. group restarts I, II, …
        let prev = lastGroups[group.rank]
        lastGroups[group.rank] = (group.ordinal, group.marker, false)
        guard let prev,
            let slip = NumberingSlip(previous: prev.ordinal, next: group.ordinal, previousRepeated: prev.repeated)
        else { return }
        let style: MarkerStyle = group.rank == 1 ? .upperLetter : .roman
        let expected = SectionParser.expectedMarker(style: style, marker: ".", ordinal: prev.ordinal)
        if slip == .repeated { lastGroups[group.rank] = (group.ordinal, group.marker, true) }
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

    /// A row with an empty first cell continues the row above (a page break cut it) when its
    /// text carries on mid-sentence; otherwise it is another milestone of the same task.
    private func isContinuation(_ row: RawRow, of prev: RawRow, titleCol: Int) -> Bool {
        if titleCol < row.cells.count, !row.cells[titleCol].isEmpty { return true }
        var continuing = 0
        var fresh = 0
        for c in row.cells.indices where !row.cells[c].isEmpty {
            let cell = row.cells[c]
            let above = c < prev.cells.count ? prev.cells[c] : ""
            let first = TextShape.firstScalar(cell.utf8) ?? 0
            if VietnameseText.isLowercase(first) {
                continuing += 1
            } else if (cell.hasPrefix("- ") || cell.hasPrefix("+ ")) && (above.hasSuffix(";") || above.hasSuffix(",")) {
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
