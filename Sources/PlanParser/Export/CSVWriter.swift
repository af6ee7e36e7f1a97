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

    /// A field from its UTF-8 bytes: quoted when it holds the delimiter, a quote, CR or LF
    /// (quotes doubled), and guarded when it starts like a formula.
    mutating func field(utf8 u: UnsafeBufferPointer<UInt8>) {
        separate()
        var risky = false
        if guardFormulas, let first = u.first {
            risky = first == 0x09 || first == 0x0D || Self.startsLikeFormula(utf8: u)
        }
        var needsQuotes = false
        var hasQuote = false
        // Eight bytes at a time past those that need nothing (most of every field); a word
        // with a candidate is looked at from its first one (the lowest flag is never a borrow).
        var i = 0
        let raw = UnsafeRawBufferPointer(u)
        while i < u.count {
            var at = i
            if i + 8 <= u.count {
                let x = SWAR.load(raw, i)
                let flags = SWAR.bytes(of: x, equalTo: delimiter) | SWAR.bytes(of: x, equalTo: UInt8(ascii: "\""))
                    | SWAR.bytes(of: x, below: 0x0E)
                if flags == 0 {
                    i += 8
                    continue
                }
                at = i + flags.trailingZeroBitCount / 8
            }
            i = at + 1
            let b = u[at]
            if b == UInt8(ascii: "\"") {
                needsQuotes = true
                hasQuote = true
                break
            }
            if b == delimiter || b == 0x0A || b == 0x0D { needsQuotes = true }
        }
        if needsQuotes { out.append(UInt8(ascii: "\"")) }
        if risky { out.append(UInt8(ascii: "'")) }
        if hasQuote {
            for b in u {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
        } else {
            out.append(u)  // nothing to double: one copy
        }
        if needsQuotes { out.append(UInt8(ascii: "\"")) }
    }
}
