/// The section tree stored flat, every text a byte range — the form the parser builds and the
/// JSON exporter reads, so a document never needs one `String` per line.
///
/// Texts live in two buffers addressed as one: `base` is the tokenizer's cleaned text (shared,
/// never copied), `extra` holds texts the parser had to join (a title continued after a page
/// break). An offset at or past `base.count` points into `extra`. ``Section`` values are made
/// only when someone asks for ``PlanDocument/sections``, once.
final class SectionStore: @unchecked Sendable {
    /// One section. Its children, paragraphs and tables are found through the store's
    /// ``childStart``, ``paragraphStart`` and ``tableOwners``; the ranges come first and the
    /// one-byte fields last, so the node packs into 52 bytes (a document of bullets holds one
    /// per line, beside a token per line).
    struct Node: Sendable, Equatable {
        var marker: Range<Int32>
        var title: Range<Int32>
        var line: Int32
        var endLine: Int32
        var fieldLabel: Range<Int32> = 0..<0
        var fieldValue: Range<Int32> = 0..<0
        /// The number inside the marker (`2.1` in `2.1.`); `nil` for bullets.
        var number: Range<Int32>?
        var kind: Section.Kind
        var fieldRole: Field.Role?
        /// Whether ``tableOwners`` names the node (in what would be padding): most nodes have no
        /// table, and they skip the search.
        var hasTables = false

        init(kind: Section.Kind, marker: Range<Int32>, number: Range<Int32>?, title: Range<Int32>, line: Int32, endLine: Int32) {
            self.kind = kind
            self.marker = marker
            self.number = number
            self.title = title
            self.line = line
            self.endLine = endLine
        }
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
    /// Node `n`'s children are `childIndex[starts[n]..<starts[n + 1]]`, its paragraphs
    /// `paragraphs[starts[k + n]..<starts[k + n + 1]]` with `k = nodeCount + 1`. Memory the
    /// store owns rather than arrays: a walk reads them for every node it visits, and each
    /// read of an array property of a class retains and releases the array.
    private let starts: UnsafeMutableBufferPointer<Int32>
    private let nodeCount: Int
    let paragraphs: [StoredParagraph]
    let tables: [StoredTable]
    /// The node of each table, ascending: tables are stored in node order, and few nodes
    /// have one, so a search here costs less than a range in every node.
    let tableOwners: [Int32]
    let tableRows: [StoredRow]
    /// Every table cell's text, row after row (see ``StoredRow/firstCell``).
    let cells: [Range<Int32>]
    /// The distinct group paths of table rows (rows of one group share one entry).
    let groupPaths: [[SectionHeading]]
    /// ``sections``, made on first use; the lock makes that safe across threads (the only
    /// mutable state of a store).
    private let lock = Lock()
    nonisolated(unsafe) private var materialized: [Section]?

    /// - Parameter starts: the children's and then the paragraphs' starts (``starts``), each
    ///   `nodes.count + 1` long; the store takes it over and frees it.
    private init(base: [UInt8], extra: [UInt8], nodes: [Node], starts: UnsafeMutableBufferPointer<Int32>,
                 childIndex: [Int32], roots: [Int32], paragraphs: [StoredParagraph], tables: [StoredTable],
                 tableOwners: [Int32], tableRows: [StoredRow], cells: [Range<Int32>], groupPaths: [[SectionHeading]])
    {
        precondition(starts.count == 2 * (nodes.count + 1))
        self.base = base
        self.extra = extra
        self.nodes = nodes
        self.starts = starts
        nodeCount = nodes.count
        self.childIndex = childIndex
        self.roots = roots
        self.paragraphs = paragraphs
        self.tables = tables
        self.tableOwners = tableOwners
        self.tableRows = tableRows
        self.cells = cells
        self.groupPaths = groupPaths
    }

    deinit {
        starts.deallocate()
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
        let r = childRange(of: n)
        return childIndex[Int(r.lowerBound)..<Int(r.upperBound)]
    }

    /// Where node `n`'s children are in ``childIndex``.
    @inline(__always)
    func childRange(of n: Int) -> Range<Int32> {
        starts[n]..<starts[n + 1]
    }

    /// Where node `n`'s paragraphs are in ``paragraphs``.
    @inline(__always)
    func paragraphRange(of n: Int) -> Range<Int32> {
        starts[nodeCount + 1 + n]..<starts[nodeCount + 2 + n]
    }

    /// The children's starts (see ``starts``).
    private var childStart: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(rebasing: starts[0...nodeCount]) }

    /// The paragraphs' starts (see ``starts``).
    private var paragraphStart: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(rebasing: starts[(nodeCount + 1)...]) }

    /// Where node `n`'s tables are in ``tables``.
    func tableRange(of n: Int) -> Range<Int32> {
        guard nodes[n].hasTables else { return 0..<0 }
        return Self.tableRange(of: n, owners: tableOwners)
    }

    /// The tables of node `n` given its node, read already.
    func tableRange(of n: Int, _ node: Node) -> Range<Int32> {
        guard node.hasTables else { return 0..<0 }
        return Self.tableRange(of: n, owners: tableOwners)
    }

    private static func tableRange(of n: Int, owners: [Int32]) -> Range<Int32> {
        let lo = owners.partitionPoint { Int($0) < n }
        guard lo < owners.count, owners[lo] == n else { return 0..<0 }
        let hi = owners[lo...].partitionPoint { Int($0) <= n }
        return Int32(lo)..<Int32(hi)
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
            paragraphs: paragraphs[Int(paragraphRange(of: n).lowerBound)..<Int(paragraphRange(of: n).upperBound)].map {
                Paragraph(line: Int($0.line), endLine: Int($0.endLine), text: string($0.text))
            },
            tables: (Int(tableRange(of: n).lowerBound)..<Int(tableRange(of: n).upperBound)).map {
                TableView(store: self, index: $0).table
            },
            children: children(of: n).map { section(Int($0)) })
    }

    /// A store holding `sections` (for documents built from values, not parsed).
    convenience init(sections: [Section]) {
        var b = Builder(base: [])
        func add(_ s: Section, parent: Int32) -> Int32 {
            let index = b.addNode(Node(kind: s.kind, marker: b.append(s.marker), number: s.number.map { b.append($0) },
                                       title: b.append(s.title), line: Int32(s.line), endLine: Int32(s.endLine)),
                                  parent: parent)
            if let f = s.field {
                b.nodes[Int(index)].fieldRole = f.role
                b.nodes[Int(index)].fieldLabel = b.append(f.label)
                b.nodes[Int(index)].fieldValue = b.append(f.value)
            }
            for p in s.paragraphs {
                b.addParagraph(StoredParagraph(line: Int32(p.line), endLine: Int32(p.endLine), text: b.append(p.text)), to: Int(index))
            }
            for t in s.tables { b.addTable(b.store(t), to: Int(index)) }
            for c in s.children { _ = add(c, parent: index) }
            return index
        }
        let roots = sections.map { add($0, parent: -1) }
        self.init(builder: b, roots: roots)
    }

    /// Freezes a builder: per-node lists become ranges of flat arrays. Children and
    /// paragraphs are grouped by owner with a counting sort, which keeps each owner's in the
    /// order they were added (children are added in index order).
    convenience init(builder: consuming Builder, roots: [Int32]) {
        // Take the builder's arrays out so they are uniquely held and go as soon as used.
        var b = builder
        var nodes = b.nodes
        b.nodes = []
        let starts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2 * (nodes.count + 1))
        let childIndex = Self.grouped(owners: b.parents, start: UnsafeMutableBufferPointer(rebasing: starts[0...nodes.count]))
        b.parents = []
        let order = Self.grouped(owners: b.paragraphOwners, start: UnsafeMutableBufferPointer(rebasing: starts[(nodes.count + 1)...]))
        b.paragraphOwners = []
        var paragraphs: [StoredParagraph] = []
        paragraphs.reserveCapacity(order.count)
        b.paragraphs.withUnsafeBufferPointer { all in
            for p in order { paragraphs.append(all[Int(p)]) }
        }
        b.paragraphs = []
        var tables: [StoredTable] = []
        var tableOwners: [Int32] = []
        for (i, ts) in b.tablesOf.sorted(by: { $0.key < $1.key }) {
            tables += ts
            tableOwners += repeatElement(Int32(i), count: ts.count)
            nodes[i].hasTables = true
        }
        self.init(base: b.base, extra: b.extra, nodes: nodes, starts: starts, childIndex: childIndex, roots: roots,
                  paragraphs: paragraphs, tables: tables, tableOwners: tableOwners,
                  tableRows: b.tableRows, cells: b.cells, groupPaths: b.groupPaths)
    }

    /// The indices of `owners` (an owner per item, -1: none) grouped by owner: owners in
    /// ascending order, each owner's items in their order. Owner `o`'s items are
    /// `items[start[o]..<start[o + 1]]`; `start` holds one more than the owners.
    private static func grouped(owners: [Int32], start: UnsafeMutableBufferPointer<Int32>) -> [Int32] {
        let ownerCount = start.count - 1
        start.initialize(repeating: 0)
        var owned = 0
        for o in owners where o >= 0 {
            start[Int(o) + 1] += 1
            owned += 1
        }
        for k in 0..<ownerCount { start[k + 1] += start[k] }
        var items = [Int32](repeating: 0, count: owned)
        // `start[o]` walks through owner `o`'s slots, ending where `o + 1`'s begin; then the
        // starts are shifted back one place.
        for (i, o) in owners.enumerated() where o >= 0 {
            items[Int(start[Int(o)])] = Int32(i)
            start[Int(o)] += 1
        }
        var k = ownerCount
        while k > 0 {
            start[k] = start[k - 1]
            k -= 1
        }
        start[0] = 0
        return items
    }

    /// Mutable parts, filled by ``SectionParser``. Each node and paragraph records only its
    /// owner; the per-node lists are made when the store is frozen.
    struct Builder {
        let base: [UInt8]
        var extra: [UInt8] = []
        var nodes: [Node] = []
        /// Each node's parent (-1: a root), beside ``nodes``: the lists of children are made
        /// from it when the store is frozen, so adding a node costs one append here.
        var parents: [Int32] = []
        var paragraphs: [StoredParagraph] = []
        /// Each paragraph's node, beside ``paragraphs`` (a node may get a paragraph after its
        /// children, so paragraphs are grouped by node only when frozen).
        var paragraphOwners: [Int32] = []
        var tablesOf: [Int: [StoredTable]] = [:]
        var tableRows: [StoredRow] = []
        var cells: [Range<Int32>] = []
        var groupPaths: [[SectionHeading]] = []

        init(base: [UInt8]) {
            self.base = base
        }

        /// Reserves room for about `nodes` nodes and `paragraphs` paragraphs (counts known from
        /// the tokens), so the arrays are not grown by doubling and copied.
        mutating func reserve(nodes n: Int, paragraphs p: Int) {
            nodes.reserveCapacity(n)
            parents.reserveCapacity(n)
            paragraphs.reserveCapacity(p)
            paragraphOwners.reserveCapacity(p)
        }

        /// Adds `n` as the last child of `parent` (-1: as a root).
        mutating func addNode(_ n: Node, parent: Int32) -> Int32 {
            nodes.append(n)
            parents.append(parent)
            return Int32(nodes.count - 1)
        }

        /// - Returns: the paragraph's index in ``paragraphs``.
        @discardableResult
        mutating func addParagraph(_ p: StoredParagraph, to node: Int) -> Int {
            paragraphs.append(p)
            paragraphOwners.append(Int32(node))
            return paragraphs.count - 1
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
                (x.number == nil) == (y.number == nil),
                same(x.marker, y.marker), same(x.title, y.title), same(x.fieldLabel, y.fieldLabel),
                same(x.fieldValue, y.fieldValue)
            else { return false }
            if let m = x.number, let n = y.number, !same(m, n) { return false }
        }
        for (x, y) in zip(a.paragraphs, b.paragraphs) {
            guard x.line == y.line, x.endLine == y.endLine, same(x.text, y.text) else { return false }
        }
        return a.childIndex == b.childIndex && a.starts.elementsEqual(b.starts) && a.tableOwners == b.tableOwners
            && a.roots == b.roots
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
        let childStart: UnsafeBufferPointer<Int32>
        let childIndex: UnsafeBufferPointer<Int32>
        let paragraphStart: UnsafeBufferPointer<Int32>
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
            UnsafeBufferPointer(rebasing: childIndex[Int(childStart[n])..<Int(childStart[n + 1])])
        }

        @inline(__always)
        func paragraphs(of n: Int) -> UnsafeBufferPointer<StoredParagraph> {
            UnsafeBufferPointer(rebasing: paragraphs[Int(paragraphStart[n])..<Int(paragraphStart[n + 1])])
        }
    }

    /// Calls `body` with a ``Reader`` of the store, valid only inside it.
    func withReader<R>(_ body: (Reader) -> R) -> R {
        base.withUnsafeBufferPointer { b in
            extra.withUnsafeBufferPointer { e in
                nodes.withUnsafeBufferPointer { n in
                    childIndex.withUnsafeBufferPointer { c in
                        paragraphs.withUnsafeBufferPointer { p in
                            body(Reader(base: b, extra: e, nodes: n, childStart: childStart, childIndex: c,
                                        paragraphStart: paragraphStart, paragraphs: p))
                        }
                    }
                }
            }
        }
    }
}
