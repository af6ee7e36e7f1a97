import Testing
@testable import PlanParser

/// Words as the diff compares them: lowercase, no punctuation, numbers without leading
/// zeros, years relative to the plan year.
@Suite struct DiffTokenTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var text: String
        var baseYear: Int?
        var words: [String]
        var line: Int
        var testDescription: String { "line \(line): \(text)" }
    }

    static let rows: [Row] = [
        Row(text: "Xây dựng, ban hành Kế hoạch năm 2024:", baseYear: 2024,
            words: ["xây", "dựng", "ban", "hành", "kế", "hoạch", "năm", "y+0"], line: #line),
        Row(text: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", baseYear: nil,
            words: ["công", "tác", "chỉ", "đạo", "điều", "hành"], line: #line),
        Row(text: "Tháng 01/2024", baseYear: 2025, words: ["tháng", "1", "y-1"], line: #line),
        Row(text: "Tháng 01/2024", baseYear: nil, words: ["tháng", "1", "2024"], line: #line),
        Row(text: "giai đoạn 2026 - 2030", baseYear: 2025, words: ["giai", "đoạn", "2026", "2030"], line: #line),
        Row(text: "Sa\u{309}n pha\u{302}\u{309}m (NFD)", baseYear: nil, words: ["sản", "phẩm", "nfd"], line: #line),
        Row(text: "Phòng Quản lý KH&CN", baseYear: nil, words: ["phòng", "quản", "lý", "kh", "cn"], line: #line),
        Row(text: "007 và 0 và 2500", baseYear: 2025, words: ["7", "và", "0", "và", "2500"], line: #line),
        Row(text: "  – …  ", baseYear: nil, words: [], line: #line),
        Row(text: "ỦY BAN NHÂN DÂN", baseYear: nil, words: ["ủy", "ban", "nhân", "dân"], line: #line),
    ]

    @Test(arguments: rows)
    func tokens(_ row: Row) {
        let table = WordTable()
        let tokenizer = DiffTokenizer(words: table, baseYear: row.baseYear)
        #expect(tokenizer.tokens(row.text).map { table.text($0.relative) } == row.words)
    }

    @Test func yearsMatchRelativeOrAbsolute() {
        let table = WordTable()
        let old = DiffTokenizer(words: table, baseYear: 2024)
        let new = DiffTokenizer(words: table, baseYear: 2025)
        func same(_ a: String, _ b: String) -> Bool { DiffToken.matches(old.tokens(a), new.tokens(b)) }
        #expect(same("năm 2024", "năm 2025"), "moved with the plan year")
        #expect(same("giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025"), "a fixed period")
        #expect(same("Kế hoạch năm 2025", "Kế hoạch năm 2026"), "next year's plan, each time")
        #expect(!same("năm 2024", "năm 2024 và 2025"))
        #expect(!same("Tháng 01/2024", "Tháng 03/2025"))
        #expect(!same("năm 2023", "năm 2025"))
    }
}
