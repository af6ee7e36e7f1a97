import Foundation
import Testing
@testable import PlanParser

/// The sample pair `samples/diff/plan-2024.txt` → `plan-2025.txt` (every intended change is
/// listed in `samples/diff/EXPECTED.md`), self-diffs, and copies in other encodings.
@Suite struct SampleDiffTests {
    static func load(_ relativePath: String) throws -> PlanDocument {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.samples.appendingPathComponent(relativePath)))
        return try PlanDocument.parse(bytes: bytes, path: "samples/" + relativePath)
    }

    static func samplePair() throws -> PlanDiff {
        PlanDiff.compare(try load("diff/plan-2024.txt"), try load("diff/plan-2025.txt"))
    }

    /// The report, with a period that ends a field value dropped (`Tháng 03/2025.`): whether
    /// the normalizers keep a field bullet's final period is not the diff's business.
    static func withoutFinalPeriods(_ report: String) -> String {
        report.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("      "), !line.hasPrefix("      title: ") else { return String(line) }
            var s = String(line).replacingOccurrences(of: ". → ", with: " → ")
            if s.hasSuffix(".") { s.removeLast() }
            return s
        }.joined(separator: "\n")
    }

    static let expectedReport = """
        --- samples/diff/plan-2024.txt (plan year 2024, 20 tasks)
        +++ samples/diff/plan-2025.txt (plan year 2025, 21 tasks)

        Added (3)
          + II.1.đ  Xây dựng Kế hoạch cải cách hành chính giai đoạn 2026 - 2030 của Sở
          + II.3.d  Số hóa kết quả giải quyết thủ tục hành chính
              split from PL.IV.3 (similarity 0.799)
          + II.4.đ  Triển khai ứng dụng tra cứu thông tin quy hoạch, kế hoạch sử dụng đất trên thiết bị di động

        Removed (2)
          - PL.I.4  Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2024
          - PL.II.2  Tổ chức Cuộc thi tìm hiểu về cải cách hành chính năm 2024

        Moved (1)
          ~ PL.II.1 → II.1.d  Tuyên truyền công tác cải cách hành chính trên Trang thông tin điện tử của Sở
              section: II. CÔNG TÁC TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH → 1. Công tác chỉ đạo, điều hành

        Modified (5)
          ~ PL.I.2 → II.1.b  Xây dựng, ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2025
              time: Tháng 01/2024 → Tháng 03/2025
          ~ PL.IV.2 → II.3.b  Rà soát, đánh giá thủ tục hành chính trong lĩnh vực đất đai, môi trường
              lead: Chi cục Quản lý đất đai → Văn phòng Đăng ký đất đai
          ~ PL.IV.3 → II.3.c  Số hóa hồ sơ giải quyết thủ tục hành chính
              title: Số hóa hồ sơ [-kết quả-] giải quyết thủ tục hành chính
              products: Hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa → Hồ sơ giải quyết thủ tục hành chính được số hóa
          ~ PL.IV.4 → II.3.đ  Tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân về quy định hành chính
              products: Văn bản trả lời → Văn bản trả lời; kết quả xử lý được công khai trên Hệ thống phản ánh, kiến nghị
          ~ PL.V.2 → II.4.b  Cập nhật cơ sở dữ liệu đất đai và kết nối, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư
              title: Cập nhật cơ sở dữ liệu đất đai {+và+} kết nối, {+chia sẻ+} với Cơ sở dữ liệu quốc gia về dân cư

        Summary: 3 added, 2 removed, 1 moved, 5 modified, 12 unchanged

        """

    @Test func textReport() throws {
        let report = try Self.samplePair().text()
        #expect(Self.withoutFinalPeriods(report) == Self.expectedReport)
    }

    /// Every row of EXPECTED.md: the 2024 id, the 2025 id, the change and the fields.
    static let expectedChanges: [(old: String?, new: String?, change: TaskChange.Kind, fields: [TaskChange.Field])] = [
        // Unchanged apart from the year shift (12).
        ("PL.I.1", "II.1.a", .unchanged, []), ("PL.I.3", "II.1.c", .unchanged, []),
        ("PL.III.1", "II.2.a", .unchanged, []), ("PL.III.2", "II.2.b", .unchanged, []),
        ("PL.III.3", "II.2.c", .unchanged, []), ("PL.IV.1", "II.3.a", .unchanged, []),
        ("PL.IV.5", "II.3.e", .unchanged, []), ("PL.V.1", "II.4.a", .unchanged, []),
        ("PL.V.3", "II.4.c", .unchanged, []), ("PL.V.4", "II.4.d", .unchanged, []),
        ("PL.VI.1", "II.5.a", .unchanged, []), ("PL.VI.2", "II.5.b", .unchanged, []),
        // Reworded title; lead unit changed; deadline moved; product changed; moved to another section.
        ("PL.V.2", "II.4.b", .modified, [.title]),
        ("PL.IV.2", "II.3.b", .modified, [.lead]),
        ("PL.I.2", "II.1.b", .modified, [.time]),
        ("PL.IV.4", "II.3.đ", .modified, [.products]),
        ("PL.II.1", "II.1.d", .moved, [.section]),
        // Split in two: one half pairs (title and product narrowed), the other is added.
        ("PL.IV.3", "II.3.c", .modified, [.title, .products]),
        (nil, "II.3.d", .added, []),
        // Dropped and added.
        ("PL.I.4", nil, .removed, []), ("PL.II.2", nil, .removed, []),
        (nil, "II.1.đ", .added, []), (nil, "II.4.đ", .added, []),
    ]

    @Test func everyExpectedChange() throws {
        let d = try Self.samplePair()
        #expect(d.summary == PlanDiff.Summary(added: 3, removed: 2, modified: 5, moved: 1, unchanged: 12))
        #expect(d.changes.count == Self.expectedChanges.count)
        for e in Self.expectedChanges {
            let c = d.changes.first { $0.old?.id == e.old && $0.new?.id == e.new }
            #expect(c?.change == e.change, "\(e.old ?? "-") → \(e.new ?? "-")")
            #expect(c?.fields == e.fields, "\(e.old ?? "-") → \(e.new ?? "-")")
        }
        let split = try #require(d.changes.first { $0.new?.id == "II.3.d" })
        #expect(split.relatedTo == "PL.IV.3")
        // Years that moved with the plan year are no change: no title diff shows them.
        #expect(d.changes.allSatisfy { c in c.titleDiff.allSatisfy { !$0.text.contains("2024") && !$0.text.contains("2025") } })
    }

    @Test func json() throws {
        let d = try Self.samplePair()
        let object = try JSONSerialization.jsonObject(with: Data(d.jsonBytes())) as? [String: Any]
        let summary = try #require(object?["summary"] as? [String: Int])
        #expect(summary == ["added": 3, "removed": 2, "modified": 5, "moved": 1, "unchanged": 12])
        let changes = try #require(object?["changes"] as? [[String: Any]])
        #expect(changes.count == 23)
        for c in changes {
            #expect(Set(c.keys).isSuperset(of: ["change", "old", "new", "fields", "similarity"]))
        }
        let moved = try #require(changes.first { $0["change"] as? String == "moved" })
        #expect((moved["old"] as? [String: Any])?["id"] as? String == "PL.II.1")
        #expect((moved["new"] as? [String: Any])?["title"] as? String == "Tuyên truyền công tác cải cách hành chính trên Trang thông tin điện tử của Sở")
        #expect(moved["fields"] as? [String] == ["section"])
        #expect(moved["similarity"] as? Double == 1)
        let added = try #require(changes.first { $0["change"] as? String == "added" })
        #expect(added["old"] is NSNull && added["similarity"] is NSNull)
        #expect(d.jsonBytes(pretty: false).count < d.jsonBytes().count)
    }

    @Test func csv() throws {
        let d = try Self.samplePair()
        let text = String(decoding: d.csvBytes(), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        #expect(lines.first.map(String.init) == PlanDiff.csvColumns.joined(separator: ","))
        #expect(lines.count == 1 + d.changes.count)
        #expect(text.contains("modified,title,0.819,,PL.V.2,71,"))
        #expect(text.contains("{+và+} kết nối, {+chia sẻ+}"))
        #expect(d.csvBytes(bom: true).starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func colour() throws {
        let d = try Self.samplePair()
        #expect(!d.text().contains("\u{1B}["))
        let coloured = d.text(color: true)
        #expect(coloured.contains("\u{1B}[31m[-kết quả-]\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32m{+và+}\u{1B}[0m"))
    }

    // MARK: - No change

    static let allSamples: [String] = {
        guard let e = FileManager.default.enumerator(atPath: Fixtures.samples.path) else { return [] }
        return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    @Test(arguments: allSamples)
    func selfDiff(_ sample: String) throws {
        let d = try Self.load(sample)
        let diff = PlanDiff.compare(d, d)
        #expect(!diff.hasDifferences)
        #expect(diff.summary.unchanged == d.tasks.count)
        #expect(diff.changes.allSatisfy { $0.old?.id == $0.new?.id })
        #expect(diff.text().contains("No differences in tasks."))
    }

    /// The first sample pair's files in other encodings and line ends.
    enum Copy: String, CaseIterable, Sendable {
        case crlf, nfd, bomCRLF, utf16LE, utf16BE, utf16NFDCRLF


        func bytes(of text: String) -> [UInt8] {
            switch self {
            case .crlf: return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case .nfd: return Array(text.decomposedStringWithCanonicalMapping.utf8)
            case .bomCRLF: return [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case .utf16LE: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            case .utf16BE: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            case .utf16NFDCRLF:
                let t = text.decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r\n")
                return [0xFF, 0xFE] + t.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            }
        }
    }

    @Test(arguments: [Copy.crlf, .nfd, .bomCRLF, .utf16LE, .utf16BE, .utf16NFDCRLF])
    func otherEncoding(_ copy: Copy) throws {
        try Self.expectNoChange(copy)
    }

    static func expectNoChange(_ copy: Copy) throws {
        for name in ["diff/plan-2024.txt", "diff/plan-2025.txt"] {
            let text = try String(contentsOf: Fixtures.samples.appendingPathComponent(name), encoding: .utf8)
            let dir = try FileManager.default.url(
                for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: FileManager.default.temporaryDirectory,
                create: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let url = dir.appendingPathComponent(copy.rawValue + ".txt")
            try Data(copy.bytes(of: text)).write(to: url)
            let original = try load(name)
            let other = try PlanDocument.parse(contentsOf: url.path)
            let diff = PlanDiff.compare(original, other)
            #expect(other.tasks.count == original.tasks.count, "\(name) as \(copy.rawValue)")
            #expect(!diff.hasDifferences, "\(name) as \(copy.rawValue): \(diff.summary)")
        }
        // Across the pair: the same report as from the UTF-8 files.
        let old = try PlanDocument.parse(bytes: copy.bytes(of: String(contentsOf: Fixtures.samples.appendingPathComponent("diff/plan-2024.txt"), encoding: .utf8)), path: "samples/diff/plan-2024.txt")
        let new = try PlanDocument.parse(bytes: copy.bytes(of: String(contentsOf: Fixtures.samples.appendingPathComponent("diff/plan-2025.txt"), encoding: .utf8)), path: "samples/diff/plan-2025.txt")
        #expect(withoutFinalPeriods(PlanDiff.compare(old, new).text()) == expectedReport, "\(copy.rawValue)")
    }

    /// Task texts in NFD that did not go through the decoder are composed by the diff itself.
    @Test func decomposedRecords() throws {
        let d = try Self.load("diff/plan-2025.txt")
        var nfd = d
        for k in nfd.tasks.indices {
            nfd.tasks[k].title = nfd.tasks[k].title.decomposedStringWithCanonicalMapping
            nfd.tasks[k].headings = nfd.tasks[k].headings.map { SectionHeading(kind: $0.kind, number: $0.number, title: $0.title.decomposedStringWithCanonicalMapping, text: $0.text.decomposedStringWithCanonicalMapping) }
            nfd.tasks[k].products = nfd.tasks[k].products.map(\.decomposedStringWithCanonicalMapping)
        }
        #expect(nfd.tasks[0].title.utf8.count > d.tasks[0].title.utf8.count)
        #expect(!PlanDiff.compare(d, nfd).hasDifferences)
    }
}
