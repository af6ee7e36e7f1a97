import Testing
@testable import PlanParser

/// Text wrapped at one width with no blank lines between paragraphs (pdftotext, antiword):
/// a full line's sentence goes on over a capital, headings wrap, bullet glyphs stand alone.
@Suite struct HardWrapTests {
    /// Wrapped at about 78 columns, as pdftotext prints a Word PDF.
    static let wrapped = """
        KẾ HOẠCH

        Cải cách hành chính năm 2025

             I. NHIỆM VỤ CỤ THỂ VÀ TRÁCH NHIỆM CỦA CÁC PHÒNG, ĐƠN VỊ THUỘC SỞ KHOA HỌC VÀ
        CÔNG NGHỆ
             1. Công tác chỉ đạo, điều hành
             a) Tổ chức tuyên truyền, quán triệt, thực hiện nghiêm túc và trước hạn các
        UBND tỉnh, Chủ tịch UBND tỉnh giao trong lĩnh vực cải cách hành chính của
        nhiệm vụ được Sở năm 2025 theo kế hoạch.
             - Đơn vị chủ trì thực hiện: Phòng Hành chính - Tổng hợp và Trung tâm
        Ứng dụng và Dịch vụ khoa học công nghệ.
             - Đơn vị phối hợp: Văn phòng Sở; Phòng Kế hoạch - Tài chính; Thanh tra
        Sở; Trung tâm Thông tin.
             - Thời gian thực hiện: Quý I năm 2025.
             b) Triển khai Nghị định số 61/2018/NĐ-
        CP ngày 23 tháng 4 năm 2018 của Chính phủ về cơ chế một cửa, một cửa liên
        thông trong giải quyết thủ tục hành chính.
             
             Cập nhật cơ sở dữ liệu về thủ tục hành chính trên Cổng dịch vụ công của tỉnh.
             
             Công khai kết quả giải quyết thủ tục hành chính.
             c) Duy trì hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO
        9001:2015 tại Sở.
        """

    @Test func sentencesOverCapitals() throws {
        let d = try Fixtures.parse(Self.wrapped)
        let a = try #require(d.task("I.1.a"))
        #expect(a.title == "Tổ chức tuyên truyền, quán triệt, thực hiện nghiêm túc và trước hạn các UBND tỉnh, Chủ tịch UBND tỉnh giao trong lĩnh vực cải cách hành chính của nhiệm vụ được Sở năm 2025 theo kế hoạch.")
        #expect(a.lead.map(\.name) == ["Phòng Hành chính - Tổng hợp", "Trung tâm Ứng dụng và Dịch vụ khoa học công nghệ"])
        #expect(a.support.map(\.name) == ["Văn phòng Sở", "Phòng Kế hoạch - Tài chính", "Thanh tra Sở", "Trung tâm Thông tin"])
        #expect(a.time.map(\.text) == ["Quý I năm 2025"])
    }

    @Test func wrappedHeading() throws {
        let d = try Fixtures.parse(Self.wrapped)
        let heading = "NHIỆM VỤ CỤ THỂ VÀ TRÁCH NHIỆM CỦA CÁC PHÒNG, ĐƠN VỊ THUỘC SỞ KHOA HỌC VÀ CÔNG NGHỆ"
        #expect(d.sections.first?.title == heading)
        #expect(d.task("I.1.a")?.section == ["I. " + heading, "1. Công tác chỉ đạo, điều hành"])
    }

    @Test func citationCodeBrokenAtItsHyphen() throws {
        let d = try Fixtures.parse(Self.wrapped)
        let b = try #require(d.task("I.1.b"))
        #expect(b.title.hasPrefix("Triển khai Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018"))
        #expect(d.header.references.map(\.number).contains("61/2018/NĐ-CP"))
    }

    @Test func bulletGlyphsAloneOnTheirLines() throws {
        let d = try Fixtures.parse(Self.wrapped)
        let b = try #require(d.task("I.1.b"))
        #expect(b.notes == ["Cập nhật cơ sở dữ liệu về thủ tục hành chính trên Cổng dịch vụ công của tỉnh.",
                            "Công khai kết quả giải quyết thủ tục hành chính."])
        #expect(d.tasks.allSatisfy { !$0.title.isEmpty })
        #expect(d.task("I.1.c")?.title == "Duy trì hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015 tại Sở.")
    }

    @Test func glyphItemsInATaskSection() throws {
        let text = """
            II. NHIỆM VỤ

            \u{F0B7}
            Tổ chức tuyên truyền về cải cách hành chính.
            \u{F0B7}
            Kiểm tra việc thực hiện kế hoạch.
            \u{F0B7}
            """
        let d = try Fixtures.parse(text)
        #expect(d.tasks.map(\.title) == ["Tổ chức tuyên truyền về cải cách hành chính.", "Kiểm tra việc thực hiện kế hoạch."])
    }

    @Test func lineAPerParagraphIsNotWrapped() {
        // Text with one line per paragraph has no wrap width: nothing joins over a capital.
        let text = (1...20).map { "\($0). Dòng số \($0) " + String(repeating: "rất dài ", count: $0 * 3) + "kết thúc" }.joined(separator: "\n")
        let source = LineTokenizer.tokenize(try! SourceDecoder.decode(Array(text.utf8)))
        #expect(SectionParser.wrapWidth(source) == nil)
    }
}
