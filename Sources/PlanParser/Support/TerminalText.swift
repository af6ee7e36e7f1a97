/// Document text made safe and tidy for a terminal.
///
/// Documents may hold control characters (`ESC]0;…BEL`, `ESC[2J`) that a terminal would obey;
/// text outputs show them escaped instead (`\u{1B}`). Widths count Unicode scalars, which for
/// NFC Vietnamese are letters; cutting never splits a scalar or an escape.
enum TerminalText {
    /// `text` with C0 and C1 control characters and DEL written as `\u{…}` (tab too).
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for s in text.unicodeScalars { out += piece(s) }
        return out
    }

    /// The escaped text, cut to at most `width` scalars with a final `…` when longer.
    static func fitted(_ text: String, width: Int) -> String {
        let pieces = text.unicodeScalars.map(piece)
        let total = pieces.reduce(0) { $0 + $1.unicodeScalars.count }
        guard total > width else { return pieces.joined() }
        var out = ""
        var used = 0
        for p in pieces {
            let n = p.unicodeScalars.count
            if used + n > width - 1 { break }
            out += p
            used += n
        }
        return out + "…"
    }

    /// ``fitted(_:width:)`` padded with spaces to exactly `width` scalars.
    static func padded(_ text: String, width: Int) -> String {
        let cut = fitted(text, width: width)
        return cut + String(repeating: " ", count: max(0, width - cut.unicodeScalars.count))
    }

    /// The display width of the escaped text.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + piece($1).unicodeScalars.count }
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }

    private static func piece(_ s: Unicode.Scalar) -> String {
        isControl(s) ? "\\u{" + String(s.value, radix: 16, uppercase: true) + "}" : String(s)
    }

    /// The line that heads one document of several in a text output: `== path ==`.
    static func documentHeading(_ document: PlanDocument) -> String {
        "== " + escaped(document.source.path) + " ==\n"
    }
}
