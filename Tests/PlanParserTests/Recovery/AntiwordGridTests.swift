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
