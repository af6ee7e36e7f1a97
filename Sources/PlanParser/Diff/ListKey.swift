/// A list of values (a task's products) reduced for comparison.
///
/// Two lists are equal when they hold the same set of values, or the same words in the same
/// order once the list is joined. The second rule keeps a list split differently by two
/// layouts (`A, B` in a table cell, `A; B` in a field bullet) equal. Values and words are
/// compared word by word with ``DiffToken/matches(_:_:)``, so each year follows the
/// ``YearShiftRule`` on its own: `Sổ tay theo TCVN ISO 9001:2015; Báo cáo năm 2024` (2024)
/// equals `Sổ tay theo TCVN ISO 9001:2015; Báo cáo năm 2025` (2025) — the standard's year
/// is fixed, the report's moves with the plan.
struct ListKey: Sendable, Equatable {
    /// The values' words, empty values left out, sorted by their relative forms, no duplicates.
    var items: [[DiffToken]]
    /// The words of all values, in order.
    var joined: [DiffToken]

    init(_ items: [[DiffToken]]) {
        self.items = Self.sortedUnique(items.filter { !$0.isEmpty })
        joined = items.flatMap { $0 }
    }

    /// Whether the old list `a` and the new list `b` say the same.
    static func same(_ a: ListKey, _ b: ListKey) -> Bool {
        DiffToken.matches(a.joined, b.joined) || sameSet(a.items, b.items, DiffToken.matches)
    }

    /// Whether `a` and `b` hold the same values under `matches`, a relation that need not be
    /// transitive (a year matches as written or relative to its plan year): every value of
    /// each has a match in the other. Lists of more than 64 × 64 values (never seen in a
    /// plan) are compared in order instead, so the check stays linear.
    static func sameSet<T>(_ a: [T], _ b: [T], _ matches: (T, T) -> Bool) -> Bool {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty }
        guard a.count * b.count <= 64 * 64 else {
            return a.count == b.count && zip(a, b).allSatisfy { matches($0, $1) }
        }
        for x in a where !b.contains(where: { matches(x, $0) }) { return false }
        for y in b where !a.contains(where: { matches($0, y) }) { return false }
        return true
    }

    /// `lists` sorted by their relative forms, then as written, without duplicates.
    static func sortedUnique(_ lists: [[DiffToken]]) -> [[DiffToken]] {
        if lists.count < 2 { return lists }
        func key(_ t: DiffToken) -> (Int32, Int32) { (t.relative, t.word) }
        let sorted = lists.sorted { x, y in
            x.lazy.map(key).lexicographicallyPrecedes(y.lazy.map(key)) { $0 < $1 }
        }
        var result: [[DiffToken]] = []
        for l in sorted where result.last != l { result.append(l) }
        return result
    }
}
