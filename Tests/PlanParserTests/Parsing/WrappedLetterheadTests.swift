import Testing
@testable import PlanParser

/// A letterhead in narrow columns, as plain `pdftotext` gives it: names wrapped onto lines of
/// their own (`SỞ NÔNG NGHIỆP VÀ MÔI` / `TRƯỜNG`), the motto cut after `CHỦ`, a recipient
/// wrapped before its last word.
@Suite struct WrappedLetterheadTests {
    static let document = """
        UBND TỈNH TÂY NGUYÊN
        MỚI
        SỞ NÔNG NGHIỆP VÀ MÔI
        TRƯỜNG

        CỘNG HÒA XÃ HỘI CHỦ
        NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

        Số: 87/KH-SNNMT

        Tây Nguyên Mới, ngày 09
        tháng 02 năm 2027
        KẾ HOẠCH

        Phòng, chống thiên tai năm 2027
        I. NHIỆM VỤ
        1. Kiểm tra hồ đập
        Chi cục Thủy lợi chủ trì, phối hợp với Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh kiểm tra hiện trạng các hồ chứa, hoàn thành trước ngày 15/6/2027.
        II. TỔ CHỨC THỰC HIỆN
        1. Văn phòng Sở có trách nhiệm tổng hợp, báo cáo kết quả về Phòng Kế hoạch - Tài chính trước ngày 20 hằng tháng.
        2. Chi cục Thủy lợi chịu trách nhiệm về công tác phòng, chống thiên tai trước mùa mưa bão.
        Nơi nhận:
        - UBND tỉnh (b/c);
        - Các phòng, đơn vị thuộc
        Sở;
        - Lưu: VT, VP.

        GIÁM ĐỐC

        Nguyễn Thị Hoa
        """

    @Test func header() throws {
        let d = try Fixtures.parse(Self.document)
        #expect(d.header.issuer == "UBND TỈNH TÂY NGUYÊN MỚI - SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")
        #expect(d.header.number == "87/KH-SNNMT")
        #expect(d.header.place == "Tây Nguyên Mới")
        #expect(d.header.date == DocumentDate(day: 9, month: 2, year: 2027))
        #expect(d.header.title == "Phòng, chống thiên tai năm 2027")
        #expect(d.header.recipients == ["UBND tỉnh (b/c)", "Các phòng, đơn vị thuộc Sở", "Lưu: VT, VP"])
        #expect(d.header.signer?.name == "Nguyễn Thị Hoa")
        #expect(d.leftovers.isEmpty)
    }

    /// `công trình` (works) inside a company's name is no `trình` (submit) that ends it; a unit
    /// after `về` is where a report goes, not an area, and a deadline ends an area.
    @Test func dutiesAndResponsibilities() throws {
        let d = try Fixtures.parse(Self.document)
        #expect(d.tasks.count == 1)
        let t = try #require(d.tasks.first)
        #expect(t.lead.map(\.name) == ["Chi cục Thủy lợi"])
        #expect(t.support.map(\.name) == ["Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh"])
        #expect(t.title == "Kiểm tra hiện trạng các hồ chứa, hoàn thành trước ngày 15/6/2027")
        #expect(t.time.first?.end == CalendarDate(year: 2027, month: 6, day: 15))
        #expect(d.responsibilities.map(\.unit.name) == ["Văn phòng Sở", "Chi cục Thủy lợi"])
        #expect(d.responsibilities.map(\.areas) == [[], ["phòng, chống thiên tai"]])
    }

    /// ` - ` between the levels a letterhead stacks, a space inside one wrapped name.
    @Test(arguments: [
        (["ỦY BAN NHÂN DÂN", "TỈNH KON TUM"], "ỦY BAN NHÂN DÂN - TỈNH KON TUM"),
        (["UBND TỈNH QUẢNG NAM", "SỞ TƯ PHÁP"], "UBND TỈNH QUẢNG NAM - SỞ TƯ PHÁP"),
        (["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"], "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
        (["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"], "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
        (["SỞ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"], "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
        (["UBND HUYỆN ĐỨC TRỌNG", "VĂN PHÒNG HĐND VÀ UBND"], "UBND HUYỆN ĐỨC TRỌNG - VĂN PHÒNG HĐND VÀ UBND"),
        (["BAN CHỈ ĐẠO", "CHUYỂN ĐỔI SỐ TỈNH"], "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH"),
        (["SỞ NÔNG NGHIỆP VÀ MÔI", "TRƯỜNG"], "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"),
        (["ĐẢNG ỦY XÃ PHƯỚC HÒA", "CHI BỘ THÔN 3"], "ĐẢNG ỦY XÃ PHƯỚC HÒA - CHI BỘ THÔN 3"),
    ])
    func issuerJoin(pieces: [String], expected: String) {
        #expect(IssuerLines.join(pieces) == expected)
    }
}
