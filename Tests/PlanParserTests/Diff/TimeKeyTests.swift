import Testing
@testable import PlanParser

/// Time milestones compared by their calendar meaning after the plan-year shift, one row per
/// case; the texts go through the time normalizer as in a plan.
@Suite struct TimeKeyTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var old: String
        var oldYear: Int
        var new: String
        var newYear: Int
        var same: Bool
        var line: Int
        var testDescription: String { "line \(line): \(old) (\(oldYear)) → \(new) (\(newYear))" }
    }

    static let rows: [Row] = [
        // The end of February is the end of February, leap year or not.
        Row(old: "Tháng 01-02/2024", oldYear: 2024, new: "Tháng 01 - 02 năm 2025", newYear: 2025, same: true, line: #line),
        Row(old: "Tháng 02/2024", oldYear: 2024, new: "Tháng 02 năm 2025", newYear: 2025, same: true, line: #line),
        Row(old: "Tháng 02/2027", oldYear: 2027, new: "Tháng 02/2028", newYear: 2028, same: true, line: #line),
        Row(old: "6 tháng đầu năm 2024", oldYear: 2024, new: "6 tháng đầu năm 2025", newYear: 2025, same: true, line: #line),
        Row(old: "Trước ngày 29/02/2024", oldYear: 2024, new: "Trước ngày 28/02/2025", newYear: 2025, same: true, line: #line),
        Row(old: "Trước ngày 28/02/2024", oldYear: 2024, new: "Trước ngày 28/02/2025", newYear: 2025, same: true, line: #line),
        Row(old: "Trước ngày 28/02/2024", oldYear: 2024, new: "Trước ngày 27/02/2025", newYear: 2025, same: false, line: #line),
        Row(old: "Chậm nhất ngày 15/01/2024", oldYear: 2024, new: "Chậm nhất ngày 15/01/2025", newYear: 2025, same: true, line: #line),
        Row(old: "Chậm nhất ngày 15/01/2024", oldYear: 2024, new: "Chậm nhất ngày 16/01/2025", newYear: 2025, same: false, line: #line),
        // A span by its months, whatever its kind.
        Row(old: "Quý I/2024", oldYear: 2024, new: "Tháng 01 - 03/2025", newYear: 2025, same: true, line: #line),
        Row(old: "Quý I/2024", oldYear: 2024, new: "Quý I/2025", newYear: 2025, same: true, line: #line),
        Row(old: "Quý I/2024", oldYear: 2024, new: "Quý II/2025", newYear: 2025, same: false, line: #line),
        Row(old: "Tháng 02/2024", oldYear: 2024, new: "Tháng 03/2025", newYear: 2025, same: false, line: #line),
        Row(old: "Tháng 01-02/2024", oldYear: 2024, new: "Tháng 01 - 03 năm 2025", newYear: 2025, same: false, line: #line),
        // Years: relative to the plan year, or as written.
        Row(old: "Quý I/2024", oldYear: 2024, new: "Quý I/2026", newYear: 2025, same: false, line: #line),
        Row(old: "Tháng 12/2025", oldYear: 2024, new: "Tháng 12/2025", newYear: 2025, same: true, line: #line),
        Row(old: "Năm 2026 - 2030", oldYear: 2024, new: "Năm 2026 - 2030", newYear: 2025, same: true, line: #line),
        Row(old: "Năm 2026 - 2030", oldYear: 2024, new: "Năm 2027 - 2031", newYear: 2025, same: false, line: #line),
        // Rhythms and ongoing work span the plan year.
        Row(old: "Thường xuyên", oldYear: 2024, new: "Thường xuyên", newYear: 2025, same: true, line: #line),
        Row(old: "Hằng quý", oldYear: 2024, new: "Hằng quý", newYear: 2025, same: true, line: #line),
        Row(old: "Hằng quý", oldYear: 2024, new: "Hằng tháng", newYear: 2025, same: false, line: #line),
        Row(old: "Theo chỉ đạo của UBND tỉnh", oldYear: 2024, new: "Theo chỉ đạo của UBND tỉnh.", newYear: 2025, same: true, line: #line),
    ]

    @Test(arguments: rows)
    func calendarMeaning(_ row: Row) {
        let table = WordTable()
        func key(_ text: String, _ year: Int) -> TimeKey {
            let milestones = TimeNormalizer(planYear: year, planPeriod: nil).milestones(in: text).milestones
            return TimeKey(milestones, tokenizer: DiffTokenizer(words: table, baseYear: year))
        }
        #expect(TimeKey.same(key(row.old, row.oldYear), key(row.new, row.newYear)) == row.same)
    }

    @Test func lastDayOfTheMonth() {
        let table = WordTable()
        let tokenizer = DiffTokenizer(words: table, baseYear: 2024)
        let feb29 = TimeKey.Day(CalendarDate(year: 2024, month: 2, day: 29)!, tokenizer: tokenizer, fullDate: true)
        let feb28 = TimeKey.Day(CalendarDate(year: 2024, month: 2, day: 28)!, tokenizer: tokenizer, fullDate: true)
        #expect(feb29.isLast && !feb28.isLast)
        #expect(feb29.relative == 0)
        let past = TimeKey.Day(CalendarDate(year: 2023, month: 12, day: 31)!, tokenizer: tokenizer, fullDate: true)
        #expect(past.relative == nil, "a day that has passed does not move")
    }
}
