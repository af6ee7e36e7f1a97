import Testing
@testable import PlanParser

/// Tables printed one cell per line (LibreOffice "Save as Text", docx2txt) rebuilt from their
/// row numbers — and left alone, with `table-lost`, wherever a row does not add up.
@Suite struct CellLineTableTests {
    /// The cells of the appendix table, row by row ("" for an empty cell), as LibreOffice
    /// prints them: a group row merged over the table, a bare group number with its title, a
    /// support cell of two paragraphs (`…;` / `…`), a milestone row without a number, and a
    /// last row whose notes cell is empty.
    static let cells: [String] = [
        "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Ghi chú",
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "1", "Ban hành kế hoạch kiểm tra năm 2026", "Văn phòng Sở", "Thanh tra Sở", "Tháng 01/2026", "",
        "2", "Tổ chức hội nghị sơ kết", "Phòng Kế hoạch - Tài chính", "Các phòng thuộc Sở;", "UBND các huyện", "Quý II/2026", "",
        "", "", "", "", "Quý IV/2026", "Hội nghị tổng kết",
        "II", "Cải cách thủ tục hành chính",
        "1", "Công khai thủ tục hành chính", "Văn phòng Sở", "Trung tâm Phục vụ hành chính công", "Thường xuyên", "",
    ]

    static func document(_ body: String) -> String {
        """
        KẾ HOẠCH
        Cải cách hành chính năm 2026

        PHỤ LỤC
        DANH MỤC NHIỆM VỤ
        \(body)
        """
    }

    static let compact = document(cells.joined(separator: "\n"))
    /// docx2txt: a blank line after each paragraph, so an empty cell is two.
    static let spaced = document(cells.map { $0 + "\n" }.joined(separator: "\n"))

    @Test(arguments: [compact, spaced])
    func rebuilt(_ text: String) throws {
        let d = try Fixtures.parse(text)
        #expect(d.tasks.map(\.id) == ["PL.I.1", "PL.I.2", "PL.II.1"])
        let second = try #require(d.task("PL.I.2"))
        #expect(second.title == "Tổ chức hội nghị sơ kết")
        #expect(second.lead.map(\.name) == ["Phòng Kế hoạch - Tài chính"])
        #expect(second.support.map(\.name) == ["Các phòng thuộc Sở", "UBND các huyện"])
        // The milestone row is the task's second deadline.
        #expect(second.time.map(\.text) == ["Quý II/2026", "Quý IV/2026"])
        #expect(second.headings.map(\.text) == ["PHỤ LỤC", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"])
        let last = try #require(d.task("PL.II.1"))
        #expect(last.title == "Công khai thủ tục hành chính")
        #expect(last.support.map(\.name) == ["Trung tâm Phục vụ hành chính công"])
        #expect(last.time.map(\.text) == ["Thường xuyên"])
        #expect(!d.warnings.map(\.code).contains("table-lost"))
    }

    @Test func rowLines() throws {
        let d = try Fixtures.parse(Self.compact)
        // A row runs from its number's line to its last cell's.
        #expect(d.tasks.map { [$0.line, $0.endLine] } == [[13, 17], [19, 31], [34, 38]])
        let lines = try Recovered.lines(Self.compact)
        // The milestone row starts at its first filled cell (line 30, `Quý IV/2026`).
        #expect(lines.filter { $0.role == .rowStart }.map(\.number) == [6, 12, 13, 19, 30, 32, 34])
        // The second paragraph of a cell is a line of its own, numbered as printed.
        #expect(lines.contains { $0.number == 23 && $0.role == .cellParagraph && $0.text.hasPrefix("\t\t\tUBND các") })
    }

    /// A row with a line too many that no `;` explains: the table is not guessed at, and the
    /// lost table is reported as before.
    @Test func rowThatDoesNotAddUp() throws {
        var broken = Self.cells
        broken[broken.firstIndex(of: "Các phòng thuộc Sở;")!] = "Các phòng thuộc Sở"
        let text = Self.document(broken.joined(separator: "\n"))
        #expect(try Recovered.tableLines(text).isEmpty)
        let d = try Fixtures.parse(text)
        #expect(d.tasks.filter { $0.origin == .table }.isEmpty)
        #expect(d.warnings.map(\.code).contains("table-lost"))
    }

    /// Text with pages comes from a PDF: plain pdftotext wraps cells and drops empty ones.
    @Test func notFromPages() throws {
        let lines = try Recovered.tableLines(Self.compact.replacingOccurrences(of: "DANH MỤC NHIỆM VỤ", with: "DANH MỤC NHIỆM VỤ\u{0C}"))
        #expect(lines.isEmpty)
    }

    @Test(arguments: [
        ("STT", true), ("Stt", true), ("TT", true), ("Số TT", true), ("STT.", true), ("  STT  ", true),
        ("STT Nhiệm vụ", false), ("TTg", false), ("Sở Tư pháp", false), ("T", false), ("TT\tNội dung", false),
    ])
    func numberHeader(_ line: String, _ expected: Bool) {
        let bytes = Array((line + "\nx").utf8)
        let j = bytes.firstIndex { $0 != 0x20 }!
        #expect(bytes.withUnsafeBufferPointer { CellLineTable.isNumberHeader($0, at: j) } == expected, "\(line)")
    }

    /// Lines dropped, repeated, blanked or swapped: never a trap, and every word of the input
    /// is still in the recovered text, as often (cells are moved into rows, never dropped).
    @Test func nothingLost() throws {
        var rng = SeededGenerator(seed: 0xCE11)
        func words(_ s: String) -> [Substring] { s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).sorted() }
        for _ in 0..<300 {
            var v = Self.cells
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let k = Int.random(in: 0..<v.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: v.remove(at: k)
                case 1: v.insert(v[k], at: k)
                case 2: v[k] = ""
                default: v.swapAt(k, Int.random(in: 0..<v.count, using: &rng))
                }
            }
            let spaced = Bool.random(using: &rng)
            let text = Self.document(spaced ? v.map { $0 + "\n" }.joined(separator: "\n") : v.joined(separator: "\n"))
            let out = try Recovered.lines(text).map(\.text).joined(separator: "\n")
            #expect(words(out) == words(text), "\(v)")
        }
    }
}

/// A row with more lines than columns: its cells placed by what the lines read as.
@Suite struct CellPlacementTests {
    static let roles: [TableColumn.Role] = [.title, .lead, .support, .product, .time]

    static func place(_ printed: [String]) throws -> [[String]]? {
        let lines = TextLines(printed.joined(separator: "\n"))
        let units = printed.indices.map { CellLineTable.Cell(lines: printed[$0].isEmpty ? [] : [$0], next: $0 + 1) }
        let placed = CellPlacement.place(units, roles: roles, lines: lines, normalizer: TimeNormalizer(planYear: 2026, planPeriod: nil))
        return placed?.map { $0.lines.map { printed[$0] } }
    }

    @Test(arguments: [
        // A product cell of two paragraphs.
        (["Kiện toàn Ban Chỉ huy", "Chi cục Thủy lợi", "Văn phòng Sở", "Quyết định kiện toàn", "Quy chế hoạt động", "Tháng 3/2026"],
         [["Kiện toàn Ban Chỉ huy"], ["Chi cục Thủy lợi"], ["Văn phòng Sở"], ["Quyết định kiện toàn", "Quy chế hoạt động"], ["Tháng 3/2026"]]),
        // Two leads, the support cell empty.
        (["Đánh giá công chức", "Phòng Nội vụ", "Các cơ quan chuyên môn", "", "Báo cáo", "Tháng 12/2026"],
         [["Đánh giá công chức"], ["Phòng Nội vụ", "Các cơ quan chuyên môn"], [], ["Báo cáo"], ["Tháng 12/2026"]]),
        // Two supports after a `;`.
        (["Rà soát phương án", "Chi cục Thủy lợi", "Sở Tài chính;", "UBND các huyện", "Phương án", "Quý II/2026"],
         [["Rà soát phương án"], ["Chi cục Thủy lợi"], ["Sở Tài chính;", "UBND các huyện"], ["Phương án"], ["Quý II/2026"]]),
    ])
    func placed(_ printed: [String], _ expected: [[String]]) throws {
        #expect(try Self.place(printed) == expected)
    }

    /// `Phòng Nội vụ` / `Văn phòng Sở` / `Thanh tra Sở`: two leads and a support, or a lead and
    /// two supports — nothing tells, so the row is not placed.
    @Test func ambiguous() throws {
        #expect(try Self.place(["Kiểm tra công vụ", "Phòng Nội vụ", "Văn phòng Sở", "Thanh tra Sở", "Kế hoạch", "Quý I/2026"]) == nil)
    }

    /// A unit where the time should be: no placement puts it there.
    @Test func timeColumnHoldsNoUnit() throws {
        #expect(try Self.place(["Kiểm tra công vụ", "Phòng Nội vụ", "Văn phòng Sở", "Kế hoạch", "Báo cáo", "Thanh tra Sở"]) == nil)
    }
}

/// Row numbers by level (`1`, `1.1`, `1.2`, `2`), as appendix tables often number sub-tasks.
@Suite struct CellLineLevelsTests {
    @Test func subRows() throws {
        let cells = [
            "STT", "Nội dung", "Đơn vị chủ trì", "Thời gian",
            "1", "Công tác tuyên truyền", "Văn phòng Sở", "Thường xuyên",
            "1.1", "Tuyên truyền trên Cổng thông tin điện tử", "Văn phòng Sở", "Hằng tháng",
            "1.2", "Tổ chức hội nghị phổ biến", "Phòng Pháp chế", "Quý II/2026",
            "2", "Kiểm tra việc thực hiện", "Thanh tra Sở", "Tháng 10/2026",
        ]
        let d = try Fixtures.parse("KẾ HOẠCH\nThử nghiệm năm 2026\n\nPHỤ LỤC\n" + cells.joined(separator: "\n"))
        #expect(d.tasks.map(\.title) == ["Công tác tuyên truyền", "Tuyên truyền trên Cổng thông tin điện tử",
                                          "Tổ chức hội nghị phổ biến", "Kiểm tra việc thực hiện"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Văn phòng Sở"], ["Văn phòng Sở"], ["Phòng Pháp chế"], ["Thanh tra Sở"]])
        #expect(d.tasks[2].time.map(\.text) == ["Quý II/2026"])
    }

    @Test(arguments: [
        ([1], nil as [Int]?, true), ([2], nil, true), ([3], nil, false), ([1, 1], nil, false),
        ([2], [1], true), ([3], [1], true), ([4], [1], false), ([1, 1], [1], true), ([1, 2], [1], false),
        ([1, 2], [1, 1], true), ([2], [1, 3], true), ([1], [1, 3], false), ([2, 1], [1, 3], false), ([1, 1, 1], [1, 1], true),
    ])
    func follows(_ q: [Int], _ p: [Int]?, _ expected: Bool) {
        #expect(CellLineTable.follows(q, after: p) == expected, "\(q) after \(String(describing: p))")
    }
}
