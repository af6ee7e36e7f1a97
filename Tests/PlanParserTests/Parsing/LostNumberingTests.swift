import Testing
@testable import PlanParser

/// A plan whose Word numbering the converter dropped (antiword, docx2txt): the outline comes
/// back from the lines' shapes, numbered in order, with a `numbering-lost` warning.
@Suite struct LostNumberingTests {
    /// As antiword prints an auto-numbered plan: wrapped at 76 columns, no `I.`, `1.`, `a)`.
    static let wrapped = """
        KẾ HOẠCH
        Số hóa hồ sơ ngành Xây dựng năm 2026

        Căn cứ Kế hoạch số 45/KH-UBND ngày 10/01/2026 của UBND tỉnh về chuyển đổi số;
        Sở Xây dựng ban hành Kế hoạch như sau:
        MỤC ĐÍCH, YÊU CẦU
        Mục đích
        Số hóa toàn bộ hồ sơ cấp phép xây dựng còn lưu bằng giấy tại Sở và các đơn
        vị trực thuộc trong năm 2026.
        Yêu cầu
        Bảo đảm an toàn, bảo mật dữ liệu trong quá trình số hóa.
        NHIỆM VỤ CỤ THỂ
        Số hóa hồ sơ
        Rà soát, phân loại hồ sơ cấp phép xây dựng lưu trữ từ năm 2015 đến năm 2025
        để lập danh mục số hóa:
        Đơn vị chủ trì: Văn phòng Sở.
        Đơn vị phối hợp: Phòng Quản lý xây dựng; Trung tâm Lưu trữ lịch sử tỉnh.
        Thời gian thực hiện: Quý I năm 2026.
        Số hóa hồ sơ theo danh mục đã duyệt:
        Đơn vị chủ trì: Phòng Quản lý xây dựng.
        Thời gian hoàn thành: Trước ngày 30/9/2026.
        Tập huấn cho công chức khai thác kho hồ sơ số.
        Cải cách thủ tục
        Chỉ tiêu
        100% hồ sơ cấp phép xây dựng được tiếp nhận trực tuyến.
        Nhiệm vụ
        Công khai quy trình cấp phép trên Cổng thông tin điện tử của Sở.
        TỔ CHỨC THỰC HIỆN
        Văn phòng Sở theo dõi, đôn đốc việc thực hiện Kế hoạch này.
        """

    @Test func outlineRestored() throws {
        let d = try Fixtures.parse(Self.wrapped)
        let headings = d.sections.map { "\($0.number ?? "-") \($0.title)" }
        #expect(headings == ["I MỤC ĐÍCH, YÊU CẦU", "II NHIỆM VỤ CỤ THỂ", "III TỔ CHỨC THỰC HIỆN"])
        // The markers Word shows, counted in order.
        #expect(d.sections.map(\.marker) == ["I.", "II.", "III."])
        #expect(d.sections[1].children.map(\.heading) == ["1. Số hóa hồ sơ", "2. Cải cách thủ tục"])
        let tasks = try #require(d.sections.dropFirst().first)
        #expect(tasks.children.map { "\($0.kind.rawValue) \($0.number ?? "-") \($0.title)" }
                == ["arabic 1 Số hóa hồ sơ", "arabic 2 Cải cách thủ tục"])
        #expect(tasks.children[1].children.map { "\($0.kind.rawValue) \($0.number ?? "-") \($0.title)" }
                == ["letter a Chỉ tiêu", "letter b Nhiệm vụ"])
    }

    @Test func tasksFromFieldsAndItems() throws {
        let d = try Fixtures.parse(Self.wrapped)
        #expect(d.tasks.map(\.id) == ["II.1.a", "II.1.b", "II.1.c", "II.2.b.1"])
        let a = try #require(d.task("II.1.a"))
        #expect(a.title == "Rà soát, phân loại hồ sơ cấp phép xây dựng lưu trữ từ năm 2015 đến năm 2025 để lập danh mục số hóa")
        #expect(a.lead.map(\.name) == ["Văn phòng Sở"])
        #expect(a.support.map(\.name) == ["Phòng Quản lý xây dựng", "Trung tâm Lưu trữ lịch sử tỉnh"])
        #expect(a.time.map(\.text) == ["Quý I năm 2026"])
        #expect(a.line == 14)
        let b = try #require(d.task("II.1.b"))
        #expect(b.lead.map(\.name) == ["Phòng Quản lý xây dựng"])
        #expect(b.time.first?.end == CalendarDate(year: 2026, month: 9, day: 30))
        // After an item's fields, the next paragraph is the next item, not a note of it.
        #expect(d.task("II.1.c")?.title == "Tập huấn cho công chức khai thác kho hồ sơ số.")
        #expect(d.task("II.2.b.1")?.title == "Công khai quy trình cấp phép trên Cổng thông tin điện tử của Sở.")
        #expect(d.targets.map(\.text) == ["100% hồ sơ cấp phép xây dựng được tiếp nhận trực tuyến."])
    }

    @Test func warned() throws {
        let d = try Fixtures.parse(Self.wrapped)
        let w = d.warnings.filter { $0.code == "numbering-lost" }
        #expect(w.map(\.line) == [6])
        #expect(w.first?.message.hasPrefix("the list numbering is not in this text") == true)
        #expect(w.first?.message.contains("'MỤC ĐÍCH, YÊU CẦU'") == true)
    }

    /// docx2txt: a paragraph per line, blank lines between.
    @Test func paragraphPerLine() throws {
        let text = """
            KẾ HOẠCH

            Phòng, chống thiên tai năm 2026

            MỤC ĐÍCH, YÊU CẦU

            Chủ động phòng ngừa, ứng phó kịp thời với thiên tai, giảm thiểu thiệt hại về người và tài sản, bảo đảm an toàn cho nhân dân trên địa bàn.

            NHIỆM VỤ, GIẢI PHÁP

            Công tác chuẩn bị

            Kiện toàn Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn cấp huyện:

            Cơ quan chủ trì: Phòng Nông nghiệp và Môi trường.

            Thời gian thực hiện: Tháng 3 năm 2026.
            """
        let d = try Fixtures.parse(text)
        #expect(d.tasks.map(\.id) == ["II.1.a"])
        #expect(d.tasks.first?.title == "Kiện toàn Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn cấp huyện")
        #expect(d.tasks.first?.lead.map(\.name) == ["Phòng Nông nghiệp và Môi trường"])
        #expect(d.warnings.map(\.code).contains("numbering-lost"))
    }

    /// Lines dropped, repeated, swapped, blanked and cut short: the restorer never traps, and
    /// every line it marks is still a line of the text (the section tree holds only real lines).
    @Test func shuffledLines() throws {
        var rng = SeededGenerator(seed: 0x5EED_1057)
        let lines = Self.wrapped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<400 {
            var v = lines
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let k = Int.random(in: 0..<v.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: v.remove(at: k)
                case 1: v.insert(v[k], at: k)
                case 2: v.swapAt(k, Int.random(in: 0..<v.count, using: &rng))
                case 3: v[k] = ""
                default: v[k] = String(v[k].prefix(Int.random(in: 0...max(0, v[k].count), using: &rng)))
                }
                if v.isEmpty { v = ["KẾ HOẠCH"] }
            }
            let text = v.joined(separator: "\n")
            guard let d = try? Fixtures.parse(text) else { continue }
            let count = v.count
            func check(_ s: [Section]) {
                for x in s {
                    #expect(x.line >= 1 && x.line <= count)
                    check(x.children)
                }
            }
            check(d.sections)
            for w in d.warnings where w.code == "numbering-lost" { #expect(w.line >= 1 && w.line <= count) }
        }
    }

    /// Typed numbering, or no section named in capitals: nothing is restored, nothing claimed.
    @Test(arguments: [
        "KẾ HOẠCH\nThử nghiệm\n\nI. MỤC ĐÍCH\nNHIỆM VỤ CỤ THỂ\nTỔ CHỨC THỰC HIỆN\nVăn phòng Sở theo dõi.",
        "CÔNG VĂN\nVề việc báo cáo\n\nKính gửi: Các phòng thuộc Sở.\nĐề nghị các phòng báo cáo trước ngày 10/3/2026.",
        "KẾ HOẠCH\nThử nghiệm\n\nNHIỆM VỤ CỤ THỂ\nTổ chức hội nghị triển khai.",
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nĐiều 1. Thành lập Tổ công tác.\nNHIỆM VỤ\nTỔ CHỨC THỰC HIỆN\nĐiều 2. Quyết định có hiệu lực.",
    ])
    func notLost(_ text: String) throws {
        let d = try Fixtures.parse(text)
        #expect(!d.warnings.map(\.code).contains("numbering-lost"))
        #expect(d.warnings.allSatisfy { !$0.message.contains("markers Word would show") })
    }
}
