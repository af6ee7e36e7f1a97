/// Recognizes the line-start keywords that frame a document.
enum KeywordMatcher {
    /// A keyword's lowercase words. A struct, not a tuple: each generic type (an array of
    /// tuples is one) costs the runtime a metadata lookup by name in every process.
    private struct Entry {
        var words: [UInt8]
        var keyword: LineKeyword

        init(_ words: String, _ keyword: LineKeyword) {
            self.words = Array(words.utf8)
            self.keyword = keyword
        }
    }

    private static let table: [Entry] = [
        Entry("số", .documentNumber),  // "number" (Số: 12/KH-UBND)
        Entry("kính gửi", .addressee),  // "respectfully to" (addressee)
        Entry("căn cứ", .basis),  // "pursuant to"
        Entry("nơi nhận", .recipients),  // "recipients"
        Entry("phụ lục", .appendix),  // "appendix"
    ]

    static func keyword(_ buf: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int) -> LineKeyword {
        // Only these first letters can start a keyword; skip the folding work for the rest.
        switch buf[lo] | 0x20 {
        case UInt8(ascii: "s"), UInt8(ascii: "k"), UInt8(ascii: "c"), UInt8(ascii: "n"), UInt8(ascii: "p"): break
        default: return .none
        }
        let prefixEnd = min(hi, lo + 16)
        return VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[lo..<prefixEnd])) { folded in
            match(folded, buf, lo, hi)
        }
    }

    private static func match(_ folded: UnsafeBufferPointer<UInt8>, _ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int)
        -> LineKeyword
    {
        for entry in table where ByteSearch.hasPrefix(folded, entry.words) {
            let (words, keyword) = (entry.words, entry.keyword)
            let after = words.count
            let next: UInt8? = after < folded.count ? folded[after] : nil
            switch keyword {
            case .documentNumber:
                // `Số:` or `Số :`, never the word "số" in a sentence.
                var j = after
                while j < folded.count, folded[j] == 0x20 { j += 1 }
                return j < folded.count && folded[j] == UInt8(ascii: ":") ? .documentNumber : .none
            case .appendix:
                // `PHỤ LỤC`, `Phụ lục I`, `Phụ lục:` — not `Phụ lục kèm theo …` inside prose.
                let upper = buf[lo + 1] >= UInt8(ascii: "A") && buf[lo + 1] <= UInt8(ascii: "Z")
                if upper || next == nil || next == UInt8(ascii: ":") { return .appendix }
                let rest = lo + words.count + 1
                if next == 0x20, rest < hi {
                    let c = buf[rest]
                    if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "I") || c == UInt8(ascii: "V")
                        || c == UInt8(ascii: "X") || c == UInt8(ascii: "0")
                    {
                        return .appendix
                    }
                }
                return .none
            default:
                guard next == nil || next == 0x20 || next == UInt8(ascii: ":") else { return .none }
                return keyword
            }
        }
        return .none
    }
}
