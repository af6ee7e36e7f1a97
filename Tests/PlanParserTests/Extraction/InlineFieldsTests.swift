import Testing
@testable import PlanParser

@Suite struct InlineFieldsTests {
    @Test func afterTheTaskSentence() {
        let (head, fields) = InlineFields.split("Xây dựng kế hoạch. Cơ quan chủ trì: Văn phòng Sở; cơ quan phối hợp: Thanh tra Sở, Phòng A; thời gian hoàn thành: Tháng 01-02/2025.")
        #expect(head == "Xây dựng kế hoạch.")
        #expect(fields == [
            InlineFields.Item(role: .lead, label: "Cơ quan chủ trì", value: "Văn phòng Sở"),
            InlineFields.Item(role: .support, label: "cơ quan phối hợp", value: "Thanh tra Sở, Phòng A"),
            InlineFields.Item(role: .time, label: "thời gian hoàn thành", value: "Tháng 01-02/2025"),
        ])
    }

    @Test func onALineOfTheirOwn() {
        let (head, fields) = InlineFields.split("Chủ trì: Trung tâm A. Phối hợp: Phòng B; UBND huyện. Thời gian: Hằng quý.")
        #expect(head == "")
        #expect(fields.map(\.role) == [.lead, .support, .time])
        #expect(fields.map(\.value) == ["Trung tâm A", "Phòng B; UBND huyện", "Hằng quý"])
    }

    @Test(arguments: [
        "Tuyên truyền nội dung sau: pháp luật về đất đai.",
        "Các chỉ tiêu: tỷ lệ 100%.",
        "Trong quá trình thực hiện, phối hợp với các đơn vị.",
    ])
    func noFields(text: String) {
        let (head, fields) = InlineFields.split(text)
        #expect(head == text)
        #expect(fields.isEmpty)
    }
}
