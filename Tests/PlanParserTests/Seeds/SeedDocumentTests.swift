import Testing
@testable import PlanParser

/// Header, sections, citations and warnings of the five real documents in ../shared/seeds.
@Suite(.enabled(if: Fixtures.seedsAvailable, Fixtures.skipMessage))
struct SeedDocumentTests {
    @Test func seed000Header() throws {
        let d = try Fixtures.seed("000")
        let h = d.header
        #expect(h.kind == "KẾ HOẠCH")
        #expect(h.number == "/KH-SKHCN")
        #expect(h.place == "Hưng Yên")
        #expect(h.date == DocumentDate(day: nil, month: 1, year: 2024))
        #expect(h.title == "Thực hiện công tác Cải cách hành chính năm 2024")
        #expect(h.planYear == 2024)
        #expect(h.planPeriod == nil)
        #expect(h.signer == Signer(title: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", name: "Nguyễn Xuân Hải"))
        #expect(h.recipients == [
            "UBND tỉnh (thay b/c)", "Sở Nội vụ tỉnh (để theo dõi)", "Giám đốc Sở, các PGĐ Sở", "Chánh Văn phòng Sở",
            "Các phòng, đơn vị của Sở (để thực hiện)", "Cổng TTĐT Sở (để đăng tải)", "Lưu: VT, VP",
        ])
        #expect(d.closing == Closing(line: 211, endLine: 224))
    }

    @Test func seed000Sections() throws {
        let d = try Fixtures.seed("000")
        #expect(d.sections.map(\.heading) == [
            "I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN", "PHỤ LỤC",
        ])
        #expect(d.sections[4].kind == .appendix)
        #expect(d.sections[4].paragraphs.map(\.text) == [
            "NHIỆM VỤ CỤ THỂ TRIỂN KHAI KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024",
            "(Kèm theo Kế hoạch số: /KH-SKHCN ngày /01/2024 của Sở Khoa học và Công nghệ)",
        ])
        #expect(d.sections[2].children.map(\.heading).first == "1. Công tác chỉ đạo điều hành")
        // Page-break continuations joined: "Phát huy" / "vai trò …" (lines 127–129).
        let item = d.sections[2].children[1].children[3]
        #expect(item.marker == "d)")
        #expect(item.title.hasSuffix("nói riêng. Phát huy vai trò giám sát, phản biện và tham gia của tổ chức, doanh nghiệp và người dân trong quá trình xây dựng, bàn hành, triển khai thực hiện."))
        #expect(item.line == 127 && item.endLine == 129)
        // A target paragraph split after a comma, and one split before "100%".
        #expect(d.sections[1].paragraphs.count == 1)
        #expect(d.sections[1].paragraphs[0].line == 31 && d.sections[1].paragraphs[0].endLine == 33)
        let d6 = d.sections[1].children[5].children[3]
        #expect(d6.title.hasSuffix("cung cấp đầy đủ 100% thông tin theo quy định tại Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ."))
        let table = d.sections[4].tables[0]
        #expect(table.columns.map(\.role) == [.number, .title, .product, .lead, .support, .time])
        #expect(table.rows.filter { $0.kind == .group }.count == 7)
        #expect(table.rows.filter { $0.kind == .task }.count == 36)
        #expect(table.rows.filter { $0.kind == .milestone }.count == 4)
    }

    @Test func seed000Warnings() throws {
        let d = try Fixtures.seed("000")
        #expect(d.warnings == [
            Diagnostic(line: 260, code: "heading-spelling", message: "heading word 'CÀI' looks misspelt: 'cải cách' appears 14 times"),
            Diagnostic(line: 273, code: "numbering-repeated", message: "table group V. repeats the previous group, expected VI."),
            Diagnostic(line: 281, code: "time-open-range", message: "time range has no end \"Tháng 01- /2024\""),
        ])
        #expect(d.leftovers.isEmpty)
    }

    @Test func seed000Citations() throws {
        let refs = try Fixtures.seed("000").header.references
        func ref(_ number: String) -> Citation? { refs.first { $0.number == number } }
        #expect(ref("76/NQ-CP") == Citation(kind: "Nghị quyết", number: "76/NQ-CP", date: CalendarDate(year: 2021, month: 7, day: 15), issuer: "Chính phủ", lines: [19]))
        #expect(ref("22/2020/QĐ-UBND") == Citation(kind: "Quyết định", number: "22/2020/QĐ-UBND", date: CalendarDate(year: 2020, month: 8, day: 12), issuer: "UBND tỉnh", lines: [113]))
        #expect(ref("208-KH/TU") == Citation(kind: "Kế hoạch", number: "208-KH/TU", date: CalendarDate(year: 2023, month: 7, day: 7), issuer: "Ban Chấp hành Đảng bộ tỉnh", lines: [155]))
        #expect(ref("540-QĐ/TU") == Citation(kind: "Quy định", number: "540-QĐ/TU", date: CalendarDate(year: 2022, month: 10, day: 10), issuer: "Tỉnh ủy", lines: [75, 167, 272]))
        #expect(ref("184/KH-UBND")?.kind == "Kế hoạch")
        #expect(ref("184/KH-UBND")?.lines == [11, 19, 201])
        #expect(ref("107/2020/NĐ-CP")?.kind == "Nghị định")
        #expect(ref("50-KL/TW") == Citation(kind: "Kết luận", number: "50-KL/TW", date: CalendarDate(year: 2023, month: 2, day: 28), issuer: "Bộ Chính trị", lines: [155]))
        #expect(ref("133/CTr-UBND")?.kind == "Chương trình hành động")
        // One entry per kind and number.
        #expect(Set(refs.map { $0.kind + $0.number }).count == refs.count)
    }

    @Test func seed001Header() throws {
        let d = try Fixtures.seed("001")
        #expect(d.header.kind == "KẾ HOẠCH")
        #expect(d.header.number == "/KH-UBND")
        #expect(d.header.place == "Hải Dương")
        #expect(d.header.date == DocumentDate(day: nil, month: 12, year: 2023))
        #expect(d.header.title == "Cải cách hành chính nhà nước tỉnh Hải Dương năm 2024")
        #expect(d.header.planYear == 2024)
        #expect(d.header.signer == nil)
        #expect(d.closing == nil)
        #expect(d.warnings.isEmpty)
        let refs = d.header.references
        #expect(refs.first { $0.number == "76/NQ-CP" }?.date == CalendarDate(year: 2021, month: 7, day: 15))
        #expect(refs.first { $0.number == "280/CĐ-TTg" }?.kind == "Công điện")
        #expect(refs.first { $0.number == "71/2014/TTLT-BTC-BNV" }?.kind == "Thông tư liên tịch")
    }

    @Test func seed002Header() throws {
        let d = try Fixtures.seed("002")
        #expect(d.header.place == "Phú Yên")
        #expect(d.header.date == DocumentDate(day: nil, month: nil, year: 2024))
        #expect(d.header.title == "Hoạt động kiểm soát thủ tục hành chính năm 2024 của Sở Khoa học và Công nghệ Phú Yên")
        #expect(d.header.signer == Signer(title: "GIÁM ĐỐC", name: "Dương Bình Phú"))
        #expect(d.sections.last?.heading == "PHỤ LỤC HOẠT ĐỘNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024 CỦA SỞ KH&CN")
        #expect(d.warnings == [
            Diagnostic(line: 108, code: "numbering-skipped", message: "table row 3 follows 1, expected 2"),
        ])
        // "… báo cáo về Phòng Thanh" / "tra – Hành chính tổng hợp …" is one paragraph (lines 59–61).
        let item = d.sections[2].children[1]
        #expect(item.title.contains("về Phòng Thanh tra – Hành chính tổng hợp khi phát hiện"))
    }

    @Test func seed003Header() throws {
        let d = try Fixtures.seed("003")
        #expect(d.header.kind == "KẾ HOẠCH")
        #expect(d.header.title == "Cải cách hành chính của Sở Khoa học và Công nghệ năm 2025")
        #expect(d.header.date == DocumentDate(day: 26, month: 12, year: 2024))
        #expect(d.header.planYear == 2025)
        #expect(d.header.signer == Signer(title: "GIÁM ĐỐC", name: "Nguyễn Văn Thành"))
        #expect(d.preamble.count == 4)
        #expect(d.preamble[0].text.hasPrefix("Căn cứ Nghị quyết số 93/NQ-HĐND"))
        #expect(d.warnings == [
            Diagnostic(line: 340, code: "numbering-repeated", message: "letter c) repeats the previous one, expected d)"),
        ])
    }

    @Test func seed004Header() throws {
        let d = try Fixtures.seed("004")
        #expect(d.header.kind == "BÁO CÁO")
        #expect(d.header.number == "/BC-SKHCN")
        #expect(d.header.place == "Hung Yên")
        #expect(d.header.date == DocumentDate(day: nil, month: 8, year: 2024))
        #expect(d.header.addressee == "Sở Nội vụ Hưng Yên")
        #expect(d.header.signer == Signer(title: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", name: "Nguyễn Xuân Hải"))
        #expect(d.header.recipients.first == "Như trên")
        #expect(d.tasks.isEmpty)
        #expect(d.targets.isEmpty)
        let refs = d.header.references
        #expect(refs.first { $0.number == "08/TB-ĐKT" } == Citation(kind: "Thông báo", number: "08/TB-ĐKT", date: CalendarDate(year: 2024, month: 7, day: 22), issuer: "Đoàn Kiểm tra cải cách hành chính", lines: [13, 23, 25]))
        #expect(refs.first { $0.number == "555/SKHHCN-VP" }?.kind == "Công văn")
        // Markdown remnants are stripped from text values.
        #expect(d.sections[0].children[1].title.contains("chỉ ra tại mục II, mục III tại Thông báo"))
    }
}
