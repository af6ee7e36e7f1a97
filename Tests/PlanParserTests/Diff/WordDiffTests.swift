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
        #expect(DiffTextRenderer.titleDiff(runs, color: false) == row.runs, "line \(row.line)")
    }

    /// Titles far longer than ``WordDiff/exactLimit``: cut at anchors, still a true diff
    /// (the kept and removed words give the old title, the kept and inserted the new one)
    /// and close to the minimal one.
    @Test func longTitle() {
        var rng = SplitMix(seed: 7)
        let vocabulary = (0..<300).map { "từ\($0)" }
        var old: [String] = []
        for _ in 0..<20_000 { old.append(vocabulary[Int(rng.next() % 300)]) }
        var new: [String] = []
        var edits = 0
        for w in old {
            switch rng.next() % 100 {
            case 0: edits += 1  // deleted
            case 1: new.append(vocabulary[Int(rng.next() % 300)]); edits += 2  // replaced
            case 2: new += [w, vocabulary[Int(rng.next() % 300)]]; edits += 1  // inserted after
            default: new.append(w)
            }
        }
        let table = WordTable()
        let runs = WordDiff.runs(
            old: old.joined(separator: " "), new: new.joined(separator: " "),
            oldTokenizer: DiffTokenizer(words: table, baseYear: 2024), newTokenizer: DiffTokenizer(words: table, baseYear: 2025))
        func words(_ kinds: Set<WordRun.Kind>) -> [String] {
            runs.filter { kinds.contains($0.kind) }.flatMap { $0.text.split(separator: " ").map(String.init) }
        }
        #expect(words([.equal, .removed]) == old)
        #expect(words([.equal, .inserted]) == new)
        let changed = words([.removed, .inserted]).count
        #expect(changed >= edits - 20 && changed <= edits * 11 / 10, "\(changed) words changed for \(edits) edits")
    }

    /// Two long titles with nothing in common: removed and inserted as a whole.
    @Test func longTitlesWithoutAnchors() {
        let old = (0..<3_000).map { "cũ\($0 % 7)" }.joined(separator: " ")
        let new = (0..<3_000).map { "mới\($0 % 5)" }.joined(separator: " ")
        let table = WordTable()
        let runs = WordDiff.runs(
            old: old, new: new, oldTokenizer: DiffTokenizer(words: table, baseYear: nil),
            newTokenizer: DiffTokenizer(words: table, baseYear: nil))
        #expect(runs.map(\.kind) == [.removed, .inserted])
    }

    static let chains: [(pairs: [[Int]], chain: [[Int]], line: Int)] = [
        ([[0, 5], [1, 1], [2, 2], [3, 6], [4, 3]], [[1, 1], [2, 2], [4, 3]], #line),
        ([[0, 0], [1, 1], [2, 2]], [[0, 0], [1, 1], [2, 2]], #line),
        ([[0, 2], [1, 1], [2, 0]], [[2, 0]], #line),
        ([], [], #line),
    ]

    @Test(arguments: chains)
    func longestIncreasing(_ row: (pairs: [[Int]], chain: [[Int]], line: Int)) {
        let chain = WordDiff.Alignment.longestIncreasing(row.pairs.map { ($0[0], $0[1]) })
        #expect(chain.map { [$0.0, $0.1] } == row.chain, "line \(row.line)")
    }
}
