/// The namespaces the Word and OpenDocument readers tell apart; every other URI is `other`.
enum XMLNamespace: UInt8, Sendable {
    case none
    case other
    case xml
    /// WordprocessingML, transitional and strict.
    case w
    /// Markup compatibility (`mc:AlternateContent`).
    case mc
    /// Office math (`m:t`).
    case math
    case odfOffice
    case odfText
    case odfTable
    case odfDraw
    case odfStyle

    static let byURI: [String: XMLNamespace] = [
        "http://www.w3.org/XML/1998/namespace": .xml,
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": .w,
        "http://purl.oclc.org/ooxml/wordprocessingml/main": .w,
        "http://schemas.openxmlformats.org/markup-compatibility/2006": .mc,
        "http://schemas.openxmlformats.org/officeDocument/2006/math": .math,
        "http://purl.oclc.org/ooxml/officeDocument/math": .math,
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0": .odfOffice,
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0": .odfText,
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0": .odfTable,
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0": .odfDraw,
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0": .odfStyle,
    ]
}

/// A pull parser for the XML parts of Office documents, over bytes.
///
/// It reads elements, attributes, character data, CDATA, comments and processing
/// instructions; it resolves namespace prefixes to ``XMLNamespace``; it decodes the five
/// predefined entities and character references. It never expands entities of its own: a
/// DOCTYPE is skipped, an unknown `&name;` stays as written, so no input can make it grow
/// (no "billion laughs"), and it never reads anything but the bytes it is given. Nesting
/// deeper than ``maxDepth`` and malformed markup (a mismatched end tag, a tag cut off by
/// the end of the part) are errors, the way Word refuses such a file.
///
/// - Complexity: one pass; text and attribute values are decoded only when asked for.
struct XMLScanner {
    enum Event: Equatable {
        /// A start tag (a self-closing tag gives `start` then `end`).
        case start
        case end
        /// Character data between tags (``text(into:)`` decodes it).
        case text
        case endOfDocument
    }

    /// Why the part is not well-formed XML, with the byte offset in the part.
    struct Failure: Error, Equatable {
        var offset: Int
        var reason: String
        var description: String { "malformed XML at byte \(offset): \(reason)" }
    }

    struct Attribute {
        var namespace: XMLNamespace
        var local: Range<Int>
        var value: Range<Int>
        var hasReference: Bool
    }

    /// Elements nested deeper than this are refused (Word's own parts stay far below 100).
    static let maxDepth = 256

    let bytes: [UInt8]
    private var position = 0
    /// Elements open now (after a start event, the element itself counts).
    private(set) var depth = 0
    /// The current element's namespace and local name (after `start` and `end`).
    private(set) var namespace = XMLNamespace.none
    private(set) var local: Range<Int> = 0..<0
    /// The current start tag's attributes.
    private(set) var attributes: [Attribute] = []
    /// The character data of the last `text` event.
    private var textRange: Range<Int> = 0..<0
    private var textIsCDATA = false
    private var pendingEnd = false
    private var open: [(name: Range<Int>, namespace: XMLNamespace, local: Range<Int>)] = []
    /// Prefix bindings, innermost last: (packed prefix, namespace, depth that declared it).
    private var bindings: [(prefix: UInt64, namespace: XMLNamespace, depth: Int)] = [(pack("xml"), .xml, 0)]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark before the declaration.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    // MARK: - Events

    mutating func next() throws(Failure) -> Event {
        if pendingEnd {
            pendingEnd = false
            return closeElement()
        }
        let n = bytes.count
        while position < n {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                position = bytes.withUnsafeBufferPointer { buf in
                    guard let hit = buf[start...].firstIndex(of: UInt8(ascii: "<")) else { return n }
                    return hit
                }
                if depth == 0 { continue }  // whitespace around the root
                textRange = start..<position
                textIsCDATA = false
                return .text
            }
            guard position + 1 < n else { throw Failure(offset: position, reason: "tag cut off by the end of the part") }
            switch bytes[position + 1] {
            case UInt8(ascii: "?"):
                try skip(past: Self.piEnd, what: "processing instruction")
            case UInt8(ascii: "!"):
                if starts(with: Self.commentStart) {
                    try skip(past: Self.commentEnd, what: "comment")
                } else if starts(with: Self.cdataStart) {
                    let start = position + Self.cdataStart.count
                    try skip(past: Self.cdataEnd, what: "CDATA section")
                    guard depth > 0 else { continue }
                    textRange = start..<(position - Self.cdataEnd.count)
                    textIsCDATA = true
                    return .text
                } else {
                    try skipDeclaration()
                }
            case UInt8(ascii: "/"):
                return try readEndTag()
            default:
                return try readStartTag()
            }
        }
        if let top = open.last {
            throw Failure(offset: n, reason: "the part ends inside <\(string(top.name))>")
        }
        return .endOfDocument
    }

    /// Skips the rest of the current element (after its `start` event), children and all.
    mutating func skipElement() throws(Failure) {
        let target = depth - 1
        while depth > target {
            if try next() == .endOfDocument { return }
        }
    }

    /// Moves to the next child element of the current one (after its `start` event), passing
    /// over text: `true` at the child's start tag, `false` at the current element's end or the
    /// document's. The readers' loops over children are `while try s.nextChild() { … }`.
    mutating func nextChild() throws(Failure) -> Bool {
        while true {
            switch try next() {
            case .endOfDocument, .end: return false
            case .text: continue
            case .start: return true
            }
        }
    }

    /// Moves to the next start tag at any depth inside the element whose children are at
    /// `depth` (the scanner's depth right after its start tag): `false` once it has ended.
    mutating func nextDescendant(within depth: Int) throws(Failure) -> Bool {
        while true {
            let e = try next()
            if e == .endOfDocument || e == .end && self.depth < depth { return false }
            if e == .start { return true }
        }
    }

    // MARK: - Reading the current event

    /// Appends the decoded character data of the last `text` event to `out`.
    func text(into out: inout [UInt8]) {
        if textIsCDATA {
            out.append(contentsOf: bytes[textRange])
        } else {
            decode(textRange, into: &out)
        }
    }

    /// Whether the current element is `namespace:name`.
    @inline(__always)
    func isElement(_ ns: XMLNamespace, _ name: StaticString) -> Bool {
        namespace == ns && equals(local, name)
    }

    /// The attribute with this local name (any prefix, as Office writers use one each).
    func attribute(_ name: StaticString) -> Attribute? {
        for a in attributes where equals(a.local, name) { return a }
        return nil
    }

    /// The decoded value of an attribute.
    func value(_ a: Attribute) -> [UInt8] {
        if !a.hasReference { return Array(bytes[a.value]) }
        var out: [UInt8] = []
        decode(a.value, into: &out)
        return out
    }

    func string(_ name: StaticString) -> String? {
        attribute(name).map { String(decoding: value($0), as: UTF8.self) }
    }

    /// An integer attribute (decimal, optional sign); nil when absent or not a number.
    func int(_ name: StaticString) -> Int? {
        guard let a = attribute(name) else { return nil }
        return Self.integer(bytes[a.value])
    }

    /// Whether an attribute has this exact value.
    func attribute(_ name: StaticString, is expected: StaticString) -> Bool {
        guard let a = attribute(name) else { return false }
        return equals(a.value, expected)
    }

    /// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`, `w:val="false"`, `"off"`).
    func isOn(_ name: StaticString = "val") -> Bool {
        guard let a = attribute(name) else { return true }
        return !(equals(a.value, "0") || equals(a.value, "false") || equals(a.value, "off") || equals(a.value, "none"))
    }

    func equals(_ r: Range<Int>, _ s: StaticString) -> Bool {
        guard r.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        var k = 0
        for i in r {
            if bytes[i] != p[k] { return false }
            k += 1
        }
        return true
    }

    func string(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    static func integer(_ s: ArraySlice<UInt8>) -> Int? {
        var i = s.startIndex
        while i < s.endIndex, s[i] == 0x20 { i += 1 }
        var negative = false
        if i < s.endIndex, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") {
            negative = s[i] == UInt8(ascii: "-")
            i += 1
        }
        var value = 0
        var digits = 0
        while i < s.endIndex, s[i] >= 0x30, s[i] <= 0x39 {
            if digits < 12 { value = value * 10 + Int(s[i] - 0x30) }
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    // MARK: - Tags

    private mutating func readStartTag() throws(Failure) -> Event {
        let n = bytes.count
        let tagStart = position
        let name = (position + 1)..<nameEnd(from: position + 1)
        var i = name.upperBound
        guard !name.isEmpty else { throw Failure(offset: tagStart, reason: "'<' not followed by a name") }
        attributes.removeAll(keepingCapacity: true)
        var declarations = false
        var selfClosing = false
        while true {
            i = spacesEnd(from: i)
            guard i < n else { throw Failure(offset: tagStart, reason: "tag <\(string(name))> cut off by the end of the part") }
            if bytes[i] == UInt8(ascii: ">") {
                i += 1
                break
            }
            if bytes[i] == UInt8(ascii: "/") {
                guard i + 1 < n, bytes[i + 1] == UInt8(ascii: ">") else {
                    throw Failure(offset: i, reason: "'/' not followed by '>' in <\(string(name))>")
                }
                selfClosing = true
                i += 2
                break
            }
            let attrStart = i
            let attrName = attrStart..<nameEnd(from: i)
            i = spacesEnd(from: attrName.upperBound)
            guard !attrName.isEmpty, i < n, bytes[i] == UInt8(ascii: "=") else {
                throw Failure(offset: attrStart, reason: "attribute without a value in <\(string(name))>")
            }
            i = spacesEnd(from: i + 1)
            guard i < n, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                throw Failure(offset: i, reason: "attribute value not quoted in <\(string(name))>")
            }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            var hasReference = false
            while i < n, bytes[i] != quote {
                if bytes[i] == UInt8(ascii: "&") { hasReference = true }
                if bytes[i] == UInt8(ascii: "<") { throw Failure(offset: i, reason: "'<' in an attribute value") }
                i += 1
            }
            guard i < n else { throw Failure(offset: valueStart, reason: "attribute value cut off by the end of the part") }
            let value = valueStart..<i
            i += 1
            let (prefix, localName) = split(attrName)
            if prefix.isEmpty && equals(localName, "xmlns") || equals(prefix, "xmlns") {
                declarations = true
            }
            attributes.append(Attribute(namespace: .none, local: localName, value: value, hasReference: hasReference))
            // The prefix is resolved below, once this tag's declarations are bound.
            attributes[attributes.count - 1].namespace = prefix.isEmpty ? .none : .other
            if !prefix.isEmpty { attributes[attributes.count - 1].local = attrName }
        }
        position = i
        guard depth < Self.maxDepth else {
            throw Failure(offset: tagStart, reason: "elements nested deeper than \(Self.maxDepth) levels")
        }
        depth += 1
        if declarations { bind() }
        // Resolve prefixed attributes (rare: w:val is the common one, resolved to its local name).
        for k in attributes.indices where attributes[k].namespace == .other {
            let (prefix, localName) = split(attributes[k].local)
            attributes[k].namespace = resolve(prefix)
            attributes[k].local = localName
        }
        let (prefix, localName) = split(name)
        namespace = resolve(prefix)
        local = localName
        open.append((name, namespace, localName))
        pendingEnd = selfClosing
        return .start
    }

    private mutating func readEndTag() throws(Failure) -> Event {
        let n = bytes.count
        let tagStart = position
        let name = (position + 2)..<nameEnd(from: position + 2)
        let i = spacesEnd(from: name.upperBound)
        guard i < n, bytes[i] == UInt8(ascii: ">") else {
            throw Failure(offset: tagStart, reason: "end tag </\(string(name))> not closed")
        }
        guard let top = open.last else {
            throw Failure(offset: tagStart, reason: "end tag </\(string(name))> without a start tag")
        }
        guard bytes[top.name] == bytes[name] else {
            throw Failure(offset: tagStart, reason: "</\(string(name))> closes <\(string(top.name))>")
        }
        position = i + 1
        return closeElement()
    }

    private mutating func closeElement() -> Event {
        let top = open.removeLast()
        namespace = top.namespace
        local = top.local
        while let last = bindings.last, last.depth == depth { bindings.removeLast() }
        depth -= 1
        return .end
    }

    /// Binds the `xmlns` / `xmlns:p` declarations of the current start tag.
    private mutating func bind() {
        for a in attributes {
            let (prefix, localName) = split(a.local)
            let key: UInt64
            if prefix.isEmpty && equals(localName, "xmlns") {
                key = 0
            } else if equals(prefix, "xmlns") {
                key = Self.pack(bytes[localName])
            } else {
                continue
            }
            let uri = String(decoding: value(a), as: UTF8.self)
            let ns = uri.isEmpty ? XMLNamespace.none : XMLNamespace.byURI[uri] ?? .other
            bindings.append((key, ns, depth))
        }
    }

    private func resolve(_ prefix: Range<Int>) -> XMLNamespace {
        let key = prefix.isEmpty ? 0 : Self.pack(bytes[prefix])
        var k = bindings.count - 1
        while k >= 0 {
            if bindings[k].prefix == key { return bindings[k].namespace }
            k -= 1
        }
        return prefix.isEmpty ? .none : .other
    }

    private func split(_ name: Range<Int>) -> (prefix: Range<Int>, local: Range<Int>) {
        var i = name.lowerBound
        while i < name.upperBound {
            if bytes[i] == UInt8(ascii: ":") { return (name.lowerBound..<i, (i + 1)..<name.upperBound) }
            i += 1
        }
        return (name.lowerBound..<name.lowerBound, name)
    }

    /// A prefix as a number: up to 8 bytes packed (prefix bytes are never 0), longer ones hashed.
    static func pack<C: Collection>(_ s: C) -> UInt64 where C.Element == UInt8 {
        if s.count <= 8 {
            var v: UInt64 = 0
            for b in s { v = v << 8 | UInt64(b) }
            return v
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h | 1 << 63
    }

    private static func pack(_ s: StaticString) -> UInt64 {
        pack(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    // MARK: - Skipping

    private static let piEnd = Array("?>".utf8)
    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let cdataStart = Array("<![CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)

    private func starts(with s: [UInt8]) -> Bool {
        guard position + s.count <= bytes.count else { return false }
        for k in s.indices where bytes[position + k] != s[k] { return false }
        return true
    }

    private mutating func skip(past end: [UInt8], what: String) throws(Failure) {
        let start = position
        let found: Int? = bytes.withUnsafeBufferPointer { buf in
            ByteSearch.find(UnsafeBufferPointer(rebasing: buf[(start + 2)...]), end).map { $0 + start + 2 }
        }
        guard let hit = found else { throw Failure(offset: start, reason: "\(what) cut off by the end of the part") }
        position = hit + end.count
    }

    /// `<!DOCTYPE …>` with an internal subset in brackets: skipped, never used.
    private mutating func skipDeclaration() throws(Failure) {
        let start = position
        var i = position + 2
        var brackets = 0
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "[") {
                brackets += 1
            } else if b == UInt8(ascii: "]") {
                brackets -= 1
            } else if b == UInt8(ascii: ">"), brackets <= 0 {
                position = i + 1
                return
            }
            i += 1
        }
        throw Failure(offset: start, reason: "declaration cut off by the end of the part")
    }

    // MARK: - Characters

    /// The end of the name that starts at `i`: tag and attribute names end alike.
    @inline(__always)
    private func nameEnd(from i: Int) -> Int {
        var i = i
        while i < bytes.count, !Self.endsName(bytes[i]) { i += 1 }
        return i
    }

    /// The end of the white space that starts at `i`.
    @inline(__always)
    private func spacesEnd(from i: Int) -> Int {
        var i = i
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
        return i
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    @inline(__always)
    private static func endsName(_ b: UInt8) -> Bool {
        isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
    }

    /// Decodes entity and character references in `bytes[r]`, appending to `out`.
    private func decode(_ r: Range<Int>, into out: inout [UInt8]) {
        var i = r.lowerBound
        let end = r.upperBound
        while i < end {
            let b = bytes[i]
            if b != UInt8(ascii: "&") {
                // Copy the run up to the next reference in one go.
                var j = i + 1
                while j < end, bytes[j] != UInt8(ascii: "&") { j += 1 }
                out.append(contentsOf: bytes[i..<j])
                i = j
                continue
            }
            var j = i + 1
            while j < end, j - i < 12, bytes[j] != UInt8(ascii: ";") { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: ";") else {
                out.append(b)
                i += 1
                continue
            }
            let name = (i + 1)..<j
            if let scalar = reference(name) {
                if scalar != 0 { VietnameseText.appendUTF8(scalar, to: &out) }
            } else {
                out.append(contentsOf: bytes[i...j])  // unknown: as written, never expanded
            }
            i = j + 1
        }
    }

    /// The scalar of `lt`, `#233`, `#xE9` …; 0 for a reference to a character XML forbids.
    private func reference(_ name: Range<Int>) -> UInt32? {
        if equals(name, "lt") { return 0x3C }
        if equals(name, "gt") { return 0x3E }
        if equals(name, "amp") { return 0x26 }
        if equals(name, "quot") { return 0x22 }
        if equals(name, "apos") { return 0x27 }
        guard name.count >= 2, bytes[name.lowerBound] == UInt8(ascii: "#") else { return nil }
        var i = name.lowerBound + 1
        var radix: UInt32 = 10
        if bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X") {
            radix = 16
            i += 1
        }
        var v: UInt32 = 0
        guard i < name.upperBound else { return nil }
        while i < name.upperBound {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x61...0x66 where radix == 16: d = UInt32(c - 0x61 + 10)
            case 0x41...0x46 where radix == 16: d = UInt32(c - 0x41 + 10)
            default: return nil
            }
            v = v * radix + d
            if v > 0x10FFFF { return 0 }
            i += 1
        }
        let allowed = v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v < 0xD800) || (v >= 0xE000 && v <= 0x10FFFF)
        return allowed && v != 0xFFFE && v != 0xFFFF ? v : 0
    }
}
