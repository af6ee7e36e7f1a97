import Testing
@testable import PlanParser

/// The year-shift rule: which years move with the plan year, and each slip of the issue
/// "Diff: year-shift slips" with its non-slip twin, on whole plans.
@Suite struct YearShiftRuleTests {
    // MARK: - The rule

    struct RuleRow: Sendable, CustomTestStringConvertible {
        enum Kind: Sendable { case plain, date, period, namedPeriod }
        var kind: Kind
        var years: [Int]
        var shifts: Bool
        var line: Int
        var testDescription: String { "line \(line): \(kind) \(years) in 2025" }
    }

    static let ruleRows: [RuleRow] = [
        RuleRow(kind: .plain, years: [2025], shifts: true, line: #line),  // the plan year
        RuleRow(kind: .plain, years: [2024], shifts: true, line: #line),  // last year
        RuleRow(kind: .plain, years: [2026], shifts: true, line: #line),  // next year
        RuleRow(kind: .plain, years: [2030], shifts: false, line: #line),  // a target year
        RuleRow(kind: .plain, years: [2011], shifts: false, line: #line),  // Luật … năm 2011
        RuleRow(kind: .date, years: [2025], shifts: true, line: #line),  // a deadline this year
        RuleRow(kind: .date, years: [2026], shifts: true, line: #line),
        RuleRow(kind: .date, years: [2024], shifts: false, line: #line),  // a day that has passed
        RuleRow(kind: .period, years: [2025, 2027], shifts: true, line: #line),  // 03 năm 2025 - 2027
        RuleRow(kind: .period, years: [2024, 2025], shifts: true, line: #line),  // năm học 2024 - 2025
        RuleRow(kind: .period, years: [2021, 2025], shifts: false, line: #line),
        RuleRow(kind: .period, years: [2026, 2030], shifts: false, line: #line),
        RuleRow(kind: .namedPeriod, years: [2025, 2030], shifts: false, line: #line),  // giai đoạn 2025 - 2030
    ]

    @Test(arguments: ruleRows)
    func rule(_ row: RuleRow) {
        let rule = YearShiftRule(planYear: 2025)
        let shifts: Bool
        switch row.kind {
        case .plain: shifts = rule.plainYearShifts(row.years[0])
        case .date: shifts = rule.dateShifts(year: row.years[0])
        case .period: shifts = rule.periodShifts(start: row.years[0], end: row.years[1], named: false)
        case .namedPeriod: shifts = rule.periodShifts(start: row.years[0], end: row.years[1], named: true)
        }
        #expect(shifts == row.shifts)
    }

    // MARK: - Slips and their twins, on plans

    /// One task in a plan for `oldYear` and its counterpart in a plan for `newYear`, which
    /// differ only in `field` (`old` → `new`); `changed` says whether the diff must report it.
    struct Row: Sendable, CustomTestStringConvertible {
        var field: TaskChange.Field
        var old: String
        var new: String
        var oldYear: Int
        var newYear: Int
        var changed: Bool
        var line: Int
        var testDescription: String { "line \(line): \(field) \(old) → \(new)" }
    }

    static func slip(_ field: TaskChange.Field, _ old: String, _ new: String, _ years: (Int, Int), line: Int = #line) -> Row {
        Row(field: field, old: old, new: new, oldYear: years.0, newYear: years.1, changed: false, line: line)
    }

    static func change(_ field: TaskChange.Field, _ old: String, _ new: String, _ years: (Int, Int), line: Int = #line) -> Row {
        Row(field: field, old: old, new: new, oldYear: years.0, newYear: years.1, changed: true, line: line)
    }

    static let rows: [Row] = [
        // Products: a fixed year (a standard) beside the plan year; also in separate products.
        slip(.products, "Báo cáo theo TCVN ISO 9001:2015 năm 2025", "Báo cáo theo TCVN ISO 9001:2015 năm 2026", (2025, 2026)),
        slip(.products, "Báo cáo kết quả năm 2025", "Báo cáo kết quả năm 2026", (2025, 2026)),
        slip(.products, "Sổ tay chất lượng theo TCVN ISO 9001:2015; Báo cáo kết quả năm 2025",
             "Sổ tay chất lượng theo TCVN ISO 9001:2015; Báo cáo kết quả năm 2026", (2025, 2026)),
        slip(.products, "Báo cáo theo TCVN 5000:2020; Kế hoạch năm 2025", "Báo cáo theo TCVN 5000:2020; Kế hoạch năm 2026", (2025, 2026)),
        slip(.products, "Báo cáo theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 năm 2025",
             "Báo cáo theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 năm 2026", (2025, 2026)),
        slip(.products, "Báo cáo kết quả năm 2025", "Báo cáo kết quả năm 2025", (2025, 2026)),  // the same text
        change(.products, "Báo cáo theo TCVN ISO 9001:2015 năm 2025", "Báo cáo theo TCVN ISO 9001:2016 năm 2026", (2025, 2026)),
        change(.products, "Báo cáo theo TCVN ISO 9001:2015 năm 2025", "Báo cáo theo TCVN ISO 9001:2015 năm 2027", (2025, 2026)),
        change(.products, "Sổ tay chất lượng theo TCVN ISO 9001:2008; Báo cáo kết quả năm 2025",
               "Sổ tay chất lượng theo TCVN ISO 9001:2015; Báo cáo kết quả năm 2026", (2025, 2026)),
        change(.products, "Báo cáo kết quả năm 2025", "Báo cáo tổng kết năm 2026", (2025, 2026)),

        // Titles: the same mix compared the same way; citations, periods and dates.
        slip(.title, "Duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 năm 2025",
             "Duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 năm 2026", (2025, 2026)),
        change(.title, "Duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 năm 2025",
               "Duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2016 năm 2026", (2025, 2026)),
        slip(.title, "Triển khai Nghị định số 59/2024/NĐ-CP ngày 15/5/2024 của Chính phủ năm 2025",
             "Triển khai Nghị định số 59/2024/NĐ-CP ngày 15/5/2024 của Chính phủ năm 2026", (2025, 2026)),
        change(.title, "Triển khai Nghị định số 59/2024/NĐ-CP ngày 15/5/2024 của Chính phủ năm 2025",
               "Triển khai Nghị định số 59/2025/NĐ-CP ngày 15/5/2025 của Chính phủ năm 2026", (2025, 2026)),
        slip(.title, "Thực hiện Đề án chuyển đổi số giai đoạn 2021 - 2025", "Thực hiện Đề án chuyển đổi số giai đoạn 2021 - 2025", (2024, 2025)),
        change(.title, "Thực hiện Đề án chuyển đổi số giai đoạn 2021 - 2025", "Thực hiện Đề án chuyển đổi số giai đoạn 2022 - 2026", (2024, 2025)),
        slip(.title, "Xây dựng kế hoạch tài chính 03 năm 2025 - 2027", "Xây dựng kế hoạch tài chính 03 năm 2026 - 2028", (2025, 2026)),
        slip(.title, "Tổng kết năm học 2024 - 2025", "Tổng kết năm học 2025 - 2026", (2025, 2026)),
        slip(.title, "Thực hiện Kết luận của Hội nghị ngày 20/12/2024", "Thực hiện Kết luận của Hội nghị ngày 20/12/2024", (2025, 2026)),
        change(.title, "Thực hiện Kết luận của Hội nghị ngày 20/12/2024", "Thực hiện Kết luận của Hội nghị ngày 20/12/2025", (2025, 2026)),
        slip(.title, "Hoàn thành số hóa hồ sơ trước ngày 30/6/2025", "Hoàn thành số hóa hồ sơ trước ngày 30/6/2026", (2025, 2026)),
        slip(.title, "Tổng kết công tác năm 2024", "Tổng kết công tác năm 2025", (2025, 2026)),
        slip(.title, "Thực hiện Chiến lược định hướng đến năm 2030", "Thực hiện Chiến lược định hướng đến năm 2030", (2025, 2026)),
        change(.title, "Thực hiện Chiến lược định hướng đến năm 2030", "Thực hiện Chiến lược định hướng đến năm 2031", (2025, 2026)),

        // Times: a time that moved with the plan year, whatever the days per month.
        slip(.time, "Tháng 01-02/2024", "Tháng 01 - 02 năm 2025", (2024, 2025)),
        slip(.time, "Tháng 02/2024", "Tháng 02 năm 2025", (2024, 2025)),
        slip(.time, "Tháng 01-02/2027", "Tháng 01-02/2028", (2027, 2028)),
        slip(.time, "Trước ngày 29/02/2024", "Trước ngày 28/02/2025", (2024, 2025)),
        slip(.time, "Trước ngày 28/02/2024", "Trước ngày 28/02/2025", (2024, 2025)),
        slip(.time, "Quý I/2024", "Tháng 01 - 03/2025", (2024, 2025)),
        slip(.time, "Tháng 02/2024", "Tháng 02/2024", (2024, 2025)),  // the same text
        change(.time, "Tháng 02/2024", "Tháng 03/2025", (2024, 2025)),
        change(.time, "Tháng 01-02/2024", "Tháng 01 - 03 năm 2025", (2024, 2025)),
        change(.time, "Trước ngày 29/02/2024", "Trước ngày 27/02/2025", (2024, 2025)),
        change(.time, "Quý I/2024", "Quý I/2026", (2024, 2025)),

        // Units: a name holding the plan year.
        slip(.lead, "Ban Chỉ đạo Đại hội Thể dục thể thao tỉnh năm 2025", "Ban Chỉ đạo Đại hội Thể dục thể thao tỉnh năm 2026", (2025, 2026)),
        change(.lead, "Ban Chỉ đạo Đại hội Thể dục thể thao tỉnh năm 2025", "Ban Chỉ đạo Đại hội Thể dục thể thao tỉnh năm 2027", (2025, 2026)),
        change(.lead, "Ban Chỉ đạo Đại hội Thể dục thể thao tỉnh năm 2025", "Ban Tổ chức Đại hội Thể dục thể thao tỉnh năm 2026", (2025, 2026)),
        slip(.support, "Ban Tổ chức Hội thi 2025; Sở Nội vụ", "Ban Tổ chức Hội thi 2026; Sở Nội vụ", (2025, 2026)),
        change(.support, "Ban Tổ chức Hội thi 2025; Sở Nội vụ", "Ban Tổ chức Hội thi 2026; Sở Tư pháp", (2025, 2026)),
    ]

    /// A plan for `year` with one task; `field` holds `value`, the other fields stay put.
    static func plan(_ year: Int, _ field: TaskChange.Field, _ value: String) throws -> PlanDocument {
        func pick(_ f: TaskChange.Field, _ fallback: String) -> String { f == field ? value : fallback }
        let text = """
            KẾ HOẠCH

            Công tác năm \(year)

            II. NHIỆM VỤ CỤ THỂ

            1. Công tác chỉ đạo

            a) \(pick(.title, "Tổ chức thực hiện nhiệm vụ chuyên môn của Sở")):
            - Đơn vị chủ trì thực hiện: \(pick(.lead, "Văn phòng Sở")).
            - Đơn vị phối hợp: \(pick(.support, "Các phòng, đơn vị thuộc Sở")).
            - Sản phẩm: \(pick(.products, "Báo cáo")).
            - Thời gian thực hiện: \(pick(.time, "Thường xuyên")).

            """
        return try Fixtures.parse(text)
    }

    @Test(arguments: rows)
    func slipsAndTwins(_ row: Row) throws {
        let old = try Self.plan(row.oldYear, row.field, row.old)
        let new = try Self.plan(row.newYear, row.field, row.new)
        #expect(old.header.planYear == row.oldYear && new.header.planYear == row.newYear)
        let d = PlanDiff.compare(old, new)
        let c = try #require(d.changes.first)
        #expect(d.changes.count == 1 && c.old != nil && c.new != nil, "the two tasks pair")
        #expect(c.fields == (row.changed ? [row.field] : []))
    }
}
