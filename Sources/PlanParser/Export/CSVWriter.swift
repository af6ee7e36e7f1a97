/// Writes RFC 4180 CSV: fields quoted when they hold the delimiter (a comma unless told
/// otherwise), a quote, CR or LF; CRLF line ends.
///
/// Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, which
/// is both wrong for our text and an injection risk; unless `guardFormulas` is off, such a cell
/// gets a leading `'` (shown by spreadsheets as plain text). Programs differ in what they skip
/// before looking (spaces, quotes, invisible format characters) and in which signs they take
/// (full-width `＝＋－＠`, the minus sign U+2212), so the guard looks past all of those and takes
/// all of them.
struct CSVWriter {
    private(set) var bytes: [UInt8] = []
    let guardFormulas: Bool
    let delimiter: UInt8

    init(bom: Bool = false, guardFormulas: Bool = true, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.guardFormulas = guardFormulas
        self.delimiter = delimiter
        if bom { bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// Empties the buffer after its bytes were written out (keeps the capacity).
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered to `out` once it holds at least `threshold` bytes.
    mutating func flush(to out: OutputSink, ifAbove threshold: Int = 0) throws(OutputError) {
        guard bytes.count >= threshold, !bytes.isEmpty else { return }
        try out.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// An empty line (between two tables in one output).
    mutating func lineBreak() {
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    mutating func row(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { bytes.append(delimiter) }
            field(f)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Whether `value`, after leading spaces, quotes and format characters, starts with a sign
    /// a spreadsheet reads as the start of a formula.
    static func startsLikeFormula(_ value: String) -> Bool {
        for s in value.unicodeScalars {
            switch s.value {
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

    private mutating func field(_ value: String) {
        var needsQuotes = false
        var risky = false
        if guardFormulas, let first = value.utf8.first {
            risky = first == 0x09 || first == 0x0D || Self.startsLikeFormula(value)
        }
        var copy = value
        copy.withUTF8 { u in
            var hasQuote = false
            for b in u where b == delimiter || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
                needsQuotes = true
                if b == UInt8(ascii: "\"") {
                    hasQuote = true
                    break
                }
            }
            if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
            if risky { bytes.append(UInt8(ascii: "'")) }
            if hasQuote {
                for b in u {
                    if b == UInt8(ascii: "\"") { bytes.append(b) }
                    bytes.append(b)
                }
            } else {
                bytes.append(contentsOf: u)  // nothing to double: one copy
            }
            if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        }
    }
}
