/// Why a file could not be used at all.
///
/// Thrown only when the input is unusable; problems inside a usable document are reported
/// as diagnostics instead. Byte offsets count from 0 in the original file bytes (BOM
/// included); lines count from 1 in the original file.
public enum PlanParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing exists at `path`.
    case fileNotFound(path: String)
    /// The path exists but cannot be read: permission denied, is a directory, I/O error.
    case unreadable(path: String, reason: String)
    /// Zero bytes, or nothing but whitespace, line breaks, byte-order marks and
    /// zero-width characters.
    case empty
    /// The byte at `byteOffset` starts an ill-formed UTF-8 sequence (stray continuation
    /// byte, overlong form, surrogate, value above U+10FFFF, or cut off by the end of file).
    /// `likely` names a legacy encoding the bytes read cleanly in (Vietnamese Windows' cp1258).
    case invalidUTF8(byteOffset: Int, line: Int, likely: TextEncoding? = nil)
    /// A NUL byte at `byteOffset`. `looksLikeUTF16` is set when the NULs are spread the way
    /// ASCII text in UTF-16 spreads them, i.e. the file is probably UTF-16 without a BOM.
    case binary(byteOffset: Int, line: Int, looksLikeUTF16: Bool = false)
    /// An unpaired surrogate, or a lone byte at the end of a UTF-16 file (odd length).
    case invalidUTF16(byteOffset: Int, line: Int)
    /// The input has more than `limit` bytes: `byteCount` of them, or `nil` for a stream
    /// (standard input, a pipe, a device), which is read only one byte past the limit. For
    /// a Word document: its main part.
    case tooLarge(byteCount: Int?, limit: Int)
    /// A Word or OpenDocument file that is damaged: a broken zip archive (truncated, bad
    /// CRC-32, a zip bomb), a part that is not well-formed XML. `format` is `docx` or `odt`;
    /// `reason` names the part, e.g. `zip entry 'word/document.xml': bad CRC-32`.
    case unreadableDocument(format: String, reason: String)
    /// A file recognized by its content that is not read, with what to do about it.
    case unsupportedFormat(UnsupportedFormat)
    /// Reading the format needs an external program that is not installed (a PDF needs
    /// poppler's `pdftotext`); `install` says how to get it.
    case missingTool(name: String, install: String)
    /// The external program that reads the format failed: `reason` is what it said, its exit
    /// status, or that it ran out of time.
    case toolFailed(name: String, reason: String)
    /// A PDF without a text layer (a scanned image): there is no text to read.
    case noTextLayer

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "file not found: \(path)"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .empty:
            return "the input has no text"
        case .invalidUTF8(let offset, let line, .cp1258?):
            return "invalid UTF-8 at byte \(offset) (line \(line)); it reads as Windows-1258 (Vietnamese Windows): try --encoding cp1258"
        case .invalidUTF8(let offset, let line, _):
            return "invalid UTF-8 at byte \(offset) (line \(line))"
        case .binary(let offset, let line, let looksLikeUTF16):
            let hint = looksLikeUTF16 ? "; UTF-16 without a byte-order mark?" : ""
            return "binary data (NUL byte) at byte \(offset) (line \(line))\(hint)"
        case .invalidUTF16(let offset, let line):
            return "invalid UTF-16 at byte \(offset) (line \(line))"
        case .tooLarge(let count?, let limit):
            return "input too large: \(count) bytes (limit \(limit))"
        case .tooLarge(nil, let limit):
            return "input too large: more than \(limit) bytes (limit \(limit))"
        case .unreadableDocument(let format, let reason):
            return "not a valid .\(format): \(reason)"
        case .unsupportedFormat(let format):
            return format.description
        case .missingTool(let name, let install):
            return "reading a PDF needs \(name), which is not installed: \(install); "
                + "or give the text of `pdftotext -layout FILE.pdf` instead"
        case .toolFailed(let name, let reason):
            return "\(name) could not read the file: \(reason)"
        case .noTextLayer:
            return "the PDF has no text layer (a scanned image?): run OCR on it first (e.g. ocrmypdf), or give the .docx"
        }
    }
}

/// Files that are recognized, named and refused (see ``PlanParseError/unsupportedFormat(_:)``).
public enum UnsupportedFormat: Sendable, Equatable, CustomStringConvertible {
    /// Word 97–2003 (`.doc`, an OLE2 compound file with a `WordDocument` stream).
    case word97
    /// A password-protected Office file (OLE2 with `EncryptionInfo` and `EncryptedPackage`).
    case encrypted
    case excel97
    case powerPoint97
    /// Another OLE2 compound file.
    case compoundFile
    /// `.xlsx`, `.pptx`.
    case excel
    case powerPoint
    /// OpenDocument files other than text (`.ods`, `.odp`, …), by media type.
    case openDocument(mediaType: String)
    /// A zip archive that holds no document.
    case zipArchive

    private static let readable = "only Word documents (.docx, .odt), PDFs and plain text are read"

    public var description: String {
        switch self {
        case .word97:
            return "a Word 97–2003 document (.doc) cannot be read: save it as .docx — in Word File › Save As, "
                + "or `soffice --headless --convert-to docx FILE.doc`"
        case .encrypted:
            return "the document is password-protected (encrypted): open it in Word, remove the password "
                + "(File › Info › Protect Document › Encrypt with Password), save it and try again"
        case .excel97:
            return "an Excel 97–2003 workbook (.xls) is not a plan document: \(Self.readable)"
        case .powerPoint97:
            return "a PowerPoint 97–2003 presentation (.ppt) is not a plan document: \(Self.readable)"
        case .compoundFile:
            return "an OLE2 compound file that is not a Word document cannot be read: \(Self.readable)"
        case .excel:
            return "an Excel workbook (.xlsx) is not a plan document: \(Self.readable)"
        case .powerPoint:
            return "a PowerPoint presentation (.pptx) is not a plan document: \(Self.readable)"
        case .openDocument(let mediaType):
            let name: String
            switch mediaType {
            case let m where m.hasPrefix("application/vnd.oasis.opendocument.spreadsheet"): name = "an OpenDocument spreadsheet (.ods)"
            case let m where m.hasPrefix("application/vnd.oasis.opendocument.presentation"): name = "an OpenDocument presentation (.odp)"
            case let m where m.hasPrefix("application/vnd.oasis.opendocument.graphics"): name = "an OpenDocument drawing (.odg)"
            default: name = "an OpenDocument file (\(mediaType))"
            }
            return "\(name) is not a plan document: \(Self.readable)"
        case .zipArchive:
            return "a zip archive without a Word document (no word/document.xml) cannot be read: \(Self.readable)"
        }
    }
}
