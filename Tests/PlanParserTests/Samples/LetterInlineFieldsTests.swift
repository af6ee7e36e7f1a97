import Testing
@testable import PlanParser

/// A letter whose items are assignments, one of them with a field written inline
/// (`…; thời gian thực hiện: định kỳ hằng tháng`): every item is a task, not only that one.
@Suite struct LetterInlineFieldsTests {
    @Test func everyItem() throws {
        let d = try Fixtures.sample("assignments/letter-inline-field-item.txt")
        #expect(d.header.kind == "CÔNG VĂN")
        #expect(d.tasks.map(\.id) == ["1", "2", "3", "4"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Sở Y tế"], ["Sở Giáo dục và Đào tạo"], ["UBND các huyện, thành phố"], ["Sở Tài chính"]])
        #expect(d.task("1")?.support.map(\.name) == ["UBND các huyện, thành phố"])
        #expect(d.task("1")?.time.first?.end?.iso == "2027-06-30")
        #expect(d.task("2")?.time.first?.end?.iso == "2027-06-30")
        #expect(d.task("3")?.time.map(\.text) == ["định kỳ hằng tháng"])
        #expect(d.task("4")?.title == "Cân đối, bố trí kinh phí cho công tác phòng, chống dịch theo đề xuất của Sở Y tế")
        #expect(d.warnings.isEmpty)
        #expect(d.leftovers.isEmpty)
    }
}
