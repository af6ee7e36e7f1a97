import Testing
@testable import PlanParser

/// The section tree of small inline inputs, compared as indented dumps.
@Suite struct SectionParserTests {
    static func dump(_ text: String) throws -> String {
        let d = try Fixtures.parse(text)
        var out: [String] = []
        func visit(_ s: Section, _ depth: Int) {
            out.append(String(repeating: "  ", count: depth) + "\(s.marker) \(s.title) @\(s.line)-\(s.endLine)"
                + (s.paragraphs.isEmpty ? "" : " ¶\(s.paragraphs.count)"))
            s.children.forEach { visit($0, depth + 1) }
        }
        d.sections.forEach { visit($0, 0) }
        return out.joined(separator: "\n")
    }

    @Test func nestingByMarkerKind() throws {
        #expect(try Self.dump("""
            I. MỘT
            1. Một một
            a) Việc a
            - Gạch
            + Cộng
            - Gạch hai
            b) Việc b
            2. Một hai
            II. HAI
            """) == """
            I. MỘT @1-8
              1. Một một @2-7
                a) Việc a @3-6
                  - Gạch @4-5
                    + Cộng @5-5
                  - Gạch hai @6-6
                b) Việc b @7-7
              2. Một hai @8-8
            II. HAI @9-9
            """)
    }

    @Test func bulletStylesNestInOrderOfAppearance() throws {
        #expect(try Self.dump("""
            1. Mục
            + Cộng trước
            - Gạch sau
            + Cộng nữa
            """) == """
            1. Mục @1-4
              + Cộng trước @2-3
                - Gạch sau @3-3
              + Cộng nữa @4-4
            """)
    }

    @Test func pageBreakContinuations() throws {
        #expect(try Self.dump("""
            a) Thực hiện công tác phổ biến pháp luật. Phát huy

            vai trò giám sát của người dân.

            b) Cung cấp đầy đủ thông tin trên cổng thông tin điện tử của Sở theo quy định tại

            100% các lĩnh vực.

            c) Mục mới

            Đoạn văn riêng.
            """) == """
            a) Thực hiện công tác phổ biến pháp luật. Phát huy vai trò giám sát của người dân. @1-3
            b) Cung cấp đầy đủ thông tin trên cổng thông tin điện tử của Sở theo quy định tại 100% các lĩnh vực. @5-7
            c) Mục mới @9-11 ¶1
            """)
    }

    @Test func browserPrintedFooterAndHeaderAreFurniture() throws {
        // A web page printed to PDF by a browser, then `pdftotext -layout`: each page ends with
        // the page's address and `N/M`, the next starts with the date and the page's title.
        let text = """
            I. NHIỆM VỤ

            3. Tuyên truyền, nâng cao nhận thức

            file:///home/user/ke-hoach-87.html                                  1/3
            12/1/26, 12:45 PM          Kế hoạch số 87/KH-UBND - Cổng thông tin điện tử tỉnh
              a) Đài Phát thanh và Truyền hình tỉnh mở chuyên mục tuyên truyền về định danh điện tử.

            https://ninhthuan.gov.vn/vanban/87                                  2/3
            12/1/26, 12:45 PM          Kế hoạch số 87/KH-UBND - Cổng thông tin điện tử tỉnh
              b) Tổ chức hội nghị tập huấn cho cán bộ, công chức cấp xã.
            """
        let d = try Fixtures.parse(text)
        #expect(d.furniture.map(\.line) == [5, 6, 9, 10])
        #expect(d.tasks.map(\.title) == ["Mở chuyên mục tuyên truyền về định danh điện tử",
                                         "Tổ chức hội nghị tập huấn cho cán bộ, công chức cấp xã."])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Đài Phát thanh và Truyền hình tỉnh"], []])
        // An address followed by other words is text.
        #expect(try Fixtures.parse("I. NHIỆM VỤ\n\n1. Xem tại https://ninhthuan.gov.vn 2/3 nội dung.\n").furniture.isEmpty)
    }

    @Test func wrappedLinesThatLookLikeMarkers() throws {
        #expect(try Self.dump("""
            a) Góp phần phát triển kinh tế

            - xã hội của tỉnh.

            b) Xây dựng kế hoạch giai đoạn 2021-2025, chương trình hành động và danh mục
            2. nhiệm vụ cụ thể.

            c) Mới
            """) == """
            a) Góp phần phát triển kinh tế - xã hội của tỉnh. @1-3
            b) Xây dựng kế hoạch giai đoạn 2021-2025, chương trình hành động và danh mục 2. nhiệm vụ cụ thể. @5-6
            c) Mới @8-8
            """)
    }

    @Test(arguments: [
        ("I. A\nII. B\nII. C", Diagnostic(line: 3, code: "numbering-repeated", message: "roman numeral II. repeats the previous one, expected III.")),
        ("1. A\n3. B", Diagnostic(line: 2, code: "numbering-skipped", message: "number 3. follows 1., expected 2.")),
        ("a) A\nc) B", Diagnostic(line: 2, code: "numbering-skipped", message: "letter c) follows a), expected b)")),
        ("d) A\nđ) B\ne) C\ne) D", Diagnostic(line: 4, code: "numbering-repeated", message: "letter e) repeats the previous one, expected g)")),
        ("2.1. A\n2.3. B", Diagnostic(line: 2, code: "numbering-skipped", message: "number 2.3. follows 2.1., expected 2.2.")),
        ("3. A\n2. B", Diagnostic(line: 2, code: "numbering-order", message: "number 2. follows 3. out of order")),
    ])
    func numberingSlips(text: String, warning: Diagnostic) throws {
        #expect(try Fixtures.parse(text).warnings == [warning])
    }

    @Test func repeatThenSkipGivesOneWarning() throws {
        let d = try Fixtures.parse("I. A\nII. B\nIII. C\nIV. D\nV. E\nV. F\nVII. G")
        #expect(d.warnings.map(\.code) == ["numbering-repeated"])
    }

    @Test func tableWithoutHeadingIsAnAppendixNode() throws {
        let d = try Fixtures.parse("STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện\n1\tLập kế hoạch\tVăn phòng Sở\tQuý I/2025\n")
        #expect(d.sections.count == 1)
        #expect(d.sections[0].kind == .appendix)
        #expect(d.sections[0].marker == "")
        #expect(d.tasks.map(\.id) == ["PL.1"])
        #expect(d.tasks.first?.lead.map(\.name) == ["Văn phòng Sở"])
    }
}
