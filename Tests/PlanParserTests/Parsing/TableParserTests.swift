import Testing
@testable import PlanParser

@Suite struct TableParserTests {
    @Test(arguments: [
        ("STT", TableColumn.Role.number), ("TT", .number), ("Nhiệm vụ", .title), ("Nội dung công việc", .title),
        ("Nội dung nhiệm vụ", .title), ("Kết quả/ Sản phẩm", .product), ("Kết quả dự kiến", .product),
        ("Sản phẩm", .product), ("Đơn vị chủ trì", .lead), ("Cơ quan chủ trì", .lead), ("Chủ trì", .lead),
        ("Đơn vị phối hợp", .support), ("Phối hợp", .support), ("Thời gian thực hiện", .time),
        ("Thời gian hoàn thành", .time), ("Thời hạn hoàn thành", .time), ("Thời hạn", .time), ("Ghi chú", .notes),
        ("Kinh phí", .other), ("Cơ quan tham mưu", .lead), ("Đơn vị tham mưu", .lead), ("Hình thức văn bản", .product),
        ("Mốc thời gian", .time), ("Lộ trình thực hiện", .time), ("Lãnh đạo phụ trách", .other),
    ])
    func headerWords(cell: String, role: TableColumn.Role) {
        #expect(TableParser.role(ofHeader: cell) == role)
    }

    @Test(arguments: [("1", [1]), ("2.", [2]), ("1.1", [1, 1]), ("3)", [3]), ("12.3.", [12, 3])])
    func rowNumbers(cell: String, parts: [Int]) {
        #expect(TableParser.rowNumber(cell) == parts)
    }

    @Test(arguments: ["", "I", "A.", "1a", "2024/01", "Tháng 1"])
    func notRowNumbers(cell: String) {
        #expect(TableParser.rowNumber(cell) == nil)
    }

    /// Continuation rows (after a blank line, or with title text) join their cells to the row
    /// above; milestone rows (no blank line, only product/time) stay rows of their own.
    @Test func continuationAndMilestoneRows() throws {
        let d = try Fixtures.parse("""
            PHỤ LỤC
            STT\tNhiệm vụ\tSản phẩm\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian
            I. NHÓM MỘT\t\t\t\t\t
            1\tXây dựng kế hoạch kiểm tra\tKế hoạch\tVăn phòng Sở\t- Phòng A;\tTháng 01/2025
            \t\tQuyết định, báo cáo\t\t\tQuý 3, 4/2025

            \tcông tác cải cách\t\t\t- Phòng B\t
            2\tTuyên truyền\tTin bài\tVăn phòng Sở\tPhòng A\tThường xuyên/theo hướng dẫn

            \t\t\t\t\tcủa cơ quan chuyên môn
            """)
        let table = try #require(d.tables.first)
        #expect(table.rows.map(\.kind) == [.header, .group, .task, .milestone, .task])
        #expect(table.rows[2].cells[1] == "Xây dựng kế hoạch kiểm tra")
        #expect(table.rows[3].cells[1] == "công tác cải cách")
        #expect(table.rows[3].cells[4] == "- Phòng B")
        #expect(table.rows[4].cells[5] == "Thường xuyên/theo hướng dẫn của cơ quan chuyên môn")
        #expect(table.rows[4].endLine == 10)
        let t1 = try #require(d.task("PL.I.1"))
        #expect(t1.products == ["Kế hoạch", "Quyết định, báo cáo"])
        #expect(t1.time.map(\.text) == ["Tháng 01/2025", "Quý 3, 4/2025"])
    }

    /// Rows whose number was lost with Word's automatic numbering (converters drop it) are
    /// tasks of their own when they start a sentence with units or a deadline of their own;
    /// a group row written in the title column, in capitals, is a group; a row going on in
    /// lower case is still the row above.
    @Test func unnumberedRowsAndGroupsInTheTitleColumn() throws {
        let d = try Fixtures.parse("""
            PHỤ LỤC
            STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian
            \tI. HOÀN THIỆN THỂ CHẾ\t\t\t
            \tRà soát văn bản quy phạm pháp luật\tSở Tư pháp\tCông an tỉnh\tQuý II/2025
            \tvề giấy tờ công dân\t\t\t
            \tTham mưu ban hành quy chế\tSở Nội vụ\tSở Tài chính\tTrước ngày 30/6/2025
            \tII. HẠ TẦNG SỐ\t\t\t
            \tNâng cấp trung tâm dữ liệu\tSở Thông tin và Truyền thông\t\tTháng 9/2025
            \t\t\t\tTháng 12/2025
            """)
        let table = try #require(d.tables.first)
        #expect(table.rows.map(\.kind) == [.header, .group, .task, .task, .group, .task, .milestone])
        #expect(d.tasks.map(\.id) == ["PL.I.r1", "PL.I.r2", "PL.II.r1"])
        #expect(d.tasks.map(\.title) == [
            "Rà soát văn bản quy phạm pháp luật về giấy tờ công dân", "Tham mưu ban hành quy chế", "Nâng cấp trung tâm dữ liệu",
        ])
        #expect(d.tasks.map { $0.section.last } == ["I. HOÀN THIỆN THỂ CHẾ", "I. HOÀN THIỆN THỂ CHẾ", "II. HẠ TẦNG SỐ"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Sở Tư pháp"], ["Sở Nội vụ"], ["Sở Thông tin và Truyền thông"]])
        #expect(d.tasks[2].time.map(\.text) == ["Tháng 9/2025", "Tháng 12/2025"])
        #expect(d.tasks.allSatisfy { $0.number == nil })
    }

    @Test func pipeTableWithOuterPipes() throws {
        let d = try Fixtures.parse("""
            PHỤ LỤC
            | STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |
            | I. NHÓM |  |  |  |
            | 1 | Lập kế hoạch | Văn phòng Sở | Quý I/2025 |
            |  |  |  | Quý III/2025 |
            """)
        let t = try #require(d.task("PL.I.1"))
        #expect(t.title == "Lập kế hoạch")
        #expect(t.time.map(\.text) == ["Quý I/2025", "Quý III/2025"])
    }

    @Test func groupWithTitleInSecondCell() throws {
        let d = try Fixtures.parse("""
            PHỤ LỤC
            TT\tNội dung\tChủ trì\tThời hạn
            A.\tKHỐI A\t\t
            I\tNhóm một\t\t
            1.\tViệc một\tPhòng A\tQuý I/2025
            II\tNhóm hai\t\t
            1.\tViệc hai\tPhòng B\tQuý II/2025
            """)
        #expect(d.tasks.map(\.id) == ["PL.A.I.1", "PL.A.II.1"])
        #expect(d.tasks[1].section == ["PHỤ LỤC", "A. KHỐI A", "II. Nhóm hai"])
    }
}
