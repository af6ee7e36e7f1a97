import Testing
@testable import PlanParser

@Suite struct HTMLTableTests {
    static let table = """
        PHỤ LỤC

        <table>
        <thead>
        <tr class="header">
        <th><strong>STT</strong></th>
        <th><strong>Nhiệm vụ</strong></th>
        <th><strong>Kết quả/ Sản phẩm</strong></th>
        <th><strong>Đơn vị phối hợp</strong></th>
        <th><strong>Thời gian</strong></th>
        </tr>
        </thead>
        <tbody>
        <tr class="odd">
        <td colspan="5"><strong>I. CÔNG TÁC CHỈ ĐẠO,
        ĐIỀU HÀNH</strong></td>
        </tr>
        <tr>
        <td rowspan="2">1</td>
        <td rowspan="2">Kiểm tra công tác phổ biến &amp; giáo dục
        pháp luật tại các sở</td>
        <td>Kế hoạch kiểm tra</td>
        <td><p>Văn phòng Sở;</p>
        <p>Thanh tra Sở</p></td>
        <td>Tháng 03/2025</td>
        </tr>
        <tr>
        <td>Quyết định&nbsp;thành lập<br>Đoàn kiểm tra</td>
        <td></td>
        <td>Quý 3, 4/2025</td>
        </tr>
        <tr><td>2</td><td>Báo cáo kết quả gửi Bộ Tư pháp</td><td>Báo cáo<sup>1</sup></td><td>&#272;ài Phát thanh &ndash; Truyền hình</td><td>Hằng quý</td></tr>
        </tbody>
        </table>

        """

    @Test func rows() throws {
        #expect(try Recovered.rows(Self.table) == [
            ["STT", "Nhiệm vụ", "Kết quả/ Sản phẩm", "Đơn vị phối hợp", "Thời gian"],
            ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", ""],
            ["1", "Kiểm tra công tác phổ biến & giáo dục pháp luật tại các sở", "Kế hoạch kiểm tra", "Văn phòng Sở;", "Tháng 03/2025"],
            ["", "", "", "Thanh tra Sở", ""],
            ["", "", "Quyết định thành lập", "", "Quý 3, 4/2025"],
            ["", "", "Đoàn kiểm tra", "", ""],
            ["2", "Báo cáo kết quả gửi Bộ Tư pháp", "Báo cáo", "Đài Phát thanh – Truyền hình", "Hằng quý"],
        ])
    }

    @Test func tasks() throws {
        let d = try Fixtures.parse(Self.table)
        let t1 = try #require(d.task("PL.I.1"))
        #expect(t1.title == "Kiểm tra công tác phổ biến & giáo dục pháp luật tại các sở")
        #expect(t1.section == ["PHỤ LỤC", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"])
        #expect(t1.products == ["Kế hoạch kiểm tra", "Quyết định thành lập", "Đoàn kiểm tra"])
        #expect(t1.support.map(\.name) == ["Văn phòng Sở", "Thanh tra Sở"])
        #expect(t1.time.map(\.text) == ["Tháng 03/2025", "Quý 3, 4/2025"])
        let t2 = try #require(d.task("PL.I.2"))
        #expect(t2.support.map(\.name) == ["Đài Phát thanh – Truyền hình"])
        // Every line is inside the table or reported as furniture.
        #expect(d.furniture.contains { $0.text == "<table>" })
        #expect(d.leftovers.isEmpty)
    }

    @Test func page() throws {
        let page = """
            <!DOCTYPE html>
            <html><head><title>Kế hoạch</title><style>p { margin: 0 }</style></head>
            <body>
            <p>Số: 05/KH-STP</p><p><em>Quảng Nam, ngày 10 tháng 01 năm 2025</em></p>
            <p align="center"><b>KẾ HOẠCH</b></p>
            <p>Phổ biến pháp luật năm 2025</p>
            <h2>I. NHIỆM VỤ</h2>
            <ul><li>Tuyên truyền pháp luật cho Nhân dân;</li><li>Kiểm tra việc thực hiện.</li></ul>
            <script>var x = "<p>not text</p>";</script>
            </body></html>
            """
        #expect(try Recovered.texts(page) == [
            "Số: 05/KH-STP", "Quảng Nam, ngày 10 tháng 01 năm 2025", "KẾ HOẠCH", "Phổ biến pháp luật năm 2025",
            "I. NHIỆM VỤ", "- Tuyên truyền pháp luật cho Nhân dân;", "- Kiểm tra việc thực hiện.",
        ])
        let d = try Fixtures.parse(page)
        #expect(d.header.number == "05/KH-STP")
        #expect(d.header.title == "Phổ biến pháp luật năm 2025")
        #expect(d.tasks.map(\.title) == ["Tuyên truyền pháp luật cho Nhân dân", "Kiểm tra việc thực hiện."])
    }

    @Test func entities() {
        for (text, scalar) in [("&amp;", 0x26), ("&#39;", 0x27), ("&#x1EA1;", 0x1EA1), ("&ndash;", 0x2013), ("&nbsp;", 0xA0)] {
            #expect(HTMLEntity.decode(Array(text.utf8)[...])?.0 == UInt32(scalar), "\(text)")
        }
        for text in ["&;", "&#;", "&#xD800;", "&#1114112;", "&nosuch;", "&amp"] {
            #expect(HTMLEntity.decode(Array(text.utf8)[...]) == nil, "\(text)")
        }
    }

    @Test func unclosedTableIsText() throws {
        #expect(try Recovered.texts("<table>\n<tr><td>1</td>\nKhông có gì thêm") == ["<table>", "<tr><td>1</td>", "Không có gì thêm"])
    }
}
