/// A node of a ``SectionStore`` seen like a ``Section``: the same names, texts made on demand.
/// The extraction stage walks these, so only the texts it needs ever become `String`s.
struct SectionView {
    /// Views never outlive the walk over their store, so they skip reference counting.
    unowned(unsafe) let store: SectionStore
    let index: Int

    var node: SectionStore.Node { store.nodes[index] }
    var kind: Section.Kind { node.kind }
    var title: String { store.string(node.title) }
    var marker: String { store.string(node.marker) }
    var number: String? { node.number.map(store.string) }
    var line: Int { Int(node.line) }
    var endLine: Int { Int(node.endLine) }
    var fieldRole: FieldRole { node.fieldRole }

    /// A field bullet with a known role (lead, support, product, time).
    var isKnownField: Bool {
        let r = node.fieldRole
        return r != .none && r != .unknown
    }

    var field: Field? {
        let n = node
        guard n.fieldRole != .none else { return nil }
        return Field(label: store.string(n.fieldLabel), role: SectionParser.fieldRole(n.fieldRole), value: store.string(n.fieldValue))
    }

    /// The heading as printed: `II. MỤC TIÊU`.
    var heading: String {
        let m = marker
        let t = title
        if m.isEmpty { return t }
        return t.isEmpty ? m : m + " " + t
    }

    var children: Children { Children(store: store, indices: store.children(of: index)) }

    var paragraphs: [Paragraph] {
        let r = node.paragraphs
        return store.paragraphs[Int(r.lowerBound)..<Int(r.upperBound)].map {
            Paragraph(line: Int($0.line), endLine: Int($0.endLine), text: store.string($0.text))
        }
    }

    var hasParagraphs: Bool { !node.paragraphs.isEmpty }

    /// Whether the title or a paragraph holds a `:` (a field label could follow).
    var mayHoldInlineFields: Bool {
        let n = node
        if store.withBytes(n.title, { $0.contains(UInt8(ascii: ":")) }) { return true }
        for p in store.paragraphs[Int(n.paragraphs.lowerBound)..<Int(n.paragraphs.upperBound)]
        where store.withBytes(p.text, { $0.contains(UInt8(ascii: ":")) }) {
            return true
        }
        return false
    }

    var tables: ArraySlice<Table> {
        let r = node.tables
        return store.tables[Int(r.lowerBound)..<Int(r.upperBound)]
    }

    struct Children: RandomAccessCollection {
        unowned(unsafe) let store: SectionStore
        let indices: ArraySlice<Int32>
        var startIndex: Int { indices.startIndex }
        var endIndex: Int { indices.endIndex }
        subscript(i: Int) -> SectionView { SectionView(store: store, index: Int(indices[i])) }
    }
}

extension SectionStore {
    var rootViews: [SectionView] { roots.map { SectionView(store: self, index: Int($0)) } }
}
