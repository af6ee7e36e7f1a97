import Testing
@testable import PlanParser

/// An item whose lead is written in a sentence of its own — under it (`Giao X chủ trì, phối
/// hợp với Y thực hiện, hoàn thành trước ngày …`) or after a colon (`…: X chủ trì; thời gian: …`).
@Suite struct ItemLeadSentenceTests {
    static func document(_ items: String) -> String {
        "KẾ HOẠCH\nTổ chức các hoạt động văn hóa năm 2026\nII. NỘI DUNG HOẠT ĐỘNG\n" + items
    }

    struct Case: Sendable, CustomStringConvertible {
        var sentence: String
        var lead: [String]
        var support: [String]
        var time: [String]
        var description: String { sentence }
    }

    @Test(arguments: [
        Case(sentence: "Giao Thư viện tỉnh chủ trì, phối hợp với Bảo tàng tỉnh thực hiện, hoàn thành trước ngày 15/4/2026.",
             lead: ["Thư viện tỉnh"], support: ["Bảo tàng tỉnh"], time: ["trước ngày 15/4/2026"]),
        Case(sentence: "Giao Phòng Quản lý văn hóa chủ trì thực hiện.", lead: ["Phòng Quản lý văn hóa"], support: [], time: []),
        Case(sentence: "Sở Du lịch chủ trì, phối hợp với Sở Tài chính triển khai thực hiện; hoàn thành trong Quý II/2026.",
             lead: ["Sở Du lịch"], support: ["Sở Tài chính"], time: ["hoàn thành trong Quý II/2026"]),
    ])
    func sentenceUnderItem(_ c: Case) throws {
        let d = try Fixtures.parse(Self.document("3. Biên tập, phát hành tập sách ảnh về Quảng Trị\n" + c.sentence))
        // One task, the item's: the sentence says who does it, it is no task of its own.
        #expect(d.tasks.map(\.id) == ["II.3"])
        let t = try #require(d.tasks.first)
        #expect(t.title == "Biên tập, phát hành tập sách ảnh về Quảng Trị")
        #expect(t.lead.map(\.name) == c.lead)
        #expect(t.support.map(\.name) == c.support)
        #expect(t.time.map(\.text) == c.time)
        #expect(t.notes.isEmpty)
    }

    /// A sentence with a duty of its own is a task of its own, under the item.
    @Test func dutyOfItsOwn() throws {
        let d = try Fixtures.parse(Self.document(
            "3. Biên tập, phát hành tập sách ảnh\nGiao Sở Du lịch chủ trì xây dựng đề án quảng bá, hoàn thành trước ngày 15/4/2026."))
        #expect(d.tasks.map(\.title) == ["Xây dựng đề án quảng bá, hoàn thành trước ngày 15/4/2026"])
        #expect(d.tasks.first?.lead.map(\.name) == ["Sở Du lịch"])
    }

    @Test func leadAfterColon() throws {
        let d = try Fixtures.parse(Self.document(
            "4. Tuyên truyền trên các phương tiện thông tin đại chúng: Phòng Quản lý văn hóa chủ trì; thời gian: tháng 3 - tháng 5/2026.\n"))
        let t = try #require(d.tasks.first)
        #expect(t.id == "II.4")
        #expect(t.title == "Tuyên truyền trên các phương tiện thông tin đại chúng")
        #expect(t.lead.map(\.name) == ["Phòng Quản lý văn hóa"])
        #expect(t.time.map(\.text) == ["tháng 3 - tháng 5/2026"])
    }

    /// A colon before text that names no lead leaves the title whole.
    @Test func colonWithoutLead() throws {
        let d = try Fixtures.parse(Self.document("4. Tổ chức triển lãm chuyên đề: Quảng Trị xưa và nay; thời gian: tháng 4/2026.\n"))
        #expect(d.tasks.map(\.title) == ["Tổ chức triển lãm chuyên đề: Quảng Trị xưa và nay"])
        #expect(d.tasks.first?.lead.isEmpty == true)
    }

    @Test(arguments: [
        ("1. Quán triệt các văn bản về công tác dân vận (Phòng Nội vụ chủ trì; hoàn thành trong tháng 3/2026).",
         "Quán triệt các văn bản về công tác dân vận", ["Phòng Nội vụ"], [String](), ["hoàn thành trong tháng 3/2026"]),
        ("1. Rà soát quy chế (Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở)",
         "Rà soát quy chế", ["Văn phòng Sở"], ["Thanh tra Sở"], []),
        // A field label inside the parentheses.
        ("1. Kiểm tra việc thực hiện quy chế văn hóa công sở (Phòng Nội vụ chủ trì; thời gian thực hiện: tháng 10/2027).",
         "Kiểm tra việc thực hiện quy chế văn hóa công sở", ["Phòng Nội vụ"], [], ["tháng 10/2027"]),
        // Who leads in the last clause, after a semicolon.
        ("1. Rà soát, đơn giản hóa thủ tục hành chính nội bộ; Phòng Nội vụ chủ trì, hoàn thành trong Quý II/2027.",
         "Rà soát, đơn giản hóa thủ tục hành chính nội bộ", ["Phòng Nội vụ"], [], ["trong Quý II/2027"]),
        ("1. Cập nhật cơ sở dữ liệu cán bộ; Phòng Nội vụ chủ trì, phối hợp với Văn phòng HĐND và UBND huyện.",
         "Cập nhật cơ sở dữ liệu cán bộ", ["Phòng Nội vụ"], ["Văn phòng HĐND và UBND huyện"], []),
    ])
    func leadInParentheses(_ item: String, _ title: String, _ lead: [String], _ support: [String], _ time: [String]) throws {
        let d = try Fixtures.parse(Self.document(item))
        let t = try #require(d.tasks.first)
        #expect(d.tasks.count == 1)
        #expect(t.title == title)
        #expect(t.lead.map(\.name) == lead)
        #expect(t.support.map(\.name) == support)
        #expect(t.time.map(\.text) == time)
    }

    /// Parentheses that say something else stay in the title.
    @Test func otherParentheses() throws {
        let d = try Fixtures.parse(Self.document("1. Tổ chức hội nghị tổng kết (dự kiến 150 đại biểu).\n"))
        #expect(d.tasks.map(\.title) == ["Tổ chức hội nghị tổng kết (dự kiến 150 đại biểu)."])
    }

    /// `Trách nhiệm: X` and `Đơn vị chịu trách nhiệm: X` name the lead.
    @Test(arguments: ["Trách nhiệm: Văn phòng HĐND và UBND huyện.\nThời hạn: Quý II/2026.",
                      "Đơn vị chịu trách nhiệm: Văn phòng HĐND và UBND huyện.\nThời hạn: Quý II/2026.",
                      "- Trách nhiệm thực hiện: Văn phòng HĐND và UBND huyện.\n- Thời hạn: Quý II/2026."])
    func responsibilityLabel(_ lines: String) throws {
        let d = try Fixtures.parse(Self.document("2. Tổ chức Hội nghị đối thoại với Nhân dân.\n\(lines)\n"))
        let t = try #require(d.tasks.first)
        #expect(t.lead.map(\.name) == ["Văn phòng HĐND và UBND huyện"])
        #expect(t.time.map(\.text) == ["Quý II/2026"])
    }

    @Test(arguments: [
        ("thực hiện", true), ("Thực hiện, hoàn thành trước ngày 15/4/2026", true), ("triển khai thực hiện; hoàn thành trong Quý II/2026", true),
        ("", true), ("xây dựng đề án", false), ("thực hiện, báo cáo UBND tỉnh", false),
        ("hoàn thành trong Quý II/2027", true), ("hoàn thành báo cáo", false),
    ])
    func namesOnlyTheLead(_ duty: String, _ expected: Bool) {
        #expect(TaskExtractor.namesOnlyTheLead(duty) == expected)
    }

    /// A last clause with a duty of its own (`; Phòng Nội vụ chủ trì tổng hợp …`) is no lead clause.
    @Test func semicolonClauseWithDuty() throws {
        let d = try Fixtures.parse(Self.document("1. Rà soát thủ tục nội bộ; Phòng Nội vụ chủ trì tổng hợp kết quả, báo cáo UBND huyện.\n"))
        #expect(d.tasks.first?.title != "Rà soát thủ tục nội bộ")
    }
}
