/// Writes JSON straight into a byte buffer, in the order the caller gives keys.
///
/// Foundation's JSONEncoder runs near 40 MB/s and sorts or hashes keys; this writer stores
/// bytes through a raw pointer (``RawBytes``), escapes only what JSON requires (plus DEL and
/// U+2028/U+2029), and keeps the key order of the schema, so the same document always gives
/// the same bytes. Pretty output indents objects by two spaces and keeps arrays of plain values
/// on one line. A writer given a ``sink`` streams: whenever a container closes with at least
/// ``chunkSize`` bytes buffered, they go to the sink. A failed write is kept in ``failure`` (and
/// nothing more is written), for the caller to throw once the value is done.
struct JSONWriter {
    private let out = RawBytes()
    let pretty: Bool
    /// Where full chunks go while writing; `nil` to collect everything in ``bytes``.
    var sink: OutputSink?
    /// The first write error of the sink.
    private(set) var failure: OutputError?
    private var depth = 0
    /// Bit `d`: the container at depth `d` already holds an element (the next needs a comma).
    /// Deeper than 64 levels, the bits go on in `deepElements`.
    private var hasElement: UInt64 = 0
    private var deepElements: [Bool] = []
    private var afterKey = false
    /// Long arrays of the document (sections, tasks) are written on this many threads
    /// (``elements(_:_:)``); 1 writes everything here.
    var threads = 1

    /// Streaming callers flush about this often.
    static let chunkSize = 1 << 20

    init(pretty: Bool = true) {
        self.pretty = pretty
    }

    /// The bytes written (and not yet flushed).
    var bytes: [UInt8] { out.array }

    /// Writes what is buffered to `sink` once it holds at least `threshold` bytes, and empties
    /// the buffer (keeping its memory).
    mutating func flush(to sink: OutputSink, ifAbove threshold: Int = 0) throws(OutputError) {
        if let failure { throw failure }
        guard out.count >= threshold, !out.isEmpty else { return }
        try sink.write(out.buffer)
        out.removeAll()
    }

    /// Hands a full chunk to ``sink``; after a failure, drops what is written.
    @inline(__always)
    private mutating func stream() {
        guard out.count >= Self.chunkSize, sink != nil else { return }
        write(out.buffer)
        out.removeAll()
    }

    /// Writes `bytes` to ``sink``, keeping the first failure (after which nothing more is written).
    private mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard let sink else { return }
        do throws(OutputError) {
            try sink.write(bytes)
        } catch {
            failure = error
            self.sink = nil
        }
    }

    /// Appends `n` bytes that need no escaping. A run of a chunk or more (a paragraph of tens
    /// of megabytes) goes to the sink as it is, after what is buffered, instead of through a
    /// buffer grown to hold it.
    @inline(__always)
    private mutating func appendRun(_ p: UnsafePointer<UInt8>, _ n: Int) {
        guard n >= Self.chunkSize, sink != nil else { return out.append(p, n) }
        write(out.buffer)
        out.removeAll()
        write(UnsafeRawBufferPointer(start: p, count: n))
    }

    // MARK: Containers

    mutating func beginObject() {
        prepareValue()
        out.append(UInt8(ascii: "{"))
        open()
    }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() {
        prepareValue()
        out.append(UInt8(ascii: "["))
        open()
    }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The comma, the indentation and `"k": ` take one capacity check. Inlined: the key's
    /// length is then a constant, and its copy two loads and stores.
    @inline(__always)
    mutating func key(_ k: StaticString) {
        writeKey(k, reserving: 0)
        afterKey = true
    }

    /// `"k": null`, with one capacity check (most sections' `field`, most milestones' `every`).
    @inline(__always)
    mutating func keyNull(_ k: StaticString) {
        writeKey(k, reserving: 4)
        UnsafeMutableRawPointer(out.end).storeBytes(of: 0x6C6C_756E, as: UInt32.self)  // "null"
        out.extend(by: 4)
    }

    /// `"k": []`, with one capacity check and no container to open and close (most sections'
    /// `tables` and `children`).
    @inline(__always)
    mutating func keyEmptyArray(_ k: StaticString) {
        writeKey(k, reserving: 2)
        UnsafeMutableRawPointer(out.end).storeBytes(of: 0x5D5B, as: UInt16.self)  // "[]"
        out.extend(by: 2)
    }

    @inline(__always)
    private mutating func writeKey(_ k: StaticString, reserving extra: Int) {
        let n = k.utf8CodeUnitCount
        let had = markElement()
        if pretty, depth > 0 {
            newline(comma: had, reserving: n + 14 + extra)
        } else {
            out.reserve(n + 5 + extra)
            if had { out.appendUnchecked(UInt8(ascii: ",")) }
        }
        out.appendUnchecked(UInt8(ascii: "\""))
        out.appendShortUnchecked(k.utf8Start, n)
        out.appendUnchecked(UInt8(ascii: "\""))
        out.appendUnchecked(UInt8(ascii: ":"))
        if pretty { out.appendUnchecked(0x20) }
    }

    // MARK: Values

    mutating func string(_ s: String) {
        prepareValue()
        appendQuoted(s)
    }

    /// A string given as UTF-8 bytes (no `String` needed).
    mutating func string(utf8 u: UnsafeBufferPointer<UInt8>) {
        prepareValue()
        appendQuoted(u)
    }

    /// `parts` joined by `separator` (`; `, ` > `: nothing to escape) as one string, without
    /// making the joined `String`; escaping each part is escaping the whole.
    mutating func string<C: Collection>(joining parts: C, separator: StaticString, _ text: (C.Element) -> String) {
        prepareValue()
        out.append(UInt8(ascii: "\""))
        var first = true
        for p in parts {
            if !first { out.append(separator.utf8Start, separator.utf8CodeUnitCount) }
            first = false
            text(p).withUTF8Bytes { appendEscaped($0) }
        }
        out.append(UInt8(ascii: "\""))
    }

    mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    mutating func int(_ v: Int) {
        prepareValue()
        appendInt(v)
    }

    mutating func int(_ v: Int?) {
        if let v { int(v) } else { null() }
    }

    /// A decimal number rounded to `fractionDigits` places, trailing zeros dropped (`0.912`,
    /// `1`), never in exponent notation; `null` when not finite.
    mutating func number(_ v: Double, fractionDigits: Int = 3) {
        prepareValue()
        var text: [UInt8] = []
        DecimalText.append(v, fractionDigits: fractionDigits, to: &text)
        out.append(text)
    }

    /// A date as `"YYYY-MM-DD"`, or `null`.
    mutating func date(_ d: CalendarDate?) {
        guard let d else { return null() }
        prepareValue()
        if (0...9999).contains(d.year), (0...99).contains(d.month), (0...99).contains(d.day) {
            // The usual date: twelve bytes with one capacity check, no digit loops.
            let y = UInt8(truncatingIfNeeded: d.year / 100), yy = UInt8(truncatingIfNeeded: d.year % 100)
            let m = UInt8(truncatingIfNeeded: d.month), dd = UInt8(truncatingIfNeeded: d.day)
            out.reserve(12)
            out.appendUnchecked(UInt8(ascii: "\""))
            out.appendTwoDigitsUnchecked(y)
            out.appendTwoDigitsUnchecked(yy)
            out.appendUnchecked(UInt8(ascii: "-"))
            out.appendTwoDigitsUnchecked(m)
            out.appendUnchecked(UInt8(ascii: "-"))
            out.appendTwoDigitsUnchecked(dd)
            out.appendUnchecked(UInt8(ascii: "\""))
            return
        }
        out.append(UInt8(ascii: "\""))
        out.appendDecimal(UInt(clamping: d.year), minimumDigits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendDecimal(UInt(clamping: d.month), minimumDigits: 2)
        out.append(UInt8(ascii: "-"))
        out.appendDecimal(UInt(clamping: d.day), minimumDigits: 2)
        out.append(UInt8(ascii: "\""))
    }

    mutating func bool(_ v: Bool) {
        prepareValue()
        appendLiteral(v ? "true" : "false")
    }

    mutating func null() {
        prepareValue()
        appendLiteral("null")
    }

    /// An object written by `body`, or `null` when `value` is nil.
    mutating func object<T>(_ value: T?, _ body: (inout JSONWriter, T) -> Void) {
        guard let value else {
            null()
            return
        }
        beginObject()
        body(&self, value)
        endObject()
    }

    /// An array of strings on one line, even in pretty output.
    mutating func inlineArray(_ values: [String]) {
        inline(values) { $0.appendQuoted($1) }
    }

    /// The section path of a task, printed, on one line (no array of strings made).
    mutating func inlineArray(_ headings: [SectionHeading]) {
        prepareValue()
        out.append(UInt8(ascii: "["))
        // Only the printed text is read from each heading: through ``inline(_:_:)`` the whole
        // heading (three strings) would be copied, and retained, for the element closure.
        headings.withUnsafeBufferPointer { b in
            for i in b.indices {
                if i > 0 {
                    out.append(UInt8(ascii: ","))
                    if pretty { out.append(0x20) }
                }
                appendQuoted(b[i].text)
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A table row's cells on one line, copied from where the parser keeps them.
    mutating func inlineCells(_ row: RowView) {
        row.store.withReader { r in
            row.store.cells.withUnsafeBufferPointer { inlineCells(row, r, cells: $0) }
        }
    }

    /// ``inlineCells(_:)`` with the store's buffers taken once for a whole table: reading the
    /// store's arrays for each cell would retain and release them every time.
    mutating func inlineCells(_ row: RowView, _ r: SectionStore.Reader, cells: UnsafeBufferPointer<Range<Int32>>) {
        prepareValue()
        out.append(UInt8(ascii: "["))
        let first = Int(row.stored.firstCell)
        for c in 0..<row.width {
            if c > 0 {
                out.append(UInt8(ascii: ","))
                if pretty { out.append(0x20) }
            }
            appendQuoted(r.bytes(cells[first + c]))
        }
        out.append(UInt8(ascii: "]"))
    }

    /// An array of integers on one line, even in pretty output.
    mutating func inlineArray(_ values: [Int]) {
        inline(values) { $0.appendInt($1) }
    }

    private mutating func inline<T>(_ values: [T], _ element: (inout JSONWriter, T) -> Void) {
        prepareValue()
        out.append(UInt8(ascii: "["))
        // By index through the buffer: `enumerated()` copies (retains) each element.
        values.withUnsafeBufferPointer { b in
            for i in b.indices {
                if i > 0 {
                    out.append(UInt8(ascii: ","))
                    if pretty { out.append(0x20) }
                    // A long list (a task's 100,000 notes) streams like any container.
                    stream()
                }
                element(&self, b[i])
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Ends a top-level value: pretty output ends with a line feed.
    mutating func finish() {
        if pretty, depth == 0 { out.append(0x0A) }
    }

    /// Appends raw bytes (a separator between top-level values).
    mutating func raw(_ b: UInt8) {
        out.append(b)
    }

    // MARK: Elements on two threads

    /// Writes the elements of the array just opened, `element(&writer, i)` for each `i` of
    /// each batch in turn. With ``threads`` > 1 and more than one batch, the batches are
    /// written two at a time: this thread writes one while a side thread writes the next into
    /// a writer of its own, whose bytes follow this one's. Either way the bytes are the same.
    /// - Parameter batches: consecutive ranges of element positions, each worth a thread
    ///   start (tens of microseconds): about a megabyte of output.
    mutating func elements(_ batches: [Range<Int>], _ element: @escaping @Sendable (inout JSONWriter, Int) -> Void) {
        guard threads > 1, batches.count > 1 else {
            for b in batches { for i in b { element(&self, i) } }
            return
        }
        // The side thread's writer, its buffer reused from pair to pair, starts each batch
        // where this one is after a batch: inside the same array, after an element.
        let spare = SideThread.Handoff(JSONWriter(pretty: pretty))
        spare.value.depth = depth
        spare.value.deepElements = deepElements
        if depth < 64 {
            spare.value.hasElement = hasElement | 1 &<< UInt64(depth)
        } else {
            spare.value.deepElements[deepElements.count - 1] = true
        }
        SideThread.inPairs(
            batches.filter { !$0.isEmpty }, state: &self,
            side: { batch in for i in batch { element(&spare.value, i) } },
            here: { w, batch in for i in batch { element(&w, i) } },
            joined: { w in w.take(spare.value) })
    }

    /// Appends what `other` wrote and takes its state; streaming, this writer's buffer goes to
    /// the sink first and `other`'s follows it without a copy.
    private mutating func take(_ other: JSONWriter) {
        hasElement = other.hasElement
        deepElements = other.deepElements
        if sink != nil {
            write(out.buffer)
            write(other.out.buffer)
            out.removeAll()
        } else if failure == nil {
            out.append(other.out.base, other.out.count)
        }
        other.out.removeAll()
    }

    // MARK: - Internals

    @inline(__always)
    private mutating func open() {
        depth += 1
        if depth < 64 {
            hasElement &= ~(1 &<< UInt64(depth))
        } else {
            deepElements.append(false)
        }
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        let had = depth < 64 ? hasElement & (1 &<< UInt64(depth)) != 0 : deepElements.removeLast()
        depth -= 1
        if pretty, had { newline(comma: false) }
        out.append(bracket)
        stream()
    }

    /// Comma and indentation before a key or an array element.
    @inline(__always)
    private mutating func separate() {
        let had = markElement()
        if pretty, depth > 0 {
            newline(comma: had)
        } else if had {
            out.append(UInt8(ascii: ","))
        }
    }

    /// Records that the current container holds an element; returns whether it held one before.
    @inline(__always)
    private mutating func markElement() -> Bool {
        guard depth < 64 else {
            let had = deepElements[deepElements.count - 1]
            deepElements[deepElements.count - 1] = true
            return had
        }
        let bit: UInt64 = 1 &<< UInt64(depth)
        let had = hasElement & bit != 0
        hasElement |= bit
        return had
    }

    /// Inlined: it is a flag test for most values, cheaper than the call.
    @inline(__always)
    private mutating func prepareValue() {
        if afterKey {
            afterKey = false
        } else if depth > 0 {
            separate()
        }
    }

    /// An optional comma, a line feed and two spaces a level (at most 64 levels), with one
    /// capacity check (no table of spaces to read: a static would cost a `swift_once` a line).
    /// - Parameter extra: room for what follows the indentation, in the same capacity check.
    @inline(__always)
    private mutating func newline(comma: Bool, reserving extra: Int = 10) {
        let spaces = 2 * min(depth, 64)
        out.reserve(max(spaces, 32) + extra)
        if comma { out.appendUnchecked(UInt8(ascii: ",")) }
        out.appendUnchecked(0x0A)
        out.appendSpacesUnchecked(spaces)
    }

    private mutating func appendLiteral(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        out.reserve(n)
        out.appendShortUnchecked(s.utf8Start, n)
    }

    private mutating func appendInt(_ v: Int) {
        if v >= 0, v < 10 {
            out.append(UInt8(0x30 + v))
            return
        }
        if v < 0 { out.append(UInt8(ascii: "-")) }
        out.appendDecimal(v.magnitude)
    }

    /// The bytes of `v` that need a look (a byte < 0x20, `"`, `\\`, DEL or E2), 0xFF each, as two
    /// words in memory order: a dozen SSE2 instructions for sixteen bytes (`any(_:)` on the mask
    /// would be a call).
    @inline(__always)
    private static func flags(_ v: SIMD16<UInt8>) -> SIMD2<UInt64> {
        let m = (v .<= SIMD16<UInt8>(repeating: 0x1F)) .| (v .== SIMD16<UInt8>(repeating: 0x22)) .| (v .== SIMD16<UInt8>(repeating: 0x5C))
            .| (v .== SIMD16<UInt8>(repeating: 0x7F)) .| (v .== SIMD16<UInt8>(repeating: 0xE2))
        return unsafeBitCast(m, to: SIMD2<UInt64>.self)
    }

    @inline(__always)
    private static func isPlain(_ v: SIMD16<UInt8>) -> Bool {
        let f = flags(v)
        return f[0] | f[1] == 0
    }

    /// The first flagged byte of a nonzero ``flags(_:)``.
    @inline(__always)
    private static func firstFlag(_ f: SIMD2<UInt64>) -> Int {
        f[0] != 0 ? f[0].trailingZeroBitCount &>> 3 : 8 &+ f[1].trailingZeroBitCount &>> 3
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
    private static let lineSeparator: [UInt8] = Array("\\u2028".utf8)
    private static let paragraphSeparator: [UInt8] = Array("\\u2029".utf8)

    private mutating func appendQuoted(_ s: String) {
        // Native strings lend their bytes without a copy of the string (no retain).
        if s.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) == nil {
            var copy = s
            copy.withUTF8 { appendQuoted($0) }
        }
    }

    /// `u` escaped, between quotes.
    private mutating func appendQuoted(_ u: UnsafeBufferPointer<UInt8>) {
        appendEscaped(u, quoted: true)
    }

    private mutating func appendEscaped(_ u: UnsafeBufferPointer<UInt8>) {
        appendEscaped(u, quoted: false)
    }

    /// Most texts need no escaping: they are checked and copied in one pass, sixteen bytes at a
    /// time (no `memmove` call), with the quotes in the same capacity check. At the first byte
    /// that needs a look, or for a text of a chunk or more (kept out of the buffer), the rest
    /// goes through ``appendEscaped(_:from:)``.
    @inline(__always)
    private mutating func appendEscaped(_ u: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        let n = u.count
        let q = quoted ? 1 : 0
        guard n > 0, n < Self.chunkSize, let p = u.baseAddress else {
            if quoted { out.append(UInt8(ascii: "\"")) }
            appendEscaped(u, from: 0)
            if quoted { out.append(UInt8(ascii: "\"")) }
            return
        }
        let s = UnsafeRawPointer(p)
        out.reserve(n &+ 18)
        let d = UnsafeMutableRawPointer(out.end) + q
        if quoted { out.end.pointee = UInt8(ascii: "\"") }
        if n < 16 {
            // Two overlapping loads (of 8 or 4 bytes; three bytes below that) hold all the bytes.
            let lo: UInt64
            let hi: UInt64
            if n >= 8 {
                lo = s.loadUnaligned(as: UInt64.self)
                hi = s.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            } else if n >= 4 {
                lo = UInt64(s.loadUnaligned(as: UInt32.self))
                    | UInt64(s.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) &<< 32
                hi = 0x2020_2020_2020_2020
            } else {
                lo = UInt64(p[0]) | UInt64(p[n &>> 1]) &<< 8 | UInt64(p[n &- 1]) &<< 16 | 0x2020_2020_2000_0000
                hi = 0x2020_2020_2020_2020
            }
            if Self.isPlain(unsafeBitCast(SIMD2<UInt64>(lo, hi), to: SIMD16<UInt8>.self)) {
                SWAR.storeShort(lo: lo, hi: hi, from: p, count: n, to: d)
                if quoted { d.storeBytes(of: UInt8(ascii: "\""), toByteOffset: n, as: UInt8.self) }
                out.extend(by: n &+ 2 &* q)
                return
            }
            out.extend(by: q)
            appendEscaped(u, from: 0)
        } else {
            var i = 0
            while i &+ 16 <= n {
                let v = s.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                guard Self.isPlain(v) else { break }
                d.storeBytes(of: v, toByteOffset: i, as: SIMD16<UInt8>.self)
                i &+= 16
            }
            if i &+ 16 > n {
                // The last few bytes through the sixteen ending the text (stored again as they are).
                let v = s.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self)
                if Self.isPlain(v) {
                    d.storeBytes(of: v, toByteOffset: n &- 16, as: SIMD16<UInt8>.self)
                    if quoted { d.storeBytes(of: UInt8(ascii: "\""), toByteOffset: n, as: UInt8.self) }
                    out.extend(by: n &+ 2 &* q)
                    return
                }
            }
            out.extend(by: i &+ q)
            appendEscaped(u, from: i)
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
    }

    /// Copies `u` from `start`, escaping quotes, backslashes, control characters and the line
    /// separators U+2028/U+2029 (valid JSON, but they end a line inside a `<script>`); clean runs
    /// are copied in bulk.
    private mutating func appendEscaped(_ u: UnsafeBufferPointer<UInt8>, from start: Int) {
        var runStart = start
        var i = start
        let n = u.count
        let raw = UnsafeRawPointer(u.baseAddress)
        while i < n {
            if n >= 16, let raw {
                // To the next byte that needs a look, sixteen at a time; the last few through the
                // sixteen ending the text, without the flags of bytes already passed.
                while true {
                    if i &+ 16 <= n {
                        let f = Self.flags(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self))
                        if f[0] | f[1] == 0 {
                            i &+= 16
                            continue
                        }
                        i &+= Self.firstFlag(f)
                    } else if i < n {
                        var f = Self.flags(raw.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self))
                        let passed = i &+ 16 &- n
                        if passed >= 8 {
                            f[0] = 0
                            f[1] &= ~0 &<< UInt64(8 &* (passed &- 8))
                        } else {
                            f[0] &= ~0 &<< UInt64(8 &* passed)
                        }
                        i = f[0] | f[1] == 0 ? n : n &- 16 &+ Self.firstFlag(f)
                    }
                    break
                }
                guard i < n else { break }
            }
            let b = u[i]
            if b == 0xE2 {
                // U+2028 = E2 80 A8, U+2029 = E2 80 A9.
                if i + 2 < n, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 {
                    if i > runStart { appendRun(u.baseAddress! + runStart, i - runStart) }
                    out.append(u[i + 2] == 0xA8 ? Self.lineSeparator : Self.paragraphSeparator)
                    i += 3
                    runStart = i
                } else {
                    i += 1
                }
                continue
            }
            if b >= 0x20, b != 0x22, b != 0x5C, b != 0x7F {
                i += 1
                continue
            }
            if i > runStart { appendRun(u.baseAddress! + runStart, i - runStart) }
            out.append(UInt8(ascii: "\\"))
            switch b {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            default:
                out.append(UInt8(ascii: "u"))
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "0"))
                out.append(Self.hex[Int(b >> 4)])
                out.append(Self.hex[Int(b & 0xF)])
            }
            i += 1
            runStart = i
        }
        if n > runStart { appendRun(u.baseAddress! + runStart, n - runStart) }
    }
}
