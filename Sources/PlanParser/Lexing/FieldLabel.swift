/// Recognizes field labels at the start of a bullet or line: `Đơn vị chủ trì thực hiện: …`.
enum FieldLabel {
    /// Longest label we accept, in bytes; a longer prefix before `:` is a sentence.
    static let maxLabelBytes = 64
    static let maxLabelWords = 8

    // Vietnamese label vocabulary, lowercase.
    private static let lead = Array("chủ trì".utf8)  // "lead"
    private static let support = Array("phối hợp".utf8)  // "cooperate"
    private static let carriedOutBy = Array("thực hiện".utf8)  // "carry out" (Đơn vị thực hiện = lead)
    private static let unitWords: [[UInt8]] = [
        Array("cơ quan".utf8),  // "agency"
        Array("đơn vị".utf8),  // "unit"
        Array("bộ phận".utf8),  // "division"
    ]
    private static let productWords: [[UInt8]] = [
        Array("sản phẩm".utf8),  // "product"
        Array("kết quả".utf8),  // "result"
    ]
    private static let timeWords: [[UInt8]] = [
        Array("thời gian".utf8),  // "time"
        Array("thời hạn".utf8),  // "deadline"
        Array("tiến độ".utf8),  // "schedule"
        Array("thời điểm".utf8),  // "point in time"
    ]

    /// - Returns: end of the label, start of the value, and the field's role; `nil` when the
    ///   line does not start with a short `Label:`.
    static func match(_ buf: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int) -> (Int, Int, FieldRole)? {
        let limit = min(hi, lo + maxLabelBytes + 1)
        var colon = -1
        var words = 1
        var i = lo
        while i < limit {
            let b = buf[i]
            if b == UInt8(ascii: ":") {
                colon = i
                break
            }
            // Digits, brackets and sentence punctuation do not occur in labels.
            if (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "(") || b == UInt8(ascii: ".") || b == UInt8(ascii: ";") {
                return nil
            }
            if b == 0x20 { words += 1 }
            i += 1
        }
        guard colon > lo, words <= maxLabelWords else { return nil }
        var labelEnd = colon
        while labelEnd > lo, buf[labelEnd - 1] == 0x20 { labelEnd -= 1 }
        let r = VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[lo..<labelEnd])) { role(of: $0, words: words) }
        var valueStart = colon + 1
        while valueStart < hi, buf[valueStart] == 0x20 || buf[valueStart] == 0x09 { valueStart += 1 }
        return (labelEnd, valueStart, r)
    }

    static func role(of label: UnsafeBufferPointer<UInt8>, words: Int) -> FieldRole {
        if VietnameseText.contains(label, lead) { return .lead }
        if VietnameseText.contains(label, support) { return .support }
        if words <= 6 {
            for w in productWords where VietnameseText.hasPrefix(label, w) { return .product }
            for w in timeWords where VietnameseText.hasPrefix(label, w) { return .time }
            for w in unitWords where VietnameseText.hasPrefix(label, w) && VietnameseText.contains(label, carriedOutBy) {
                return .lead
            }
        }
        return .unknown
    }
}
