/// A parsed plan: its header, section tree, tasks, targets and everything the parser noticed.
///
/// Create one with ``PlanDocument/parse(bytes:path:options:)`` or
/// ``PlanDocument/parse(contentsOf:options:)``; write it with ``PlanDocument/export(_:as:options:)``.
/// Every line number is a 1-based line of the original input (or of the canonical text of a
/// format without lines of its own, see ``PlanDocument/canonicalText(bytes:options:)``).
public struct PlanDocument: Sendable, Equatable {
    /// Version of the JSON layout (`docs/plan.schema.json`).
    public static let schemaVersion = 1

    public var source: SourceInfo
    /// What document this is: kind, number, place, date, title, signer, citations.
    public var header: DocumentHeader
    /// Paragraphs between the header and the first section (`Căn cứ …`, introductions).
    public var preamble: [Paragraph]
    /// The section tree, outermost headings first; appendices are top-level nodes.
    /// Made once, on first use, from the parser's compact store.
    public var sections: [Section] {
        get { store.sections }
        set { store = SectionStore(sections: newValue) }
    }
    /// The tree as the parser built it: texts as byte ranges (see `SectionStore`).
    var store: SectionStore
    /// The tree as read-only views, for walks that need no `Section` values.
    var sectionViews: [SectionView] { store.rootViews }
    /// The distribution list and signature block, when present.
    public var closing: Closing?
    /// Task records, in document order.
    public var tasks: [PlanTask]
    /// Targets (items under `MỤC TIÊU` / `Chỉ tiêu`), in document order.
    public var targets: [Target]
    /// Who answers for what, from a plan's `TỔ CHỨC THỰC HIỆN` section, in document order.
    public var responsibilities: [Responsibility]
    /// Numbering slips, unknown labels, malformed dates… with line numbers.
    public var warnings: [Diagnostic]
    /// Non-blank lines that no element accounts for.
    public var leftovers: [SourceLine]
    /// Page numbers and running headers left out of the text.
    public var furniture: [SourceLine]

    public init(
        source: SourceInfo, header: DocumentHeader, preamble: [Paragraph], sections: [Section],
        closing: Closing?, tasks: [PlanTask], targets: [Target], responsibilities: [Responsibility] = [],
        warnings: [Diagnostic], leftovers: [SourceLine], furniture: [SourceLine]
    ) {
        self.init(source: source, header: header, preamble: preamble, store: SectionStore(sections: sections),
                  closing: closing, tasks: tasks, targets: targets, responsibilities: responsibilities,
                  warnings: warnings, leftovers: leftovers, furniture: furniture)
    }

    init(
        source: SourceInfo, header: DocumentHeader, preamble: [Paragraph], store: SectionStore,
        closing: Closing?, tasks: [PlanTask], targets: [Target], responsibilities: [Responsibility],
        warnings: [Diagnostic], leftovers: [SourceLine], furniture: [SourceLine]
    ) {
        self.source = source
        self.header = header
        self.preamble = preamble
        self.store = store
        self.closing = closing
        self.tasks = tasks
        self.targets = targets
        self.responsibilities = responsibilities
        self.warnings = warnings
        self.leftovers = leftovers
        self.furniture = furniture
    }
}

extension PlanDocument {
    /// Every table of the document, in document order (appendix tables and tables in sections).
    /// (Made on each call from the parser's compact rows; ``tableCount`` only counts.)
    public var tables: [Table] { store.tableViews.map(\.table) }

    /// How many tables the document has.
    public var tableCount: Int { store.tables.count }

    /// The tables as read-only views: rows and cells made on demand.
    var tableViews: [TableView] { store.tableViews }
}

/// Where the document came from.
public struct SourceInfo: Sendable, Equatable {
    /// The path given on the command line (`-` for standard input).
    public var path: String
    /// The format it was read as.
    public var format: InputFormat
    /// Number of lines in the input (or in its canonical text).
    public var lines: Int

    public init(path: String, format: InputFormat = .text, lines: Int) {
        self.path = path
        self.format = format
        self.lines = lines
    }
}

/// One line of input reported as it was (after decoding and markdown clean-up).
public struct SourceLine: Sendable, Equatable {
    public var line: Int
    public var text: String

    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}

/// A run of text lines joined into one paragraph (wrapped and page-broken pieces joined with one space).
public struct Paragraph: Sendable, Equatable {
    public var line: Int
    public var endLine: Int
    public var text: String

    public init(line: Int, endLine: Int, text: String) {
        self.line = line
        self.endLine = endLine
        self.text = text
    }
}

/// A problem found while parsing; parsing goes on.
public struct Diagnostic: Sendable, Equatable {
    public var line: Int
    /// A stable kebab-case code, e.g. `numbering-repeated`, `time-unknown`.
    public var code: String
    /// A lower-case English sentence without a trailing period.
    public var message: String

    public init(line: Int, code: String, message: String) {
        self.line = line
        self.code = code
        self.message = message
    }
}

extension Diagnostic {
    /// `list` by line; diagnostics of one line keep the order they were found in.
    static func inLineOrder(_ list: [Diagnostic]) -> [Diagnostic] {
        list.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}
