/// Joins the letterhead's issuer lines into one issuer: ` - ` between the levels a letterhead
/// stacks (`UBND TỈNH QUẢNG NAM` / `SỞ TƯ PHÁP`, `ỦY BAN NHÂN DÂN` / `TỈNH KON TUM`), a space
/// where one name runs over two lines — written so by hand (`SỞ NÔNG NGHIỆP VÀ` / `PHÁT TRIỂN
/// NÔNG THÔN`) or wrapped by a narrow column in a PDF's text (`SỞ NÔNG NGHIỆP VÀ MÔI` / `TRƯỜNG`).
enum IssuerLines {
    static func join(_ pieces: [String]) -> String {
        var result = ""
        for piece in pieces {
            if result.isEmpty {
                result = piece
            } else {
                result += continues(piece, after: result) ? " " : " - "
                result += piece
            }
        }
        return result
    }

    /// A line starts a level of its own with a unit's head (`SỞ`, `PHÒNG`, `BAN …`) or a place
    /// word (`TỈNH`, `HUYỆN`); any other line, a word alone, or a line around a `và` or after a
    /// comma goes on with the name before it.
    static func continues(_ piece: String, after previous: String) -> Bool {
        if let last = previous.unicodeScalars.last, last == "," || last == "-" { return true }
        let before = TextWords(previous)
        if before.count > 0, before.isWord(before.count - 1, Self.and) { return true }
        let words = TextWords(piece)
        guard words.count > 0 else { return false }
        // One word alone is the end of a wrapped name (`TRƯỜNG`, `THÔN`), even a head's word.
        if words.count == 1 || words.isWord(0, Self.and) { return true }
        if UnitLexicon.headIndex.longestMatch(in: words, at: 0) != nil
            || UnitLexicon.placeIndex.longestMatch(in: words, at: 0) != nil
            || Self.levelIndex.longestMatch(in: words, at: 0) != nil
        {
            return false
        }
        return true
    }

    private static let and = Array("và".utf8)  // "and"

    /// Party bodies a letterhead stacks under its committee, which name no unit in a task.
    private static let levelIndex = PhraseIndex([
        "đảng bộ",  // party organisation (Đảng bộ tỉnh)
        "chi bộ",  // party cell
        "bch",  // executive committee (abbreviation)
    ])
}
