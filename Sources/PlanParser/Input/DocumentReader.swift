/// Turns the bytes of one input format into the decoded lines the tokenizer reads: the input
/// seam. Text is one reader; Word and PDF readers are others, each one file and one line in
/// ``DocumentReaders/all``.
///
/// A reader that has no lines of its own (Word paragraphs and table cells) defines a
/// canonical text, and every line number in the output refers to it (`extract text FILE`
/// prints it). ``DecodedSource/lineRoles`` tells the parser what it knows for sure about a
/// line (a table row starts here), so it need not guess from the line's shape.
protocol DocumentReader: Sendable {
    static var format: InputFormat { get }
    /// Whether `bytes` are in this format, judged by content (magic numbers), not by name.
    static func recognizes(_ bytes: [UInt8]) -> Bool
    /// - Throws: ``PlanParseError`` when the bytes cannot be used.
    static func read(_ bytes: [UInt8], options: ParseOptions) throws(PlanParseError) -> DecodedSource
}

/// Every reader, most specific first: the first that recognizes the bytes reads them, and
/// text (which recognizes everything) comes last.
enum DocumentReaders {
    static let all: [any DocumentReader.Type] = [
        DocxReader.self,
        OdtReader.self,
        PDFReader.self,
        TextReader.self,
    ]

    /// Decodes `bytes` with the reader that recognizes them.
    /// A caller that hands `bytes` over (`consume`) lets clean text, which decodes to these
    /// very bytes, be rewritten in place (``LiteralLineBreaks``) instead of copied.
    static func read(_ bytes: consuming [UInt8], options: ParseOptions) throws(PlanParseError) -> DecodedSource {
        guard bytes.count <= options.maxBytes else {
            throw .tooLarge(byteCount: bytes.count, limit: options.maxBytes)
        }
        var decoded: DecodedSource
        if let reader = all.first(where: { $0.recognizes(bytes) }) {
            decoded = try reader.read(bytes, options: options)
        } else {
            decoded = try TextReader.read(bytes, options: options)
        }
        _ = consume bytes
        LiteralLineBreaks.expand(&decoded)
        return decoded
    }
}

extension DocumentReaders {
    /// A file named like a binary format whose bytes are not that format (a damaged download,
    /// a renamed file) is read as text and refused as "invalid UTF-8 at byte 0": say instead
    /// what it was meant to be and is not. Other errors pass through.
    static func naming(_ error: PlanParseError, path: String) -> PlanParseError {
        switch error {
        case .invalidUTF8, .binary, .invalidUTF16: break
        default: return error
        }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return error }
        let ext = path[path.index(after: dot)...].lowercased()
        guard let reader = all.first(where: { $0.format != InputFormat.text && $0.format.extensions.contains(ext) }) else {
            return error
        }
        let expected = reader.format.name == "pdf" ? "a PDF (no %PDF- header)" : "a zip archive"
        return .unreadableDocument(format: ext, reason: "the file is not \(expected): it is damaged, or another kind of file renamed to .\(ext)")
    }
}

/// Plain text files: the bytes are the text (see ``SourceDecoder``).
enum TextReader: DocumentReader {
    static let format = InputFormat.text

    static func recognizes(_ bytes: [UInt8]) -> Bool { true }

    static func read(_ bytes: [UInt8], options: ParseOptions) throws(PlanParseError) -> DecodedSource {
        switch options.encoding {
        case .automatic: return try SourceDecoder.decode(bytes, limit: options.maxBytes)
        case .cp1258: return try SourceDecoder.decode(bytes, legacy: .cp1258, limit: options.maxBytes)
        case .tcvn3: return try SourceDecoder.decode(bytes, legacy: .tcvn3, limit: options.maxBytes)
        case .vni: return try SourceDecoder.decode(bytes, legacy: .vni, limit: options.maxBytes)
        }
    }
}
