/// Restores the outline of a text whose list numbering was lost: Word's automatic numbering
/// (`I.`, `1.`, `a)`, `•`) is not part of the paragraphs' text, and antiword, docx2txt and a
/// copy from the screen drop it, leaving `MỤC ĐÍCH, YÊU CẦU`, `Mục đích` and the items as
/// bare lines — a plan with no heading, all preamble, no task.
///
/// It acts only when the loss is plain: no Roman or part heading in the body, yet at least two
/// lines that stand alone in capitals and name a plan's section (`NHIỆM VỤ CỤ THỂ`, `TỔ CHỨC
/// THỰC HIỆN`). Then the lines get the markers Word would have shown, numbered in order:
/// - a line alone in capitals: a Roman heading (`I`, `II`, …);
/// - another short line without end punctuation: an Arabic heading under it (`1`, `2`, …), or
///   a lettered one (`a`, `b`, …) right after an Arabic heading or among lettered ones that
///   name a role (`Chỉ tiêu`, `Nhiệm vụ`);
/// - a paragraph followed by field lines (`Cơ quan chủ trì: …`): a lettered item, its field
///   lines bullets;
/// - any other paragraph under an Arabic or lettered heading: a bullet.
///
/// The markers are the ones Word shows (its numbering counts in order) but not the text's: they
/// are written past the text's lines, where a restored node's `marker` and `number` are read,
/// and the document gets a `numbering-lost` warning at the first restored heading saying so.
/// The lines, their text and their numbers are unchanged; restored bullets have no marker.
enum LostNumbering {
    /// Restores the markers of the tokens in `range` (the body) when the numbering is lost.
    /// - Returns: the warning to report, or nil when the text keeps its numbering.
    static func restore(_ source: inout TokenizedSource, in range: Range<Int>) -> Diagnostic? {
        guard !range.isEmpty else { return nil }
        let width = wrapWidth(source, range)
        guard isLost(source, range, width: width) else { return nil }
        var restorer = Restorer(source: source, width: width)
        source = TokenizedSource(storage: [], tokens: [], lineCount: 0)  // one copy of the arrays, not two
        restorer.run(range)
        source = restorer.source
        guard let first = restorer.firstHeading else { return nil }
        return Diagnostic(
            line: first.line, code: "numbering-lost",
            message: "the list numbering is not in this text (Word's automatic numbering, dropped by antiword, docx2txt and copying): "
                + "'\(first.text)' and \(restorer.restored - 1) other lines were given the markers Word would show, "
                + "numbered in order; read the .docx itself or convert with LibreOffice or pandoc to keep the printed numbers")
    }

    /// Two or more section names alone on a line in capitals, and no fewer of them than Roman
    /// headings printed with their number (a plan whose first heading was typed, `I. MỤC ĐÍCH`,
    /// and the rest numbered by Word). Parts and articles (`PHẦN I`, `Điều 1.`) keep their outline.
    static func isLost(_ source: TokenizedSource, _ range: Range<Int>, width: Int?) -> Bool {
        var named = 0
        var numbered = 0
        var bareMarker = false
        for i in range {
            let t = source.tokens[i]
            if t.kind == .heading {
                if t.style == .part || t.style == .article { return false }
                if t.style == .roman || t.style == .upperLetter { numbered += 1 }
                // `I.` alone on its line (plain pdftotext): the next line is its title.
                bareMarker = t.content.isEmpty
                continue
            }
            if bareMarker, t.kind == .text {
                bareMarker = false
                continue
            }
            if t.kind != .blank { bareMarker = false }
            if t.kind == .text, t.keyword == .appendix { break }
            // Cheap first: a short text line that does not end a sentence.
            guard t.kind == .text, t.fieldRole == nil, t.content.count <= 150, t.content.count > 0 else { continue }
            let last = source.storage[Int(t.content.upperBound) - 1]
            guard last != UInt8(ascii: "."), last != UInt8(ascii: ";"), last != UInt8(ascii: ":"), last != UInt8(ascii: ",") else { continue }
            if Shape(source, i, in: range, width: width).isCapitalHeading,
                source.storage.withUnsafeBufferPointer({ TaskExtractor.role(ofHeading: slice($0, t.content)) }) != nil
            {
                named += 1
            }
        }
        return named >= 2 && named >= numbered
    }

    /// What a line looks like to the restorer, from its own text and its neighbours'.
    struct Shape {
        /// Plain text: not a marker line, a table row, a rule, a field or a frame keyword.
        var isPlain = false
        var isField = false
        /// The line starts a paragraph: the text before it ended (or a blank line or a
        /// marker line came between) and it starts with no lowercase letter.
        var startsParagraph = false
        /// The line could be a heading: short, no end punctuation, the next line no continuation.
        var isHeadingShaped = false
        var isCapitals = false

        var isCapitalHeading: Bool { isPlain && startsParagraph && isHeadingShaped && isCapitals }

        /// - Parameter width: the width of a hard-wrapped text (antiword's 76 columns), nil when
        ///   paragraphs are lines of their own.
        init(_ source: TokenizedSource, _ i: Int, in range: Range<Int>, width: Int?) {
            let t = source.tokens[i]
            guard t.kind == .text, t.keyword == .none, !t.isRule, t.role == .text, t.leadingTabs == 0 else { return }
            if t.fieldRole != nil {
                isField = true
                return
            }
            isPlain = true
            source.storage.withUnsafeBufferPointer { buf in
                let text = slice(buf, t.content)
                guard let first = TextShape.firstScalar(text) else { return }
                // Without a wrap width every line is a paragraph. In hard-wrapped text the line
                // before ended its paragraph if it ends a sentence or stops short of the width —
                // judged by its text whatever this pass made of it (a wrapped item goes on).
                var previousEnded = true
                if let width, i > range.lowerBound, !t.afterBlank {
                    let p = source.tokens[i - 1]
                    previousEnded = p.kind == .tableRow || p.isRule || endsSentence(slice(buf, p.content))
                        || scalarCount(slice(buf, p.line)) <= width - Shape.shortfall
                }
                startsParagraph = previousEnded && !VietnameseText.isLowercase(first)
                var nextContinues = false
                if i + 1 < range.upperBound {
                    let n = source.tokens[i + 1]
                    if n.kind == .text, !n.afterBlank, n.fieldRole == nil, let f = TextShape.firstScalar(slice(buf, n.content)) {
                        nextContinues = VietnameseText.isLowercase(f)
                    }
                }
                isHeadingShaped = !nextContinues && Shape.looksLikeHeading(text, width: width) && VietnameseText.isLetter(first)
                isCapitals = isHeadingShaped && TextShape.isUppercase(text)
            }
        }

        /// How much shorter than the wrap width a line is when it ends its paragraph.
        static let shortfall = 6

        /// Short (at most 20 words, 150 bytes, and in hard-wrapped text clearly shorter than a
        /// wrapped line) and not ended by `.`, `;`, `:`, `,`, `!`, `?`.
        static func looksLikeHeading(_ text: UnsafeBufferPointer<UInt8>, width: Int?) -> Bool {
            guard let last = text.last, text.count <= 150, !endsSentence(text), last != UInt8(ascii: ",") else { return false }
            if let width, scalarCount(text) > width - shortfall { return false }
            var words = 1
            for b in text where b == 0x20 { words += 1 }
            return words <= 20
        }
    }

    /// The longest line of the body in characters when it is that of a hard-wrapped text (at
    /// most 100), else nil.
    static func wrapWidth(_ source: TokenizedSource, _ range: Range<Int>) -> Int? {
        var widest = 0
        source.storage.withUnsafeBufferPointer { buf in
            for i in range where source.tokens[i].kind != .tableRow {
                widest = max(widest, scalarCount(slice(buf, source.tokens[i].line)))
                if widest > 100 { return }
            }
        }
        return widest <= 100 ? widest : nil
    }

    static func scalarCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in text where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The text ends a sentence or a clause: `.`, `;`, `:`, `!`, `?` or `…`.
    static func endsSentence(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = text.last else { return false }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        default: return text.count >= 3 && text[text.count - 3] == 0xE2 && text[text.count - 2] == 0x80 && last == 0xA6  // …
        }
    }

    @inline(__always)
    static func slice(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int32>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buf[Int(r.lowerBound)..<Int(r.upperBound)])
    }

    /// The walk over the body that gives the lines their markers.
    private struct Restorer {
        var source: TokenizedSource
        let width: Int?
        var roman = 0
        var arabic = 0
        var letter = 0
        /// The deepest heading open: 0 none, 1 Roman, 2 Arabic, 3 lettered.
        var depth = 0
        /// Whether the open Arabic heading has lettered headings (`Chỉ tiêu`, `Nhiệm vụ`).
        var arabicHasLetters = false
        /// Whether the last marked line is a heading with nothing after it yet.
        var headingJustOpened = false
        /// Whether the last line was an item's field.
        var afterFields = false
        /// Whether a lettered item is open (its fields follow it).
        var itemOpen = false
        var restored = 0
        var firstHeading: (line: Int, text: String)?

        mutating func run(_ range: Range<Int>) {
            var started = false
            var i = range.lowerBound
            while i < range.upperBound {
                let t = source.tokens[i]
                // An appendix keeps its own structure (its tables): the restoring ends there.
                if t.kind == .text, t.keyword == .appendix { return }
                if t.kind == .heading || t.kind == .bullet {
                    // A typed marker (`- Cơ quan chủ trì: …` under a bare item, `I. MỤC ĐÍCH`)
                    // stays as printed; the restored numbers go on from a typed heading's.
                    headingJustOpened = false
                    afterFields = t.kind == .bullet && t.fieldRole != nil
                    if t.kind == .heading { typed(t) }
                    if t.kind == .heading, t.style == .roman || t.style == .upperLetter { started = true }
                    i += 1
                    // `I.` alone on its line: the next text line is its title, as printed.
                    if t.content.isEmpty, i < range.upperBound, source.tokens[i].kind == .text { i += 1 }
                    continue
                }
                let shape = Shape(source, i, in: range, width: width)
                if !started {
                    // The preamble (`Căn cứ …`) runs up to the first heading in capitals.
                    guard shape.isCapitalHeading else {
                        i += 1
                        continue
                    }
                    started = true
                }
                if shape.isField, t.fieldRole == .unknown, !afterFields, !itemOpen, depth == 2, shape.startsParagraph {
                    // `Sở Thông tin và Truyền thông: Chủ trì …` under a heading: an item naming its unit.
                    item(i)
                } else if shape.isField {
                    // A field line after an item: a bullet, as `- Cơ quan chủ trì: …` would be.
                    mark(i, .bullet, style: depth == 3 ? .plus : .dash)
                    headingJustOpened = false
                    afterFields = true
                } else if shape.isPlain, shape.startsParagraph {
                    let closesItem = afterFields
                    afterFields = false
                    let fieldsFollow = introducesFields(after: i, range)
                    if shape.isHeadingShaped, !(fieldsFollow && closesItem && itemOpen && !shape.isCapitals) {
                        heading(i, capitals: shape.isCapitals)
                    } else if shape.isHeadingShaped {
                        // After a lettered item's fields, a short line before fields of its own
                        // is the next lettered item (`b) Xây dựng Kế hoạch …` / `- Đơn vị chủ trì …`).
                        item(i)
                    } else if closesItem, depth == 2, !itemOpen {
                        // The fields were an Arabic heading's own (`1. Tổ chức triển lãm` over its
                        // fields): the next paragraph is the next such item.
                        heading(i, capitals: false)
                    } else if fieldsFollow {
                        item(i)
                    } else if depth >= 1, !paragraphEndsSentence(i, range), paragraphAfterIntroducesFields(i, range) {
                        // A paragraph over items with fields, not a sentence, is their heading,
                        // however long (`8. Công tác xây dựng và áp dụng Hệ thống quản lý chất
                        // lượng … tỉnh`); a sentence there is an item of its own (`Khuyến khích …`).
                        heading(i, capitals: false)
                    } else if closesItem && depth == 2 {
                        // Fields end their item: the next paragraph is the next item, not a note.
                        item(i)
                    } else if depth >= 2 {
                        // A paragraph under an Arabic or lettered heading: one of its items.
                        mark(i, .bullet, style: .dash)
                        headingJustOpened = false
                        itemOpen = false
                    }
                }
                i += 1
            }
        }

        /// A heading printed with its number: the counts go on from it.
        private mutating func typed(_ t: LineToken) {
            switch t.style {
            case .roman, .upperLetter:
                roman = Int(t.ordinal)
                arabic = 0
                letter = 0
                depth = 1
            case .arabic where t.path.count <= 1:
                arabic = Int(t.ordinal)
                letter = 0
                depth = 2
                arabicHasLetters = false
            case .letter:
                letter = Int(t.ordinal)
                itemOpen = true
            default:
                break
            }
        }

        /// The paragraph at `i` (with its continuation lines) is followed by a field line.
        private func introducesFields(after i: Int, _ range: Range<Int>) -> Bool {
            var j = i + 1
            while j < range.upperBound {
                let t = source.tokens[j]
                // A restored field line or a typed field bullet (`- Cơ quan chủ trì: …`).
                if t.kind == .bullet, t.fieldRole != nil { return t.fieldRole != .unknown }
                if t.kind != .text { return false }
                if t.fieldRole != nil { return t.fieldRole != .unknown }
                if Shape(source, j, in: range, width: width).startsParagraph { return false }
                j += 1
            }
            return false
        }

        /// Whether the paragraph that starts at `i` ends with `.`, `;`, `:`, `!`, `?` or `…`.
        private func paragraphEndsSentence(_ i: Int, _ range: Range<Int>) -> Bool {
            var last = i
            var j = i + 1
            while j < range.upperBound, source.tokens[j].kind == .text, source.tokens[j].fieldRole == nil,
                !Shape(source, j, in: range, width: width).startsParagraph
            {
                last = j
                j += 1
            }
            let t = source.tokens[last]
            return source.storage.withUnsafeBufferPointer { endsSentence(LostNumbering.slice($0, t.content)) }
        }

        /// The paragraph after the one at `i` is followed by a field line.
        private func paragraphAfterIntroducesFields(_ i: Int, _ range: Range<Int>) -> Bool {
            var j = i + 1
            while j < range.upperBound {
                let t = source.tokens[j]
                guard t.kind == .text, t.fieldRole == nil else { return false }
                let shape = Shape(source, j, in: range, width: width)
                if shape.startsParagraph { return shape.isPlain && !shape.isHeadingShaped && introducesFields(after: j, range) }
                j += 1
            }
            return false
        }

        private mutating func heading(_ i: Int, capitals: Bool) {
            if capitals {
                roman += 1
                arabic = 0
                letter = 0
                depth = 1
                mark(i, .heading, style: .roman, ordinal: roman, number: RomanNumeral.string(roman))
            } else if depth >= 2, headingJustOpened && depth == 2 || arabicHasLetters && namesRole(i) {
                letter += 1
                depth = 3
                arabicHasLetters = true
                mark(i, .heading, style: .letter, ordinal: letter, number: Self.letterName(letter))
            } else {
                arabic += 1
                letter = 0
                depth = 2
                arabicHasLetters = false
                mark(i, .heading, style: .arabic, ordinal: arabic, number: String(arabic), path: true)
            }
            headingJustOpened = true
            itemOpen = false
            if firstHeading == nil {
                let t = source.tokens[i]
                firstHeading = (Int(t.number), source.string(t.content))
            }
        }

        /// A paragraph that introduces field lines: a lettered item under an Arabic heading,
        /// a bullet under a lettered one.
        private mutating func item(_ i: Int) {
            headingJustOpened = false
            itemOpen = true
            if depth == 3 {
                mark(i, .bullet, style: .dash)
                return
            }
            letter += 1
            mark(i, .heading, style: .letter, ordinal: letter, number: Self.letterName(letter))
        }

        private func namesRole(_ i: Int) -> Bool {
            let t = source.tokens[i]
            return source.storage.withUnsafeBufferPointer { TaskExtractor.role(ofHeading: LostNumbering.slice($0, t.content)) } != nil
        }

        /// `a` … `z` as Word letters a list (its `lowerLetter` numbering: `e` after `d`, not the
        /// `đ` of typed markers), then `aa`, `bb`, … as Word goes on.
        static func letterName(_ n: Int) -> String {
            let k = (n - 1) % 26
            let repeats = (n - 1) / 26 + 1
            return String(repeating: String(UnicodeScalar(UInt8(ascii: "a") + UInt8(k))), count: repeats)
        }

        /// Makes token `i` a marker line. A heading's marker (`II.`, `3.`, `b)`) is written after
        /// the text, past every line: the parser reads it there like a printed one.
        private mutating func mark(_ i: Int, _ kind: LineKind, style: MarkerStyle, ordinal: Int = 0, number: String? = nil,
                                   path: Bool = false) {
            var t = source.tokens[i]
            t.kind = kind
            t.style = style
            t.ordinal = Int32(ordinal)
            if let number {
                let start = Int32(source.storage.count)
                source.storage.append(contentsOf: number.utf8)
                source.storage.append(style == .letter ? UInt8(ascii: ")") : UInt8(ascii: "."))
                t.marker = start..<Int32(source.storage.count)
            } else {
                t.marker = t.line.lowerBound..<t.line.lowerBound
            }
            if path {
                t.path = MarkerPath()
                t.path.append(ordinal)
            }
            source.tokens[i] = t
            restored += 1
        }
    }
}
