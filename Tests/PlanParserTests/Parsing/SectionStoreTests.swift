import Testing
@testable import PlanParser

/// The flat section store: lists grouped by owner when frozen, tables found by owner, and the
/// record sizes the memory budget of large documents rests on.
@Suite struct SectionStoreTests {
    /// A tree with paragraphs before and after children, tables on two nodes (one with two)
    /// and nodes with neither, as values: stored and read back unchanged.
    static let tree: [Section] = {
        func table(_ line: Int, _ cell: String) -> Table {
            Table(line: line, endLine: line + 1, columns: [TableColumn(title: "Nhiệm vụ", role: .title)],
                  rows: [TableRow(line: line + 1, endLine: line + 1, kind: .task, group: nil, cells: [cell])])
        }
        let a = Section(kind: .letter, marker: "a)", number: "a", title: "Xây dựng kế hoạch", line: 3, endLine: 4,
                        paragraphs: [Paragraph(line: 4, endLine: 4, text: "Đoạn của a")])
        let bullet = Section(kind: .bullet, marker: "-", number: nil, title: "Đơn vị chủ trì: Văn phòng Sở", line: 6, endLine: 6,
                             field: Field(label: "Đơn vị chủ trì", role: .lead, value: "Văn phòng Sở"))
        let b = Section(kind: .letter, marker: "b)", number: "b", title: "Kiểm tra", line: 5, endLine: 9,
                        tables: [table(7, "Hàng một"), table(8, "Hàng hai")], children: [bullet])
        let one = Section(kind: .arabic, marker: "1.", number: "1", title: "Công tác chỉ đạo", line: 2, endLine: 9,
                          paragraphs: [Paragraph(line: 2, endLine: 2, text: "Trước các mục"), Paragraph(line: 9, endLine: 9, text: "Sau các mục")],
                          children: [a, b])
        let two = Section(kind: .arabic, marker: "2.", number: "2", title: "Tuyên truyền", line: 10, endLine: 12,
                          tables: [table(11, "Hàng ba")])
        let root = Section(kind: .roman, marker: "I.", number: "I", title: "NHIỆM VỤ", line: 1, endLine: 12, children: [one, two])
        let appendix = Section(kind: .appendix, marker: "PHỤ LỤC", number: nil, title: "", line: 13, endLine: 13)
        return [root, appendix]
    }()

    @Test func storedTreeReadsBackUnchanged() {
        let store = SectionStore(sections: Self.tree)
        #expect(store.sections == Self.tree)
        #expect(store.nodes.count == 7)
        #expect(store.roots == [0, 6])
    }

    @Test func childrenParagraphsAndTablesByNode() {
        let store = SectionStore(sections: Self.tree)
        // Nodes in document order: I. 0, 1. 1, a) 2, b) 3, bullet 4, 2. 5, PHỤ LỤC 6.
        #expect(Array(store.children(of: 0)) == [1, 5])
        #expect(Array(store.children(of: 1)) == [2, 3])
        #expect(Array(store.children(of: 3)) == [4])
        #expect(store.children(of: 4).isEmpty)
        #expect(store.children(of: 6).isEmpty)
        #expect(store.paragraphRange(of: 1).count == 2)
        #expect(store.paragraphRange(of: 2).count == 1)
        #expect(store.paragraphRange(of: 0).isEmpty)
        #expect(store.tableRange(of: 3) == 0..<2)
        #expect(store.tableRange(of: 5) == 2..<3)
        for n in [0, 1, 2, 4, 6] { #expect(store.tableRange(of: n).isEmpty, "node \(n)") }
        let view = SectionView(store: store, index: 3)
        #expect(view.tables.map { $0.table.rows[0].cells } == [["Hàng một"], ["Hàng hai"]])
        #expect(view.hasChildren && !view.hasParagraphs)
        #expect(SectionView(store: store, index: 1).paragraphs.map(\.text) == ["Trước các mục", "Sau các mục"])
    }

    /// A parsed document: a paragraph that comes after an item's bullets stays the item's, in
    /// the order of the text, and the bullets stay its children.
    @Test func parsedParagraphAfterChildren() throws {
        let d = try Fixtures.parse("""
            KẾ HOẠCH

            Thử nghiệm năm 2025

            II. NHIỆM VỤ

            1. Công tác chỉ đạo

            Đoạn đầu của mục.
            - Đơn vị chủ trì: Văn phòng Sở
            - Đơn vị phối hợp: Thanh tra Sở

            Đoạn sau các gạch đầu dòng.
            """)
        let item = try #require(d.sections.first?.children.first)
        #expect(item.title == "Công tác chỉ đạo")
        #expect(item.paragraphs.map(\.text) == ["Đoạn đầu của mục.", "Đoạn sau các gạch đầu dòng."])
        #expect(item.children.map(\.field?.value) == ["Văn phòng Sở", "Thanh tra Sở"])
    }

    /// A document of bullets holds a token and a node per line: their sizes set its peak
    /// memory (BENCHMARKS.md, the bullet shape within 3 × input + 50 MB).
    @Test func recordSizes() {
        #expect(MemoryLayout<SectionStore.Node>.stride == 52)
        #expect(MemoryLayout<LineToken>.stride == 64)
    }
}
