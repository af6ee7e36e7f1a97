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
    /// (standard input, a pipe, a device), which is read only one byte past the limit.
    case tooLarge(byteCount: Int?, limit: Int)

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
        }
    }
}
