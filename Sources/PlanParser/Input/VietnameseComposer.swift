/// Composes decomposed Vietnamese letters into their NFC form without Foundation.
///
/// Handles both decomposed forms seen in the wild: full NFD (`e` U+0323 U+0302) and the
/// "Unicode tổ hợp" of older input methods, which keeps `ă â ê ô ơ ư` precomposed and adds
/// the tone as a combining mark (`ê` U+0323).
///
/// Exact by construction: a letter followed by marks is replaced only when, after
/// canonical reordering, letter and marks are the canonical decomposition of a Vietnamese
/// letter, which is then the NFC of the sequence. For anything else (`ñ`, `õ` + U+0301,
/// a mark outside the eight Vietnamese ones, a mark after a consonant) `compose` declines
/// and the caller uses Foundation for that chunk.
enum VietnameseComposer {
    /// Appends the NFC form of `chunk` (valid UTF-8) to `out`.
    /// - Returns: `false`, with `out` unchanged, when the chunk holds a combining sequence
    ///   this type does not know.
    static func compose(_ chunk: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        let table = Table.shared
        let rollback = out.count
        let n = chunk.count
        var copied = 0  // chunk[copied..<…] is not yet in `out`
        var i = 0
        while i < n {
            guard chunk[i] == 0xCC || chunk[i] == 0xCD else {
                i += 1
                continue
            }
            // A run of marks starts at `i`; its starter is the scalar just before.
            var start = i - 1
            while start > 0 && chunk[start] & 0xC0 == 0x80 { start -= 1 }
            let key = start >= copied ? table.key(of: VietnameseText.scalar(in: chunk, at: start).value) : 0
            guard key != 0 else { return decline(&out, rollback) }

            // The starter's own marks plus the run, at most two in all.
            var first = key / 9 % 9
            var second = key % 9
            var count = (first != 0 ? 1 : 0) + (second != 0 ? 1 : 0)
            while i < n && (chunk[i] == 0xCC || chunk[i] == 0xCD) {
                let mark = Table.markIndex(UInt32(chunk[i] & 0x1F) << 6 | UInt32(chunk[i + 1] & 0x3F))
                guard mark != 0, count < 2 else { return decline(&out, rollback) }
                if count == 0 { first = mark } else { second = mark }
                count += 1
                i += 2
            }
            // Canonical order: a stable sort by combining class.
            if count == 2 && Table.combiningClass(second) < Table.combiningClass(first) {
                swap(&first, &second)
            }
            // A non-starter after the run would take part in reordering; only accept
            // scalars known to be starters.
            if i < n && chunk[i] >= 0x80 && !table.isStarter(VietnameseText.scalar(in: chunk, at: i).value) {
                return decline(&out, rollback)
            }
            let letter = table.letters[(key / 81 * 9 + first) * 9 + second]
            guard letter != 0 else { return decline(&out, rollback) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[copied..<start]))
            VietnameseText.appendUTF8(letter, to: &out)
            copied = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[copied..<n]))
        return true
    }

    private static func decline(_ out: inout [UInt8], _ rollback: Int) -> Bool {
        out.removeSubrange(rollback...)
        return false
    }

    /// Vietnamese letters indexed by their canonical decomposition.
    ///
    /// A decomposition is a key `(base * 9 + firstMark) * 9 + secondMark`: base 1–12 for
    /// `aeiouyAEIOUY`, marks 1–8 as numbered by `markIndex`, 0 for none, in canonical order.
    private struct Table: Sendable {
        /// Every vowel of Vietnamese, with the mark that shapes it (breve, circumflex, horn):
        /// the letter without tone, then with the tones of `tones`.
        static let rows: [(base: Character, shape: UInt32?, letters: String)] = [
            ("a", nil, "aàáãảạ"), ("a", 0x306, "ăằắẵẳặ"), ("a", 0x302, "âầấẫẩậ"),
            ("e", nil, "eèéẽẻẹ"), ("e", 0x302, "êềếễểệ"),
            ("i", nil, "iìíĩỉị"),
            ("o", nil, "oòóõỏọ"), ("o", 0x302, "ôồốỗổộ"), ("o", 0x31B, "ơờớỡởợ"),
            ("u", nil, "uùúũủụ"), ("u", 0x31B, "ưừứữửự"),
            ("y", nil, "yỳýỹỷỵ"),
            ("A", nil, "AÀÁÃẢẠ"), ("A", 0x306, "ĂẰẮẴẲẶ"), ("A", 0x302, "ÂẦẤẪẨẬ"),
            ("E", nil, "EÈÉẼẺẸ"), ("E", 0x302, "ÊỀẾỄỂỆ"),
            ("I", nil, "IÌÍĨỈỊ"),
            ("O", nil, "OÒÓÕỎỌ"), ("O", 0x302, "ÔỒỐỖỔỘ"), ("O", 0x31B, "ƠỜỚỠỞỢ"),
            ("U", nil, "UÙÚŨỦỤ"), ("U", 0x31B, "ƯỪỨỮỬỰ"),
            ("Y", nil, "YỲÝỸỶỴ"),
        ]
        /// None, grave, acute, tilde, hook above, dot below.
        static let tones: [UInt32?] = [nil, 0x300, 0x301, 0x303, 0x309, 0x323]
        static let bases = Array("aeiouyAEIOUY")

        static let shared = Table()

        /// Letter by decomposition key; 0 where no letter has that decomposition.
        let letters: [UInt32]
        /// Decomposition key by scalar, for scalars up to U+01B0 and U+1EA0–U+1EF9.
        private let lowKeys: [Int]
        private let highKeys: [Int]

        private init() {
            var letters = [UInt32](repeating: 0, count: 13 * 81)
            var lowKeys = [Int](repeating: 0, count: 0x1B1)
            var highKeys = [Int](repeating: 0, count: 0x1EFA - 0x1EA0)
            for row in Self.rows {
                let base = Self.bases.firstIndex(of: row.base)! + 1
                for (letter, tone) in zip(row.letters.unicodeScalars, Self.tones) {
                    var marks = [row.shape, tone].compactMap { $0 }.map(Self.markIndex)
                    if marks.count == 2 && Self.combiningClass(marks[1]) < Self.combiningClass(marks[0]) {
                        marks.swapAt(0, 1)
                    }
                    marks += [0, 0]
                    let key = (base * 9 + marks[0]) * 9 + marks[1]
                    letters[key] = letter.value
                    if letter.value < 0x1B1 {
                        lowKeys[Int(letter.value)] = key
                    } else {
                        highKeys[Int(letter.value) - 0x1EA0] = key
                    }
                }
            }
            self.letters = letters
            self.lowKeys = lowKeys
            self.highKeys = highKeys
        }

        /// The decomposition key of `scalar`; 0 when it is not a Vietnamese vowel.
        func key(of scalar: UInt32) -> Int {
            switch scalar {
            case 0..<0x1B1: return lowKeys[Int(scalar)]
            case 0x1EA0...0x1EF9: return highKeys[Int(scalar) - 0x1EA0]
            default: return 0
            }
        }

        /// Whether `scalar` surely has combining class 0 (never reorders with marks).
        func isStarter(_ scalar: UInt32) -> Bool {
            // Latin, spacing modifier letters, Vietnamese letters, general punctuation.
            scalar < 0x300 || key(of: scalar) != 0 || (0x2010...0x205E).contains(scalar)
        }

        /// The index (1–8) of a Vietnamese combining mark; 0 for any other scalar.
        static func markIndex(_ scalar: UInt32) -> Int {
            switch scalar {
            case 0x300: return 1  // grave
            case 0x301: return 2  // acute
            case 0x303: return 3  // tilde
            case 0x309: return 4  // hook above
            case 0x323: return 5  // dot below
            case 0x302: return 6  // circumflex
            case 0x306: return 7  // breve
            case 0x31B: return 8  // horn
            default: return 0
            }
        }

        /// The canonical combining class of mark `index`.
        static func combiningClass(_ index: Int) -> Int {
            switch index {
            case 5: return 220  // dot below
            case 8: return 216  // horn
            default: return 230
            }
        }
    }
}
