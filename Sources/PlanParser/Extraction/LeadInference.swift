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
        var areas: [Set<String>]
        var phrases: [Phrase]
    }

    private struct Phrase {
        var whole: [String]
        var pieces: [[String]]
    }

    static func infer(_ tasks: inout [PlanTask], from responsibilities: [Responsibility], documentTitle: String?) {
        let candidates = responsibilities.filter { $0.role == .lead && !isCollective($0.unit.name) }.map { r in
            Candidate(responsibility: r, areas: r.areas.map { Set(words($0)) }.filter { $0.count >= 2 },
                      phrases: phrases(of: r))
        }
        guard !candidates.isEmpty else { return }
        let open = tasks.indices.filter { tasks[$0].origin == .prose && tasks[$0].lead.isEmpty }
        guard !open.isEmpty else { return }
        let titleWords = documentTitle.map(words) ?? []
        let taskWords = Dictionary(uniqueKeysWithValues: open.map { ($0, words(tasks[$0].title)) })
        // Phrases that say nothing: in the plan's title, or in many task titles.
        var usable: [[String]: Bool] = [:]
        func isUsable(_ p: [String]) -> Bool {
            if let known = usable[p] { return known }
            var ok = !contains(titleWords, p)
            if ok {
                let hits = open.filter { contains(taskWords[$0] ?? [], p) }.count
                ok = hits <= max(2, open.count / 4)
            }
            usable[p] = ok
            return ok
        }
        for i in open {
            if let (r, _) = bySection(tasks[i], candidates) ?? byTitle(taskWords[i] ?? [], candidates, isUsable) {
                tasks[i].lead = [r.unit]
                tasks[i].leadSource = LeadSource(kind: .inferred, line: r.line)
            }
        }
    }

    /// The unit whose areas cover the task's nearest area heading; `nil` when none or a tie.
    private static func bySection(_ task: PlanTask, _ candidates: [Candidate]) -> (Responsibility, Double)? {
        for heading in task.headings.reversed() {
            guard TaskExtractor.role(ofHeading: heading.title) != .tasks else { continue }
            var heads = words(withoutParentheses(heading.title))
            while let first = heads.first, ["công", "tác", "về"].contains(first), heads.count > 2 { heads.removeFirst() }
            let set = Set(heads)
            guard set.count >= 2 else { continue }
            var best: [String: (Responsibility, Double)] = [:]
            for c in candidates {
                for a in c.areas {
                    let score = Double(set.intersection(a).count) / Double(set.count)
                    if score > (best[c.responsibility.unit.key]?.1 ?? -1) { best[c.responsibility.unit.key] = (c.responsibility, score) }
                }
            }
            let ranked = best.values.sorted { $0.1 > $1.1 || $0.1 == $1.1 && $0.0.line < $1.0.line }
            guard let top = ranked.first, top.1 >= minimumCoverage else { continue }
            if ranked.count > 1, ranked[1].1 == top.1 { return nil }
            return top
        }
        return nil
    }

    /// The unit whose longest area or duty phrase is written in the title; `nil` when none or a tie.
    /// A phrase cut at commas (`thu hút đầu tư, hỗ trợ khởi nghiệp, phát triển doanh nghiệp`)
    /// counts when two of its pieces are there.
    private static func byTitle(_ title: [String], _ candidates: [Candidate], _ isUsable: ([String]) -> Bool) -> (Responsibility, Double)? {
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
    private static func phrases(of r: Responsibility) -> [Phrase] {
        (r.areas + ResponsibilityAreas.headPhrases(of: r.duty)).map { t in
            let pieces = t.split(separator: ",").map { words(String($0)) }
            return Phrase(whole: words(t), pieces: pieces.count > 1 ? pieces : [])
        }
    }

    /// `các sở, ban, ngành`, `Thủ trưởng các cơ quan`, `UBND các huyện`: a collective.
    static func isCollective(_ name: String) -> Bool {
        let lower = " " + VietnameseText.lowercased(name) + " "
        return lower.contains(" các ") || lower.contains(" toàn thể ")
    }

    /// A text's comparison words: the unit key's words, `CCHC` written out.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        for w in UnitNormalizer.key(for: text).split(separator: " ") where w != "-" {
            switch w {
            case "cchc": result += ["cải", "cách", "hành", "chính"]
            case "qppl": result += ["quy", "phạm", "pháp", "luật"]
            default: result.append(String(w))
            }
        }
        return result
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
    private static func contains(_ text: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= text.count else { return false }
        var i = 0
        while i + phrase.count <= text.count {
            if text[i] == phrase[0], Array(text[i..<(i + phrase.count)]) == phrase { return true }
            i += 1
        }
        return false
    }
}
