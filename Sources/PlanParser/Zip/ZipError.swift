/// Why a zip archive, one of its entries or a raw DEFLATE stream could not be read.
///
/// Every case names what it can: the entry (`name`, empty for a raw stream that is not part
/// of an archive) and the byte offset of the problem — in the archive for directory and
/// header problems, in the entry's compressed data for DEFLATE problems.
enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No end-of-central-directory record in the last 64 KiB + 22 bytes: not a zip at all,
    /// or one whose end was cut off.
    case notAZip
    /// A record that starts at `offset` runs past the end of the archive.
    case truncated(offset: Int)
    /// The central directory (or a ZIP64 record pointing to it) at `offset` is malformed.
    case badCentralDirectory(offset: Int)
    /// The local header of the entry is missing or does not match the central directory.
    case badLocalHeader(name: String)
    /// A compression method other than 0 (stored) and 8 (deflate).
    case unsupportedMethod(name: String, method: UInt16)
    /// The entry is encrypted (general-purpose flag bit 0).
    case encrypted(name: String)
    /// The data does not have the CRC-32 the central directory records.
    case badCRC(name: String)
    /// The DEFLATE data of the entry is malformed at `offset` bytes into the compressed data.
    case badDeflate(name: String, offset: Int, reason: DeflateProblem)
    /// The entry's data is, or would become, larger than `limit` bytes.
    case tooLarge(name: String, size: Int, limit: Int)
    /// The entries declare more than `limit` bytes in all.
    case totalTooLarge(size: Int, limit: Int)
    /// The archive has more entries than allowed.
    case tooManyEntries(count: Int, limit: Int)
    /// The entry expands more than `limit` times its compressed size.
    case compressionRatio(name: String, ratio: Int, limit: Int)
    /// The data does not have the size the central directory declares.
    case sizeMismatch(name: String, declared: Int)

    /// What is wrong inside a DEFLATE stream (RFC 1951).
    enum DeflateProblem: String, Sendable {
        case badBlockType = "invalid block type 3"
        case storedLengthMismatch = "stored block length does not match its complement"
        case tooManyCodes = "too many length or distance codes"
        case repeatWithoutLength = "repeat code with no previous length"
        case codeLengthsOverrun = "code length repeat runs past the end"
        case oversubscribed = "oversubscribed code lengths"
        case incomplete = "incomplete code lengths"
        case missingEndOfBlock = "no end-of-block code"
        case badLiteralLength = "invalid literal/length code"
        case badDistance = "invalid distance code"
        case distanceTooFar = "distance too far back"
        case endOfInput = "unexpected end of compressed data"
    }

    var description: String {
        switch self {
        case .notAZip:
            return "not a zip archive (no end of central directory record)"
        case .truncated(let offset):
            return "zip archive truncated: record at byte \(offset) runs past the end"
        case .badCentralDirectory(let offset):
            return "zip archive: bad central directory at byte \(offset)"
        case .badLocalHeader(let name):
            return "zip entry '\(name)': bad local header"
        case .unsupportedMethod(let name, let method):
            return "zip entry '\(name)': unsupported compression method \(method)"
        case .encrypted(let name):
            return "zip entry '\(name)': encrypted entries are not supported"
        case .badCRC(let name):
            return "zip entry '\(name)': bad CRC-32"
        case .badDeflate(let name, let offset, let reason):
            return "\(Self.entry(name)): \(reason.rawValue) at byte \(offset) of the compressed data"
        case .tooLarge(let name, let size, let limit):
            return "\(Self.entry(name)): too large: \(size) bytes (limit \(limit))"
        case .totalTooLarge(let size, let limit):
            return "zip archive too large: entries declare \(size) bytes in all (limit \(limit))"
        case .tooManyEntries(let count, let limit):
            return "zip archive has too many entries: \(count) (limit \(limit))"
        case .compressionRatio(let name, let ratio, let limit):
            return "zip entry '\(name)': compression ratio \(ratio):1 is above the limit of \(limit):1"
        case .sizeMismatch(let name, let declared):
            return "zip entry '\(name)': data does not have the declared size of \(declared) bytes"
        }
    }

    /// How a message names the entry of a DEFLATE problem: a raw stream has no name.
    private static func entry(_ name: String) -> String {
        name.isEmpty ? "deflate data" : "zip entry '\(name)'"
    }

    /// The same error with the entry's name filled in (raw DEFLATE errors have none).
    func naming(_ name: String) -> ZipError {
        switch self {
        case .badDeflate(_, let offset, let reason): return .badDeflate(name: name, offset: offset, reason: reason)
        case .tooLarge(_, let size, let limit): return .tooLarge(name: name, size: size, limit: limit)
        default: return self
        }
    }
}
