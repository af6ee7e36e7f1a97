import Testing
@testable import PlanParser

/// Unit names with `và`, commas and dashes stay one unit; lists split between units.
@Suite struct UnitLexiconTests {
    @Test(arguments: [
        ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
        ("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", ["Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"]),
        ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Sở Lao động - Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"]),
        ("Phòng Văn hóa và Thông tin", ["Phòng Văn hóa và Thông tin"]),
        ("Trung tâm Văn hóa, Thông tin và Thể thao huyện", ["Trung tâm Văn hóa, Thông tin và Thể thao huyện"]),
        // Lists split between units, never inside one.
        ("Văn phòng HĐND và UBND huyện, Phòng Văn hóa và Thông tin",
         ["Văn phòng HĐND và UBND huyện", "Phòng Văn hóa và Thông tin"]),
        ("Sở Văn hóa, Thể thao và Du lịch, Sở Y tế và UBND các huyện",
         ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "UBND các huyện"]),
        ("HĐND và UBND huyện", ["HĐND", "UBND huyện"]),
        ("Thường trực HĐND và UBND huyện", ["Thường trực HĐND", "UBND huyện"]),
    ])
    func compoundNamesStayWhole(cell: String, expected: [String]) {
        #expect(ListSplitter.units(cell) == expected)
    }

    /// The same unit twice in one field is one.
    @Test func sameUnitOnce() throws {
        let d = try Fixtures.parse("""
            KẾ HOẠCH

            Thử nghiệm năm 2025

            I. NHIỆM VỤ

            1. Công tác

            a) Xây dựng kế hoạch.
            - Cơ quan chủ trì: Sở Y tế; Sở Y tế
            - Cơ quan phối hợp: Phòng Văn hóa và Thông tin, Phòng văn hóa và thông tin
            """)
        let t = try #require(d.tasks.first)
        #expect(t.lead.map(\.name) == ["Sở Y tế"])
        #expect(t.support.map(\.name) == ["Phòng Văn hóa và Thông tin"])
    }

    /// A long list (an item with many unit bullets) is deduplicated the same way, in order.
    @Test func longListOnce() throws {
        let bullets = (0..<60).map { "- Đơn vị phối hợp: Phòng \($0 % 25)" }.joined(separator: "\n")
        let d = try Fixtures.parse("KẾ HOẠCH\n\nThử nghiệm năm 2025\n\nI. NHIỆM VỤ\n\n1. Công tác\n\na) Xây dựng kế hoạch.\n" + bullets)
        let t = try #require(d.tasks.first)
        #expect(t.support.map(\.name) == (0..<25).map { "Phòng \($0)" })
    }

    /// Names in running text: where they start and end.
    @Test(arguments: [
        ("Sở Tài nguyên và Môi trường chủ trì", ["Sở Tài nguyên và Môi trường"]),
        ("UBND các huyện, thị xã, thành phố chỉ đạo", ["UBND các huyện, thị xã, thành phố"]),
        ("Ban Tuyên giáo Huyện ủy và các cơ quan, đơn vị có liên quan, tham mưu", ["Ban Tuyên giáo Huyện ủy", "các cơ quan, đơn vị có liên quan"]),
        ("Công an tỉnh tổ chức", ["Công an tỉnh"]),
        ("Chủ tịch UBND các xã, thị trấn tổ chức", ["Chủ tịch UBND các xã, thị trấn"]),
        ("Thủ trưởng các cơ quan, đơn vị thuộc Sở có trách nhiệm", ["Thủ trưởng các cơ quan, đơn vị thuộc Sở"]),
        ("Ngân hàng Nhà nước Chi nhánh tỉnh Hải Dương chỉ đạo", ["Ngân hàng Nhà nước Chi nhánh tỉnh Hải Dương"]),
        ("Sở Kế hoạch và Đầu tư, Sở Tài chính tham mưu", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]),
        ("Các phòng, đơn vị thuộc Sở định kỳ hằng quý", ["Các phòng, đơn vị thuộc Sở"]),
        // A field of the lexicon after another one, in lower case (a seed's centre).
        ("Trung tâm Thông tin, thống kê, ứng dụng khoa học và công nghệ tổ chức tuyên truyền",
         ["Trung tâm Thông tin, thống kê, ứng dụng khoa học và công nghệ"]),
        ("Trung tâm Dịch vụ việc làm tỉnh tổ chức", ["Trung tâm Dịch vụ việc làm tỉnh"]),
        ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh tổ chức", ["Trung tâm Trợ giúp pháp lý nhà nước tỉnh"]),
        ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch chủ trì", ["Trung tâm Xúc tiến đầu tư, thương mại và du lịch"]),
    ])
    func namesInText(text: String, expected: [String]) {
        let words = TextWords(text)
        let reader = AgencySections.nameReader(words)
        let found = reader.names(at: 0).map { $0.names.map { words.string($0.lowerBound, $0.upperBound) } } ?? []
        #expect(found == expected)
    }

    /// Words that look like a head but start no name.
    @Test(arguments: ["Tổ chức hội nghị", "Ban hành kế hoạch", "Bộ chỉ số cải cách", "Thanh tra việc thực hiện", "Sở định kỳ báo cáo"])
    func notNames(text: String) {
        let words = TextWords(text)
        #expect(AgencySections.nameReader(words).names(at: 0) == nil)
    }
}
