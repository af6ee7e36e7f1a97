/// Comparison keys for unit names, so that one unit written two ways gets one key.
///
/// The key is lowercase Vietnamese, readable, and built from the name's words:
/// - case folded, and the old tone placement unified with the new (`hoá` → `hóa`,
///   `Uỷ` → `ủy`), only in open syllables where the two styles differ;
/// - any dash, with or without spaces, becomes ` - `; list dashes and punctuation at the
///   ends go; other punctuation (`,` `.` `;` `:` `(` `)` `&` …) and the conjunction `và`
///   are dropped, so `Thông tin, thống kê và ứng dụng` and `Thông tin, thống kê, ứng
///   dụng` agree (a unit never differs from another only by a comma or an "and");
/// - abbreviations are written out: KH&CN / KHCN / KH và CN → `khoa học công nghệ`,
///   UBND → `ủy ban nhân dân`, HĐND → `hội đồng nhân dân`, CNTT → `công nghệ thông tin`,
///   TTHC → `thủ tục hành chính`, TT&TT / TTTT → `thông tin truyền thông`, and a leading
///   VP → `văn phòng`.
///
/// `Phòng Quản lý KH&CN`, `Phòng Quản lý KHCN` and `Phòng quản lý Khoa học và Công nghệ`
/// all give `phòng quản lý khoa học công nghệ`.
///
/// - Precondition: the name is NFC.
/// - Postcondition: the key has no leading, trailing or doubled spaces.
enum UnitNormalizer {
    /// The comparison key for a unit name.
    /// - Complexity: O(n) in the name's length.
    static func key(for name: String) -> String {
        var name = name
        return name.withUTF8 { key($0) }
    }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // The tables in locals: a static is asked through its once-token at every use.
        let abbreviations = Self.abbreviations
        let pairs = Self.pairs
        let office = Self.office
        return withWords(bytes) { lower, tokens in
            // Each word grows at most to the longest expansion, after a separator.
            let room = lower.count + tokens.count * (Self.longestExpansion + Self.dash.count)
            // Written into a temporary buffer and copied once into the String: an array would be
            // allocated, and retained and checked for uniqueness at every word appended.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(room, 1)) { out in
                var count = 0
                func put<S: Sequence>(_ piece: S) where S.Element == UInt8 {
                    for b in piece {
                        out[count] = b
                        count += 1
                    }
                }
                var pendingDash = false
                var i = 0
                while i < tokens.count {
                    guard let word = tokens[i] else {
                        pendingDash = count > 0
                        i += 1
                        continue
                    }
                    let text = Self.bytes(of: word, in: lower)
                    var expansion: [UInt8]?
                    var used = 1
                    // Every abbreviation is at most five bytes long ("hđnd"): longer words are
                    // not looked up, shorter ones compared as one number each.
                    if let short = Self.packed(text) {
                        if let e = abbreviations.first(where: { $0.short == short }) {
                            expansion = e.long
                        } else if i + 1 < tokens.count, let next = tokens[i + 1],
                            let second = Self.packed(Self.bytes(of: next, in: lower)),
                            let e = pairs.first(where: { $0.first == short && $0.second == second })
                        {
                            expansion = e.long
                            used = 2
                        } else if count == 0, short == office.short {
                            expansion = office.long
                        }
                    }
                    if pendingDash { put(Self.dash) } else if count > 0 { put(CollectionOfOne(0x20)) }
                    pendingDash = false
                    if let expansion { put(expansion) } else { put(text) }
                    i += used
                }
                // Valid UTF-8: the scalars of a String, lowercased, and the tables' words.
                return String(validUTF8: UnsafeBufferPointer(rebasing: out[0..<count]))
            }
        }
    }

    /// The lowercase bytes of a word.
    @inline(__always)
    private static func bytes(of word: Range<Int32>, in lower: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: lower[Int(word.lowerBound)..<Int(word.upperBound)])
    }

    /// Calls `body` with the name lowercased with unified tone placement, and its words as
    /// ranges into it; `nil` marks a dash between words. Punctuation, `&` and `và` (and) are
    /// left out. Both are in temporary buffers: a name is short, and two arrays per key cost
    /// more than reading it.
    static func withWords<R>(_ bytes: UnsafeBufferPointer<UInt8>,
                             _ body: (_ lower: UnsafeBufferPointer<UInt8>, _ words: UnsafeBufferPointer<Range<Int32>?>) -> R) -> R
    {
        // Lowercasing keeps each scalar's length, and so does moving a tone mark, or shortens
        // it; only a stray lead byte, read as a scalar of its own, can double. Each word or dash
        // takes at least one byte. The ranges are of `Int32`, half the size: a buffer of up to
        // 1 KB is on the stack, a larger one on the heap.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * bytes.count + 1) { lowerBuffer in
            withUnsafeTemporaryAllocation(of: Range<Int32>?.self, capacity: bytes.count + 1) { tokenBuffer in
                var out = Scratch(lower: lowerBuffer, tokens: tokenBuffer)
                read(bytes, into: &out)
                return body(UnsafeBufferPointer(rebasing: lowerBuffer[..<out.lowerCount]),
                            UnsafeBufferPointer(rebasing: tokenBuffer[..<out.tokenCount]))
            }
        }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout Scratch) {
        var word = WordEnd()
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80, (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 {
                // ASCII letter or digit: no decoding, and never a tone mark to move.
                if word.start < 0 { word.start = out.lowerCount }
                let l = b &+ ((b &- 0x41) < 26 ? 0x20 : 0)
                out.append(l)
                word.last = (word.last.1, word.last.2, UInt32(l))
                word.lengths = (word.lengths.1, 1)
                i += 1
                continue
            }
            let (s, n) = VietnameseText.scalar(in: bytes, at: i)
            i += n
            let isWordScalar = VietnameseText.isLetter(s) || (0x30...0x39).contains(s) || (0x300...0x36F).contains(s)
            if isWordScalar {
                if word.start < 0 { word.start = out.lowerCount }
                let l = VietnameseText.lowercase(s)
                let before = out.lowerCount
                out.appendUTF8(l)
                word.last = (word.last.1, word.last.2, l)
                word.lengths = (word.lengths.1, out.lowerCount - before)
                continue
            }
            word.finish(&out)
            // -, ‐, ‑, ‒, –, —, ―, −: one dash between words, however spaced.
            if s == 0x2D || (0x2010...0x2015).contains(s) || s == 0x2212 {
                if out.tokenCount > 0, out.tokens[out.tokenCount - 1] != nil { out.appendToken(nil) }
            }
        }
        word.finish(&out)
        while out.tokenCount > 0, out.tokens[out.tokenCount - 1] == nil { out.tokenCount -= 1 }
    }

    /// The lowercased bytes and the tokens written so far, in buffers with room for all.
    private struct Scratch {
        let lower: UnsafeMutableBufferPointer<UInt8>
        let tokens: UnsafeMutableBufferPointer<Range<Int32>?>
        var lowerCount = 0
        var tokenCount = 0

        init(lower: UnsafeMutableBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<Range<Int32>?>) {
            self.lower = lower
            self.tokens = tokens
        }

        @inline(__always)
        mutating func append(_ b: UInt8) {
            lower[lowerCount] = b
            lowerCount += 1
        }

        @inline(__always)
        mutating func appendUTF8(_ s: UInt32) {
            lowerCount += VietnameseText.writeUTF8(s, to: lower, at: lowerCount)
        }

        @inline(__always)
        mutating func appendToken(_ t: Range<Int32>?) {
            tokens[tokenCount] = t
            tokenCount += 1
        }
    }

    /// The end of the word being read: where it starts in the lowercased bytes, its last
    /// three scalars and the byte lengths of the last two — enough to move a tone mark
    /// from the final vowel to the one before it.
    private struct WordEnd {
        var start = -1
        var last: (UInt32, UInt32, UInt32) = (0, 0, 0)
        var lengths: (Int, Int) = (0, 0)

        /// Closes the word, if one is open: unifies its tone placement and records it,
        /// unless it is `và` (and), which is dropped.
        mutating func finish(_ out: inout Scratch) {
            guard start >= 0 else { return }
            // Only an accented final letter can carry a misplaced tone mark.
            if last.2 >= 0xE0, let (first, second) = UnitNormalizer.newTonePlacement(last) {
                out.lowerCount -= lengths.0 + lengths.1
                out.appendUTF8(first)
                out.appendUTF8(second)
            }
            let lower = out.lower
            // `và` compared byte by byte: a comparison with a static array checks the lazy
            // global at every word.
            if out.lowerCount - start == 3, lower[start] == 0x76, lower[start + 1] == 0xC3, lower[start + 2] == 0xA0 {
                out.lowerCount = start
            } else {
                out.appendToken(Int32(start)..<Int32(out.lowerCount))
            }
            start = -1
            last = (0, 0, 0)
        }
    }

    /// `oà`→`òa`, `oé`→`óe`, `uỷ`→`ủy` (not after `q`: `quý` is spelled one way) when they
    /// end the word; `hoàn`, with a final consonant, is spelled one way too.
    static func newTonePlacement(_ last: (UInt32, UInt32, UInt32)) -> (UInt32, UInt32)? {
        let (beforeGlide, glide, vowel) = last
        switch glide {
        case 0x6F:  // o
            if let tone = tones(of: vowel, in: aTones) { return (oTones[tone], 0x61) }
            if let tone = tones(of: vowel, in: eTones) { return (oTones[tone], 0x65) }
        case 0x75 where beforeGlide != 0x71:  // u, not after q
            if let tone = tones(of: vowel, in: yTones) { return (uTones[tone], 0x79) }
        default:
            break
        }
        return nil
    }

    private static func tones(of s: UInt32, in table: [UInt32]) -> Int? { table.firstIndex(of: s) }

    // Vowels with each of the five tone marks, in the order grave, acute, hook, tilde, dot.
    private static let aTones: [UInt32] = [0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1]  // à á ả ã ạ
    private static let eTones: [UInt32] = [0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9]  // è é ẻ ẽ ẹ
    private static let yTones: [UInt32] = [0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5]  // ỳ ý ỷ ỹ ỵ
    private static let oTones: [UInt32] = [0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD]  // ò ó ỏ õ ọ
    private static let uTones: [UInt32] = [0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5]  // ù ú ủ ũ ụ

    private static let dash: [UInt8] = Array(" - ".utf8)

    /// A word of at most five bytes as one number (its bytes and its length); `nil` for a
    /// longer word, which is no abbreviation.
    @inline(__always)
    private static func packed<C: Collection>(_ word: C) -> UInt64? where C.Element == UInt8 {
        guard word.count <= 5 else { return nil }
        var value = UInt64(word.count) << 56
        var shift: UInt64 = 0
        for b in word {
            value |= UInt64(b) << shift
            shift += 8
        }
        return value
    }

    /// One-word abbreviations and what they stand for.
    private static let abbreviations: [(short: UInt64, long: [UInt8])] = [
        ("khcn", "khoa học công nghệ"),  // science and technology
        ("ubnd", "ủy ban nhân dân"),  // people's committee
        ("hđnd", "hội đồng nhân dân"),  // people's council
        ("cntt", "công nghệ thông tin"),  // information technology
        ("tthc", "thủ tục hành chính"),  // administrative procedures
        ("tttt", "thông tin truyền thông"),  // information and communications
    ].map { (packed($0.0.utf8)!, Array($0.1.utf8)) }

    /// Abbreviations written as two parts (`KH&CN`, `KH và CN`, `TT&TT`), once `&` and
    /// `và` are gone.
    private static let pairs: [(first: UInt64, second: UInt64, long: [UInt8])] = [
        ("kh", "cn", "khoa học công nghệ"),  // science and technology
        ("tt", "tt", "thông tin truyền thông"),  // information and communications
    ].map { (packed($0.0.utf8)!, packed($0.1.utf8)!, Array($0.2.utf8)) }

    /// The longest a word can grow to: its expansion.
    private static let longestExpansion =
        (abbreviations.map(\.long.count) + pairs.map(\.long.count) + [office.long.count]).max()!

    /// `VP` (office), expanded only as the first word: `VP Sở` is `Văn phòng Sở`.
    private static let office: (short: UInt64, long: [UInt8]) = (packed("vp".utf8)!, Array("văn phòng".utf8))
}
