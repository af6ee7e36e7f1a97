import Testing
@testable import PlanParser

/// Hard-wrapped, paginated, blank-free and pipe-table versions of the samples give the same
/// tasks, targets and warnings as the clean files (samples/messy/README.md).
@Suite struct MessyInputTests {
    struct TaskShape: Equatable, CustomStringConvertible {
        var origin: PlanTask.Origin
        var title: String
        var lead: [String]
        var support: [String]
        var products: [String]
        var time: [String]
        var description: String { "\(origin) \(title) | \(lead) | \(support) | \(products) | \(time)" }

        init(_ t: PlanTask) {
            origin = t.origin
            title = t.title
            lead = t.lead.map(\.name)
            support = t.support.map(\.name)
            products = t.products
            time = t.time.map(\.text)
        }
    }

    @Test(arguments: [
        ("table-appendix.txt", "messy/table-appendix.wrapped.txt"),
        ("table-appendix.txt", "messy/table-appendix.paginated.txt"),
        ("table-appendix.txt", "messy/table-appendix.noblank.txt"),
        ("field-bullets.txt", "messy/field-bullets.wrapped.txt"),
        ("field-bullets.txt", "messy/field-bullets.paginated.txt"),
        ("field-bullets.txt", "messy/field-bullets.noblank.txt"),
        ("prose-bullets.txt", "messy/prose-bullets.wrapped.txt"),
        ("prose-bullets.txt", "messy/prose-bullets.paginated.txt"),
        ("prose-bullets.txt", "messy/prose-bullets.noblank.txt"),
        ("columns-reordered.txt", "messy/columns-reordered.pipes.txt"),
    ])
    func sameTasks(clean: String, messy: String) throws {
        let a = try Fixtures.sample(clean)
        let b = try Fixtures.sample(messy)
        #expect(b.tasks.map(TaskShape.init) == a.tasks.map(TaskShape.init))
        #expect(b.targets.map(\.text) == a.targets.map(\.text))
        #expect(b.warnings.map(\.code) == a.warnings.map(\.code))
        #expect(b.header.title == a.header.title)
        #expect(b.header.number == a.header.number)
        #expect(b.header.date == a.header.date)
        #expect(b.header.signer == a.header.signer)
        #expect(b.leftovers.isEmpty)
    }

    @Test func paginatedFurniture() throws {
        let d = try Fixtures.sample("messy/table-appendix.paginated.txt")
        let header = "Kế hoạch PBGDPL năm 2025 - Sở Tư pháp Quảng Nam"
        #expect(d.furniture == [
            SourceLine(line: 1, text: header), SourceLine(line: 47, text: "2"), SourceLine(line: 49, text: header),
            SourceLine(line: 89, text: "Trang 3/4"), SourceLine(line: 90, text: header),
            SourceLine(line: 144, text: "4"), SourceLine(line: 146, text: header),
        ])
        #expect(d.warnings.map(\.line) == [165])
    }

    @Test func webPage() throws {
        let d = try Fixtures.sample("messy/table-appendix.web.txt")
        #expect(d.header.issuer == "SỞ TƯ PHÁP TỈNH QUẢNG NAM")
        #expect(d.header.number == "05/KH-STP")
        #expect(d.header.place == "Quảng Nam")
        #expect(d.header.date == DocumentDate(day: 10, month: 1, year: 2025))
        #expect(d.header.kind == "KẾ HOẠCH")
        #expect(d.header.title == "Phổ biến, giáo dục pháp luật năm 2025 của Sở Tư pháp tỉnh Quảng Nam")
        #expect(d.sections.first?.heading == "PHẦN I. NỘI DUNG KẾ HOẠCH")
        #expect(d.tasks.filter { $0.origin == .table }.count == 18)
        #expect(d.tasks.filter { $0.origin == .prose }.count == 15)
        let inline = d.tasks.filter { $0.origin == .fields }
        #expect(inline.map(\.line) == [43, 57])
        #expect(inline[0].title.hasSuffix("xây dựng Kế hoạch của Sở để triển khai thực hiện."))
        #expect(inline[0].lead.map(\.name) == ["Phòng Phổ biến, giáo dục pháp luật"])
        #expect(inline[0].support.map(\.name) == ["Văn phòng Sở", "Thanh tra Sở"])
        #expect(inline[0].time.map(\.text) == ["Tháng 01-02/2025"])
        #expect(inline[0].products.isEmpty)
        #expect(inline[1].lead.map(\.name) == ["Trung tâm Trợ giúp pháp lý nhà nước"])
        #expect(inline[1].support.map(\.name) == ["Phòng Phổ biến, giáo dục pháp luật", "UBND các huyện miền núi"])
        #expect(inline[1].time.map(\.text) == ["Hằng quý"])
        #expect(inline[1].endLine == 59)
        #expect(d.warnings.map(\.line) == [143])
    }

    @Test func letterheadOneCellPerLine() throws {
        let d = try Fixtures.parse("""
            UBND TỈNH QUẢNG NGÃI
            SỞ KHOA HỌC VÀ CÔNG NGHỆ
            |
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            -------
            Số: 17/KH-SKHCN
            |
            Quảng Ngãi, ngày
            12 tháng 3 năm 2024
            -------
            KẾ HOẠCH HÀNH ĐỘNG
            Thực hiện chuyển đổi số
            giai đoạn 2024 - 2026

            I. NHIỆM VỤ

            1. Xây dựng cơ sở dữ liệu ngành.
            """)
        #expect(d.header.issuer == "UBND TỈNH QUẢNG NGÃI - SỞ KHOA HỌC VÀ CÔNG NGHỆ")
        #expect(d.header.number == "17/KH-SKHCN")
        #expect(d.header.place == "Quảng Ngãi")
        #expect(d.header.date == DocumentDate(day: 12, month: 3, year: 2024))
        #expect(d.header.kind == "KẾ HOẠCH HÀNH ĐỘNG")
        #expect(d.header.title == "Thực hiện chuyển đổi số giai đoạn 2024 - 2026")
        #expect(d.header.planPeriod == PlanPeriod(start: 2024, end: 2026))
        #expect(d.header.planYear == 2024)
        #expect(d.tasks.map(\.title) == ["Xây dựng cơ sở dữ liệu ngành."])
    }

    @Test(arguments: ["QUYẾT ĐỊNH", "NGHỊ QUYẾT", "KẾ HOẠCH HÀNH ĐỘNG", "BÁO CÁO"])
    func kinds(kind: String) throws {
        let d = try Fixtures.parse("Số: 5/QĐ-UBND\n\nHà Nội, ngày 02 tháng 01 năm 2025\n\n\(kind)\n\nVề việc thử nghiệm\n")
        #expect(d.header.kind == kind)
        #expect(d.header.title == "Về việc thử nghiệm")
    }

    @Test func inlineFieldsOnOneLine() throws {
        let d = try Fixtures.parse("""
            II. NHIỆM VỤ

            a) Rà soát thủ tục hành chính nội bộ.
            Chủ trì: Văn phòng Sở. Phối hợp: Thanh tra Sở; Phòng Kế hoạch - Tài chính. Thời gian: Quý II/2025.
            """)
        let t = try #require(d.tasks.first)
        #expect(t.origin == .fields)
        #expect(t.title == "Rà soát thủ tục hành chính nội bộ.")
        #expect(t.lead.map(\.name) == ["Văn phòng Sở"])
        #expect(t.support.map(\.name) == ["Thanh tra Sở", "Phòng Kế hoạch - Tài chính"])
        #expect(t.time.map(\.kind) == [.quarter])
    }
}

/// Assignment reading stays linear: one paragraph of thousands of assignment clauses, and a
/// plan whose `TỔ CHỨC THỰC HIỆN` and task sections repeat many times.
@Suite struct AssignmentScaleTests {
    @Test func thousandsOfClausesInOneParagraph() throws {
        let units = ["Sở Y tế", "Sở Tài chính", "Phòng Văn hóa và Thông tin", "Công an tỉnh", "UBND các huyện, thị xã, thành phố"]
        let clauses = (0..<5000).map { i in
            "\(units[i % units.count]) chủ trì, phối hợp với \(units[(i + 1) % units.count]) kiểm tra, báo cáo trước ngày 15/12/2024"
        }
        let text = "ỦY BAN NHÂN DÂN TỈNH A\nSố: 1/UBND-VX\nA, ngày 01 tháng 02 năm 2024\n\n" + clauses.joined(separator: "; ") + ".\n"
        let d = try Fixtures.parse(text)
        #expect(d.tasks.count == 5000)
        #expect(d.tasks.allSatisfy { $0.time.count == 1 && $0.lead.count == 1 && $0.support.count == 1 })
    }

    @Test func repeatedPlan() throws {
        let plan = try String(contentsOf: Fixtures.samples.appendingPathComponent("assignments/district-plan.txt"), encoding: .utf8)
        // The body (from `I. MỤC ĐÍCH, YÊU CẦU` to the closing block) thirty times over.
        let lines = plan.components(separatedBy: "\n")
        let from = try #require(lines.firstIndex { $0.hasPrefix("I. MỤC ĐÍCH") })
        let to = try #require(lines.firstIndex { $0.hasPrefix("Nơi nhận") })
        let body = lines[from..<to].joined(separator: "\n")
        let header = lines[..<from].joined(separator: "\n")
        let d = try Fixtures.parse(header + "\n" + String(repeating: body + "\n", count: 30))
        #expect(d.tasks.count == 15 * 30)
        #expect(d.responsibilities.count == 7 * 30)
        #expect(d.tasks.filter { $0.leadSource?.kind == .inferred }.count == 3 * 30)
    }
}
