import Testing
@testable import PlanParser

/// A decision and the plan (or rules) it adopts in one file: the attached document after the
/// decision's signature is body, not leftovers.
@Suite struct AttachedDocumentTests {
    @Test func planAfterTheDecision() throws {
        let d = try Fixtures.sample("assignments/decision-attached-plan.txt")
        #expect(d.header.kind == "QUYẾT ĐỊNH")
        #expect(d.header.number == "2314/QĐ-UBND")
        #expect(d.header.signer == Signer(title: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", name: "Trần Văn Minh"))
        #expect(d.header.planYear == 2027)
        #expect(d.sections.map(\.marker) == ["Điều 1.", "Điều 2.", "Điều 3.", "I.", "II.", "III.", "PHỤ LỤC"])
        #expect(d.tasks.map(\.id) == ["II.1.s1", "II.2.a", "II.2.b", "PL.I.1", "PL.I.2", "PL.II.3"])
        let first = try #require(d.task("II.1.s1"))
        #expect(first.title.hasPrefix("Rà soát, tham mưu ban hành Quy chế quản lý"))
        #expect(first.lead.map(\.name) == ["Sở Khoa học và Công nghệ"])
        #expect(first.support.map(\.name) == ["Sở Tư pháp"])
        #expect(first.time.first?.end?.iso == "2027-06-30")
        #expect(d.task("II.2.a")?.time.first?.end?.iso == "2027-09-30")
        #expect(d.task("II.2.b")?.lead.map(\.name) == ["UBND các huyện, thành phố"])
        // The attached plan's title block is text before its first heading.
        #expect(d.preamble.suffix(2).map(\.line) == [39, 40])
        #expect(d.preamble.last?.text.hasPrefix("Thực hiện chuyển đổi số trong cơ quan nhà nước tỉnh Hòa Bình Long năm 2027") == true)
        #expect(d.leftovers.isEmpty)
        // `… xác định rõ nhiệm vụ, thời gian hoàn thành và sản phẩm cụ thể.` names columns but is a sentence.
        #expect(d.warnings.isEmpty)
    }

    /// `QUY CHẾ` with chapters (`Chương I`) over articles numbered afresh.
    @Test func rulesWithChapters() throws {
        let d = try Fixtures.sample("assignments/decision-attached-rules.txt")
        #expect(d.sections.map(\.marker) == ["Điều 1.", "Điều 2.", "Điều 3.", "Chương I", "Chương II"])
        #expect(d.sections[3].kind == .part)
        #expect(d.sections[3].title == "QUY ĐỊNH CHUNG")
        #expect(d.sections[4].children.map(\.marker) == ["Điều 3.", "Điều 4."])
        #expect(d.tasks.map(\.id) == ["P2.D3.1", "P2.D3.2", "P2.D4.s1"])
        #expect(d.task("P2.D3.1")?.lead.map(\.name) == ["Sở Công Thương"])
        #expect(d.task("P2.D4.s1")?.lead.map(\.name) == ["UBND các huyện, thành phố"])
        // The rules' `Điều 1.` after the decision's `Điều 3.` is no numbering slip.
        #expect(d.warnings.isEmpty)
        #expect(d.leftovers.isEmpty)
    }

    /// No distribution list, so no closing found: the kind alone on its line with its `(Ban
    /// hành kèm theo …)` still starts the plan's own outline (not items of `Điều 2.`).
    @Test func withoutAClosing() throws {
        let d = try Fixtures.parse("""
            QUYẾT ĐỊNH

            Ban hành Kế hoạch phòng, chống dịch bệnh năm 2027

            Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh năm 2027.

            Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

            KẾ HOẠCH

            Phòng, chống dịch bệnh năm 2027

            (Kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2027)

            I. NHIỆM VỤ

            1. Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng phương án phòng, chống dịch, hoàn thành trước ngày 31/3/2027.

            """)
        #expect(d.sections.map(\.marker) == ["Điều 1.", "Điều 2.", "I."])
        #expect(d.sections[1].children.isEmpty)
        let t = try #require(d.tasks.first)
        #expect(t.id.hasPrefix("I.1"))
        #expect(t.lead.map(\.name) == ["Sở Y tế"])
        #expect(t.time.first?.end?.iso == "2027-03-31")
        #expect(d.leftovers.isEmpty)
    }

    /// A kind line without the line saying what it is issued with stays what it was.
    @Test func kindLineAloneIsNoAttachment() throws {
        let text = """
            KẾ HOẠCH

            Tuyên truyền năm 2027

            I. NỘI DUNG

            1. Sở Văn hóa chủ trì tổ chức hội thi, hoàn thành trong Quý II/2027.

            Nơi nhận:
            - Lưu: VT.

            GIÁM ĐỐC

            Nguyễn Văn An

            BÁO CÁO

            Tình hình thực hiện tháng 3
            """
        let d = try Fixtures.parse(text)
        #expect(d.leftovers.map(\.text) == ["BÁO CÁO", "Tình hình thực hiện tháng 3"])
    }

    @Test(arguments: [
        ("(Ban hành kèm theo Quyết định số 2314/QĐ-UBND ngày 14/3/2027)", true),
        ("(Kèm theo Quyết định số 12/QĐ-UBND)", true),
        ("(KÈM THEO QUYẾT ĐỊNH SỐ 12/QĐ-UBND)", true),
        ("Ban hành theo Quyết định số 5/QĐ-UBND", true),
        ("(Kèm", false),
        ("Theo đề nghị của Giám đốc Sở Nội vụ", false),
        ("Căn cứ Quyết định số 12/QĐ-UBND", false),
    ])
    func issuedWith(line: String, expected: Bool) {
        #expect(AttachedDocument.isIssuedWith(Array(line.utf8)[...]) == expected)
    }
}
