/// A legacy 8-bit encoding of Vietnamese plain text, as saved by pre-Unicode Windows software.
///
/// - `cp1258` (Windows-1258): Latin-1-like letters plus Ă Đ Ơ Ư and five combining tone
///   marks (0xCC U+0300, 0xEC U+0301, 0xD2 U+0309, 0xDE U+0303, 0xF2 U+0323) written after
///   the letter they go on.
/// - `tcvn3` (TCVN 5712:1993 VN3, the "ABC" fonts such as .VnTime): one byte per letter,
///   all 67 lowercase letters and the capitals Ă Â Đ Ê Ô Ơ Ư. VN3 has no capitals with
///   tones — documents used an uppercase font (.VnTimeH) that draws the lowercase codes as
///   capitals, so such text decodes in lowercase: nothing in the bytes says otherwise.
/// - `vni` (VNI-Windows): a base letter followed by a modifier byte (`a` + `ù` is `á`,
///   `a` + `á` is `ấ`), ơ ư đ ĩ ỉ ị ì í ỵ as single bytes.
///
/// Bytes that are not part of a letter decode as Windows-1252 (the code page such files were
/// saved in); undefined bytes become U+FFFD. The tables are in `LegacyCodePages` (generated
/// by `scripts/make-legacy-tables.py`, which names its sources).
enum LegacyEncoding: String, CaseIterable, Sendable, CustomStringConvertible {
    case cp1258
    case tcvn3
    case vni

    var description: String {
        switch self {
        case .cp1258: return "Windows-1258"
        case .tcvn3: return "TCVN3 (ABC)"
        case .vni: return "VNI-Windows"
        }
    }

    /// The text of `bytes` as UTF-8 in NFC (combining tone marks composed with their letter).
    /// - Complexity: O(n).
    func decode(_ bytes: [UInt8]) -> [UInt8] {
        decodeReportingComposition(bytes).bytes
    }

    /// `decode`, and whether the text had combining marks to compose.
    func decodeReportingComposition(_ bytes: [UInt8]) -> (bytes: [UInt8], composed: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        bytes.withUnsafeBufferPointer { src in
            switch self {
            case .cp1258: Self.decodeSingleBytes(src, table: LegacyCodePages.cp1258, into: &out)
            case .tcvn3: Self.decodeSingleBytes(src, table: LegacyCodePages.tcvn3, into: &out)
            case .vni: Self.decodeVNI(src, into: &out)
            }
        }
        guard out.contains(where: { $0 == 0xCC || $0 == 0xCD }) else { return (out, false) }
        return (NFCNormalizer.normalize(out).bytes, true)
    }

    /// Appends the ASCII run starting at `i` and returns the index after it.
    @inline(__always)
    private static func copyASCII(_ src: UnsafeBufferPointer<UInt8>, from i: Int, into out: inout [UInt8]) -> Int {
        var j = i
        while j < src.count && src[j] < 0x80 { j += 1 }
        if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: src[i..<j])) }
        return j
    }

    private static func decodeSingleBytes(
        _ src: UnsafeBufferPointer<UInt8>, table: [UInt16], into out: inout [UInt8]
    ) {
        var i = 0
        while i < src.count {
            i = copyASCII(src, from: i, into: &out)
            guard i < src.count else { break }
            VietnameseText.appendUTF8(UInt32(table[Int(src[i]) - 0x80]), to: &out)
            i += 1
        }
    }

    private static func decodeVNI(_ src: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let pairs = VNIPairs.shared
        var i = 0
        while i < src.count {
            let b = src[i]
            if i + 1 < src.count, let letter = pairs.letter(b, src[i + 1]) {
                VietnameseText.appendUTF8(UInt32(letter), to: &out)
                i += 2
            } else if b < 0x80 {
                out.append(b)
                i += 1
            } else {
                VietnameseText.appendUTF8(UInt32(LegacyCodePages.vniSingle[Int(b) - 0x80]), to: &out)
                i += 1
            }
        }
    }

    /// The two-byte letters of VNI as a lookup table: the base byte picks a row, the
    /// modifier byte a column. A modifier of the other case than its base (a Shift or Caps
    /// Lock slip while typing) gives the same letter, in the base's case.
    private struct VNIPairs: Sendable {
        /// Row of each base byte, 0 for a byte that is no base.
        var row = [UInt8](repeating: 0, count: 256)
        /// `letters[row * 256 + modifier]`, 0 when the pair is no letter.
        var letters: [UInt16]

        static let shared = VNIPairs()

        init() {
            var bases: [UInt8] = []
            for (base, _, _) in LegacyCodePages.vniPairs where !bases.contains(base) { bases.append(base) }
            letters = [UInt16](repeating: 0, count: (bases.count + 1) * 256)
            for (k, base) in bases.enumerated() { row[Int(base)] = UInt8(k + 1) }
            for (base, modifier, letter) in LegacyCodePages.vniPairs {
                letters[Int(row[Int(base)]) * 256 + Int(modifier)] = letter
            }
            // The other case of a modifier, where that is not a letter of its own.
            for (base, modifier, letter) in LegacyCodePages.vniPairs {
                let slot = Int(row[Int(base)]) * 256 + Int(modifier ^ 0x20)
                if letters[slot] == 0 { letters[slot] = letter }
            }
        }

        @inline(__always)
        func letter(_ base: UInt8, _ modifier: UInt8) -> UInt16? {
            let r = Int(row[Int(base)])
            guard r != 0 else { return nil }
            let l = letters[r * 256 + Int(modifier)]
            return l == 0 ? nil : l
        }
    }

    // MARK: - Detection

    /// Whether `bytes`, which are not valid UTF-8, look like Vietnamese in Windows-1258: a
    /// cheap test to suggest `--encoding cp1258` when UTF-8 decoding fails.
    ///
    /// Looks at the first 64 KiB. Valid UTF-8 is never cp1258 here (decomposed UTF-8 would
    /// otherwise pass: its U+0300 lead byte 0xCC is cp1258's grave accent). Otherwise the text
    /// must have tone marks right after vowels — at least two, and at least one in five of
    /// the bytes 0xC0–0xFF (Vietnamese text has about one in two; an Italian "può" does not
    /// make a text Vietnamese) — and nine in ten of those bytes must be such marks or
    /// cp1258's Vietnamese letters (â ê ô ă ơ ư đ, the vowels with a precomposed tone, ₫).
    /// Bytes 0x80–0xBF are punctuation (quotes, dashes, no-break space) and do not count.
    static func looksLikeCP1258(_ bytes: [UInt8]) -> Bool {
        var sample = bytes.prefix(65_536)
        if sample.count < bytes.count, let lastASCII = sample.lastIndex(where: { $0 < 0x80 }) {
            sample = sample[..<(lastASCII + 1)]
        }
        if String(validating: sample, as: UTF8.self) != nil { return false }
        let vowels = cp1258Vowels
        let letters = cp1258Letters
        var high = 0
        var tonePairs = 0
        var vietnamese = 0
        var previous: UInt8 = 0
        for b in sample {
            if b >= 0xC0 {
                high += 1
                switch b {
                case 0xCC, 0xEC, 0xD2, 0xDE, 0xF2:
                    if vowels[Int(previous)] { tonePairs += 1 }
                default:
                    if letters[Int(b)] { vietnamese += 1 }
                }
            }
            previous = b
        }
        return tonePairs >= 2 && tonePairs * 5 >= high && (tonePairs + vietnamese) * 10 >= high * 9
    }

    /// Vowels a tone mark may follow: ASCII `aeiouy`, and â ê ô ă ơ ư in cp1258.
    private static let cp1258Vowels: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for b in Array("aeiouyAEIOUY".utf8) + [0xC2, 0xCA, 0xD4, 0xC3, 0xD5, 0xDD, 0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD] {
            t[Int(b)] = true
        }
        return t
    }()

    /// The Vietnamese letters cp1258 has as one byte above 0x7F.
    private static let cp1258Letters: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        let upper: [UInt8] = [0xC0, 0xC1, 0xC2, 0xC3, 0xC8, 0xC9, 0xCA, 0xCD, 0xD0, 0xD3, 0xD4, 0xD5, 0xD9, 0xDA, 0xDD]
        for b in upper {
            t[Int(b)] = true
            t[Int(b | 0x20)] = true
        }
        t[0xFE] = true  // ₫
        return t
    }()
}
