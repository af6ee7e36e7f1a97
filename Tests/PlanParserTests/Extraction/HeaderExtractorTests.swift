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

/// The header's list and label helpers read bytes when every scalar is a Character of its own,
/// the `String` otherwise; both must give what the `String` forms give. Each row holds the exact
/// value, and the test also compares it with the `String` form.
@Suite struct HeaderTextHelpersTests {
    /// (item, expected)
    @Test(arguments: [
        ("  Sở Y tế; ", "Sở Y tế"),
        ("Lưu: VT.", "Lưu: VT"),
        ("UBND huyện,; .", "UBND huyện"),
        (" ; . ", ""),
        ("", ""),
        (";Sở Tư pháp", ";Sở Tư pháp"),
        ("Sở Văn hoá;", "Sở Văn hoá"),  // old tone placement
        ("Sở Văn hóa;", "Sở Văn hóa"),
        ("Uỷ ban nhân dân.", "Uỷ ban nhân dân"),
        ("Ủy ban nhân dân.", "Ủy ban nhân dân"),
        ("Sở Văn hoa\u{0301};", "Sở Văn hoa\u{0301}"),  // decomposed: the String path
        ("Như trên;\u{0301}", "Như trên;\u{0301}"),  // `;` with a mark is no `;`
        ("Như trên\u{037E}", "Như trên"),  // GREEK QUESTION MARK is canonically `;`
        ("Sở\u{00A0};", "Sở\u{00A0}"),  // a no-break space is no space
        ("Sở Y tế\r", "Sở Y tế\r"),
    ] as [(String, String)])
    func listItem(item: String, expected: String) {
        #expect(HeaderExtractor.listItem(item) == expected)
        #expect(HeaderExtractor.listItemByCharacters(item) == expected)
    }

    /// (text, pieces)
    @Test(arguments: [
        ("Như trên; - Lưu: VT.", ["Như trên; ", "Lưu: VT."]),
        ("- Sở Y tế; - Sở Nội vụ", ["", "Sở Y tế; ", "Sở Nội vụ"]),
        ("a -- b", ["a -", "b"]),
        ("x - ", ["x ", ""]),
        ("- - ", ["", "", ""]),
        ("Sở-Ngành", ["Sở-Ngành"]),
        ("", [""]),
        ("Uỷ ban - Hoá chất", ["Uỷ ban ", "Hoá chất"]),
        ("-\u{0301} Sở", ["-\u{0301} Sở"]),  // `-` with a mark is no `-`
        ("a - b\u{0301} - c", ["a ", "b\u{0301} ", "c"]),  // the String path, same pieces
    ] as [(String, [String])])
    func dashPieces(text: String, pieces: [String]) {
        #expect(HeaderExtractor.dashPieces(text) == pieces)
        #expect(HeaderExtractor.dashPiecesByCharacters(text) == pieces)
    }

    /// (text, label, value)
    @Test(arguments: [
        ("Số: 12/KH-UBND", nil, "12/KH-UBND"),
        ("Số 12/KH-UBND", nil, "Số 12/KH-UBND"),
        ("Kính gửi Sở Y tế", "Kính gửi", "Sở Y tế"),
        ("Kính gửi:  - Sở Y tế ", "Kính gửi", "- Sở Y tế"),
        ("Nơi nhận", "Nơi nhận", ""),
        ("Nơi", "Nơi nhận", "Nơi"),
        ("Nơi nhận: Uỷ ban nhân dân", "Nơi nhận", "Uỷ ban nhân dân"),
        ("Nơi nhận - Sở Văn hoá", "Nơi nhận", "- Sở Văn hoá"),
        ("Ki\u{0301}nh gửi Sở", "Kính gửi", "Sở"),  // decomposed: 8 Characters, 9 scalars
        (":\u{0301} Sở", nil, ":\u{0301} Sở"),  // `:` with a mark is no colon
        ("Kính gửi Sở", "Ki\u{0301}nh gửi", "Sở"),  // a decomposed label
        ("a:b:c", nil, "b:c"),
    ] as [(String, String?, String)])
    func afterColon(text: String, label: String?, value: String) {
        #expect(HeaderExtractor.afterColon(text, dropping: label) == value)
        #expect(HeaderExtractor.afterColonByCharacters(text, dropping: label) == value)
    }
}
