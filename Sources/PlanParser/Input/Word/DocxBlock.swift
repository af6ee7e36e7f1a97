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
