import Foundation
import Testing
@testable import PlanParser

/// Damaged converter text never crashes or hangs the recovery stage: each mutated input of every
/// shape (pandoc grid and multiline tables, HTML, antiword grids, pdftotext -layout tables and
/// columns, markdown remnants) gives valid JSON or a clean ``PlanParseError``, fast. Fixed seed.
@Suite struct RecoveryFuzzTests {
    static let fragments: [String] = [
        "+---+------+", "+===+======+", "| 1 | x |", "|   |", "+", "|", "  ----- ------", "  ---------------", "-----",
        "<table>", "</table>", "<tr>", "<td colspan=\"99999\">", "<td rowspan=\"1000000\">", "</td>", "<p>", "<br>", "&#x1EA1;",
        "&#99999999;", "&", "<", ">", "|STT  |Nhiệm vụ   |", "|I. CÔNG TÁC        |", "\u{0C}", "   ", "          ", "\t",
        "STT      Nhiệm vụ      Kết quả/ Sản phẩm      Đơn vị chủ trì      Thời gian", " 1    ", "I. CÔNG TÁC", "\u{F0B7}",
        "NĐ-", "CP", "\\", "--", "^2^", "[x]{.u}", "Nơi nhận:            KT. GIÁM ĐỐC", "<!DOCTYPE html>",
        "STT", "Số TT", "1", "2", "II", "", "Các phòng thuộc Sở;",
    ]

    static func corpus() -> [[UInt8]] {
        var docs: [[UInt8]] = []
        let fm = FileManager.default
        for folder in ["converted/pandoc-plain", "converted/pandoc-markdown", "converted/pandoc-gfm", "converted/antiword",
                       "converted/libreoffice-txt", "converted/docx2txt", "converted/pdftotext-layout", "recovery/html", "recovery/layout", "recovery/multiline", "recovery/wrapped"] {
            let dir = Fixtures.samples.appendingPathComponent(folder)
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where name.hasSuffix(".text") {
                if let d = try? Data(contentsOf: dir.appendingPathComponent(name)) { docs.append([UInt8](d)) }
            }
        }
        return docs
    }

    static func mutate(_ doc: [UInt8], _ rng: inout FuzzTests.Random) -> [UInt8] {
        var lines = FuzzTests.mutate(doc, &rng).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<(1 + rng.below(4)) {
            guard !lines.isEmpty else { break }
            let i = rng.below(lines.count)
            let f = Array(fragments[rng.below(fragments.count)].utf8)
            switch rng.below(3) {
            case 0: lines[i].insert(contentsOf: f, at: rng.below(lines[i].count + 1))
            case 1: lines.insert(f, at: i)
            default:
                // Shift a line sideways: columns out of line.
                lines[i] = rng.below(2) == 0 ? Array(repeating: 0x20, count: rng.below(12)) + lines[i] : Array(lines[i].drop { $0 == 0x20 })
            }
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    @Test func mutatedConverterText() throws {
        let docs = Self.corpus()
        try #require(docs.count >= 40)
        var rng = FuzzTests.Random(state: 20_250_117)
        var parsed = 0
        var slowest = 0.0
        let clock = ContinuousClock()
        for _ in 0..<1500 {
            let input = Self.mutate(docs[rng.below(docs.count)], &rng)
            let start = clock.now
            do {
                let d = try PlanDocument.parse(bytes: input, path: "fuzz")
                let json = d.jsonBytes()
                #expect((try? JSONSerialization.jsonObject(with: Data(json))) != nil)
                #expect(d.tasks.allSatisfy { !$0.title.isEmpty })
                parsed += 1
            } catch {
                // a clean refusal (empty, invalid UTF-8 from a random byte)
            }
            let d = clock.now - start
            slowest = max(slowest, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        #expect(parsed > 600)  // the rest refused cleanly (a random byte made invalid UTF-8)
        #expect(slowest < 3, "slowest input took \(slowest) s")
    }

    @Test func pathologicalShapes() throws {
        // Many rules with no table, a grid border repeated, a huge colspan, a header every line.
        let inputs = [
            String(repeating: "  ----- -----\n", count: 5000),
            String(repeating: "+---+---+\n", count: 5000),
            "<table><tr><td colspan=\"2147483647\" rowspan=\"2147483647\">x</td></tr></table>\n",
            String(repeating: "STT      Nhiệm vụ      Sản phẩm      Đơn vị chủ trì      Thời gian\n", count: 3000),
            String(repeating: "|a|b|\n", count: 5000) + String(repeating: "|a    |b  |\n", count: 100),
            String(repeating: " 1    Việc     Kết quả     Đơn vị     Quý I\n", count: 3000),
            "<table>" + String(repeating: "<table>", count: 5000) + "\n",
        ]
        let clock = ContinuousClock()
        for input in inputs {
            let start = clock.now
            _ = try? PlanDocument.parse(bytes: Array(input.utf8), path: "pathological")
            #expect(clock.now - start < .seconds(5))
        }
    }
}
