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

    /// The text of one spreadsheet cell, written in pieces (list items go one per line):
    /// the `>` that closes `<t` (or ` xml:space="preserve">` when the text starts or ends with
    /// a space or line break), the escaped text cut to ``cellLimit``, then `</t>`. It counts
    /// the lines the text takes in a wrapped cell `perLine` characters wide as it goes.
    struct CellText {
        let perLine: Int
        private var lines = 0
        private var run = 0
        private var bytes = 0
        private var full = false
        private var open = -1
        private var preserved = false
        private var lastByte: UInt8 = 0

        init(perLine: Int) {
            self.perLine = max(1, perLine)
        }

        /// Appends `piece`; every piece but the first starts a new line.
        mutating func append(_ piece: String, to out: inout [UInt8], first: Bool, last: Bool) {
            if open < 0 {
                open = out.count
                let b = piece.utf8.first ?? 0
                preserved = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
                out.append(contentsOf: preserved ? preserveOpen : plainOpen)
            }
            guard !full else { return }
            if !first {
                out.append(0x0A)
                endLine()
                bytes += 1
            }
            var text = piece
            if bytes + text.utf8.count > cellLimit {
                let used = String(decoding: out[(open + (preserved ? preserveOpen.count : 1))...], as: UTF8.self).utf16.count
                let room = cellLimit - 1 - used
                if text.utf16.count > room {
                    text = String(decoding: Array(text.utf16.prefix(max(0, room))), as: UTF16.self) + "…"
                    full = true
                }
            }
            bytes += text.utf8.count
            if let b = text.utf8.last { lastByte = b }
            text.withUTF8 { escapeCounting($0, &out) }
        }

        /// Writes `</t>` and returns the number of lines the text takes.
        mutating func finish(_ out: inout [UInt8]) -> Int {
            if !preserved, open >= 0, lastByte == 0x20 || lastByte == 0x09 || lastByte == 0x0A || lastByte == 0x0D {
                out.replaceSubrange(open..<(open + 1), with: preserveOpen)
            }
            out.append(contentsOf: textClose)
            endLine()
            return lines
        }

        private mutating func endLine() {
            lines += run == 0 ? 1 : (run - 1) / perLine + 1
            run = 0
        }

        /// Copies `u` escaped as cell text (see ``XMLText/copyEscaping``), counting characters
        /// and line feeds as it goes: eight at a time in clean words, one by one elsewhere.
        private mutating func escapeCounting(_ u: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
            XMLText.copyEscaping(
                u, to: &out, target: .cell, quote: false,
                cleanWord: { x in
                    // Continuation bytes (10xxxxxx) are not characters of their own.
                    let continuation = x & ~(x << 1) & SWAR.highs
                    run += 8 - continuation.nonzeroBitCount
                },
                looked: { b in
                    if b == 0x0A {
                        endLine()
                    } else if b & 0xC0 != 0x80 {
                        run += 1
                    }
                })
        }
    }

    /// The text of a cell in one piece (see ``CellText``).
    static func appendCellText(_ value: String, to out: inout [UInt8]) {
        var t = CellText(perLine: .max)
        t.append(value, to: &out, first: true, last: true)
        _ = t.finish(&out)
    }

    /// The escaped text. `cell`: OOXML cell text (control characters as `_xHHHH_`); else
    /// HTML/XML text, where control characters other than tab and line feed are dropped.
    static func appendText(_ value: String, to out: inout [UInt8], preserveSpace: Bool, cell: Bool = true) {
        var copy = value
        copy.withUTF8 { copyEscaping($0, to: &out, target: cell ? .cell : .xml, quote: true) }
    }

    /// What an escaper writes for: the three differ only in what becomes of characters XML
    /// cannot hold and of a literal `_xHHHH_`.
    enum Target {
        /// OOXML cell text: control characters and U+FFFE/U+FFFF as `_xHHHH_`, a literal
        /// `_xHHHH_` protected as `_x005F_xHHHH_`.
        case cell
        /// XML text: control characters (but tab and line feed) and U+FFFE/U+FFFF dropped.
        case xml
        /// HTML text: control characters (but tab and line feed) dropped.
        case html
    }

    /// Copies `u` to `out` escaped for `target` (`quote`: `"` as `&quot;` too): the one loop
    /// behind every escaper of the XLSX and HTML writers. Clean runs are copied in bulk, and
    /// eight bytes at a time are passed over while none needs a look (SWAR: a byte below 0x20,
    /// `&`, `<`, `>`, DEL, and as the target needs `"`, `_`, EF — the lead byte of
    /// U+FFFE/U+FFFF — sets its high bit). `cleanWord` sees each word passed over, `looked`
    /// each byte looked at (what a caller that counts characters needs).
    @inline(__always)
    static func copyEscaping(
        _ u: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], target: Target, quote: Bool,
        cleanWord: (UInt64) -> Void = { _ in }, looked: (UInt8) -> Void = { _ in }
    ) {
        let n = u.count
        let raw = UnsafeRawBufferPointer(u)
        var runStart = 0
        var i = 0
        while i < n {
            while i + 8 <= n {
                let x = SWAR.load(raw, i)
                var flags = SWAR.bytes(of: x, below: 0x20) | SWAR.bytes(of: x, equalTo: 0x26)
                    | SWAR.bytes(of: x, equalTo: 0x3C) | SWAR.bytes(of: x, equalTo: 0x3E) | SWAR.bytes(of: x, equalTo: 0x7F)
                if quote { flags |= SWAR.bytes(of: x, equalTo: 0x22) }
                if target != .html { flags |= SWAR.bytes(of: x, equalTo: 0x5F) | SWAR.bytes(of: x, equalTo: 0xEF) }
                if flags != 0 { break }
                cleanWord(x)
                i += 8
            }
            guard i < n else { break }
            looked(u[i])
            let (substitute, length) = replacement(in: u, at: i, target: target, quote: quote)
            guard let r = substitute else {
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

    /// What stands for the bytes at `i` in `target`'s text (nil: they stay as they are) and
    /// how many bytes that is.
    @inline(__always)
    private static func replacement(
        in u: UnsafeBufferPointer<UInt8>, at i: Int, target: Target, quote: Bool
    ) -> (replacement: [UInt8]?, length: Int) {
        let b = u[i]
        switch b {
        case 0x26: return (amp, 1)
        case 0x3C: return (lt, 1)
        case 0x3E: return (gt, 1)
        case 0x22: return (quote ? quot : nil, 1)
        case 0x09, 0x0A: return (nil, 1)
        case 0x5F:
            // `_x` + four hex digits + `_` would read back as an escape.
            let n = u.count
            if target == .cell, i + 6 < n, u[i + 1] == UInt8(ascii: "x"), isHex(u[i + 2]), isHex(u[i + 3]),
                isHex(u[i + 4]), isHex(u[i + 5]), u[i + 6] == 0x5F
            {
                return (underscoreEscape, 1)
            }
            return (nil, 1)
        case 0xEF:
            // U+FFFE = EF BF BE, U+FFFF = EF BF BF: not XML characters.
            if target != .html, i + 2 < u.count, u[i + 1] == 0xBF, u[i + 2] == 0xBE || u[i + 2] == 0xBF {
                return (target == .cell ? (u[i + 2] == 0xBE ? fffe : ffff) : [], 3)
            }
            return (nil, 1)
        case 0..<0x20, 0x7F:
            // C0 controls (other than tab and LF) and DEL.
            return (target == .cell ? escape(b) : [], 1)
        default:
            return (nil, 1)
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
        var divisor: UInt = 1
        while divisor <= n / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(0x30 + (n / divisor)))
            n %= divisor
            divisor /= 10
        }
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
    private static let fffe = Array("_xFFFE_".utf8)
    private static let ffff = Array("_xFFFF_".utf8)
    private static let plainOpen = Array(">".utf8)
    private static let preserveOpen = Array(" xml:space=\"preserve\">".utf8)
    private static let textClose = Array("</t>".utf8)
}
