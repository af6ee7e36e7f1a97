#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Line breaks a web page left as literal escapes (`…ĐAN PHÚ\r\nSố: 142/TB-UBND\r\n…`): each
/// `\r\n`, `\n` or `\r` written out as a backslash and a letter becomes a line break, and every
/// new line reports the original line it came from (``DecodedSource/lineNumbers``).
///
/// A file needs at least two such escapes before any is touched: one `\n` in a path is text.
/// - Complexity: one `memchr`-driven scan for backslashes; a file without any is not copied.
enum LiteralLineBreaks {
    private static let backslash: [UInt8] = [0x5C]

    static func expand(_ source: inout DecodedSource) {
        guard countEscapes(source.bytes, limit: 2) >= 2 else { return }
        // The text only shrinks (an escape of 2 or 4 bytes becomes one line feed), so it is
        // rewritten in place: no second buffer of the file's size to allocate and fault in.
        var bytes = source.bytes
        source.bytes = []
        let old = source
        var numbers: [Int32] = []
        // A line per original line at least (escapes add more).
        numbers.reserveCapacity(source.lineCount + 1)
        var roles: [LineRole] = []
        let written = bytes.withUnsafeMutableBufferPointer { rewrite($0, old, &numbers, &roles) }
        bytes.removeSubrange(written...)
        source.bytes = bytes
        source.lineNumbers = numbers
        if !source.lineRoles.isEmpty { source.lineRoles = roles }
    }

    /// Rewrites `buf` in place and fills the line map; returns the length of the new text.
    private static func rewrite(_ buf: UnsafeMutableBufferPointer<UInt8>, _ source: DecodedSource,
                                _ numbers: inout [Int32], _ roles: inout [LineRole]) -> Int {
        let read = UnsafeBufferPointer(buf)
        let n = buf.count
        var line = 0  // 0-based index of the original line
        func number(_ index: Int) -> Int32 {
            index < source.lineNumbers.count ? source.lineNumbers[index] : Int32(index + 1)
        }
        // Roles are only kept when the reader gave some (`expand` drops them otherwise).
        let keepsRoles = !source.lineRoles.isEmpty
        numbers.append(number(0))
        if keepsRoles { roles.append(source.role(ofLine: 0)) }
        // Bytes before `w` are the output; everything still to read lies at or after it.
        var w = 0
        // Runs between escapes move down whole; only their line ends are looked at (before
        // the move), for the line map.
        func copy(_ range: Range<Int>) {
            // The run's line feeds are counted sixteen bytes at a time, not found one by one:
            // a line that is its own original line numbers itself, so a run of them is a range.
            let feeds = ByteSearch.count(of: 0x0A, in: read, from: range.lowerBound, to: range.upperBound)
            if line + 1 >= source.lineNumbers.count {
                numbers.append(contentsOf: Int32(line + 2)..<Int32(line + 2 + feeds))
            } else {
                for k in (line + 1)..<(line + 1 + feeds) { numbers.append(number(k)) }
            }
            if keepsRoles {
                for k in (line + 1)..<(line + 1 + feeds) { roles.append(source.role(ofLine: k)) }
            }
            line += feeds
            if w != range.lowerBound, !range.isEmpty {
                (buf.baseAddress! + w).update(from: buf.baseAddress! + range.lowerBound, count: range.count)
            }
            w += range.count
        }
        var runStart = 0
        var i = 0
        while let hit = ByteSearch.find(read, Self.backslash, from: i) {
            guard let length = escapeLength(read, hit) else {
                i = hit + 1
                continue
            }
            copy(runStart..<hit)
            buf[w] = 0x0A
            w += 1
            numbers.append(number(line))
            if keepsRoles { roles.append(.text) }
            i = hit + length
            runStart = i
        }
        copy(runStart..<n)
        return w
    }

    /// `\r\n` (4 bytes), `\n` or `\r` (2 bytes) at `i`.
    private static func escapeLength(_ bytes: [UInt8], _ i: Int) -> Int? {
        bytes.withUnsafeBufferPointer { escapeLength($0, i) }
    }

    private static func escapeLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
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
