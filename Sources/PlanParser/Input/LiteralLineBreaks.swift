/// Line breaks a web page left as literal escapes (`…ĐAN PHÚ\r\nSố: 142/TB-UBND\r\n…`): each
/// `\r\n`, `\n` or `\r` written out as a backslash and a letter becomes a line break, and every
/// new line reports the original line it came from (``DecodedSource/lineNumbers``).
///
/// A file needs at least two such escapes before any is touched: one `\n` in a path is text.
/// - Complexity: one `memchr`-driven scan for backslashes; a file without any is not copied.
enum LiteralLineBreaks {
    private static let newline: [UInt8] = [0x0A]
    private static let backslash: [UInt8] = [0x5C]

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
        // Runs between escapes are copied whole; only their line ends are looked at, for the
        // line map.
        func copy(_ range: Range<Int>) {
            out.append(contentsOf: bytes[range])
            var k = range.lowerBound
            while let nl = ByteSearch.find(bytes, Self.newline, from: k), nl < range.upperBound {
                line += 1
                numbers.append(number(line))
                roles.append(source.role(ofLine: line))
                k = nl + 1
            }
        }
        var runStart = 0
        var i = 0
        while let hit = ByteSearch.find(bytes, Self.backslash, from: i) {
            guard let length = escapeLength(bytes, hit) else {
                i = hit + 1
                continue
            }
            copy(runStart..<hit)
            out.append(0x0A)
            numbers.append(number(line))
            roles.append(.text)
            i = hit + length
            runStart = i
        }
        copy(runStart..<bytes.count)
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
            guard let hit = ByteSearch.find(bytes, Self.backslash, from: i) else { break }
            if escapeLength(bytes, hit) != nil { found += 1 }
            i = hit + 1
        }
        return found
    }
}
