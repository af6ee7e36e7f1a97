/// What the reader needs from `styles.xml`: each style's numbering (`w:numPr`) and the run
/// properties that change the text a reader sees (`w:caps`, `w:vanish`, `w:vertAlign`),
/// with `w:basedOn` chains resolved.
struct WordStyles: Sendable {
    /// Run properties that change the displayed text; `nil` means "not set here".
    struct RunFlags: Sendable, Equatable {
        var caps: Bool?
        var hidden: Bool?
        var superscript: Bool?

        /// `self` with every property `other` sets taken from `other`.
        func overridden(by other: RunFlags) -> RunFlags {
            RunFlags(caps: other.caps ?? caps, hidden: other.hidden ?? hidden,
                     superscript: other.superscript ?? superscript)
        }
    }

    struct Style: Sendable {
        var basedOn: String?
        /// `w:numPr` of the style: a `numId` (0 turns numbering off) and a level.
        var numId: Int?
        var level: Int?
        var run = RunFlags()
        var isParagraph = true
        /// `w:jc`: centred (true), another alignment (false), not set (nil).
        var centered: Bool?
    }

    var styles: [String: Style] = [:]
    /// The paragraph style of paragraphs that name none (`w:default="1"`, usually `Normal`).
    var defaultParagraphStyle: String?

    /// How far a `w:basedOn` chain is followed (they are short; this stops a cycle).
    private static let chainLimit = 32

    /// The numbering a paragraph style gives, following `w:basedOn`.
    func numbering(ofStyle id: String?) -> (numId: Int?, level: Int?) {
        var numId: Int?
        var level: Int?
        var current = id ?? defaultParagraphStyle
        var steps = 0
        while let c = current, let style = styles[c], steps < Self.chainLimit {
            if level == nil { level = style.level }
            if numId == nil, let n = style.numId {
                numId = n
                break
            }
            current = style.basedOn
            steps += 1
        }
        return (numId, level)
    }

    /// Whether a paragraph style centres its paragraphs, following `w:basedOn`.
    func isCentered(style id: String?) -> Bool {
        var current = id ?? defaultParagraphStyle
        var steps = 0
        while let c = current, let style = styles[c], steps < Self.chainLimit {
            if let centered = style.centered { return centered }
            current = style.basedOn
            steps += 1
        }
        return false
    }

    /// The run flags a style gives (paragraph or character style), following `w:basedOn`.
    func runFlags(ofStyle id: String?) -> RunFlags {
        var chain: [RunFlags] = []
        var current = id
        while let c = current, let style = styles[c], chain.count < Self.chainLimit {
            chain.append(style.run)
            current = style.basedOn
        }
        var flags = RunFlags()
        for f in chain.reversed() { flags = flags.overridden(by: f) }
        return flags
    }

    /// Reads `styles.xml`.
    static func parse(_ xml: [UInt8]) throws(XMLScanner.Failure) -> WordStyles {
        var result = WordStyles()
        var s = XMLScanner(xml)
        while true {
            let event = try s.next()
            if event == .endOfDocument { break }
            guard event == .start else { continue }
            if s.isElement(.w, "style") {
                let id = s.string("styleId") ?? ""
                let isParagraph = s.attribute("type", is: "paragraph")
                if isParagraph, s.attribute("default").map({ _ in s.isOn("default") }) == true {
                    result.defaultParagraphStyle = id
                }
                var style = Style()
                style.isParagraph = isParagraph
                try readStyle(&s, into: &style)
                result.styles[id] = style
            } else if s.isElement(.w, "docDefaults") || s.isElement(.w, "latentStyles") {
                try s.skipElement()
            }
        }
        return result
    }

    private static func readStyle(_ s: inout XMLScanner, into style: inout Style) throws(XMLScanner.Failure) {
        while true {
            switch try s.next() {
            case .endOfDocument: return
            case .end where s.isElement(.w, "style"): return
            case .start:
                if s.isElement(.w, "basedOn") {
                    style.basedOn = s.string("val")
                } else if s.isElement(.w, "rPr") {
                    style.run = try readRunFlags(&s)
                } else if s.isElement(.w, "pPrChange") || s.isElement(.w, "rPrChange") {
                    try s.skipElement()
                } else {
                    readParagraphSetting(s, numId: &style.numId, level: &style.level, centered: &style.centered)
                }
            default: break
            }
        }
    }

    /// The numbering (`w:numId`, `w:ilvl`) and alignment (`w:jc`: centred or not) that a
    /// style's and a paragraph's properties both set, read the same way for both, when the
    /// scanner is at one of those elements; any other element is left alone.
    static func readParagraphSetting(_ s: XMLScanner, numId: inout Int?, level: inout Int?, centered: inout Bool?) {
        if s.isElement(.w, "numId") {
            numId = s.int("val")
        } else if s.isElement(.w, "ilvl") {
            level = s.int("val")
        } else if s.isElement(.w, "jc") {
            centered = s.attribute("val", is: "center")
        }
    }

    /// The flags of a `w:rPr` (the scanner is at its start), up to its end.
    static func readRunFlags(_ s: inout XMLScanner) throws(XMLScanner.Failure) -> RunFlags {
        try readRunFlagsAndStyle(&s).flags
    }

    /// A `w:rPr` (the scanner at its start), a run's or a style's: its flags and its character
    /// style (`w:rStyle`, which only a run uses).
    static func readRunFlagsAndStyle(_ s: inout XMLScanner) throws(XMLScanner.Failure) -> (flags: RunFlags, style: String?) {
        var flags = RunFlags()
        var style: String?
        let depth = s.depth
        while true {
            let event = try s.next()
            if event == .endOfDocument || event == .end && s.depth < depth { return (flags, style) }
            guard event == .start, s.namespace == .w else { continue }
            if s.isElement(.w, "rStyle") {
                style = s.string("val")
            } else if s.isElement(.w, "caps") {
                flags.caps = s.isOn()
            } else if s.isElement(.w, "vanish") || s.isElement(.w, "specVanish") {
                flags.hidden = s.isOn()
            } else if s.isElement(.w, "vertAlign") {
                flags.superscript = s.attribute("val", is: "superscript")
            } else if s.isElement(.w, "rPrChange") {
                try s.skipElement()
            }
        }
    }
}
