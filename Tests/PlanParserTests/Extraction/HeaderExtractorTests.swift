import Testing
@testable import PlanParser

@Suite struct HeaderExtractorTests {
    /// (line, place, day, month, year)
    @Test(arguments: [
        ("Hưng Yên, ngày tháng 01 năm 2024", "Hưng Yên", nil, 1, 2024),
        ("Phú Yên, ngày tháng năm 2024", "Phú Yên", nil, nil, 2024),
        ("Quảng Ngãi, ngày 26 tháng 12 năm 2024", "Quảng Ngãi", 26, 12, 2024),
        ("Hà Nội, ngày 12/3/2025", "Hà Nội", 12, 3, 2025),
        ("TP. Hồ Chí Minh, ngày 05 tháng 6 năm 2025", "TP. Hồ Chí Minh", 5, 6, 2025),
    ] as [(String, String, Int?, Int?, Int?)])
    func placeAndDate(line: String, place: String, day: Int?, month: Int?, year: Int?) {
        let (p, d, problem) = HeaderExtractor.parsePlaceDate(line)
        #expect(p == place)
        #expect(d == DocumentDate(day: day, month: month, year: year))
        #expect(problem == nil)
    }

    @Test func impossibleDateWarns() {
        let (_, d, problem) = HeaderExtractor.parsePlaceDate("Huế, ngày 31 tháng 02 năm 2025")
        #expect(d == DocumentDate(day: 31, month: 2, year: 2025))
        #expect(problem == "the document date 31/2/2025 does not exist")
    }

    /// (title, date year, plan year, period)
    @Test(arguments: [
        ("Cải cách hành chính của Sở Khoa học và Công nghệ năm 2025", 2024, 2025, nil),
        ("Thực hiện công tác Cải cách hành chính", 2024, 2024, nil),
        ("Chuyển đổi số giai đoạn 2025-2026", 2024, 2025, PlanPeriod(start: 2025, end: 2026)),
        ("Cải cách hành chính năm 2025 - 2026", 2024, 2025, PlanPeriod(start: 2025, end: 2026)),
        ("Triển khai Đề án giai đoạn 2021 – 2025 năm 2024", 2023, 2024, nil),
        // Decomposed marks (`a` + U+0323) are the same words; a prepended mark (U+0600) makes
        // `\u{0600}n` one character, so `năm` is not the word before the year.
        ("Chuyển đổi số giai đoa\u{0323}n 2025-2026", 2024, 2025, PlanPeriod(start: 2025, end: 2026)),
        ("Kế hoạch \u{0600}năm 2025", 2024, 2024, nil),
    ] as [(String, Int, Int, PlanPeriod?)])
    func planYear(title: String, dateYear: Int, year: Int, period: PlanPeriod?) {
        let (y, p) = HeaderExtractor.planYear(title: title, dateYear: dateYear)
        #expect(y == year)
        #expect(p == period)
    }
}

/// The distribution list without its dashes (Word's bullets dropped by docx2txt or antiword),
/// and a recipient wrapped onto a line of its own (plain pdftotext).
@Suite struct BareRecipientsTests {
    @Test func withoutDashes() throws {
        let d = try Fixtures.parse("""
            KẾ HOẠCH
            Thử nghiệm năm 2026
            I. NHIỆM VỤ
            1. Tổ chức hội nghị.
            Nơi nhận:
            UBND tỉnh;
            Các phòng thuộc Sở;
            Lưu: VT.
            GIÁM ĐỐC
            Lê Minh Tuấn
            """)
        #expect(d.header.recipients == ["UBND tỉnh", "Các phòng thuộc Sở", "Lưu: VT"])
        #expect(d.header.signer == Signer(title: "GIÁM ĐỐC", name: "Lê Minh Tuấn"))
        #expect(d.leftovers.isEmpty)
        #expect(d.tasks.map(\.title) == ["Tổ chức hội nghị."])
    }

    @Test func wrappedRecipient() throws {
        let d = try Fixtures.parse("""
            KẾ HOẠCH
            Thử nghiệm năm 2026
            I. NHIỆM VỤ
            1. Tổ chức hội nghị.
            Nơi nhận:
            - Các cơ quan chuyên môn thuộc UBND
            huyện;
            - Lưu: VT, NV.
            TM. ỦY BAN NHÂN DÂN
            CHỦ TỊCH
            Nguyễn Văn An
            """)
        #expect(d.header.recipients == ["Các cơ quan chuyên môn thuộc UBND huyện", "Lưu: VT, NV"])
        #expect(d.header.signer?.name == "Nguyễn Văn An")
    }
}
