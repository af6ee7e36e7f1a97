import Testing
@testable import PlanParser

/// Our own sample plans (samples/README.md gives the hand counts these tests assert).
@Suite struct SampleDocumentTests {
    @Test(arguments: [
        ("table-appendix.txt", 18, 0, 17, 0),
        ("field-bullets.txt", 0, 17, 1, 0),
        ("prose-bullets.txt", 0, 0, 24, 13),
        ("report.txt", 0, 0, 0, 0),
        ("columns-reordered.txt", 14, 0, 0, 5),
        ("diff/plan-2024.txt", 20, 0, 0, 0),
        ("diff/plan-2025.txt", 0, 21, 0, 0),
    ])
    func counts(file: String, table: Int, fields: Int, prose: Int, targets: Int) throws {
        let d = try Fixtures.sample(file)
        #expect(d.tasks.filter { $0.origin == .table }.count == table)
        #expect(d.tasks.filter { $0.origin == .fields }.count == fields)
        #expect(d.tasks.filter { $0.origin == .prose }.count == prose)
        #expect(d.targets.count == targets)
        #expect(d.leftovers.isEmpty)
    }

    @Test(arguments: [
        ("table-appendix.txt", [Diagnostic(line: 148, code: "numbering-repeated", message: "table group IV. repeats the previous group, expected V.")]),
        ("field-bullets.txt", [Diagnostic(line: 71, code: "numbering-repeated", message: "letter d) repeats the previous one, expected đ)")]),
        ("prose-bullets.txt", []),
        ("report.txt", []),
        ("columns-reordered.txt", [Diagnostic(line: 84, code: "numbering-skipped", message: "table row 4 follows 2, expected 3")]),
    ])
    func warnings(file: String, expected: [Diagnostic]) throws {
        #expect(try Fixtures.sample(file).warnings.filter { !$0.code.hasPrefix("time-") } == expected)
    }

    @Test func tableAppendix() throws {
        let d = try Fixtures.sample("table-appendix.txt")
        #expect(d.header.number == "05/KH-STP")
        #expect(d.header.date == DocumentDate(day: 10, month: 1, year: 2025))
        #expect(d.header.signer == Signer(title: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", name: "Lê Thị Thu Hà"))
        let rows = d.tasks.filter { $0.origin == .table }
        #expect(rows.map(\.line) == [124, 125, 126, 127, 130, 131, 132, 136, 137, 140, 142, 144, 145, 146, 149, 150, 151, 152])
        let i4 = rows[3]
        #expect(i4.products == ["Kế hoạch kiểm tra", "Quyết định thành lập Đoàn kiểm tra, biên bản, báo cáo kết quả kiểm tra"])
        #expect(i4.time.map(\.text) == ["Tháng 03/2025", "Quý 3, 4/2025"])
        #expect(i4.lead.map(\.name) == ["Phòng Phổ biến, giáo dục pháp luật"])
        #expect(i4.support.map(\.name) == ["Văn phòng Sở", "Thanh tra Sở"])
        let ii3 = rows[6]
        #expect(ii3.title.hasSuffix("tuyên truyền viên pháp luật ở cơ sở và hòa giải viên"))
        #expect(ii3.time.map(\.text) == ["6 tháng đầu năm 2025"])
        let iii2 = rows[8]
        #expect(iii2.support.map(\.name) == ["Các sở, ban, ngành", "Tỉnh Đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "UBND các huyện, thị xã, thành phố"])
        #expect(rows[0].lead.map(\.name) == ["Phòng Phổ biến, giáo dục pháp luật"] || rows[0].lead.map(\.name) == ["Văn phòng Sở", "Thanh tra Sở"])
        #expect(rows[14].support.map(\.name) == ["Sở Thông tin và Truyền thông", "Phòng Phổ biến, giáo dục pháp luật"])
        #expect(rows[14].id == "PL.IV.1~2")
    }

    @Test func fieldBullets() throws {
        let d = try Fixtures.sample("field-bullets.txt")
        #expect(d.header.title == "Chuyển đổi số ngành Y tế tỉnh Bình Định năm 2025")
        #expect(d.header.planYear == 2025)
        let fields = d.tasks.filter { $0.origin == .fields }
        #expect(fields.map(\.line) == [37, 47, 54, 61, 71, 80, 90, 97, 105, 121, 129, 138, 152, 159, 171, 178, 187])
        #expect(d.tasks.first { $0.origin == .prose }?.line == 136)
        let t3a = fields[8]
        #expect(t3a.products == [
            "Kế hoạch triển khai bệnh án điện tử của từng bệnh viện được Sở Y tế phê duyệt",
            "Quyết định công nhận bệnh viện đủ điều kiện triển khai bệnh án điện tử (thay thế bệnh án giấy)",
            "Báo cáo kết quả triển khai bệnh án điện tử gửi Bộ Y tế, UBND tỉnh",
        ])
        #expect(fields[9].support.map(\.name) == ["Bảo hiểm xã hội tỉnh", "Công an tỉnh", "các cơ sở khám bệnh, chữa bệnh"])
        #expect(fields[9].time.map(\.kind) == [.continuous])
        #expect(fields[7].products.isEmpty)
        #expect(fields[5].lead.map(\.name) == ["Phòng Kế hoạch - Tài chính", "Bệnh viện Đa khoa tỉnh"])
        #expect(fields[0].time.map(\.text) == ["Quý I năm 2025 ban hành Kế hoạch", "định kỳ báo cáo kết quả thực hiện"])
        #expect(fields[11].title.contains(" thu viện phí "))
        #expect(fields[16].number == nil)
    }

    @Test func proseBullets() throws {
        let d = try Fixtures.sample("prose-bullets.txt")
        #expect(d.tasks.map(\.line) == [33, 35, 37, 39, 41, 43, 55, 57, 59, 75, 77, 79, 81, 95, 97, 99, 111, 113, 115, 129, 133, 135, 137, 139])
        #expect(d.targets.map(\.line) == [49, 51, 65, 67, 69, 71, 89, 91, 105, 107, 121, 123, 125])
        let grouped = d.tasks.filter { $0.section.last == "Phát triển các ứng dụng, dịch vụ số" }
        #expect(grouped.map(\.line) == [133, 135, 137])
        #expect(d.tasks[12].endLine == 83)
        #expect(d.tasks[12].title.hasSuffix(" đến giao dịch."))
        #expect(d.header.signer == Signer(title: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", name: "Nguyễn Văn Phương"))
    }

    @Test func report() throws {
        let d = try Fixtures.sample("report.txt")
        #expect(d.header.kind == "BÁO CÁO")
        #expect(d.header.addressee == "Sở Nội vụ tỉnh Thanh Hóa")
        #expect(d.tasks.isEmpty)
        let refs = d.header.references
        #expect(refs.map(\.number) == ["1420/SNV-CCHC", "45/QĐ-UBND", "38/KH-SYT", "123/SYT-VP", "52/KH-SYT", "1045/QĐ-UBND"])
        #expect(refs[1] == Citation(kind: "Quyết định", number: "45/QĐ-UBND", date: CalendarDate(year: 2024, month: 1, day: 12), issuer: "UBND tỉnh", lines: [17]))
        #expect(refs[0].kind == "Công văn")
    }

    @Test func columnsReordered() throws {
        let d = try Fixtures.sample("columns-reordered.txt")
        let table = try #require(d.tables.first)
        #expect(table.columns.map(\.role) == [.number, .title, .lead, .support, .time, .product, .notes])
        #expect(d.tasks.map(\.id) == [
            "PL.A.I.1", "PL.A.I.2", "PL.A.I.3", "PL.A.II.1", "PL.A.II.2", "PL.A.II.4",
            "PL.B.I.1", "PL.B.I.2", "PL.B.I.3", "PL.B.I.4", "PL.B.I.5", "PL.B.II.1", "PL.B.II.2", "PL.B.II.3",
        ])
        let three = try #require(d.task("PL.B.I.2"))
        #expect(three.title == "Xây dựng, cập nhật cơ sở dữ liệu ngành giáo dục và đào tạo, bảo đảm kết nối, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư và các cơ sở dữ liệu chuyên ngành khác theo yêu cầu của Đề án 06")
        #expect(three.line == 88 && three.endLine == 92)
        #expect(three.lead.map(\.name) == ["Phòng Kế hoạch - Tài chính"])
        #expect(three.support.map(\.name) == ["Các phòng thuộc Sở", "Phòng GDĐT các huyện, thị xã, thành phố"])
        #expect(three.products.count == 3)
        #expect(three.notes == ["Phối hợp Công an tỉnh"])
        #expect(three.section.count == 3)
        let a2 = try #require(d.task("PL.A.I.2"))
        #expect(a2.time.map(\.text) == ["Quý II/2025", "Quý IV/2025"])
        #expect(a2.products == ["Kế hoạch kiểm tra", "Thông báo kết luận kiểm tra"])
        #expect(a2.support.map(\.name) == ["Thanh tra Sở", "Phòng Tổ chức cán bộ"])
    }
}
