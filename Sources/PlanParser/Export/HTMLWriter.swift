/// Writes HTML into a byte buffer: markup as given, text escaped (`&`, `<`, `>`, `"`, and
/// control characters other than tab and line feed dropped), so document text can never
/// open a tag or end an attribute. ``flush(to:ifAbove:)`` hands full chunks to a sink.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1 << 16)
    }

    mutating func flush(to out: OutputSink, ifAbove threshold: Int = 0) throws(OutputError) {
        guard bytes.count >= threshold, !bytes.isEmpty else { return }
        try out.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Markup, copied as is.
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup made at run time (never document text).
    mutating func markup(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// Document text, escaped for an element or a quoted attribute.
    mutating func text(_ s: String) {
        var copy = s
        copy.withUTF8 { XMLText.copyEscaping($0, to: &bytes, target: .html, quote: true) }
    }

    mutating func int(_ v: Int) {
        XMLText.appendInt(v, to: &bytes)
    }

    /// `<tag class="…">text</tag>`.
    mutating func element(_ tag: StaticString, _ cls: StaticString? = nil, _ content: String) {
        raw("<"); raw(tag)
        if let cls { raw(" class=\""); raw(cls); raw("\"") }
        raw(">")
        text(content)
        raw("</"); raw(tag); raw(">")
    }

    /// A day as `dd/mm/yyyy`, the way Vietnamese documents write it.
    mutating func day(_ d: CalendarDate) {
        func two(_ n: Int) { if n < 10 { bytes.append(0x30) }; XMLText.appendInt(n, to: &bytes) }
        two(d.day); bytes.append(UInt8(ascii: "/")); two(d.month); bytes.append(UInt8(ascii: "/"))
        XMLText.appendInt(d.year, to: &bytes)
    }

    /// A percentage with two decimals (`8.33`), for positions on the timeline.
    mutating func percent(_ v: Double) {
        let hundredths = Int((max(0, min(100, v)) * 100).rounded())
        XMLText.appendInt(hundredths / 100, to: &bytes)
        let f = hundredths % 100
        if f != 0 {
            bytes.append(UInt8(ascii: "."))
            if f < 10 { bytes.append(0x30) }
            XMLText.appendInt(f % 10 == 0 && f >= 10 ? f / 10 : f, to: &bytes)
        }
    }
}
