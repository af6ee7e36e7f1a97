import Testing
@testable import PlanParser

@Suite struct SyllableSplitTests {
    /// Every byte boundary of `s` is a break (a one-letter column).
    static func everyLetter(_ s: String) -> [Int] {
        var breaks: [Int] = []
        var offset = 0
        for ch in s.unicodeScalars.dropLast() {
            offset += String(ch).utf8.count
            breaks.append(offset)
        }
        return breaks
    }

    @Test(arguments: [
        ("I.CÔNGTÁCCHỈĐẠO,ĐIỀUHÀNH", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        ("II.PHỔBIẾN,GIÁODỤCPHÁPLUẬTCHOCÁNBỘ", "II. PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT CHO CÁN BỘ"),
        ("IV.HÒAGIẢIỞCƠSỞ", "IV. HÒA GIẢI Ở CƠ SỞ"),
        ("CẢICÁCHTHỦTỤCHÀNHCHÍNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("XÂYDỰNGCHÍNHQUYỀNĐIỆNTỬ", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ"),
        ("NĂM2025", "NĂM 2025"),
        ("UBND", "UBND"),
        ("STT", "STT"),
    ] as [(String, String)])
    func lettersApart(_ input: String, _ output: String) {
        let splitter = SyllableSplit(vocabulary: [])
        #expect(splitter.resolve(input, breaks: Self.everyLetter(input)) == output)
    }

    @Test func theDocumentsWordsDecide() {
        // `nhà nước` or `nhàn ước`: both are syllables; the document says which.
        let input = "NHÀNƯỚC"
        let words = SyllableSplit.vocabulary(of: Array("quản lý nhà nước và các cơ quan nhà nước".utf8)[...])
        #expect(SyllableSplit(vocabulary: words).resolve(input, breaks: Self.everyLetter(input)) == "NHÀ NƯỚC")
    }

    @Test func onlyAtBreaks() {
        // A word broken at a column's edge (`thường xu` / `yên`) is one word.
        let splitter = SyllableSplit(vocabulary: ["thường", "xuyên"])
        #expect(splitter.resolve("Thường xuyên/theo", breaks: [11]) == "Thường xuyên/theo")
        #expect(splitter.resolve("infographic", breaks: [3]) == "infographic")
    }

    @Test(arguments: ["nghiêng", "gì", "quốc", "khuya", "thuyền", "ước", "oanh", "giữ"])
    func syllables(_ word: String) {
        #expect(SyllableSplit.isSyllable(word))
    }

    @Test(arguments: ["tácc", "nhàc", "bnd", "gtác", "ii", "choc"])
    func notSyllables(_ word: String) {
        #expect(!SyllableSplit.isSyllable(word))
    }
}
