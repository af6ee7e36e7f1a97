/// Where exported bytes go: a file, standard output, or a buffer in memory.
///
/// Exporters hand their bytes over in chunks as they go, so a large output never sits in
/// memory whole; a failed write stops the export with an ``OutputError``.
public struct OutputSink {
    private let handler: (UnsafeRawBufferPointer) throws(OutputError) -> Void

    /// A sink that passes every chunk to `handler`.
    public init(_ handler: @escaping (UnsafeRawBufferPointer) throws(OutputError) -> Void) {
        self.handler = handler
    }

    /// Hands `bytes` to the sink.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        guard !bytes.isEmpty else { return }
        var failure: OutputError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try handler(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Hands the bytes of `raw` to the sink.
    public func write(_ raw: UnsafeRawBufferPointer) throws(OutputError) {
        guard raw.count > 0 else { return }
        try handler(raw)
    }

    /// Hands the text's UTF-8 bytes to the sink.
    public func write(_ text: String) throws(OutputError) {
        try write(Array(text.utf8))
    }

    /// A sink that appends everything to `buffer`.
    public static func collecting(into buffer: ByteBuffer) -> OutputSink {
        OutputSink { raw in buffer.bytes.append(contentsOf: raw) }
    }
}

/// Bytes collected by ``OutputSink/collecting(into:)``.
public final class ByteBuffer {
    public var bytes: [UInt8] = []
    public init() {}
}

/// Why an output could not be written: the path (or `-` for standard output) and the
/// operating system's reason.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        path == "-" ? "cannot write standard output: \(reason)" : "cannot write '\(path)': \(reason)"
    }
}

/// Settings shared by the exporters; each format reads the ones that concern it.
public struct ExportOptions: Sendable, Equatable {
    /// JSON with indentation (off: one line per document).
    public var pretty = true
    /// Several documents go into one output (several inputs or a folder): JSON writes them as
    /// an array, units JSON as an array of `{"path", "units"}`, units CSV starts each row with
    /// a `source` column, and the text formats (outline, units) head each document with
    /// `== path ==`.
    public var collection = false
    /// Start CSV with a UTF-8 byte-order mark, so Excel reads Vietnamese correctly.
    public var byteOrderMark = false
    /// Guard CSV cells that a spreadsheet would run as a formula (see README, CSV).
    public var guardFormulas = true
    /// For `tables`: only this table (1-based); all tables when `nil`.
    public var table: Int?
    /// For `units`: list each unit's tasks.
    public var listTasks = false
    /// For `outline`: cut titles longer than this many characters.
    public var width = 80
    /// For diff text: ANSI colours.
    public var color = false
    /// For CSV: the byte between fields (`,` by default; `;` or tab for spreadsheets set up
    /// for other locales). A field holding it is quoted.
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// Threads for writing one large document (JSON and NDJSON: its sections and tasks; task
    /// CSV and tasks NDJSON: its rows — a batch at a time); the bytes are the same on any number.
    public var threads = 1

    public init() {}
}

/// What an exporter writes about its input.
public enum ExportSubject: String, Sendable, CaseIterable {
    /// The parsed documents: header, sections, tasks (`extract`).
    case documents
    /// The documents' tables as printed (`extract tables`).
    case tables
    /// Tasks led and supported per unit (`extract units`).
    case units
    /// The section tree (`extract outline`).
    case outline
    /// The changes between two plans (`extract diff`).
    case diff
}

/// Writes documents in one format, streaming: `begin`, then `add` for each document in input
/// order, then `end`.
public protocol DocumentExporter {
    mutating func begin(_ out: OutputSink) throws(OutputError)
    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError)
    mutating func end(_ out: OutputSink) throws(OutputError)
}

/// Writes a ``PlanDiff`` in one format.
public protocol DiffExporter {
    func write(_ diff: PlanDiff, _ out: OutputSink) throws(OutputError)
}

/// One output format of one subject: its name for `--format`, the file extensions that pick
/// it for `-o FILE`, a line of help, and how to make its exporter.
///
/// Every format is listed once in ``OutputFormat/all``; the CLI's `--format` values, its
/// extension map and its help are read from that table.
public struct OutputFormat: Sendable {
    public enum Maker: Sendable {
        case documents(@Sendable (ExportOptions) -> any DocumentExporter)
        case diff(@Sendable (ExportOptions) -> any DiffExporter)
    }

    /// The `--format` value: `json`, `csv`, `text`, …
    public let name: String
    public let subject: ExportSubject
    /// File-name extensions (without the dot) that choose this format for `-o FILE`.
    public let extensions: [String]
    /// One line for `--help`.
    public let summary: String
    /// Text meant for a terminal (control characters in document text are shown escaped).
    public let isTerminalText: Bool
    /// For `tables`: a file of this format is meant to hold one table (CSV), so an output
    /// folder gets one file per table, `<name>.table-<N>.<extension>`; otherwise (a workbook)
    /// one file per input holds all of its tables.
    public let oneTablePerFile: Bool
    /// Bytes that are not text (a zip: `xlsx`); a terminal is no place for them.
    public let isBinary: Bool
    public let maker: Maker

    public init(name: String, subject: ExportSubject, extensions: [String], summary: String,
                isTerminalText: Bool = false, oneTablePerFile: Bool = false, isBinary: Bool = false,
                maker: Maker) {
        self.name = name
        self.subject = subject
        self.extensions = extensions
        self.summary = summary
        self.isTerminalText = isTerminalText
        self.oneTablePerFile = oneTablePerFile
        self.isBinary = isBinary
        self.maker = maker
    }

    /// A new exporter of documents in this format (`nil` for a diff format).
    public func documentExporter(_ options: ExportOptions) -> (any DocumentExporter)? {
        if case .documents(let make) = maker { return make(options) }
        return nil
    }

    /// A new exporter of diffs in this format (`nil` for a document format).
    public func diffExporter(_ options: ExportOptions) -> (any DiffExporter)? {
        if case .diff(let make) = maker { return make(options) }
        return nil
    }

    /// The formats of `subject`, the default one first.
    public static func formats(for subject: ExportSubject) -> [OutputFormat] {
        all.filter { $0.subject == subject }
    }

    /// The format of `subject` called `name`.
    public static func named(_ name: String, for subject: ExportSubject) -> OutputFormat? {
        all.first { $0.subject == subject && $0.name == name }
    }

    /// The format of `subject` that a file name's extension asks for (`plan.xlsx`); the
    /// longest extension that fits wins (`plan.tasks.ndjson` before `plan.ndjson`).
    public static func forFile(_ path: String, subject: ExportSubject) -> OutputFormat? {
        let name = path[(path.lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex)...].lowercased()
        var best: (format: OutputFormat, length: Int)?
        for f in all where f.subject == subject {
            for ext in f.extensions where name.hasSuffix("." + ext) && ext.count > (best?.length ?? 0) {
                best = (f, ext.count)
            }
        }
        return best?.format
    }
}

extension PlanDocument {
    /// The documents written in `format` (a document format), collected in memory.
    public static func export(_ documents: [PlanDocument], as format: OutputFormat,
                              options: ExportOptions = ExportOptions()) -> [UInt8] {
        guard var exporter = format.documentExporter(options) else { return [] }
        let buffer = ByteBuffer()
        let sink = OutputSink.collecting(into: buffer)
        // A collecting sink never fails.
        try? exporter.begin(sink)
        for d in documents { try? exporter.add(d, sink) }
        try? exporter.end(sink)
        return buffer.bytes
    }
}

extension PlanDiff {
    /// The diff written in `format` (a diff format), collected in memory.
    public func export(as format: OutputFormat, options: ExportOptions = ExportOptions()) -> [UInt8] {
        guard let exporter = format.diffExporter(options) else { return [] }
        let buffer = ByteBuffer()
        try? exporter.write(self, .collecting(into: buffer))
        return buffer.bytes
    }
}
