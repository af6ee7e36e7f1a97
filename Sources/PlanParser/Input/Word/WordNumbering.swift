/// Word's automatic numbering (`numbering.xml`): list definitions, and the counters that
/// turn a paragraph's `w:numPr` into the label Word displays (`II.`, `1.2.`, `b)`, `-`).
///
/// Counters are kept per abstract list, as Word keeps them: two `w:num` instances of one
/// `w:abstractNum` continue each other, and a `w:num` with `w:lvlOverride/w:startOverride`
/// restarts its levels where it is first used. A level restarts after the levels above it
/// are used (`w:lvlRestart` changes which, `0` never). `w:isLgl` shows every level as
/// decimal. Bullets become the document's own `-` (first bullet level) and `+` (deeper).
struct WordNumbering: Sendable {
    enum Format: Sendable {
        case decimal, decimalZero, upperRoman, lowerRoman, upperLetter, lowerLetter, bullet, none
    }

    struct Level: Sendable {
        var start = 1
        var format = Format.decimal
        /// `w:lvlText`: `%1.`, `%1.%2.`, `%1)`, or a bullet glyph.
        var text: [UInt8] = Array("%1.".utf8)
        /// `w:lvlRestart` (1-based level after which this one restarts; 0 never); nil: the default.
        var restart: Int?
        var isLegal = false
        /// `w:pStyle`: the paragraph style this level belongs to.
        var style: String?
    }

    struct Abstract: Sendable {
        var levels: [Level] = (0..<9).map { _ in Level() }
        /// `w:numStyleLink`: the levels are those of the list this numbering style names.
        var styleLink: String?
    }

    struct Instance: Sendable {
        var abstractId: Int
        /// `w:startOverride` per level.
        var startOverrides: [Int: Int] = [:]
        /// `w:lvlOverride/w:lvl`: a level redefined for this instance.
        var levelOverrides: [Int: Level] = [:]
    }

    var abstracts: [Int: Abstract] = [:]
    var instances: [Int: Instance] = [:]

    // MARK: - Counting

    /// The counters of one document walk.
    struct Counter {
        let numbering: WordNumbering
        let styles: WordStyles
        private var counts: [Int: [Int?]] = [:]
        private var started: Set<Int> = []

        init(numbering: WordNumbering, styles: WordStyles) {
            self.numbering = numbering
            self.styles = styles
        }

        /// The label of a paragraph (nil: not numbered), counting it: its own `w:numPr`
        /// first, then its style's; the level, when neither gives one, is the one linked to
        /// the paragraph's style, else 0.
        mutating func label(of p: DocxParagraph) -> String? {
            let fromStyle = styles.numbering(ofStyle: p.style)
            guard let numId = p.numId ?? fromStyle.numId else { return nil }
            return label(numId: numId, level: p.level ?? fromStyle.level, style: p.style)
        }

        mutating func label(numId: Int, level rawLevel: Int?, style: String? = nil) -> String? {
            guard numId > 0, let instance = numbering.instances[numId],
                let (abstractId, abstract) = numbering.resolve(instance.abstractId, styles: styles)
            else { return nil }
            var level = 0
            if let rawLevel {
                level = min(max(rawLevel, 0), 8)
            } else if let style, let linked = abstract.levels.firstIndex(where: { $0.style == style }) {
                level = linked
            }
            var state = counts[abstractId] ?? Array(repeating: nil, count: 9)
            let levels = (0..<9).map { instance.levelOverrides[$0] ?? abstract.levels[$0] }
            if !started.contains(numId) {
                started.insert(numId)
                for (l, start) in instance.startOverrides where (0..<9).contains(l) {
                    state[l] = start - 1
                    for k in (l + 1)..<9 { state[k] = nil }
                }
            }
            state[level] = state[level].map { $0 + 1 } ?? levels[level].start
            for k in (level + 1)..<9 {
                let after = levels[k].restart ?? k
                if after > 0, level <= after - 1 { state[k] = nil }
            }
            counts[abstractId] = state
            return Self.render(levels, state: state, level: level)
        }

        private static func render(_ levels: [Level], state: [Int?], level: Int) -> String? {
            let lvl = levels[level]
            if lvl.format == .bullet { return bullet(levels, level: level) }
            var out: [UInt8] = []
            var i = 0
            let text = lvl.text
            while i < text.count {
                if text[i] == UInt8(ascii: "%"), i + 1 < text.count, text[i + 1] >= 0x31, text[i + 1] <= 0x39 {
                    let ref = Int(text[i + 1] - 0x31)
                    let value = state[ref] ?? levels[ref].start
                    let format = lvl.isLegal && levels[ref].format != .none ? .decimal : levels[ref].format
                    out += Array(WordNumbering.format(value, format).utf8)
                    i += 2
                    continue
                }
                out.append(text[i])
                i += 1
            }
            let label = String(decoding: out, as: UTF8.self).trimmingSpaces
            return label.isEmpty ? nil : label
        }

        /// `-` for the first bullet level of a list, `+` below it; a `+` or dash glyph as itself.
        private static func bullet(_ levels: [Level], level: Int) -> String {
            let glyph = String(decoding: levels[level].text, as: UTF8.self).trimmingSpaces
            if glyph == "+" { return "+" }
            if ["-", "–", "—", "−"].contains(glyph) { return "-" }
            let bulletsAbove = levels[..<level].filter { $0.format == .bullet }.count
            return bulletsAbove == 0 ? "-" : "+"
        }
    }

    /// The abstract list behind an abstract id, following `w:numStyleLink` through a
    /// numbering style to the list that defines it.
    func resolve(_ abstractId: Int, styles: WordStyles) -> (Int, Abstract)? {
        var id = abstractId
        for _ in 0..<8 {
            guard let a = abstracts[id] else { return nil }
            guard let link = a.styleLink else { return (id, a) }
            guard let numId = styles.numbering(ofStyle: link).numId, let next = instances[numId]?.abstractId,
                next != id
            else { return (id, a) }
            id = next
        }
        return abstracts[id].map { (id, $0) }
    }

    // MARK: - Number formats

    static func format(_ value: Int, _ format: Format) -> String {
        switch format {
        case .decimal: return String(value)
        case .decimalZero: return value < 10 && value >= 0 ? "0" + String(value) : String(value)
        case .upperRoman: return roman(value)
        case .lowerRoman: return VietnameseText.lowercased(roman(value))
        case .upperLetter: return letters(value, base: UInt8(ascii: "A"))
        case .lowerLetter: return letters(value, base: UInt8(ascii: "a"))
        case .bullet, .none: return ""
        }
    }

    /// Word's roman numerals (values above 3999 stay decimal).
    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var v = value
        var out = ""
        for (n, s) in table {
            while v >= n {
                out += s
                v -= n
            }
        }
        return out
    }

    /// Word's letters: a … z, then aa … zz, aaa …
    static func letters(_ value: Int, base: UInt8) -> String {
        guard value > 0 else { return String(value) }
        let letter = UInt8((value - 1) % 26) + base
        let repeats = min((value - 1) / 26 + 1, 8)
        return String(decoding: Array(repeating: letter, count: repeats), as: UTF8.self)
    }

    // MARK: - Reading numbering.xml

    static func parse(_ xml: [UInt8]) throws(XMLScanner.Failure) -> WordNumbering {
        var result = WordNumbering()
        var s = XMLScanner(xml)
        while true {
            let event = try s.next()
            if event == .endOfDocument { break }
            guard event == .start else { continue }
            if s.isElement(.w, "abstractNum") {
                let id = s.int("abstractNumId") ?? -1
                result.abstracts[id] = try readAbstract(&s)
            } else if s.isElement(.w, "num") {
                let id = s.int("numId") ?? -1
                if let instance = try readInstance(&s) { result.instances[id] = instance }
            }
        }
        return result
    }

    private static func readAbstract(_ s: inout XMLScanner) throws(XMLScanner.Failure) -> Abstract {
        var abstract = Abstract()
        let depth = s.depth
        while true {
            let event = try s.next()
            if event == .endOfDocument || event == .end && s.depth < depth { return abstract }
            guard event == .start else { continue }
            if s.isElement(.w, "lvl") {
                let l = s.int("ilvl") ?? 0
                let level = try readLevel(&s)
                if (0..<9).contains(l) { abstract.levels[l] = level }
            } else if s.isElement(.w, "numStyleLink") {
                abstract.styleLink = s.string("val")
            }
        }
    }

    private static func readInstance(_ s: inout XMLScanner) throws(XMLScanner.Failure) -> Instance? {
        var abstractId: Int?
        var instance = Instance(abstractId: -1)
        var overrideLevel = 0
        let depth = s.depth
        while true {
            let event = try s.next()
            if event == .endOfDocument || event == .end && s.depth < depth { break }
            guard event == .start else { continue }
            if s.isElement(.w, "abstractNumId") {
                abstractId = s.int("val")
            } else if s.isElement(.w, "lvlOverride") {
                overrideLevel = s.int("ilvl") ?? 0
            } else if s.isElement(.w, "startOverride") {
                instance.startOverrides[overrideLevel] = s.int("val") ?? 1
            } else if s.isElement(.w, "lvl") {
                let l = s.int("ilvl") ?? overrideLevel
                instance.levelOverrides[l] = try readLevel(&s)
            }
        }
        guard let abstractId else { return nil }
        instance.abstractId = abstractId
        return instance
    }

    private static func readLevel(_ s: inout XMLScanner) throws(XMLScanner.Failure) -> Level {
        var level = Level()
        var sawText = false
        let depth = s.depth
        while true {
            let event = try s.next()
            if event == .endOfDocument || event == .end && s.depth < depth { break }
            guard event == .start else { continue }
            if s.isElement(.w, "start") {
                level.start = s.int("val") ?? 1
            } else if s.isElement(.w, "numFmt") {
                level.format = format(named: s.string("val") ?? "decimal", custom: s.string("format"))
            } else if s.isElement(.w, "lvlText") {
                if let a = s.attribute("val") { level.text = s.value(a) }
                sawText = true
            } else if s.isElement(.w, "lvlRestart") {
                level.restart = s.int("val")
            } else if s.isElement(.w, "isLgl") {
                level.isLegal = s.isOn()
            } else if s.isElement(.w, "pStyle") {
                level.style = s.string("val")
            } else if s.isElement(.w, "lvlPicBulletId") {
                level.format = .bullet
            } else if s.isElement(.w, "rPr") || s.isElement(.w, "pPr") || s.isElement(.mc, "Fallback") {
                try s.skipElement()
            }
        }
        if !sawText, level.format == .bullet { level.text = Array("-".utf8) }
        return level
    }

    /// `w:numFmt` names; the rare ones (ordinal, chineseCounting, …) show as decimal.
    static func format(named name: String, custom: String?) -> Format {
        switch name {
        case "decimal": return .decimal
        case "decimalZero": return .decimalZero
        case "upperRoman": return .upperRoman
        case "lowerRoman": return .lowerRoman
        case "upperLetter": return .upperLetter
        case "lowerLetter": return .lowerLetter
        case "bullet": return .bullet
        case "none": return .none
        case "custom": return custom?.hasPrefix("0") == true ? .decimalZero : .decimal
        default: return .decimal
        }
    }
}
