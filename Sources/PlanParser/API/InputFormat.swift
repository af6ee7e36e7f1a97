/// A file format the parser reads: plain text, and the formats whose readers turn a file into
/// text lines (Word, OpenDocument, PDF).
public struct InputFormat: Sendable, Hashable, CustomStringConvertible {
    /// The name in `source.format`: `text`, `docx`, …
    public let name: String
    /// File-name extensions (without the dot) a folder walk picks up for this format.
    public let extensions: [String]
    /// One line for `--help`.
    public let summary: String

    public init(name: String, extensions: [String], summary: String) {
        self.name = name
        self.extensions = extensions
        self.summary = summary
    }

    public var description: String { name }

    /// Every readable format (see `Input/DocumentReaders.swift`).
    public static var all: [InputFormat] { DocumentReaders.all.map { $0.format } }

    /// Plain text: UTF-8 (with or without BOM) or UTF-16 with BOM. Web pages saved as `.html`
    /// are text too: the recovery stage reads their markup, so a folder walk picks them up.
    public static let text = InputFormat(
        name: "text", extensions: ["txt", "html", "htm"],
        summary: "plain text: UTF-8 (with or without BOM), UTF-16 with BOM; web pages saved as .html")
}

/// The character encoding of a plain-text input.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 (with or without BOM) or UTF-16 with BOM, told apart by the bytes.
    case automatic = "auto"
    /// Windows-1258: Vietnamese Windows' code page, tone marks written after the letter.
    case cp1258
    /// TCVN3 (ABC), the encoding of the `.Vn…` fonts.
    case tcvn3
    /// VNI-Windows, the encoding of the `VNI-…` fonts.
    case vni
}

/// How to read an input.
public struct ParseOptions: Sendable {
    /// Inputs larger than this many bytes are refused (see ``PlanDocument/defaultMaxBytes``).
    public var maxBytes: Int
    /// The encoding of plain text; formats that say their own encoding (Word) ignore it.
    public var encoding: TextEncoding = .automatic
    /// Called after each parsing stage with its name and duration in seconds (a profile);
    /// `nil`, the default, costs nothing.
    public var stageTimer: (@Sendable (_ stage: String, _ seconds: Double) -> Void)?
    /// Threads one document's parse may use. A large document with several top-level parts
    /// (many plans in one file) has its parts' tasks extracted side by side; the result is the
    /// same, byte for byte, whatever the number. 1, the default, parses on the calling thread
    /// only.
    public var threads: Int

    public init(maxBytes: Int = PlanDocument.defaultMaxBytes, encoding: TextEncoding = .automatic,
                stageTimer: (@Sendable (_ stage: String, _ seconds: Double) -> Void)? = nil, threads: Int = 1) {
        self.maxBytes = maxBytes
        self.encoding = encoding
        self.stageTimer = stageTimer
        self.threads = threads
    }
}
