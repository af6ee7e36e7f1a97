import Testing
@testable import PlanParser

/// Task records of the real documents. Counts were made by hand from the seeds:
/// 000 — 36 numbered appendix rows + 33 lettered items under III (7 sections); 30 targets
/// (lettered items under II. MỤC TIÊU; its opening paragraph is not an item); 001 — 57 bullets (II.1: 7, 2.b: 4, 3.b: 9,
/// 4.b: 4, 5.b: 7, 6.b: 6, 7.b: 15 incl. 12 `+` under 3 groups, 8: 5), 26 targets; 002 — 19
/// numbered rows + 5 bullets under II; 003 — 42 items with fields + 1 lettered item without
/// (5.d); 004 — a report: none. One of 000's lettered items states its lead in its sentence
/// (III.1.b `Các phòng chuyên môn, đơn vị trực thuộc tổ chức triển khai …`): an assignment.
@Suite(.enabled(if: Fixtures.seedsAvailable, Fixtures.skipMessage))
struct SeedTaskTests {
    @Test(arguments: [
        ("000", 36, 0, 32, 1, 30),
        ("001", 0, 0, 57, 0, 26),
        ("002", 19, 0, 5, 0, 0),
        ("003", 0, 42, 1, 0, 0),
        ("004", 0, 0, 0, 0, 0),
    ])
    func countsByOrigin(seed: String, table: Int, fields: Int, prose: Int, assignment: Int, targets: Int) throws {
        let d = try Fixtures.seed(seed)
        #expect(d.tasks.filter { $0.origin == .table }.count == table)
        #expect(d.tasks.filter { $0.origin == .fields }.count == fields)
        #expect(d.tasks.filter { $0.origin == .prose }.count == prose)
        #expect(d.tasks.filter { $0.origin == .assignment }.count == assignment)
        #expect(d.targets.count == targets)
        #expect(Set(d.tasks.map(\.id)).count == d.tasks.count, "ids are unique")
    }

    /// Prose tasks without a stated lead take one from `TỔ CHỨC THỰC HIỆN` when the match is
    /// clear: 001 names an area per unit (`3. Sở Tư pháp` › `… công tác cải cách thể chế`) and
    /// heads its task sections with those areas; 000 names one duty phrase (Thanh tra Sở:
    /// `Tiếp nhận, xử lý phản ánh, kiến nghị`); 002 and 003 name units without areas.
    @Test(arguments: [("000", 1, 31), ("001", 53, 4), ("002", 0, 5), ("003", 0, 1), ("004", 0, 0)])
    func inferredLeads(seed: String, inferred: Int, without: Int) throws {
        let d = try Fixtures.seed(seed)
        let prose = d.tasks.filter { $0.origin == .prose }
        #expect(prose.filter { $0.leadSource?.kind == .inferred }.count == inferred)
        #expect(prose.filter { $0.lead.isEmpty }.count == without)
        #expect(!d.tasks.contains { $0.leadSource?.kind == .inferred && $0.origin != .prose })
    }

    @Test func seed001Responsibilities() throws {
        let d = try Fixtures.seed("001")
        #expect(d.task("II.2.b.1")?.lead.map(\.name) == ["Sở Tư pháp"])
        #expect(d.task("II.2.b.1")?.leadSource == LeadSource(kind: .inferred, line: 287))
        #expect(d.task("II.1.1")?.lead.map(\.name) == ["Sở Nội vụ"])
        #expect(d.task("II.3.b.1")?.lead.map(\.name) == ["Văn phòng UBND tỉnh"])
        #expect(d.task("II.6.b.1")?.lead.map(\.name) == ["Sở Tài chính"])
        #expect(d.task("II.7.b.1")?.lead.map(\.name) == ["Sở Thông tin và Truyền thông"])
        #expect(d.task("II.8.2")?.lead.map(\.name) == ["Sở Kế hoạch và Đầu tư"])
        #expect(d.task("II.8.1")?.lead.isEmpty == true)
        let noiVu = d.responsibilities.filter { $0.unit.name == "Sở Nội vụ" && $0.role == .lead }
        #expect(noiVu.contains { $0.areas.contains("Cải cách chế độ công vụ") })
        // `Phối hợp với Sở Thông tin và Truyền thông …` under `4. Văn phòng UBND tỉnh`: it supports.
        #expect(d.responsibilities.contains { $0.unit.name == "Văn phòng UBND tỉnh" && $0.role == .support && $0.line == 295 })
        // The section's duties are responsibilities, not tasks.
        #expect(!d.tasks.contains { $0.line >= 253 })
    }

    @Test func seed000AppendixRows() throws {
        let d = try Fixtures.seed("000")
        let i2 = try #require(d.task("PL.I.2"))
        #expect(i2.section == ["PHỤ LỤC", "I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"])
        #expect(i2.number == "2")
        #expect(i2.title == "Tham mưu xây dựng và triển khai kế hoạch Kiểm tra CCHC tại các phòng, đơn vị thuộc Sở")
        #expect(i2.products == ["Kế hoạch kiểm tra CCHC", "Quyết định, thông báo, biên bản, báo cáo, kết luận..."])
        #expect(i2.time.map(\.text) == ["Tháng 01/2024", "Quý 3, 4/2024"])
        #expect(i2.lead.map(\.name) == ["Văn phòng Sở"])
        #expect(i2.support.map(\.name) == ["Các phòng đơn vị thuộc Sở"])
        #expect(i2.line == 233 && i2.endLine == 234)

        let ii1 = try #require(d.task("PL.II.1"))
        #expect(ii1.title == "Đổi mới, nâng cao chất lượng công tác xây dựng, tham mưu ban hành văn bản QPPL, văn bản chỉ đạo điều hành trong lĩnh vực quản lý nhà nước được giao.")
        #expect(ii1.time.map(\.text) == ["Thường xuyên/theo hướng dẫn của cơ quan chuyên môn"])
        #expect(ii1.products == ["Nghị quyết, Quyết định, Kế hoạch, chương trình, đề án"])
        #expect(ii1.endLine == 242)

        let i3 = try #require(d.task("PL.I.3"))
        #expect(i3.lead.map(\.name) == ["Văn phòng Sở", "Trung tâm Thông tin, thống kê và ứng dụng KHCN"])
        #expect(i3.products == ["Kế hoạch tuyên truyền CCHC", "Tin, bài viết, báo cáo"])

        let ii3 = try #require(d.task("PL.II.3"))
        #expect(ii3.lead.map(\.name) == ["Văn phòng Sở", "Thanh tra Sở"])

        let iii8 = try #require(d.task("PL.III.8"))
        #expect(iii8.title == "Đẩy mạnh việc công khai, minh bạch địa chỉ tiếp nhận phản ánh, kiến nghị của tổ chức, cá nhân; xử lý phản ánh, kiến nghị của tổ chức, cá nhân trong thực hiện TTHC lĩnh vực KH&CN (nếu có)")
        #expect(iii8.products == ["Niên yết tại cơ quan, công khai trên Trang thông tin điện tử"])

        let iii5 = try #require(d.task("PL.III.5"))
        #expect(iii5.time.isEmpty)

        let vi2 = try #require(d.task("PL.V.2~2"))
        #expect(vi2.section == ["PHỤ LỤC", "V. CẢI CÁCH TÀI CHÍNH CÔNG"])
        #expect(vi2.title == "Triển khai thực hiện Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ quy định cơ chế tự chủ của đơn vị sự nghiệp công lập")
        #expect(vi2.references.map(\.number) == ["60/2021/NĐ-CP"])

        let vii3 = try #require(d.task("PL.VII.3"))
        #expect(vii3.support.map(\.name) == ["Phòng Quản lý Chuyên ngành", "Các phòng đơn vị thuộc Sở"])

        let iv3 = try #require(d.task("PL.IV.3"))
        #expect(iv3.lead.map(\.name) == ["Trung tâm Thông tin, thống kê, ứng dụng KH&CN", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng"])
    }

    @Test func seed000ProseTasksAndTargets() throws {
        let d = try Fixtures.seed("000")
        let a = try #require(d.task("III.1.a"))
        #expect(a.origin == .prose)
        #expect(a.section == ["III. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN", "1. Công tác chỉ đạo điều hành"])
        #expect(a.number == "a")
        #expect(a.references.map(\.number) == ["22/2020/QĐ-UBND", "05/CT-CTUBND"])
        let d5 = try #require(d.task("III.5.d"))
        #expect(d5.title.hasSuffix("người đứng đầu cơ quan, tổ chức, từng cán bộ, công chức, viên chức để nâng cao chất lượng công tác của đội ngũ công chức, viên chức trong việc thực hiện chức trách nhiệm vụ được giao."))
        #expect(d.targets.first == Target(
            id: "II.1.a", line: 37, endLine: 37, section: ["II. MỤC TIÊU", "1. Cải cách thể chế"],
            text: "100% các văn bản quy phạm pháp luật trong lĩnh vực quản lý nhà nước về khoa học và công nghệ (QPPL) do Sở tham mưu tỉnh ủy, HĐND tỉnh, UBND tỉnh ban hành đảm bảo đúng trình tự, thủ tục, phù hợp với quy định của pháp luật và tình hình thực tiễn của địa phương."))
        #expect(d.targets.map(\.id).last == "II.6.đ")
        // Nothing from MỤC ĐÍCH, YÊU CẦU or TỔ CHỨC THỰC HIỆN is a task.
        #expect(!d.tasks.contains { $0.id.hasPrefix("I.") || $0.id.hasPrefix("IV.") })
    }

    @Test func seed001ProseGroups() throws {
        let d = try Fixtures.seed("001")
        let first = try #require(d.task("II.1.1"))
        #expect(first.section == ["II. CÁC CHỈ TIÊU, NHIỆM VỤ CHỦ YẾU", "1. Công tác chỉ đạo, điều hành"])
        #expect(first.title.hasPrefix("Ban hành kế hoạch CCHC của tỉnh"))
        let grouped = d.tasks.filter { $0.section.last == "Phát triển các hệ thống nền tảng và dữ liệu số" }
        #expect(grouped.map(\.title) == [
            "Tiếp tục triển khai hệ thống nền tảng kết nối tích hợp, chia sẻ dữ liệu dùng chung của tỉnh (LGSP), đảm bảo kết nối các hệ thống thông tin dùng chung, hệ thống thông tin chuyên ngành trọng điểm của tỉnh, đồng thời kết nối với nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)",
            "Tiếp tục triển khai các ứng dụng chuyên ngành thống nhất trên quy mô toàn tỉnh",
            "Khai thác có hiệu quả cơ sở dữ liệu quốc gia về Dân cư trên địa bàn tỉnh.",
        ])
        #expect(grouped.first?.section == ["II. CÁC CHỈ TIÊU, NHIỆM VỤ CHỦ YẾU", "7. Xây dựng và phát triển chính quyền điện tử, chính quyền số", "b) Nhiệm vụ", "Phát triển các hệ thống nền tảng và dữ liệu số"])
        #expect(d.tasks.filter { $0.section.last == "Phát triển các ứng dụng, dịch vụ" }.count == 6)
        #expect(d.tasks.filter { $0.section.last == "Đào tạo và phát triển nguồn nhân lực" }.count == 3)
        let legal = try #require(d.task("II.7.b.1"))
        #expect(legal.title == "Hoàn thiện môi trường pháp lý: Tiếp tục hoàn thiện các văn bản chỉ đạo, quản lý về ứng dụng công nghệ thông tin, chính quyền số và bảo đảm an toàn thông tin mạng đáp ứng yêu cầu phát triển bền vững và hội nhập quốc tế.")
        // Page break inside a bullet (lines 139–141).
        let vtvl = try #require(d.task("II.5.b.1"))
        #expect(vtvl.title.contains("đề án vị trí việc làm của các cơ quan hành chính và đơn vị sự nghiệp trực thuộc đã được phê duyệt"))
        #expect(vtvl.endLine == 141)
        #expect(d.targets.first?.section == ["II. CÁC CHỈ TIÊU, NHIỆM VỤ CHỦ YẾU", "2. Cải cách thể chế", "a) Chỉ tiêu"])
        #expect(d.targets.first?.text == "100% văn bản quy phạm pháp luật do Trung ương ban hành trong năm được triển khai kịp thời.")
    }

    @Test func seed002TableRows() throws {
        let d = try Fixtures.seed("002")
        let i1 = try #require(d.task("PL.I.1"))
        #expect(i1.section == ["PHỤ LỤC HOẠT ĐỘNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024 CỦA SỞ KH&CN", "I. Công tác chỉ đạo, triển khai thực hiện nhiệm vụ kiểm soát TTHC, cải cách TTHC, cơ chế một cửa, một cửa liên thông"])
        #expect(i1.lead.map(\.name) == ["Phòng Thanh tra – Hành chính tổng hợp"])
        #expect(i1.support.map(\.name) == ["Phòng Quản lý KH&CN", "Chi cục Tiêu chuẩn, Đo lường, Chất lượng"])
        #expect(i1.time.map(\.text) == ["Quý I/2024"])
        let iii3 = try #require(d.task("PL.III.3"))
        #expect(iii3.support.map(\.name) == ["Phòng Quản lý KH&CN", "Chi cục Tiêu chuẩn, Đo lường, Chất lượng"])
        #expect(iii3.title.hasSuffix("quy định chi tiết hoặc quy định chi tiết trong VBQPPL của các cấp chính quyền trên địa bàn tỉnh)"))
        #expect(iii3.endLine == 95)
        let ii1 = try #require(d.task("PL.II.1"))
        #expect(ii1.number == "1")
        #expect(ii1.products.count == 5)
        #expect(ii1.products[3] == "Tỷ lệ thanh toán trực tuyến trên Cổng dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công tối thiểu là 95%")
        let vi3 = try #require(d.task("PL.VI.3"))
        #expect(vi3.lead.map(\.name) == ["Phòng Quản lý KH&CN", "Chi cục Tiêu chuẩn, Đo lường, Chất lượng"])
        let vi4 = try #require(d.task("PL.VI.4"))
        #expect(vi4.title == "Công khai thông tin về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính trên Hệ thống phản ánh kiến nghị")
        let prose = try #require(d.task("II.1"))
        #expect(prose.origin == .prose)
        #expect(prose.section == ["II. NỘI DUNG THỰC HIỆN"])
        #expect(prose.number == nil)
    }

    @Test func seed003FieldTasks() throws {
        let d = try Fixtures.seed("003")
        let a = try #require(d.task("II.1.a"))
        #expect(a.title == "Xây dựng, tham mưu ban hành và tổ chức thực hiện Kế hoạch tuyên truyền cải cách hành chính, tuyên truyền chuyên đổi số của Sở năm 2025")
        #expect(a.lead.map(\.name) == ["Phòng Hành chính – Tổng hợp"])
        #expect(a.support.map(\.name) == ["Các phòng, đơn vị thuộc Sở"])
        #expect(a.products == ["Kế hoạch của Giám đốc Sở", "báo cáo kết quả thực hiện"])
        #expect(a.time.map(\.text) == ["Quý I năm 2025 ban hành Kế hoạch", "định kỳ báo cáo kết quả thực hiện"])
        let c = try #require(d.task("II.1.c"))
        #expect(c.lead.map(\.name) == ["Phòng Hành chính - Tổng hợp", "Tổ kiểm tra cải cách hành chính của Sở"])
        let b3 = try #require(d.task("II.3.b"))
        #expect(b3.products == [
            "Kế hoạch của Sở Khoa học và Công nghệ về triển khai thực hiện nhiệm vụ rà soát, đánh giá TTHC được Chủ tịch UBND tỉnh giao; báo cáo kết quả thực hiện rà soát, đánh giá TTHC trình UBND tỉnh (qua Văn phòng UBND tỉnh)",
            "Phối hợp với Văn phòng UBND tỉnh tham mưu, trình Chủ tịch UBND tỉnh Quyết định phê duyệt phương án đơn giản hóa TTHC, sáng kiến cải cách TTHC đối với từng lĩnh vực được rà soát của Chủ tịch UBND tỉnh (nếu có)",
            "Báo cáo kết quả rà soát, đánh giá TTHC",
        ])
        #expect(b3.support.map(\.name) == ["Phòng Hành chính - Tổng hợp", "các phòng, đơn vị liên quan"])
        let m = try #require(d.task("II.3.m"))
        #expect(m.title == "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về cơ chế, chính sách, TTHC trên Cổng Dịch vụ công Quốc gia và các hình thức khác, tạo điều kiện tháo gỡ khó khăn, vướng mắc cho người dân, doanh nghiệp; tránh để trường hợp phản ánh, kiến nghị kéo dài, vượt cấp.")
        #expect(m.lead.map(\.name) == ["Phòng Hành chính - Tổng hợp"])
        // Two c) under 5: both kept, the second with a suffix, and a warning.
        #expect(try #require(d.task("II.5.c")).title.hasPrefix("Xây dựng, tham mưu ban hành và triển khai thực hiện kế hoạch đào tạo"))
        #expect(try #require(d.task("II.5.c~2")).title.hasPrefix("Tổ chức thanh tra, kiểm tra công vụ"))
        let d5 = try #require(d.task("II.5.d"))
        #expect(d5.origin == .prose)
        let b5 = try #require(d.task("II.5.b"))
        #expect(b5.lead.map(\.name) == ["Phòng Hành chính - Tổng hợp", "Trung tâm Ứng dụng và Dịch vụ khoa học công nghệ"])
        let b8 = try #require(d.task("II.8.b"))
        #expect(b8.time.map(\.text) == ["Theo kế hoạch được phê duyệt"])
        let c8 = try #require(d.task("II.8.c"))
        #expect(c8.products.isEmpty)
        #expect(c8.notes == ["Áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 vào hoạt động của Sở:"])
        let nine = try #require(d.task("II.9"))
        #expect(nine.number == nil)
        #expect(nine.title == "Xây dựng và triển khai kế hoạch cải thiện chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2025.")
        #expect(nine.section == ["II. NHIỆM VỤ CỤ THỂ VÀ TRÁCH NHIỆM CỦA CÁC PHÒNG, ĐƠN VỊ", "9. Nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"])
        #expect(nine.line == 428)
        #expect(nine.products == ["Kế hoạch của Sở Khoa học và Công nghệ"])
        let e2 = try #require(d.task("II.2.e"))
        #expect(e2.lead.map(\.name) == ["Các phòng chuyên môn, nghiệp vụ thuộc Sở"])
        #expect(e2.time.map(\.text) == ["Thường xuyên trong năm 2025"])
    }
}
