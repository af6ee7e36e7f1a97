import Testing

@testable import PlanParser

/// ``ByteNeedles``: the first keyword in list order that a text holds, start-only keywords only
/// at the text's start, the same answers as asking ``ByteSearch`` keyword by keyword.
@Suite struct ByteNeedlesTests {
    static func first(_ n: ByteNeedles, _ s: String) -> Int? {
        var copy = s
        return copy.withUTF8 { n.firstMatch(in: $0) }
    }

    @Test func firstInListOrderNotInText() {
        let n = ByteNeedles(["phối hợp", "chủ trì", "giao"])
        #expect(n.count == 3)
        // `chủ trì` comes first in the text, `phối hợp` first in the list.
        #expect(Self.first(n, "sở nội vụ chủ trì, phối hợp với các sở") == 0)
        #expect(Self.first(n, "giao sở tài chính chủ trì") == 1)
        #expect(Self.first(n, "bàn giao") == 2)
        #expect(Self.first(n, "sở nội vụ") == nil)
        #expect(Self.first(n, "") == nil)
    }

    @Test func startOnlyKeywordsMatchOnlyAtTheStart() {
        let n = ByteNeedles([("nội dung", atStart: true), ("nhiệm vụ", atStart: false), ("kinh phí", atStart: true)])
        #expect(Self.first(n, "nội dung chủ yếu") == 0)
        #expect(Self.first(n, "các nội dung") == nil)
        #expect(Self.first(n, "các nhiệm vụ trọng tâm") == 1)
        #expect(Self.first(n, "kinh phí thực hiện") == 2)
        #expect(Self.first(n, "nguồn kinh phí") == nil)
        // A text shorter than the keyword holds nothing.
        #expect(Self.first(n, "nội") == nil)
    }

    @Test func agreesWithByteSearchKeywordByKeyword() {
        let words = ["chủ trì", "giao", "đề nghị", "yêu cầu", "trách nhiệm", "phối hợp", "tham mưu", "phân công"]
        let n = ByteNeedles(words)
        let texts = ["UBND tỉnh giao sở", "đề nghị các sở", "trách nhiệm của sở", "không có gì", "phân công", "tham mư"]
        for t in texts {
            var copy = t
            let expected = copy.withUTF8 { hay in words.firstIndex { ByteSearch.contains(hay, Array($0.utf8)) } }
            #expect(Self.first(n, t) == expected, "\(t)")
        }
    }
}
