extension InputFormat {
    /// OpenDocument text (`.odt`).
    static let odt = InputFormat(
        name: "odt", extensions: ["odt"], summary: "OpenDocument text (.odt): paragraphs, lists, tables")
}

/// Reads OpenDocument text files: a zip whose first entry, `mimetype`, says
/// `application/vnd.oasis.opendocument.text`. `content.xml` is read into the same blocks as
/// a Word document and written as the same canonical text (``WordTextWriter``).
///
/// - `text:p`, `text:h`, `text:span`, `text:a`, `text:s` (spaces), `text:tab`,
///   `text:line-break`; fields (`text:date`, `text:page-number`, …) show their text;
///   hidden text (`text:hidden-text`, `text:hidden-paragraph`) is not shown.
/// - Lists (`text:list`, `text:list-item`) numbered from their list style (`text:list-style`
///   in either styles part: `style:num-format` 1/I/i/A/a, prefix, suffix, display levels,
///   start value), continued by `text:continue-list` / `text:continue-numbering`; bullets
///   become `-` and `+` as in Word documents. A heading's cached `text:number` is used.
/// - Tables (`table:table`): header rows once, `table:number-columns-spanned`, covered
///   (merged) cells empty, repeated rows and columns counted (within bounds), nested tables.
/// - Tracked changes are kept in `text:tracked-changes` and the body holds the accepted
///   text; footnotes and endnotes (`text:note`) and comments (`office:annotation`) become
///   notes; text frames (`draw:text-box`) are read where they are anchored; superscript
///   text is written as in Word documents (``WordText/superscript(_:)``).
enum OdtReader: DocumentReader {
    static let format = InputFormat.odt
    static let mediaType = Array("application/vnd.oasis.opendocument.text".utf8)

    /// The `mimetype` entry comes first and stored, so its bytes sit right after the first
    /// local header (ODF 1.2 part 3, 3.3).
    static func recognizes(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 38 + mediaType.count, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 3, bytes[3] == 4
        else { return false }
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        guard nameLength == 8, Array(bytes[30..<38]) == Array("mimetype".utf8) else { return false }
        let start = 38 + extraLength
        guard start + mediaType.count <= bytes.count else { return false }
        return Array(bytes[start..<(start + mediaType.count)]) == mediaType
            && (start + mediaType.count == bytes.count || bytes[start + mediaType.count] == 0x50)
    }

    static func read(_ bytes: [UInt8], options: ParseOptions) throws(PlanParseError) -> DecodedSource {
        let package = try OfficePackage(bytes, format: format.name, options: options)
        let content = try package.part("content.xml", required: true) ?? []
        var styles = OdtStyles()
        if let xml = try package.part("styles.xml") {
            try package.parsing("styles.xml") { () throws(XMLScanner.Failure) in
                var s = XMLScanner(xml)
                try styles.read(&s, stopAtBody: false)
            }
        }
        let (blocks, notes) = try package.parsing("content.xml") { () throws(XMLScanner.Failure) in
            var reader = OdtContentReader(content, styles: styles)
            return (try reader.read(), reader.noteTexts)
        }
        var writer = WordTextWriter(noteTexts: notes, separateParagraphs: WordTextWriter.separatesParagraphs(blocks), format: format)
        writer.write(blocks)
        return try WordDocument.decode(writer, format: format, notes: [])
    }
}

/// List styles and superscript text styles of an OpenDocument file.
struct OdtStyles {
    struct Level {
        var format: WordNumbering.Format = .decimal
        var isBullet = false
        var bullet = "-"
        var prefix = ""
        var suffix = ""
        var displayLevels = 1
        var start = 1
        /// `loext:num-list-format` (`%1%.`): LibreOffice's own template, like Word's `w:lvlText`.
        var template: String?
    }

    var lists: [String: [Level]] = [:]
    var superscript: Set<String> = []
    /// Paragraph styles that centre (`fo:text-align="center"`), with each style's parent.
    var centered: [String: Bool] = [:]
    var parent: [String: String] = [:]

    func isCentered(_ style: String?) -> Bool {
        var current = style
        var steps = 0
        while let c = current, steps < 16 {
            if let v = centered[c] { return v }
            current = parent[c]
            steps += 1
        }
        return false
    }
    var outline: [Level]?

    /// Reads `office:styles` and `office:automatic-styles` (stopping at `office:body` when asked).
    mutating func read(_ s: inout XMLScanner, stopAtBody: Bool) throws(XMLScanner.Failure) {
        var list: (name: String, levels: [Level])?
        var isOutline = false
        var textStyle: String?
        while true {
            let event = try s.next()
            if event == .endOfDocument { return }
            if event == .end {
                if s.isElement(.odfText, "list-style") || s.isElement(.odfText, "outline-style"), let l = list {
                    if isOutline { outline = l.levels } else { lists[l.name] = l.levels }
                    list = nil
                    isOutline = false
                } else if s.isElement(.odfStyle, "style") {
                    textStyle = nil
                }
                continue
            }
            guard event == .start else { continue }
            if stopAtBody, s.isElement(.odfOffice, "body") { return }
            if s.isElement(.odfText, "list-style") || s.isElement(.odfText, "outline-style") {
                list = (s.string("name") ?? "", Array(repeating: Level(), count: 10))
                isOutline = s.isElement(.odfText, "outline-style")
            } else if list != nil, s.isElement(.odfText, "list-level-style-number") || s.isElement(.odfText, "outline-level-style")
                || s.isElement(.odfText, "list-level-style-bullet") || s.isElement(.odfText, "list-level-style-image")
            {
                let l = min(max((s.int("level") ?? 1) - 1, 0), 9)
                var level = Level()
                if s.isElement(.odfText, "list-level-style-number") || s.isElement(.odfText, "outline-level-style") {
                    level.format = Self.format(s.string("num-format") ?? "")
                    level.prefix = s.string("num-prefix") ?? ""
                    level.suffix = s.string("num-suffix") ?? ""
                    level.displayLevels = min(max(s.int("display-levels") ?? 1, 1), 10)
                    level.start = s.int("start-value") ?? 1
                    level.template = s.string("num-list-format")
                } else {
                    level.isBullet = true
                    level.format = .bullet
                    level.bullet = s.string("bullet-char") ?? "-"
                }
                list?.levels[l] = level
            } else if s.isElement(.odfStyle, "style") {
                textStyle = s.string("name")
                if let name = textStyle, let p = s.string("parent-style-name") { parent[name] = p }
            } else if s.isElement(.odfStyle, "paragraph-properties"), let name = textStyle, let align = s.string("text-align") {
                centered[name] = align == "center"
            } else if s.isElement(.odfStyle, "text-properties"), let name = textStyle,
                let position = s.string("text-position")
            {
                let first = position.split(separator: " ").first.map(String.init) ?? ""
                if first == "super" || (first.hasSuffix("%") && !first.hasPrefix("-") && first != "0%") {
                    superscript.insert(name)
                }
            }
        }
    }

    static func format(_ name: String) -> WordNumbering.Format {
        switch name {
        case "1": return .decimal
        case "I": return .upperRoman
        case "i": return .lowerRoman
        case "A": return .upperLetter
        case "a": return .lowerLetter
        case "": return .none
        default: return .decimal
        }
    }
}

/// `content.xml` → ``DocxBlock``s, numbering lists as it goes.
struct OdtContentReader {
    private var s: XMLScanner
    private var styles: OdtStyles
    private(set) var noteTexts = WordTextWriter.NoteTexts()
    private var noteCount = 0
    /// Counters of each list chain (a list and the lists that continue it), per level.
    private var chains: [[Int?]] = []
    private var chainOfId: [String: Int] = [:]
    private var lastChainOfStyle: [String: Int] = [:]
    private var outlineCounters: [Int?] = Array(repeating: nil, count: 10)
    private var superscript: [UInt8] = []
    private var inSuperscript = 0
    /// A list item whose first paragraph is still to come, to carry its number.
    private var pendingItem: (context: ListContext, start: Int?)?

    /// The list being read: its chain, style and nesting level.
    private struct ListContext {
        var chain: Int
        var style: String
        var level: Int
    }

    private static let maxRepeat = 1000
    private static let maxRows = 20_000

    init(_ xml: [UInt8], styles: OdtStyles) {
        s = XMLScanner(xml)
        self.styles = styles
    }

    mutating func read() throws(XMLScanner.Failure) -> [DocxBlock] {
        try styles.read(&s, stopAtBody: true)
        var blocks: [DocxBlock] = []
        try readBlocks(into: &blocks, list: nil)
        return blocks
    }

    // MARK: - Blocks

    private mutating func readBlocks(into blocks: inout [DocxBlock], list: ListContext?) throws(XMLScanner.Failure) {
        while try s.nextChild() {
            if s.isElement(.odfText, "p") || s.isElement(.odfText, "h") {
                let heading = s.isElement(.odfText, "h")
                let outlineLevel = s.int("outline-level")
                var p = DocxParagraph()
                p.centered = styles.isCentered(s.string("style-name"))
                var cached: String?
                try readInline(into: &p, cachedNumber: &cached)
                flushSuperscript(into: &p)
                if let item = pendingItem {
                    // The first paragraph of a list item carries the item's number.
                    pendingItem = nil
                    let levels = styles.lists[item.context.style] ?? Self.defaultLevels
                    let label = Self.label(levels, counters: &chains[item.context.chain], level: item.context.level, start: item.start)
                    p.label = cached.flatMap { $0.isEmpty ? nil : $0 } ?? label
                } else if let cached, !cached.isEmpty {
                    p.label = cached
                } else if list == nil, heading, let level = outlineLevel, let outline = styles.outline {
                    p.label = Self.label(outline, counters: &outlineCounters, level: level - 1, start: nil)
                }
                blocks.append(.paragraph(p))
            } else if s.isElement(.odfText, "list") {
                // An item that holds only a sublist has no number of its own.
                pendingItem = nil
                try readList(into: &blocks, outer: list)
            } else if s.isElement(.odfTable, "table") {
                var table = DocxTable()
                try readTableContent(into: &table)
                blocks.append(.table(table))
            } else if s.isElement(.odfText, "tracked-changes") || s.isElement(.odfText, "sequence-decls")
                || s.isElement(.odfText, "variable-decls") || s.isElement(.odfText, "user-field-decls")
                || s.isElement(.odfOffice, "forms") || s.isElement(.odfTable, "table-columns")
                || s.isElement(.odfText, "hidden-paragraph") || s.isElement(.odfOffice, "annotation")
            {
                try s.skipElement()
            } else {
                // office:text, text:section, text:index-body, text:soft-page-break, …
                try readBlocks(into: &blocks, list: list)
            }
        }
    }

    private mutating func readList(into blocks: inout [DocxBlock], outer: ListContext?) throws(XMLScanner.Failure) {
        let style = s.string("style-name") ?? outer?.style ?? ""
        var context: ListContext
        if let outer {
            context = ListContext(chain: outer.chain, style: style, level: outer.level + 1)
        } else {
            let chain: Int
            if let other = s.string("continue-list"), let c = chainOfId[other] {
                chain = c
            } else if s.attribute("continue-numbering", is: "true"), let c = lastChainOfStyle[style] {
                chain = c
            } else {
                chains.append(Array(repeating: nil, count: 10))
                chain = chains.count - 1
            }
            context = ListContext(chain: chain, style: style, level: 0)
            lastChainOfStyle[style] = chain
        }
        if let id = s.string("id") { chainOfId[id] = context.chain }
        context.level = min(context.level, 9)
        while try s.nextChild() {
            if s.isElement(.odfText, "list-item") || s.isElement(.odfText, "list-header") {
                let numbered = s.isElement(.odfText, "list-item")
                let start = s.int("start-value")
                pendingItem = numbered ? (context, start) : nil
                try readBlocks(into: &blocks, list: context)
                pendingItem = nil
            } else {
                try s.skipElement()
            }
        }
    }

    /// Counts an item at `level` and renders its label.
    private static func label(_ levels: [OdtStyles.Level], counters: inout [Int?], level: Int, start: Int?) -> String? {
        let l = min(max(level, 0), 9)
        let def = levels[l]
        if let start {
            counters[l] = start
        } else {
            counters[l] = counters[l].map { $0 + 1 } ?? def.start
        }
        for k in (l + 1)..<10 { counters[k] = nil }
        if def.isBullet {
            if def.bullet == "+" { return "+" }
            if ["-", "–", "—", "−"].contains(def.bullet) { return "-" }
            return levels[..<l].contains { $0.isBullet } ? "+" : "-"
        }
        func value(_ k: Int) -> String {
            WordNumbering.format(counters[k] ?? levels[k].start, levels[k].format)
        }
        var out = ""
        if let template = def.template {
            var chars = Array(template)
            var i = 0
            while i < chars.count {
                if chars[i] == "%", i + 1 < chars.count, let d = chars[i + 1].wholeNumberValue, d >= 1, d <= 10 {
                    out += value(d - 1)
                    i += 2
                    if i < chars.count, chars[i] == "%" { i += 1 }
                    continue
                }
                out.append(chars[i])
                i += 1
            }
            chars = []
        } else {
            guard def.format != .none else { return def.prefix + def.suffix == "" ? nil : (def.prefix + def.suffix).trimmingSpaces }
            let first = max(0, l - def.displayLevels + 1)
            out = def.prefix + (first...l).map(value).joined(separator: ".") + def.suffix
        }
        let label = out.trimmingSpaces
        return label.isEmpty ? nil : label
    }

    // MARK: - Inline

    private mutating func readInline(into p: inout DocxParagraph, cachedNumber: inout String?) throws(XMLScanner.Failure) {
        while true {
            switch try s.next() {
            case .endOfDocument, .end: return
            case .text:
                var text: [UInt8] = []
                s.text(into: &text)
                // Whitespace in ODF text collapses to one space (ODF 1.2, 6.1.2).
                var collapsed: [UInt8] = []
                for b in text {
                    let c: UInt8 = b == 0x0A || b == 0x0D || b == 0x09 ? 0x20 : b
                    if c == 0x20, collapsed.last == 0x20 || (collapsed.isEmpty && (p.text.last == 0x20 || p.text.isEmpty)) { continue }
                    collapsed.append(c)
                }
                append(collapsed, to: &p)
                continue
            case .start: break
            }
            if s.isElement(.odfText, "s") {
                append(Array(repeating: 0x20, count: min(max(s.int("c") ?? 1, 1), 100)), to: &p)
                try s.skipElement()
            } else if s.isElement(.odfText, "tab") {
                append([0x09], to: &p)
                try s.skipElement()
            } else if s.isElement(.odfText, "line-break") {
                append([0x0A], to: &p)
                try s.skipElement()
            } else if s.isElement(.odfText, "number") {
                var text: [UInt8] = []
                try readAllText(into: &text)
                cachedNumber = String(decoding: text, as: UTF8.self).trimmingSpaces
            } else if s.isElement(.odfText, "note") {
                try readNote(into: &p)
            } else if s.isElement(.odfOffice, "annotation") {
                var text: [UInt8] = []
                try readAllText(into: &text)
                noteCount += 1
                noteTexts.comments[-noteCount] = (nil, String(decoding: WordTextWriter.cellLine(text[...]), as: UTF8.self))
                p.references.append(.comment(-noteCount))
            } else if s.isElement(.odfText, "hidden-text") || s.isElement(.odfOffice, "annotation-end")
                || s.isElement(.odfText, "tracked-changes")
            {
                try s.skipElement()
            } else if s.isElement(.odfDraw, "text-box") {
                flushSuperscript(into: &p)
                var blocks: [DocxBlock] = []
                try readBlocks(into: &blocks, list: nil)
                if !blocks.isEmpty { p.anchors.append((p.text.count, blocks)) }
            } else if s.isElement(.odfText, "span") {
                let sup = s.string("style-name").map { styles.superscript.contains($0) } ?? false
                if sup { inSuperscript += 1 } else { flushSuperscript(into: &p) }
                try readInline(into: &p, cachedNumber: &cachedNumber)
                if sup { inSuperscript -= 1 }
                if inSuperscript == 0 { flushSuperscript(into: &p) }
            } else {
                // text:a, fields, draw:frame, …: their text is the document's.
                try readInline(into: &p, cachedNumber: &cachedNumber)
            }
        }
    }

    private mutating func append(_ text: [UInt8], to p: inout DocxParagraph) {
        let text = WordText.plain(text)
        guard !text.isEmpty else { return }
        if inSuperscript > 0, text.contains(where: { $0 != 0x20 }) {
            superscript += text
            return
        }
        flushSuperscript(into: &p)
        p.text += text
    }

    private mutating func flushSuperscript(into p: inout DocxParagraph) {
        guard !superscript.isEmpty else { return }
        p.text += WordText.superscript(superscript)
        superscript.removeAll()
    }

    /// `text:note`: its citation is not text; its body becomes a note.
    private mutating func readNote(into p: inout DocxParagraph) throws(XMLScanner.Failure) {
        let endnote = s.attribute("note-class", is: "endnote")
        var body: [UInt8] = []
        while true {
            switch try s.next() {
            case .endOfDocument, .end:
                noteCount += 1
                let text = String(decoding: WordTextWriter.cellLine(body[...]), as: UTF8.self)
                if endnote {
                    noteTexts.endnotes[noteCount] = text
                    p.references.append(.endnote(noteCount))
                } else {
                    noteTexts.footnotes[noteCount] = text
                    p.references.append(.footnote(noteCount))
                }
                return
            case .text: continue
            case .start: break
            }
            if s.isElement(.odfText, "note-body") {
                try readAllText(into: &body)
            } else {
                try s.skipElement()
            }
        }
    }

    /// All the text inside the current element, paragraphs separated by spaces.
    private mutating func readAllText(into out: inout [UInt8]) throws(XMLScanner.Failure) {
        let depth = s.depth
        while true {
            let event = try s.next()
            if event == .endOfDocument || event == .end && s.depth < depth { return }
            if event == .text { s.text(into: &out) }
            if event == .end, s.isElement(.odfText, "p") || s.isElement(.odfText, "h") { out.append(0x20) }
            if event == .start, s.isElement(.odfText, "s") || s.isElement(.odfText, "tab") { out.append(0x20) }
        }
    }

    // MARK: - Tables

    private mutating func readTableContent(into table: inout DocxTable) throws(XMLScanner.Failure) {
        while try s.nextChild() {
            if s.isElement(.odfTable, "table-column") {
                table.gridColumns += min(max(s.int("number-columns-repeated") ?? 1, 1), 64)
                try s.skipElement()
            } else if s.isElement(.odfTable, "table-row") {
                let repeats = min(max(s.int("number-rows-repeated") ?? 1, 1), Self.maxRepeat)
                let row = try readRow()
                let empty = row.cells.allSatisfy { $0.blocks.isEmpty }
                // Repeated rows count up to a bound for the whole table, so a few small rows
                // cannot make millions.
                let room = max(1, Self.maxRows - table.rows.count)
                for _ in 0..<(empty ? 1 : min(repeats, room)) { table.rows.append(row) }
            } else if s.isElement(.odfTable, "table-header-rows") || s.isElement(.odfTable, "table-rows")
                || s.isElement(.odfTable, "table-row-group") || s.isElement(.odfTable, "table-column-group")
                || s.isElement(.odfTable, "table-header-columns") || s.isElement(.odfTable, "table-columns")
            {
                let header = s.isElement(.odfTable, "table-header-rows")
                let first = table.rows.count
                try readTableContent(into: &table)
                if header { for k in first..<table.rows.count { table.rows[k].isHeader = true } }
            } else {
                try s.skipElement()
            }
        }
    }

    private mutating func readRow() throws(XMLScanner.Failure) -> DocxRow {
        var row = DocxRow()
        // Covered cells still to come of a cell spanning columns in this row: merged left, not down.
        var spannedLeft = 0
        while try s.nextChild() {
            let covered = s.isElement(.odfTable, "covered-table-cell")
            guard covered || s.isElement(.odfTable, "table-cell") else {
                try s.skipElement()
                continue
            }
            let repeats = min(max(s.int("number-columns-repeated") ?? 1, 1), 64)
            var cell = DocxCell()
            // A spanned cell is followed by covered cells for the columns it spans: one grid column each.
            cell.span = 1
            if covered {
                // A cell merged into one above or to the left: empty in its row.
                if spannedLeft > 0 {
                    cell.mergedLeft = true
                    spannedLeft -= min(repeats, spannedLeft)
                } else {
                    cell.verticalMerge = .continue
                }
                try s.skipElement()
            } else {
                spannedLeft = min(max((s.int("number-columns-spanned") ?? 1) - 1, 0), 64)
                try readBlocks(into: &cell.blocks, list: nil)
            }
            for _ in 0..<repeats { row.cells.append(cell) }
        }
        return row
    }

    static let defaultLevels: [OdtStyles.Level] = (0..<10).map { _ in OdtStyles.Level() }
}
