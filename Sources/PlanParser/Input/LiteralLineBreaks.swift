/// Line breaks a web page left as literal escapes (`…ĐAN PHÚ\r\nSố: 142/TB-UBND\r\n…`): each
/// `\r\n`, `\n` or `\r` written out as a backslash and a letter becomes a line break, and every
/// new line reports the original line it came from (``DecodedSource/lineNumbers``).
///
/// A file needs at least two such escapes before any is touched: one `\n` in a path is text.
/// - Complexity: one `memchr`-driven scan for backslashes; a file without any is not copied.
enum LiteralLineBreaks {
    static func expand(_ source: inout DecodedSource) {
        let bytes = source.bytes
        guard countEscapes(bytes, limit: 2) >= 2 else { return }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var numbers: [Int32] = []
        var roles: [LineRole] = []
        var line = 0  // 0-based index of the original line
        func number(_ index: Int) -> Int32 {
            index < source.lineNumbers.count ? source.lineNumbers[index] : Int32(index + 1)
        }
        numbers.append(number(0))
        roles.append(source.role(ofLine: 0))
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                out.append(0x0A)
                line += 1
                numbers.append(number(line))
                roles.append(source.role(ofLine: line))
                i += 1
                continue
            }
            if b == 0x5C, let length = escapeLength(bytes, i) {
                out.append(0x0A)
                numbers.append(number(line))
                roles.append(.text)
                i += length
                continue
            }
            out.append(b)
            i += 1
        }
        source.bytes = out
        source.lineNumbers = numbers
        if !source.lineRoles.isEmpty { source.lineRoles = roles }
    }

    /// `\r\n` (4 bytes), `\n` or `\r` (2 bytes) at `i`.
    private static func escapeLength(_ bytes: [UInt8], _ i: Int) -> Int? {
        guard i + 1 < bytes.count else { return nil }
        let c = bytes[i + 1]
        guard c == UInt8(ascii: "r") || c == UInt8(ascii: "n") else { return nil }
        if c == UInt8(ascii: "r"), i + 3 < bytes.count, bytes[i + 2] == 0x5C, bytes[i + 3] == UInt8(ascii: "n") { return 4 }
        return 2
    }

    private static func countEscapes(_ bytes: [UInt8], limit: Int) -> Int {
        var found = 0
        var i = 0
        while i < bytes.count, found < limit {
            guard let hit = ByteSearch.find(bytes, [0x5C], from: i) else { break }
            if escapeLength(bytes, hit) != nil { found += 1 }
            i = hit + 1
        }
        return found
    }
}
