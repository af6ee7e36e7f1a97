#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The recovery stage, between decoding and tokenizing: text that a converter made from a Word
/// or PDF file is put back into the form the parser reads.
///
/// Converters print tables in their own shapes — pandoc's grid and multiline tables, HTML
/// `<table>` inside markdown, antiword's `|…|` grids, the aligned columns of `pdftotext -layout`
/// — and put a letterhead's or closing's two columns side by side on one line. Each shape has
/// its own file here; each recognizes its lines cheaply and rewrites them: a table as one
/// tab-separated line per row (``LineRole/rowStart``) plus ``LineRole/cellWrap`` and
/// ``LineRole/cellParagraph`` lines for the rest of its cells, a letterhead or closing as one
/// line per cell paragraph, left column first. Every emitted line reports the input line it came
/// from (``DecodedSource/lineNumbers``); lines that only drew the table (borders, tags) are
/// reported as furniture (``DecodedSource/droppedLines``).
///
/// Text that matches no shape passes untouched: one scan of the bytes decides.
enum ConvertedTextRecovery {
    /// - Complexity: O(n) in the size of the text; clean text costs one scan and no copy.
    static func recover(_ decoded: consuming DecodedSource) -> DecodedSource {
        var lineCount = 0
        var shapes = ShapeScan.scan(decoded.bytes, lines: &lineCount)
        guard shapes.any else { return decoded }
        // A dash rule starts a pandoc table only together with a column rule (a line of two dash
        // runs or more, `-----  ----`). Without one no shape can change a line (`-------` under a
        // letterhead is common): the text leaves as the line copy below would leave it.
        if shapes.contains(.dashRule), !shapes.contains(.columnRule) { shapes.remove(.dashRule) }
        shapes.remove(.columnRule)
        guard shapes.any else { return RecoveredText.unchanged(decoded, lines: lineCount) }
        let lines = TextLines(decoded)
        var out = RecoveredText(capacity: decoded.bytes.count + decoded.bytes.count / 8, lines: lines.count + lines.count / 8, source: lines)
        if shapes.contains(.html), HTMLDocument.isPage(lines) {
            HTMLDocument.rewrite(lines, into: &out)
            return out.finish(replacing: decoded)
        }
        let pieces = LayoutTable.PieceCache(lines)
        let layout = shapes.contains(.layout) ? LayoutTable.regions(in: lines, cache: pieces) : []
        // Column blocks never reach into a layout table.
        let columns = (shapes.contains(.layout) ? ColumnSplit.blocks(in: lines) : []).compactMap { block -> ColumnSplit.Block? in
            var b = block
            if let table = layout.first(where: { $0.lowerBound >= b.lines.lowerBound && $0.lowerBound < b.lines.upperBound }) {
                b.lines = b.lines.lowerBound..<table.lowerBound
            }
            return b.lines.isEmpty || layout.contains(where: { $0.contains(b.lines.lowerBound) }) ? nil : b
        }
        var layoutIndex = 0
        var columnIndex = 0
        var i = 0
        while i < lines.count {
            // pandoc, HTML and antiword tables first: their lines can look like layout text.
            let first = lines.firstByte(i)
            if first == UInt8(ascii: "+"), shapes.contains(.grid), let end = PandocTable.rewriteGrid(lines, at: i, into: &out) {
                i = end
                continue
            }
            if shapes.contains(.dashRule), first == UInt8(ascii: "-") || PandocTable.isSimpleHeader(lines, i),
                let end = PandocTable.rewriteMultiline(lines, at: i, into: &out)
            {
                i = end
                continue
            }
            if first == UInt8(ascii: "<"), shapes.contains(.html), let end = HTMLTable.rewrite(lines, at: i, into: &out) {
                i = end
                continue
            }
            if first == UInt8(ascii: "|"), shapes.contains(.pipeGrid), let end = AntiwordGrid.rewrite(lines, at: i, into: &out) {
                i = end
                continue
            }
            if first == UInt8(ascii: "S") || first == UInt8(ascii: "T"), shapes.contains(.cellLines),
                let end = CellLineTable.rewrite(lines, at: i, into: &out)
            {
                i = end
                continue
            }
            while layoutIndex < layout.count, layout[layoutIndex].lowerBound < i { layoutIndex += 1 }
            while columnIndex < columns.count, columns[columnIndex].lines.lowerBound < i { columnIndex += 1 }
            if layoutIndex < layout.count, layout[layoutIndex].lowerBound == i {
                LayoutTable.rewrite(lines, region: layout[layoutIndex], cache: pieces, into: &out)
                i = layout[layoutIndex].upperBound
                layoutIndex += 1
                continue
            }
            if columnIndex < columns.count, columns[columnIndex].lines.lowerBound == i {
                ColumnSplit.rewrite(lines, block: columns[columnIndex], into: &out)
                i = columns[columnIndex].lines.upperBound
                columnIndex += 1
                continue
            }
            if shapes.contains(.markdown) {
                MarkdownEscapes.copy(lines, line: i, into: &out)
            } else {
                out.copy(lines, line: i)
            }
            i += 1
        }
        let result = out.finish(replacing: decoded)
        return result
    }
}


/// What one cheap pass over the text saw: which shapes are worth looking for.
struct ShapeScan: OptionSet {
    let rawValue: UInt8

    /// A line starting with `+-` or `+=` (a pandoc grid table's border).
    static let grid = ShapeScan(rawValue: 1)
    /// A line of dashes and spaces (a pandoc multiline or simple table's rule).
    static let dashRule = ShapeScan(rawValue: 2)
    /// A line starting with `<` (HTML).
    static let html = ShapeScan(rawValue: 4)
    /// A line starting with `|` followed by text (antiword's grids).
    static let pipeGrid = ShapeScan(rawValue: 8)
    /// Several lines with runs of spaces between texts (`pdftotext -layout` columns).
    static let layout = ShapeScan(rawValue: 16)
    /// Markdown left by pandoc: `\` at a line's end, `--` as a dash, `[…]{.underline}`, `^x^`.
    static let markdown = ShapeScan(rawValue: 32)
    /// A line that may be a column rule: only dashes, colons and spaces (and combining marks),
    /// with two groups of dashes or colons (a superset of the rules with two dash runs or more
    /// that pandoc's multiline and simple tables need). Not a shape by itself.
    static let columnRule = ShapeScan(rawValue: 64)
    /// `STT` alone on its line: a table's header printed one cell per line (LibreOffice "Save
    /// as Text", docx2txt).
    static let cellLines = ShapeScan(rawValue: 128)

    var any: Bool { rawValue != 0 }

    /// Which shapes `bytes` may hold; `lines` is set to its number of lines (as ``TextLines``
    /// counts them: a last line without a line break counts).
    /// - Complexity: O(n): one `memchr` walk over the line starts, then `memchr`/`memmem`
    ///   over the whole text for the few bytes that matter, each hit looked at once.
    static func scan(_ bytes: [UInt8], lines: inout Int) -> ShapeScan {
        var found = ShapeScan()
        var lineCount = 0
        defer { lines = lineCount }
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, !buf.isEmpty else { return }
            let n = buf.count
            func offset(_ p: UnsafeMutableRawPointer) -> Int { base.distance(to: p.assumingMemoryBound(to: UInt8.self)) }
            /// Whether the line whose first non-space byte is at `j` is only dashes, colons, spaces
            /// and combining marks (any byte 80–BF, CC, CD) with a space between two dashes or
            /// colons. Text lines that start with a dash (`- Chủ trì …`) fail at their third byte.
            func isColumnRule(_ j: Int) -> Bool {
                var k = j
                var groups = 0
                var inGroup = false
                while k < n {
                    let b = buf[k]
                    if b == UInt8(ascii: "-") || b == UInt8(ascii: ":") {
                        if !inGroup {
                            groups += 1
                            inGroup = true
                        }
                    } else if b == 0x20 {
                        inGroup = false
                    } else if b == 0x0A {
                        break
                    } else if b < 0x80 || (b >= 0xC0 && b != 0xCC && b != 0xCD) {
                        return false
                    }
                    k += 1
                }
                return groups >= 2
            }
            // Line starts (after indentation).
            var i = 0
            while i < n {
                lineCount += 1
                var j = i
                while j < n, buf[j] == 0x20 { j += 1 }
                if j < n {
                    let first = buf[j]
                    if !found.contains(.columnRule),
                        first == UInt8(ascii: "-") || first == UInt8(ascii: ":") || first == 0xCC || first == 0xCD,
                        isColumnRule(j)
                    {
                        found.insert(.columnRule)
                    }
                    switch first {
                    case UInt8(ascii: "+"):
                        if j + 1 < n, buf[j + 1] == UInt8(ascii: "-") || buf[j + 1] == UInt8(ascii: "=") { found.insert(.grid) }
                    case UInt8(ascii: "-"):
                        if j + 2 < n, buf[j + 1] == UInt8(ascii: "-"), buf[j + 2] == UInt8(ascii: "-") { found.insert(.dashRule) }
                    case UInt8(ascii: "<"):
                        found.insert(.html)
                    case UInt8(ascii: "|"):
                        if j + 1 < n, buf[j + 1] != 0x20, buf[j + 1] != UInt8(ascii: "-"), buf[j + 1] != 0x0A { found.insert(.pipeGrid) }
                    case UInt8(ascii: "S"), UInt8(ascii: "T"):
                        if CellLineTable.isNumberHeader(buf, at: j) { found.insert(.cellLines) }
                    default:
                        break
                    }
                }
                guard j < n, let nl = memchr(base + j, 0x0A, n - j) else { break }
                i = offset(nl) + 1
            }
            // Each hit of `byte` (or of `pattern`), in order.
            func hits(_ byte: UInt8, _ body: (Int) -> Bool) {
                var k = 0
                while k < n, let p = memchr(base + k, Int32(byte), n - k) {
                    let at = offset(p)
                    if body(at) { return }
                    k = at + 1
                }
            }
            func hits(run byte: UInt8, _ count: Int, from start: Int = 0, _ body: (Int) -> Int?) {
                var k = start
                while k < n, let at = ByteSearch.findRun(of: byte, count: count, in: buf, from: k) {
                    guard let next = body(at) else { return }
                    k = max(next, at + 1)
                }
            }
            func isDashNeighbour(_ b: UInt8) -> Bool {
                b == 0x20 || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "I") || b == UInt8(ascii: "V") || b == UInt8(ascii: "X")
            }
            // Markdown that the tokenizer does not strip itself (see MarkdownEscapes).
            hits(UInt8(ascii: "\\")) { at in
                let next = at + 1 < n ? buf[at + 1] : 0x0A
                if next == 0x0A || next == 0x20 { found.insert(.markdown) }
                return found.contains(.markdown)
            }
            if !found.contains(.markdown) {
                hits(UInt8(ascii: "^")) { at in
                    let next = at + 1 < n ? buf[at + 1] : 0x0A
                    if next == UInt8(ascii: "("), at > 0 { found.insert(.markdown) }
                    if at > 0, buf[at - 1] == UInt8(ascii: "[") { found.insert(.markdown) }
                    if next != UInt8(ascii: "{"), next > 0x20 {
                        var k = at + 2
                        while k < min(n, at + 26), buf[k] > 0x20, buf[k] != UInt8(ascii: "^") { k += 1 }
                        if k < n, buf[k] == UInt8(ascii: "^") { found.insert(.markdown) }
                    }
                    return found.contains(.markdown)
                }
            }
            if !found.contains(.markdown) {
                hits(UInt8(ascii: "]")) { at in
                    if at + 1 < n, buf[at + 1] == UInt8(ascii: "{") || buf[at + 1] == UInt8(ascii: "(") { found.insert(.markdown) }
                    return found.contains(.markdown)
                }
            }
            // A dash pair (`--` between neighbours, markdown) and a wide gap (three spaces after
            // text on the same line, not indentation: layout): each run is judged at its start.
            func isMarkdownDashes(_ at: Int) -> (found: Bool, end: Int) {
                var e = at
                while e < n, buf[e] == UInt8(ascii: "-") { e += 1 }
                return (e - at <= 3 && at > 0 && isDashNeighbour(buf[at - 1]) && e < n && isDashNeighbour(buf[e]), e)
            }
            func isWideGap(_ at: Int) -> (found: Bool, end: Int) {
                var e = at
                while e < n, buf[e] == 0x20 { e += 1 }
                return (e < n && buf[e] != 0x0A && at > 0 && buf[at - 1] != 0x0A, e)
            }
            // Both kinds in one read of the text until one is seen, then the other alone from there
            // (the runs before it were judged).
            var resume = 0
            if !found.contains(.markdown) {
                var k = 0
                while k < n, let at = ByteSearch.findPairOrTriple(pair: UInt8(ascii: "-"), triple: 0x20, in: buf, from: k) {
                    let (hit, end) = buf[at] == 0x20 ? isWideGap(at) : isMarkdownDashes(at)
                    if hit {
                        found.insert(buf[at] == 0x20 ? .layout : .markdown)
                        resume = at
                        break
                    }
                    k = max(end, at + 1)
                }
                if !found.contains(.markdown), !found.contains(.layout) { return }
            }
            if !found.contains(.markdown) {
                hits(run: UInt8(ascii: "-"), 2, from: resume) { at in
                    let (hit, end) = isMarkdownDashes(at)
                    if hit {
                        found.insert(.markdown)
                        return nil
                    }
                    return end
                }
            }
            if !found.contains(.layout) {
                hits(run: 0x20, 3, from: resume) { at in
                    let (hit, end) = isWideGap(at)
                    if hit {
                        found.insert(.layout)
                        return nil
                    }
                    return end
                }
            }
        }
        return found
    }
}

/// The decoded text as lines: byte ranges, roles and reported numbers.
struct TextLines {
    let bytes: [UInt8]
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    /// Each line's first byte that is not a space (its end for a blank line).
    private(set) var firsts: [Int] = []
    let roles: [LineRole]
    let numbers: [Int32]
    /// Lines that start a page (a form feed was on them), sorted.
    let pageStarts: [Int32]

    init(_ decoded: borrowing DecodedSource) {
        bytes = decoded.bytes
        roles = decoded.lineRoles
        numbers = decoded.lineNumbers
        pageStarts = decoded.pageStarts
        starts.reserveCapacity(bytes.count / 40 + 1)
        ends.reserveCapacity(bytes.count / 40 + 1)
        firsts.reserveCapacity(bytes.count / 40 + 1)
        var start = 0
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            while start < buf.count, let p = memchr(base + start, 0x0A, buf.count - start) {
                let k = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                starts.append(start)
                ends.append(k)
                var f = start
                while f < k, buf[f] == 0x20 { f += 1 }
                firsts.append(f)
                start = k + 1
            }
            if start < buf.count {
                starts.append(start)
                ends.append(buf.count)
                var f = start
                while f < buf.count, buf[f] == 0x20 { f += 1 }
                firsts.append(f)
            }
        }
    }

    /// Builds lines from strings, for tests.
    init(_ text: String) {
        self.init(DecodedSource(bytes: Array(text.utf8), lineCount: 0, encoding: .utf8, wasNormalized: false))
    }

    var count: Int { starts.count }

    /// The reported (1-based) number of line `i`.
    func number(_ i: Int) -> Int32 { i < numbers.count ? numbers[i] : Int32(i + 1) }

    func role(_ i: Int) -> LineRole { i < roles.count ? roles[i] : .text }

    /// Whether a form feed began a page on line `i`.
    func isPageStart(_ i: Int) -> Bool {
        guard !pageStarts.isEmpty else { return false }
        let lo = pageStarts.partitionPoint { $0 < Int32(i) }
        return lo < pageStarts.count && pageStarts[lo] == Int32(i)
    }

    /// How many form feeds began a page at or before line `i`: which page the line is on.
    func pageIndex(_ i: Int) -> Int {
        pageStarts.partitionPoint { $0 <= Int32(i) }
    }

    /// The bytes of line `i`.
    func range(_ i: Int) -> Range<Int> { starts[i]..<ends[i] }

    func line(_ i: Int) -> ArraySlice<UInt8> { bytes[starts[i]..<ends[i]] }

    func string(_ i: Int) -> String { String(decoding: line(i), as: UTF8.self) }

    /// The first byte of line `i` that is not a space, or 0 for a blank line.
    func firstByte(_ i: Int) -> UInt8 {
        let k = firsts[i]
        return k < ends[i] ? bytes[k] : 0
    }

    func isBlank(_ i: Int) -> Bool { firstByte(i) == 0 }

    /// Line `i` without leading and trailing spaces.
    func trimmed(_ i: Int) -> ArraySlice<UInt8> {
        var lo = starts[i]
        var hi = ends[i]
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        return bytes[lo..<hi]
    }

    /// The byte offset of each display column of line `i` (one per scalar, combining marks
    /// joined to the letter before), then the line's end: `columns[k]` starts column `k`.
    func columns(_ i: Int) -> [Int] {
        DisplayColumns.offsets(bytes, starts[i], ends[i])
    }
}

/// Display columns of monospaced converter output: a column is a scalar (Vietnamese text is
/// NFC here, so a letter), combining marks sit in the column of the letter before them.
enum DisplayColumns {
    static func offsets(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(hi - lo + 1)
        var k = lo
        while k < hi {
            let b = bytes[k]
            if b & 0xC0 == 0x80 {
                k += 1
                continue
            }
            // U+0300–U+036F: lead byte CC, or CD with a second byte up to AF.
            if b == 0xCC || (b == 0xCD && k + 1 < hi && bytes[k + 1] <= 0xAF), !result.isEmpty {
                k += 2
                continue
            }
            result.append(k)
            k += 1
        }
        result.append(hi)
        return result
    }

    /// The display width of `bytes`.
    static func width<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        if let w = bytes.withContiguousStorageIfAvailable(width(buffer:)) { return w }
        var w = 0
        var previous: UInt8 = 0
        for b in bytes {
            if b & 0xC0 != 0x80 {
                w += 1
            } else if previous == 0xCC || previous == 0xCD {
                w -= 1  // the second byte of a combining mark: its lead byte counted
            }
            previous = b
        }
        return max(w, 0)
    }

    /// ``width(_:)`` of contiguous bytes, sixteen at a time: the bytes that start a scalar,
    /// less the second bytes of combining marks (a continuation byte after CC or CD — its lead
    /// byte was counted, and the mark takes no column), the byte-by-byte rule below in one
    /// count. Each lane counts in a byte (at most two a block) for up to 127 blocks before the
    /// lanes are summed.
    private static func width(buffer u: UnsafeBufferPointer<UInt8>) -> Int {
        let n = u.count
        guard let base = u.baseAddress, n > 0 else { return 0 }
        // The first byte alone: the rule reads the byte before each one, and before the first
        // there is none (not a mark).
        var w = u[0] & 0xC0 != 0x80 ? 1 : 0
        var i = 1
        typealias Block = SIMD16<UInt8>
        while i &+ 16 <= n {
            // Continuation bytes and marks' second bytes, counted down from zero (a match is FF).
            var lanes = Block(repeating: 0)
            let stop = min(n, i &+ 127 &* 16)
            let blocks = (stop &- i) &>> 4
            for _ in 0..<blocks {
                let raw = UnsafeRawPointer(base + i)
                let x = raw.loadUnaligned(as: Block.self)
                let before = raw.loadUnaligned(fromByteOffset: -1, as: Block.self)
                let continuation = x & Block(repeating: 0xC0) .== Block(repeating: 0x80)
                let afterMark = before & Block(repeating: 0xFE) .== Block(repeating: 0xCC)
                lanes &+= unsafeBitCast(continuation, to: Block.self)
                lanes &+= unsafeBitCast(continuation .& afterMark, to: Block.self)
                i &+= 16
            }
            // Each lane holds minus its count (modulo 256), so its count is its negation.
            w &+= blocks &* 16 &- ByteSearch.sum(of: 0 &- lanes)
        }
        // The last few bytes as the text's last sixteen, the lanes counted above left out: a
        // line's tail is not read byte by byte.
        if i < n, n >= 17 {
            let start = n &- 16
            let raw = UnsafeRawPointer(base + start)
            let x = raw.loadUnaligned(as: Block.self)
            let before = raw.loadUnaligned(fromByteOffset: -1, as: Block.self)
            let lane = Block(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
            let fresh = lane .>= Block(repeating: UInt8(truncatingIfNeeded: i &- start))
            let continuation = fresh .& (x & Block(repeating: 0xC0) .== Block(repeating: 0x80))
            let afterMark = before & Block(repeating: 0xFE) .== Block(repeating: 0xCC)
            var lanes = unsafeBitCast(continuation, to: Block.self)
            lanes &+= unsafeBitCast(continuation .& afterMark, to: Block.self)
            // At most two a lane, so the two words' bytes sum without a carry.
            let counts = unsafeBitCast(0 &- lanes, to: SIMD2<UInt64>.self)
            w &+= (n &- i) &- Int(((counts[0] &+ counts[1]) &* 0x0101_0101_0101_0101) &>> 56)
            i = n
        }
        var previous: UInt8 = u[i - 1]
        while i < n {
            let b = u[i]
            if b & 0xC0 != 0x80 {
                w += 1
            } else if previous == 0xCC || previous == 0xCD {
                w -= 1
            }
            previous = b
            i += 1
        }
        return max(w, 0)
    }
}

/// The rewritten text, line by line, with what each line is and where it came from.
///
/// While every line so far is the source's line at the same place (``copy(_:line:)`` in order),
/// no byte is written: the output is that prefix of the source. It is copied out only when a
/// line first differs; text where a shape was seen but nothing changes is never copied (a fresh
/// buffer of the text's size costs mostly the kernel's zero-filling of its pages).
struct RecoveredText {
    private(set) var bytes: [UInt8] = []
    private(set) var roles: [LineRole] = []
    private(set) var numbers: [Int32] = []
    private(set) var dropped: [SourceLine] = []
    private var hasRoles = false
    /// The source whose first ``pendingLines`` lines are the output so far (empty once written),
    /// with its lines' reported numbers and roles (kept out of ``numbers`` and ``roles`` too).
    private var source: [UInt8] = []
    private var sourceNumbers: [Int32] = []
    private var sourceRoles: [LineRole] = []
    private var pendingLines = 0
    /// Where the pending prefix ends in ``source`` (past its last line break; one past the end
    /// when the source's last line has none).
    private var pendingEnd = 0
    private var capacity = 0

    /// `capacity` bytes and `lines` lines reserved (the input's counts: the output is about
    /// as long), so the arrays are not grown by doubling and copied. With `source`, the bytes
    /// are reserved only when the output first differs from it.
    init(capacity: Int = 0, lines: Int = 0, source: TextLines? = nil) {
        if let source {
            self.source = source.bytes
            sourceNumbers = source.numbers
            sourceRoles = source.roles
        }
        self.capacity = capacity
        if self.source.isEmpty { bytes.reserveCapacity(capacity) }
        numbers.reserveCapacity(lines)
        roles.reserveCapacity(lines)
    }

    var lineCount: Int { numbers.count + (source.isEmpty ? 0 : pendingLines) }

    /// The pending lines' numbers and roles, as ``copy(_:line:)`` would have appended them.
    private mutating func appendPendingLines() {
        let p = pendingLines
        let known = min(p, sourceNumbers.count)
        numbers.append(contentsOf: sourceNumbers[0..<known])
        for k in known..<p { numbers.append(Int32(k + 1)) }
        let knownRoles = min(p, sourceRoles.count)
        roles.append(contentsOf: sourceRoles[0..<knownRoles])
        if knownRoles < p { roles.append(contentsOf: repeatElement(LineRole.text, count: p - knownRoles)) }
        if sourceRoles[0..<knownRoles].contains(where: { $0 != .text }) { hasRoles = true }
    }

    /// Writes the pending prefix of the source into ``bytes``: the output now differs.
    private mutating func writePending() {
        guard !source.isEmpty else { return }
        appendPendingLines()
        bytes.reserveCapacity(capacity)
        let end = min(pendingEnd, source.count)
        source.withUnsafeBufferPointer { b in bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<end])) }
        if pendingEnd > end { bytes.append(0x0A) }
        source = []
        sourceNumbers = []
        sourceRoles = []
    }

    /// Appends one line (without its line break).
    mutating func emit<C: Collection>(_ content: C, number: Int32, role: LineRole = .text) where C.Element == UInt8 {
        writePending()
        bytes.append(contentsOf: content)
        bytes.append(0x0A)
        numbers.append(number)
        roles.append(role)
        if role != .text { hasRoles = true }
    }

    mutating func emit(_ content: String, number: Int32, role: LineRole = .text) {
        emit(content.utf8, number: number, role: role)
    }

    /// One table line: its cells joined by tabs (tabs inside a cell become spaces).
    mutating func emitCells(_ cells: [String], number: Int32, role: LineRole) {
        var line: [UInt8] = []
        line.reserveCapacity(cells.reduce(cells.count) { $0 + $1.utf8.count })
        for (k, cell) in cells.enumerated() {
            if k > 0 { line.append(0x09) }
            let start = line.count
            line.append(contentsOf: cell.utf8)
            for i in start..<line.count where line[i] == 0x09 || line[i] == 0x0A { line[i] = 0x20 }
        }
        emit(line, number: number, role: role)
    }

    /// Line `i` as it was.
    mutating func copy(_ lines: TextLines, line i: Int) {
        if !source.isEmpty {
            if i == pendingLines {
                pendingLines += 1
                pendingEnd = lines.ends[i] + 1
                return
            }
            writePending()
        }
        let role = lines.role(i)
        numbers.append(lines.number(i))
        roles.append(role)
        if role != .text { hasRoles = true }
        // Straight from the text's buffer: no slice (and no reference counting) per line.
        lines.bytes.withUnsafeBufferPointer { b in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[lines.starts[i]..<lines.ends[i]]))
        }
        bytes.append(0x0A)
    }

    /// Line `i` only drew the table: it leaves the text and is reported as furniture.
    mutating func drop(_ lines: TextLines, line i: Int) {
        let text = lines.trimmed(i)
        if !text.isEmpty { dropped.append(SourceLine(line: Int(lines.number(i)), text: String(decoding: text, as: UTF8.self))) }
    }

    /// The decoded source as copying each of its `lineCount` lines in order (``copy(_:line:)``)
    /// and ``finish(replacing:)`` would leave it, without building ``TextLines``: every line
    /// gets its reported number, the text a last line break, the page starts go.
    static func unchanged(_ decoded: consuming DecodedSource, lines p: Int) -> DecodedSource {
        var result = decoded
        let known = min(p, result.lineNumbers.count)
        if known < p || known < result.lineNumbers.count {
            var numbers: [Int32] = []
            numbers.reserveCapacity(p)
            numbers.append(contentsOf: result.lineNumbers[0..<known])
            numbers.append(contentsOf: Int32(known + 1)..<Int32(p + 1))
            result.lineNumbers = numbers
        }
        let knownRoles = min(p, result.lineRoles.count)
        if result.lineRoles[0..<knownRoles].contains(where: { $0 != .text }) {
            if knownRoles < p || knownRoles < result.lineRoles.count {
                var roles = Array(result.lineRoles[0..<knownRoles])
                roles.append(contentsOf: repeatElement(LineRole.text, count: p - knownRoles))
                result.lineRoles = roles
            }
        } else {
            result.lineRoles = []
        }
        if result.bytes.last != 0x0A { result.bytes.append(0x0A) }  // every line ends with a line break
        result.droppedLines = result.droppedLines.sorted { $0.line < $1.line }
        result.pageStarts = []  // as ``finish(replacing:)`` leaves them
        return result
    }

    /// The decoded source with this text in place of the old one.
    consuming func finish(replacing decoded: consuming DecodedSource) -> DecodedSource {
        var result = decoded
        if !source.isEmpty, pendingEnd < source.count {
            writePending()  // lines after the prefix were left out
        }
        if source.isEmpty {
            result.bytes = bytes
        } else {
            appendPendingLines()
            if pendingEnd > source.count { result.bytes.append(0x0A) }  // every line ends with a line break
        }
        result.lineNumbers = numbers
        result.lineRoles = hasRoles ? roles : []
        result.droppedLines = (result.droppedLines + dropped).sorted { $0.line < $1.line }
        result.pageStarts = []  // they counted the old lines
        return result
    }
}
