// TEMPORARY stub, replaced by the input branch.
import Foundation

public enum PlanParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: String)
    case empty
    case invalidUTF8(byteOffset: Int, line: Int)
    case binary(byteOffset: Int, line: Int)
    case invalidUTF16(byteOffset: Int, line: Int)
    case tooLarge(byteCount: Int, limit: Int)
    public var description: String { "\(self)" }
}

enum SourceEncoding: String, Sendable { case utf8, utf8BOM, utf16LE, utf16BE }

struct DecodedSource: Sendable {
    var bytes: [UInt8]
    var lineCount: Int
    var encoding: SourceEncoding
    var wasNormalized: Bool
}

enum SourceDecoder {
    static func decode(_ data: [UInt8], limit: Int = 256 << 20) throws(PlanParseError) -> DecodedSource {
        var out: [UInt8] = []
        var i = 0
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < data.count {
            let b = data[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < data.count, data[i + 1] == 0x0A { i += 1 }
            } else { out.append(b) }
            i += 1
        }
        let s = String(decoding: out, as: UTF8.self).precomposedStringWithCanonicalMapping
        let bytes = Array(s.utf8)
        var lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if let last = bytes.last, last != 0x0A { lines += 1 }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) { throw .empty }
        return DecodedSource(bytes: bytes, lineCount: lines, encoding: .utf8, wasNormalized: false)
    }

    static func read(path: String, limit: Int = 256 << 20) throws(PlanParseError) -> DecodedSource {
        guard let d = FileManager.default.contents(atPath: path) else { throw .fileNotFound(path: path) }
        return try decode(Array(d), limit: limit)
    }
}
