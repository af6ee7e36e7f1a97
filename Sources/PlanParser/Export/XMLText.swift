/// Writes text into XML (the XLSX parts) and HTML as bytes.
///
/// `&`, `<`, `>` and `"` are escaped; control characters that XML 1.0 cannot hold (and
/// U+FFFE/U+FFFF) become the OOXML escape `_xHHHH_` in spreadsheet cells, which spreadsheet
/// programs show as the character again, and a literal `_xHHHH_` in the text is protected as
/// `_x005F_xHHHH_` so that it reads back unchanged. Clean runs are copied in bulk.
enum XMLText {
    static let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n".utf8)

    /// Excel holds at most this many UTF-16 code units in a cell.
    static let cellLimit = 32_767

    /// `>` or ` xml:space="preserve">` (text with edge spaces or line breaks), the escaped text
    /// (cut to ``cellLimit``), then `</t>`.
    static func appendCellText(_ value: String, to out: inout [UInt8]) {
        var text = value
        if text.utf8.count > cellLimit, text.utf16.count > cellLimit {
            text = String(decoding: Array(text.utf16.prefix(cellLimit - 1)), as: UTF16.self) + "…"
        }
        var preserve = false
        if let first = text.utf8.first, let last = text.utf8.last {
            preserve = first == 0x20 || first == 0x09 || first == 0x0A || last == 0x20 || last == 0x09 || last == 0x0A
        }
        out.append(contentsOf: preserve ? preserveOpen : plainOpen)
        appendText(text, to: &out, preserveSpace: false, cell: true)
        out.append(contentsOf: textClose)
    }

    /// The escaped text. `cell`: OOXML cell text (control characters as `_xHHHH_`); else
    /// HTML/XML text, where control characters other than tab and line feed are dropped.
    static func appendText(_ value: String, to out: inout [UInt8], preserveSpace: Bool, cell: Bool = true) {
        var copy = value
        copy.withUTF8 { u in
            var runStart = 0
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                // Most bytes need no look: letters, digits, spaces, Vietnamese (lead and
                // continuation bytes other than the EF of U+FFFE/U+FFFF).
                if b >= 0x20, b != 0x26, b != 0x3C, b != 0x3E, b != 0x22, b != 0x5F, b != 0xEF, b != 0x7F {
                    i += 1
                    continue
                }
                var replacement: [UInt8]?
                var length = 1
                switch b {
                case 0x26: replacement = amp
                case 0x3C: replacement = lt
                case 0x3E: replacement = gt
                case 0x22: replacement = quot
                case 0x09, 0x0A: replacement = nil
                case 0x5F:
                    // `_x` + four hex digits + `_` would read back as an escape.
                    if cell, i + 6 < n, u[i + 1] == UInt8(ascii: "x"), isHex(u[i + 2]), isHex(u[i + 3]), isHex(u[i + 4]),
                        isHex(u[i + 5]), u[i + 6] == 0x5F
                    {
                        replacement = underscoreEscape
                    }
                case 0xEF:
                    // U+FFFE = EF BF BE, U+FFFF = EF BF BF: not XML characters.
                    if i + 2 < n, u[i + 1] == 0xBF, u[i + 2] == 0xBE || u[i + 2] == 0xBF {
                        replacement = cell ? Array("_xFFF\(u[i + 2] == 0xBE ? "E" : "F")_".utf8) : []
                        length = 3
                    }
                default:
                    // C0 controls (other than tab and LF) and DEL.
                    replacement = cell ? escape(b) : []
                }
                guard let r = replacement else {
                    i += length
                    continue
                }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i])) }
                out.append(contentsOf: r)
                i += length
                runStart = i
            }
            if n > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<n])) }
        }
    }

    /// The escaped text as a `String` (for small pieces of markup).
    static func escaped(_ value: String, cell: Bool = false) -> String {
        var out: [UInt8] = []
        appendText(value, to: &out, preserveSpace: false, cell: cell)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v >= 0, v < 10 {
            out.append(UInt8(0x30 + v))
            return
        }
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var n = v.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        repeat {
            digits.append(UInt8(0x30 + n % 10))
            n /= 10
        } while n > 0
        out.append(contentsOf: digits.reversed())
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func escape(_ b: UInt8) -> [UInt8] {
        Array("_x00".utf8) + [hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)], UInt8(ascii: "_")]
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let underscoreEscape = Array("_x005F_".utf8)
    private static let plainOpen = Array(">".utf8)
    private static let preserveOpen = Array(" xml:space=\"preserve\">".utf8)
    private static let textClose = Array("</t>".utf8)
}
