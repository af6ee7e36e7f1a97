import Foundation

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
    static func matches(_ a: [DiffToken], _ b: [DiffToken]) -> Bool {
        guard a.count == b.count else { return false }
        for i in a.indices where !matches(a[i], b[i]) { return false }
        return true
    }
}

/// Interns words: each distinct word gets a small integer, so that comparing and hashing a
/// word costs an integer operation (hashing a non-ASCII `String` costs a normalization
/// check). One table serves both documents of a diff, so equal words get equal ids.
final class WordTable {
    private var ids: [ByteString: Int32] = [:]
    private var texts: [[UInt8]] = []
    private var relativeIDs: [Int: Int32] = [:]

    /// The number of distinct words; ids are `0..<count`.
    var count: Int { texts.count }

    func id(_ bytes: [UInt8]) -> Int32 {
        let key = ByteString(bytes: bytes)
        if let id = ids[key] { return id }
        let id = Int32(texts.count)
        ids[key] = id
        texts.append(bytes)
        return id
    }

    func id(_ text: String) -> Int32 { id(Array(text.utf8)) }

    /// The id of the relative year form `y+offset` (`y+0`, `y-1`): never a word, since a word
    /// has no `+` or `-`.
    func relativeID(_ offset: Int) -> Int32 {
        if let id = relativeIDs[offset] { return id }
        let id = self.id(offset < 0 ? "y" + String(offset) : "y+" + String(offset))
        relativeIDs[offset] = id
        return id
    }

    /// The word as text (tests and debugging).
    func text(_ id: Int32) -> String { String(decoding: texts[Int(id)], as: UTF8.self) }
}

/// Bytes hashed in one call, as a dictionary key.
struct ByteString: Hashable {
    var bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
