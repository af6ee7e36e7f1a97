/// Builds the section tree from the body tokens (the parsing stage).
///
/// The text has no indentation, so nesting comes from the marker kinds: part > A. > Roman >
/// Arabic (by depth) > letter > `1)` > bullets. Bullet styles nest in the order they appear
/// under a heading (`-` then `+` then `- +` …), the way a reader reads them. A stack of open
/// nodes makes this one pass; depth is bounded by the number of marker kinds.
struct SectionParser {
    struct Output {
        var preamble: [Paragraph] = []
        var sections: [Section] = []
        var leftovers: [SourceLine] = []
        var warnings: [Diagnostic] = []
    }

    private struct Node {
        var kind: Section.Kind
        var style: MarkerStyle
        var rank: Int
        var ordinal: Int
        var path: MarkerPath
        var marker: String
        var number: String?
        var title: [UInt8]
        var line: Int
        var endLine: Int
        var fieldLabel: String?
        var fieldRole: FieldRole = .none
        var fieldValue: [UInt8] = []
        var paragraphs: [(line: Int, endLine: Int, text: [UInt8])] = []
        var tables: [Table] = []
        var children: [Int] = []
        /// Set when this node's number repeats its previous sibling's (a slip).
        var repeatsPrevious = false
    }

    private enum TextRef {
        case title(Int)
        case paragraph(Int, Int)
        case preamble(Int)
    }

    private let source: TokenizedSource
    private var nodes: [Node] = []
    private var roots: [Int] = []
    private var stack: [Int] = []
    private var preamble: [(line: Int, endLine: Int, text: [UInt8])] = []
    private var lastText: TextRef?
    private var tableRows: [Int] = []
    private var tableOwner: Int?
    private var output = Output()
    /// Paragraphs are separated by blank lines, so a line right after another continues it
    /// (hard-wrapped text). Without blank lines, only the line's shape tells.
    private let blankSeparated: Bool

    init(source: TokenizedSource) {
        self.source = source
        var separated = 0
        var lines = 0
        for t in source.tokens where t.kind != .tableRow {
            lines += 1
            if t.afterBlank { separated += 1 }
        }
        blankSeparated = lines > 0 && separated * 4 >= lines
    }

    /// Parses the tokens in `ranges` (body, then what follows the closing block).
    /// In every range after the first, lines before an appendix are leftovers.
    mutating func parse(ranges: [Range<Int>]) -> Output {
        for (k, range) in ranges.enumerated() {
            var orphan = k > 0
            for i in range {
                let t = source.tokens[i]
                if t.keyword == .appendix && t.kind == .text {
                    orphan = false
                }
                if orphan {
                    output.leftovers.append(SourceLine(line: Int(t.number), text: source.string(t.line)))
                    continue
                }
                consume(i)
            }
            closeTable()
            stack.removeAll()
            lastText = nil
        }
        output.preamble = preamble.map { Paragraph(line: $0.line, endLine: $0.endLine, text: string($0.text)) }
        output.sections = roots.map { build($0) }
        return output
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
                append(source.bytes(t.line), line: Int(t.number), to: ref)
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

    private mutating func openNode(_ i: Int) {
        let t = source.tokens[i]
        let markerText = source.string(t.marker)
        var node = Node(
            kind: sectionKind(t.style), style: t.style, rank: 0, ordinal: Int(t.ordinal), path: t.path,
            marker: markerText, number: t.style.isBullet ? nil : Self.number(fromMarker: markerText),
            title: Array(source.bytes(t.kind == .bullet && t.fieldRole != .none ? t.label.lowerBound..<t.line.upperBound : t.content)),
            line: Int(t.number), endLine: Int(t.number))
        if t.fieldRole != .none {
            node.fieldLabel = source.string(t.label)
            node.fieldRole = t.fieldRole
            node.fieldValue = Array(source.bytes(t.content))
        }
        if t.style.isBullet {
            // A bullet style already open under the same heading makes a sibling; a new style nests.
            var k = stack.count - 1
            var found = -1
            while k >= 0, nodes[stack[k]].style.isBullet {
                if nodes[stack[k]].style == t.style {
                    found = k
                    break
                }
                k -= 1
            }
            if found >= 0 {
                stack.removeSubrange(found...)
            }
            node.rank = stack.last.map { nodes[$0].style.isBullet ? nodes[$0].rank + 1 : 20 } ?? 20
        } else {
            node.rank = Self.rank(t.style, depth: Int(t.path.count))
            while let top = stack.last, nodes[top].rank >= node.rank { stack.removeLast() }
        }
        let index = nodes.count
        nodes.append(node)
        attach(index)
        stack.append(index)
        lastText = .title(index)
    }

    private mutating func openAppendix(_ i: Int) {
        let t = source.tokens[i]
        stack.removeAll()
        let (marker, title) = splitAppendixLine(t.content)
        let index = nodes.count
        nodes.append(Node(kind: .appendix, style: .none, rank: -1, ordinal: 0, path: MarkerPath(), marker: marker,
                          number: nil, title: title, line: Int(t.number), endLine: Int(t.number)))
        roots.append(index)
        stack.append(index)
        lastText = nil
    }

    /// A table before any heading: it gets an appendix node without a heading of its own.
    private mutating func implicitAppendix(at t: LineToken) -> Int {
        let index = nodes.count
        nodes.append(Node(kind: .appendix, style: .none, rank: -1, ordinal: 0, path: MarkerPath(), marker: "",
                          number: nil, title: [], line: Int(t.number), endLine: Int(t.number)))
        roots.append(index)
        stack = [index]
        return index
    }

    /// `PHỤ LỤC I` + rest of the line.
    private func splitAppendixLine(_ r: Range<Int32>) -> (String, [UInt8]) {
        let bytes = Array(source.bytes(r))
        // "PHỤ LỤC" / "Phụ lục" is 11 bytes in NFC.
        var end = min(11, bytes.count)
        var j = end
        while j < bytes.count, bytes[j] == 0x20 { j += 1 }
        // Keep a numeral (`PHỤ LỤC II`, `Phụ lục 01`) with the marker.
        var k = j
        while k < bytes.count, bytes[k] == UInt8(ascii: "I") || bytes[k] == UInt8(ascii: "V") || bytes[k] == UInt8(ascii: "X")
            || (bytes[k] >= 0x30 && bytes[k] <= 0x39)
        {
            k += 1
        }
        if k > j, k == bytes.count || bytes[k] == 0x20 || bytes[k] == UInt8(ascii: ".") || bytes[k] == UInt8(ascii: ":") {
            end = k
            j = k
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ":") { j += 1 }
        }
        return (String(decoding: bytes[..<end], as: UTF8.self), Array(bytes[j...]))
    }

    private mutating func addText(_ i: Int) {
        let t = source.tokens[i]
        // A line that is a field (`Chủ trì: …`) keeps its label in the paragraph.
        let content = source.bytes(t.fieldRole == .none ? t.content : t.label.lowerBound..<t.content.upperBound)
        if let ref = lastText, continues(ref, with: t) {
            append(content, line: Int(t.number), to: ref)
            return
        }
        // A paragraph belongs to the nearest heading, closing any open bullets.
        while let top = stack.last, nodes[top].style.isBullet { stack.removeLast() }
        if let owner = stack.last {
            nodes[owner].paragraphs.append((Int(t.number), Int(t.number), Array(content)))
            nodes[owner].endLine = max(nodes[owner].endLine, Int(t.number))
            lastText = .paragraph(owner, nodes[owner].paragraphs.count - 1)
        } else {
            preamble.append((Int(t.number), Int(t.number), Array(content)))
            lastText = .preamble(preamble.count - 1)
        }
    }

    private func text(of ref: TextRef) -> (bytes: [UInt8], isHeading: Bool) {
        switch ref {
        case .title(let n):
            let node = nodes[n]
            return (node.title, [.part, .group, .roman, .arabic, .appendix].contains(node.kind) && node.title.count < 120)
        case .paragraph(let n, let p):
            return (nodes[n].paragraphs[p].text, false)
        case .preamble(let p):
            return (preamble[p].text, false)
        }
    }

    /// A marker line that continues the text before it: the text has not ended, and the
    /// "bullet" goes on in lower case (`- xã hội của tỉnh.`), or — in blank-separated text — a
    /// number follows a long unfinished line with no blank line between.
    private func isWrappedMarker(_ t: LineToken, after ref: TextRef) -> Bool {
        let (previous, isHeading) = text(of: ref)
        guard let last = previous.last, !isHeading else { return false }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"): return false
        default: break
        }
        let first = TextShape.firstScalar(source.bytes(t.content)) ?? 0
        if t.kind == .bullet, t.fieldRole == .none, VietnameseText.isLowercase(first) { return true }
        if blankSeparated, !t.afterBlank, t.kind == .heading, previous.count >= 50,
            t.style == .arabic || t.style == .letter || t.style == .parenNumber
        {
            return true
        }
        return false
    }

    private func continues(_ ref: TextRef, with t: LineToken) -> Bool {
        guard t.keyword == .none || t.keyword == .basis && !t.afterBlank else { return false }
        // `Cơ quan chủ trì: …` on a line of its own is a field, never the end of a sentence.
        guard t.fieldRole == .none else { return false }
        let (previous, isHeading) = text(of: ref)
        if blankSeparated, !t.afterBlank, !isHeading, !startsNewParagraph(previous, t) { return true }
        return previous.withUnsafeBufferPointer { prev in
            source.storage.withUnsafeBufferPointer { buf in
                Continuation.continues(
                    previous: prev,
                    next: UnsafeBufferPointer(rebasing: buf[Int(t.content.lowerBound)..<Int(t.content.upperBound)]),
                    isHeading: isHeading)
            }
        }
    }

    /// In blank-separated text, two adjacent lines are one paragraph unless the second leaves
    /// an uppercase title (`NHIỆM VỤ CỤ THỂ …` / `(Kèm theo Kế hoạch …)`).
    private func startsNewParagraph(_ previous: [UInt8], _ t: LineToken) -> Bool {
        TextShape.isUppercase(previous) && !TextShape.isUppercase(source.bytes(t.content))
    }

    private mutating func append(_ content: ArraySlice<UInt8>, line: Int, to ref: TextRef) {
        switch ref {
        case .title(let n):
            nodes[n].title.append(0x20)
            nodes[n].title.append(contentsOf: content)
            if nodes[n].fieldRole != .none {
                if !nodes[n].fieldValue.isEmpty { nodes[n].fieldValue.append(0x20) }
                nodes[n].fieldValue.append(contentsOf: content)
            }
            nodes[n].endLine = max(nodes[n].endLine, line)
        case .paragraph(let n, let p):
            nodes[n].paragraphs[p].text.append(0x20)
            nodes[n].paragraphs[p].text.append(contentsOf: content)
            nodes[n].paragraphs[p].endLine = line
            nodes[n].endLine = max(nodes[n].endLine, line)
        case .preamble(let p):
            preamble[p].text.append(0x20)
            preamble[p].text.append(contentsOf: content)
            preamble[p].endLine = line
        }
    }

    private mutating func attach(_ index: Int) {
        if let parent = stack.last {
            checkSequence(after: nodes[parent].children.last, next: index)
            nodes[parent].children.append(index)
        } else {
            checkSequence(after: roots.last, next: index)
            roots.append(index)
        }
    }

    private func nearestHeading() -> Int? {
        stack.last { !nodes[$0].style.isBullet }
    }

    private mutating func closeTable() {
        guard !tableRows.isEmpty, let owner = tableOwner else { return }
        var parser = TableParser(source: source)
        let (table, warnings) = parser.parse(rows: tableRows)
        nodes[owner].tables.append(table)
        nodes[owner].endLine = max(nodes[owner].endLine, table.endLine)
        output.warnings.append(contentsOf: warnings)
        tableRows.removeAll()
        tableOwner = nil
    }

    // MARK: - Numbering

    private mutating func checkSequence(after previousIndex: Int?, next index: Int) {
        let next = nodes[index]
        guard !next.style.isBullet, next.style != .none, let p = previousIndex else { return }
        let prev = nodes[p]
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
        guard a > 0, b > 0, b != a + 1 else { return }
        let what = Self.describe(next.style)
        if b == a {
            nodes[index].repeatsPrevious = true
            output.warnings.append(Diagnostic(
                line: next.line, code: "numbering-repeated",
                message: "\(what) \(next.marker) repeats the previous one, expected \(expectedMarker(after: prev))"))
        } else if b > a {
            // `V, V, VII`: the repeat already explains the gap.
            if prev.repeatsPrevious, b == a + 2 { return }
            output.warnings.append(Diagnostic(
                line: next.line, code: "numbering-skipped",
                message: "\(what) \(next.marker) follows \(prev.marker), expected \(expectedMarker(after: prev))"))
        } else {
            output.warnings.append(Diagnostic(
                line: next.line, code: "numbering-order",
                message: "\(what) \(next.marker) follows \(prev.marker) out of order"))
        }
    }

    private func expectedMarker(after node: Node) -> String {
        Self.expectedMarker(style: node.style, marker: node.marker, ordinal: node.kind == .arabic ? node.path.last : node.ordinal)
    }

    static func expectedMarker(style: MarkerStyle, marker: String, ordinal: Int) -> String {
        let suffix = marker.last.map(String.init) ?? "."
        switch style {
        case .roman, .part:
            return RomanNumeral.string(ordinal + 1) + suffix
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
        default: return "marker"
        }
    }

    // MARK: - Building sections

    private func build(_ index: Int) -> Section {
        let n = nodes[index]
        let children = n.children.map { build($0) }
        var endLine = n.endLine
        for c in children { endLine = max(endLine, c.endLine) }
        for t in n.tables { endLine = max(endLine, t.endLine) }
        var field: Field?
        if let label = n.fieldLabel {
            field = Field(label: label, role: Self.fieldRole(n.fieldRole), value: Self.trimmedString(n.fieldValue))
        }
        return Section(
            kind: n.kind, marker: n.marker, number: n.number, title: string(n.title), line: n.line,
            endLine: endLine, field: field,
            paragraphs: n.paragraphs.map { Paragraph(line: $0.line, endLine: $0.endLine, text: string($0.text)) },
            tables: n.tables, children: children)
    }

    private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func trimmedString(_ bytes: [UInt8]) -> String {
        var lo = 0
        var hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    static func fieldRole(_ r: FieldRole) -> Field.Role {
        switch r {
        case .lead: return .lead
        case .support: return .support
        case .product: return .product
        case .time: return .time
        default: return .unknown
        }
    }

    private func sectionKind(_ style: MarkerStyle) -> Section.Kind {
        switch style {
        case .part: return .part
        case .upperLetter: return .group
        case .roman: return .roman
        case .arabic: return .arabic
        case .letter: return .letter
        case .parenNumber: return .number
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
        default: return 20
        }
    }

    /// `2.1.` → `2.1`, `c)` → `c`, `PHẦN II.` → `II`.
    static func number(fromMarker marker: String) -> String {
        var s = Substring(marker)
        if let space = s.lastIndex(of: " ") { s = s[s.index(after: space)...] }
        while let last = s.last, last == "." || last == ")" || last == ":" { s = s.dropLast() }
        return String(s)
    }
}
