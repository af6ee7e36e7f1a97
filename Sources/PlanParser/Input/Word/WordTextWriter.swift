/// Writes a Word document's blocks as its canonical text: the text the parser reads and
/// every `line` of the output refers to (`extract text FILE.docx` prints it).
///
/// The text is laid out the way the clean text twins of the samples are, so the text
/// parser reads both alike:
/// - a body paragraph is one line, its automatic number first as it would be typed
///   (`I. `, `1. `, `a) `, `- `, `+ `); a line break inside it starts a new line; body
///   paragraphs are separated by one blank line; a page break is a blank line;
/// - a data table row is one line of tab-separated cells, every grid column kept (a group
///   row spanning all columns is `I. CÔNG TÁC …` and tabs); a cell merged down from the row
///   above (`w:vMerge`) is empty; the further paragraphs of a cell follow on lines of their
///   own that carry only those paragraphs (role ``LineRole/cellParagraph``); each row's
///   first line has role ``LineRole/rowStart``; a header row repeated (`w:tblHeader` rows,
///   or a table continued as a new table under a copy of its header) is written once;
/// - a layout table — the letterhead (issuer | motto; number | place and date) or the
///   closing (recipients | signer) — is written cell by cell, row by row, one line per
///   paragraph, a blank line between cells: the way the text samples have them;
/// - text boxes are paragraphs where they are anchored.
///
/// Footnotes, endnotes, comments and embedded objects are not text: each becomes a note
/// (a warning on the line that cites it), so nothing is lost silently.
struct WordTextWriter {
    /// The notes' texts by id.
    struct NoteTexts {
        var footnotes: [Int: String] = [:]
        var endnotes: [Int: String] = [:]
        var comments: [Int: (author: String?, text: String)] = [:]
    }

    private(set) var text: [UInt8] = []
    private(set) var roles: [LineRole] = []
    private(set) var notes: [Diagnostic] = []
    private let noteTexts: NoteTexts
    private var lines = 0
    private var lastLineBlank = true
    /// The last line written was a body paragraph of tab-separated cells.
    private var lastLineWasRow = false
    /// The last paragraph written was centred.
    private var lastParagraphCentered = false
    /// The header rows of the data table just written, while nothing but empty paragraphs follows it.
    private var previousHeaders: [[UInt8]] = []
    private var footnoteCount = 0
    private var endnoteCount = 0

    /// Whether body paragraphs get a blank line between them (``separatesParagraphs(_:)``).
    private let separateParagraphs: Bool

    /// The notes' code prefix: the format's name (`docx-footnote`, `odt-footnote`).
    private let codePrefix: String

    init(noteTexts: NoteTexts = NoteTexts(), separateParagraphs: Bool = true, format: InputFormat = .docx) {
        self.noteTexts = noteTexts
        codePrefix = format.name
        self.separateParagraphs = separateParagraphs
    }

    /// A document spaced by empty paragraphs (one made from a text file, or typed with
    /// Enter twice) already has its blank lines: each empty paragraph is one. Any other gets
    /// a blank line between paragraphs, the way text twins are written.
    static func separatesParagraphs(_ blocks: [DocxBlock]) -> Bool {
        var empty = 0
        var full = 0
        for case .paragraph(let p) in blocks {
            if p.text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && p.anchors.isEmpty { empty += 1 } else { full += 1 }
        }
        return empty * 4 < full
    }

    /// The next line's number (1-based).
    var nextLine: Int { lines + 1 }

    // MARK: - Blocks

    enum Mode { case body, layoutCell }

    mutating func write(_ blocks: [DocxBlock], mode: Mode = .body) {
        for block in blocks {
            switch block {
            case .paragraph(let p): write(p, mode: mode)
            case .table(let t): write(t)
            }
        }
    }

    private mutating func write(_ p: DocxParagraph, mode: Mode) {
        if !separateParagraphs, mode == .body, p.anchors.isEmpty, p.text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            blankLine()
        }
        var label = p.label
        var start = 0
        var firstLine: Int?
        // Centred paragraphs one after another are one block (a title over two lines, the
        // appendix heading and its note): no blank line between them.
        let joinsBlock = p.centered && lastParagraphCentered && mode == .body
        lastParagraphCentered = p.centered && !p.text.isEmpty
        for anchor in p.anchors {
            let offset = min(max(anchor.offset, start), p.text.count)
            if let l = writeText(p.text[start..<offset], label: &label, mode: mode, joinsBlock: joinsBlock) { firstLine = firstLine ?? l }
            write(anchor.blocks, mode: .body)
            start = offset
        }
        if let l = writeText(p.text[start...], label: &label, mode: mode, joinsBlock: joinsBlock && start == 0) {
            firstLine = firstLine ?? l
        }
        addNotes(p.references, line: firstLine ?? max(lines, 1))
    }

    /// Writes the lines of one stretch of paragraph text; the label goes before its first
    /// non-empty line. Returns the first line written.
    private mutating func writeText(_ bytes: ArraySlice<UInt8>, label: inout String?, mode: Mode,
                                    joinsBlock: Bool = false) -> Int?
    {
        var first: Int?
        var pendingBlank = mode == .body && separateParagraphs && !joinsBlock
        var lineStart = bytes.startIndex
        var i = bytes.startIndex
        while i <= bytes.endIndex {
            if i < bytes.endIndex, bytes[i] != 0x0A, bytes[i] != 0x0C {
                i += 1
                continue
            }
            var line = Self.bodyLine(bytes[lineStart..<i], afterRow: lastLineWasRow)
            if !line.isEmpty {
                if let l = label {
                    line = Array(l.utf8) + (line.isEmpty ? [] : [0x20] + line)
                    label = nil
                    line = Self.bodyLine(line[...])
                }
                if previousHeaders.isEmpty == false { previousHeaders = [] }
                let isRow = line.contains(0x09)
                // Paragraphs of tab-separated cells follow each other like the rows they are.
                if pendingBlank, !(isRow && lastLineWasRow) { blankLine() }
                lastLineWasRow = isRow
                pendingBlank = false
                first = first ?? nextLine
                emit(line, role: .text)
            }
            if i < bytes.endIndex, bytes[i] == 0x0C, first != nil { pendingBlank = true }
            lineStart = i + 1
            i += 1
        }
        return first
    }

    // MARK: - Tables

    private mutating func write(_ table: DocxTable) {
        lastParagraphCentered = false
        let grid = DocxTableGrid(table)
        guard !grid.rows.isEmpty else { return }
        if grid.isLayout {
            writeLayout(table)
            return
        }
        if separateParagraphs { blankLine() }
        var headers: [[UInt8]] = []
        for (k, row) in grid.rows.enumerated() {
            let signature = row.signature
            if k < previousHeaders.count, previousHeaders[k] == signature, headers.count == k {
                // The table goes on under a copy of the previous table's header.
                headers.append(signature)
                continue
            }
            if row.isHeader || k == 0, headers.count == k {
                headers.append(signature)
            } else if headers.contains(signature) {
                continue
            }
            let first = nextLine
            for (l, cells) in row.lines.enumerated() {
                emit(Self.join(cells), role: l == 0 ? .rowStart : .cellParagraph)
            }
            addNotes(row.references, line: first)
        }
        lastLineBlank = false
        previousHeaders = headers
    }

    private mutating func writeLayout(_ table: DocxTable) {
        for row in table.rows {
            for cell in row.cells where cell.verticalMerge != .continue && !cell.mergedLeft {
                blankLine()
                write(cell.blocks, mode: .layoutCell)
            }
        }
    }

    private static func join(_ cells: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for (c, cell) in cells.enumerated() {
            if c > 0 { out.append(0x09) }
            out += cell
        }
        return out
    }

    // MARK: - Lines

    private mutating func emit(_ line: [UInt8], role: LineRole) {
        if role != .text { lastLineWasRow = false }
        text += line
        text.append(0x0A)
        roles.append(role)
        lines += 1
        lastLineBlank = line.isEmpty
    }

    private mutating func blankLine() {
        if !lastLineBlank, lines > 0 { emit([], role: .text) }
    }

    /// A body line: control characters dropped, spaces trimmed. Tabs stay as typed — a
    /// paragraph of tab-separated cells reads as a table row, empty cells and all, as in a
    /// text file — except what only aligns text: one indenting tab before the text, one
    /// tab after it, and a run of tabs after a leading list marker (a hanging indent) when
    /// the line has no other tab. After a row, leading tabs are empty cells of a row that
    /// goes on.
    static func bodyLine(_ raw: ArraySlice<UInt8>, afterRow: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        for b in raw where b >= 0x20 || b == 0x09 { out.append(b) }
        var lo = 0
        var hi = out.count
        while lo < hi, out[lo] == 0x20 || out[lo] == 0x09 { lo += 1 }
        while hi > lo, out[hi - 1] == 0x20 || out[hi - 1] == 0x09 { hi -= 1 }
        guard lo < hi else { return [] }
        let leading = out[..<lo].filter { $0 == 0x09 }.count
        let trailing = out[hi...].filter { $0 == 0x09 }.count
        var text = Array(out[lo..<hi])
        let inner = text.contains(0x09)
        if inner, leading == 0, trailing == 0 {
            let marker: MarkerScanner.Marker? = text.withUnsafeBufferPointer { MarkerScanner.scan($0, from: 0, to: $0.count) }
            if let m = marker, m.markerEnd < text.count {
                var k = m.markerEnd
                while k < text.count, text[k] == 0x09 || text[k] == 0x20 { k += 1 }
                if text[m.markerEnd..<k].contains(0x09), !text[k...].contains(0x09) {
                    // The tokenizer reads `1.<tab>Text` as an item too; a space says it plainly.
                    text = Array(text[..<m.markerEnd]) + [0x20] + Array(text[k...])
                }
            }
            return text
        }
        let keepLeading = inner || leading >= 2 || afterRow
        let keepTrailing = inner || trailing >= 2
        return (keepLeading ? Array(repeating: 0x09, count: leading) : []) + text
            + (keepTrailing ? Array(repeating: 0x09, count: trailing) : [])
    }

    /// A cell line: like a body line, but tabs are spaces.
    static func cellLine(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        for b in raw {
            let c: UInt8 = b == 0x09 ? 0x20 : b
            if c < 0x20 { continue }
            if c == 0x20, out.last == 0x20 || out.isEmpty { continue }
            out.append(c)
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }

    // MARK: - Notes

    private mutating func addNotes(_ references: [DocxReference], line: Int) {
        for r in references {
            switch r {
            case .footnote(let id):
                footnoteCount += 1
                let text = noteTexts.footnotes[id] ?? ""
                notes.append(Diagnostic(line: line, code: codePrefix + "-footnote",
                                        message: "footnote \(footnoteCount) is not part of the text: \(Self.clip(text))"))
            case .endnote(let id):
                endnoteCount += 1
                let text = noteTexts.endnotes[id] ?? ""
                notes.append(Diagnostic(line: line, code: codePrefix + "-endnote",
                                        message: "endnote \(endnoteCount) is not part of the text: \(Self.clip(text))"))
            case .comment(let id):
                guard let c = noteTexts.comments[id] else { continue }
                let by = c.author.map { " by \($0)" } ?? ""
                notes.append(Diagnostic(line: line, code: codePrefix + "-comment",
                                        message: "comment\(by) is not part of the text: \(Self.clip(c.text))"))
            case .object(let what):
                notes.append(Diagnostic(line: line, code: codePrefix + "-object", message: "\(what) is not read"))
            }
        }
    }

    static func clip(_ s: String) -> String {
        s.count <= 300 ? s : String(s.prefix(300)) + "…"
    }
}
