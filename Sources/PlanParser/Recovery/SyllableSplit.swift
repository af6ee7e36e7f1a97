/// Puts back the spaces a converter lost where it broke words letter by letter: pandoc wraps a
/// group row's title inside the one-letter STT column (`I` / `.` / `C` / `Ô` / `N` / `G` …), and
/// the spaces between words fall on the breaks, so the pieces join to `I.CÔNGTÁCCHỈĐẠO,ĐIỀUHÀNH`.
///
/// Vietnamese writes one syllable per word, and a syllable has a strict shape — an onset
/// (`ngh`, `tr`, `qu`, …), a vowel nucleus with at most one tone mark, and a coda (`c`, `ch`, `m`,
/// `n`, `ng`, `nh`, `p`, `t`), where a stop coda takes only the acute or dot-below tone — so a
/// run of letters splits into syllables nearly one way. Where two splits are possible
/// (`NHÀNƯỚC`: `nhà nước` or `nhàn ước`) the one whose syllables the document uses elsewhere
/// wins. Spaces go only where a break was; a run that is no syllables (an acronym such as
/// `CCHC`) stays as it is. A break after `.` `,` `;` `:` before a letter is a space.
struct SyllableSplit {
    /// The syllables the document writes, lowercased.
    let vocabulary: Set<String>

    init(vocabulary: Set<String>) {
        self.vocabulary = vocabulary
    }

    /// The words of `bytes`, lowercased: a vocabulary.
    static func vocabulary(of bytes: ArraySlice<UInt8>) -> Set<String> {
        var words = Set<String>()
        var word: [UInt8] = []
        func flush() {
            if !word.isEmpty, word.count <= 24 {
                words.insert(VietnameseText.lowercased(String(decoding: word, as: UTF8.self)))
            }
            word.removeAll(keepingCapacity: true)
        }
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 {
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { word.append(b) } else { flush() }
                i += 1
                continue
            }
            var n = 1
            while i + n < bytes.endIndex, bytes[i + n] & 0xC0 == 0x80 { n += 1 }
            let piece = bytes[i..<(i + n)]
            let s = piece.withUnsafeBufferPointer { VietnameseText.scalar(in: $0, at: 0).value }
            if VietnameseText.isLetter(s) { word.append(contentsOf: piece) } else { flush() }
            i += n
        }
        flush()
        return words
    }

    /// `text` with a space at each break (a byte offset in `breaks`) that falls between two
    /// syllables of one run of letters, or after punctuation before a letter.
    func resolve(_ text: String, breaks: [Int]) -> String {
        guard !breaks.isEmpty else { return text }
        let bytes = Array(text.utf8)
        let breakSet = Set(breaks)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + breaks.count)
        // Runs of letters, split at non-letters; each run is resolved on its own.
        var i = 0
        while i < bytes.count {
            if let run = letterRun(bytes, from: i), run.upperBound > i {
                let inner = breaks.filter { $0 > run.lowerBound && $0 < run.upperBound }.sorted()
                let cuts = split(bytes, run, at: inner)
                var last = run.lowerBound
                for c in cuts {
                    out.append(contentsOf: bytes[last..<c])
                    out.append(0x20)
                    last = c
                }
                out.append(contentsOf: bytes[last..<run.upperBound])
                i = run.upperBound
                // A letter, a break, a digit (`NĂM` / `2025`, `Tháng` / `5-6/2025`): a space.
                if breakSet.contains(i), i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { out.append(0x20) }
                continue
            }
            out.append(bytes[i])
            // A digit, a break, a letter: a space.
            if bytes[i] >= 0x30, bytes[i] <= 0x39, breakSet.contains(i + 1), i + 1 < bytes.count, letterRun(bytes, from: i + 1) != nil {
                out.append(0x20)
                i += 1
                continue
            }
            // `.` `,` `;` `:` then a break then a letter (not `1.1`): the break was a space.
            if [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":")].contains(bytes[i]),
                breakSet.contains(i + 1), i + 1 < bytes.count, letterRun(bytes, from: i + 1) != nil
            {
                out.append(0x20)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The run of letters starting at `i`, or nil when `i` starts none.
    private func letterRun(_ bytes: [UInt8], from i: Int) -> Range<Int>? {
        var k = i
        while k < bytes.count {
            let (s, n) = bytes.withUnsafeBufferPointer { VietnameseText.scalar(in: $0, at: k) }
            guard VietnameseText.isLetter(s) else { break }
            k += n
        }
        return k > i ? i..<k : nil
    }

    /// Where to put spaces in the run `run` (a subset of `cuts`): the syllables it splits into
    /// at least cost — an unknown syllable costs a little, a piece that is no syllable much (so
    /// an acronym such as `UBND` stays whole).
    private func split(_ bytes: [UInt8], _ run: Range<Int>, at cuts: [Int]) -> [Int] {
        guard !cuts.isEmpty, cuts.count <= 200 else { return [] }
        // A Roman numeral (`II`, `IV`) is one word.
        if bytes[run].allSatisfy({ $0 == UInt8(ascii: "I") || $0 == UInt8(ascii: "V") || $0 == UInt8(ascii: "X") }) { return [] }
        let points = [run.lowerBound] + cuts + [run.upperBound]
        let n = points.count
        var best = [Int](repeating: Int.max, count: n)
        var back = [Int](repeating: 0, count: n)
        best[0] = 0
        for j in 1..<n {
            // A syllable is at most seven letters (`nghiêng`): at most 7 pieces of one letter.
            for i in stride(from: j - 1, through: max(0, j - 8), by: -1) where best[i] != Int.max {
                let piece = String(decoding: bytes[points[i]..<points[j]], as: UTF8.self)
                let c = best[i] + cost(piece)
                if c < best[j] {
                    best[j] = c
                    back[j] = i
                }
            }
        }
        var chosen: [Int] = []
        var j = n - 1
        while j > 0 {
            let i = back[j]
            if i > 0 { chosen.append(points[i]) }
            j = i
        }
        return chosen.reversed()
    }

    private func cost(_ piece: String) -> Int {
        let lower = VietnameseText.lowercased(piece)
        guard Self.isSyllable(lower) else { return 10 + lower.unicodeScalars.count }
        return vocabulary.contains(lower) ? 1 : 3
    }

    // MARK: - Syllable shape

    private static let onsets = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
                                 "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""]
    private static let codas = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""]
    /// Nuclei that end in a glide take no coda; those that need one are listed apart.
    private static let openNuclei: Set<String> = [
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "oai",
        "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "iêu", "yêu", "uơ",
    ]
    private static let closedNuclei: Set<String> = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê"]
    private static let freeNuclei: Set<String> = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"]

    /// Each Vietnamese vowel letter as its toneless letter and its tone (0 none, 1 grave,
    /// 2 acute, 3 hook, 4 tilde, 5 dot below).
    private static let vowels: [Character: (Character, Int)] = {
        var table: [Character: (Character, Int)] = [:]
        let series = ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ",
                      "ưừứửữự", "yỳýỷỹỵ"]
        for s in series {
            let letters = Array(s)
            for (tone, letter) in letters.enumerated() { table[letter] = (letters[0], tone) }
        }
        return table
    }()

    /// Whether `word` (lowercase) is shaped like one Vietnamese syllable.
    static func isSyllable(_ word: String) -> Bool {
        let letters = Array(word)
        guard !letters.isEmpty, letters.count <= 8 else { return false }
        for onset in onsets {
            let o = Array(onset)
            guard letters.count > o.count || (onset == "gi" && letters.count == 2), letters.starts(with: o) else { continue }
            // `gi` and `qu` may lend their vowel: `gì` is onset `g` + nucleus `i`.
            var rest = Array(letters[o.count...])
            if rest.isEmpty { rest = onset == "gi" ? ["i"] : [] }
            if isRhyme(rest) { return true }
        }
        return false
    }

    private static func isRhyme(_ letters: [Character]) -> Bool {
        var nucleus = ""
        var tones = 0
        var tone = 0
        var k = 0
        while k < letters.count, let (v, t) = vowels[letters[k]] {
            nucleus.append(v)
            if t != 0 {
                tones += 1
                tone = t
            }
            k += 1
        }
        guard !nucleus.isEmpty, tones <= 1 else { return false }
        let coda = String(letters[k...])
        guard codas.contains(coda) else { return false }
        if coda.isEmpty {
            guard openNuclei.contains(nucleus) || freeNuclei.contains(nucleus) else { return false }
        } else {
            guard closedNuclei.contains(nucleus) || freeNuclei.contains(nucleus) else { return false }
            // `ch` and `nh` follow a front vowel: `ách`, `ênh`, `inh`, `oanh`, `uynh`.
            if coda == "ch" || coda == "nh" {
                guard let last = nucleus.last, "aêiy".contains(last) else { return false }
            }
            // A stop coda takes only the acute or the dot-below tone.
            if ["c", "ch", "p", "t"].contains(coda), tone != 2, tone != 5 { return false }
        }
        return true
    }
}
