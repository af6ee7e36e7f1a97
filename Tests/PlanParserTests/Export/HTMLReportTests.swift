import Foundation
import Testing
@testable import PlanParser

@Suite struct HTMLReportTests {
    static func report(_ docs: [PlanDocument]) -> String {
        String(decoding: PlanDocument.export(docs, as: format("html", .documents)), as: UTF8.self)
    }

    /// The markup of task `id`'s row in the report.
    static func row(_ html: String, document: Int, id: String) -> String? {
        guard let start = html.range(of: "<tr id=\"d\(document)-t-\(XMLText.escaped(id))\"") else { return nil }
        let rest = html[start.lowerBound...]
        guard let end = rest.range(of: "</tr>") else { return nil }
        return String(rest[..<end.upperBound])
    }

    /// Nothing of the task record is lost: every field of every task of every sample is in its
    /// row (texts escaped; dates as ISO in attributes; keys in `data-key`).
    @Test(arguments: GoldenTests.inputs)
    func everyTaskFieldIsInItsRow(_ input: String) throws {
        let d = try GoldenTests.parse(input)
        let html = Self.report([d])
        for t in d.tasks {
            guard let row = Self.row(html, document: 1, id: t.id) else {
                Issue.record("\(input): no row for \(t.id)")
                continue
            }
            func has(_ text: String, _ field: String) {
                // An empty field (a letter's task outside any section) has nothing to show.
                guard !text.isEmpty else { return }
                #expect(row.contains(XMLText.escaped(text)), "\(input) \(t.id) \(field): \(text)")
            }
            has(t.id, "id")
            #expect(row.contains("data-origin=\"\(t.origin.rawValue)\""), "\(t.id) origin")
            #expect(row.contains(">\(t.line)" + (t.endLine == t.line ? "</td>" : "–\(t.endLine)</td>")), "\(t.id) lines")
            has(t.section.joined(separator: " › "), "section")
            if let n = t.number { #expect(row.contains("<span class=\"num\">" + XMLText.escaped(n) + "</span>"), "\(t.id) number") }
            has(t.title, "title")
            for u in t.lead + t.support {
                #expect(row.contains("<li data-key=\"\(XMLText.escaped(u.key))\">\(XMLText.escaped(u.name))</li>"), "\(t.id) unit \(u.name)")
            }
            for p in t.products { has(p, "product") }
            for m in t.time {
                has(m.text, "time")
                #expect(row.contains("data-kind=\"\(m.kind.rawValue)\""), "\(t.id) kind")
                if let s = m.start { #expect(row.contains("data-start=\"\(s.iso)\""), "\(t.id) start") }
                if let e = m.end { #expect(row.contains("data-end=\"\(e.iso)\""), "\(t.id) end") }
                if let every = m.every { has("every " + every.rawValue, "every") }
                if let a = m.action { has(a, "action") }
            }
            for n in t.notes { has(n, "note") }
            for r in t.references { has(r.flatText, "reference") }
            if let due = t.latestEnd { #expect(row.contains("data-due=\"\(due.iso)\""), "\(t.id) deadline") }
        }
    }

    @Test func selfContained() throws {
        let html = Self.report([try Fixtures.sample("table-appendix.txt")])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">"))
        for external in ["http://", "https://", "<link", "src=", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
        #expect(html.hasSuffix("</body>\n</html>\n"))
    }

    @Test func documentTextCannotOpenATag() throws {
        var d = try Fixtures.parse("II. NHIỆM VỤ\n\na) Ban hành <script>alert(1)</script> & \"x\"\n")
        d.header.title = "<b>title</b>"
        let html = Self.report([d])
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("Ban hành &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        #expect(html.contains("<h1>&lt;b&gt;title&lt;/b&gt;</h1>"))
    }

    @Test func timelineAxisAndBars() throws {
        let d = try Fixtures.sample("table-appendix.txt")
        let axis = try #require(HTMLTimeline(d))
        #expect(axis.columns.count == 12 && axis.groups.map(\.label) == ["Q1", "Q2", "Q3", "Q4"])
        let march = try #require(d.tasks.first { $0.time.first?.text == "Tháng 03/2025" })
        let bar = try #require(axis.bar(march))
        let span = try #require(bar.span)
        #expect(abs(span.lowerBound - 59.0 / 365 * 100) < 0.01)
        #expect(abs(span.upperBound - 100) < 0.01, "the task also runs in Quý 3, 4/2025")
        #expect(bar.marks.count == 2)
        let always = try #require(d.tasks.first { $0.time.count == 1 && $0.time[0].kind == .continuous })
        #expect(axis.bar(always)?.style == "continuous")
        #expect(axis.bar(always)?.span == 0...100)
    }

    @Test(arguments: [
        (TimeMilestone.Period.quarter, ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]),
        (.halfYear, ["2025-06-30", "2025-12-31"]), (.month, (1...12).map { CalendarDate.lastDay(month: $0, year: 2025)!.iso }),
        (.unspecified, []),
    ])
    func periodicMarks(every: TimeMilestone.Period, ends: [String]) {
        let m = TimeMilestone(text: "", kind: .periodic, start: CalendarDate(year: 2025, month: 1, day: 1),
                              end: CalendarDate(year: 2025, month: 12, day: 31), every: every)
        #expect(HTMLTimeline.periodEnds(m).map(\.iso) == ends)
    }

    @Test func diffPageShowsWordHighlights() throws {
        let diff = PlanDiff.compare(try Fixtures.sample("diff/plan-2024.txt"), try Fixtures.sample("diff/plan-2025.txt"))
        let html = String(decoding: diff.export(as: format("html", .diff)), as: UTF8.self)
        #expect(html.contains("<h2>Added (3)</h2>") && html.contains("<h2>Removed (2)</h2>"))
        #expect(html.contains("<h2>Moved (1)</h2>") && html.contains("<h2>Modified (5)</h2>"))
        #expect(html.contains("Số hóa hồ sơ <del>kết quả</del> giải quyết thủ tục hành chính"))
        #expect(html.contains("<del>Tháng 01/2024</del> → <ins>Tháng 03/2025</ins>") || html.contains("<del>01/2024</del>"))
        #expect(html.contains("split from PL.IV.3"))
        #expect(html.contains("<h2>Unchanged (12)</h2>"))
    }
}
