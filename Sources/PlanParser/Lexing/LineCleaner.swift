/// Copies one raw line into token storage, removing what converters leave behind.
///
/// - Markdown remnants: `**bold**`, `*italic*`, `^{XT}` superscripts and backslash escapes
///   (`1\.`) — the seeds come from a Word → Markdown → text chain.
/// - Runs of spaces collapse to one; the line is trimmed. Tabs are kept (they separate cells).
enum LineCleaner {
    static func append(_ line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        var needsMarkdown = false
        for b in line where b == 0x2A || b == 0x5E || b == 0x5C {  // * ^ \
            needsMarkdown = true
            break
        }
        if needsMarkdown {
            appendStrippingMarkdown(line, to: &out)
        } else {
            appendCollapsingSpaces(line, to: &out)
        }
        // Trim trailing spaces (tabs stay: empty trailing cells are meaningful).
        while out.count > start, out[out.count - 1] == 0x20 { out.removeLast() }
    }

    @inline(__always)
    private static func appendCollapsingSpaces(_ line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        var i = 0
        let n = line.count
        while i < n, line[i] == 0x20 { i += 1 }
        while i < n {
            // Copy a run without double spaces in bulk.
            var j = i
            while j < n, !(line[j] == 0x20 && j + 1 < n && line[j + 1] == 0x20) { j += 1 }
            if j == n {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: line[i..<n]))
                break
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: line[i...j]))
            j += 1
            while j < n, line[j] == 0x20 { j += 1 }
            i = j
        }
        _ = start
    }

    private static func appendStrippingMarkdown(_ line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        let n = line.count
        var i = 0
        while i < n, line[i] == 0x20 { i += 1 }
        let firstNonSpace = i
        while i < n {
            let b = line[i]
            switch b {
            case 0x5C where i + 1 < n && isASCIIPunctuation(line[i + 1]):
                // `\.` `\-` `\*`: an escaped character is literal.
                out.append(line[i + 1])
                i += 2
                continue
            case 0x5E where i + 1 < n && line[i + 1] == 0x7B:
                // `^{XT}`: a superscript; drop it when it closes soon.
                var j = i + 2
                while j < n, j - i < 24, line[j] != 0x7D { j += 1 }
                if j < n, line[j] == 0x7D {
                    i = j + 1
                    continue
                }
            case 0x2A:
                if i + 1 < n, line[i + 1] == 0x2A {
                    i += 2  // `**`
                    while i < n, line[i] == 0x2A { i += 1 }
                    continue
                }
                if i == firstNonSpace, i + 1 < n, line[i + 1] == 0x20 {
                    out.append(b)  // `* item`: a bullet, not emphasis
                    i += 1
                    continue
                }
                let before: UInt8 = out.count > start ? out[out.count - 1] : 0x20
                let after: UInt8 = i + 1 < n ? line[i + 1] : 0x20
                if isBoundary(before) || isBoundary(after) {
                    i += 1  // emphasis marker
                    continue
                }
            case 0x20:
                if out.count == start || out[out.count - 1] == 0x20 {
                    i += 1
                    continue
                }
            default:
                break
            }
            out.append(b)
            i += 1
        }
    }

    /// Turns tabs into spaces inside `range` of `storage`, one for one so that token ranges
    /// stay valid. Only lines that hold a tab but are not table rows (`1.\tMục đích`,
    /// indentation) get here.
    static func untab(_ storage: inout [UInt8], _ range: Range<Int32>) {
        for i in Int(range.lowerBound)..<Int(range.upperBound) where storage[i] == 0x09 {
            storage[i] = 0x20
        }
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
