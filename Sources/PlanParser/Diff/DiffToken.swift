import Foundation

/// One word of a text as the diff compares it: lowercase, without punctuation, interned.
///
/// Numbers lose their leading zeros (`01` = `1`). A number from 1900 to 2199 is a year and
/// has a second form relative to its document's plan year (`y+0`, `y-1`), so two texts can
/// agree on it either absolutely (`2021 - 2025` in both plans) or relative to their plan
/// years (`năm 2024` in the 2024 plan = `năm 2025` in the 2025 plan); see
/// ``DiffToken/matches(_:_:)``.
struct DiffToken: Sendable, Hashable {
    /// The word's id in the ``WordTable``.
    var word: Int32
    /// For a year in a document with a plan year: the id of its relative form (`y+0`);
    /// otherwise `word`.
    var relative: Int32
    /// For a year: its value.
    var year: Int?

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

/// Cuts texts into ``DiffToken``s.
///
/// A word is a run of letters and digits; everything else (spaces, punctuation, dashes,
/// `/`, `:`) separates words and is dropped. Letters are lowercased with
/// ``VietnameseText/lowercase(_:)``, so `CÔNG TÁC` = `Công tác`.
///
/// - Precondition: none; a text with combining marks (NFD) is composed (NFC) first. Texts
///   from ``PlanDocument/parse(bytes:path:maxBytes:)`` are already NFC, so this costs a scan
///   for the bytes `0xCC`/`0xCD` (Vietnamese NFC text has none; decomposed marks start with them).
/// - Postcondition: every token has a non-empty word.
struct DiffTokenizer {
    let words: WordTable
    /// The plan year that years are made relative to (`nil`: years stay absolute only).
    let baseYear: Int?

    init(words: WordTable, baseYear: Int?) {
        self.words = words
        self.baseYear = baseYear
    }

    /// The tokens of `text`.
    /// - Complexity: O(n) in the length of `text`.
    func tokens(_ text: String) -> [DiffToken] {
        var result: [DiffToken] = []
        var copy = Self.composed(text)
        copy.withUTF8 { bytes in Self.scanWords(bytes) { result.append(token($0)) } }
        return result
    }

    /// The ids of the words of `text`, years absolute.
    func wordIDs(_ text: String) -> [Int32] { tokens(text).map(\.word) }

    /// The id of a relative year form, e.g. `y+0`.
    func relativeID(_ offset: Int) -> Int32 {
        words.id(offset < 0 ? "y" + String(offset) : "y+" + String(offset))
    }

    private func token(_ word: [UInt8]) -> DiffToken {
        var isNumber = true
        for b in word where b &- 0x30 >= 10 {
            isNumber = false
            break
        }
        guard isNumber else {
            let id = words.id(word)
            return DiffToken(word: id, relative: id)
        }
        var digits = word[...]
        while digits.count > 1, digits.first == UInt8(ascii: "0") { digits = digits.dropFirst() }
        let id = words.id(Array(digits))
        var value = 0
        for d in digits.prefix(5) { value = value * 10 + Int(d - 0x30) }
        guard digits.count == 4, (1900...2199).contains(value) else { return DiffToken(word: id, relative: id) }
        guard let base = baseYear else { return DiffToken(word: id, relative: id, year: value) }
        return DiffToken(word: id, relative: relativeID(value - base), year: value)
    }

    /// `text` in NFC when it holds a combining mark's lead byte, else `text` itself.
    static func composed(_ text: String) -> String {
        var needs = false
        for b in text.utf8 where b == 0xCC || b == 0xCD {
            needs = true
            break
        }
        return needs ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Calls `body` with each lowercase word of `bytes`.
    private static func scanWords(_ bytes: UnsafeBufferPointer<UInt8>, _ body: ([UInt8]) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 {
                    word.append(b &+ ((b &- 0x41) < 26 ? 0x20 : 0))
                } else if !word.isEmpty {
                    body(word)
                    word.removeAll(keepingCapacity: true)
                }
                i += 1
                continue
            }
            let (s, n) = VietnameseText.scalar(in: bytes, at: i)
            if isWordScalar(s) {
                VietnameseText.appendUTF8(VietnameseText.lowercase(s), to: &word)
            } else if !word.isEmpty {
                body(word)
                word.removeAll(keepingCapacity: true)
            }
            i += n
        }
        if !word.isEmpty { body(word) }
    }

    /// Letters of any script, combining marks and digits; not spaces, punctuation, symbols.
    @inline(__always)
    private static func isWordScalar(_ s: UInt32) -> Bool {
        if VietnameseText.isLetter(s) { return true }
        switch s {
        case 0x80...0xBF, 0xD7, 0xF7: return false  // Latin-1 punctuation, ×, ÷
        case 0x2000...0x2BFF, 0x3000...0x303F, 0xFE00...0xFE6F, 0xFEFF, 0xFF00...0xFF20: return false
        case 0x300...0x36F: return true  // combining marks (after a failed composition)
        default: return s >= 0x100
        }
    }
}
