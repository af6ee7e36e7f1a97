/// A document issued with another in the same file: the plan, programme or rules a decision
/// adopts (`Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …`), printed after the decision's
/// signature with a title block of its own:
///
/// ```
/// KẾ HOẠCH
/// Thực hiện chuyển đổi số năm 2027
/// (Ban hành kèm theo Quyết định số 2314/QĐ-UBND ngày 14/3/2027 của Chủ tịch UBND tỉnh)
/// ```
///
/// What follows is the plan itself (`I. MỤC ĐÍCH …`, `II. NHIỆM VỤ …`): ``SectionParser`` reads
/// it as body, not as leftovers after the closing, and starts its outline afresh.
enum AttachedDocument {
    /// How many lines after the kind line the `(Ban hành kèm theo …)` line may come (a title
    /// wrapped over several lines comes between).
    static let titleWindow = 6

    /// Whether token `i` is the kind line of an attached document: a line in capitals that
    /// starts with a document kind (`KẾ HOẠCH`, `QUY CHẾ`, …, ``FrameParser/kinds``), followed
    /// within ``titleWindow`` lines by a line saying what it is issued with.
    static func starts(at i: Int, in source: TokenizedSource, before end: Int) -> Bool {
        let t = source.tokens[i]
        guard t.kind == .text || t.kind == .heading && t.style == .upperLetter, t.content.count <= 300, !t.content.isEmpty,
            FrameParser.isKindInitial[Int(source.storage[Int(t.content.lowerBound)])]
        else { return false }
        let text = source.bytes(t.content)
        guard FrameParser.kindLength(text) != nil, TextShape.isUppercase(text) else { return false }
        var j = i + 1
        var seen = 0
        while j < end, seen < titleWindow {
            let next = source.tokens[j]
            j += 1
            if next.kind == .blank { continue }
            seen += 1
            if isIssuedWith(source.bytes(next.content)) { return true }
            // The kèm theo line comes under the title, before the first heading.
            if next.kind == .heading && next.style != .upperLetter || next.kind == .tableRow { return false }
        }
        return false
    }

    /// `(Ban hành kèm theo Quyết định số …)`, `(Kèm theo Quyết định …)`, `Ban hành theo …`.
    static func isIssuedWith(_ text: ArraySlice<UInt8>) -> Bool {
        var t = text
        while let f = t.first, f == 0x20 || f == UInt8(ascii: "(") || f == UInt8(ascii: "[") || f == UInt8(ascii: "*")
            || f == UInt8(ascii: "_")
        {
            t = t.dropFirst()
        }
        guard t.count >= 8, t.count <= 400 else { return false }
        let head = t.prefix(Self.longestLead + 4).withUnsafeBufferPointer { VietnameseText.lowercased($0) }
        return leads.contains { head.starts(with: $0) }
    }

    /// The words that open the line.
    private static let leads = [
        "ban hành kèm theo",  // "issued together with"
        "kèm theo",  // "attached to"
        "ban hành theo",  // "issued under"
    ].map { Array($0.utf8) }
    private static let longestLead = leads.map(\.count).max()!
}
