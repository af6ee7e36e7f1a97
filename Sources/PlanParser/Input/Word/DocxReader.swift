extension InputFormat {
    /// Word documents (Office Open XML, `.docx`).
    static let docx = InputFormat(
        name: "docx", extensions: ["docx", "docm"],
        summary: "Word documents (.docx): paragraphs, tables, automatic numbering")
}

/// Reads Word documents: a zip (``ZipArchive``) holding WordprocessingML. Recognized by
/// content — any zip that is not an OpenDocument file, and any OLE2 compound file, so that
/// a damaged `.docx`, an old `.doc`, a password-protected file or a spreadsheet get a
/// refusal that names them instead of "binary data".
///
/// The parts read: the main document (found through `_rels/.rels`, else
/// `word/document.xml`), `styles.xml`, `numbering.xml`, footnotes, endnotes and comments
/// (for notes), headers and footers (only to say they were left out). The output is the
/// canonical text of ``WordTextWriter``, cleaned by ``SourceDecoder`` like any text.
enum DocxReader: DocumentReader {
    static let format = InputFormat.docx

    static func recognizes(_ bytes: [UInt8]) -> Bool {
        (isZip(bytes) && !OdtReader.recognizes(bytes)) || OLE2Sniffer.isCompoundFile(bytes)
    }

    /// A local file header or an empty archive's end record at the start.
    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B
            && (bytes[2] == 3 && bytes[3] == 4 || bytes[2] == 5 && bytes[3] == 6)
    }

    static func read(_ bytes: [UInt8], options: ParseOptions) throws(PlanParseError) -> DecodedSource {
        if OLE2Sniffer.isCompoundFile(bytes) { throw OLE2Sniffer.refusal(bytes) }
        var clock = StageClock(report: options.stageTimer)
        let package = try OfficePackage(bytes, format: format.name, options: options)
        guard let main = try package.mainDocument(defaultPath: "word/document.xml") else {
            throw try package.refusalForOtherContent()
        }
        let xml = try package.part(main, required: true) ?? []
        let rels = try package.relationships(of: main)
        let dir = main.split(separator: "/").dropLast().joined(separator: "/")
        let base = dir.isEmpty ? "" : dir + "/"
        /// The part related to the main document by `type`, else the conventional one.
        func related(_ type: String, _ fallback: String) throws(PlanParseError) -> (path: String, xml: [UInt8])? {
            let path = rels.first(where: { $0.type.hasSuffix("/" + type) })?.target ?? base + fallback
            return try package.part(path).map { (path, $0) }
        }

        clock.lap("unzip")
        var styles = WordStyles()
        if let part = try related("styles", "styles.xml") {
            styles = try package.parsing(part.path) { () throws(XMLScanner.Failure) in try WordStyles.parse(part.xml) }
        }
        var numbering = WordNumbering()
        if let part = try related("numbering", "numbering.xml") {
            numbering = try package.parsing(part.path) { () throws(XMLScanner.Failure) in try WordNumbering.parse(part.xml) }
        }
        clock.lap("styles and numbering")
        var blocks = try package.parsing(main) { () throws(XMLScanner.Failure) in
            var reader = WordprocessingMLReader(xml, styles: styles)
            return try reader.readBody()
        }
        clock.lap("xml")

        var noteTexts = WordTextWriter.NoteTexts()
        for (type, fallback) in [("footnotes", "footnotes.xml"), ("endnotes", "endnotes.xml"), ("comments", "comments.xml")] {
            guard let part = try related(type, fallback) else { continue }
            let notes = try package.parsing(part.path) { () throws(XMLScanner.Failure) in
                var reader = WordprocessingMLReader(part.xml, styles: styles)
                return try reader.readNotes()
            }
            for n in notes {
                let text = WordDocument.plainText(n.blocks)
                switch type {
                case "footnotes": noteTexts.footnotes[n.id] = text
                case "endnotes": noteTexts.endnotes[n.id] = text
                default: noteTexts.comments[n.id] = (n.author, text)
                }
            }
        }
        // Page headers and footers are furniture: left out, and said so once.
        var furniture: [String] = []
        for rel in rels where rel.type.hasSuffix("/header") || rel.type.hasSuffix("/footer") {
            guard let part = try package.part(rel.target) else { continue }
            let text = WordDocument.plainText(try package.parsing(rel.target) { () throws(XMLScanner.Failure) in
                var reader = WordprocessingMLReader(part, styles: styles)
                return try reader.readBody()
            })
            if TextShape.hasLetters(text.utf8), !furniture.contains(text) { furniture.append(text) }
        }

        clock.lap("notes, headers and footers")
        WordDocument.acceptMarkDeletions(&blocks)
        var counter = WordNumbering.Counter(numbering: numbering, styles: styles)
        WordDocument.number(&blocks, counter: &counter)
        var writer = WordTextWriter(noteTexts: noteTexts, separateParagraphs: WordTextWriter.separatesParagraphs(blocks))
        writer.write(blocks)
        var extra: [Diagnostic] = []
        if !furniture.isEmpty {
            extra.append(Diagnostic(line: 1, code: "docx-header-footer",
                                    message: "page headers and footers are not part of the text: "
                                        + WordTextWriter.clip(furniture.joined(separator: " | "))))
        }
        clock.lap("canonical text")
        let decoded = try WordDocument.decode(writer, format: format, notes: extra)
        clock.lap("decode")
        return decoded
    }
}

/// What the Word and OpenDocument readers share once the blocks are read.
enum WordDocument {
    /// The canonical text decoded like a text file, with the writer's line roles and notes.
    static func decode(_ writer: WordTextWriter, format: InputFormat, notes: [Diagnostic]) throws(PlanParseError) -> DecodedSource {
        var decoded: DecodedSource
        do {
            decoded = try SourceDecoder.decode(writer.text, limit: Int.max)
        } catch {
            switch error {
            case .invalidUTF8(let offset, let line, _):
                throw .unreadableDocument(
                    format: format.name, reason: "text that is not UTF-8 at byte \(offset) of the text (line \(line))")
            default:
                throw error
            }
        }
        decoded.format = format
        decoded.lineRoles = writer.roles
        decoded.notes = notes + writer.notes
        return decoded
    }

    /// A paragraph whose mark is a tracked deletion joins the paragraph after it, which
    /// keeps its own properties (the mark that stays is its mark).
    static func acceptMarkDeletions(_ blocks: inout [DocxBlock]) {
        var k = 0
        while k < blocks.count {
            switch blocks[k] {
            case .paragraph(var p):
                for a in p.anchors.indices { acceptMarkDeletions(&p.anchors[a].blocks) }
                if p.markDeleted, k + 1 < blocks.count, case .paragraph(var next) = blocks[k + 1] {
                    let shift = p.text.count
                    next.anchors = p.anchors + next.anchors.map { ($0.offset + shift, $0.blocks) }
                    next.text = p.text + next.text
                    next.references = p.references + next.references
                    blocks[k + 1] = .paragraph(next)
                    blocks.remove(at: k)
                    continue
                }
                blocks[k] = .paragraph(p)
            case .table(var t):
                for r in t.rows.indices {
                    for c in t.rows[r].cells.indices { acceptMarkDeletions(&t.rows[r].cells[c].blocks) }
                }
                blocks[k] = .table(t)
            }
            k += 1
        }
    }

    /// Sets every paragraph's automatic number, in document order.
    static func number(_ blocks: inout [DocxBlock], counter: inout WordNumbering.Counter) {
        for k in blocks.indices {
            switch blocks[k] {
            case .paragraph(var p):
                p.label = counter.label(of: p)
                for a in p.anchors.indices { number(&p.anchors[a].blocks, counter: &counter) }
                blocks[k] = .paragraph(p)
            case .table(var t):
                for r in t.rows.indices {
                    for c in t.rows[r].cells.indices { number(&t.rows[r].cells[c].blocks, counter: &counter) }
                }
                blocks[k] = .table(t)
            }
        }
    }

    /// The text of blocks on one line (notes, headers): paragraphs joined with spaces.
    static func plainText(_ blocks: [DocxBlock]) -> String {
        var parts: [String] = []
        func walk(_ blocks: [DocxBlock]) {
            for b in blocks {
                switch b {
                case .paragraph(let p):
                    let line = WordTextWriter.cellLine(p.text[...])
                    if !line.isEmpty { parts.append(String(decoding: line, as: UTF8.self)) }
                    for a in p.anchors { walk(a.blocks) }
                case .table(let t):
                    for row in t.rows { for cell in row.cells { walk(cell.blocks) } }
                }
            }
        }
        walk(blocks)
        return parts.joined(separator: " ")
    }
}
