import Testing
@testable import PlanParser

/// The tokenizer on two threads (a large input, cut at a line near its middle) gives what it
/// gives on one: the same cleaned text, tokens, numbers, roles, blanks and remnants — wherever
/// the cut falls (after a blank, a remnant, a table row, a final line feed or none).
@Suite struct SplitTokenizerTests {
    /// A block of every kind of line the tokenizer tells apart.
    static let block = [
        "I. NHIỆM VỤ TRỌNG TÂM", "", "1. Đẩy mạnh cải cách hành chính", "- Đơn vị chủ trì: Sở Nội vụ",
        "  - Thời gian:   Quý   IV/2025  ", "**", "", "", "* *", "a) Rà soát\tthủ tục", "| 1 | Nội dung | Sở Tư pháp |",
        "1\tXây dựng kế hoạch\tSở Tài chính\tTháng 6/2025", "\t\t\tcủa cơ quan chuyên môn", "-------",
        "+ Tiếp tục triển khai", "Kính gửi: UBND các huyện", "   ", "Giao Sở Y tế chủ trì, hoàn thành trước ngày 30/6/2025.",
    ]

    static func text(lines: Int, padding: Int, finalNewline: Bool) -> [UInt8] {
        var out: [UInt8] = Array(String(repeating: "x", count: padding).utf8)
        out.append(0x0A)
        for k in 0..<lines {
            out += Array(block[k % block.count].utf8)
            if k < lines - 1 || finalNewline { out.append(0x0A) }
        }
        return out
    }

    static func summary(_ s: TokenizedSource) -> [String] {
        var out = ["lines \(s.lineCount)", "storage \(s.storage.count)"]
        for t in s.tokens {
            out.append("\(t.number) \(s.string(t.line)) [\(s.string(t.marker))] [\(s.string(t.label))] [\(s.string(t.content))] "
                + "\(t.kind) \(t.style) \(t.ordinal) \(t.afterBlank) \(t.role) \(t.pipes) \(t.isRule) \(t.leadingTabs)")
        }
        for r in s.remnants { out.append("remnant \(r.line) \(r.text)") }
        return out
    }

    static func decoded(_ bytes: [UInt8], renumbered: Bool) -> DecodedSource {
        let count = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } - (bytes.last == 0x0A ? 1 : 0)
        var d = DecodedSource(bytes: bytes, lineCount: count, encoding: .utf8, wasNormalized: false)
        if renumbered {
            // As a reader that rewrote the text: every line reported as a later one, roles on some.
            d.lineNumbers = (0..<Int32(count)).map { 3 * $0 / 2 + 1 }
            d.lineRoles = (0..<count).map { $0 % 7 == 3 ? .rowStart : .text }
        }
        return d
    }

    @Test(arguments: [0, 1, 7, 30, 61, 200])
    func twoThreadsGiveWhatOneGives(padding: Int) {
        // Enough lines to pass the split threshold, the cut moved by the padding line.
        let lines = LineTokenizer.minimumSplitBytes / 24
        for finalNewline in [true, false] {
            for renumbered in [false, true] {
                let bytes = Self.text(lines: lines, padding: padding, finalNewline: finalNewline)
                #expect(bytes.count >= LineTokenizer.minimumSplitBytes)
                let one = LineTokenizer.tokenize(Self.decoded(bytes, renumbered: renumbered), threads: 1)
                let two = LineTokenizer.tokenize(Self.decoded(bytes, renumbered: renumbered), threads: 2)
                let a = Self.summary(one), b = Self.summary(two)
                #expect(a.count == b.count)
                if let k = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) {
                    Issue.record("padding \(padding), final newline \(finalNewline), renumbered \(renumbered): \(a[k]) ≠ \(b[k])")
                }
                #expect(one.storage == two.storage)
            }
        }
    }

    /// The cut right after a run of blank lines (the middle byte is the last line feed of the
    /// run): the first token of the later half still says a blank comes before it.
    @Test func blankBeforeTheCutIsKept() {
        var bytes: [UInt8] = []
        while bytes.count < LineTokenizer.minimumSplitBytes / 2 + 10 { bytes += Array("- Một dòng văn bản\n".utf8) }
        bytes += Array("\n\n\n".utf8)
        let cut = bytes.count
        let total = 2 * (cut - 1)  // the cut is the line start after the first line feed from total / 2
        while total - bytes.count > 40 { bytes += Array("2. Dòng sau\n".utf8) }
        bytes += Array(repeating: UInt8(ascii: "x"), count: total - bytes.count)
        #expect(bytes.count == total)
        let two = LineTokenizer.tokenize(Self.decoded(bytes, renumbered: false), threads: 2)
        let first = two.tokens.firstIndex { two.string($0.line) == "2. Dòng sau" }!
        #expect(two.tokens[first].afterBlank)
        #expect(!two.tokens[first + 1].afterBlank)
        #expect(two.tokens[first].number == Int32(bytes[..<cut].filter { $0 == 0x0A }.count + 1))
        #expect(Self.summary(two) == Self.summary(LineTokenizer.tokenize(Self.decoded(bytes, renumbered: false), threads: 1)))
    }
}
