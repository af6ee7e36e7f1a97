/// The section tree stored flat, every text a byte range — the form the parser builds and the
/// JSON exporter reads, so a document never needs one `String` per line.
///
/// Texts live in two buffers addressed as one: `base` is the tokenizer's cleaned text (shared,
/// never copied), `extra` holds texts the parser had to join (a title continued after a page
/// break). An offset at or past `base.count` points into `extra`. ``Section`` values are made
/// only when someone asks for ``PlanDocument/sections``, once.
final class SectionStore: @unchecked Sendable {
    struct Node: Sendable, Equatable {
        var kind: Section.Kind
        var marker: Range<Int32>
        /// The number inside the marker (`2.1` in `2.1.`); `nil` for bullets.
        var number: Range<Int32>?
        var title: Range<Int32>
        var line: Int32
        var endLine: Int32
        var fieldRole: Field.Role?
        var fieldLabel: Range<Int32> = 0..<0
        var fieldValue: Range<Int32> = 0..<0
        /// Into ``SectionStore/paragraphs``.
        var paragraphs: Range<Int32> = 0..<0
        /// Into ``SectionStore/tables``.
        var tables: Range<Int32> = 0..<0
        /// Into ``SectionStore/childIndex``.
        var children: Range<Int32> = 0..<0
    }

    struct StoredParagraph: Sendable, Equatable {
        var line: Int32
        var endLine: Int32
        var text: Range<Int32>
    }

    let base: [UInt8]
    let extra: [UInt8]
    let nodes: [Node]
    let childIndex: [Int32]
    let roots: [Int32]
    let paragraphs: [StoredParagraph]
    let tables: [StoredTable]
    let tableRows: [StoredRow]
    /// Every table cell's text, row after row (see ``StoredRow/firstCell``).
    let cells: [Range<Int32>]
    /// The distinct group paths of table rows (rows of one group share one entry).
    let groupPaths: [[SectionHeading]]
    /// ``sections``, made on first use; the lock makes that safe across threads (the only
    /// mutable state of a store).
    private let lock = Lock()
    nonisolated(unsafe) private var materialized: [Section]?

    init(base: [UInt8], extra: [UInt8], nodes: [Node], childIndex: [Int32], roots: [Int32],
         paragraphs: [StoredParagraph], tables: [StoredTable], tableRows: [StoredRow], cells: [Range<Int32>],
         groupPaths: [[SectionHeading]])
    {
        self.base = base
        self.extra = extra
        self.nodes = nodes
        self.childIndex = childIndex
        self.roots = roots
        self.paragraphs = paragraphs
        self.tables = tables
        self.tableRows = tableRows
        self.cells = cells
        self.groupPaths = groupPaths
    }

    /// Every table, in document order.
    var tableViews: [TableView] { tables.indices.map { TableView(store: self, index: $0) } }

    /// Calls `body` with the bytes of `r`.
    @inline(__always)
    func withBytes<R>(_ r: Range<Int32>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Self.withBytes(r, base: base, extra: extra, body)
    }

    /// The bytes of `r` in the pair of buffers `base` + `extra` addressed as one.
    @inline(__always)
    static func withBytes<R>(_ r: Range<Int32>, base: [UInt8], extra: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let lo = Int(r.lowerBound)
        let hi = Int(r.upperBound)
        if lo >= base.count {
            return extra.withUnsafeBufferPointer {
                body(UnsafeBufferPointer(rebasing: $0[(lo - base.count)..<(hi - base.count)]))
            }
        }
        return base.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }

    /// The text of `r` (valid UTF-8: the cleaned input and joins of its texts).
    func string(_ r: Range<Int32>) -> String {
        withBytes(r) { String(validUTF8: $0) }
    }

    func children(of n: Int) -> ArraySlice<Int32> {
        let r = nodes[n].children
        return childIndex[Int(r.lowerBound)..<Int(r.upperBound)]
    }

    // MARK: - Materializing

    /// The tree as ``Section`` values.
    var sections: [Section] {
        lock.withLock {
            if let materialized { return materialized }
            let made = roots.map { section(Int($0)) }
            materialized = made
            return made
        }
    }

    func section(_ n: Int) -> Section {
        let node = nodes[n]
        var field: Field?
        if let role = node.fieldRole {
            field = Field(label: string(node.fieldLabel), role: role, value: string(node.fieldValue))
        }
        return Section(
            kind: node.kind, marker: string(node.marker), number: node.number.map(string), title: string(node.title),
            line: Int(node.line), endLine: Int(node.endLine), field: field,
            paragraphs: paragraphs[Int(node.paragraphs.lowerBound)..<Int(node.paragraphs.upperBound)].map {
                Paragraph(line: Int($0.line), endLine: Int($0.endLine), text: string($0.text))
            },
            tables: (Int(node.tables.lowerBound)..<Int(node.tables.upperBound)).map { TableView(store: self, index: $0).table },
            children: children(of: n).map { section(Int($0)) })
    }

    /// A store holding `sections` (for documents built from values, not parsed).
    convenience init(sections: [Section]) {
        var b = Builder(base: [])
        func add(_ s: Section) -> Int32 {
            let index = b.addNode(Node(kind: s.kind, marker: b.append(s.marker), number: s.number.map { b.append($0) },
                                       title: b.append(s.title), line: Int32(s.line), endLine: Int32(s.endLine)))
            if let f = s.field {
                b.nodes[Int(index)].fieldRole = f.role
                b.nodes[Int(index)].fieldLabel = b.append(f.label)
                b.nodes[Int(index)].fieldValue = b.append(f.value)
            }
            for p in s.paragraphs {
                b.addParagraph(StoredParagraph(line: Int32(p.line), endLine: Int32(p.endLine), text: b.append(p.text)), to: Int(index))
            }
            for t in s.tables { b.addTable(b.store(t), to: Int(index)) }
            for c in s.children { b.addChild(add(c), to: Int(index)) }
            return index
        }
        let roots = sections.map(add)
        self.init(builder: b, roots: roots)
    }

    /// Freezes a builder: per-node lists become ranges into flat arrays.
    convenience init(builder: consuming Builder, roots: [Int32]) {
        // Take the builder's arrays out so they are uniquely held and mutate without copying.
        var b = builder
        var nodes = b.nodes
        b.nodes = []
        var childIndex: [Int32] = []
        childIndex.reserveCapacity(nodes.count)
        var paragraphs: [StoredParagraph] = []
        paragraphs.reserveCapacity(b.paragraphs.count)
        var tables: [StoredTable] = []
        for i in nodes.indices {
            var c = b.links[i].firstChild
            if c >= 0 {
                let start = Int32(childIndex.count)
                while c >= 0 {
                    childIndex.append(c)
                    c = b.links[Int(c)].nextSibling
                }
                nodes[i].children = start..<Int32(childIndex.count)
            }
            var p = b.links[i].firstParagraph
            if p >= 0 {
                let start = Int32(paragraphs.count)
                while p >= 0 {
                    paragraphs.append(b.paragraphs[Int(p)])
                    p = b.nextParagraph[Int(p)]
                }
                nodes[i].paragraphs = start..<Int32(paragraphs.count)
            }
            if let ts = b.tablesOf[i] {
                let start = Int32(tables.count)
                tables += ts
                nodes[i].tables = start..<Int32(tables.count)
            }
        }
        self.init(base: b.base, extra: b.extra, nodes: nodes, childIndex: childIndex, roots: roots,
                  paragraphs: paragraphs, tables: tables, tableRows: b.tableRows, cells: b.cells, groupPaths: b.groupPaths)
    }

    /// Mutable parts, filled by ``SectionParser``. Children and paragraphs are kept as linked
    /// lists (a node may get a paragraph after its children), so adding costs no allocation.
    struct Builder {
        let base: [UInt8]
        var extra: [UInt8] = []
        var nodes: [Node] = []
        /// Each node's places in the linked lists, beside ``nodes``.
        var links: [Links] = []
        var paragraphs: [StoredParagraph] = []
        var nextParagraph: [Int32] = []
        var tablesOf: [Int: [StoredTable]] = [:]
        var tableRows: [StoredRow] = []
        var cells: [Range<Int32>] = []
        var groupPaths: [[SectionHeading]] = []

        /// A node's list heads and tails and its next sibling (-1: none): one record, so adding
        /// a node is one append here instead of one per list.
        struct Links {
            var firstChild: Int32 = -1
            var lastChild: Int32 = -1
            var nextSibling: Int32 = -1
            var firstParagraph: Int32 = -1
            var lastParagraph: Int32 = -1
        }

        init(base: [UInt8]) {
            self.base = base
        }

        /// Reserves room for about `nodes` nodes and `paragraphs` paragraphs (counts known from
        /// the tokens), so the arrays are not grown by doubling and copied.
        mutating func reserve(nodes n: Int, paragraphs p: Int) {
            nodes.reserveCapacity(n)
            links.reserveCapacity(n)
            paragraphs.reserveCapacity(p)
            nextParagraph.reserveCapacity(p)
        }

        mutating func addNode(_ n: Node) -> Int32 {
            nodes.append(n)
            links.append(Links())
            return Int32(nodes.count - 1)
        }

        mutating func addChild(_ child: Int32, to parent: Int) {
            let last = links[parent].lastChild
            if last >= 0 { links[Int(last)].nextSibling = child } else { links[parent].firstChild = child }
            links[parent].lastChild = child
        }

        /// - Returns: the paragraph's index in ``paragraphs``.
        @discardableResult
        mutating func addParagraph(_ p: StoredParagraph, to node: Int) -> Int {
            let index = Int32(paragraphs.count)
            paragraphs.append(p)
            nextParagraph.append(-1)
            let last = links[node].lastParagraph
            if last >= 0 { nextParagraph[Int(last)] = index } else { links[node].firstParagraph = index }
            links[node].lastParagraph = index
            return Int(index)
        }

        mutating func addTable(_ t: StoredTable, to node: Int) {
            tablesOf[node, default: []].append(t)
        }

        /// A table given as a value, stored (for documents built from values).
        mutating func store(_ t: Table) -> StoredTable {
            let width = t.rows.reduce(t.columns.count) { max($0, $1.cells.count) }
            let first = Int32(tableRows.count)
            var lastPath: [SectionHeading] = []
            for r in t.rows {
                // A row made by hand may name its group only as printed.
                let path = r.groupPath.isEmpty ? r.group.map { [SectionHeading(text: $0)] } ?? [] : r.groupPath
                if !path.isEmpty, path != lastPath || groupPaths.isEmpty {
                    groupPaths.append(path)
                    lastPath = path
                }
                tableRows.append(StoredRow(line: Int32(r.line), endLine: Int32(r.endLine), kind: r.kind,
                                           groupPath: path.isEmpty ? -1 : Int32(groupPaths.count - 1),
                                           firstCell: Int32(cells.count)))
                for c in 0..<width { cells.append(c < r.cells.count ? append(r.cells[c]) : 0..<0) }
            }
            return StoredTable(line: Int32(t.line), endLine: Int32(t.endLine), columns: t.columns, width: Int32(width),
                               rows: first..<Int32(tableRows.count))
        }

        /// Appends `text` to `extra` and returns its range.
        mutating func append(_ text: String) -> Range<Int32> {
            let start = Int32(base.count + extra.count)
            extra.append(contentsOf: text.utf8)
            return start..<Int32(base.count + extra.count)
        }

        /// `r` followed by one space and `more` (a continuation), as a new range. When `r` is
        /// already the last thing in `extra`, it grows in place.
        /// `r` and `more` as one text, with a space between them unless `separated` is false.
        /// `r`, `separator` and `more` as one new text (`r` grows in place when it is the last
        /// thing in `extra`).
        mutating func joined(_ r: Range<Int32>, separator: [UInt8], _ more: Range<Int32>) -> Range<Int32> {
            var start = r.lowerBound
            let end = Int32(base.count + extra.count)
            if r.upperBound != end || Int(r.lowerBound) < base.count || r.isEmpty {
                start = end
                appendBytes(of: r)
            }
            extra.append(contentsOf: separator)
            appendBytes(of: more)
            return start..<Int32(base.count + extra.count)
        }

        /// `bytes` appended to `extra`, as a range.
        mutating func append(bytes: [UInt8]) -> Range<Int32> {
            let start = Int32(base.count + extra.count)
            extra.append(contentsOf: bytes)
            return start..<Int32(base.count + extra.count)
        }

        mutating func joined(_ r: Range<Int32>, _ more: Range<Int32>, separated: Bool = true) -> Range<Int32> {
            var start = r.lowerBound
            let end = Int32(base.count + extra.count)
            if r.upperBound != end || Int(r.lowerBound) < base.count || r.isEmpty {
                start = end
                appendBytes(of: r)
            }
            if separated, Int32(base.count + extra.count) > start { extra.append(0x20) }
            appendBytes(of: more)
            return start..<Int32(base.count + extra.count)
        }

        @inline(__always)
        func withBytes<R>(_ r: Range<Int32>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            SectionStore.withBytes(r, base: base, extra: extra, body)
        }

        private mutating func appendBytes(of r: Range<Int32>) {
            let lo = Int(r.lowerBound)
            let hi = Int(r.upperBound)
            if lo >= base.count {
                // Copy through a temporary: `extra` may reallocate while it grows.
                let piece = Array(extra[(lo - base.count)..<(hi - base.count)])
                extra.append(contentsOf: piece)
            } else {
                extra.append(contentsOf: base[lo..<hi])
            }
        }
    }
}

extension SectionStore: Equatable {
    /// Same tree, same texts — compared in place, without making ``Section`` values.
    static func == (a: SectionStore, b: SectionStore) -> Bool {
        if a === b { return true }
        guard a.roots.count == b.roots.count, a.nodes.count == b.nodes.count,
            a.tableViews.map(\.table) == b.tableViews.map(\.table),
            a.paragraphs.count == b.paragraphs.count
        else { return false }
        func same(_ x: Range<Int32>, _ y: Range<Int32>) -> Bool {
            a.withBytes(x) { p in b.withBytes(y) { q in p.elementsEqual(q) } }
        }
        // Both stores list nodes in document order, so equal trees have equal node arrays.
        for (x, y) in zip(a.nodes, b.nodes) {
            guard x.kind == y.kind, x.line == y.line, x.endLine == y.endLine, x.fieldRole == y.fieldRole,
                x.children.count == y.children.count, x.paragraphs.count == y.paragraphs.count,
                x.tables == y.tables, (x.number == nil) == (y.number == nil),
                same(x.marker, y.marker), same(x.title, y.title), same(x.fieldLabel, y.fieldLabel),
                same(x.fieldValue, y.fieldValue)
            else { return false }
            if let m = x.number, let n = y.number, !same(m, n) { return false }
        }
        for (x, y) in zip(a.paragraphs, b.paragraphs) {
            guard x.line == y.line, x.endLine == y.endLine, same(x.text, y.text) else { return false }
        }
        return a.childIndex == b.childIndex && a.roots == b.roots
    }
}

extension SectionStore {
    /// The store's arrays as raw buffers, for a writer that reads the whole tree: taken once,
    /// they cost no reference counting per read (each read of an array property of a class
    /// would retain and release it).
    struct Reader {
        let base: UnsafeBufferPointer<UInt8>
        let extra: UnsafeBufferPointer<UInt8>
        let nodes: UnsafeBufferPointer<Node>
        let childIndex: UnsafeBufferPointer<Int32>
        let paragraphs: UnsafeBufferPointer<StoredParagraph>

        @inline(__always)
        func bytes(_ r: Range<Int32>) -> UnsafeBufferPointer<UInt8> {
            let lo = Int(r.lowerBound)
            let hi = Int(r.upperBound)
            if lo >= base.count { return UnsafeBufferPointer(rebasing: extra[(lo - base.count)..<(hi - base.count)]) }
            return UnsafeBufferPointer(rebasing: base[lo..<hi])
        }

        @inline(__always)
        func children(of n: Int) -> UnsafeBufferPointer<Int32> {
            let r = nodes[n].children
            return UnsafeBufferPointer(rebasing: childIndex[Int(r.lowerBound)..<Int(r.upperBound)])
        }

        @inline(__always)
        func paragraphs(of n: Int) -> UnsafeBufferPointer<StoredParagraph> {
            let r = nodes[n].paragraphs
            return UnsafeBufferPointer(rebasing: paragraphs[Int(r.lowerBound)..<Int(r.upperBound)])
        }
    }

    /// Calls `body` with a ``Reader`` of the store, valid only inside it.
    func withReader<R>(_ body: (Reader) -> R) -> R {
        base.withUnsafeBufferPointer { b in
            extra.withUnsafeBufferPointer { e in
                nodes.withUnsafeBufferPointer { n in
                    childIndex.withUnsafeBufferPointer { c in
                        paragraphs.withUnsafeBufferPointer { p in
                            body(Reader(base: b, extra: e, nodes: n, childIndex: c, paragraphs: p))
                        }
                    }
                }
            }
        }
    }
}
