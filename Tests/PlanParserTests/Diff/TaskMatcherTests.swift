import Testing
@testable import PlanParser

/// Candidate generation on titles that share every word with thousands of others: the index
/// reads a bounded number of postings per title and still finds the counterparts.
@Suite struct TaskMatcherTests {
    /// Pairs `old` titles (plan year 2024) with `new` titles (2025) as the diff does.
    static func match(_ old: [String], _ new: [String]) -> (pairs: [TaskMatcher.Pair], candidates: [TaskMatcher.Pair]) {
        let words = WordTable()
        func profiles(_ titles: [String], _ year: Int) -> TaskProfiles {
            var profiler = TaskProfiler(tokenizer: DiffTokenizer(words: words, baseYear: year))
            for (k, t) in titles.enumerated() {
                profiler.add(
                    PlanTask(
                        id: "T\(k)", origin: .table, line: k + 1, endLine: k + 1, section: ["I. CÔNG TÁC"], number: nil,
                        title: t))
            }
            return profiler.profiles
        }
        let a = profiles(old, 2024)
        let b = profiles(new, 2025)
        let identical = TaskMatcher.identicalTitles(old: a, new: b)
        var oldPaired = [Bool](repeating: false, count: a.count)
        var newPaired = [Bool](repeating: false, count: b.count)
        for p in identical {
            oldPaired[p.old] = true
            newPaired[p.new] = true
        }
        var space = TitleFeatureSpace(wordCount: words.count)
        for i in 0..<a.count { space.add(a.title(i), keep: !oldPaired[i]) }
        for j in 0..<b.count { space.add(b.title(j), keep: !newPaired[j]) }
        space.finish()
        return TaskMatcher(old: a, new: b, space: space, threshold: PlanDiff.matchThreshold).match(identical: identical)
    }

    /// The same title 300 times in each plan (none unique, so none pairs in step 1): each
    /// pairs with the one at its position.
    @Test func repeatedTitles() {
        let titles = [String](repeating: "Báo cáo kết quả thực hiện nhiệm vụ năm 2024", count: 300)
        let shifted = [String](repeating: "Báo cáo kết quả thực hiện nhiệm vụ năm 2025", count: 300)
        let (pairs, candidates) = Self.match(titles, shifted)
        #expect(pairs.count == 300)
        #expect(pairs.allSatisfy { $0.old == $0.new && $0.title == 1 })
        #expect(candidates.count <= 300 * TaskMatcher.candidatesPerTask * 2)
    }

    /// 3,000 titles of 4–10 words from a vocabulary of 20, a third of them reworded by one
    /// word: the counterparts are found although every word is in most titles.
    @Test func smallVocabulary() {
        let vocabulary = "xây dựng kế hoạch báo cáo kiểm tra thực hiện công tác tổ chức đánh giá hồ sơ rà soát"
            .split(separator: " ").map(String.init)
        var rng = SplitMix(seed: 11)
        var old: [String] = []
        var new: [String] = []
        for _ in 0..<3_000 {
            var words = (0..<(4 + Int(rng.next() % 7))).map { _ in vocabulary[Int(rng.next() % 20)] }
            old.append(words.joined(separator: " "))
            if rng.next() % 3 == 0 {
                let k = Int(rng.next() % UInt64(words.count))
                words[k] = vocabulary[(vocabulary.firstIndex(of: words[k])! + 1 + Int(rng.next() % 19)) % 20]
            }
            new.append(words.joined(separator: " "))
        }
        let (pairs, candidates) = Self.match(old, new)
        let right = pairs.filter { $0.old == $0.new }.count
        #expect(Double(right) / 3_000 >= 0.9, "\(right) of 3000 pairs right")
        var perTask = [Int](repeating: 0, count: old.count)
        for c in candidates { perTask[c.old] += 1 }
        #expect(perTask.allSatisfy { $0 <= 2 * TaskMatcher.candidatesPerTask }, "candidates per task are capped")
    }
}
