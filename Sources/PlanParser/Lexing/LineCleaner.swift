/// Cleans one raw line in place, removing what converters leave behind.
///
/// - Markdown remnants: `**bold**`, `*italic*`, `^{XT}` superscripts and backslash escapes
///   (`1\.`), left by Word → Markdown → text conversions.
/// - Runs of spaces collapse to one; the line is trimmed. Tabs are kept (they separate cells).
enum LineCleaner {
    /// What the cleaning scan noticed, so the classifier need not scan the line again.
    struct Seen {
        var hasTab = false
        var hasPipe = false
    }

    /// Cleans the line `buf[start..<end]` into `buf` at `write` (`write <= start`), in place.
    /// - Returns: the end of the cleaned line.
    /// - Complexity: one pass over the line; a clean line (the common case) is one `memmove`.

    @inline(__always)
    static func clean(_ buf: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int, into write: Int,
                      seen: inout Seen) -> Int {
        // One scan decides which path (markdown remnants, spaces to collapse or trim) and notes
        // tabs and pipes for the classifier. Only rare bytes need a closer look.
        var needsMarkdown = false
        var needsSpaces = start < end && (buf[start] == 0x20 || buf[end - 1] == 0x20)
        var previous: UInt8 = 0
        var i = start
        let base = UnsafeRawPointer(buf.baseAddress!)
        while i < end {
            // Sixteen bytes at a time while none needs a look (the standard library's SIMD
            // vectors, SSE2 compares): most of a line is single spaces and letters. A doubled
            // space is a space after the byte before, loaded one byte back; before the line's
            // first byte that is the previous line's text, which can only flag a block too many.
            if i &+ 16 <= end, i >= 1 {
                typealias Block = SIMD16<UInt8>
                let x = base.loadUnaligned(fromByteOffset: i, as: Block.self)
                let back = base.loadUnaligned(fromByteOffset: i &- 1, as: Block.self)
                let space = Block(repeating: 0x20)
                let flags = (x .< space) .| ((x .== space) .& (back .== space)) .| (x .== Block(repeating: 0x2A))
                    .| (x .== Block(repeating: 0x5E)) .| (x .== Block(repeating: 0x5C)) .| (x .== Block(repeating: 0x7C))
                // The mask as two words (each byte FF or 00): `any` is a reduction not inlined here.
                let words = unsafeBitCast(flags, to: SIMD2<UInt64>.self)
                if words[0] | words[1] == 0 {
                    i &+= 16
                    previous = buf[i &- 1]
                    continue
                }
            }
            // Eight bytes at a time while none needs a look: most words of a line hold single
            // spaces and letters only (SWAR; a flagged word is then read byte by byte).
            if i &+ 8 <= end {
                let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let spaces = SWAR.bytes(of: x, equalTo: 0x20)
                // A space after a space: within the word, or its first byte after `previous`.
                let doubled = spaces & ((spaces &<< 8) | (previous == 0x20 ? 0x80 : 0))
                let flags = SWAR.bytes(of: x, below: 0x20) | SWAR.bytes(of: x, equalTo: 0x2A)
                    | SWAR.bytes(of: x, equalTo: 0x5E) | SWAR.bytes(of: x, equalTo: 0x5C)
                    | SWAR.bytes(of: x, equalTo: 0x7C) | doubled
                if flags == 0 {
                    previous = UInt8(truncatingIfNeeded: x &>> 56)
                    i &+= 8
                    continue
                }
            }
            let stop = min(i &+ 8, end)
            while i < stop {
                let b = buf[i]
                if b <= 0x20 || b == 0x2A || b == 0x5E || b == 0x5C || b == 0x7C {
                    switch b {
                    case 0x2A, 0x5E, 0x5C: needsMarkdown = true  // * ^ \
                    case 0x7C: seen.hasPipe = true
                    case 0x09: seen.hasTab = true
                    case 0x20: if previous == 0x20 { needsSpaces = true }
                    default: break
                    }
                }
                previous = b
                i &+= 1
            }
        }
        var w: Int
        if needsMarkdown {
            w = stripMarkdown(buf, from: start, to: end, into: write)
        } else if needsSpaces {
            w = collapseSpaces(buf, from: start, to: end, into: write)
        } else {
            if write != start, end > start {
                UnsafeMutableRawPointer(buf.baseAddress! + write).copyMemory(
                    from: UnsafeRawPointer(buf.baseAddress! + start), byteCount: end - start)
            }
            w = write + (end - start)
        }
        // Trim trailing spaces (tabs stay: empty trailing cells are meaningful).
        while w > write, buf[w - 1] == 0x20 { w -= 1 }
        return w
    }

    private static func collapseSpaces(_ buf: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int, into write: Int) -> Int {
        var w = write
        var i = start
        while i < end, buf[i] == 0x20 { i += 1 }
        while i < end {
            let b = buf[i]
            i += 1
            if b == 0x20, w > write, buf[w - 1] == 0x20 { continue }
            buf[w] = b
            w += 1
        }
        return w
    }

    private static func stripMarkdown(_ buf: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int, into write: Int) -> Int {
        var w = write
        let n = end
        var i = start
        while i < n, buf[i] == 0x20 { i += 1 }
        let firstNonSpace = i
        while i < n {
            let b = buf[i]
            switch b {
            case 0x5C where i + 1 < n && isASCIIPunctuation(buf[i + 1]):
                // `\.` `\-` `\*`: an escaped character is literal.
                buf[w] = buf[i + 1]
                w += 1
                i += 2
                continue
            case 0x5E where i + 1 < n && buf[i + 1] == 0x7B:
                // `^{XT}`: a superscript; drop it when it closes soon.
                var j = i + 2
                while j < n, j - i < 24, buf[j] != 0x7D { j += 1 }
                if j < n, buf[j] == 0x7D {
                    i = j + 1
                    continue
                }
            case 0x2A:
                if i + 1 < n, buf[i + 1] == 0x2A {
                    i += 2  // `**`
                    while i < n, buf[i] == 0x2A { i += 1 }
                    continue
                }
                if i == firstNonSpace, i + 1 < n, buf[i + 1] == 0x20 {
                    buf[w] = b  // `* item`: a bullet, not emphasis
                    w += 1
                    i += 1
                    continue
                }
                let before: UInt8 = w > write ? buf[w - 1] : 0x20
                let after: UInt8 = i + 1 < n ? buf[i + 1] : 0x20
                if isBoundary(before) || isBoundary(after) {
                    i += 1  // emphasis marker
                    continue
                }
            case 0x20:
                if w == write || buf[w - 1] == 0x20 {
                    i += 1
                    continue
                }
            default:
                break
            }
            buf[w] = b
            w += 1
            i += 1
        }
        return w
    }

    @inline(__always)
    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b)
            || (0x7B...0x7E).contains(b)
    }

    @inline(__always)
    private static func isBoundary(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || (b < 0x80 && isASCIIPunctuation(b) && b != 0x2A)
    }
}
