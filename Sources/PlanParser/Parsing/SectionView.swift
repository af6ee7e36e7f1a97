/// A read-only view of one node of the section tree, with the names of ``Section``.
///
/// Extraction and the exporters walk these instead of ``Section`` values: texts stay where
/// the parser left them and become `String`s only when asked (``StoredText/string``), or are
/// read as bytes (``StoredText/withBytes(_:)``) by writers that copy them out.
struct SectionView {
    /// Views never outlive the walk over their store, so they skip reference counting.
    unowned(unsafe) let store: SectionStore
    let index: Int
    /// The node, read once: reading the store's array again for every property retains and
    /// releases its buffer each time (walks ask a node for its kind, children, fields …).
    private let node: SectionStore.Node
    /// Where its children are in the store's ``SectionStore/childIndex`` and its paragraphs in
    /// ``SectionStore/paragraphs``: read with the node, as most walks ask whether there are any.
    private let childRange: Range<Int32>
    private let paragraphRange: Range<Int32>

    init(store: SectionStore, index: Int) {
        self.store = store
        self.index = index
        node = store.nodes[index]
        childRange = store.childRange(of: index)
        paragraphRange = store.paragraphRange(of: index)
    }
    var kind: Section.Kind { node.kind }
    var line: Int { Int(node.line) }
    var endLine: Int { Int(node.endLine) }
    var fieldRole: Field.Role? { node.fieldRole }

    var markerText: StoredText { StoredText(store: store, range: node.marker) }
    var numberText: StoredText? { node.number.map { StoredText(store: store, range: $0) } }
    var titleText: StoredText { StoredText(store: store, range: node.title) }
    var fieldLabelText: StoredText { StoredText(store: store, range: node.fieldLabel) }
    var fieldValueText: StoredText { StoredText(store: store, range: node.fieldValue) }

    var title: String { titleText.string }
    var marker: String { markerText.string }
    var number: String? { numberText?.string }

    /// A field bullet with a known role (lead, support, product, time).
    var isKnownField: Bool {
        guard let r = node.fieldRole else { return false }
        return r != .unknown
    }

    var field: Field? {
        guard let role = node.fieldRole else { return nil }
        return Field(label: fieldLabelText.string, role: role, value: fieldValueText.string)
    }

    /// The heading as printed: `II. MỤC TIÊU`.
    var heading: String {
        let m = marker
        let t = title
        if m.isEmpty { return t }
        return t.isEmpty ? m : m + " " + t
    }

    /// The heading as typed data, for section paths.
    var sectionHeading: SectionHeading {
        SectionHeading(kind: kind, marker: marker, number: number, title: title)
    }

    var children: Children {
        Children(store: store, positions: Int(childRange.lowerBound)..<Int(childRange.upperBound))
    }

    /// `!children.isEmpty`, without making the slice of child positions (which retains).
    var hasChildren: Bool { !childRange.isEmpty }

    /// Whether a child is a field bullet with a known role (``isKnownField``): the child
    /// positions and nodes read in place, no slice or view per child.
    var hasKnownFieldChild: Bool {
        let r = childRange
        guard !r.isEmpty else { return false }
        return store.childIndex.withUnsafeBufferPointer { positions in
            store.nodes.withUnsafeBufferPointer { nodes in
                for k in Int(r.lowerBound)..<Int(r.upperBound) {
                    if let role = nodes[Int(positions[k])].fieldRole, role != .unknown { return true }
                }
                return false
            }
        }
    }

    /// The body paragraphs, texts still in the store.
    var storedParagraphs: ArraySlice<SectionStore.StoredParagraph> {
        let r = paragraphRange
        // Most nodes have none: then an empty slice, not one of the store's array (which retains it).
        guard !r.isEmpty else { return [] }
        return store.paragraphs[Int(r.lowerBound)..<Int(r.upperBound)]
    }

    var paragraphs: [Paragraph] {
        storedParagraphs.map { Paragraph(line: Int($0.line), endLine: Int($0.endLine), text: store.string($0.text)) }
    }

    var hasParagraphs: Bool { !paragraphRange.isEmpty }

    /// Whether the title or a paragraph holds a `:` (a field label could follow).
    var mayHoldInlineFields: Bool {
        if titleText.withBytes(Self.containsColon) { return true }
        return storedParagraphs.contains { p in store.withBytes(p.text, Self.containsColon) }
    }

    /// Eight bytes at a time: every item's title and paragraphs are asked, and few hold a colon.
    /// (``SWAR/bytes(of:equalTo:)`` flags a byte wrongly only beside a real match, so a nonzero
    /// word always holds one.)
    @inline(__always)
    private static func containsColon(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            if SWAR.bytes(of: SWAR.load(raw, i), equalTo: UInt8(ascii: ":")) != 0 { return true }
            i += 8
        }
        while i < n {
            if bytes[i] == UInt8(ascii: ":") { return true }
            i += 1
        }
        return false
    }

    var tables: LazyMapSequence<Range<Int>, TableView> {
        let r = store.tableRange(of: index, node)
        return (Int(r.lowerBound)..<Int(r.upperBound)).lazy.map { TableView(store: store, index: $0) }
    }

    /// A node's children, indexed by their positions in ``SectionStore/childIndex``: the
    /// positions are a range, not a slice of that array (a slice retains its buffer, and the
    /// walks ask every node for its children).
    struct Children: RandomAccessCollection {
        unowned(unsafe) let store: SectionStore
        let positions: Range<Int>
        var startIndex: Int { positions.lowerBound }
        var endIndex: Int { positions.upperBound }
        subscript(i: Int) -> SectionView {
            precondition(positions.contains(i), "child index out of range")
            return SectionView(store: store, index: Int(store.childIndex[i]))
        }
    }
}

/// A text held by a ``SectionStore``: read as bytes in place, or made into a `String`.
struct StoredText {
    unowned(unsafe) let store: SectionStore
    let range: Range<Int32>

    var string: String { store.string(range) }
    var isEmpty: Bool { range.isEmpty }

    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        store.withBytes(range, body)
    }
}

extension SectionStore {
    var rootViews: [SectionView] { roots.map { SectionView(store: self, index: Int($0)) } }
}
