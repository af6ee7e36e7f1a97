/// Cheap questions about the shape of a piece of UTF-8 text.
enum TextShape {
    /// No lowercase letter (digits and punctuation allowed): `KT. GIÁM ĐỐC`.
    static func isUppercase<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var hasLower = false
        forEachScalar(bytes) { s in
            if VietnameseText.isLowercase(s) {
                hasLower = true
                return false
            }
            return true
        }
        return !hasLower
    }

    static func hasLetters<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var found = false
        forEachScalar(bytes) { s in
            if VietnameseText.isLetter(s) {
                found = true
                return false
            }
            return true
        }
        return found
    }

    /// 2–6 words, each starting with an uppercase letter, letters only: `Nguyễn Xuân Hải`.
    static func isPersonName<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var words = 0
        var atWordStart = true
        var ok = true
        forEachScalar(bytes) { s in
            if s == 0x20 {
                atWordStart = true
                return true
            }
            guard VietnameseText.isLetter(s) else {
                ok = false
                return false
            }
            if atWordStart {
                guard VietnameseText.isUppercase(s) else {
                    ok = false
                    return false
                }
                words += 1
                atWordStart = false
            }
            return true
        }
        return ok && (2...6).contains(words)
    }

    /// The first scalar of `bytes`, or nil when empty.
    static func firstScalar<C: Collection>(_ bytes: C) -> UInt32? where C.Element == UInt8 {
        var result: UInt32?
        forEachScalar(bytes) { s in
            result = s
            return false
        }
        return result
    }

    /// Calls `body` for each scalar until it returns false. Input must be valid UTF-8.
    static func forEachScalar<C: Collection>(_ bytes: C, _ body: (UInt32) -> Bool) where C.Element == UInt8 {
        var it = bytes.makeIterator()
        while let b0 = it.next() {
            var s = UInt32(b0)
            if b0 >= 0xF0 {
                s = UInt32(b0 & 0x07)
                for _ in 0..<3 { s = (s << 6) | UInt32((it.next() ?? 0x80) & 0x3F) }
            } else if b0 >= 0xE0 {
                s = UInt32(b0 & 0x0F)
                for _ in 0..<2 { s = (s << 6) | UInt32((it.next() ?? 0x80) & 0x3F) }
            } else if b0 >= 0xC0 {
                s = (UInt32(b0 & 0x1F) << 6) | UInt32((it.next() ?? 0x80) & 0x3F)
            }
            if !body(s) { return }
        }
    }
}
