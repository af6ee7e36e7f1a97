import Foundation
import Testing
@testable import PlanParser

@Suite struct ICSTests {
    static func calendar(_ text: String) throws -> String {
        String(decoding: PlanDocument.export([try Fixtures.parse(text)], as: format("ics", .documents)), as: UTF8.self)
    }

    static let plan = """
        KẾ HOẠCH
        Cải cách hành chính năm 2025

        II. NHIỆM VỤ

        a) Ban hành kế hoạch; hướng dẫn, kiểm tra việc thực hiện tại các cơ quan, đơn vị, địa phương trên địa bàn tỉnh
        - Đơn vị chủ trì: Văn phòng Sở
        - Đơn vị phối hợp: Thanh tra Sở, Phòng Tổ chức cán bộ
        - Thời gian thực hiện: Tháng 02/2025; Thường xuyên; Khi có hướng dẫn; Quý IV/2025

        """

    @Test func oneEventPerDatedMilestone() throws {
        let ics = try Self.calendar(Self.plan)
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2, "month and quarter; not continuous or conditional")
        #expect(ics.contains("DTSTART;VALUE=DATE:20250228\r\nDTEND;VALUE=DATE:20250301\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20251231\r\nDTEND;VALUE=DATE:20260101\r\n"))
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//PlanParser//extract//EN\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func linesAreFoldedAt75OctetsBetweenCharacters() throws {
        let ics = try Self.calendar(Self.plan)
        let lines = Array(ics.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        for l in lines {
            #expect(l.last == 0x0D)
            #expect(l.count - 1 <= 75, "\(String(decoding: l, as: UTF8.self))")
            #expect(String(validating: l.dropLast(), as: UTF8.self) != nil, "a fold split a character")
        }
        // Unfolded, the summary is the whole title, commas escaped.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Ban hành kế hoạch\\; hướng dẫn\\, kiểm tra việc thực hiện tại các cơ quan\\, đơn vị\\, địa phương trên địa bàn tỉnh\r\n"))
        #expect(unfolded.contains("DESCRIPTION:Lead: Văn phòng Sở\\nSupport: Thanh tra Sở\\; Phòng Tổ chức cán bộ\\nTime: Tháng 02/2025 (month\\, 2025-02-01 to 2025-02-28)\\nTask: II.a\\, inline line 6\r\n"))
        #expect(unfolded.contains("CATEGORIES:Văn phòng Sở\r\n"))
    }

    @Test func sameInputSameFileAndStableUIDs() throws {
        let a = try Self.calendar(Self.plan)
        #expect(a == (try Self.calendar(Self.plan)))
        #expect(ICSExporter.uid("x") == "af63f54c86021707@planparser")
        let uids = a.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count)
    }

    @Test(arguments: [("a\\b", "a\\\\b"), ("a;b,c", "a\\;b\\,c"), ("a\nb", "a\\nb"), ("a\r\nb", "a\\nb"), ("a\u{1}b", "ab")])
    func textEscaping(text: String, escaped: String) {
        #expect(ICSExporter.escaped(text) == escaped)
    }

    @Test(arguments: [((2025, 1, 31), (2025, 2, 1)), ((2024, 2, 28), (2024, 2, 29)), ((2025, 12, 31), (2026, 1, 1))])
    func nextDay(day: (Int, Int, Int), next: (Int, Int, Int)) {
        #expect(CalendarDate(year: day.0, month: day.1, day: day.2)!.nextDay == CalendarDate(year: next.0, month: next.1, day: next.2))
    }

    @Test func emptyRunIsAnEmptyCalendar() {
        let ics = String(decoding: PlanDocument.export([], as: format("ics", .documents)), as: UTF8.self)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n") && !ics.contains("VEVENT"))
    }
}
