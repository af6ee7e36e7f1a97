import Testing

@testable import PlanParser

/// ``ByteInterner``: dense ids in order of first sight, equal bytes always the same id, across
/// table growth and hash collisions.
@Suite struct ByteInternerTests {
    static func id(_ t: inout ByteInterner, _ s: String, hash: UInt64? = nil) -> (Int, Bool) {
        var copy = s
        return copy.withUTF8 { b in hash.map { t.id(of: b, hash: $0) } ?? t.id(of: b) }
    }

    @Test func idsInOrderOfFirstSight() {
        var t = ByteInterner(capacity: 4)
        let words = ["cải", "cách", "hành", "chính", "cải", "", "cách", "Cải", "hành chính"]
        let expected = [(0, true), (1, true), (2, true), (3, true), (0, false), (4, true), (1, false), (5, true), (6, true)]
        for (w, e) in zip(words, expected) {
            let got = Self.id(&t, w)
            #expect(got.0 == e.0 && got.1 == e.1, "\(w)")
        }
        #expect(t.count == 7)
        #expect(t.string(0) == "cải")
        #expect(t.string(4) == "")
        #expect(t.string(6) == "hành chính")
    }

    @Test func manyStringsSurviveGrowth() {
        var t = ByteInterner(capacity: 2)
        for n in 0..<5000 { #expect(Self.id(&t, "đơn vị \(n)").0 == n) }
        for n in stride(from: 4999, through: 0, by: -7) { #expect(Self.id(&t, "đơn vị \(n)") == (n, false)) }
        #expect(t.count == 5000)
    }

    /// The same hash for different bytes (as a caller's own hash may give): told apart by
    /// their bytes, of equal and of different lengths.
    @Test func collidingHashesStayApart() {
        var t = ByteInterner(capacity: 4)
        for (k, s) in ["abcdefgh1", "abcdefgh2", "abc", "abcdefgh1x"].enumerated() {
            #expect(Self.id(&t, s, hash: 42) == (k, true))
        }
        #expect(Self.id(&t, "abcdefgh2", hash: 42) == (1, false))
        #expect(t.string(3) == "abcdefgh1x")
    }
}
