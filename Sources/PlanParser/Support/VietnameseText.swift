/// Byte-level helpers for Vietnamese text in UTF-8.
///
/// Everything here works on Unicode scalars decoded straight from UTF-8 bytes, never on
/// `Character`s: grapheme segmentation costs 15–25× a byte loop (measured on Swift 6.3), and every
/// letter Vietnamese uses has a precomposed form, so after NFC one scalar is one letter.
enum VietnameseText {
    // Base letters (lowercase ASCII, or "." for a non-letter) for the three blocks where
    // Vietnamese letters live. Generated from Unicode's canonical decompositions; `đ`/`Đ`
    // (which do not decompose) map to "d".
    // Static strings, not arrays: a constant in the binary is read without the once-token a
    // lazily made array is asked through at every use (every letter of a text is looked up).
    private static let latin1AndExtendedA: StaticString =
        "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccddddeeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz."
    private static let latinExtendedAdditional: StaticString =
        "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy"

    /// Decodes the scalar starting at `index` of valid UTF-8 `bytes`.
    /// - Returns: the scalar value and its length in bytes (1 for a stray continuation byte).
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let end = bytes.count
        if b0 >= 0xF0, index + 3 < end {
            let v = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
            return (v, 4)
        }
        if b0 >= 0xE0, index + 2 < end {
            let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F)
            return (v, 3)
        }
        if b0 >= 0xC0, index + 1 < end {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        return (UInt32(b0), 1)
    }

    /// The lowercase form of a Latin scalar (ASCII, Latin-1, Latin Extended-A/B letters that
    /// Vietnamese uses, Latin Extended Additional). Other scalars are returned unchanged.
    @inline(__always)
    static func lowercase(_ s: UInt32) -> UInt32 {
        switch s {
        case 0x41...0x5A: return s + 0x20
        case 0xC0...0xDE where s != 0xD7: return s + 0x20
        case 0x100...0x17F:
            // Pairs are (even = upper, odd = lower) except in 0x139...0x148 and 0x179...0x17E.
            if (0x139...0x148).contains(s) || (0x179...0x17E).contains(s) {
                return s & 1 == 1 ? s + 1 : s
            }
            return s | 1
        case 0x1A0, 0x1AF: return s + 1
        case 0x1EA0...0x1EF9: return s | 1
        default: return s
        }
    }

    /// Whether `s` is an uppercase letter (ASCII or Vietnamese).
    @inline(__always)
    static func isUppercase(_ s: UInt32) -> Bool {
        guard isLetter(s) else { return false }
        return lowercase(s) != s
    }

    /// Whether `s` is a lowercase letter (ASCII or Vietnamese).
    @inline(__always)
    static func isLowercase(_ s: UInt32) -> Bool {
        guard isLetter(s) else { return false }
        return lowercase(s) == s
    }

    /// Whether `bytes` hold a lowercase letter (ASCII or Vietnamese).
    static func containsLowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let (s, n) = scalar(in: bytes, at: i)
            if isLowercase(s) { return true }
            i += n
        }
        return false
    }

    /// Whether `s` is a Latin letter (a base letter exists for it).
    @inline(__always)
    static func isLetter(_ s: UInt32) -> Bool { baseLetter(s) != nil }

    /// The lowercase ASCII letter underneath `s`, with every diacritic removed
    /// (`Ệ` → `e`, `đ` → `d`, `ư` → `u`); `nil` when `s` is not a Latin letter.
    @inline(__always)
    static func baseLetter(_ s: UInt32) -> UInt8? {
        switch s {
        case 0x41...0x5A: return UInt8(s + 0x20)
        case 0x61...0x7A: return UInt8(s)
        case 0xC0...0x17F:
            let b = latin1AndExtendedA.utf8Start[Int(s - 0xC0)]
            return b == UInt8(ascii: ".") ? nil : b
        case 0x1A0, 0x1A1: return UInt8(ascii: "o")
        case 0x1AF, 0x1B0: return UInt8(ascii: "u")
        case 0x1EA0...0x1EF9: return latinExtendedAdditional.utf8Start[Int(s - 0x1EA0)]
        default: return nil
        }
    }

    /// Appends the UTF-8 encoding of `s` to `out`.
    @inline(__always)
    static func appendUTF8(_ s: UInt32, to out: inout [UInt8]) {
        switch s {
        case 0..<0x80:
            out.append(UInt8(s))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (s >> 6)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (s >> 12)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (s >> 18)))
            out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }

    /// Writes the UTF-8 encoding of `s` into `out` from `index` (room for four bytes), and
    /// returns its length: ``appendUTF8(_:to:)`` for a buffer.
    @inline(__always)
    static func writeUTF8(_ s: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        switch s {
        case 0..<0x80:
            out[index] = UInt8(s)
            return 1
        case 0x80..<0x800:
            out[index] = UInt8(0xC0 | (s >> 6))
            out[index + 1] = UInt8(0x80 | (s & 0x3F))
            return 2
        case 0x800..<0x10000:
            out[index] = UInt8(0xE0 | (s >> 12))
            out[index + 1] = UInt8(0x80 | ((s >> 6) & 0x3F))
            out[index + 2] = UInt8(0x80 | (s & 0x3F))
            return 3
        default:
            out[index] = UInt8(0xF0 | (s >> 18))
            out[index + 1] = UInt8(0x80 | ((s >> 12) & 0x3F))
            out[index + 2] = UInt8(0x80 | ((s >> 6) & 0x3F))
            out[index + 3] = UInt8(0x80 | (s & 0x3F))
            return 4
        }
    }

    /// `bytes` lowercased, diacritics kept: `Đơn vị Chủ trì` → `đơn vị chủ trì`.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Written in place, not appended byte by byte: lowercasing keeps every scalar's UTF-8
        // length. Bytes that are no valid UTF-8 may not keep it: they take the appending path.
        // Made as a copy (then overwritten): `Array(unsafeUninitializedCapacity:)` is not
        // specialized and looks its storage type up by name at every call.
        var fast = Array(bytes)
        let sameLength = fast.withUnsafeMutableBufferPointer { lowercase(bytes, into: $0, keepingInvalid: false) }
        return sameLength ? fast : appendingLowercased(bytes)
    }

    /// ``lowercased(_:)`` written into `out` (room for `bytes.count`): whether it has the bytes'
    /// length there (else the bytes are no valid UTF-8 and what is written is not their lowercase).
    static func lowercase(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        lowercase(bytes, into: out, keepingInvalid: false)
    }

    /// ``lowercased(_:)`` scalar by scalar, for bytes that are no valid UTF-8.
    private static func appendingLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b &+ ((b &- 0x41) < 26 ? 0x20 : 0))
                i += 1
                continue
            }
            let (s, n) = scalar(in: bytes, at: i)
            appendUTF8(lowercase(s), to: &out)
            i += n
        }
        return out
    }

    /// Calls `body` with `bytes` lowercased in a temporary buffer (no heap allocation for short
    /// input), `bytes.count` bytes long: bytes that are no valid UTF-8 are kept as they are.
    @inline(__always)
    static func withLowercased<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { out in
            _ = lowercase(bytes, into: out, keepingInvalid: true)
            return body(UnsafeBufferPointer(rebasing: out[0..<bytes.count]))
        }
    }

    /// Writes `bytes` lowercased into `out` (room for `bytes.count`), each scalar in the bytes
    /// it had. A byte that is no valid UTF-8 is copied when `keepingInvalid`; otherwise the
    /// writing stops there and the result is `false` (the caller writes it another way).
    @inline(__always)
    private static func lowercase(
        _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, keepingInvalid: Bool
    ) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                out[i] = b &+ ((b &- 0x41) < 26 ? 0x20 : 0)
                i += 1
                continue
            }
            let (s, n) = scalar(in: bytes, at: i)
            let l = lowercase(s)
            switch n {
            case 1:
                guard keepingInvalid else { return false }
                out[i] = b
            case _ where l == s:
                for k in 0..<n { out[i + k] = bytes[i + k] }
            case 2 where l >= 0x80 && l < 0x800:
                out[i] = UInt8(0xC0 | (l >> 6))
                out[i + 1] = UInt8(0x80 | (l & 0x3F))
            case 3 where l >= 0x800 && l < 0x10000:
                out[i] = UInt8(0xE0 | (l >> 12))
                out[i + 1] = UInt8(0x80 | ((l >> 6) & 0x3F))
                out[i + 2] = UInt8(0x80 | (l & 0x3F))
            default:
                // `lowercase` maps within the Basic Multilingual Plane, keeping the length.
                guard keepingInvalid else { return false }
                for k in 0..<n { out[i + k] = bytes[i + k] }
            }
            i += n
        }
        return true
    }

    /// A plain-ASCII skeleton for loose comparisons: letters become their lowercase base
    /// letter, digits stay, and every run of anything else becomes one space (trimmed).
    /// `Cải cách – Hành chính` and `CAI CACH - HANH CHINH` both give `cai cach hanh chinh`.
    static func skeleton(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let (s, n) = scalar(in: bytes, at: i)
            i += n
            let mapped: UInt8?
            if (0x30...0x39).contains(s) {
                mapped = UInt8(s)
            } else {
                mapped = baseLetter(s)
            }
            if let m = mapped {
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(m)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// Whether each scalar of `bytes` is a `Character` of its own in its only canonical form, so
    /// that `String`'s Character-wise operations (`last`, `firstIndex(of:)`, `dropFirst`, `split`)
    /// say the same as a scalar- or byte-wise reading: well-formed UTF-8 of ASCII without CR
    /// (which joins a following LF), U+0080–U+02FF (below the combining marks) and Latin Extended
    /// Additional (U+1E00–U+1EFF), as in NFC Vietnamese. None of these scalars extends or
    /// prepends to a neighbour, and none is canonically equivalent to an ASCII character.
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D { return false }
                i += 1
            } else if b >= 0xC2, b <= 0xCB {
                guard i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if b == 0xE1 {
                guard i + 2 < n, bytes[i + 1] >= 0xB8, bytes[i + 1] <= 0xBB, bytes[i + 2] & 0xC0 == 0x80 else { return false }
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Convenience for `String`s on cold paths.
    static func lowercased(_ text: String) -> String {
        return text.withUTF8Bytes { String(decoding: lowercased($0), as: UTF8.self) }
    }

    /// Convenience for `String`s on cold paths.
    static func skeleton(_ text: String) -> String {
        return text.withUTF8Bytes { String(decoding: skeleton($0), as: UTF8.self) }
    }
}
