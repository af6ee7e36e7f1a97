/// Splits a time text into ``TimeToken``s in one pass over its UTF-8 bytes.
///
/// Letters are folded to their base letter while scanning, so keyword lookup is one
/// integer compare per table entry and never builds a `String`.
enum TimeTokenizer {
    /// The tokens of `bytes`, which must be valid UTF-8.
    /// - Complexity: O(n) in the byte count.
    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [TimeToken] {
        var tokens: [TimeToken] = []
        tokens.reserveCapacity(bytes.count / 3 + 4)
        let keywords = TimeWord.table
        var i = 0
        var sawSpace = false
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                // ASCII fast path: most of a time text is ASCII.
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    sawSpace = true
                    i += 1
                    continue
                }
                if (b | 0x20) &- 0x61 < 26 {
                    tokens.append(word(in: bytes, from: i, spaceBefore: sawSpace, keywords: keywords, next: &i))
                    sawSpace = false
                    continue
                }
            }
            let (s, n) = VietnameseText.scalar(in: bytes, at: i)
            if isSpace(s) {
                sawSpace = true
                i += n
                continue
            }
            let start = i
            if s >= 0x30 && s <= 0x39 {
                var value = 0
                var digits = 0
                while i < count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                    if digits < 9 { value = value * 10 + Int(bytes[i] - 0x30) }
                    digits += 1
                    i += 1
                }
                var token = TimeToken(kind: .number, start: Int32(start), end: Int32(i))
                token.digits = UInt8(min(digits, 255))
                token.value = Int32(value)
                token.spaceBefore = sawSpace
                tokens.append(token)
            } else if VietnameseText.baseLetter(s) != nil {
                tokens.append(word(in: bytes, from: start, spaceBefore: sawSpace, keywords: keywords, next: &i))
            } else {
                i += n
                var token = TimeToken(kind: kind(of: s), start: Int32(start), end: Int32(i))
                token.spaceBefore = sawSpace
                tokens.append(token)
            }
            sawSpace = false
        }
        return tokens
    }

    /// The word token of `bytes` when they are one word (letters only), as ``tokens(_:)`` would
    /// read them between spaces or marks; `nil` for anything else.
    static func singleWord(_ bytes: UnsafeBufferPointer<UInt8>, keywords: TimeWord.Table) -> TimeToken? {
        guard !bytes.isEmpty else { return nil }
        let b = bytes[0]
        guard b < 0x80 ? (b | 0x20) &- 0x61 < 26 : VietnameseText.baseLetter(VietnameseText.scalar(in: bytes, at: 0).value) != nil
        else { return nil }
        var end = 0
        let token = word(in: bytes, from: 0, spaceBefore: false, keywords: keywords, next: &end)
        return end == bytes.count ? token : nil
    }

    /// Reads the word starting at `start`; leaves `i` after it.
    @inline(__always)
    private static func word(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, spaceBefore: Bool, keywords: TimeWord.Table,
        next i: inout Int
    ) -> TimeToken {
        var packed: UInt64 = 0
        var letters = 0
        var ascii = true
        var romanOnly = true
        var capitalized = false
        i = start
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                let lower = b | 0x20
                guard lower &- 0x61 < 26 else { break }
                if letters == 0 { capitalized = b < 0x60 }
                if letters < 8 { packed |= UInt64(lower) << (8 * UInt64(letters)) }
                letters += 1
                if lower != UInt8(ascii: "i") && lower != UInt8(ascii: "v") && lower != UInt8(ascii: "x") {
                    romanOnly = false
                }
                i += 1
                continue
            }
            let (s, n) = VietnameseText.scalar(in: bytes, at: i)
            if let base = VietnameseText.baseLetter(s) {
                if letters == 0 { capitalized = VietnameseText.isUppercase(s) }
                if letters < 8 { packed |= UInt64(base) << (8 * UInt64(letters)) }
                letters += 1
                if s >= 0x80 { ascii = false }
                if base != UInt8(ascii: "i") && base != UInt8(ascii: "v") && base != UInt8(ascii: "x") {
                    romanOnly = false
                }
            } else if s >= 0x300 && s <= 0x36F {
                // A combining mark (text that is not NFC): part of the letter before it.
                ascii = false
            } else {
                break
            }
            i += n
        }
        var token = TimeToken(kind: .word, start: Int32(start), end: Int32(i))
        token.word = letters <= 8 ? TimeWord.lookup(packed, in: keywords) : .other
        token.isCapitalized = capitalized
        token.isASCII = ascii
        token.spaceBefore = spaceBefore
        if romanOnly && ascii && letters <= 4 {
            token.value = Int32(romanValue(packed, letters: letters))
        }
        return token
    }

    /// The value of a Roman numeral made of `i`, `v` and `x` (`iv` → 4).
    private static func romanValue(_ packed: UInt64, letters: Int) -> Int {
        var total = 0
        var previous = 0
        for k in stride(from: letters - 1, through: 0, by: -1) {
            let letter = UInt8(truncatingIfNeeded: packed >> (8 * UInt64(k)))
            let v = letter == UInt8(ascii: "i") ? 1 : letter == UInt8(ascii: "v") ? 5 : 10
            total += v < previous ? -v : v
            previous = max(previous, v)
        }
        return total
    }

    @inline(__always)
    private static func isSpace(_ s: UInt32) -> Bool {
        switch s {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    private static func kind(of s: UInt32) -> TimeToken.Kind {
        switch s {
        case 0x2F: return .slash
        // Hyphen-minus, hyphens, figure dash, en dash, em dash, horizontal bar, minus sign.
        case 0x2D, 0x2010...0x2015, 0x2212: return .dash
        case 0x2C: return .comma
        case 0x3B: return .semicolon
        case 0x2E: return .period
        case 0x3A: return .colon
        case 0x2B: return .plus
        default: return .other
        }
    }
}
