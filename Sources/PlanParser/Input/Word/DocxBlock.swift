/// A Word document's body as the reader keeps it: paragraphs and tables in order, with the
/// text Word displays (tracked changes accepted, fields as their results) and what is needed
/// to number, lay out and annotate them.
indirect enum DocxBlock: Sendable {
    case paragraph(DocxParagraph)
    case table(DocxTable)
}

struct DocxParagraph: Sendable {
    /// The displayed text, UTF-8: `\n` for a line break, `\t` for a tab, `\u{0C}` for a page break.
    var text: [UInt8] = []
    /// Direct `w:numPr` (a paragraph's own numbering wins over its style's).
    var numId: Int?
    var level: Int?
    var style: String?
    /// The paragraph mark is a tracked deletion: accepted, the paragraph joins the next one.
    var markDeleted = false
    /// Centred (`w:jc` center, its own or its style's): a title's lines, a heading block.
    var centered = false
    /// Text boxes anchored in the paragraph, with the text offset where each stands.
    var anchors: [(offset: Int, blocks: [DocxBlock])] = []
    /// Footnotes, endnotes and comments cited in the paragraph.
    var references: [DocxReference] = []
    /// The automatic number Word shows (`II.`, `1.2.`, `-`), set by the numbering pass.
    var label: String?

    var isEmpty: Bool { text.isEmpty && anchors.isEmpty && label == nil }
}

enum DocxReference: Sendable, Equatable {
    case footnote(Int)
    case endnote(Int)
    case comment(Int)
    /// An embedded object or `w:altChunk` whose content is not read.
    case object(String)
}

struct DocxTable: Sendable {
    /// `w:tblGrid` columns (0 when the table has no grid).
    var gridColumns = 0
    var rows: [DocxRow] = []
}

struct DocxRow: Sendable {
    var cells: [DocxCell] = []
    /// `w:tblHeader`: repeated at the top of every page.
    var isHeader = false
    var gridBefore = 0
    var gridAfter = 0
}

struct DocxCell: Sendable {
    enum Merge: Sendable { case none, restart, `continue` }
    var span = 1
    var verticalMerge = Merge.none
    /// A legacy `w:hMerge` continuation: the cell belongs to the one on its left.
    var mergedLeft = false
    var blocks: [DocxBlock] = []
}

enum WordText {
    /// Superscript text as the canonical text writes it. Digits (and `+ - ( )`) are content —
    /// `m²`, `10⁶` — and become the Unicode superscript characters, kept in every value.
    /// Anything else (a typist's initials after `Lưu: VT, VP`) is written `^{…}`, the text
    /// converters' notation, which the cleaning stage drops from values as it does for a text
    /// file; text too long for that notation stays plain.
    static func superscript(_ text: [UInt8]) -> [UInt8] {
        let marks: [UInt8: UInt32] = [
            0x30: 0x2070, 0x31: 0xB9, 0x32: 0xB2, 0x33: 0xB3, 0x34: 0x2074, 0x35: 0x2075, 0x36: 0x2076, 0x37: 0x2077,
            0x38: 0x2078, 0x39: 0x2079, 0x2B: 0x207A, 0x2D: 0x207B, 0x28: 0x207D, 0x29: 0x207E,
        ]
        if text.allSatisfy({ marks[$0] != nil }) {
            var out: [UInt8] = []
            for b in text { VietnameseText.appendUTF8(marks[b]!, to: &out) }
            return out
        }
        let short = text.count <= 20 && !text.contains(UInt8(ascii: "}")) && !text.contains(UInt8(ascii: "{"))
        return short ? Array("^{".utf8) + text + [UInt8(ascii: "}")] : text
    }

    /// Characters Word and LibreOffice store for what prints as plain text: a non-breaking
    /// hyphen (U+2011) prints `-`, a soft hyphen (U+00AD) prints nothing within a line.
    static func plain(_ text: [UInt8]) -> [UInt8] {
        guard text.contains(0xC2) || text.contains(0xE2) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == 0xC2, i + 1 < text.count, text[i + 1] == 0xAD {
                i += 2
                continue
            }
            if text[i] == 0xE2, i + 2 < text.count, text[i + 1] == 0x80, text[i + 2] == 0x91 {
                out.append(UInt8(ascii: "-"))
                i += 3
                continue
            }
            out.append(text[i])
            i += 1
        }
        return out
    }
}
