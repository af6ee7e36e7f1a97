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
        // Citations: one token with their date, never shifted.
        Row(text: "Nghị định số 59/2024/NĐ-CP ngày 15/5/2024 của Chính phủ", baseYear: 2024,
            words: ["nghị", "định", "số", "59/2024/nđ-cp@2024-5-15", "của", "chính", "phủ"], line: #line),
        Row(text: "Nghị quyết số 76/NQ-CP, ngày 15 tháng 7 năm 2021", baseYear: 2025,
            words: ["nghị", "quyết", "số", "76/nq-cp@2021-7-15"], line: #line),
        Row(text: "Kế hoạch số 208-KH/TU và Quyết định 05/QĐ-UBND", baseYear: 2025,
            words: ["kế", "hoạch", "số", "208-kh/tu", "và", "quyết", "định", "5/qđ-ubnd"], line: #line),
        Row(text: "Luật số 33/2024/QH15 ngày 21/6/2024", baseYear: nil, words: ["luật", "số", "33/2024/qh15@2024-6-21"], line: #line),
        Row(text: "(76/NQ-CP)", baseYear: 2025, words: ["76/nq-cp"], line: #line),
        Row(text: "Tháng 01/2024/abc", baseYear: 2024, words: ["tháng", "1", "y+0", "abc"], line: #line),  // not a citation
        // Standards: the edition year is fixed.
        Row(text: "TCVN ISO 9001:2015 năm 2025", baseYear: 2025, words: ["tcvn", "iso", "9001", "2015", "năm", "y+0"], line: #line),
        Row(text: "TCVN 5000:2020", baseYear: 2020, words: ["tcvn", "5000", "2020"], line: #line),
        // Periods.
        Row(text: "giai đoạn 2021 – 2030", baseYear: 2025, words: ["giai", "đoạn", "2021", "2030"], line: #line),
        Row(text: "giai đoạn 2025-2030", baseYear: 2025, words: ["giai", "đoạn", "2025", "2030"], line: #line),
        Row(text: "thời kỳ 2021 đến 2030", baseYear: 2025, words: ["thời", "kỳ", "2021", "đến", "2030"], line: #line),
        Row(text: "năm học 2024 - 2025", baseYear: 2025, words: ["năm", "học", "y-1", "y+0"], line: #line),
        Row(text: "03 năm 2025 - 2027", baseYear: 2025, words: ["3", "năm", "y+0", "y+2"], line: #line),
        Row(text: "từ năm 2021 đến năm 2025", baseYear: 2025, words: ["từ", "năm", "2021", "đến", "năm", "2025"], line: #line),
        Row(text: "năm 2023 - 2025", baseYear: 2025, words: ["năm", "2023", "2025"], line: #line),
        // Full dates: a day that has passed is fixed; a deadline moves.
        Row(text: "ngày 20/12/2023", baseYear: 2024, words: ["ngày", "20", "12", "2023"], line: #line),
        Row(text: "trước ngày 30/6/2024", baseYear: 2024, words: ["trước", "ngày", "30", "6", "y+0"], line: #line),
        Row(text: "ngày 15 tháng 3 năm 2024", baseYear: 2024, words: ["ngày", "15", "tháng", "3", "năm", "y+0"], line: #line),
        Row(text: "ngày 15 tháng 3 năm 2023", baseYear: 2024, words: ["ngày", "15", "tháng", "3", "năm", "2023"], line: #line),
        Row(text: "Tháng 01-02/2024", baseYear: 2024, words: ["tháng", "1", "2", "y+0"], line: #line),  // months, not a day
        // Plain years: within a year of the plan year they move.
        Row(text: "năm 2023", baseYear: 2024, words: ["năm", "y-1"], line: #line),
        Row(text: "Kế hoạch năm 2026", baseYear: 2025, words: ["kế", "hoạch", "năm", "y+1"], line: #line),
        Row(text: "đến năm 2030", baseYear: 2024, words: ["đến", "năm", "2030"], line: #line),
        Row(text: "Luật Lưu trữ năm 2011", baseYear: 2024, words: ["luật", "lưu", "trữ", "năm", "2011"], line: #line),
        Row(text: "Ban chỉ đạo Đại hội 2025", baseYear: 2025, words: ["ban", "chỉ", "đạo", "đại", "hội", "y+0"], line: #line),
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
        #expect(same("TCVN ISO 9001:2015 năm 2024", "TCVN ISO 9001:2015 năm 2025"), "a standard beside the plan year")
        #expect(!same("TCVN ISO 9001:2015", "TCVN ISO 9001:2016"), "a standard's edition is fixed")
        #expect(same("số 59/2024/NĐ-CP ngày 15/5/2024", "số 59/2024/NĐ-CP ngày 15/5/2024"), "a citation is fixed")
        #expect(!same("số 59/2024/NĐ-CP ngày 15/5/2024", "số 59/2025/NĐ-CP ngày 15/5/2025"), "a shifted citation is another document")
        #expect(!same("giai đoạn 2021 - 2025", "giai đoạn 2022 - 2026"), "a named period is fixed")
        #expect(same("năm học 2024 - 2025", "năm học 2025 - 2026"), "a school year moves")
    }

    /// The words of a citation's date, its code and number normalised.
    @Test func citationForms() {
        let table = WordTable()
        let tokenizer = DiffTokenizer(words: table, baseYear: 2025)
        let a = tokenizer.tokens("Nghị quyết số 076/NQ-CP ngày 15/07/2021")
        let b = tokenizer.tokens("NGHỊ QUYẾT SỐ 76/NQ-CP NGÀY 15 THÁNG 7 NĂM 2021")
        #expect(a.map(\.word) == b.map(\.word), "case, leading zeros and the date's spelling do not count")
        #expect(a.last.map { table.text($0.word) } == "76/nq-cp@2021-7-15")
    }
}
