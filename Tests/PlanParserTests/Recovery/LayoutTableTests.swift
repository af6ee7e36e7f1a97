import Testing
@testable import PlanParser

@Suite struct LayoutTableTests {
    /// A table as `pdftotext -layout` prints a Word PDF: cells centred in their rows, the row
    /// number on the middle line, cells run together after one space, a milestone row merged
    /// under the number, a page break (form feed, page number, the header again) inside a row.
    static let centred = """
        PHỤ LỤC

        STT                    Nhiệm vụ                    Kết quả/ Sản phẩm          Đơn vị chủ trì     Đơn vị phối hợp   Thời gian thực hiện
        I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH
              Tham mưu ban hành các văn bản chỉ đạo điều
                                                                                                  Các phòng đơn vị
         1    hành thực hiện công tác CCHC của tỉnh Hưng Kế hoạch, Công văn          Văn phòng Sở                               Thường xuyên
                                                                                                  thuộc Sở
              Yên
                                                           Kế hoạch kiểm tra                              Các phòng đơn vị
                                                                                     Văn phòng Sở                               Tháng 01/2024
              Tham mưu xây dựng và triển khai kế hoạch     CCHC                                           thuộc Sở
         2    Kiểm tra CCHC tại các phòng, đơn vị thuộc    Quyết định, thông
              Sở                                           báo, biên bản, báo                                                    Quý 3, 4/2024
                                                           cáo, kết luận...
         3    Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch       Báo cáo                   Văn phòng Sở       Thanh tra Sở      Thường xuyên
        \u{0C}                                                                        11

        STT                     Nhiệm vụ                     Kết quả/ Sản phẩm          Đơn vị chủ trì     Đơn vị phối hợp   Thời gian thực hiện
              UBND tỉnh giao
        II. CẢI CÁCH THỂ CHẾ
         1    Đổi mới công tác xây dựng văn bản QPPL       Nghị quyết                Thanh tra Sở       Văn phòng Sở      Quý I/2024
        """

    @Test func rows() throws {
        #expect(try Recovered.rows(Self.centred) == [
            ["STT", "Nhiệm vụ", "Kết quả/ Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
            ["I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", "", "", "", "", ""],
            ["1", "Tham mưu ban hành các văn bản chỉ đạo điều hành thực hiện công tác CCHC của tỉnh Hưng Yên", "Kế hoạch, Công văn",
             "Văn phòng Sở", "Các phòng đơn vị thuộc Sở", "Thường xuyên"],
            ["2", "Tham mưu xây dựng và triển khai kế hoạch Kiểm tra CCHC tại các phòng, đơn vị thuộc Sở", "Kế hoạch kiểm tra CCHC",
             "Văn phòng Sở", "Các phòng đơn vị thuộc Sở", "Tháng 01/2024"],
            ["", "", "Quyết định, thông báo, biên bản, báo cáo, kết luận...", "", "", "Quý 3, 4/2024"],
            ["3", "Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao", "Báo cáo", "Văn phòng Sở", "Thanh tra Sở", "Thường xuyên"],
            ["II. CẢI CÁCH THỂ CHẾ", "", "", "", "", ""],
            ["1", "Đổi mới công tác xây dựng văn bản QPPL", "Nghị quyết", "Thanh tra Sở", "Văn phòng Sở", "Quý I/2024"],
        ])
    }

    @Test func tasks() throws {
        let d = try Fixtures.parse(Self.centred)
        let t2 = try #require(d.task("PL.I.2"))
        #expect(t2.title == "Tham mưu xây dựng và triển khai kế hoạch Kiểm tra CCHC tại các phòng, đơn vị thuộc Sở")
        #expect(t2.products == ["Kế hoạch kiểm tra CCHC", "Quyết định, thông báo, biên bản, báo cáo, kết luận..."])
        #expect(t2.time.map(\.text) == ["Tháng 01/2024", "Quý 3, 4/2024"])
        #expect((t2.line, t2.endLine) == (10, 15))
        // The row cut by the page break gets its last line from the next page.
        let t3 = try #require(d.task("PL.I.3"))
        #expect(t3.title == "Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao")
        #expect((t3.line, t3.endLine) == (16, 20))
        #expect(d.task("PL.II.1")?.lead.map(\.name) == ["Thanh tra Sở"])
        // The repeated header and the page number are furniture.
        #expect(d.furniture.map(\.line) == [17, 19])
    }

    /// Cells hung from the row's top (Word's default): the number on the first line.
    @Test func topAligned() throws {
        let text = """
            STT   Nội dung công việc                  Sản phẩm            Đơn vị chủ trì      Thời gian
            1     Kiện toàn đội ngũ công chức đầu     Quyết định          Văn phòng Sở        Quý I/2024
                  mối kiểm soát TTHC
                                                      Báo cáo kết quả                         Quý IV/2024
            2     Tham gia tập huấn nghiệp vụ         Công văn cử công    Thanh tra Sở        Thường xuyên
                  kiểm soát TTHC                      chức
            """
        #expect(try Recovered.rows(text) == [
            ["STT", "Nội dung công việc", "Sản phẩm", "Đơn vị chủ trì", "Thời gian"],
            ["1", "Kiện toàn đội ngũ công chức đầu mối kiểm soát TTHC", "Quyết định", "Văn phòng Sở", "Quý I/2024"],
            ["", "", "Báo cáo kết quả", "", "Quý IV/2024"],
            ["2", "Tham gia tập huấn nghiệp vụ kiểm soát TTHC", "Công văn cử công chức", "Thanh tra Sở", "Thường xuyên"],
        ])
    }

    @Test func fixture() throws {
        // The real thing: LibreOffice's PDF of samples/word/table-appendix.docx through pdftotext -layout.
        let d = try Fixtures.sample("converted/pdftotext-layout/table-appendix.text")
        let t = try #require(d.task("PL.I.4"))
        #expect(t.title == "Kiểm tra công tác phổ biến, giáo dục pháp luật tại các sở, ngành, địa phương")
        #expect(t.lead.map(\.name) == ["Phòng Phổ biến, giáo dục pháp luật"])
        #expect(t.support.map(\.name) == ["Văn phòng Sở", "Thanh tra Sở"])
        #expect(t.products == ["Kế hoạch kiểm tra", "Quyết định thành lập Đoàn kiểm tra, biên bản, báo cáo kết quả kiểm tra"])
        #expect(t.time.map(\.text) == ["Tháng 03/2025", "Quý 3, 4/2025"])
        #expect((t.line, t.endLine) == (166, 174))
        let split = try #require(d.task("PL.II.2"))  // the header repeats inside this row
        #expect(split.title == "Biên soạn, phát hành Sổ tay hỏi đáp pháp luật về phòng, chống tham nhũng, tiêu cực; thực hành tiết kiệm, chống lãng phí")
        #expect(split.time.map(\.text) == ["Trước ngày 15/3/2025"])
        #expect(d.tables.count == 1)
        #expect(d.tasks.filter { $0.origin == .table }.count == 18)
    }

    @Test func proseWithGapsIsNoTable() throws {
        // Justified prose with runs of spaces, and a list of three header words in a sentence.
        let text = "Các đơn vị   phối hợp   thực hiện nhiệm vụ, thời gian   theo kế hoạch.\nSTT là số thứ tự.\n"
        #expect(try Recovered.texts(text) == text.split(separator: "\n").map(String.init))
    }

    @Test func headerRepeatedOnTheLastLine() throws {
        // A wrapped two-line header repeated, one line only, as the text's last line (a page
        // cut there): the table ends at the text's end (it used to run past it and crash).
        let text = "PHỤ LỤC\n\n"
            + "STT      Nhiệm vụ                        Đơn vị chủ trì          Thời gian\n"
            + "                                                                 thực hiện\n"
            + "1        Xây dựng kế hoạch năm           Văn phòng Sở            Quý I/2025\n"
            + "2        Kiểm tra công tác               Thanh tra Sở            Quý II/2025\n"
            + "STT      Nhiệm vụ                        Đơn vị chủ trì          Thời gian"
        let d = try Fixtures.parse(text)
        #expect(d.tasks.map(\.title) == ["Xây dựng kế hoạch năm", "Kiểm tra công tác"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Văn phòng Sở"], ["Thanh tra Sở"]])
    }
}
