/// Reads WordprocessingML (`document.xml`, and the same grammar in footnotes, comments,
/// headers) into ``DocxBlock``s: the body in order, with the text Word displays.
///
/// - Paragraphs (`w:p`), runs (`w:r`), text (`w:t`, leading and trailing spaces kept only
///   with `xml:space="preserve"`), `w:tab`, `w:br` (line, or page with `w:type="page"`),
///   `w:cr`, `w:noBreakHyphen` (`-`), `w:softHyphen` (nothing), `w:sym` (its character).
/// - Containers are read through: `w:hyperlink`, `w:smartTag`, `w:customXml`, `w:sdt`
///   (content controls; placeholder text shown while empty is not content), `w:fldSimple`,
///   `w:dir`, `w:bdo`, and any element this reader does not know.
/// - Tracked changes as accepted: `w:ins` and `w:moveTo` kept; `w:del`, `w:moveFrom`,
///   `w:delText` dropped; a deleted paragraph mark joins the paragraph to the next one; a
///   deleted table row is gone; formatting changes (`w:pPrChange`, …) keep the new format.
/// - Complex fields (`w:fldChar` begin / separate / end) show their result, never their
///   code (`w:instrText`).
/// - `mc:AlternateContent` is read once: its first `mc:Choice`, never the fallback, so a
///   text box written twice (DrawingML and VML) counts once.
/// - Text boxes (`w:txbxContent`) stay where they are anchored.
/// - Hidden text (`w:vanish`) is not shown; `w:caps` shows upper case; superscript digits are
///   superscript characters (`m²`), other superscript is written `^{…}` the way the text
///   converters write it (see ``WordText/superscript(_:)``).
/// - Footnote, endnote and comment references are kept for the notes.
struct WordprocessingMLReader {
    private var s: XMLScanner
    private let styles: WordStyles
    /// Open complex fields, innermost last: `true` once the field's result has begun.
    private var fields: [Bool] = []
    /// Run flags of the paragraph being read (its style's) and of the run being read.
    private var paragraphFlags = WordStyles.RunFlags()
    private var run = WordStyles.RunFlags()
    /// Superscript text not yet written.
    private var superscript: [UInt8] = []

    init(_ xml: [UInt8], styles: WordStyles) {
        s = XMLScanner(xml)
        self.styles = styles
    }

    /// The blocks of `w:body` (document.xml), or of `w:hdr` / `w:ftr` (a header or footer part).
    mutating func readBody() throws(XMLScanner.Failure) -> [DocxBlock] {
        var blocks: [DocxBlock] = []
        while true {
            let event = try s.next()
            if event == .endOfDocument { break }
            if event == .start, s.isElement(.w, "body") || s.isElement(.w, "hdr") || s.isElement(.w, "ftr") {
                try readBlocks(into: &blocks)
            }
        }
        return blocks
    }

    /// Every note of a footnotes, endnotes or comments part: (id, author, blocks); separators skipped.
    mutating func readNotes() throws(XMLScanner.Failure) -> [(id: Int, author: String?, blocks: [DocxBlock])] {
        var notes: [(id: Int, author: String?, blocks: [DocxBlock])] = []
        while true {
            let event = try s.next()
            if event == .endOfDocument { break }
            guard event == .start, s.namespace == .w,
                s.isElement(.w, "footnote") || s.isElement(.w, "endnote") || s.isElement(.w, "comment")
            else { continue }
            let id = s.int("id") ?? -1
            let author = s.string("author")
            if let type = s.string("type"), type != "normal" {
                try s.skipElement()
                continue
            }
            var blocks: [DocxBlock] = []
            try readBlocks(into: &blocks)
            notes.append((id, author, blocks))
        }
        return notes
    }

    // MARK: - Blocks

    /// The block content of the current element (body, cell, text box, content control), up to its end.
    private mutating func readBlocks(into blocks: inout [DocxBlock]) throws(XMLScanner.Failure) {
        while try s.nextChild() {
            if s.namespace == .w {
                if s.isElement(.w, "p") {
                    blocks.append(.paragraph(try readParagraph()))
                    continue
                }
                if s.isElement(.w, "tbl") {
                    blocks.append(.table(try readTable()))
                    continue
                }
                if s.isElement(.w, "sdt") {
                    try readContentControl { (r: inout Self) throws(XMLScanner.Failure) in try r.readBlocks(into: &blocks) }
                    continue
                }
                if s.isElement(.w, "altChunk") {
                    // Imported content (HTML, RTF, another .docx) that Word merges when it opens the file.
                    var p = DocxParagraph()
                    p.references.append(.object("w:altChunk"))
                    blocks.append(.paragraph(p))
                    try s.skipElement()
                    continue
                }
                if Self.skippedInBlocks(s) {
                    try s.skipElement()
                    continue
                }
            } else if s.namespace == .mc {
                try readAlternateContent { (r: inout Self) throws(XMLScanner.Failure) in try r.readBlocks(into: &blocks) }
                continue
            }
            // w:customXml, w:ins, w:moveTo and the unknown: their content is the document's.
            try readBlocks(into: &blocks)
        }
    }

    private static func skippedInBlocks(_ s: XMLScanner) -> Bool {
        s.isElement(.w, "del") || s.isElement(.w, "moveFrom") || s.isElement(.w, "sectPr")
            || s.isElement(.w, "sdtPr") || s.isElement(.w, "sdtEndPr") || s.isElement(.w, "tblPr")
            || s.isElement(.w, "customXmlPr")
    }

    /// `w:sdt`: the content (`w:sdtContent`) read by `body`, unless it shows placeholder text.
    private mutating func readContentControl(_ body: (inout Self) throws(XMLScanner.Failure) -> Void) throws(XMLScanner.Failure) {
        var placeholder = false
        while try s.nextChild() {
            if s.isElement(.w, "sdtPr") {
                let depth = s.depth
                while try s.nextDescendant(within: depth) {
                    if s.isElement(.w, "showingPlcHdr"), s.isOn() { placeholder = true }
                }
            } else if s.isElement(.w, "sdtContent"), !placeholder {
                try body(&self)
            } else {
                try s.skipElement()
            }
        }
    }

    /// `mc:AlternateContent` (the scanner is at its start, or at any other mc element): the
    /// first `mc:Choice` read by `body`, everything else skipped.
    private mutating func readAlternateContent(_ body: (inout Self) throws(XMLScanner.Failure) -> Void) throws(XMLScanner.Failure) {
        guard s.isElement(.mc, "AlternateContent") else {
            try s.skipElement()
            return
        }
        var done = false
        while try s.nextChild() {
            if s.isElement(.mc, "Choice"), !done {
                done = true
                try body(&self)
            } else {
                try s.skipElement()
            }
        }
    }

    // MARK: - Paragraphs

    private mutating func readParagraph() throws(XMLScanner.Failure) -> DocxParagraph {
        var p = DocxParagraph()
        paragraphFlags = styles.runFlags(ofStyle: styles.defaultParagraphStyle)
        try readInline(into: &p)
        flushSuperscript(into: &p)
        return p
    }

    /// The paragraph properties: style, numbering, a deleted mark.
    private mutating func readParagraphProperties(into p: inout DocxParagraph) throws(XMLScanner.Failure) {
        let depth = s.depth
        var jc: Bool?
        while true {
            let event = try s.next()
            if event == .endOfDocument || event == .end && s.depth < depth { break }
            guard event == .start, s.namespace == .w else { continue }
            if s.isElement(.w, "pStyle") {
                p.style = s.string("val")
            } else if s.isElement(.w, "rPr") {
                // The paragraph mark's run properties: only a tracked deletion of the mark matters.
                let d = s.depth
                while true {
                    let e = try s.next()
                    if e == .endOfDocument || e == .end && s.depth < d { break }
                    if e == .start, s.isElement(.w, "del") || s.isElement(.w, "moveFrom") { p.markDeleted = true }
                    if e == .start, s.isElement(.w, "rPrChange") { try s.skipElement() }
                }
            } else if s.isElement(.w, "pPrChange") || s.isElement(.w, "sectPr") {
                try s.skipElement()
            } else {
                WordStyles.readParagraphSetting(s, numId: &p.numId, level: &p.level, centered: &jc)
            }
        }
        paragraphFlags = styles.runFlags(ofStyle: p.style ?? styles.defaultParagraphStyle)
        p.centered = jc ?? styles.isCentered(style: p.style)
    }

    /// Inline content of the current element (paragraph, hyperlink, field, …), up to its end.
    private mutating func readInline(into p: inout DocxParagraph) throws(XMLScanner.Failure) {
        while try s.nextChild() {
            switch s.namespace {
            case .w:
                if s.isElement(.w, "r") {
                    try readRun(into: &p)
                } else if s.isElement(.w, "pPr") {
                    try readParagraphProperties(into: &p)
                } else if s.isElement(.w, "sdt") {
                    try readContentControl { (r: inout Self) throws(XMLScanner.Failure) in try r.readInline(into: &p) }
                } else if s.isElement(.w, "txbxContent") {
                    try readTextBox(into: &p)
                } else if s.isElement(.w, "fldSimple") {
                    // The result is the content; the code is an attribute.
                    try readInline(into: &p)
                } else if Self.skippedInline(s) {
                    try s.skipElement()
                } else {
                    try readInline(into: &p)
                }
            case .mc:
                try readAlternateContent { (r: inout Self) throws(XMLScanner.Failure) in try r.readInline(into: &p) }
            case .math:
                if s.isElement(.math, "t") {
                    try readText(into: &p, preserve: true)
                } else {
                    try readInline(into: &p)
                }
            default:
                try readInline(into: &p)
            }
        }
    }

    private static func skippedInline(_ s: XMLScanner) -> Bool {
        s.isElement(.w, "del") || s.isElement(.w, "moveFrom") || s.isElement(.w, "rPr")
            || s.isElement(.w, "sdtPr") || s.isElement(.w, "sdtEndPr") || s.isElement(.w, "smartTagPr")
            || s.isElement(.w, "customXmlPr") || s.isElement(.w, "rt") || s.isElement(.w, "instrText")
            || s.isElement(.w, "delText") || s.isElement(.w, "delInstrText")
    }

    private mutating func readTextBox(into p: inout DocxParagraph) throws(XMLScanner.Failure) {
        flushSuperscript(into: &p)
        // A text box is a story of its own: the paragraph around it resumes afterwards.
        let (outerFlags, outerRun, outerFields) = (paragraphFlags, run, fields)
        fields = []
        var blocks: [DocxBlock] = []
        try readBlocks(into: &blocks)
        (paragraphFlags, run, fields) = (outerFlags, outerRun, outerFields)
        if !blocks.isEmpty { p.anchors.append((p.text.count, blocks)) }
    }

    // MARK: - Runs

    private mutating func readRun(into p: inout DocxParagraph) throws(XMLScanner.Failure) {
        run = paragraphFlags
        while try s.nextChild() {
            guard s.namespace == .w else {
                if s.namespace == .mc {
                    try readAlternateContent { (r: inout Self) throws(XMLScanner.Failure) in try r.readRunContent(into: &p) }
                } else {
                    try readRunContent(into: &p)
                }
                continue
            }
            if s.isElement(.w, "rPr") {
                let direct = try WordStyles.readRunFlagsAndStyle(&s)
                let styleFlags = direct.style.map { styles.runFlags(ofStyle: $0) } ?? WordStyles.RunFlags()
                run = paragraphFlags.overridden(by: styleFlags).overridden(by: direct.flags)
                continue
            }
            try readRunElement(into: &p)
        }
    }

    /// Children of an element inside a run (a drawing, an `mc:Choice`), up to its end.
    private mutating func readRunContent(into p: inout DocxParagraph) throws(XMLScanner.Failure) {
        while try s.nextChild() {
            if s.namespace == .w {
                try readRunElement(into: &p)
            } else if s.namespace == .mc {
                try readAlternateContent { (r: inout Self) throws(XMLScanner.Failure) in try r.readRunContent(into: &p) }
            } else {
                try readRunContent(into: &p)
            }
        }
    }

    /// One w: element inside a run (the scanner is at its start); consumes it.
    private mutating func readRunElement(into p: inout DocxParagraph) throws(XMLScanner.Failure) {
        if s.isElement(.w, "t") {
            try readText(into: &p, preserve: s.attribute("space", is: "preserve"))
            return
        }
        if s.isElement(.w, "fldChar") {
            if s.attribute("fldCharType", is: "begin") {
                fields.append(false)
            } else if s.attribute("fldCharType", is: "separate") {
                if !fields.isEmpty { fields[fields.count - 1] = true }
            } else if s.attribute("fldCharType", is: "end") {
                if !fields.isEmpty { fields.removeLast() }
            }
            try s.skipElement()
            return
        }
        if s.isElement(.w, "txbxContent") {
            try readTextBox(into: &p)
            return
        }
        if s.isElement(.w, "instrText") || s.isElement(.w, "delText") || s.isElement(.w, "delInstrText") {
            try s.skipElement()
            return
        }
        if visible {
            if s.isElement(.w, "tab") || s.isElement(.w, "ptab") {
                append(0x09, to: &p)
            } else if s.isElement(.w, "br") {
                append(s.attribute("type", is: "page") ? 0x0C : 0x0A, to: &p)
            } else if s.isElement(.w, "cr") {
                append(0x0A, to: &p)
            } else if s.isElement(.w, "noBreakHyphen") {
                appendText(Array("-".utf8), to: &p)
            } else if s.isElement(.w, "sym") {
                if let a = s.attribute("char"), let v = Self.hex(s.value(a)) {
                    // Symbol-font characters are written F0xx (or xx): the Symbol font's
                    // letters and signs become Unicode, other fonts' glyphs stay private-use.
                    let code = v < 0x100 ? v + 0xF000 : v
                    let symbol = s.string("font")?.lowercased() == "symbol"
                    var out: [UInt8] = []
                    VietnameseText.appendUTF8(symbol ? SymbolFont.unicode(code) : code, to: &out)
                    appendText(out, to: &p)
                }
            } else if s.isElement(.w, "footnoteReference") {
                if let id = s.int("id") { p.references.append(.footnote(id)) }
            } else if s.isElement(.w, "endnoteReference") {
                if let id = s.int("id") { p.references.append(.endnote(id)) }
            } else if s.isElement(.w, "commentReference") {
                if let id = s.int("id") { p.references.append(.comment(id)) }
            } else if s.isElement(.w, "object") {
                p.references.append(.object("an embedded object"))
            }
        }
        if s.isElement(.w, "softHyphen") || s.isElement(.w, "lastRenderedPageBreak") || s.isElement(.w, "rPr") {
            try s.skipElement()
            return
        }
        // Drawings, pictures, objects: only the text boxes inside them are text.
        try readRunContent(into: &p)
    }

    /// Whether run text shows now: not hidden, not inside a field's code.
    private var visible: Bool {
        run.hidden != true && !fields.contains(false)
    }

    private mutating func readText(into p: inout DocxParagraph, preserve: Bool) throws(XMLScanner.Failure) {
        var text: [UInt8] = []
        while true {
            let event = try s.next()
            if event == .endOfDocument || event == .end { break }
            if event == .text {
                s.text(into: &text)
            } else if event == .start {
                try s.skipElement()
            }
        }
        guard visible else { return }
        // Line breaks and tabs written inside w:t are spaces to Word.
        for k in text.indices where text[k] == 0x0A || text[k] == 0x0D || text[k] == 0x09 { text[k] = 0x20 }
        if !preserve {
            while let last = text.last, last == 0x20 { text.removeLast() }
            if let first = text.firstIndex(where: { $0 != 0x20 }) { text.removeSubrange(..<first) } else { text = [] }
        }
        appendText(text, to: &p)
    }

    private mutating func appendText(_ text: [UInt8], to p: inout DocxParagraph) {
        guard !text.isEmpty else { return }
        var text = WordText.plain(text)
        if run.caps == true {
            text = Array(String(decoding: text, as: UTF8.self).uppercased().utf8)
        }
        if run.superscript == true {
            superscript += text
            return
        }
        flushSuperscript(into: &p)
        p.text += text
    }

    private mutating func append(_ control: UInt8, to p: inout DocxParagraph) {
        flushSuperscript(into: &p)
        p.text.append(control)
    }

    /// Pending superscript text, written by ``WordText/superscript(_:)``.
    private mutating func flushSuperscript(into p: inout DocxParagraph) {
        guard !superscript.isEmpty else { return }
        p.text += WordText.superscript(superscript)
        superscript.removeAll()
    }

    private static func hex(_ bytes: [UInt8]) -> UInt32? {
        var v: UInt32 = 0
        guard !bytes.isEmpty, bytes.count <= 6 else { return nil }
        for b in bytes {
            switch b {
            case 0x30...0x39: v = v << 4 | UInt32(b - 0x30)
            case 0x41...0x46: v = v << 4 | UInt32(b - 0x41 + 10)
            case 0x61...0x66: v = v << 4 | UInt32(b - 0x61 + 10)
            default: return nil
            }
        }
        return v > 0x20 && v <= 0x10FFFF && !(0xD800...0xDFFF).contains(v) ? v : nil
    }

    // MARK: - Tables

    private mutating func readTable() throws(XMLScanner.Failure) -> DocxTable {
        var table = DocxTable()
        try readTableContent(into: &table)
        return table
    }

    private mutating func readTableContent(into table: inout DocxTable) throws(XMLScanner.Failure) {
        while try s.nextChild() {
            if s.isElement(.w, "tr") {
                if let row = try readRow() { table.rows.append(row) }
            } else if s.isElement(.w, "tblGrid") {
                let depth = s.depth
                while try s.nextDescendant(within: depth) {
                    if s.isElement(.w, "gridCol") { table.gridColumns += 1 }
                }
            } else if s.isElement(.w, "sdt") {
                try readContentControl { (r: inout Self) throws(XMLScanner.Failure) in try r.readTableContent(into: &table) }
            } else if s.isElement(.mc, "AlternateContent") {
                try readAlternateContent { (r: inout Self) throws(XMLScanner.Failure) in try r.readTableContent(into: &table) }
            } else if s.isElement(.w, "customXml") || s.isElement(.w, "ins") || s.isElement(.w, "moveTo") {
                try readTableContent(into: &table)
            } else {
                try s.skipElement()  // w:tblPr, w:del, w:moveFrom, …
            }
        }
    }

    /// A row; nil when it is a tracked deletion.
    private mutating func readRow() throws(XMLScanner.Failure) -> DocxRow? {
        var row = DocxRow()
        var deleted = false
        try readRowContent(into: &row, deleted: &deleted)
        return deleted ? nil : row
    }

    private mutating func readRowContent(into row: inout DocxRow, deleted: inout Bool) throws(XMLScanner.Failure) {
        while try s.nextChild() {
            if s.isElement(.w, "tc") {
                if let cell = try readCell() { row.cells.append(cell) }
            } else if s.isElement(.w, "trPr") {
                let depth = s.depth
                while try s.nextDescendant(within: depth) {
                    if s.isElement(.w, "tblHeader") {
                        row.isHeader = s.isOn()
                    } else if s.isElement(.w, "gridBefore") {
                        row.gridBefore = min(max(s.int("val") ?? 0, 0), 64)
                    } else if s.isElement(.w, "gridAfter") {
                        row.gridAfter = min(max(s.int("val") ?? 0, 0), 64)
                    } else if s.isElement(.w, "del") {
                        deleted = true
                    } else if s.isElement(.w, "trPrChange") {
                        try s.skipElement()
                    }
                }
            } else if s.isElement(.w, "sdt") {
                var d = deleted
                try readContentControl { (r: inout Self) throws(XMLScanner.Failure) in try r.readRowContent(into: &row, deleted: &d) }
                deleted = d
            } else if s.isElement(.mc, "AlternateContent") {
                var d = deleted
                try readAlternateContent { (r: inout Self) throws(XMLScanner.Failure) in try r.readRowContent(into: &row, deleted: &d) }
                deleted = d
            } else if s.isElement(.w, "customXml") || s.isElement(.w, "ins") || s.isElement(.w, "moveTo") {
                try readRowContent(into: &row, deleted: &deleted)
            } else {
                try s.skipElement()
            }
        }
    }

    /// A cell; nil when it is a tracked deletion (`w:cellDel`).
    private mutating func readCell() throws(XMLScanner.Failure) -> DocxCell? {
        var cell = DocxCell()
        var deleted = false
        while try s.nextChild() {
            if s.isElement(.w, "tcPr") {
                let depth = s.depth
                while try s.nextDescendant(within: depth) {
                    if s.isElement(.w, "gridSpan") {
                        cell.span = min(max(s.int("val") ?? 1, 1), 64)
                    } else if s.isElement(.w, "vMerge") {
                        cell.verticalMerge = s.attribute("val", is: "restart") ? .restart : .continue
                    } else if s.isElement(.w, "hMerge") {
                        cell.mergedLeft = !s.attribute("val", is: "restart")
                    } else if s.isElement(.w, "cellDel") {
                        deleted = true
                    } else if s.isElement(.w, "tcPrChange") {
                        try s.skipElement()
                    }
                }
            } else {
                // The cell's blocks: the element just started is one of them.
                try readBlock(startedIn: &cell.blocks)
            }
        }
        return deleted ? nil : cell
    }

    /// Reads the block element at which the scanner stands (after its start) into `blocks`.
    private mutating func readBlock(startedIn blocks: inout [DocxBlock]) throws(XMLScanner.Failure) {
        if s.isElement(.w, "p") {
            blocks.append(.paragraph(try readParagraph()))
        } else if s.isElement(.w, "tbl") {
            blocks.append(.table(try readTable()))
        } else if s.isElement(.w, "sdt") {
            try readContentControl { (r: inout Self) throws(XMLScanner.Failure) in try r.readBlocks(into: &blocks) }
        } else if s.isElement(.mc, "AlternateContent") {
            try readAlternateContent { (r: inout Self) throws(XMLScanner.Failure) in try r.readBlocks(into: &blocks) }
        } else if s.namespace == .w, Self.skippedInBlocks(s) {
            try s.skipElement()
        } else {
            try readBlocks(into: &blocks)
        }
    }
}
