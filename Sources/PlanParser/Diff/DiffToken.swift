/// One word of a text as the diff compares it: lowercase, without punctuation, interned.
///
/// Made by ``DiffTokenizer``. Numbers lose their leading zeros (`01` = `1`); a citation
/// (`59/2024/NĐ-CP ngày 15/5/2024`) is one token. A year that moves with the plan year
/// (``YearShiftRule``) has a second form relative to its document's plan year (`y+0`,
/// `y-1`), so two texts agree on it either as written (`năm 2025` in both plans) or relative
/// to their plan years (`năm 2024` in the 2024 plan = `năm 2025` in the 2025 plan); a fixed
/// year (`ISO 9001:2015`, `giai đoạn 2021 - 2025`) only as written. See
/// ``DiffToken/matches(_:_:)``. Eight bytes: plans have millions of words.
struct DiffToken: Sendable, Hashable {
    /// The word's id in the ``WordTable``.
    var word: Int32
    /// For a year that moves with the plan: the id of its relative form (`y+0`); otherwise
    /// `word`. Title features use this form.
    var relative: Int32

    /// Whether `a` (from the old plan) and `b` (from the new plan) say the same: the same
    /// word, or two years equally far from their plan years. (A relative form is never a
    /// word: it has a `+` or `-`.)
    @inline(__always)
    static func matches(_ a: DiffToken, _ b: DiffToken) -> Bool {
        a.word == b.word || a.relative == b.relative
    }

    /// Element-wise ``matches(_:_:)`` of two token lists.
    static func matches<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool
    where A.Element == DiffToken, B.Element == DiffToken {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !matches(x, y) { return false }
        return true
    }
}
