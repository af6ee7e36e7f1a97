/// The encoding a source file was read in, as told by its byte-order mark, or a legacy
/// 8-bit encoding the caller named (`LegacyEncoding`).
///
/// Internal for now; ready to become public: the raw values are stable identifiers for
/// JSON, and `description` is the name for people.
enum SourceEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case utf8
    case utf8BOM
    case utf16LE
    case utf16BE
    case cp1258
    case tcvn3
    case vni

    init(_ legacy: LegacyEncoding) {
        switch legacy {
        case .cp1258: self = .cp1258
        case .tcvn3: self = .tcvn3
        case .vni: self = .vni
        }
    }

    /// The legacy encoding, for the three that are one.
    var legacy: LegacyEncoding? {
        switch self {
        case .cp1258: return .cp1258
        case .tcvn3: return .tcvn3
        case .vni: return .vni
        case .utf8, .utf8BOM, .utf16LE, .utf16BE: return nil
        }
    }

    var description: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf8BOM: return "UTF-8 with BOM"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .cp1258: return LegacyEncoding.cp1258.description
        case .tcvn3: return LegacyEncoding.tcvn3.description
        case .vni: return LegacyEncoding.vni.description
        }
    }

    /// The encoding announced by the first bytes of `data`; `.utf8` when there is no BOM.
    ///
    /// `FF FE` and `FE FF` can never start valid UTF-8, so reading them as UTF-16 marks
    /// cannot misread a UTF-8 file.
    init(sniffing data: [UInt8]) {
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
            self = .utf8BOM
        } else if data.count >= 2, data[0] == 0xFF, data[1] == 0xFE {
            self = .utf16LE
        } else if data.count >= 2, data[0] == 0xFE, data[1] == 0xFF {
            self = .utf16BE
        } else {
            self = .utf8
        }
    }

    /// How many bytes the byte-order mark takes at the start of the file.
    var bomLength: Int {
        switch self {
        case .utf8, .cp1258, .tcvn3, .vni: return 0
        case .utf8BOM: return 3
        case .utf16LE, .utf16BE: return 2
        }
    }

    /// The 1-based line of the original file on which the code unit at `byteOffset` lies.
    ///
    /// LF, CRLF and lone CR each end a line. Only used to report errors, so it rescans
    /// from the start rather than making the hot path count lines.
    func line(atByteOffset byteOffset: Int, in data: [UInt8]) -> Int {
        let width = self == .utf16LE || self == .utf16BE ? 2 : 1
        func unit(_ k: Int) -> UInt16 {
            switch self {
            case .utf8, .utf8BOM, .cp1258, .tcvn3, .vni: return UInt16(data[k])
            case .utf16LE: return UInt16(data[k]) | UInt16(data[k + 1]) << 8
            case .utf16BE: return UInt16(data[k]) << 8 | UInt16(data[k + 1])
            }
        }
        var line = 1
        var k = bomLength
        let end = min(byteOffset, data.count - width + 1)
        while k < end {
            let u = unit(k)
            let next = k + width
            if u == 0x0A || (u == 0x0D && (next + width > data.count || unit(next) != 0x0A)) {
                line += 1
            }
            k = next
        }
        return line
    }
}
