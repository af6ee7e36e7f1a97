/// Leads for prose tasks that state none, taken from the plan's ``Responsibility`` list.
///
/// A plan often says who answers for an area once, in `TỔ CHỨC THỰC HIỆN` (`3. Sở Tư pháp` ›
/// `- Chủ trì … công tác cải cách thể chế`), and lists the area's tasks elsewhere under a
/// heading of that area (`2. Cải cách thể chế`). A task gets a lead when the match is clear:
///
/// 1. **Section**: the nearest heading that names an area (headings that name tasks, such as
///    `b) Nhiệm vụ`, name none) is compared with each unit's areas; the share of the heading's
///    words found in an area is the score. The best unit needs ≥ ``minimumCoverage`` and no
///    other unit as good; a tie infers nothing.
/// 2. **Title**, when no heading decides: a unit's area or duty phrase of at least
///    ``minimumPhraseWords`` words written in the task's title (`tiếp nhận, xử lý phản ánh, kiến
///    nghị`); the longest such phrase wins, a tie infers nothing. Phrases of the plan's own
///    title (`cải cách hành chính`) and phrases found in many task titles say nothing.
///
/// Only leading responsibilities of named units count: a collective (`các sở, ban, ngành`)
/// answers for everything and so for nothing in particular. The task's ``PlanTask/leadSource``
/// says `inferred` with the responsibility's line.
enum LeadInference {
    static let minimumCoverage = 0.75
    static let minimumPhraseWords = 4

    private struct Candidate {
        var responsibility: Responsibility
        var areas: [Set<Int>]
        var phrases: [Phrase]
    }

    private struct Phrase {
        var whole: [Int]
        var pieces: [[Int]]
    }

    /// - Complexity: linear in the tasks for a document's responsibilities: candidates are
    ///   deduplicated (unit and words), each heading is scored once, each phrase's frequency is
    ///   counted once.
    static func infer(_ tasks: inout [PlanTask], from responsibilities: [Responsibility], documentTitle: String?) {
        var vocabulary = Vocabulary()
        var candidates: [Candidate] = []
        var seen: Set<[Int]> = []
        var seenText: Set<TextKey> = []
        for r in responsibilities where r.role == .lead && !isCollective(r.unit.name) {
            // The same unit with the same duty, again (a document pasted twice): nothing new.
            guard seenText.insert(TextKey(r.unit.key + "\u{1}" + r.duty)).inserted else { continue }
            let areas = r.areas.map { Set(vocabulary.words($0)) }.filter { $0.count >= 2 }
            let phrases = phrases(of: r, &vocabulary)
            // A responsibility repeated word for word adds nothing (the first line is kept).
            var signature = vocabulary.words(r.unit.key) + [-1]
            for a in areas { signature += a.sorted() + [-2] }
            for p in phrases { signature += p.whole + [-3] }
            guard seen.insert(signature).inserted else { continue }
            candidates.append(Candidate(responsibility: r, areas: areas, phrases: phrases))
        }
        guard !candidates.isEmpty else { return }
        let open = tasks.indices.filter { tasks[$0].origin == .prose && tasks[$0].lead.isEmpty }
        guard !open.isEmpty else { return }
        let titleWords = documentTitle.map { vocabulary.words($0) } ?? []
        var taskWords: [Int: [Int]] = [:]
        for i in open { taskWords[i] = vocabulary.words(tasks[i].title) }
        // Phrases that say nothing: in the plan's title, or in many task titles.
        var usable: [[Int]: Bool] = [:]
        func isUsable(_ p: [Int]) -> Bool {
            if let known = usable[p] { return known }
            var ok = !contains(titleWords, p)
            if ok {
                let limit = max(2, open.count / 4)
                var hits = 0
                for i in open where contains(taskWords[i] ?? [], p) {
                    hits += 1
                    if hits > limit { break }
                }
                ok = hits <= limit
            }
            usable[p] = ok
            return ok
        }
        var byHeading: [String: Verdict] = [:]
        for i in open {
            if let (r, _) = bySection(tasks[i], candidates, &byHeading, &vocabulary)
                ?? byTitle(taskWords[i] ?? [], candidates, isUsable)
            {
                tasks[i].lead = [r.unit]
                tasks[i].leadSource = LeadSource(kind: .inferred, line: r.line)
            }
        }
    }

    /// The unit whose areas cover the task's nearest area heading; `nil` when none or a tie.
    private static func bySection(_ task: PlanTask, _ candidates: [Candidate], _ memo: inout [String: Verdict],
                                  _ vocabulary: inout Vocabulary) -> (Responsibility, Double)?
    {
        for heading in task.headings.reversed() {
            let verdict: Verdict
            if let known = memo[heading.title] {
                verdict = known
            } else {
                verdict = score(heading, candidates, &vocabulary)
                memo[heading.title] = verdict
            }
            switch verdict {
            case .decides(let r): return r
            case .tie: return nil
            case .none: continue
            }
        }
        return nil
    }

    /// What a heading says about who leads: a unit, a tie (nothing to infer), or nothing.
    private enum Verdict {
        case decides((Responsibility, Double))
        case tie
        case none
    }

    private static func score(_ heading: SectionHeading, _ candidates: [Candidate], _ vocabulary: inout Vocabulary) -> Verdict {
        guard TaskExtractor.role(ofHeading: heading.title) != .tasks else { return .none }
        var heads = vocabulary.words(withoutParentheses(heading.title))
        let leading = Set(vocabulary.words("công tác về"))
        while let first = heads.first, leading.contains(first), heads.count > 2 { heads.removeFirst() }
        let set = Set(heads)
        guard set.count >= 2 else { return .none }
        var best: [String: (Responsibility, Double)] = [:]
        for c in candidates {
            for a in c.areas {
                let score = Double(set.intersection(a).count) / Double(set.count)
                if score > (best[c.responsibility.unit.key]?.1 ?? -1) { best[c.responsibility.unit.key] = (c.responsibility, score) }
            }
        }
        let ranked = best.values.sorted { $0.1 > $1.1 || $0.1 == $1.1 && $0.0.line < $1.0.line }
        guard let top = ranked.first, top.1 >= minimumCoverage else { return .none }
        if ranked.count > 1, ranked[1].1 == top.1 { return .tie }
        return .decides(top)
    }

    /// The unit whose longest area or duty phrase is written in the title; `nil` when none or a tie.
    /// A phrase cut at commas (`thu hút đầu tư, hỗ trợ khởi nghiệp, phát triển doanh nghiệp`)
    /// counts when two of its pieces are there.
    private static func byTitle(_ title: [Int], _ candidates: [Candidate], _ isUsable: ([Int]) -> Bool) -> (Responsibility, Double)? {
        var best: [String: (Responsibility, Double)] = [:]
        for c in candidates {
            for phrase in c.phrases {
                var score = 0.0
                if phrase.whole.count >= minimumPhraseWords, contains(title, phrase.whole), isUsable(phrase.whole) {
                    score = Double(phrase.whole.count)
                } else {
                    let hits = phrase.pieces.filter { $0.count >= 3 && contains(title, $0) && isUsable($0) }
                    if hits.count >= 2 { score = Double(hits.reduce(0) { $0 + $1.count }) }
                }
                if score > 0, score > (best[c.responsibility.unit.key]?.1 ?? -1) { best[c.responsibility.unit.key] = (c.responsibility, score) }
            }
        }
        let ranked = best.values.sorted { $0.1 > $1.1 || $0.1 == $1.1 && $0.0.line < $1.0.line }
        guard let top = ranked.first else { return nil }
        if ranked.count > 1, ranked[1].1 == top.1 { return nil }
        return top
    }

    /// A responsibility's areas and the heads of its duty's clauses, whole and cut at commas.
    private static func phrases(of r: Responsibility, _ vocabulary: inout Vocabulary) -> [Phrase] {
        (r.areas + ResponsibilityAreas.headPhrases(of: r.duty)).map { t in
            let pieces = t.split(separator: ",").map { vocabulary.words(String($0)) }
            return Phrase(whole: vocabulary.words(t), pieces: pieces.count > 1 ? pieces : [])
        }
    }

    /// `các sở, ban, ngành`, `Thủ trưởng các cơ quan`, `UBND các huyện`: a collective.
    static func isCollective(_ name: String) -> Bool {
        let lower = " " + VietnameseText.lowercased(name) + " "
        return lower.contains(" các ") || lower.contains(" toàn thể ")
    }

    /// Words as numbers, so comparing them compares integers.
    struct Vocabulary {
        /// Word ids by the hash of the word's bytes.
        private var ids: [UInt64: Int] = [:]

        /// A text's comparison words: the unit key's words, `CCHC` and `QPPL` written out.
        mutating func words(_ text: String) -> [Int] {
            var key = UnitNormalizer.key(for: text)
            var result: [Int] = []
            key.withUTF8 { bytes in
                var start = 0
                for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
                    defer { start = i + 1 }
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    guard !word.isEmpty, !(word.count == 1 && word[0] == UInt8(ascii: "-")) else { continue }
                    let h = TextWords.hash(word)
                    if let spelled = Vocabulary.expansions[h] {
                        for x in spelled { result.append(id(x)) }
                    } else {
                        result.append(id(h))
                    }
                }
            }
            return result
        }

        private mutating func id(_ h: UInt64) -> Int {
            if let known = ids[h] { return known }
            let new = ids.count
            ids[h] = new
            return new
        }

        /// Abbreviations of plan areas written out: CCHC (administrative reform), QPPL (legal documents).
        private static let expansions: [UInt64: [UInt64]] = [
            TextWords.hash(Array("cchc".utf8)): ["cải", "cách", "hành", "chính"].map { TextWords.hash(Array($0.utf8)) },
            TextWords.hash(Array("qppl".utf8)): ["quy", "phạm", "pháp", "luật"].map { TextWords.hash(Array($0.utf8)) },
        ]
    }

    private static func withoutParentheses(_ s: String) -> String {
        var out = ""
        var depth = 0
        for ch in s {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(ch) }
        }
        return out
    }

    /// Whether `phrase` occurs in `text` as consecutive words.
    private static func contains(_ text: [Int], _ phrase: [Int]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= text.count else { return false }
        var i = 0
        let n = phrase.count
        outer: while i + n <= text.count {
            defer { i += 1 }
            guard text[i] == phrase[0] else { continue }
            var k = 1
            while k < n {
                if text[i + k] != phrase[k] { continue outer }
                k += 1
            }
            return true
        }
        return false
    }
}
