import Foundation
import Testing
@testable import PlanParser

/// Random damage never crashes or hangs the parser: each mutated input gives valid JSON or a
/// clean ``PlanParseError``. Fixed seed, so a failure reproduces.
@Suite struct FuzzTests {
    /// SplitMix64: small, fast, reproducible.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    }

    static let fragments: [String] = [
        "I. ", "IV. ", "1. ", "2.1. ", "a) ", "đ) ", "- ", "+ ", "- + ", "• ", "\t", " | ", "|", "PHỤ LỤC",
        "Nơi nhận:", "Số: ", "KẾ HOẠCH", "Kính gửi: ", "Căn cứ ", "- Đơn vị chủ trì: ", "Thời gian thực hiện: ",
        "Quý I- II/", "ngày 31/02/2025", "**", "*", "^{XT}", "\\", "PHẦN II.", "Trang 2/7", "2", "\r", "\r\n",
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện", "Chủ trì: X. Phối hợp: Y. Thời gian: Z.",
    ]

    static func corpus() -> [[UInt8]] {
        var docs: [[UInt8]] = []
        for name in GoldenTests.inputs {
            if let d = try? Data(contentsOf: Fixtures.samples.appendingPathComponent(name)) { docs.append([UInt8](d)) }
        }
        return docs
    }

    static func mutate(_ doc: [UInt8], _ rng: inout Random) -> [UInt8] {
        var lines = doc.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        // Keep cases small so a few thousand run in seconds.
        if lines.count > 120 {
            let start = rng.below(lines.count - 100)
            lines = Array(lines[start..<(start + 20 + rng.below(80))])
        }
        for _ in 0..<(1 + rng.below(6)) {
            guard !lines.isEmpty else { break }
            let i = rng.below(lines.count)
            switch rng.below(8) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2:
                let j = rng.below(lines.count)
                lines.swapAt(i, j)
            case 3:
                let cut = rng.below(lines[i].count + 1)
                lines[i] = Array(lines[i].prefix(cut))
            case 4:
                var bytes = lines[i]
                for _ in 0..<(1 + rng.below(4)) { bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: rng.below(bytes.count + 1)) }
                lines[i] = bytes
            case 5, 6:
                let f = Array(fragments[rng.below(fragments.count)].utf8)
                var bytes = lines[i]
                bytes.insert(contentsOf: f, at: rng.below(2) == 0 ? 0 : rng.below(bytes.count + 1))
                lines[i] = bytes
            default:
                lines.insert([], at: i)
            }
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    @Test func mutatedSamples() throws {
        let docs = Self.corpus()
        try #require(!docs.isEmpty)
        var rng = Random(state: 20_261_122)
        var parsed = 0
        var refused = 0
        for _ in 0..<3000 {
            let input = Self.mutate(docs[rng.below(docs.count)], &rng)
            do {
                let d = try PlanDocument.parse(bytes: input, path: "fuzz")
                let json = d.jsonBytes(pretty: false)
                #expect((try? JSONSerialization.jsonObject(with: Data(json))) != nil, "invalid JSON")
                _ = Exports.taskCSV([d])
                parsed += 1
            } catch {
                #expect(!error.description.isEmpty)
                refused += 1
            }
        }
        #expect(parsed > 1500, "most mutations still decode")
        #expect(parsed + refused == 3000)
    }

    @Test func tenMegabyteLine() throws {
        var line = [UInt8]()
        let words = Array("Tăng cường kiểm tra 76/NQ-CP ngày 15/7/2021 - Quý I/2025; ".utf8)
        while line.count < 10 << 20 { line += words }
        let d = try PlanDocument.parse(bytes: line, path: "long")
        #expect(d.source.lines == 1)
        #expect(d.preamble.count == 1)
        #expect(d.header.references.map(\.number) == ["76/NQ-CP"])
    }

    @Test func twoHundredThousandNestedMarkers() throws {
        // Every marker kind in turn, deeper and deeper numbers, then bullets of every style.
        let cycle = ["PHẦN I.", "A.", "I.", "1.", "1.1.", "1.1.1.", "1.1.1.1.", "1.1.1.1.1.", "1.1.1.1.1.1.1.1.", "a)", "1)",
                     "-", "+", "- +", "•", "*", "–"]
        var text = ""
        text.reserveCapacity(200_000 * 12)
        for i in 0..<200_000 { text += cycle[i % cycle.count] + " x\n" }
        let d = try PlanDocument.parse(bytes: Array(text.utf8), path: "markers")
        func depth(_ s: Section) -> Int { 1 + (s.children.map(depth).max() ?? 0) }
        #expect((d.sections.map(depth).max() ?? 0) <= 19)
        #expect(d.source.lines == 200_000)
    }

    @Test func onlyTabs() {
        let input = [UInt8](repeating: 0x09, count: 4096) + [0x0A] + [UInt8](repeating: 0x09, count: 10)
        #expect(throws: PlanParseError.empty) { try PlanDocument.parse(bytes: input) }
    }
}
