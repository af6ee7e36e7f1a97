#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Recognizes field labels at the start of a bullet or line: `Đơn vị chủ trì thực hiện: …`
/// (the words are in ``LabelVocabulary``).
enum FieldLabel {
    /// Longest label we accept, in bytes; a longer prefix before `:` is a sentence.
    static let maxLabelBytes = 64
    static let maxLabelWords = 8

    /// - Returns: end of the label, start of the value, and the field's role; `nil` when the
    ///   line does not start with a short `Label:`.
    static func match(_ buf: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int) -> (Int, Int, Field.Role)? {
        let limit = min(hi, lo + maxLabelBytes + 1)
        // Most lines have no `:` near their start: one `memchr` (SIMD in libc) says so before
        // the byte loop looks at anything.
        guard lo < limit, let base = buf.baseAddress, memchr(base + lo, Int32(UInt8(ascii: ":")), limit - lo) != nil else {
            return nil
        }
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

    static func role(of label: UnsafeBufferPointer<UInt8>, words: Int) -> Field.Role {
        LabelVocabulary.fieldRole(ofLabel: label, words: words)
    }
}
