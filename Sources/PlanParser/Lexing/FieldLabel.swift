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
        // Sixteen bytes at a time up to the first byte that ends the label (`:`) or rules it
        // out, counting the spaces before it; that byte is then read below. The masks are read
        // as two words (each byte FF or 00), not with `any`, which is not inlined.
        typealias Block = SIMD16<UInt8>
        while i &+ 16 <= limit {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: Block.self)
            let stops = (x .== Block(repeating: UInt8(ascii: ":"))) .| (x &- Block(repeating: 0x30) .< Block(repeating: 10))
                .| (x .== Block(repeating: UInt8(ascii: "("))) .| (x .== Block(repeating: UInt8(ascii: ".")))
                .| (x .== Block(repeating: UInt8(ascii: ";")))
            let s = unsafeBitCast(stops, to: SIMD2<UInt64>.self)
            var spaces = unsafeBitCast(x .== Block(repeating: 0x20), to: SIMD2<UInt64>.self)
            if s[0] | s[1] == 0 {
                words &+= (spaces[0].nonzeroBitCount &+ spaces[1].nonzeroBitCount) >> 3
                i &+= 16
                continue
            }
            // Only the spaces before the first stop count.
            if s[0] != 0 {
                spaces[0] &= (1 << UInt64(s[0].trailingZeroBitCount)) &- 1
                spaces[1] = 0
            } else {
                spaces[1] &= (1 << UInt64(s[1].trailingZeroBitCount)) &- 1
            }
            words &+= (spaces[0].nonzeroBitCount &+ spaces[1].nonzeroBitCount) >> 3
            i &+= (s[0] != 0 ? s[0].trailingZeroBitCount : 64 &+ s[1].trailingZeroBitCount) >> 3
            break
        }
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
