import Testing
@testable import PlanParser

/// Word-level title diffs: compared like titles (case, punctuation, year shift do not count),
/// shown as printed.
@Suite struct WordDiffTests {
    static let rows: [(old: String, new: String, runs: String, line: Int)] = [
        ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Số hóa hồ sơ giải quyết thủ tục hành chính",
         "Số hóa hồ sơ [-kết quả-] giải quyết thủ tục hành chính", #line),
        ("Ban hành Kế hoạch năm 2024", "Ban hành Kế hoạch kiểm tra năm 2025",
         "Ban hành Kế hoạch {+kiểm tra+} năm 2025", #line),
        // A named period is a fixed reference: moved by the plan-year shift, it changed.
        ("Kế hoạch giai đoạn 2026 - 2030", "Kế hoạch giai đoạn 2027 - 2031",
         "Kế hoạch giai đoạn [-2026 - 2030-] {+2027 - 2031+}", #line),
        // A rolling period (starting in the plan year) moves with it.
        ("Kế hoạch tài chính 03 năm 2024 - 2026", "Kế hoạch tài chính 03 năm 2025 - 2027",
         "Kế hoạch tài chính 03 năm 2025 - 2027", #line),
        // A citation and its date are one word.
        ("Thực hiện Kế hoạch số 231/KH-UBND ngày 22/12/2023 của UBND tỉnh",
         "Thực hiện Kế hoạch số 254/KH-UBND ngày 19/12/2024 của UBND tỉnh",
         "Thực hiện Kế hoạch số [-231/KH-UBND ngày 22/12/2023-] {+254/KH-UBND ngày 19/12/2024+} của UBND tỉnh", #line),
        ("Triển khai Nghị quyết số 76/NQ-CP ngày 15/7/2021 năm 2024", "Triển khai Nghị quyết số 76/NQ-CP ngày 15/7/2021 năm 2025",
         "Triển khai Nghị quyết số 76/NQ-CP ngày 15/7/2021 năm 2025", #line),
        ("Rà soát thủ tục hành chính", "Rà soát, đánh giá thủ tục hành chính",
         "Rà soát, {+đánh giá+} thủ tục hành chính", #line),
        ("Tổ chức hội nghị sơ kết", "Tổ chức tọa đàm sơ kết", "Tổ chức [-hội nghị-] {+tọa đàm+} sơ kết", #line),
        ("Báo cáo – tháng 6", "Báo cáo – tháng 12", "Báo cáo – tháng [-6-] {+12+}", #line),
        ("XÂY DỰNG KẾ HOẠCH", "Xây dựng kế hoạch", "Xây dựng kế hoạch", #line),
    ]

    @Test(arguments: rows)
    func runs(_ row: (old: String, new: String, runs: String, line: Int)) {
        let table = WordTable()
        let runs = WordDiff.runs(
            old: row.old, new: row.new, oldTokenizer: DiffTokenizer(words: table, baseYear: 2024),
            newTokenizer: DiffTokenizer(words: table, baseYear: 2025))
        #expect(DiffTextFormatter.titleDiff(runs, color: false) == row.runs, "line \(row.line)")
    }
}
