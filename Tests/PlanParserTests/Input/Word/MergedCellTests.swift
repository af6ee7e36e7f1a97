import Testing
@testable import PlanParser

/// A lead (or support, product, time) cell merged down over several rows — one unit leads a
/// group of tasks — belongs to every row it spans, in a Word table (`w:vMerge`), an OpenDocument
/// table (covered cells) and an HTML table (`rowspan`). A row whose number or task is merged down
/// goes on with the task above and gets nothing.
@Suite struct MergedCellTests {
    typealias W = WordTest

    static let expectedLeads = [["Sở Tư pháp"], ["Sở Tư pháp"], ["Sở Tư pháp"], ["Công an tỉnh"], ["Công an tỉnh"]]
    static let expectedSupport = [["Sở Nông nghiệp và Môi trường"], ["Hội Luật gia tỉnh"], ["Sở Giáo dục và Đào tạo"],
                                  ["UBND các huyện"], ["UBND các huyện"]]

    @Test func wordVerticalMerge() throws {
        let restart = #"<w:vMerge w:val="restart"/>"#
        let more = "<w:vMerge/>"
        let table = W.tbl(columns: 5, [
            W.tr(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"].map { W.tc($0) }),
            W.tr([W.tc("1"), W.tc("Tuyên truyền Luật Đất đai"), W.tc("Sở Tư pháp", props: restart), W.tc("Sở Nông nghiệp và Môi trường"), W.tc("Quý I/2027")]),
            W.tr([W.tc("2"), W.tc("Biên soạn tài liệu hỏi đáp"), W.tc("", props: more), W.tc("Hội Luật gia tỉnh"), W.tc("Quý II/2027")]),
            W.tr([W.tc("3"), W.tc("Tổ chức cuộc thi trực tuyến"), W.tc("", props: more), W.tc("Sở Giáo dục và Đào tạo"), W.tc("Tháng 9/2027")]),
            W.tr([W.tc("4"), W.tc("Tập huấn hòa giải viên"), W.tc("Công an tỉnh", props: restart), W.tc("UBND các huyện", props: restart),
                  W.tc("Tháng 6/2027", props: restart)]),
            W.tr([W.tc("5"), W.tc("Xây dựng chuyên mục pháp luật"), W.tc("", props: more), W.tc("", props: more), W.tc("", props: more)]),
        ])
        let d = try PlanDocument.parse(bytes: W.docx(W.p("PHỤ LỤC") + table))
        #expect(d.tasks.map(\.id) == ["PL.1", "PL.2", "PL.3", "PL.4", "PL.5"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == Self.expectedLeads)
        #expect(d.tasks.map { $0.support.map(\.name) } == Self.expectedSupport)
        #expect(d.tasks.map { $0.time.map(\.text) } == [["Quý I/2027"], ["Quý II/2027"], ["Tháng 9/2027"], ["Tháng 6/2027"], ["Tháng 6/2027"]])
    }

    /// The number and task merged down: the second row is the same task's, its lead not repeated.
    @Test func wordTaskMergedDownKeepsOneLead() throws {
        let restart = #"<w:vMerge w:val="restart"/>"#
        let more = "<w:vMerge/>"
        let table = W.tbl(columns: 5, [
            W.tr(["STT", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Thời gian"].map { W.tc($0) }),
            W.tr([W.tc("1", props: restart), W.tc("Kiểm tra", props: restart), W.tc("Kế hoạch"), W.tc("Văn phòng", props: restart), W.tc("Tháng 3")]),
            W.tr([W.tc("", props: more), W.tc("", props: more), W.tc("Báo cáo"), W.tc("", props: more), W.tc("Quý IV")]),
        ])
        let d = try PlanDocument.parse(bytes: W.docx(W.p("PHỤ LỤC") + table))
        #expect(d.tasks.count == 1)
        #expect(d.tasks.first?.lead.map(\.name) == ["Văn phòng"])
        #expect(d.tasks.first?.products == ["Kế hoạch", "Báo cáo"])
        #expect(d.tables.first?.rows.last?.cells == ["", "", "Báo cáo", "", "Quý IV"])
    }

    @Test func openDocumentCoveredCells() throws {
        func cell(_ text: String, rows: Int = 1, columns: Int = 1) -> String {
            let spans = (rows > 1 ? " table:number-rows-spanned=\"\(rows)\"" : "") + (columns > 1 ? " table:number-columns-spanned=\"\(columns)\"" : "")
            return "<table:table-cell\(spans)><text:p>\(text)</text:p></table:table-cell>"
        }
        let covered = "<table:covered-table-cell/>"
        func row(_ cells: String...) -> String { "<table:table-row>\(cells.joined())</table:table-row>" }
        let table = "<table:table><table:table-column table:number-columns-repeated=\"5\"/>"
            + row(cell("STT"), cell("Nhiệm vụ"), cell("Đơn vị chủ trì"), cell("Đơn vị phối hợp"), cell("Thời gian hoàn thành"))
            + row(cell("I. CÔNG TÁC TUYÊN TRUYỀN", columns: 5), covered, covered, covered, covered)
            + row(cell("1"), cell("Tuyên truyền Luật Đất đai"), cell("Sở Tư pháp", rows: 3), cell("Sở Nông nghiệp và Môi trường"), cell("Quý I/2027"))
            + row(cell("2"), cell("Biên soạn tài liệu hỏi đáp"), covered, cell("Hội Luật gia tỉnh"), cell("Quý II/2027"))
            + row(cell("3"), cell("Tổ chức cuộc thi trực tuyến"), covered, cell("Sở Giáo dục và Đào tạo"), cell("Tháng 9/2027"))
            + "</table:table>"
        let content = """
            <?xml version="1.0" encoding="UTF-8"?><office:document-content \
            xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>\
            <text:p>PHỤ LỤC</text:p>\(table)</office:text></office:body></office:document-content>
            """
        var zip = ZipWriter()
        zip.add("mimetype", Array("application/vnd.oasis.opendocument.text".utf8), compress: false)
        zip.add("content.xml", Array(content.utf8))
        let d = try PlanDocument.parse(bytes: zip.finish())
        #expect(d.tasks.map(\.id) == ["PL.I.1", "PL.I.2", "PL.I.3"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Sở Tư pháp"], ["Sở Tư pháp"], ["Sở Tư pháp"]])
        // The group row's covered cells are merged left: nothing is given to it.
        #expect(d.tables.first?.rows[1].cells == ["I. CÔNG TÁC TUYÊN TRUYỀN", "", "", "", ""])
    }

    @Test func htmlRowspan() throws {
        let d = try Fixtures.parse("""
            PHỤ LỤC

            <table>
            <tr><th>STT</th><th>Nhiệm vụ</th><th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th><th>Thời gian hoàn thành</th></tr>
            <tr><td>1</td><td>Tuyên truyền Luật Đất đai</td><td rowspan="3">Sở Tư pháp</td><td>Sở Nông nghiệp và Môi trường</td><td>Quý I/2027</td></tr>
            <tr><td>2</td><td>Biên soạn tài liệu hỏi đáp</td><td>Hội Luật gia tỉnh</td><td>Quý II/2027</td></tr>
            <tr><td>3</td><td>Tổ chức cuộc thi trực tuyến</td><td>Sở Giáo dục và Đào tạo</td><td>Tháng 9/2027</td></tr>
            <tr><td>4</td><td>Tập huấn hòa giải viên</td><td rowspan="2">Công an tỉnh</td><td rowspan="2">UBND các huyện</td><td>Tháng 6/2027</td></tr>
            <tr><td>5</td><td>Xây dựng chuyên mục pháp luật</td><td>Thường xuyên</td></tr>
            </table>

            """)
        #expect(d.tasks.map { $0.lead.map(\.name) } == Self.expectedLeads)
        #expect(d.tasks.map { $0.support.map(\.name) } == Self.expectedSupport)
    }
}
