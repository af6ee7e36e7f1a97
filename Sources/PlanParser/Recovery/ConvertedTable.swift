/// A table read back from converter text, whatever shape it was printed in: rows of cells, each
/// cell its paragraphs with the line each starts on. Every shape's reader fills one; ``write(into:)``
/// turns it into the lines the parser reads.
struct ConvertedTable {
    struct Paragraph {
        var text: String
        var line: Int32
        /// Byte offsets in `text` where pieces broken at a column's edge were joined without a
        /// space (the space, if there was one, was lost there).
        var breaks: [Int] = []
        /// Where each printed line after the first starts in `text` (byte offset) and its line
        /// number: a frame's cell is split back into its lines where they are titles.
        var wraps: [(offset: Int, line: Int32)] = []
    }

    struct Row {
        var line: Int32
        var endLine: Int32
        /// One entry per column: the cell's paragraphs (none when the cell is empty).
        var cells: [[Paragraph]]

        init(line: Int32, columns: Int) {
            self.line = line
            endLine = line
            cells = Array(repeating: [], count: columns)
        }

        var isEmpty: Bool { cells.allSatisfy { $0.isEmpty } }

        /// The cell's paragraphs joined with spaces.
        func text(_ column: Int) -> String {
            column < cells.count ? cells[column].map(\.text).joined(separator: " ") : ""
        }
    }

    var columnCount: Int
    var rows: [Row] = []

    init(columns: Int) {
        columnCount = columns
    }

    /// What the table is for, judged by its words.
    enum Purpose {
        /// A table of tasks or other data: one tab-separated line per row.
        case data
        /// A letterhead (`Số: …` | `Place, ngày …`) or closing (`Nơi nhận:` | signature) laid
        /// out in columns: one line per paragraph, left column first.
        case frame
    }

    /// A frame (letterhead, closing) has at most this many columns.
    static let frameColumns = 3

    var purpose: Purpose {
        for row in rows.prefix(3) {
            let roles = (0..<columnCount).map { TableParser.role(ofHeader: MarkdownEscapes.plain(row.text($0))) }
            if roles.contains(.title), roles.filter({ $0 != .other }).count >= 3 { return .data }
        }
        guard columnCount <= Self.frameColumns else { return .data }
        if columnCount == 1 { return .frame }
        for row in rows.prefix(4) {
            for cell in row.cells {
                for p in cell where Self.isFrameText(p.text) { return .frame }
            }
        }
        return .data
    }

    // Words that start a letterhead's or closing's paragraphs: number, date, motto, list, signer.
    private static let frameWords = [
        "số:", "số ", "nơi nhận", "kính gửi", "cộng hòa", "cộng hoà", "độc lập", "kt.", "tm.", "giám đốc", "chủ tịch",
    ].map { Array($0.utf8) }

    private static func isFrameText(_ text: String) -> Bool {
        var copy = MarkdownEscapes.plain(text)
        let folded = copy.withUTF8 { VietnameseText.lowercased($0) }
        for w in frameWords where folded.starts(with: w) { return true }
        // `Quảng Nam, ngày 10 tháng 01 năm 2025`
        if let day = ByteSearch.find(folded, Array("ngày".utf8)), folded[..<day].contains(UInt8(ascii: ",")),
            ByteSearch.find(folded, Array("tháng".utf8)) != nil
        {
            return true
        }
        return false
    }

    /// Puts back the spaces lost where words were broken letter by letter (see ``SyllableSplit``),
    /// knowing the document's words.
    mutating func restoreSpaces(vocabulary: @autoclosure () -> Set<String>) {
        guard rows.contains(where: { $0.cells.contains { $0.contains { !$0.breaks.isEmpty } } }) else { return }
        let splitter = SyllableSplit(vocabulary: vocabulary())
        for r in rows.indices {
            for c in rows[r].cells.indices {
                for p in rows[r].cells[c].indices where !rows[r].cells[c][p].breaks.isEmpty {
                    let para = rows[r].cells[c][p]
                    rows[r].cells[c][p].text = splitter.resolve(para.text, breaks: para.breaks)
                    rows[r].cells[c][p].breaks = []
                }
            }
        }
    }

    /// Writes the table as the parser reads it (see ``Purpose``).
    /// - Parameter lastLine: the table's last printed line (its bottom border), which a frame
    ///   table's closing blank line reports.
    func write(into out: inout RecoveredText, lastLine: Int32) {
        let rows = self.rows.filter { !$0.isEmpty }
        guard !rows.isEmpty else { return }
        switch purpose {
        case .frame:
            for c in 0..<columnCount {
                var wrote = false
                for row in rows {
                    for p in row.cells[c] {
                        for (text, line) in Self.frameLines(p) { out.emit(text, number: line) }
                        wrote = true
                    }
                }
                if wrote { out.emit([], number: lastLine) }
            }
        case .data:
            for row in rows {
                let depth = max(row.cells.map(\.count).max() ?? 1, 1)
                var lines: [(cells: [String], number: Int32, role: LineRole)] = []
                for k in 0..<depth {
                    var cells: [String] = []
                    cells.reserveCapacity(columnCount)
                    var number = k == 0 ? row.line : Int32.max
                    for cell in row.cells {
                        if k < cell.count {
                            cells.append(cell[k].text)
                            if k > 0 { number = min(number, cell[k].line) }
                        } else {
                            cells.append("")
                        }
                    }
                    lines.append((cells, number, k == 0 ? .rowStart : .cellParagraph))
                }
                // A row printed over several lines ends on its last: its longest cell's last word
                // goes on a wrap line of that number (the parser joins it back with a space), so
                // the row's lines are its own.
                if row.endLine > lines[lines.count - 1].number, let c = lines[lines.count - 1].cells.indices.max(by: {
                    lines[lines.count - 1].cells[$0].utf8.count < lines[lines.count - 1].cells[$1].utf8.count
                }), let space = lines[lines.count - 1].cells[c].lastIndex(of: " ") {
                    let text = lines[lines.count - 1].cells[c]
                    var wrap = [String](repeating: "", count: columnCount)
                    wrap[c] = String(text[text.index(after: space)...])
                    lines[lines.count - 1].cells[c] = String(text[..<space])
                    lines.append((wrap, row.endLine, .cellWrap))
                }
                for l in lines { out.emitCells(l.cells, number: l.number, role: l.role) }
            }
        }
    }
}

extension ConvertedTable {
    /// A frame cell's paragraph as the lines the frame parser reads: a converter that wraps
    /// cells (pandoc) runs the signature's lines into one (`TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH
    /// PHÓ CHỦ TỊCH Trần Văn Hùng`) and the issuer's (`UBND TỈNH` `SỞ NỘI VỤ`); a printed line in
    /// capitals after one in capitals, or a person's name after one, starts a line again.
    /// Other wraps (a long recipient, the motto's second line) stay joined.
    static func frameLines(_ p: Paragraph) -> [(String, Int32)] {
        guard !p.wraps.isEmpty else { return [(p.text, p.line)] }
        let bytes = Array(p.text.utf8)
        // Each printed line: where it starts in the text, and its number.
        let starts = [(offset: 0, line: p.line)] + p.wraps
        func printed(_ k: Int) -> ArraySlice<UInt8> {
            trimmed(bytes[starts[k].offset..<(k + 1 < starts.count ? starts[k + 1].offset : bytes.count)])
        }
        func isCapitals(_ t: ArraySlice<UInt8>) -> Bool { TextShape.isUppercase(t) && TextShape.hasLetters(t) }
        var out: [(String, Int32)] = []
        var first = 0
        for k in 1..<starts.count {
            let before = printed(k - 1)
            let line = printed(k)
            // Not inside a word broken at the column's edge (`CHỦ T` / `ỊCH`).
            guard !p.breaks.contains(starts[k].offset), isCapitals(before), isCapitals(line) || TextShape.isPersonName(line)
            else { continue }
            out.append((String(decoding: trimmed(bytes[starts[first].offset..<starts[k].offset]), as: UTF8.self), starts[first].line))
            first = k
        }
        out.append((String(decoding: trimmed(bytes[starts[first].offset...]), as: UTF8.self), starts[first].line))
        return out
    }

    private static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var a = s.startIndex
        var b = s.endIndex
        while a < b, s[a] == 0x20 { a += 1 }
        while b > a, s[b - 1] == 0x20 { b -= 1 }
        return s[a..<b]
    }
}

/// Collects the printed pieces of one cell into paragraphs: a wrapped piece joins the
/// paragraph with a space, or without one where the converter broke a word.
struct CellText {
    private(set) var paragraphs: [ConvertedTable.Paragraph] = []
    /// The next piece starts a paragraph (a blank line inside the cell was seen).
    private var newParagraph = true
    /// The last piece filled its column and held no space: a word broken at the column edge.
    private var brokenWord = false
    /// Pieces may hold markdown (pandoc's tables), resolved as they come.
    private var markdown = true
    /// Where each printed line starts is kept (``Paragraph/wraps``) for a table narrow enough
    /// to be a frame, whose cells are split back into lines (``ConvertedTable/frameLines(_:)``).
    private var keepsLines = false

    init(markdown: Bool = true, keepsLines: Bool = false) {
        self.markdown = markdown
        self.keepsLines = keepsLines
    }

    /// Adds the text of one printed line of the cell.
    /// - Parameter width: the column's width in display columns, when known (to spot broken words).
    mutating func add<C: Collection>(_ piece: C, line: Int32, width: Int? = nil) where C.Element == UInt8 {
        var lo = piece.startIndex
        var hi = piece.endIndex
        while lo < hi, piece[lo] == 0x20 { lo = piece.index(after: lo) }
        while hi > lo, piece[piece.index(hi, offsetBy: -1)] == 0x20 { hi = piece.index(hi, offsetBy: -1) }
        guard lo < hi else {
            endParagraph()
            return
        }
        let text: String
        var full = false
        if markdown || width != nil {
            var bytes = Array(piece[lo..<hi])
            if markdown, let cleaned = MarkdownEscapes.clean(bytes) { bytes = cleaned }
            text = String(decoding: bytes, as: UTF8.self)
            // pandoc breaks a word longer than its column from the end: the last piece fills the
            // column (`inf` / `ographic`, `1` / `5/3/2025`, `01` / `-02/2025`).
            full = width.map { $0 > 0 && DisplayColumns.width(bytes) >= $0 && !bytes.contains(0x20) } ?? false
        } else {
            text = String(decoding: piece[lo..<hi], as: UTF8.self)
        }
        if newParagraph || paragraphs.isEmpty {
            paragraphs.append(ConvertedTable.Paragraph(text: text, line: line))
        } else {
            // In place: a cell's text grows line by line.
            let last = paragraphs.count - 1
            let glued = brokenWord || full
            if glued { paragraphs[last].breaks.append(paragraphs[last].text.utf8.count) }
            if !glued && !Self.joinsTight(paragraphs[last].text, text) { paragraphs[last].text.append(" ") }
            if keepsLines { paragraphs[last].wraps.append((paragraphs[last].text.utf8.count, line)) }
            paragraphs[last].text.append(text)
        }
        newParagraph = false
        brokenWord = full
    }

    /// A blank line inside the cell: what follows is another paragraph.
    mutating func endParagraph() {
        newParagraph = true
        brokenWord = false
    }

    /// Two wrapped pieces of one paragraph: one space between them, none where a word was
    /// broken (`S` / `T` / `T` in a column one letter wide, `01` / `-02/2025`).
    static func join(_ a: String, _ b: String, brokenWord: Bool) -> String {
        brokenWord || joinsTight(a, b) ? a + b : a + " " + b
    }

    /// `01` / `-02/2025`: a date range broken before its dash joins without a space.
    static func joinsTight(_ a: String, _ b: String) -> Bool {
        guard let x = a.utf8.last, x >= 0x30, x <= 0x39 else { return false }
        var u = b.utf8.makeIterator()
        guard u.next() == UInt8(ascii: "-"), let d = u.next() else { return false }
        return d >= 0x30 && d <= 0x39
    }
}
