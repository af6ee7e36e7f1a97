import Foundation
import Testing

/// `extract diff` end to end: exit status like diff(1), formats, colour.
@Suite struct DiffCommandTests {
    static let old = "samples/diff/plan-2024.txt"
    static let new = "samples/diff/plan-2025.txt"

    @Test func differencesExitOne() throws {
        let r = try ExtractRunner.run(["diff", Self.old, Self.new])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("--- samples/diff/plan-2024.txt (plan year 2024, 20 tasks)\n+++ samples/diff/plan-2025.txt (plan year 2025, 21 tasks)\n"))
        #expect(r.stdout.contains("\nAdded (3)\n"))
        #expect(r.stdout.contains("  ~ PL.II.1 → II.1.d  Tuyên truyền công tác cải cách hành chính"))
        #expect(r.stdout.hasSuffix("Summary: 3 added, 2 removed, 1 moved, 5 modified, 12 unchanged\n"))
        #expect(!r.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        #expect(r.stderr.isEmpty)
    }

    @Test func noDifferencesExitZero() throws {
        let r = try ExtractRunner.run(["diff", Self.new, Self.new])
        #expect(r.status == 0)
        #expect(r.stdout.contains("No differences in tasks.\nSummary: 0 added, 0 removed, 0 moved, 0 modified, 21 unchanged\n"))
    }

    @Test func standardInput() throws {
        let bytes = [UInt8](try Data(contentsOf: ExtractRunner.packageRoot.appendingPathComponent(Self.old)))
        let r = try ExtractRunner.run(["diff", "-", Self.new], stdin: bytes)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("--- - (plan year 2024, 20 tasks)\n"))
    }

    @Test func troubleExitTwo() throws {
        let oneFile = try ExtractRunner.run(["diff", Self.old])
        #expect(oneFile.status == 2)
        #expect(oneFile.stderr.hasPrefix("Error: expected two files (OLD NEW), got 1\nUsage: extract diff"))

        let badFormat = try ExtractRunner.run(["diff", "--format", "ndjson", Self.old, Self.new])
        #expect(badFormat.status == 2)

        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let unwritable = try ExtractRunner.run(["diff", "-o", dir.appendingPathComponent("no/such/dir.txt").path, Self.old, Self.new])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.hasPrefix("error: cannot write"))
    }

    /// An input that cannot be read is trouble (2), not a difference (1).
    @Test func unreadableInputExitTwo() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        for path in ["samples/diff/no-such-plan.txt", empty.path] {
            let r = try ExtractRunner.run(["diff", Self.old, path])
            #expect(r.stdout.isEmpty)
            #expect(r.status == 2)
            #expect(r.stderr.hasPrefix(path + ": error: "))
        }
    }

    @Test func json() throws {
        let r = try ExtractRunner.run(["diff", "--format", "json", Self.old, Self.new])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdoutBytes)) as? [String: Any])
        #expect(object["summary"] as? [String: Int] == ["added": 3, "removed": 2, "modified": 5, "moved": 1, "unchanged": 12])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 23)
        #expect(changes.allSatisfy { Set($0.keys).isSuperset(of: ["change", "old", "new", "fields", "similarity"]) })
        let keys = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == ["oldPlan", "newPlan", "summary", "changes"])
    }

    @Test func csv() throws {
        let r = try ExtractRunner.run(["diff", "--format", "csv", "--bom", Self.old, Self.new])
        #expect(r.status == 1)
        #expect(r.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = r.stdout.dropFirst().split(separator: "\r\n")
        #expect(lines.first == "change,fields,similarity,related_to,old_id,old_line,old_section,old_title,old_lead,old_support,old_products,old_time,new_id,new_line,new_section,new_title,new_lead,new_support,new_products,new_time,title_diff")
        #expect(lines.count == 24)
        #expect(lines.contains { $0.hasPrefix("added,,0.799,PL.IV.3,,,,,,,,,II.3.d,") })
    }

    @Test func colour() throws {
        let forced = try ExtractRunner.run(["diff", "--color", Self.old, Self.new], environment: ["NO_COLOR": "1"])
        #expect(forced.stdout.contains("\u{1B}[31m[-kết quả-]\u{1B}[0m"), "--color wins over NO_COLOR")
        let off = try ExtractRunner.run(["diff", "--no-color", Self.old, Self.new])
        #expect(!off.stdout.contains("\u{1B}["))
    }

    @Test func outputFile() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("diff.txt").path
        let r = try ExtractRunner.run(["diff", "-o", path, Self.old, Self.new])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("--- samples/diff/plan-2024.txt"))
        #expect(!written.contains("\u{1B}["))
    }
}
