/// A source file turned into the one form every later stage scans byte by byte.
///
/// Postconditions: `bytes` is valid UTF-8 in NFC (see `NFCNormalizer` for the one
/// approximation), has no BOM and no NUL, every line break is a single `"\n"`, Unicode
/// spaces are ASCII spaces and zero-width characters are gone. Line N of `bytes` is line N of
/// the original file (for text) or of the reader's canonical text, unless `lineNumbers` says
/// otherwise.
struct DecodedSource: Sendable {
    /// The cleaned text.
    var bytes: [UInt8]
    /// The number of lines of the original file: a final line without a line break counts,
    /// a line break at the very end does not start another line.
    var lineCount: Int
    /// The encoding the file was read in.
    var encoding: SourceEncoding
    /// Whether NFC composition changed the text (it was decomposed, at least in part).
    var wasNormalized: Bool
    /// The format the input was read as.
    var format = InputFormat.text
    /// What the reader knows about each line, by line index; empty when it knows nothing
    /// (every line ``LineRole/text``).
    var lineRoles: [LineRole] = []
    /// The line number to report for each line of `bytes`, by line index, when a reader
    /// rewrote the text into more lines than it had; empty when line N is line N.
    var lineNumbers: [Int32] = []
    /// What the reader noticed (content it left out, features it did not read), as warnings.
    var notes: [Diagnostic] = []
    /// Lines that only drew a table (a converter's borders and tags), left out of `bytes` by the
    /// recovery stage and reported as furniture, by their original line numbers.
    var droppedLines: [SourceLine] = []
    /// The (0-based) lines of `bytes` that began a page: a form feed was on them (`pdftotext`
    /// writes one between pages; it is a space in `bytes`). Only the recovery stage reads them.
    var pageStarts: [Int32] = []

    /// The role of line `index` (0-based).
    @inline(__always)
    func role(ofLine index: Int) -> LineRole {
        index < lineRoles.count ? lineRoles[index] : .text
    }
}

/// What a reader knows about a line of its text, beyond its shape.
enum LineRole: UInt8, Sendable {
    /// Nothing: the tokenizer and parser decide from the line itself (plain text).
    case text
    /// A table row starts here (its cells are tab-separated), with its further paragraphs on
    /// the lines that follow (``cellParagraph``). A row with an empty first cell is read like
    /// such a row of a text table: a milestone, or more of the row above when its text goes
    /// on mid-sentence (a Word row split by hand).
    case rowStart
    /// More text of the cells of the row above, cut by a wrap (a layout-text column):
    /// each non-empty cell joins the same cell above with a space.
    case cellWrap
    /// Another paragraph in the cells of the row above (a Word cell with several
    /// paragraphs): the title cell joins with a space, list cells (units, products, times)
    /// get it as a new item.
    case cellParagraph
}
