import Testing
@testable import PlanParser

@Suite struct AntiwordGridTests {
    static let grid = """
        PHỤ LỤC
        |STT  |Nhiệm vụ                   |Kết quả/ Sản phẩm|Đơn vị phối      |Thời gian thực   |
        |     |                           |                 |hợp              |hiện             |
        |I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH                                                         |
        |1    |Kiểm tra công tác phổ biến,|Kế hoạch kiểm tra|Văn phòng Sở,    |Tháng 03/2025    |
        |     |giáo dục pháp luật tại các |                 |Thanh tra Sở     |                 |
        |     |sở, ngành, địa phương      |                 |                 |                 |
        |     |                           |Quyết định thành |                 |Quý 3, 4/2025    |
        |     |                           |lập Đoàn kiểm tra|                 |                 |
        |2    |Tổ chức hội nghị tổng kết  |Hội nghị;        |Các sở, ban,     |Quý I/2025       |
        |     |                           |Báo cáo tổng kết |ngành            |                 |
        """

    @Test func rows() throws {
        #expect(try Recovered.rows(Self.grid) == [
            ["STT", "Nhiệm vụ", "Kết quả/ Sản phẩm", "Đơn vị phối hợp", "Thời gian thực hiện"],
            ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", ""],
            ["1", "Kiểm tra công tác phổ biến, giáo dục pháp luật tại các sở, ngành, địa phương", "Kế hoạch kiểm tra",
             "Văn phòng Sở, Thanh tra Sở", "Tháng 03/2025"],
            ["", "", "Quyết định thành lập Đoàn kiểm tra", "", "Quý 3, 4/2025"],
            ["2", "Tổ chức hội nghị tổng kết", "Hội nghị; Báo cáo tổng kết", "Các sở, ban, ngành", "Quý I/2025"],
        ])
    }

    @Test func tasks() throws {
        let d = try Fixtures.parse(Self.grid)
        let t1 = try #require(d.task("PL.I.1"))
        #expect(t1.products == ["Kế hoạch kiểm tra", "Quyết định thành lập Đoàn kiểm tra"])
        #expect(t1.time.map(\.text) == ["Tháng 03/2025", "Quý 3, 4/2025"])
        #expect(t1.support.map(\.name) == ["Văn phòng Sở", "Thanh tra Sở"])
        let t2 = try #require(d.task("PL.I.2"))
        #expect(t2.products == ["Hội nghị", "Báo cáo tổng kết"])
    }

    /// A Word table whose STT column was numbered automatically: antiword drops the numbers.
    /// Rows start after a group row, at a title after a milestone line, and at a title that
    /// starts together with a column that had ended.
    @Test func rowsWithoutNumbers() throws {
        let d = try Fixtures.parse("""
            PHỤ LỤC

            |STT |Nhiệm vụ                         |Đơn vị chủ trì|Đơn vị phối hợp |Sản phẩm       |Thời gian    |
            |    |                                 |              |                |               |hoàn thành   |
            |I. HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH                                                                  |
            |1   |Rà soát các văn bản quy phạm pháp|Sở Tư pháp    |Công an tỉnh;   |Báo cáo kết quả|Quý II/2025  |
            |    |luật của tỉnh có quy định về giấy|              |Các sở, ban,    |rà soát        |             |
            |    |tờ công dân                      |              |ngành           |               |             |
            |2   |Tham mưu ban hành Quy chế khai   |Sở Nội vụ     |Sở Tài chính,   |Quyết định ban |Trước ngày   |
            |    |thác, sử dụng dữ liệu dân cư     |              |Công an tỉnh    |hành Quy chế   |30/6/2025    |
            |    |trong giải quyết thủ tục hành    |              |                |               |             |
            |    |chính                            |              |                |               |             |
            |II. PHÁT TRIỂN HẠ TẦNG, NỀN TẢNG SỐ                                                                |
            |    |Nâng cấp Trung tâm tích hợp dữ   |Sở Thông tin  |Công an tỉnh    |Hệ thống được  |Tháng 9/2025 |
            |    |liệu tỉnh, kết nối Cơ sở dữ liệu |và Truyền     |                |nâng cấp       |             |
            |    |quốc gia về dân cư               |thông         |                |               |             |
            |    |                                 |              |                |Báo cáo kết quả|Tháng 12/2025|
            |    |                                 |              |                |vận hành       |             |
            |    |Thu nhận hồ sơ cấp căn cước, kích|Công an tỉnh  |Viễn thông Ninh |Tài khoản được |Quý III/2025 |
            |    |hoạt tài khoản định danh điện tử |              |Thuận;          |kích hoạt      |             |
            |    |mức độ 2                         |              |Viettel Ninh    |               |             |
            |    |                                 |              |Thuận;          |               |             |
            |    |                                 |              |UBND các huyện, |               |             |
            |    |                                 |              |thành phố       |               |             |
            |III. TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC                                                              |
            |    |Mở chuyên trang, chuyên mục tuyên|Đài Phát thanh|Báo Ninh Thuận  |Tin, bài, phóng|Thường xuyên |
            |    |truyền về lợi ích của định danh  |và Truyền hình|                |sự             |             |
            |    |điện tử                          |tỉnh          |                |               |             |
            |    |Tập huấn kỹ năng sử dụng dịch vụ |Sở Thông tin  |UBND các huyện, |Hội nghị tập   |Quý II/2025  |
            |    |công trực tuyến cho cán bộ, công |và Truyền     |thành phố       |huấn           |             |
            |    |chức cấp xã                      |thông         |                |               |             |
            """)
        #expect(d.tasks.map(\.id) == ["PL.I.1", "PL.I.2", "PL.II.r1", "PL.II.r2", "PL.III.r1", "PL.III.r2"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [
            ["Sở Tư pháp"], ["Sở Nội vụ"], ["Sở Thông tin và Truyền thông"], ["Công an tỉnh"],
            ["Đài Phát thanh và Truyền hình tỉnh"], ["Sở Thông tin và Truyền thông"],
        ])
        #expect(d.tasks[2].time.map(\.text) == ["Tháng 9/2025", "Tháng 12/2025"])
        #expect(d.tasks[3].title == "Thu nhận hồ sơ cấp căn cước, kích hoạt tài khoản định danh điện tử mức độ 2")
        #expect(d.tasks[5].title == "Tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho cán bộ, công chức cấp xã")
        #expect(d.tasks.map { $0.section.last } == [
            "I. HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH", "I. HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH", "II. PHÁT TRIỂN HẠ TẦNG, NỀN TẢNG SỐ",
            "II. PHÁT TRIỂN HẠ TẦNG, NỀN TẢNG SỐ", "III. TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC", "III. TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC",
        ])
    }

    @Test func letterheadAndClosing() throws {
        let text = """
            |UBND TỈNH QUẢNG NAM           |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM       |
            |SỞ TƯ PHÁP                    |Độc lập - Tự do - Hạnh phúc              |
            |Số: 05/KH-STP                 |Quảng Nam, ngày 10 tháng 01 năm 2025     |

                                              KẾ HOẠCH
                 Phổ biến pháp luật năm 2025
            I. NHIỆM VỤ
            1. Tuyên truyền pháp luật cho Nhân dân.
            |Nơi nhận:                        |TM. ỦY BAN NHÂN DÂN                   |
            |- Sở Nội vụ tỉnh;                |KT. CHỦ TỊCH                          |
            |- Các cơ quan chuyên môn thuộc   |PHÓ CHỦ TỊCH                          |
            |UBND huyện;                      |                                      |
            |- Lưu: VT, NV.                   |Nguyễn Văn Phương                     |
            """
        let d = try Fixtures.parse(text)
        #expect(d.header.issuer == "UBND TỈNH QUẢNG NAM - SỞ TƯ PHÁP")
        #expect(d.header.number == "05/KH-STP")
        #expect(d.header.date == DocumentDate(day: 10, month: 1, year: 2025))
        #expect(d.header.recipients == ["Sở Nội vụ tỉnh", "Các cơ quan chuyên môn thuộc UBND huyện", "Lưu: VT, NV"])
        #expect(d.header.signer == Signer(title: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", name: "Nguyễn Văn Phương"))
        #expect(d.tasks.map(\.title) == ["Tuyên truyền pháp luật cho Nhân dân."])
    }

    @Test func markdownPipeTablesAreNotGrids() throws {
        // `| a | b |` with spaces is a pipe table the parser reads itself: left as it is.
        let text = "| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |\n| 1 | Kiểm tra | Văn phòng Sở | Quý I/2025 |\n"
        #expect(try Recovered.texts(text) == text.split(separator: "\n").map(String.init))
    }
}
