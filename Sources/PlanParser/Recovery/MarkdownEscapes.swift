/// What pandoc's markdown leaves in the text beyond what the tokenizer already strips
/// (`**`, `*x*`, `\.`, `^{x}`, see ``LineCleaner``):
///
/// - a `\` at the end of a line (a line break inside a paragraph) goes;
/// - `--` between spaces, digits or Roman numerals is the en dash it stood for
///   (`Phòng Hành chính -- Tổng hợp`, `Quý I -- II năm 2025`, `01--02/2025`), `---` an em dash;
/// - `[text]{.underline}` and `[text](link)` keep their text, `[^1]` footnote marks go;
/// - superscripts `^HT^` (markdown) and `^(HT)` (plain) go, as the text samples drop them.
enum MarkdownEscapes {
    /// Copies line `i`, cleaned.
    static func copy(_ lines: TextLines, line i: Int, into out: inout RecoveredText) {
        let line = lines.line(i)
        if let cleaned = clean(line) {
            out.emit(cleaned, number: lines.number(i), role: lines.role(i))
        } else {
            out.copy(lines, line: i)
        }
    }

    /// `text` cleaned, or nil when nothing changes.
    static func clean<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8, C.Index == Int {
        var needs = false
        for b in text where b == UInt8(ascii: "\\") || b == UInt8(ascii: "-") || b == UInt8(ascii: "[") || b == UInt8(ascii: "^") {
            needs = true
            break
        }
        guard needs else { return nil }
        let bytes = Array(text)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        // A rule (`-----`, `--- ---`) stays as it is.
        if bytes.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == 0x20 }) { return nil }
        var i = 0
        var changed = false
        func isDashNeighbour(_ b: UInt8) -> Bool {
            b == 0x20 || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "I") || b == UInt8(ascii: "V") || b == UInt8(ascii: "X")
        }
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\\") where i == n - 1 || bytes[(i + 1)...].allSatisfy({ $0 == 0x20 }):
                // A hard line break at the end of the line.
                changed = true
                i = n
                continue
            case UInt8(ascii: "-") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "-") && i > 0:
                var j = i
                while j < n, bytes[j] == UInt8(ascii: "-") { j += 1 }
                let run = j - i
                if run <= 3, isDashNeighbour(bytes[i - 1]), j < n, isDashNeighbour(bytes[j]) {
                    out.append(contentsOf: run == 3 ? [0xE2, 0x80, 0x94] : [0xE2, 0x80, 0x93])  // — or –
                    changed = true
                } else {
                    out.append(contentsOf: bytes[i..<j])
                }
                i = j
                continue
            case UInt8(ascii: "["):
                if i + 1 < n, bytes[i + 1] == UInt8(ascii: "^"), let close = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: "]")) {
                    // `[^1]`: a footnote mark.
                    changed = true
                    i = close + 1
                    continue
                }
                if let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "]")), close + 1 < n,
                    let closer = closingBracket(bytes[close + 1]),
                    let end = bytes[(close + 2)...].firstIndex(of: closer),
                    !bytes[(close + 2)..<end].contains(0x20) || closer == UInt8(ascii: "}")
                {
                    // `[text]{.underline}`, `[text](https://…)`: keep the text.
                    out.append(contentsOf: bytes[(i + 1)..<close])
                    changed = true
                    i = end + 1
                    continue
                }
            case UInt8(ascii: "^"):
                if i + 1 < n, bytes[i + 1] == UInt8(ascii: "("),
                    let close = bytes[(i + 1)...].prefix(26).firstIndex(of: UInt8(ascii: ")"))
                {
                    changed = true  // `^(HT)`
                    i = close + 1
                    continue
                }
                if i + 1 < n, bytes[i + 1] != 0x20, bytes[i + 1] != UInt8(ascii: "{"),
                    let close = bytes[(i + 1)...].prefix(25).firstIndex(of: UInt8(ascii: "^")),
                    !bytes[(i + 1)..<close].contains(0x20), close > i + 1
                {
                    changed = true  // `^HT^`
                    i = close + 1
                    continue
                }
            default:
                break
            }
            out.append(b)
            i += 1
        }
        return changed ? out : nil
    }

    /// `{` → `}`, `(` → `)`: what closes the part after `[text]`.
    private static func closingBracket(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "{"): return UInt8(ascii: "}")
        case UInt8(ascii: "("): return UInt8(ascii: ")")
        default: return nil
        }
    }

    /// `text` without markdown emphasis and escapes, for recognizing header and frame words
    /// (`**STT**`, `*Nơi nhận:*`, `\- UBND tỉnh`).
    static func plain(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "_") })
        else { return text }
        var out: [UInt8] = []
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == UInt8(ascii: "*") || (b == UInt8(ascii: "_") && (previous == 0 || previous == 0x20)) { continue }
            if previous == UInt8(ascii: "\\"), LineCleaner.isASCIIPunctuation(b) {
                out[out.count - 1] = b
                previous = b
                continue
            }
            out.append(b)
            previous = b
        }
        return String(decoding: out, as: UTF8.self).trimmingSpaces
    }
}
