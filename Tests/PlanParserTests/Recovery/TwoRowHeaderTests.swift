import Testing
@testable import PlanParser

/// A table whose header has two rows — `Đơn vị thực hiện` merged over `Chủ trì | Phối hợp`, the
/// other header cells merged down — as each converter prints it: every column gets its role,
/// as in the Word file itself (`samples/recovery/two-row-header`).
@Suite struct TwoRowHeaderTests {
    static func document(_ table: String) -> String {
        """
        KẾ HOẠCH
        Chuyển đổi số năm 2026

        PHỤ LỤC
        DANH MỤC NHIỆM VỤ

        \(table)
        """
    }

    /// The two tasks every form below holds, with their lead and support apart.
    static func expectTasks(_ d: PlanDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(d.tasks.map(\.title) == ["Trang bị máy tính cho bộ phận một cửa", "Số hóa hồ sơ hộ tịch"],
                sourceLocation: sourceLocation)
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Phòng Văn hóa và Thông tin"], ["Phòng Tư pháp"]],
                sourceLocation: sourceLocation)
        #expect(d.tasks.map { $0.support.map(\.name) } == [["UBND các xã, thị trấn"], ["Viễn thông Phú Yên"]],
                sourceLocation: sourceLocation)
        #expect(d.tasks.map { $0.time.map(\.text) } == [["Tháng 5/2026"], ["Trước 30/9/2026"]], sourceLocation: sourceLocation)
        #expect(!d.warnings.map(\.code).contains("table-lost"), sourceLocation: sourceLocation)
    }

    /// pandoc's gfm: the lower header row is the first body row.
    @Test func pipeTable() throws {
        let d = try Fixtures.parse(Self.document("""
            | STT | Nội dung nhiệm vụ | Đơn vị thực hiện | | Thời gian hoàn thành | Kinh phí (triệu đồng) |
            |-----|-------------------|------------------|-|----------------------|-----------------------|
            | | | Chủ trì | Phối hợp | | |
            | I | Hạ tầng số | | | | |
            | 1 | Trang bị máy tính cho bộ phận một cửa | Phòng Văn hóa và Thông tin | UBND các xã, thị trấn | Tháng 5/2026 | 120 |
            | II | Dữ liệu số | | | | |
            | 2 | Số hóa hồ sơ hộ tịch | Phòng Tư pháp | Viễn thông Phú Yên | Trước 30/9/2026 | 60 |
            """))
        Self.expectTasks(d)
        let table = try #require(d.sections.first?.tables.first)
        #expect(table.columns.map(\.title) == ["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện Chủ trì", "Phối hợp",
                                               "Thời gian hoàn thành", "Kinh phí (triệu đồng)"])
        #expect(table.columns.map(\.role) == [.number, .title, .lead, .support, .time, .other])
        // The lower header row is part of the header, not a row of its own.
        #expect(table.rows.map(\.kind) == [.header, .group, .task, .group, .task])
        #expect((table.rows[0].line, table.rows[0].endLine) == (7, 9))
    }

    /// A body row of header words that names nothing new is no lower header: a row as before.
    @Test func rowOfHeaderWordsUnderTheirOwnColumns() throws {
        let d = try Fixtures.parse(Self.document("""
            | STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |
            |---|---|---|---|
            | | | Chủ trì | |
            | 1 | Trang bị máy tính | Phòng Tư pháp | Tháng 5/2026 |
            """))
        let table = try #require(d.sections.first?.tables.first)
        #expect(table.columns.map(\.title) == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"])
        #expect(table.rows.count == 3)
    }

    static let cells: [String] = [
        "STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời gian hoàn thành", "Kinh phí (triệu đồng)",
        "", "", "Chủ trì", "Phối hợp", "", "",
        "I", "Hạ tầng số",
        "1", "Trang bị máy tính cho bộ phận một cửa", "Phòng Văn hóa và Thông tin", "UBND các xã, thị trấn", "Tháng 5/2026", "120",
        "II", "Dữ liệu số",
        // Numbered on across the groups.
        "2", "Số hóa hồ sơ hộ tịch", "Phòng Tư pháp", "Viễn thông Phú Yên", "Trước 30/9/2026", "60",
    ]

    /// LibreOffice "Save as Text" (a line per cell) and docx2txt (a blank line after each).
    @Test(arguments: [cells.joined(separator: "\n"), cells.map { $0 + "\n" }.joined(separator: "\n")])
    func cellPerLine(_ body: String) throws {
        let d = try Fixtures.parse(Self.document(body))
        Self.expectTasks(d)
        let table = try #require(d.sections.first?.tables.first)
        #expect(table.columns.map(\.title) == ["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện Chủ trì", "Phối hợp",
                                               "Thời gian hoàn thành", "Kinh phí (triệu đồng)"])
    }

    /// A lower row whose cells do not add up to the top row's plus the span is not taken.
    @Test func cellPerLineLowerRowThatDoesNotAddUp() throws {
        var cells = Self.cells
        cells.remove(at: 9)  // one empty cell fewer after `Phối hợp`
        let d = try Fixtures.parse(Self.document(cells.joined(separator: "\n")))
        #expect(d.tasks.isEmpty)
        #expect(d.warnings.map(\.code).contains("table-lost"))
    }

    /// `pdftotext -layout`: the lower row is the header's second line, its two cells under the
    /// span's one.
    @Test func layoutText() throws {
        let d = try Fixtures.parse(Self.document("""
            STT     Nội dung nhiệm vụ                      Đơn vị thực hiện                                  Thời gian     Kinh phí
                                                           Chủ trì                  Phối hợp                 hoàn thành
            I       Hạ tầng số
            1       Trang bị máy tính cho bộ phận một cửa  Phòng Văn hóa và Thông   UBND các xã, thị trấn    Tháng 5/2026  120
                                                           tin
            II      Dữ liệu số
            2       Số hóa hồ sơ hộ tịch                   Phòng Tư pháp            Viễn thông Phú Yên       Trước         60
                                                                                                             30/9/2026
            """))
        Self.expectTasks(d)
    }

    @Test(arguments: [
        // Two pieces under the span, each a column's words: the span is cut.
        ([("Đơn vị thực hiện", 10, 40)], [(0, "Chủ trì", 10, 17), (0, "Phối hợp", 30, 38)],
         [("Đơn vị thực hiện Chủ trì", 10, 17), ("Phối hợp", 30, 40)]),
        // One piece: the cell's wrapped words.
        ([("Đơn vị", 10, 16)], [(0, "thực hiện", 10, 19)], [("Đơn vị thực hiện", 10, 16)]),
        // Two pieces that name no column (a justified line): one cell's words still.
        ([("Thời gian", 10, 30)], [(0, "hoàn", 10, 14), (0, "thành", 20, 25)], [("Thời gian hoàn thành", 10, 30)]),
    ])
    func spread(_ cells: [(String, Int, Int)], _ placed: [(Int, String, Int, Int)], _ expected: [(String, Int, Int)]) {
        let got = LayoutTable.Header.spread(cells.map { (text: $0.0, start: $0.1, end: $0.2) },
                                            placed.map { (cell: $0.0, text: $0.1, start: $0.2, end: $0.3) })
        #expect(got.map(\.text) == expected.map(\.0))
        #expect(got.map(\.start) == expected.map(\.1))
        #expect(got.map(\.end) == expected.map(\.2))
    }
}

/// A hard wrap that cut a unit's dashed name at its dash (`Phòng Tài chính` / `- Kế hoạch …`):
/// the line goes on, it is no bullet.
@Suite struct DashCutWrapTests {
    @Test(arguments: [
        ("Giao Văn phòng chủ trì, phối hợp với Phòng Tài chính", "Kế hoạch bố trí kinh phí", true),
        ("phối hợp với Sở Lao động", "Thương binh và Xã hội thực hiện", true),
        ("phối hợp với Sở Lao động - Thương binh", "và Xã hội thực hiện", false),  // no field is cut there
        ("phối hợp với Phòng Văn hóa", "Thông tin huyện", true),
        ("Các nội dung sau", "Kế hoạch tuyên truyền", false),
        ("phối hợp với Phòng Tài chính", "Kế hoạchxyz", false),
        ("Phòng Tài chính", "Kế hoạch", true),
    ])
    func cut(_ previous: String, _ next: String, _ expected: Bool) {
        let got = previous.withUTF8Bytes { p in next.withUTF8Bytes { n in UnitLexicon.isCutAtDash(previous: p, next: n) } }
        #expect(got == expected, "\(previous) / - \(next)")
    }

    @Test func wrappedDuty() throws {
        let d = try Fixtures.parse("""
            KẾ HOẠCH
            Chuyển đổi số năm 2026

            II. NHIỆM VỤ
            1. Hạ tầng số
            a) Giao Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Phòng Tài chính
            - Kế hoạch bố trí kinh phí mua sắm thiết bị ký số cho cán bộ, công chức; hoàn thành trước ngày 30/6/2026.
            """)
        let t = try #require(d.tasks.first)
        #expect(d.tasks.count == 1)
        #expect(t.title == "Bố trí kinh phí mua sắm thiết bị ký số cho cán bộ, công chức")
        #expect(t.lead.map(\.name) == ["Văn phòng HĐND và UBND huyện"])
        #expect(t.support.map(\.name) == ["Phòng Tài chính - Kế hoạch"])
        #expect(t.time.map(\.text) == ["hoàn thành trước ngày 30/6/2026"])
        #expect(t.time.first?.end == CalendarDate(year: 2026, month: 6, day: 30))
    }

    @Test func realBulletStaysABullet() throws {
        let d = try Fixtures.parse("""
            KẾ HOẠCH
            Chuyển đổi số năm 2026

            II. NHIỆM VỤ
            1. Phối hợp với Phòng Tài chính
            - Kế hoạch năm 2026 được phê duyệt.
            """)
        let section = try #require(d.sections.first?.children.first)
        #expect(section.children.map(\.title) == ["Kế hoạch năm 2026 được phê duyệt."])
    }
}

/// A frame table's cell whose lines a converter ran into one paragraph (pandoc wraps cells)
/// is read back line by line where they are titles or the signer's name.
@Suite struct FrameCellLinesTests {
    static func paragraph(_ lines: [String]) -> ConvertedTable.Paragraph {
        var text = CellText(keepsLines: true)
        for (k, l) in lines.enumerated() { text.add(Array(l.utf8), line: Int32(10 + k)) }
        return text.paragraphs[0]
    }

    @Test(arguments: [
        (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Hùng"],
         ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Hùng"], [10, 11, 12, 13]),
        (["UỶ BAN NHÂN DÂN", "HUYỆN ĐỒNG XUÂN"], ["UỶ BAN NHÂN DÂN", "HUYỆN ĐỒNG XUÂN"], [10, 11]),
        // The motto's second line, a wrapped recipient and a wrapped date stay joined.
        (["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
         ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"], [10]),
        (["- Các phòng, ban thuộc", "huyện;"], ["- Các phòng, ban thuộc huyện;"], [10]),
        (["Đồng Xuân, ngày 09 tháng 3 năm", "2026"], ["Đồng Xuân, ngày 09 tháng 3 năm 2026"], [10]),
    ])
    func lines(_ printed: [String], _ expected: [String], _ numbers: [Int32]) {
        let got = ConvertedTable.frameLines(Self.paragraph(printed))
        #expect(got.map(\.0) == expected)
        #expect(got.map(\.1) == numbers)
    }
}
