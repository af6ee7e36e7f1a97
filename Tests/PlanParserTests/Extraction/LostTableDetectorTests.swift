import Testing
@testable import PlanParser

@Suite struct LostTableDetectorTests {
    /// LibreOffice's "Save as Text": one cell per line, nothing between rows.
    static let oneCellPerLine = """
        KẾ HOẠCH
        Cải cách hành chính năm 2024
        I. NHIỆM VỤ
        1. Tuyên truyền về cải cách hành chính.
        PHỤ LỤC
        NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024
        STT
        Nhiệm vụ
        Kết quả/ Sản phẩm
        Đơn vị chủ trì
        Thời gian thực hiện
        I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
        1
        Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2024
        Kế hoạch
        Báo cáo
        Văn phòng Sở
        Tháng 01/2024
        2
        Kiểm tra công tác cải cách hành chính
        Kế hoạch kiểm tra
        Văn phòng Sở
        Quý II/2024
        """
    // (Row 1's product cell has two paragraphs with no `;` between: its cells do not add up,
    // so the table is not counted back — CellLineTableTests — and is reported here.)

    @Test func oneCellPerLineIsReported() throws {
        let d = try Fixtures.parse(Self.oneCellPerLine)
        #expect(d.warnings.filter { $0.code == "table-lost" } == [
            Diagnostic(line: 7, code: "table-lost",
                       message: "the table at lines 7–23 was not read: its columns were lost in conversion (one cell per line); give the .docx, or the PDF's text from pdftotext -layout"),
        ])
        // The body's task is still read.
        #expect(d.tasks.map(\.title) == ["Tuyên truyền về cải cách hành chính."])
        #expect(PlanDocument.strictWarningCodes.contains("table-lost"))
        #expect(d.hasStrictWarnings)
    }

    @Test func headerRunTogether() throws {
        // Blank-separated text joins the header cells into one paragraph (docx2txt, pdftotext).
        let text = "PHỤ LỤC\n\nSTT\n\nNhiệm vụ Kết quả/ Sản phẩm Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện\n\n1\n\nXây dựng kế hoạch\n"
        #expect(try Fixtures.parse(text).warnings.map(\.code) == ["table-lost"])
    }

    /// antiword on a table it cannot lay out: scraps of a grid, then the cells run together
    /// with their `|` in running text. Said, with the line where they start.
    @Test func cellsRunTogetherWithPipes() throws {
        // The appendix of samples/converted/antiword/columns-reordered.text.
        let text = """
                                               PHỤ LỤC
                   DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH VÀ CHUYỂN ĐỔI SỐ NĂM 2025
             (Kèm theo Kế hoạch số 2315/KH-SGDĐT ngày 27/12/2024 của Sở Giáo dục và Đào
                                                tạo)

            |TT                                                                                                               |
            |I   |Công tác chỉ đạo, điều hành                                                                                |
            |1   |Xây dựng, ban hành Kế hoạch cải cách hành chính và chuyển đổi số năm 2025 của Sở                           |
            |1                                                                                                                |
            |I   |Chuyển đổi số trong quản lý và dạy học                                                                     |
            |1   |Triển khai học bạ số đối với cấp tiểu học, trung học cơ sở và trung học phổ thông                          |


            1 |Giao quyền tự chủ tài chính cho các trường trung học phổ thông giai đoạn
            2025 - 2027 |Phòng Kế hoạch - Tài chính |Phòng Tổ chức cán bộ và Văn phòng
            Sở |Quý I/2025 |Quyết định giao quyền tự chủ | | |2 |Rà soát, sắp xếp mạng
            lưới trường, lớp học phù hợp với quy hoạch và điều kiện thực tế của địa
            phương |Phòng Tổ chức cán bộ |Phòng Kế hoạch - Tài chính và UBND các huyện,
            thị xã, thành phố |Theo lộ trình của UBND tỉnh |Đề án, Tờ trình |Nhiệm vụ
            chuyển tiếp từ năm 2024 | |3 |Triển khai thu học phí, các khoản thu dịch vụ
            giáo dục không dùng tiền mặt |Phòng Kế hoạch - Tài chính |Các cơ sở giáo
            dục trực thuộc |Năm 2025 |100% cơ sở giáo dục trực thuộc thu không dùng
            tiền mặt | | |

            """
        let d = try Fixtures.parse(text)
        let lost = d.warnings.filter { $0.code == "table-lost" }
        #expect(lost.map(\.line) == [14])
        #expect(lost.first?.message.contains("cells run together") == true)
    }

    @Test func headerScatteredOverTheAppendix() throws {
        // Plain `pdftotext` of a table with a narrow STT column: `ST` / `Nhiệm vụ` / `T`, the group
        // rows taken for headings, the other header cells under the second group, far below.
        let text = """
            PHỤ LỤC
            DANH MỤC NHIỆM VỤ NĂM 2025
            ST
            Nhiệm vụ
            T
            I. HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH
            1 Rà soát các văn bản quy phạm pháp luật
            của tỉnh có quy định về giấy tờ công dân
            2 Tham mưu ban hành Quy chế khai thác,
            sử dụng dữ liệu dân cư
            II. PHÁT TRIỂN HẠ TẦNG, NỀN TẢNG SỐ
            Nâng cấp Trung tâm tích hợp dữ liệu tỉnh
            1

            2

            Thu nhận hồ sơ cấp căn cước

            Đơn vị chủ trì

            Đơn vị phối hợp

            Sản phẩm

            Thời gian hoàn
            thành

            Sở Tư pháp

            Công an tỉnh
            """
        let d = try Fixtures.parse(text)
        #expect(d.warnings.filter { $0.code == "table-lost" }.map(\.line) == [1])
    }

    @Test func rowNumbersAloneInAnAppendix() throws {
        let text = "PHỤ LỤC\n\n1\n\nXây dựng kế hoạch\n\n2\n\nKiểm tra\n\n3\n\nBáo cáo\n"
        #expect(try Fixtures.parse(text).warnings.map(\.code) == ["table-lost"])
    }

    @Test func tablesReadAndInlineFieldsAreNotLost() throws {
        let table = "PHỤ LỤC\nSTT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện\n1\tXây dựng kế hoạch\tVăn phòng Sở\tQuý I/2024\n"
        #expect(try Fixtures.parse(table).warnings.isEmpty)
        let fields = "II. NHIỆM VỤ\n\n1. Xây dựng kế hoạch. Đơn vị chủ trì: Văn phòng Sở; phối hợp: Thanh tra Sở; thời gian thực hiện: Quý I.\n"
        #expect(try Fixtures.parse(fields).warnings.filter { $0.code == "table-lost" }.isEmpty)
    }

    @Test func samplesAndSeedsLoseNothing() throws {
        for name in GoldenTests.inputs {
            let d = try Fixtures.sample(name)
            #expect(!d.warnings.contains { $0.code == "table-lost" }, "\(name)")
        }
    }
}

/// A web page's table printed too narrow (Chromium, then `pdftotext -layout`): its cells one
/// space apart, the rows run into one paragraph under the header — said, not lost in silence.
@Suite struct SqueezedTableTests {
    @Test func squeezedLayoutTable() throws {
        let text = """
            KẾ HOẠCH
            Phòng, chống thiên tai năm 2026
            I. NHIỆM VỤ
            1. Rà soát phương án ứng phó.
                                           PHỤ LỤC
               STT Nhiệm vụ                          Đơn vị chủ trì          Đơn vị phối hợp       Thời gian hoàn
                                                                                                    thành
               1      Cập nhật phương án ứng phó thiên tai Sở Nông nghiệp và   Các sở, ngành       Tháng 4/2026
                      theo cấp độ rủi ro                   Môi trường
               2      Diễn tập tìm kiếm cứu nạn cấp tỉnh   Bộ Chỉ huy Quân sự  Công an tỉnh        Quý III/2026
            """
        let d = try Fixtures.parse(text)
        #expect(d.warnings.filter { $0.code == "table-lost" }.map(\.message) == [
            "the table at lines 6–10 was not read: its columns were lost in conversion (its columns printed too close together); give the .docx, or the web page itself (.html)",
        ])
        #expect(d.tasks.map(\.id) == ["I.1"])
    }

    /// Prose that names a task, its lead and its time in its first words is no table header.
    @Test func proseIsNoHeader() throws {
        let text = """
            KẾ HOẠCH
            Thử nghiệm
            PHỤ LỤC
            Nhiệm vụ của Sở là chủ trì, phối hợp với các đơn vị; thời gian thực hiện trong năm 2026 theo kế hoạch được giao, bảo đảm tiến độ và chất lượng, báo cáo kết quả về Văn phòng Sở trước ngày 15/12/2026.
            """
        #expect(!(try Fixtures.parse(text)).warnings.map(\.code).contains("table-lost"))
    }

    /// antiword beside a table it read: the next rows run together, a row number between cells
    /// (`| |4 |Xây dựng …`) — said, though another table of the appendix was read.
    @Test func gridRunTogetherBesideATableRead() throws {
        let text = """
            KẾ HOẠCH
            Chuyển đổi số năm 2026
            PHỤ LỤC
            |STT      |Nội dung nhiệm vụ |Đơn vị chủ trì  |Thời gian hoàn thành |
            |1        |Trang bị máy tính cho bộ phận một cửa cấp xã |Phòng Văn hóa và Thông tin |Tháng 5/2026 |

            3 |Số hóa hồ sơ hộ tịch giai đoạn 2015-2020 |Phòng Tư pháp |UBND các xã,
            thị trấn |Trước 30/9/2026 |60 | | |4 |Xây dựng kho dữ liệu dùng chung của
            huyện |Phòng Văn hóa và Thông tin |Các phòng, ban chuyên môn |Năm 2026 |
            """
        let d = try Fixtures.parse(text)
        #expect(d.tasks.map(\.title) == ["Trang bị máy tính cho bộ phận một cửa cấp xã"])
        #expect(d.warnings.filter { $0.code == "table-lost" }.map(\.line) == [8])
    }

    /// A table of the appendix with a number among its cells but no row run into a paragraph
    /// (`3 |…`): a table the parser did not know, not one the converter garbled.
    @Test func numberAmongCellsAloneIsNoLoss() throws {
        let text = """
            KẾ HOẠCH
            Chuyển đổi số năm 2026
            PHỤ LỤC
            | Tên đơn vị | Số máy | Ghi chú về việc trang bị |
            | Phòng Tư pháp | 12 | Trang bị trong quý II năm 2026 |
            | Phòng Nội vụ | 8 | Trang bị trong quý III năm 2026 |
            """
        #expect(!(try Fixtures.parse(text)).warnings.map(\.code).contains("table-lost"))
    }

    /// A layout table run together into one paragraph that starts with `TT` (not `STT`).
    @Test func runTogetherUnderTT() throws {
        let d = try Fixtures.parse("""
            KẾ HOẠCH
            Thử nghiệm năm 2027

            I. NHIỆM VỤ
            1. Tổ chức hội nghị.

            PHỤ LỤC
            DANH MỤC NHIỆM VỤ

            TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian 1 Rà soát văn bản quy phạm pháp luật Phòng Tư pháp Các cơ quan chuyên môn Quý I/2027 2 Kiểm tra công tác thi hành pháp luật Phòng Tư pháp Công an huyện Quý III/2027
            """)
        #expect(d.warnings.map(\.code) == ["table-lost"])
        #expect(d.warnings.first?.line == 10)
    }
}
