import Foundation
@testable import PlanParser

/// How close a document read from converter text comes to the one read from its text twin:
/// the Swift core of `scripts/compare-records.py` (tasks paired by title, then every field
/// compared after the same normalization; header fields compared one by one).
struct RecordComparison {
    var expected = 0
    var found = 0
    var matched = 0
    /// Matched tasks whose title, units, products, times and section all agree.
    var exact = 0
    /// Header fields equal, of ``headerFields``.
    var header = 0
    var targetsMatched = 0
    var targetsExpected = 0
    /// Human-readable differences, for failure messages.
    var differences: [String] = []

    static let headerFields = ["kind", "number", "issuer", "place", "date", "title", "planYear", "recipients", "signer"]

    init(twin a: PlanDocument, converted b: PlanDocument) {
        expected = a.tasks.count
        found = b.tasks.count
        var used = Set<Int>()
        for t in a.tasks {
            let key = Self.norm(t.title)
            var best = -1
            var bestScore = 0.6
            for (j, u) in b.tasks.enumerated() where !used.contains(j) {
                let other = Self.norm(u.title)
                if other == key {
                    best = j
                    break
                }
                let s = Self.similarity(key, other)
                if s >= bestScore {
                    bestScore = s
                    best = j
                }
            }
            guard best >= 0 else {
                differences.append("missing \(t.id): \(t.title)")
                continue
            }
            used.insert(best)
            matched += 1
            let u = b.tasks[best]
            var diff: [String] = []
            if Self.norm(t.title) != Self.norm(u.title) { diff.append("title") }
            if Set(t.lead.map(\.key)) != Set(u.lead.map(\.key)) { diff.append("lead") }
            if Set(t.support.map(\.key)) != Set(u.support.map(\.key)) { diff.append("support") }
            if Set(t.products.map(Self.norm)) != Set(u.products.map(Self.norm)) { diff.append("products") }
            if Set(t.time.map { Self.norm($0.text) }) != Set(u.time.map { Self.norm($0.text) }) { diff.append("time") }
            if t.section.map(Self.norm) != u.section.map(Self.norm) { diff.append("section") }
            if diff.isEmpty { exact += 1 } else { differences.append("\(t.id) ~ \(u.id): \(diff.joined(separator: ", "))") }
        }
        for (j, u) in b.tasks.enumerated() where !used.contains(j) { differences.append("extra \(u.id): \(u.title)") }
        targetsExpected = a.targets.count
        var usedTargets = Set<Int>()
        for t in a.targets {
            if let j = b.targets.indices.first(where: { !usedTargets.contains($0) && Self.similarity(Self.norm(t.text), Self.norm(b.targets[$0].text)) >= 0.6 }) {
                usedTargets.insert(j)
                targetsMatched += 1
            }
        }
        let ha = a.header
        let hb = b.header
        let pairs: [(String, Bool)] = [
            ("kind", Self.norm(ha.kind ?? "") == Self.norm(hb.kind ?? "")),
            ("number", Self.norm(ha.number ?? "") == Self.norm(hb.number ?? "")),
            ("issuer", Self.norm(ha.issuer ?? "") == Self.norm(hb.issuer ?? "")),
            ("place", Self.norm(ha.place ?? "") == Self.norm(hb.place ?? "")),
            ("date", ha.date == hb.date),
            ("title", Self.norm(ha.title ?? "") == Self.norm(hb.title ?? "")),
            ("planYear", ha.planYear == hb.planYear),
            ("recipients", ha.recipients.map(Self.norm) == hb.recipients.map(Self.norm)),
            ("signer", Self.norm(ha.signer?.title ?? "") == Self.norm(hb.signer?.title ?? "")
                && Self.norm(ha.signer?.name ?? "") == Self.norm(hb.signer?.name ?? "")),
        ]
        for (name, equal) in pairs {
            if equal { header += 1 } else { differences.append("header \(name)") }
        }
    }

    /// Case folded, spaces collapsed, dashes and quotes unified, markdown and a trailing `.;:,` dropped.
    static func norm(_ text: String) -> String {
        var s = text.precomposedStringWithCanonicalMapping
        s = s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "")
        for d in ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}"] { s = s.replacingOccurrences(of: d, with: "-") }
        for q in ["\u{201C}", "\u{201D}"] { s = s.replacingOccurrences(of: q, with: "\"") }
        s = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        while let last = s.last, ".;:,".contains(last) { s.removeLast() }
        return VietnameseText.lowercased(s.trimmingCharacters(in: .whitespaces))
    }

    /// Dice coefficient over words and word pairs.
    static func similarity(_ a: String, _ b: String) -> Double {
        func features(_ s: String) -> [String: Int] {
            let w = s.split(separator: " ").map(String.init)
            var f: [String: Int] = [:]
            for x in w { f[x, default: 0] += 1 }
            if w.count > 1 { for k in 0..<(w.count - 1) { f[w[k] + " " + w[k + 1], default: 0] += 1 } }
            return f
        }
        let fa = features(a)
        let fb = features(b)
        let total = fa.values.reduce(0, +) + fb.values.reduce(0, +)
        guard total > 0 else { return 1 }
        let common = fa.reduce(0) { $0 + min($1.value, fb[$1.key] ?? 0) }
        return 2 * Double(common) / Double(total)
    }

    var summary: String {
        "\(matched)/\(expected) tasks (\(exact) exact, \(found) found), header \(header)/9, targets \(targetsMatched)/\(targetsExpected)"
    }
}
