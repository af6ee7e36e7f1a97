import Testing
@testable import PlanParser

/// `pdftotext -layout` of tables too narrow for their words (`samples/recovery/narrow-layout`):
/// header cells one space apart, blocks of rows laid out at their own scale, a row cut by a page
/// break continued on a page laid out further left.
@Suite struct NarrowLayoutTests {
    static let units = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Y tế", "Sở Xây dựng", "Văn phòng UBND tỉnh"]

    /// 24 rows under `STT       Nội dung Đơn vị       Đơn vị     Sản       Thời` (title and lead
    /// header cells one piece): was a `table-lost` warning and no task.
    @Test func narrowTable() throws {
        let d = try Fixtures.sample("recovery/narrow-layout/narrow-table.pdftotext-layout.text")
        #expect(d.tasks.map(\.id) == (1...24).map { "PL.\($0)" })
        #expect(d.warnings.isEmpty)
        var exact = 0
        for (i, t) in zip(1..., d.tasks) {
            #expect(t.title == "Tổ chức kiểm tra, đánh giá việc thực hiện nhiệm vụ số \(i) tại các cơ quan, đơn vị trên địa bàn tỉnh")
            #expect(t.products == ["Báo cáo kết quả số \(i)"])
            #expect(t.time.map(\.text) == ["Tháng \(i % 12 + 1)/2027"])
            if t.lead.map(\.name) == [Self.units[i % 6]], t.support.map(\.name) == [Self.units[(i + 1) % 6], "UBND các huyện"] {
                exact += 1
            }
        }
        // Row 21: `UBND` / `các` / `huyện` beside the lead's last line, one place off.
        #expect(exact == 23)
    }

    /// The header's words split where they start line after line, each part a column.
    @Test func squeezedHeader() throws {
        let d = try Fixtures.parse("""
            PHỤ LỤC

            TT          Nhiệm    Cơ quan Cơ quan Kết              Thời
                        vụ       chủ trì phối    quả/Sản          gian
                                         hợp     phẩm             hoàn
                                                                  thành
            1           Triển      Sở Khoa   - UBND    Hệ       Tháng
                        khai       học và    các       thống    6/2027
                        nền        Công      huyện;    họp trực
                        tảng       nghệ      - Viễn    tuyến
                        họp trực             thông
                        tuyến                tỉnh
            2           Số hóa     Văn       Các sở,   Tỷ lệ số   Thường
                        hồ sơ      phòng     ban,      hóa đạt    xuyên
                                   UBND      ngành     100%
                                   tỉnh

            """)
        let table = try #require(d.sections.first?.tables.first)
        #expect(table.columns.map(\.role) == [.number, .title, .lead, .support, .product, .time])
        #expect(table.columns.map(\.title) == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả/Sản phẩm", "Thời gian hoàn thành"])
        #expect(d.tasks.map(\.title) == ["Triển khai nền tảng họp trực tuyến", "Số hóa hồ sơ"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Sở Khoa học và Công nghệ"], ["Văn phòng UBND tỉnh"]])
        #expect(d.tasks.map { $0.support.map(\.name) } == [["UBND các huyện", "Viễn thông tỉnh"], ["Các sở, ban, ngành"]])
        #expect(d.tasks.map(\.products) == [["Hệ thống họp trực tuyến"], ["Tỷ lệ số hóa đạt 100%"]])
        #expect(d.tasks.map { $0.time.map(\.text) } == [["Tháng 6/2027"], ["Thường xuyên"]])
    }

    /// Words of one cell that line up by chance (`Đơn vị` over `chủ trì`) do not split it.
    @Test func alignedWordsOfOneCell() throws {
        let d = try Fixtures.parse("""
            PHỤ LỤC

            STT    Nội dung công việc           Đơn vị      Thời gian
                                                chủ trì     thực hiện
            1      Rà soát thủ tục hành chính   Sở Tư pháp  Quý I/2027
            2      Cập nhật cơ sở dữ liệu       Sở Nội vụ   Quý II/2027

            """)
        let table = try #require(d.sections.first?.tables.first)
        #expect(table.columns.map(\.title) == ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian thực hiện"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Sở Tư pháp"], ["Sở Nội vụ"]])
    }

    /// The decision's plan: the appendix's last row on pages of its own laid out narrower.
    @Test func decisionPlanAppendix() throws {
        let d = try Fixtures.sample("recovery/narrow-layout/decision-plan.pdftotext-layout.text")
        #expect(d.header.kind == "QUYẾT ĐỊNH")
        #expect(d.tasks.map(\.id) == ["II.1.s1", "II.2.a", "II.2.b", "PL.I.1", "PL.I.2", "PL.II.3", "PL.II.4"])
        #expect(d.task("PL.I.1")?.support.map(\.name) == ["UBND các huyện, thành phố", "Viễn thông tỉnh"])
        #expect(d.task("PL.II.3")?.lead.map(\.name) == ["Sở Công Thương"])
        #expect(d.task("PL.II.4")?.title.hasSuffix("kỹ năng số cho doanh nghiệp nhỏ và vừa") == true)
        #expect(d.leftovers.isEmpty)
    }
    /// The first header cell on one line run on into the next (`Nội dung Cơ quan` over
    /// `chủ trì`): split at the place the lower line starts. A row laid out one place left of the
    /// others (`Kiểm tra Phòng` / `công tác Tư pháp huyện`, one space apart): cut where the row's
    /// cells started on its first line, not at the nearest word to the header's places.
    @Test func firstHeaderCellOnOneLine() throws {
        let d = try Fixtures.parse("""
            PHỤ LỤC

            TT        Nội dung Cơ quan   Cơ quan    Thời       Kinh phí
                               chủ trì   phối hợp   gian       (triệu
                                                               đồng)
            I         CẢI CÁCH THỂ CHẾ
            1         Rà soát   Phòng   Các cơ      Quý        15
                      văn bản   Tư pháp quan        I/2027
                      quy               chuyên
                      phạm              môn
                      pháp
                      luật
            2         Kiểm tra Phòng    Công an     Quý        10
                      công tác Tư pháp huyện        III/2027
                      thi hành
                      pháp
                      luật

            """)
        let table = try #require(d.sections.first?.tables.first)
        #expect(table.columns.map(\.role) == [.number, .title, .lead, .support, .time, .other])
        #expect(d.tasks.map(\.title) == ["Rà soát văn bản quy phạm pháp luật", "Kiểm tra công tác thi hành pháp luật"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Phòng Tư pháp"], ["Phòng Tư pháp"]])
        #expect(d.tasks.map { $0.support.map(\.name) } == [["Các cơ quan chuyên môn"], ["Công an huyện"]])
        #expect(d.tasks.map { $0.time.map(\.text) } == [["Quý I/2027"], ["Quý III/2027"]])
        #expect(d.warnings.isEmpty)
    }
}
