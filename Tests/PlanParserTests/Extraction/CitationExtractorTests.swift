import Testing
@testable import PlanParser

@Suite struct CitationExtractorTests {
    static func citations(_ text: String) -> [Citation] {
        var x = CitationExtractor()
        var copy = text
        copy.withUTF8 { x.scan($0, lineNumber: 1) }
        return x.citations()
    }

    /// (text, kind, number, date, issuer)
    @Test(arguments: [
        ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành", "Nghị quyết", "76/NQ-CP", "2021-07-15", "Chính phủ"),
        ("Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020 của UBND tỉnh ban hành", "Quyết định", "22/2020/QĐ-UBND", "2020-08-12", "UBND tỉnh"),
        ("Kế hoạch số 208-KH/TU ngày 07/7/2023 của Ban Chấp hành Đảng bộ tỉnh về", "Kế hoạch", "208-KH/TU", "2023-07-07", "Ban Chấp hành Đảng bộ tỉnh"),
        ("theo Quy định 540-QĐ/TU ngày 10/10/2022 của Tỉnh ủy đã ban hành", "Quy định", "540-QĐ/TU", "2022-10-10", "Tỉnh ủy"),
        ("Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ", "Nghị quyết", "76/NQ-CP", "2021-07-15", "Chính phủ"),
        ("Công điện số 280/CĐ-TTg ngày 19/4/2023 của Thủ tướng Chính phủ;", "Công điện", "280/CĐ-TTg", "2023-04-19", "Thủ tướng Chính phủ"),
        ("Thông tư liên tịch số 71/2014/TTLT-BTC-BNV ngày 30 tháng 5 năm 2014 của Bộ Tài chính, Bộ Nội vụ", "Thông tư liên tịch", "71/2014/TTLT-BTC-BNV", "2014-05-30", "Bộ Tài chính"),
        ("Công văn số 97/UBND-PVHCC&KSTT về tiếp tục", "Công văn", "97/UBND-PVHCC&KSTT", nil, nil),
        ("Thông báo 08/TB-ĐKT ngày 22/7/2024.", "Thông báo", "08/TB-ĐKT", "2024-07-22", nil),
        ("các Nghị định: số 107/2020/NĐ-CP; sửa đổi", "Nghị định", "107/2020/NĐ-CP", nil, nil),
        ("Chương trình hành động số 133/CTr-UBND ngày 14/8/2023 của UBND tỉnh triển khai", "Chương trình hành động", "133/CTr-UBND", "2023-08-14", "UBND tỉnh"),
        ("báo cáo số 137/BC-SKHCHN ngày 20/5/2024 gửi Đoàn", "Báo cáo", "137/BC-SKHCHN", "2024-05-20", nil),
        ("Kết luận số 50-KL/TW ngày 28/02/2023 của Bộ Chính trị về", "Kết luận", "50-KL/TW", "2023-02-28", "Bộ Chính trị"),
        ("theo 12/KH-SKH-CN ngày 31/02/2024", "Kế hoạch", "12/KH-SKH-CN", nil, nil),
    ])
    func citation(text: String, kind: String, number: String, date: String?, issuer: String?) throws {
        let c = try #require(Self.citations(text).first)
        #expect(c.kind == kind)
        #expect(c.number == number)
        #expect(c.date?.iso == date)
        #expect(c.issuer == issuer)
    }

    @Test(arguments: [
        "ngày 15/7/2021 và 2021-2025", "Quý 3, 4/2024", "ISO 9001:2015", "11/348 hồ sơ", "15 phút/01 lượt", "số: /KH-SKHCN",
    ])
    func notCitations(text: String) {
        #expect(Self.citations(text).isEmpty)
    }

    @Test func listsShareTheKindAndMergeLines() {
        var x = CitationExtractor()
        for (line, text) in [(3, "các Công văn: số 555/SKHHCN-VP ngày 22/7/2024; số 651/SKHHCN-VP ngày 16/8/2024"),
                             (9, "Công văn số 555/SKHHCN-VP")] {
            var copy = text
            copy.withUTF8 { x.scan($0, lineNumber: line) }
        }
        let c = x.citations()
        #expect(c.map(\.number) == ["555/SKHHCN-VP", "651/SKHHCN-VP"])
        #expect(c.map(\.kind) == ["Công văn", "Công văn"])
        #expect(c[0].lines == [3, 9])
    }
}
