/// Writes RFC 4180 CSV: fields quoted when they hold the delimiter (a comma unless told
/// otherwise), a quote, CR or LF; CRLF line ends.
///
/// Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, which
/// is both wrong for our text and an injection risk; unless `guardFormulas` is off, such a cell
/// gets a leading `'` (shown by spreadsheets as plain text).
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

    private mutating func field(_ value: String) {
        var needsQuotes = false
        var risky = false
        if let first = value.utf8.first, guardFormulas {
            risky = first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
        }
        for b in value.utf8 where b == delimiter || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        if risky { bytes.append(UInt8(ascii: "'")) }
        for b in value.utf8 {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
    }
}
