import Foundation
import Testing
@testable import PlanParser

/// The HTML report and diff in a real browser: headless Chromium loads the page, runs its
/// script, and the test reads the DOM back (task rows, filters from the address, sorting);
/// screenshots are kept in the test artifacts (`report.png`, `report-phone.png`, `diff.png`).
@Suite(.enabled(if: ExternalTool.runs(ExternalTool.chromium != nil), "chromium not found: browser checks of the HTML report skipped"))
struct HTMLBrowserTests {
    static func chromium(_ arguments: [String], dir: URL) throws -> ExternalTool.Run {
        let chromium = try #require(ExternalTool.chromium, "chromium is required (PLANPARSER_REQUIRE_READERS=1) but not found")
        return try ExternalTool.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--hide-scrollbars", "--user-data-dir=" + dir.appendingPathComponent("chromium-profile").path,
        ] + arguments, timeout: 120)
    }

    /// The DOM after the page's script ran.
    static func dom(_ file: URL, hash: String = "", dir: URL) throws -> String {
        let url = file.absoluteString + (hash.isEmpty ? "" : "#" + hash)
        let r = try chromium(["--virtual-time-budget=5000", "--dump-dom", url], dir: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    /// The task rows of a dumped DOM, in order: id and whether hidden.
    static func rows(_ dom: String) -> [(id: String, hidden: Bool, due: String)] {
        var out: [(String, Bool, String)] = []
        var rest = Substring(dom)
        while let r = rest.range(of: "<tr id=\"d") {
            rest = rest[r.upperBound...]
            guard let end = rest.firstIndex(of: ">") else { break }
            let tag = rest[..<end]
            func attribute(_ name: String) -> String? {
                guard let a = tag.range(of: " " + name + "=\"") else { return nil }
                let v = tag[a.upperBound...]
                return String(v[..<(v.firstIndex(of: "\"") ?? v.endIndex)])
            }
            guard let id = attribute("data-task") else { continue }
            out.append((id, tag.contains(" hidden"), attribute("data-due") ?? ""))
        }
        return out
    }

    static func report(_ files: [String], dir: URL) throws -> (URL, [PlanDocument]) {
        let docs = try files.map(GoldenTests.parse)  // paths as given: samples/…
        let url = dir.appendingPathComponent("report.html")
        try Data(PlanDocument.export(docs, as: format("html", .documents))).write(to: url)
        return (url, docs)
    }

    @Test func everyTaskIsARowAndTheScriptRuns() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (url, docs) = try Self.report(["table-appendix.txt", "field-bullets.txt"], dir: dir)
        let dom = try Self.dom(url, dir: dir)
        #expect(dom.contains("data-ready=\"1\""), "the script did not run")
        let rows = Self.rows(dom)
        #expect(rows.map(\.id) == docs.flatMap { $0.tasks.map(\.id) })
        #expect(rows.allSatisfy { !$0.hidden })
        #expect(dom.contains("<output>35 of 35 tasks</output>") || dom.contains(">35 of 35 tasks</output>"))
        #expect(dom.contains("Phổ biến, giáo dục pháp luật năm 2025 của Sở Tư pháp tỉnh Quảng Nam"))
    }

    @Test func unitFilterFromTheAddress() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (url, docs) = try Self.report(["table-appendix.txt"], dir: dir)
        let key = "văn phòng sở"
        let dom = try Self.dom(url, hash: "unit=" + key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, dir: dir)
        let wanted = Set(docs[0].tasks.filter { t in (t.lead + t.support).contains { $0.key == key } }.map(\.id))
        #expect(!wanted.isEmpty && wanted.count < docs[0].tasks.count)
        let shown = Set(Self.rows(dom).filter { !$0.hidden }.map(\.id))
        #expect(shown == wanted)
        #expect(dom.contains(">\(wanted.count) of \(docs[0].tasks.count) tasks</output>"))

        let leadOnly = try Self.dom(url, hash: "unit=" + key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "&role=lead", dir: dir)
        let leads = Set(docs[0].tasks.filter { t in t.lead.contains { $0.key == key } }.map(\.id))
        #expect(Set(Self.rows(leadOnly).filter { !$0.hidden }.map(\.id)) == leads)
    }

    @Test func textSearchIgnoresAccentsAndSectionAndOriginFilter() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (url, docs) = try Self.report(["table-appendix.txt"], dir: dir)
        let dom = try Self.dom(url, hash: "q=tuyen%20truyen", dir: dir)
        let shown = Self.rows(dom).filter { !$0.hidden }.map(\.id)
        let tasks = Dictionary(uniqueKeysWithValues: docs[0].tasks.map { ($0.id, $0) })
        #expect(!shown.isEmpty)
        for id in shown {
            let t = tasks[id]!
            let text = ([t.title] + t.section + t.products + t.notes + (t.lead + t.support).map(\.name)).joined(separator: " ").lowercased()
            #expect(text.contains("tuyên") && text.contains("truyền"), "\(id)")
        }
        #expect(shown.count < docs[0].tasks.count)

        let tables = try Self.dom(url, hash: "origin=table", dir: dir)
        #expect(Set(Self.rows(tables).filter { !$0.hidden }.map(\.id)) == Set(docs[0].tasks.filter { $0.origin == .table }.map(\.id)))
    }

    @Test func sortsByDeadline() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (url, docs) = try Self.report(["table-appendix.txt"], dir: dir)
        let rows = Self.rows(try Self.dom(url, hash: "sort=due", dir: dir))
        #expect(rows.count == docs[0].tasks.count)
        let dated = rows.map(\.due).filter { !$0.isEmpty }
        #expect(dated == dated.sorted())
        #expect(rows.drop { !$0.due.isEmpty }.allSatisfy { $0.due.isEmpty }, "undated tasks come last")
        #expect(rows.first?.due == docs[0].tasks.compactMap(\.latestEnd).min()?.iso)
    }

    /// Screenshots for people: the report's top, the report on a phone, the diff.
    @Test func screenshots() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (url, _) = try Self.report(["field-bullets.txt", "table-appendix.txt"], dir: dir)
        let diff = PlanDiff.compare(try GoldenTests.parse("diff/plan-2024.txt"), try GoldenTests.parse("diff/plan-2025.txt"))
        let diffURL = dir.appendingPathComponent("diff.html")
        try Data(diff.export(as: format("html", .diff))).write(to: diffURL)
        let shots = [
            ("report.png", "1280,1700", url.absoluteString),
            ("report-phone.png", "390,1400", url.absoluteString),
            ("diff.png", "1280,1700", diffURL.absoluteString),
        ]
        for (file, name) in [(url, "report.html"), (diffURL, "diff.html")] {
            let copy = ExternalTool.artifacts.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: file, to: copy)
        }
        for (name, size, address) in shots {
            let png = ExternalTool.artifacts.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: png)
            let r = try Self.chromium(["--window-size=" + size, "--virtual-time-budget=5000", "--screenshot=" + png.path, address], dir: dir)
            #expect(r.status == 0, "\(r.stderr)")
            let bytes = try Data(contentsOf: png)
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is not a PNG")
        }
    }

    @Test func diffPageFiltersByKind() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let diff = PlanDiff.compare(try Fixtures.sample("diff/plan-2024.txt"), try Fixtures.sample("diff/plan-2025.txt"))
        let url = dir.appendingPathComponent("diff.html")
        try Data(diff.export(as: format("html", .diff))).write(to: url)
        let all = try Self.dom(url, dir: dir)
        #expect(all.contains(">11 of 11 changes</output>"))
        let some = try Self.dom(url, hash: "kinds=added,removed", dir: dir)
        #expect(some.contains(">5 of 11 changes</output>"))
        #expect(some.contains("<section class=\"group\" id=\"moved\" hidden=\"\">"))
    }
}
