/// Writes RFC 4180 CSV: fields quoted when they hold the delimiter (a comma unless told
/// otherwise), a quote, CR or LF; CRLF line ends.
///
/// Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, which
/// is both wrong for our text and an injection risk; unless `guardFormulas` is off, such a cell
/// gets a leading `'` (shown by spreadsheets as plain text). Programs differ in what they skip
/// before looking (spaces, quotes, invisible format characters) and in which signs they take
/// (full-width `＝＋－＠`, the minus sign U+2212), so the guard looks past all of those and takes
/// all of them.
///
/// The buffer is a ``RawBytes`` object, as in ``JSONWriter``: a copy of a writer shares it, so a
/// writer is made for one output and not copied.
struct CSVWriter {
    private let out = RawBytes()
    /// A joined field is put together here before it is quoted (its quoting depends on all of it).
    private let scratch = RawBytes(capacity: 256)
    let guardFormulas: Bool
    let delimiter: UInt8
    /// The row being written has a field (the next needs a delimiter).
    private var inRow = false

    init(bom: Bool = false, guardFormulas: Bool = true, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.guardFormulas = guardFormulas
        self.delimiter = delimiter
        if bom { out.append([0xEF, 0xBB, 0xBF]) }
    }

    /// The bytes written (and not yet flushed).
    var bytes: [UInt8] { out.array }

    /// Empties the buffer after its bytes were written out (keeps the capacity).
    mutating func removeAll() {
        out.removeAll()
    }

    /// Writes what is buffered to `sink` once it holds at least `threshold` bytes.
    mutating func flush(to sink: OutputSink, ifAbove threshold: Int = 0) throws(OutputError) {
        guard out.count >= threshold, !out.isEmpty else { return }
        try sink.write(out.buffer)
        out.removeAll()
    }

    /// An empty line (between two tables in one output).
    mutating func lineBreak() {
        out.append(0x0D)
        out.append(0x0A)
    }

    mutating func row(_ fields: [String]) {
        for f in fields { field(f) }
        endRow()
    }

    // MARK: Fields one at a time

    mutating func field(_ value: String) {
        value.withUTF8Bytes { field(utf8: $0) }
    }

    /// `parts` joined by `separator` (`; `, ` > `), quoted and guarded as one field, without
    /// making the joined `String`.
    mutating func field<C: Collection>(joining parts: C, separator: StaticString, _ text: (C.Element) -> String) {
        scratch.removeAll()
        var first = true
        for p in parts {
            if !first { scratch.append(separator.utf8Start, separator.utf8CodeUnitCount) }
            first = false
            text(p).withUTF8Bytes { scratch.append($0) }
        }
        field(utf8: UnsafeBufferPointer(start: scratch.base, count: scratch.count))
    }

    /// ``field(joining:separator:_:)`` on parts read in place (`for p in array` would copy,
    /// retaining, each); one part is written straight from its bytes.
    mutating func field<E>(
        joiningIn parts: UnsafeBufferPointer<E>, separator: StaticString, _ text: (UnsafePointer<E>) -> String
    ) {
        guard let base = parts.baseAddress, parts.count > 0 else { return separate() }
        if parts.count == 1 { return text(base).withUTF8Bytes { field(utf8: $0) } }
        scratch.removeAll()
        for k in 0..<parts.count {
            if k > 0 { scratch.append(separator.utf8Start, separator.utf8CodeUnitCount) }
            text(base + k).withUTF8Bytes { scratch.append($0) }
        }
        field(utf8: UnsafeBufferPointer(start: scratch.base, count: scratch.count))
    }

    /// A whole number, as `String(value)` writes it.
    mutating func field(_ value: Int) {
        separate()
        if value < 0 { out.append(UInt8(ascii: "-")) }
        out.appendDecimal(value.magnitude)
    }

    /// A date as `YYYY-MM-DD` (``CalendarDate/iso``); an empty field for `nil`.
    mutating func field(_ date: CalendarDate?) {
        guard let date else { return field(utf8: UnsafeBufferPointer(start: nil, count: 0)) }
        guard date.year >= 0, date.month >= 0, date.day >= 0 else { return field(date.iso) }
        separate()
        if date.year < 10000, date.month < 100, date.day < 100 {
            // Every real date: ten bytes in one capacity check, two digits a store.
            out.reserve(10)
            out.appendTwoDigitsUnchecked(UInt8(date.year / 100))
            out.appendTwoDigitsUnchecked(UInt8(date.year % 100))
            out.appendUnchecked(UInt8(ascii: "-"))
            out.appendTwoDigitsUnchecked(UInt8(date.month))
            out.appendUnchecked(UInt8(ascii: "-"))
            out.appendTwoDigitsUnchecked(UInt8(date.day))
            return
        }
        out.appendDecimal(UInt(date.year), minimumDigits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendDecimal(UInt(date.month), minimumDigits: 2)
        out.append(UInt8(ascii: "-"))
        out.appendDecimal(UInt(date.day), minimumDigits: 2)
    }

    /// Ends the row (CRLF).
    mutating func endRow() {
        out.append(0x0D)
        out.append(0x0A)
        inRow = false
    }

    private mutating func separate() {
        if inRow { out.append(delimiter) }
        inRow = true
    }

    /// Whether `value`, after leading spaces, quotes and format characters, starts with a sign
    /// a spreadsheet reads as the start of a formula.
    static func startsLikeFormula(_ value: String) -> Bool {
        value.withUTF8Bytes { startsLikeFormula(utf8: $0) }
    }

    /// ``startsLikeFormula(_:)`` on the UTF-8 bytes of a string.
    static func startsLikeFormula(utf8 u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < u.count {
            // One scalar of valid UTF-8.
            let lead = UInt32(u[i])
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard i + length <= u.count else { return false }
            var scalar = length == 1 ? lead : lead & (0xFF >> UInt32(length + 1))
            for k in 1..<length { scalar = scalar << 6 | UInt32(u[i + k] & 0x3F) }
            i += length
            switch scalar {
            case 0x3D, 0x2B, 0x2D, 0x40,  // = + - @
                0xFF1D, 0xFF0B, 0xFF0D, 0xFF20,  // full-width = + - @
                0x2212, 0xFE62, 0xFE63, 0xFE66:  // minus sign, small + - =
                return true
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000,  // spaces
                0x22, 0x27, 0x2018, 0x2019, 0x201C, 0x201D, 0xFF02, 0xFF07,  // quotes
                0xAD, 0x61C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF:
                // format characters: soft hyphen, marks, zero-width and bidirectional controls
                continue
            default:
                return false
            }
        }
        return false
    }

    /// Whether a field starting with `u` (not empty) gets the formula guard. Most fields start
    /// with a letter or digit, or a Vietnamese letter (lead bytes C3–D7, D9–DF, E4–EE, or E1
    /// not followed by A0: none of them starts a scalar the guard skips or takes), and are
    /// answered here without decoding.
    @inline(__always)
    private static func isRisky(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = u[0]
        if first < 0x40 {
            // Tab, LF, CR, space, `"`, `'`, `+`, `-`, `=`: anything else below `@` is plain.
            let looked: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20 | 1 << 0x22 | 1 << 0x27
                | 1 << 0x2B | 1 << 0x2D | 1 << 0x3D
            guard looked &>> UInt64(first) & 1 != 0 else { return false }
        } else if first < 0x80 {
            if first != 0x40 { return false }
        } else if (0xC3...0xD7).contains(first) || (0xD9...0xDF).contains(first) || (0xE4...0xEE).contains(first)
            || (first == 0xE1 && u.count > 1 && u[1] & 0x3F != 0x20)
        {
            return false
        }
        return first == 0x09 || first == 0x0D || startsLikeFormula(utf8: u)
    }

    /// The bytes of `v` that make a field quoted (the delimiter, `"`, CR, LF), 0xFF each, as two
    /// words (`any(_:)` on the mask would be a call).
    @inline(__always)
    private func flags(_ v: SIMD16<UInt8>) -> SIMD2<UInt64> {
        let m = (v .== SIMD16<UInt8>(repeating: delimiter)) .| (v .== SIMD16<UInt8>(repeating: 0x22))
            .| (v .== SIMD16<UInt8>(repeating: 0x0A)) .| (v .== SIMD16<UInt8>(repeating: 0x0D))
        return unsafeBitCast(m, to: SIMD2<UInt64>.self)
    }

    /// The quotes of `v`, nonzero when there is one.
    @inline(__always)
    private static func quotes(_ v: SIMD16<UInt8>) -> UInt64 {
        let m = unsafeBitCast(v .== SIMD16<UInt8>(repeating: 0x22), to: SIMD2<UInt64>.self)
        return m[0] | m[1]
    }

    /// A field from its UTF-8 bytes: quoted when it holds the delimiter, a quote, CR or LF
    /// (quotes doubled), and guarded when it starts like a formula.
    ///
    /// One pass of sixteen-byte checks says whether it needs quotes; the bytes are then copied
    /// sixteen at a time (no `memmove` call) with the delimiter, quotes and guard in the same
    /// capacity check. A field with a `"` (rare) goes through ``fieldDoublingQuotes(_:risky:)``.
    mutating func field(utf8 u: UnsafeBufferPointer<UInt8>) {
        let n = u.count
        guard n > 0, let p = u.baseAddress else { return separate() }
        let risky = guardFormulas && Self.isRisky(u)
        let s = UnsafeRawPointer(p)
        // For a short field, all its bytes in two words (overlapping, or repeated: never a byte
        // that is not in the field, as the delimiter may be any byte).
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        var quoted = false
        var hasQuote = false
        if n < 16 {
            if n >= 8 {
                lo = s.loadUnaligned(as: UInt64.self)
                hi = s.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            } else {
                let x: UInt32
                if n >= 4 {
                    x = s.loadUnaligned(as: UInt32.self)
                    lo = UInt64(x) | UInt64(s.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) &<< 32
                } else {
                    x = UInt32(p[0]) | UInt32(p[n &>> 1]) &<< 8 | UInt32(p[n &- 1]) &<< 16 | UInt32(p[0]) &<< 24
                    lo = UInt64(x) | UInt64(x) &<< 32
                }
                hi = lo
            }
            let v = unsafeBitCast(SIMD2<UInt64>(lo, hi), to: SIMD16<UInt8>.self)
            let f = flags(v)
            quoted = f[0] | f[1] != 0
            if quoted { hasQuote = Self.quotes(v) != 0 }
        } else {
            var i = 0
            var any: UInt64 = 0
            var anyQuote: UInt64 = 0
            while i &+ 16 <= n {
                let v = s.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let f = flags(v)
                any |= f[0] | f[1]
                anyQuote |= Self.quotes(v)
                i &+= 16
            }
            if i < n {
                let v = s.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self)
                let f = flags(v)
                any |= f[0] | f[1]
                anyQuote |= Self.quotes(v)
            }
            quoted = any != 0
            hasQuote = anyQuote != 0
        }
        if hasQuote {
            return fieldDoublingQuotes(u, risky: risky)
        }
        out.reserve(n &+ 20)
        var d = UnsafeMutableRawPointer(out.end)
        var extra = 0
        if inRow {
            d.storeBytes(of: delimiter, as: UInt8.self)
            extra &+= 1
        }
        inRow = true
        if quoted {
            d.storeBytes(of: UInt8(ascii: "\""), toByteOffset: extra, as: UInt8.self)
            extra &+= 1
        }
        if risky {
            d.storeBytes(of: UInt8(ascii: "'"), toByteOffset: extra, as: UInt8.self)
            extra &+= 1
        }
        d += extra
        if n < 16 {
            SWAR.storeShort(lo: lo, hi: hi, from: p, count: n, to: d)
        } else if n > 512 {
            d.copyMemory(from: s, byteCount: n)
        } else {
            var i = 0
            while i &+ 16 <= n {
                d.storeBytes(of: s.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self), toByteOffset: i, as: SIMD16<UInt8>.self)
                i &+= 16
            }
            if i < n {
                // The last few through the sixteen ending the field (some stored again).
                d.storeBytes(
                    of: s.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self), toByteOffset: n &- 16,
                    as: SIMD16<UInt8>.self)
            }
        }
        if quoted {
            d.storeBytes(of: UInt8(ascii: "\""), toByteOffset: n, as: UInt8.self)
            extra &+= 1
        }
        out.extend(by: n &+ extra)
    }

    /// A field holding a `"`: quoted, its quotes doubled.
    private mutating func fieldDoublingQuotes(_ u: UnsafeBufferPointer<UInt8>, risky: Bool) {
        separate()
        out.append(UInt8(ascii: "\""))
        if risky { out.append(UInt8(ascii: "'")) }
        for b in u {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }
}
