/// Builds the section tree from the body tokens (the parsing stage).
///
/// The text has no indentation, so nesting comes from the marker kinds: part > A. > Roman >
/// Arabic (by depth) > letter > `1)` > bullets. Bullet styles nest in the order they appear
/// under a heading (`-` then `+` then `- +` …), the way a reader reads them. A stack of open
/// nodes makes this one pass; depth is bounded by the number of marker kinds (at most 19).
/// The tree goes into a ``SectionStore``: texts stay byte ranges of the tokenizer's buffer.
struct SectionParser {
    struct Output {
        var preamble: [Paragraph] = []
        var store: SectionStore
        var leftovers: [SourceLine] = []
        var warnings: [Diagnostic] = []
    }

    /// What the parser needs to know about a node to nest and check the ones after it; texts
    /// are in the builder.
    private struct Node {
        var kind: Section.Kind
        var style: MarkerStyle
        var rank: Int
        var ordinal: Int
        var path: MarkerPath
        /// The marker's bytes in the tokenizer's text: made a `String` only for a warning.
        var marker: Range<Int32>
        /// Set when this node's number repeats its previous sibling's (a slip).
        var repeatsPrevious = false
    }

    /// A node on the stack of open ones. Only open nodes and their last children are ever
    /// looked at again, so the parser keeps nothing per node beyond these (a document of
    /// 800,000 bullets would otherwise hold 800,000 of them).
    private struct Open {
        var index: Int
        var node: Node
        /// Its last child so far: the next child's numbering is checked against it.
        var lastChild: Node?
    }

    private enum TextRef {
        case title(Int)
        /// Owner node and the paragraph's index in the builder.
        case paragraph(Int, Int)
        case preamble(Int)
    }

    /// A preamble paragraph while it is read, as bytes. A struct, not a tuple: each generic
    /// type (an array of tuples is one) costs the runtime a metadata lookup by name per process.
    private struct PreambleText {
        var line: Int
        var endLine: Int
        var text: [UInt8]
    }

    private let source: TokenizedSource
    private var builder: SectionStore.Builder
    private var roots: [Int32] = []
    /// The last root node, for the numbering check of the next root.
    private var lastRoot: Node?
    private var stack: [Open] = []
    private var preamble: [PreambleText] = []
    private var lastText: TextRef?
    private var tableRows: [Int] = []
    private var tableOwner: Int?
    private var leftovers: [SourceLine] = []
    private var warnings: [Diagnostic] = []
    /// Paragraphs are separated by blank lines, so a line right after another continues it
    /// (hard-wrapped text). Without blank lines, only the line's shape tells.
    private let blankSeparated: Bool
    /// The column a hard-wrapped text was wrapped at (converter text: `pdftotext`, antiword),
    /// when most long lines end near one width; nil for text with a line per paragraph.
    private let wrapWidth: Int?
    /// The last line that went into `lastText`.
    private var lastLine: Range<Int32> = 0..<0
    /// Its display width: measured only when asked (only hard-wrapped text, with a
    /// `wrapWidth`, asks), not for every line.
    private var lastLineWidth: Int { DisplayColumns.width(source.bytes(lastLine)) }

    init(source: TokenizedSource) {
        self.source = source
        builder = SectionStore.Builder(base: source.storage)
        var separated = 0
        var lines = 0
        var markers = 0
        for t in source.tokens where t.kind != .tableRow {
            lines += 1
            if t.afterBlank { separated += 1 }
            if t.kind == .heading || t.kind == .bullet || t.keyword == .appendix { markers += 1 }
        }
        blankSeparated = lines > 0 && separated * 4 >= lines
        wrapWidth = Self.wrapWidth(source)
        // A node per marker line (and rarely one for a table before any heading), at most a
        // paragraph per line: room reserved up front instead of arrays doubled and copied.
        builder.reserve(nodes: markers + 1, paragraphs: lines + 1)
    }

    /// How wide a full line is in hard-wrapped text: the width nine in ten long lines stay
    /// within, when at least two in five long lines end close to it. Text with a line per
    /// paragraph has lines of every length and no such width.
    static func wrapWidth(_ source: TokenizedSource) -> Int? {
        // The widths are counted, not sorted: nearly all are below `cap`; the few wider ones
        // are kept apart and sorted.
        let cap = 512
        var counts = [Int](repeating: 0, count: cap)
        var wide: [Int] = []
        var total = 0
        source.storage.withUnsafeBufferPointer { buf in
            source.tokens.withUnsafeBufferPointer { tokens in
                for t in tokens where t.kind != .tableRow {
                    // A line is never wider than its bytes: a shorter one need not be measured.
                    guard t.line.count >= 30 else { continue }
                    let w = DisplayColumns.width(UnsafeBufferPointer(rebasing: buf[Int(t.line.lowerBound)..<Int(t.line.upperBound)]))
                    guard w >= 30 else { continue }
                    total += 1
                    if w < cap { counts[w] += 1 } else { wide.append(w) }
                }
            }
        }
        guard total >= 12 else { return nil }
        wide.sort()
        // The width at `rank` in ascending order.
        func width(at rank: Int) -> Int {
            var below = 0
            for w in 0..<cap {
                below += counts[w]
                if below > rank { return w }
            }
            return wide[rank - below]
        }
        let width = width(at: total * 9 / 10)
        let low = width - wrapSlack(width)
        var near = wide.filter { $0 >= low && $0 <= width }.count
        if low < cap {
            for w in max(low, 0)..<min(width + 1, cap) { near += counts[w] }
        }
        return near * 5 >= total * 2 ? width : nil
    }

    /// How much shorter than the wrap width a wrapped line may be (the next word did not fit).
    static func wrapSlack(_ width: Int) -> Int { max(10, width / 7) }

    /// Parses the tokens of `source` in `ranges` (see ``parse(ranges:)``). The parser, which
    /// holds the token list, is gone when this returns, so the caller can let the tokens go.
    static func parse(_ source: TokenizedSource, ranges: [Range<Int>]) -> Output {
        var parser = SectionParser(source: source)
        return parser.parse(ranges: ranges)
    }

    /// Parses the tokens in `ranges` (body, then what follows the closing block).
    /// In every range after the first, lines before an appendix or an attached document
    /// (``AttachedDocument``) are leftovers.
    mutating func parse(ranges: [Range<Int>]) -> Output {
        for (k, range) in ranges.enumerated() {
            var orphan = k > 0
            var skip = -1
            var inAppendix = false
            for i in range where i != skip {
                let t = source.tokens[i]
                if t.keyword == .appendix && t.kind == .text {
                    orphan = false
                    inAppendix = true
                } else if !inAppendix, t.kind != .blank, startsAttachment(i, orphan: orphan, before: range.upperBound) {
                    // The plan a decision adopts: its outline starts afresh, its title block is
                    // text before its first heading.
                    orphan = false
                    closeTable()
                    stack.removeAll()
                    lastRoot = nil
                    lastText = nil
                }
                if orphan {
                    leftovers.append(SourceLine(line: Int(t.number), text: source.string(t.line)))
                    continue
                }
                // A bullet alone on its line (a Word glyph ``) with its text on the next line:
                // one item, the next line's text (a field too: `Đơn vị chủ trì: …`) its own.
                if t.kind == .bullet, t.content.isEmpty, t.fieldRole == nil, i + 1 < range.upperBound,
                    source.tokens[i + 1].kind == .text, source.tokens[i + 1].keyword == .none
                {
                    openMarkerOnly(i, textAt: i + 1)
                    skip = i + 1
                    continue
                }
                consume(i)
            }
            closeTable()
            stack.removeAll()
            lastText = nil
        }
        // A node ends where its last descendant ends; children come after their parents.
        for i in stride(from: builder.nodes.count - 1, through: 0, by: -1) {
            let parent = Int(builder.parents[i])
            if parent >= 0, builder.nodes[i].endLine > builder.nodes[parent].endLine {
                builder.nodes[parent].endLine = builder.nodes[i].endLine
            }
        }
        // Hand the builder over (and drop the parser's copy) so freezing it copies nothing.
        let done = builder
        builder = SectionStore.Builder(base: [])
        return Output(
            preamble: preamble.map { Paragraph(line: $0.line, endLine: $0.endLine, text: String(decoding: $0.text, as: UTF8.self)) },
            store: SectionStore(builder: done, roots: roots), leftovers: leftovers, warnings: warnings)
    }

    /// After the closing any kind line with its `(Ban hành kèm theo …)` line starts the attached
    /// document; inside the body (a decision whose closing was not found) only a kind alone on
    /// its line does, so a title in the body that begins with a kind word stays text.
    private func startsAttachment(_ i: Int, orphan: Bool, before end: Int) -> Bool {
        let t = source.tokens[i]
        guard t.keyword != .recipients, AttachedDocument.starts(at: i, in: source, before: end) else { return false }
        return orphan || FrameParser.kindLength(source.bytes(t.content)) == t.content.count
    }

    // MARK: - Consuming tokens

    private mutating func consume(_ i: Int) {
        let t = source.tokens[i]
        // Inside a table, a line of leading tabs and text is a row with only its last cells filled.
        if t.leadingTabs > 0, !tableRows.isEmpty, t.kind != .tableRow {
            tableRows.append(i)
            return
        }
        if t.kind != .tableRow { closeTable() }
        switch t.kind {
        case .blank:
            break
        case .tableRow:
            if tableRows.isEmpty {
                tableOwner = nearestHeading() ?? implicitAppendix(at: t)
            }
            tableRows.append(i)
            lastText = nil
        case .heading, .bullet:
            if let ref = lastText, isWrappedMarker(t, after: ref) {
                // `kinh tế` / `- xã hội …`: a wrapped line that only looks like a marker.
                append(t.line, line: Int(t.number), to: ref)
            } else {
                openNode(i)
            }
        case .text:
            if t.keyword == .appendix {
                openAppendix(i)
            } else {
                addText(i)
            }
        }
    }

    /// The marker of token `i` with the text (and field label) of token `j`.
    private mutating func openMarkerOnly(_ i: Int, textAt j: Int) {
        closeTable()
        let marker = source.tokens[i]
        var t = source.tokens[j]
        t.kind = marker.kind
        t.style = marker.style
        t.ordinal = marker.ordinal
        t.path = marker.path
        t.marker = marker.marker
        t.number = marker.number
        t.afterBlank = marker.afterBlank
        if t.fieldRole == nil {
            // As a bullet, any short `Label:` is a field label.
            source.storage.withUnsafeBufferPointer { buf in
                let c = Int(t.content.lowerBound)
                if let (labelEnd, valueStart, role) = FieldLabel.match(buf, from: c, to: Int(t.line.upperBound)) {
                    t.fieldRole = role
                    t.label = Int32(c)..<Int32(labelEnd)
                    t.content = Int32(valueStart)..<t.line.upperBound
                }
            }
        }
        openNode(i, token: t)
        if case .title(let n) = lastText { builder.nodes[n].endLine = source.tokens[j].number }
    }

    private mutating func openNode(_ i: Int, token: LineToken? = nil) {
        let t = token ?? source.tokens[i]
        let kind = Self.sectionKind(t.style)
        var stored = SectionStore.Node(
            kind: kind, marker: t.marker, number: t.style.isBullet ? nil : numberRange(t.marker),
            title: t.kind == .bullet && t.fieldRole != nil ? t.label.lowerBound..<t.line.upperBound : t.content,
            line: t.number, endLine: t.number)
        if t.fieldRole != nil {
            stored.fieldRole = t.fieldRole
            stored.fieldLabel = t.label
            stored.fieldValue = t.content
        }
        var flattened: Range<Int32>?
        if let (title, rest) = HeadingShapes.flattenedHeading(kind, t.content, source.storage) {
            // `I. CĂN CỨ LẬP KẾ HOẠCH - Quyết định số … - Nghị quyết số …`: the list after the title.
            stored.title = title
            flattened = rest
        }
        var node = Node(kind: kind, style: t.style, rank: 0, ordinal: Int(t.ordinal), path: t.path, marker: t.marker)
        if t.style.isBullet {
            // A bullet style already open under the same heading makes a sibling; a new style nests.
            var k = stack.count - 1
            var found = -1
            while k >= 0, stack[k].node.style.isBullet {
                if stack[k].node.style == t.style {
                    found = k
                    break
                }
                k -= 1
            }
            if found >= 0 {
                stack.removeSubrange(found...)
            }
            node.rank = stack.last.map { $0.node.style.isBullet ? $0.node.rank + 1 : 20 } ?? 20
        } else {
            node.rank = Self.rank(t.style, depth: Int(t.path.count))
            while let top = stack.last, top.node.rank >= node.rank { stack.removeLast() }
        }
        let index = add(node, stored)
        lastText = .title(index)
        lastLine = t.line
        if let rest = flattened {
            let p = builder.addParagraph(SectionStore.StoredParagraph(line: t.number, endLine: t.number, text: rest), to: index)
            lastText = .paragraph(index, p)
        }
    }

    /// The number inside a marker: `2.1.` → `2.1`, `c)` → `c`, `PHẦN II.` → `II`.
    private func numberRange(_ marker: Range<Int32>) -> Range<Int32> {
        let bytes = source.bytes(marker)
        var lo = bytes.startIndex
        if let space = bytes.lastIndex(of: 0x20) { lo = space + 1 }
        var hi = bytes.endIndex
        while hi > lo, bytes[hi - 1] == UInt8(ascii: ".") || bytes[hi - 1] == UInt8(ascii: ")") || bytes[hi - 1] == UInt8(ascii: ":") {
            hi -= 1
        }
        return Int32(lo)..<Int32(hi)
    }

    private mutating func openAppendix(_ i: Int) {
        let t = source.tokens[i]
        stack.removeAll()
        let (marker, title) = splitAppendixLine(t.content)
        _ = add(
            Node(kind: .appendix, style: .none, rank: -1, ordinal: 0, path: MarkerPath(), marker: marker),
            SectionStore.Node(kind: .appendix, marker: marker, number: nil, title: title, line: t.number, endLine: t.number),
            root: true)
        lastText = nil
    }

    /// A table before any heading: it gets an appendix node without a heading of its own.
    private mutating func implicitAppendix(at t: LineToken) -> Int {
        let empty = t.line.lowerBound..<t.line.lowerBound
        stack.removeAll()
        return add(
            Node(kind: .appendix, style: .none, rank: -1, ordinal: 0, path: MarkerPath(), marker: empty),
            SectionStore.Node(kind: .appendix, marker: empty, number: nil, title: empty, line: t.number, endLine: t.number),
            root: true)
    }

    /// Records a node under the top of the stack (or as a root), checks its numbering and
    /// pushes it on the stack.
    private mutating func add(_ node: Node, _ stored: SectionStore.Node, root: Bool = false) -> Int {
        var node = node
        let parent = root ? nil : stack.indices.last
        let index = Int(builder.addNode(stored, parent: parent.map { Int32(stack[$0].index) } ?? -1))
        if let parent {
            checkSequence(after: stack[parent].lastChild, next: &node, line: Int(stored.line))
            stack[parent].lastChild = node
        } else {
            checkSequence(after: lastRoot, next: &node, line: Int(stored.line))
            lastRoot = node
            roots.append(Int32(index))
        }
        stack.append(Open(index: index, node: node))
        return index
    }

    /// `PHỤ LỤC I` + rest of the line.
    private func splitAppendixLine(_ r: Range<Int32>) -> (Range<Int32>, Range<Int32>) {
        let bytes = source.bytes(r)
        let s0 = bytes.startIndex
        // "PHỤ LỤC" / "Phụ lục" is 11 bytes in NFC.
        var end = s0 + min(11, bytes.count)
        var j = end
        while j < bytes.endIndex, bytes[j] == 0x20 { j += 1 }
        // Keep a numeral (`PHỤ LỤC II`, `Phụ lục 01`) with the marker.
        var k = j
        while k < bytes.endIndex, bytes[k] == UInt8(ascii: "I") || bytes[k] == UInt8(ascii: "V") || bytes[k] == UInt8(ascii: "X")
            || (bytes[k] >= 0x30 && bytes[k] <= 0x39)
        {
            k += 1
        }
        if k > j, k == bytes.endIndex || bytes[k] == 0x20 || bytes[k] == UInt8(ascii: ".") || bytes[k] == UInt8(ascii: ":") {
            end = k
            j = k
            while j < bytes.endIndex, bytes[j] == 0x20 || bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ":") { j += 1 }
        }
        return (Int32(s0)..<Int32(end), Int32(j)..<r.upperBound)
    }

    private mutating func addText(_ i: Int) {
        let t = source.tokens[i]
        // A line that is a field (`Chủ trì: …`) keeps its label in the paragraph.
        let content = t.fieldRole == nil ? t.content : t.label.lowerBound..<t.content.upperBound
        if case .title(let n)? = lastText, HeadingShapes.takesNextLineAsTitle(builder.nodes[n], t) {
            // `Phần II` / (blank) / `NHIỆM VỤ, GIẢI PHÁP`: the heading's title is the next line.
            append(t.content, line: Int(t.number), to: .title(n))
            return
        }
        if let ref = lastText, continues(ref, with: t) {
            append(t.content, line: Int(t.number), to: ref)
            lastLine = t.line
            return
        }
        lastLine = t.line
        // A paragraph belongs to the nearest heading, closing any open bullets.
        while let top = stack.last, top.node.style.isBullet { stack.removeLast() }
        if let owner = stack.last?.index {
            let p = builder.addParagraph(SectionStore.StoredParagraph(line: t.number, endLine: t.number, text: content), to: owner)
            if t.number > builder.nodes[owner].endLine { builder.nodes[owner].endLine = t.number }
            lastText = .paragraph(owner, p)
        } else {
            preamble.append(PreambleText(line: Int(t.number), endLine: Int(t.number), text: Array(source.bytes(content))))
            lastText = .preamble(preamble.count - 1)
        }
    }

    /// Parts, groups, Roman and Arabic numbered headings and appendices: the kinds with titles
    /// that read as headings (a switch, not an array literal made at every call).
    private static func isHeadingKind(_ kind: Section.Kind) -> Bool {
        switch kind {
        case .part, .group, .roman, .arabic, .appendix: return true
        default: return false
        }
    }

    /// The text a reference points at, for continuation checks, and whether it is a heading.
    private func withText<R>(of ref: TextRef, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R) -> R {
        switch ref {
        case .title(let n):
            let node = builder.nodes[n]
            let isHeading = Self.isHeadingKind(node.kind) && node.title.count < 120
            return builder.withBytes(node.title) { body($0, isHeading) }
        case .paragraph(_, let p):
            return builder.withBytes(builder.paragraphs[p].text) { body($0, false) }
        case .preamble(let p):
            return preamble[p].text.withUnsafeBufferPointer { body($0, false) }
        }
    }

    /// A marker line that continues the text before it: the text has not ended, and the
    /// "bullet" goes on in lower case (`- xã hội của tỉnh.`), or — in blank-separated text — a
    /// number follows a long unfinished line with no blank line between.
    private func isWrappedMarker(_ t: LineToken, after ref: TextRef) -> Bool {
        let (last, count, isHeading) = withText(of: ref) { ($0.last, $0.count, $1) }
        // In hard-wrapped text a full heading line may wrap too (`… kinh tế` / `- xã hội …`).
        let fullLine = wrapWidth.map { lastLineWidth >= $0 - Self.wrapSlack($0) } ?? false
        guard let last, !isHeading || fullLine else { return false }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"): return false
        default: break
        }
        let first = TextShape.firstScalar(source.bytes(t.content)) ?? 0
        if t.kind == .bullet, t.fieldRole == nil, VietnameseText.isLowercase(first) { return true }
        // `… phối hợp với Phòng Tài chính` / `- Kế hoạch bố trí …`: the wrap cut a unit's dashed
        // name at its dash, which then reads as a bullet.
        if t.kind == .bullet, t.fieldRole == nil, source.bytes(t.line).first == UInt8(ascii: "-"),
            withText(of: ref, { previous, _ in
                source.storage.withUnsafeBufferPointer { buf in
                    UnitLexicon.isCutAtDash(previous: previous,
                                            next: UnsafeBufferPointer(rebasing: buf[Int(t.content.lowerBound)..<Int(t.content.upperBound)]))
                }
            })
        {
            return true
        }
        if blankSeparated, !t.afterBlank, t.kind == .heading, count >= 50,
            t.style == .arabic || t.style == .letter || t.style == .parenNumber
        {
            return true
        }
        return false
    }

    private func continues(_ ref: TextRef, with t: LineToken) -> Bool {
        guard t.keyword == .none || t.keyword == .basis && !t.afterBlank else { return false }
        // `Cơ quan chủ trì: …` on a line of its own is a field, never the end of a sentence.
        guard t.fieldRole == nil else { return false }
        if case .title(let n) = ref {
            // A marker alone on its line (a Word bullet glyph ``): the text after it is its text.
            if builder.nodes[n].title.isEmpty, builder.nodes[n].fieldRole == nil { return true }
            if continuesHeading(n, with: t) { return true }
        }
        // The closure reads locals only: one that read `self` would copy the whole parser.
        let blankSeparated = blankSeparated
        var fullWidth = false
        if let width = wrapWidth { fullWidth = lastLineWidth >= width - Self.wrapSlack(width) }
        var inField = false
        if case .title(let n) = ref { inField = builder.nodes[n].fieldRole != nil }
        let storage = source.storage
        return withText(of: ref) { previous, isHeading in
            storage.withUnsafeBufferPointer { buf in
                let next = UnsafeBufferPointer(rebasing: buf[Int(t.content.lowerBound)..<Int(t.content.upperBound)])
                if blankSeparated, !t.afterBlank, !isHeading, !Self.startsNewParagraph(previous, next) { return true }
                if fullWidth, Self.isHardWrap(previous, inField: inField, next: next) { return true }
                return Continuation.continues(previous: previous, next: next, isHeading: isHeading)
            }
        }
    }

    /// A wrapped upper-case heading (`I. KẾT QUẢ` / `ĐẠT ĐƯỢC`, `… CÁC PHÒNG, ĐƠN` / `VỊ`): the
    /// next line, right after it, is upper case too and no marker.
    private func continuesHeading(_ n: Int, with t: LineToken) -> Bool {
        let node = builder.nodes[n]
        guard !t.afterBlank, node.kind != .appendix, Self.isHeadingKind(node.kind), node.fieldRole == nil,
            !node.title.isEmpty, node.title.count < 200
        else { return false }
        let next = source.bytes(t.content)
        guard TextShape.isUppercase(next), next.count < 120 else { return false }
        return builder.withBytes(node.title) { title in
            guard TextShape.isUppercase(title), TextShape.hasLetters(title), let last = title.last else { return false }
            return last != UInt8(ascii: ".") && last != UInt8(ascii: ":") && last != UInt8(ascii: ";")
        }
    }

    /// Hard-wrapped text (``wrapWidth``): the previous line was full, so the next line carries
    /// on its sentence even when it starts with a capital (`… các nhiệm vụ được` / `UBND tỉnh
    /// giao`) — unless the sentence ended (`.`, `:`, `!`, `?`; `;` only outside a field, where
    /// it ends a list item, unless the next line goes on in lower case) or one of the two lines
    /// is an upper-case title and the other not.
    /// - Precondition: the previous line was full (it reached ``wrapWidth``); `inField`: the
    ///   text is a field's title.
    private static func isHardWrap(_ previous: UnsafeBufferPointer<UInt8>, inField: Bool, next: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = previous.last else { return false }
        let nextStartsLower = VietnameseText.isLowercase(TextShape.firstScalar(next) ?? 0)
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"): return false
        case UInt8(ascii: ";"): if !inField && !nextStartsLower { return false }
        default: break
        }
        // An upper-case title never runs on into running text, nor running text into one.
        return TextShape.isUppercase(next) == TextShape.isUppercase(previous)
    }

    /// In blank-separated text, two adjacent lines are one paragraph unless the second leaves
    /// an uppercase title (`NHIỆM VỤ CỤ THỂ …` / `(Kèm theo Kế hoạch …)`).
    private static func startsNewParagraph(_ previous: UnsafeBufferPointer<UInt8>, _ next: UnsafeBufferPointer<UInt8>) -> Bool {
        TextShape.isUppercase(previous) && !TextShape.isUppercase(next)
    }

    /// A citation code broken at its hyphen (`61/2018/NĐ-` / `CP ngày …`): the pieces join
    /// without a space.
    private func joinsTight(_ previous: Range<Int32>, _ content: Range<Int32>) -> Bool {
        builder.withBytes(previous) { Self.joinsTight($0, source.bytes(content)) }
    }

    static func joinsTight<C: Collection>(_ text: UnsafeBufferPointer<UInt8>, _ next: C) -> Bool where C.Element == UInt8 {
        // The next piece starts with a capital: `CP`, `UBND`, `TTg`, `ĐKT`.
        guard let first = next.first, (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")) || first == 0xC4 else { return false }
        guard text.count >= 3, text[text.count - 1] == UInt8(ascii: "-") else { return false }
        // The word before the hyphen is a code: capitals, digits and `/`, with a digit or `/` in it.
        var k = text.count - 2
        var sawCode = false
        while k >= 0, text[k] != 0x20 {
            let b = text[k]
            if b == UInt8(ascii: "/") || (b >= 0x30 && b <= 0x39) { sawCode = true }
            if b >= 0x61 && b <= 0x7A { return false }
            k -= 1
        }
        return sawCode
    }

    private mutating func append(_ content: Range<Int32>, line: Int, to ref: TextRef) {
        switch ref {
        case .title(let n):
            let old = builder.nodes[n]
            let title = builder.joined(old.title, content, separated: !joinsTight(old.title, content))
            builder.nodes[n].title = title
            if old.fieldRole != nil {
                // The value is the tail of the title; an empty value starts with the continuation.
                let start = old.fieldValue.isEmpty
                    ? title.upperBound - Int32(content.count)
                    : title.lowerBound + (old.fieldValue.lowerBound - old.title.lowerBound)
                builder.nodes[n].fieldValue = start..<title.upperBound
            }
            if Int32(line) > old.endLine { builder.nodes[n].endLine = Int32(line) }
        case .paragraph(let n, let p):
            let joined = builder.joined(builder.paragraphs[p].text, content,
                                        separated: !joinsTight(builder.paragraphs[p].text, content))
            builder.paragraphs[p].text = joined
            builder.paragraphs[p].endLine = Int32(line)
            if Int32(line) > builder.nodes[n].endLine { builder.nodes[n].endLine = Int32(line) }
        case .preamble(let p):
            if !preamble[p].text.withUnsafeBufferPointer({ Self.joinsTight($0, source.bytes(content)) }) {
                preamble[p].text.append(0x20)
            }
            preamble[p].text.append(contentsOf: source.bytes(content))
            preamble[p].endLine = line
        }
    }

    private func nearestHeading() -> Int? {
        stack.last { !$0.node.style.isBullet }?.index
    }

    private mutating func closeTable() {
        guard !tableRows.isEmpty, let owner = tableOwner else { return }
        var parser = TableParser(source: source)
        let (table, found) = parser.parse(rows: tableRows, into: &builder)
        builder.addTable(table, to: owner)
        if Int32(table.endLine) > builder.nodes[owner].endLine { builder.nodes[owner].endLine = Int32(table.endLine) }
        warnings.append(contentsOf: found)
        tableRows.removeAll()
        tableOwner = nil
    }

    // MARK: - Numbering

    /// Checks the numbering of `next`, on `line`, against its previous sibling's.
    private mutating func checkSequence(after previous: Node?, next: inout Node, line nextLine: Int) {
        guard !next.style.isBullet, next.style != .none, let prev = previous else { return }
        guard prev.style == next.style else { return }
        let a: Int
        let b: Int
        if next.style == .arabic {
            guard prev.path.count == next.path.count else { return }
            for k in 0..<(Int(next.path.count) - 1) where prev.path[k] != next.path[k] { return }
            a = prev.path.last
            b = next.path.last
        } else {
            a = prev.ordinal
            b = next.ordinal
        }
        guard a > 0, b > 0, let slip = NumberingSlip(previous: a, next: b, previousRepeated: prev.repeatsPrevious) else { return }
        if slip == .repeated { next.repeatsPrevious = true }
        warnings.append(slip.diagnostic(
            line: nextLine, what: "\(Self.describe(next.style)) \(source.string(next.marker))", sameAs: "the previous one",
            previous: source.string(prev.marker), expected: expectedMarker(after: prev)))
    }

    private func expectedMarker(after node: Node) -> String {
        Self.expectedMarker(style: node.style, marker: source.string(node.marker), ordinal: node.kind == .arabic ? node.path.last : node.ordinal)
    }

    static func expectedMarker(style: MarkerStyle, marker: String, ordinal: Int) -> String {
        let suffix = marker.last.map(String.init) ?? "."
        switch style {
        case .roman, .part:
            return RomanNumeral.string(ordinal + 1) + suffix
        case .article:
            return "Điều " + String(ordinal + 1) + suffix
        case .letter:
            return ordinal < MarkerScanner.letters.count ? MarkerScanner.letters[ordinal] + suffix : "?"
        case .upperLetter:
            return String(UnicodeScalar(UInt8(64 + min(ordinal + 1, 26)))) + suffix
        case .arabic:
            var parts = marker.split(separator: ".").map(String.init)
            if let last = parts.last, let v = Int(last) { parts[parts.count - 1] = String(v + 1) }
            return parts.joined(separator: ".") + (marker.hasSuffix(".") ? "." : "")
        default:
            return String(ordinal + 1) + suffix
        }
    }

    static func describe(_ style: MarkerStyle) -> String {
        switch style {
        case .roman: return "roman numeral"
        case .arabic: return "number"
        case .letter: return "letter"
        case .upperLetter: return "capital letter"
        case .part: return "part"
        case .parenNumber: return "number"
        case .article: return "article"
        default: return "marker"
        }
    }

    static func sectionKind(_ style: MarkerStyle) -> Section.Kind {
        switch style {
        case .part: return .part
        case .upperLetter: return .group
        case .roman: return .roman
        case .arabic: return .arabic
        case .letter: return .letter
        case .parenNumber: return .number
        case .article: return .article
        default: return .bullet
        }
    }

    /// Nesting rank of a heading style; bullets get theirs from what is open.
    static func rank(_ style: MarkerStyle, depth: Int) -> Int {
        switch style {
        case .part: return 0
        case .upperLetter: return 1
        case .roman: return 2
        case .arabic: return 2 + min(max(depth, 1), MarkerPath.capacity)
        case .letter: return 10
        case .parenNumber: return 11
        case .article: return 2
        default: return 20
        }
    }

    /// `2.1.` → `2.1`, `c)` → `c`, `PHẦN II.` → `II`.
    static func number(fromMarker marker: String) -> String {
        // Markers are ASCII but for `PHẦN`: in ASCII every byte is a character (a `\r\n` pair,
        // the one exception, holds none of the bytes looked for), so the bytes give the same
        // answer without the cost of breaking the text into characters.
        if let number = marker.withUTF8Bytes({ bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var lo = 0
            if let space = bytes.lastIndex(of: 0x20) { lo = space + 1 }
            var hi = bytes.count
            while hi > lo, bytes[hi - 1] == UInt8(ascii: ".") || bytes[hi - 1] == UInt8(ascii: ")") || bytes[hi - 1] == UInt8(ascii: ":") {
                hi -= 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }) {
            return number
        }
        var s = Substring(marker)
        if let space = s.lastIndex(of: " ") { s = s[s.index(after: space)...] }
        while let last = s.last, last == "." || last == ")" || last == ":" { s = s.dropLast() }
        return String(s)
    }

}
