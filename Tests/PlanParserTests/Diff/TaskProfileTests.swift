import Testing
@testable import PlanParser

/// Section paths, product and time lists as the diff compares them.
@Suite struct TaskProfileTests {
    static let markers: [(String, String, Int)] = [
        ("III. CẢI CÁCH TỔ CHỨC BỘ MÁY", "CẢI CÁCH TỔ CHỨC BỘ MÁY", #line),
        ("2. Cải cách tổ chức bộ máy", "Cải cách tổ chức bộ máy", #line),
        ("2.1. Nhiệm vụ trọng tâm", "Nhiệm vụ trọng tâm", #line),
        ("b) Nhiệm vụ", "Nhiệm vụ", #line),
        ("đ) Nhiệm vụ", "Nhiệm vụ", #line),
        ("- Nhóm nhiệm vụ:", "Nhóm nhiệm vụ:", #line),
        ("PHẦN I. NỘI DUNG KẾ HOẠCH", "NỘI DUNG KẾ HOẠCH", #line),
        ("A. CÁC NHIỆM VỤ THƯỜNG XUYÊN", "CÁC NHIỆM VỤ THƯỜNG XUYÊN", #line),
        ("VI. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", #line),
        ("Công tác chỉ đạo, điều hành", "Công tác chỉ đạo, điều hành", #line),
        ("Xây dựng chính quyền số", "Xây dựng chính quyền số", #line),
        ("Các nhiệm vụ khác", "Các nhiệm vụ khác", #line),
        ("PHỤ LỤC", "PHỤ LỤC", #line),
        ("A chỉ là chữ", "A chỉ là chữ", #line),
    ]

    @Test(arguments: markers)
    func withoutMarker(_ heading: String, _ expected: String, _ line: Int) {
        #expect(SectionHeading(text: heading).title == expected, "line \(line)")
    }

    private func section(_ path: [String], year: Int = 2025, _ table: WordTable) -> SectionKey {
        SectionKey(path.map(SectionHeading.init(text:)), tokenizer: DiffTokenizer(words: table, baseYear: year))
    }

    @Test func sameSection() {
        let t = WordTable()
        let appendixGroup = section(["PHỤ LỤC", "III. CẢI CÁCH TỔ CHỨC BỘ MÁY"], t)
        let bodyGroup = section(["II. NHIỆM VỤ CỤ THỂ", "2. Cải cách tổ chức bộ máy"], t)
        let bodySubgroup = section(["II. NHIỆM VỤ CỤ THỂ", "2. Cải cách tổ chức bộ máy", "2.1. Nhiệm vụ trọng tâm"], t)
        let other = section(["II. NHIỆM VỤ CỤ THỂ", "3. Cải cách thủ tục hành chính"], t)
        let appendixOnly = section(["PHỤ LỤC"], t)
        #expect(SectionKey.same(appendixGroup, bodyGroup), "renumbered III → 2, case differs")
        #expect(SectionKey.same(appendixGroup, bodySubgroup), "a sub-heading of the same group")
        #expect(!SectionKey.same(appendixGroup, other))
        #expect(appendixOnly.isEmpty)
        #expect(SectionKey.same(appendixOnly, other), "an empty path says nothing")
        let underPart = section(["PHẦN I. NỘI DUNG KẾ HOẠCH", "II. NHIỆM VỤ, GIẢI PHÁP", "3. Cải cách tổ chức bộ máy"], t)
        #expect(SectionKey.same(bodyGroup, underPart), "one more container above")
        let routine = section(["PHỤ LỤC", "A. CÁC NHIỆM VỤ THƯỜNG XUYÊN", "II. Cải cách tổ chức bộ máy"], t)
        let focus = section(["PHỤ LỤC", "B. CÁC NHIỆM VỤ TRỌNG TÂM", "II. Cải cách tổ chức bộ máy"], t)
        #expect(!SectionKey.same(routine, focus))
        #expect(SectionKey.same(routine, bodyGroup))
        #expect(!SectionKey.bonus(appendixOnly, other))
        #expect(SectionKey.bonus(appendixGroup, bodyGroup))
    }

    @Test func sectionYearShift() {
        let t = WordTable()
        let a = section(["PHỤ LỤC", "I. NHIỆM VỤ TRỌNG TÂM NĂM 2024"], year: 2024, t)
        let b = section(["PHỤ LỤC", "I. NHIỆM VỤ TRỌNG TÂM NĂM 2025"], year: 2025, t)
        #expect(SectionKey.same(a, b))
    }

    private func products(_ items: [String], year: Int, _ table: WordTable) -> ListKey {
        let tokenizer = DiffTokenizer(words: table, baseYear: year)
        return ListKey(items.map { tokenizer.tokens($0) })
    }

    @Test func productLists() {
        let t = WordTable()
        #expect(ListKey.same(products(["Báo cáo rà soát", "phương án đơn giản hóa"], year: 2024, t),
                             products(["Báo cáo rà soát; phương án đơn giản hóa."], year: 2025, t)),
                "split differently, trailing period")
        #expect(ListKey.same(products(["Tin, bài", "Báo cáo"], year: 2024, t),
                             products(["Báo cáo", "Tin, bài"], year: 2025, t)), "order")
        #expect(ListKey.same(products(["Báo cáo năm 2024"], year: 2024, t), products(["Báo cáo năm 2025"], year: 2025, t)))
        #expect(!ListKey.same(products(["Văn bản trả lời"], year: 2024, t),
                              products(["Văn bản trả lời", "kết quả xử lý được công khai"], year: 2025, t)))
        #expect(!ListKey.same(products(["Kế hoạch"], year: 2024, t), products([], year: 2025, t)))
    }

    private func time(_ milestones: [TimeMilestone], year: Int, _ table: WordTable) -> TimeKey {
        TimeKey(milestones, tokenizer: DiffTokenizer(words: table, baseYear: year))
    }

    private func month(_ text: String, _ y: Int, _ m: Int) -> TimeMilestone {
        TimeMilestone(text: text, kind: .month, start: .firstDay(month: m, year: y), end: .lastDay(month: m, year: y))
    }

    @Test func timeByText() {
        // Milestones the normalizer did not understand are compared by their words.
        let t = WordTable()
        func unknown(_ s: String) -> TimeMilestone { TimeMilestone(text: s, kind: .unknown) }
        #expect(TimeKey.same(time([unknown("Quý I/2024")], year: 2024, t), time([unknown("Quý I/2025.")], year: 2025, t)))
        #expect(!TimeKey.same(time([unknown("Tháng 01/2024")], year: 2024, t), time([unknown("Tháng 03/2025")], year: 2025, t)))
        #expect(TimeKey.same(time([unknown("Tháng 7/2024")], year: 2024, t), time([unknown("Tháng 07/2025")], year: 2025, t)))
        #expect(TimeKey.same(time([unknown("Theo chỉ đạo của UBND tỉnh")], year: 2024, t),
                             time([unknown("Theo chỉ đạo của UBND tỉnh.")], year: 2025, t)))
    }

    @Test func timeByDates() {
        let t = WordTable()
        #expect(TimeKey.same(time([month("Tháng 01/2024", 2024, 1)], year: 2024, t),
                             time([month("Tháng 1 năm 2025", 2025, 1)], year: 2025, t)), "same month, other words")
        #expect(!TimeKey.same(time([month("Tháng 01/2024", 2024, 1)], year: 2024, t),
                              time([month("Tháng 03/2025", 2025, 3)], year: 2025, t)), "January → March")
        #expect(TimeKey.same(time([month("Tháng 12/2025", 2025, 12)], year: 2024, t),
                             time([month("Tháng 12/2025", 2025, 12)], year: 2025, t)), "a fixed date")
        let quarterly = TimeMilestone(text: "Hằng quý", kind: .periodic, start: .firstDay(month: 1, year: 2024),
                                      end: .lastDay(month: 12, year: 2024), every: .quarter)
        var quarterly25 = quarterly
        quarterly25.start = .firstDay(month: 1, year: 2025)
        quarterly25.end = .lastDay(month: 12, year: 2025)
        var monthly25 = quarterly25
        monthly25.text = "Hằng tháng"
        monthly25.every = .month
        #expect(TimeKey.same(time([quarterly], year: 2024, t), time([quarterly25], year: 2025, t)))
        #expect(!TimeKey.same(time([quarterly], year: 2024, t), time([monthly25], year: 2025, t)))
    }
}
