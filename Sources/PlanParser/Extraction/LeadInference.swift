/// Leads for prose tasks that state none, taken from the plan's ``Responsibility`` list.
///
/// A plan often says who answers for an area once, in `TỔ CHỨC THỰC HIỆN` (`3. Sở Tư pháp` ›
/// `- Chủ trì … công tác cải cách thể chế`), and lists the area's tasks elsewhere under a
/// heading of that area (`2. Cải cách thể chế`). A task gets a lead when the match is clear:
///
/// 1. **Section**: the nearest heading that names an area (headings that name tasks, such as
///    `b) Nhiệm vụ`, name none) is compared with each unit's areas; the share of the heading's
///    words found in an area is the score. The best unit needs ≥ ``minimumCoverage`` and no
///    other unit as good; a tie infers nothing.
/// 2. **Title**, when no heading decides: a unit's area or duty phrase of at least
///    ``minimumPhraseWords`` words written in the task's title (`tiếp nhận, xử lý phản ánh, kiến
///    nghị`); the longest such phrase wins, a tie infers nothing. Phrases of the plan's own
///    title (`cải cách hành chính`) and phrases found in many task titles say nothing.
///
/// Only leading responsibilities of named units count: a collective (`các sở, ban, ngành`)
/// answers for everything and so for nothing in particular. The task's ``PlanTask/leadSource``
/// says `inferred` with the responsibility's line.
enum LeadInference {
    static let minimumCoverage = 0.75
    static let minimumPhraseWords = 4

    private struct Candidate {
        var responsibility: Responsibility
        var areas: [Set<Int>]
        var phrases: [Phrase]
    }

    /// A unit and a duty, compared as a pair (no string joined of them).
    private struct DutyKey: Hashable {
        var unit: TextKey
        var duty: TextKey
    }

    private struct Phrase {
        var whole: [Int]
        var pieces: [[Int]]
    }

    /// - Complexity: linear in the tasks for a document's responsibilities: candidates are
    ///   deduplicated (unit and duty), each heading is scored once, the titles no heading decides
    ///   are read once (their words are not kept: only the phrases each holds).
    /// - Parameter heads: the opening phrases of each responsibility's duty clauses, as the
    ///   assignment reader read them (by responsibility; empty: read from the duty text).
    static func infer(_ tasks: inout [PlanTask], from responsibilities: [Responsibility], heads: [[String]] = [],
                      documentTitle: String?)
    {
        let open = tasks.indices.filter { tasks[$0].origin == .prose && tasks[$0].lead.isEmpty }
        guard !open.isEmpty, !responsibilities.isEmpty else { return }
        var vocabulary = Vocabulary()
        var candidates: [Candidate] = []
        var sources: [Int] = []  // the responsibility of each candidate
        var seenText: Set<DutyKey> = []
        for (n, r) in responsibilities.enumerated() where r.role == .lead && !isCollective(r.unit.name) {
            // The same unit with the same duty, again (a document pasted twice): nothing new.
            guard seenText.insert(DutyKey(unit: TextKey(r.unit.key), duty: TextKey(r.duty))).inserted else { continue }
            let areas = r.areas.map { Set(vocabulary.words($0)) }.filter { $0.count >= 2 }
            candidates.append(Candidate(responsibility: r, areas: areas, phrases: []))
            sources.append(n)
        }
        guard !candidates.isEmpty else { return }
        var titled: [Int] = []  // the tasks no heading decides
        var byHeading: [TextKey: Verdict] = [:]
        var inferred: [(Int, Responsibility)] = []
        // 1. By heading; the tasks no heading decides go on to their titles. Tasks in a row
        // mostly sit under the same headings: compared with the last task's byte for byte, these
        // decide as they did, without a heading looked up again.
        var lastHeadings: [SectionHeading]?
        var lastDecision: Responsibility?
        for i in open {
            let decision: Responsibility?
            if let last = lastHeadings, sameTitles(last, tasks[i].headings) {
                decision = lastDecision
            } else {
                decision = bySection(tasks[i].headings, candidates, &byHeading, &vocabulary)?.0
                lastHeadings = tasks[i].headings
                lastDecision = decision
            }
            if let r = decision {
                inferred.append((i, r))
            } else {
                titled.append(i)
            }
        }
        // 2. By title. The phrases are read only now: most plans' headings decide every task.
        if !titled.isEmpty {
            for (c, n) in sources.enumerated() {
                let r = responsibilities[n]
                candidates[c].phrases = phrases(of: r, heads: n < heads.count ? heads[n] : ResponsibilityAreas.headPhrases(of: r.duty),
                                                &vocabulary)
            }
            let starts = PhraseStarts(candidates)
            if !starts.refs.isEmpty {
                // One pass over the titles: the phrases each holds (its words are not kept), and
                // in how many titles each phrase is written.
                var found: [[Int32]] = []
                found.reserveCapacity(titled.count)
                var titles = [Int32](repeating: 0, count: starts.refs.count)
                var scratch: [Int] = []  // the words of the title read, in room kept from title to title
                for i in titled {
                    let count = vocabulary.words(tasks[i].title, into: &scratch)
                    var here: [Int32] = []
                    scratch.withUnsafeBufferPointer { all in
                        let words = UnsafeBufferPointer(rebasing: all[..<count])
                        for pos in words.indices {
                            for k in starts.phrases(startingWith: words[pos]) {
                                let n = starts.numbers[k]
                                if matches(words, at: pos, starts.refs[n].words) && !here.contains(Int32(n)) { here.append(Int32(n)) }
                            }
                        }
                    }
                    for n in here { titles[Int(n)] += 1 }
                    found.append(here)
                }
                // Phrases that say nothing: in the plan's title, or in many task titles.
                let titleWords = documentTitle.map { vocabulary.words($0) } ?? []
                let limit = Int32(max(2, titled.count / 4))
                var usable = [UInt8](repeating: 0, count: starts.refs.count)  // 0 unknown, 1 usable, 2 not
                for (k, i) in titled.enumerated() where !found[k].isEmpty {
                    var phrases: [Int] = []
                    for n32 in found[k] {
                        let n = Int(n32)
                        if usable[n] == 0 { usable[n] = titles[n] <= limit && !contains(titleWords, starts.refs[n].words) ? 1 : 2 }
                        if usable[n] == 1 { phrases.append(n) }
                    }
                    if let (r, _) = byTitle(found: phrases, candidates, starts) { inferred.append((i, r)) }
                }
            }
        }
        for (i, r) in inferred {
            tasks[i].lead = [r.unit]
            tasks[i].leadSource = LeadSource(kind: .inferred, line: r.line)
        }
    }

    /// The unit whose areas cover the task's nearest area heading; `nil` when none or a tie.
    /// Takes the task's headings, not the task: no copy of the whole record per task.
    private static func bySection(_ headings: [SectionHeading], _ candidates: [Candidate], _ memo: inout [TextKey: Verdict],
                                  _ vocabulary: inout Vocabulary) -> (Responsibility, Double)?
    {
        for h in headings.indices.reversed() {
            let verdict: Verdict
            let key = TextKey(headings[h].title)
            if let known = memo[key] {
                verdict = known
            } else {
                verdict = score(headings[h], candidates, &vocabulary)
                memo[key] = verdict
            }
            switch verdict {
            case .decides(let r): return r
            case .tie: return nil
            case .none: continue
            }
        }
        return nil
    }

    /// Whether two tasks' headings have the same titles (all ``bySection(_:_:_:_:)`` reads),
    /// the nearest compared first.
    private static func sameTitles(_ a: [SectionHeading], _ b: [SectionHeading]) -> Bool {
        guard a.count == b.count else { return false }
        for k in a.indices.reversed() where TextKey(a[k].title) != TextKey(b[k].title) { return false }
        return true
    }

    /// What a heading says about who leads: a unit, a tie (nothing to infer), or nothing.
    private enum Verdict {
        case decides((Responsibility, Double))
        case tie
        case none
    }

    private static func score(_ heading: SectionHeading, _ candidates: [Candidate], _ vocabulary: inout Vocabulary) -> Verdict {
        guard TaskExtractor.role(ofHeading: heading.title) != .tasks else { return .none }
        var heads = vocabulary.words(withoutParentheses(heading.title))
        let leading = Self.leadingWords
        while let first = heads.first, leading.contains(first), heads.count > 2 { heads.removeFirst() }
        let set = Set(heads)
        guard set.count >= 2 else { return .none }
        var best: [TextKey: (Responsibility, Double)] = [:]
        for c in candidates {
            let key = TextKey(c.responsibility.unit.key)
            for a in c.areas {
                let score = Double(set.intersection(a).count) / Double(set.count)
                if score > (best[key]?.1 ?? -1) { best[key] = (c.responsibility, score) }
            }
        }
        let ranked = best.values.sorted { $0.1 > $1.1 || $0.1 == $1.1 && $0.0.line < $1.0.line }
        guard let top = ranked.first, top.1 >= minimumCoverage else { return .none }
        if ranked.count > 1, ranked[1].1 == top.1 { return .tie }
        return .decides(top)
    }

    /// Every phrase of every candidate, numbered, and where each starts: first word → phrase numbers.
    private struct PhraseStarts {
        struct Ref {
            var candidate: Int
            var phrase: Int
            /// The piece, or -1 for the whole phrase.
            var piece: Int
            var words: [Int]
        }

        var refs: [Ref] = []
        /// The phrases by first word, in order: those of `firsts[f]` are `numbers[spans[f]]`.
        private(set) var numbers: [Int] = []
        private var firsts: [Int] = []
        private var spans: [Range<Int>] = []
        /// An open-addressing table of the first words (an index into `firsts`, -1 for none),
        /// placed by their top bits (the words are hashes already): most title words start no
        /// phrase, and an empty slot says so at once.
        private var slots: [Int32] = []
        private var shift: UInt64 = 63

        init(_ candidates: [Candidate]) {
            for (c, cand) in candidates.enumerated() {
                for (p, phrase) in cand.phrases.enumerated() {
                    if phrase.whole.count >= LeadInference.minimumPhraseWords { refs.append(Ref(candidate: c, phrase: p, piece: -1, words: phrase.whole)) }
                    for (k, piece) in phrase.pieces.enumerated() where piece.count >= 3 {
                        refs.append(Ref(candidate: c, phrase: p, piece: k, words: piece))
                    }
                }
            }
            var byFirst: [Int: [Int]] = [:]
            for (n, r) in refs.enumerated() {
                if byFirst[r.words[0]] == nil { firsts.append(r.words[0]) }
                byFirst[r.words[0], default: []].append(n)
            }
            for w in firsts {
                let list = byFirst[w] ?? []
                spans.append(numbers.count..<(numbers.count + list.count))
                numbers += list
            }
            // At least twice the slots of the words, a power of two.
            var bits: UInt64 = 6
            while 1 << bits < 2 * firsts.count { bits += 1 }
            shift = 64 - bits
            slots = [Int32](repeating: -1, count: 1 << bits)
            for (f, w) in firsts.enumerated() {
                var b = slot(w)
                while slots[b] >= 0 { b = (b + 1) & (slots.count - 1) }
                slots[b] = Int32(f)
            }
        }

        @inline(__always)
        private func slot(_ word: Int) -> Int { Int(truncatingIfNeeded: UInt64(UInt(bitPattern: word)) >> shift) }

        /// The phrases that start with `word`, as a range of ``numbers`` (empty for none).
        @inline(__always)
        func phrases(startingWith word: Int) -> Range<Int> {
            var b = slot(word)
            while true {
                let f = Int(slots[b])
                if f < 0 { return 0..<0 }
                if firsts[f] == word { return spans[f] }
                b = (b + 1) & (slots.count - 1)
            }
        }
    }

    /// The unit whose longest area or duty phrase is written in the title (`found`: the usable
    /// phrase numbers the title holds); `nil` when none or a tie. A phrase cut at commas (`thu
    /// hút đầu tư, hỗ trợ khởi nghiệp, phát triển doanh nghiệp`) counts when two of its pieces are
    /// there.
    private static func byTitle(found: [Int], _ candidates: [Candidate], _ starts: PhraseStarts) -> (Responsibility, Double)? {
        guard !found.isEmpty else { return nil }
        var scores: [Int: Double] = [:]  // candidate → score
        var pieces: [Int: Set<Int>] = [:]  // candidate × phrase → pieces found
        for n in Set(found) {
            let r = starts.refs[n]
            if r.piece < 0 {
                scores[r.candidate] = max(scores[r.candidate] ?? 0, Double(r.words.count))
            } else {
                pieces[r.candidate * 4096 + r.phrase, default: []].insert(n)
            }
        }
        for (key, ns) in pieces where ns.count >= 2 {
            let c = key / 4096
            scores[c] = max(scores[c] ?? 0, Double(ns.reduce(0) { $0 + starts.refs[$1].words.count }))
        }
        var best: [TextKey: (Responsibility, Double)] = [:]
        for (c, score) in scores {
            let r = candidates[c].responsibility
            let key = TextKey(r.unit.key)
            if let known = best[key], known.1 > score || known.1 == score && known.0.line <= r.line { continue }
            best[key] = (r, score)
        }
        let ranked = best.values.sorted { $0.1 > $1.1 || $0.1 == $1.1 && $0.0.line < $1.0.line }
        guard let top = ranked.first else { return nil }
        if ranked.count > 1, ranked[1].1 == top.1 { return nil }
        return top
    }

    private static func matches(_ text: UnsafeBufferPointer<Int>, at i: Int, _ phrase: [Int]) -> Bool {
        guard i + phrase.count <= text.count else { return false }
        for k in 1..<phrase.count where text[i + k] != phrase[k] { return false }
        return true
    }

    /// A responsibility's areas and the heads of its duty's clauses, whole and cut at commas.
    private static func phrases(of r: Responsibility, heads: [String], _ vocabulary: inout Vocabulary) -> [Phrase] {
        (r.areas + heads).map { t in
            var commas: [Int] = []
            let whole = vocabulary.words(t, commas: &commas)
            guard !commas.isEmpty else { return Phrase(whole: whole, pieces: []) }
            var pieces: [[Int]] = []
            var start = 0
            for c in commas + [whole.count] {
                pieces.append(Array(whole[start..<max(start, c)]))
                start = max(start, c)
            }
            return Phrase(whole: whole, pieces: pieces)
        }
    }

    /// `các sở, ban, ngành`, `Thủ trưởng các cơ quan`, `UBND các huyện`: a collective.
    static func isCollective(_ name: String) -> Bool {
        return name.withUTF8Bytes { buf in
            VietnameseText.withLowercased(buf) { lower in
                ByteSearch.hasPrefix(lower, Self.allWord) || ByteSearch.contains(lower, Self.spacedAllWord)
                    || ByteSearch.contains(lower, Self.wholeWord)
            }
        }
    }

    private static let allWord = Array("các ".utf8)  // plural article
    private static let spacedAllWord = Array(" các ".utf8)
    private static let wholeWord = Array("toàn thể ".utf8)  // "all of"

    /// Words as numbers (the hash of each word), so comparing them compares integers.
    struct Vocabulary {
        /// A text's comparison words: lowercase, the old tone placement unified (`hoá` → `hóa`),
        /// split at anything but letters and digits, `và` dropped, abbreviations written out.
        /// - Complexity: O(n) in the text, one pass, no string built.
        mutating func words(_ text: String) -> [Int] {
            var none: [Int] = []
            return words(text, commas: &none, recording: false)
        }

        /// The words, and in `commas` how many words come before each comma.
        mutating func words(_ text: String, commas: inout [Int]) -> [Int] {
            words(text, commas: &commas, recording: true)
        }

        /// The words of `text` in `scratch` (grown when short, never shrunk), the count returned:
        /// the titles are read one after another, and none needs its words kept.
        mutating func words(_ text: String, into scratch: inout [Int]) -> Int {
            text.withUTF8Bytes { bytes in
                let room = Vocabulary.room(bytes.count)
                if scratch.count < room { scratch = [Int](repeating: 0, count: room) }
                var none: [Int] = []
                return scratch.withUnsafeMutableBufferPointer { Vocabulary.write(bytes, commas: &none, recording: false, into: $0) }
            }
        }

        private mutating func words(_ text: String, commas: inout [Int], recording: Bool) -> [Int] {
            text.withUTF8Bytes { bytes in
                [Int](unsafeUninitializedCapacity: Vocabulary.room(bytes.count)) { out, written in
                    written = Vocabulary.write(bytes, commas: &commas, recording: recording, into: out)
                }
            }
        }

        /// The room the words of `count` bytes may take: a word takes a byte and a separator, and
        /// stands for at most ``longestSpelling`` words.
        @inline(__always)
        private static func room(_ count: Int) -> Int { (count + 1) / 2 * longestSpelling + longestSpelling }

        /// Writes the words of `bytes` into `out` (``room(_:)`` long); returns how many.
        private static func write(_ bytes: UnsafeBufferPointer<UInt8>, commas: inout [Int], recording: Bool,
                                  into out: UnsafeMutableBufferPointer<Int>) -> Int
        {
            // The tables in locals: a static is asked through its once-token at every use.
            let and = Vocabulary.and
            let pairs = Vocabulary.pairs
            let expansions = Vocabulary.expansions
            let pairBits = Vocabulary.pairBits
            let expansionBits = Vocabulary.expansionBits
            let latin = Vocabulary.latinLowercase
            // The words are written into room made up front (an `append` here is a call into
            // the array's growth checks at every word).
            var count = 0
            // The word's hash is made as its letters come (FNV-1a, as `TextWords.hash` of the
            // lowercase bytes); only where its last letter is no ASCII letter is it noted. The
            // old tone placement (`hoá`) is looked for from there when the word ends, and the
            // word rehashed in the new one (`hóa`). No word is built.
            let basis: UInt64 = 0xCBF2_9CE4_8422_2325
            var full = basis
            var start = -1  // the word's first byte; -1 between words
            var lastStart = -1  // its last letter's first byte when that letter is no ASCII; else -1
            var lastScalar: UInt32 = 0  // that letter, lowercase
            var previous: UInt64?
            func finish(_ end: Int) {
                guard start >= 0 else { return }
                var h = full
                if lastStart >= 0, let retoned = Vocabulary.retonedHash(bytes, start, lastStart, lastScalar) { h = retoned }
                let length = end - start
                full = basis
                start = -1
                lastStart = -1
                if h == and { return }
                // Abbreviations are short: longer words are never looked up.
                guard length <= 5 else {
                    out[count] = Int(truncatingIfNeeded: h)
                    count += 1
                    previous = h
                    return
                }
                if let p = previous, Vocabulary.mayHold(pairBits, p &* 31 &+ h),
                    let spelled = Vocabulary.lookUp(p &* 31 &+ h, in: pairs)
                {
                    // `KH&CN`, `TT&TT`: two parts of one abbreviation.
                    count -= 1
                    for w in spelled {
                        out[count] = w
                        count += 1
                    }
                    previous = nil
                } else if Vocabulary.mayHold(expansionBits, h), let spelled = Vocabulary.lookUp(h, in: expansions) {
                    for w in spelled {
                        out[count] = w
                        count += 1
                    }
                    previous = h
                } else {
                    out[count] = Int(truncatingIfNeeded: h)
                    count += 1
                    previous = h
                }
            }
            let prime: UInt64 = 0x100_0000_01B3
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if Vocabulary.isASCIIWordByte(b) {
                        // Lowercase: digits have the bit already.
                        if start < 0 { start = i }
                        full = (full ^ UInt64(b | 0x20)) &* prime
                        lastStart = -1
                        // The rest of a run of ASCII letters and digits (most of a word), in one loop.
                        var k = i + 1
                        while k < bytes.count, bytes[k] < 0x80, Vocabulary.isASCIIWordByte(bytes[k]) {
                            full = (full ^ UInt64(bytes[k] | 0x20)) &* prime
                            k += 1
                        }
                        i = k
                        continue
                    } else {
                        // Punctuation (also the `&` of `KH&CN`, whose parts stay a pair).
                        finish(i)
                        if recording, b == UInt8(ascii: ",") {
                            commas.append(count)
                            previous = nil
                        }
                    }
                    i += 1
                    continue
                }
                // The blocks of Vietnamese letters by their lead bytes (as `VietnameseText`
                // decodes them), lowercase in the bytes they had; anything else decoded.
                let l: UInt32
                let n: Int
                if b &- 0xC3 < 4, i + 1 < bytes.count {
                    // U+00C0–U+01BF: Latin-1 letters, Latin Extended-A, `ơ`, `ư`.
                    l = UInt32(latin[Int(UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) - 0xC0])
                    n = 2
                    if l != 0 { full = (((full ^ UInt64(0xC0 | l >> 6)) &* prime) ^ UInt64(0x80 | l & 0x3F)) &* prime }
                } else if b == 0xE1, i + 2 < bytes.count {
                    // U+1000–U+1FFF: the letters are U+1EA0–U+1EF9 (`ạ` … `ỹ`), lowercase odd.
                    let s = 0x1000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    l = s &- 0x1EA0 <= 0x59 ? s | 1 : 0
                    n = 3
                    if l != 0 {
                        full = (((((full ^ 0xE1) &* prime) ^ UInt64(0x80 | (l >> 6) & 0x3F)) &* prime)
                            ^ UInt64(0x80 | l & 0x3F)) &* prime
                    }
                } else {
                    let (s, length) = VietnameseText.scalar(in: bytes, at: i)
                    l = VietnameseText.isLetter(s) ? VietnameseText.lowercase(s) : 0
                    n = length
                    if l != 0 { full = Vocabulary.feed(full, l) }
                }
                if l != 0 {
                    if start < 0 { start = i }
                    lastStart = i
                    lastScalar = l
                } else {
                    finish(i)
                }
                i += n
            }
            finish(bytes.count)
            return count
        }

        /// The hash of the word from `start` whose last letter, `last` (lowercase, no ASCII), starts
        /// at `lastStart`, with the old tone placement of its last two letters (`hoá`) in the new
        /// one (`hóa`); `nil` when they have none (``UnitNormalizer/newTonePlacement(_:)``). The
        /// letters before the last are read back from the bytes, and hashed again only for a change.
        private static func retonedHash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ lastStart: Int,
                                        _ last: UInt32) -> UInt64?
        {
            // A one-letter word has no glide (the placement looks at a glide `o` or `u` first).
            guard lastStart > start else { return nil }
            let (glide, glideStart) = letter(before: lastStart, in: bytes, from: start)
            guard glide == 0x6F || glide == 0x75 else { return nil }
            let beforeGlide = glideStart > start ? letter(before: glideStart, in: bytes, from: start).value : 0
            guard let (first, second) = UnitNormalizer.newTonePlacement((beforeGlide, glide, last)) else { return nil }
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            var i = start
            while i < glideStart {
                let b = bytes[i]
                if b < 0x80 {
                    h = (h ^ UInt64(b | 0x20)) &* 0x100_0000_01B3
                    i += 1
                } else {
                    let (s, n) = VietnameseText.scalar(in: bytes, at: i)
                    h = feed(h, VietnameseText.lowercase(s))
                    i += n
                }
            }
            return feed(feed(h, first), second)
        }

        /// The letter (lowercase) that ends just before `end` in a word from `start`, and where it starts.
        @inline(__always)
        private static func letter(before end: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: UInt32, start: Int) {
            var k = end - 1
            if bytes[k] < 0x80 { return (UInt32(bytes[k] | 0x20), k) }
            while k > start, bytes[k] & 0xC0 == 0x80 { k -= 1 }
            return (VietnameseText.lowercase(VietnameseText.scalar(in: bytes, at: k).value), k)
        }

        /// Whether ASCII byte `b` is a letter or a digit (a bit each, in two words).
        @inline(__always)
        private static func isASCIIWordByte(_ b: UInt8) -> Bool {
            let digits: UInt64 = 0x03FF_0000_0000_0000  // 0x30–0x39
            let letters: UInt64 = 0x07FF_FFFE_07FF_FFFE  // 0x41–0x5A, 0x61–0x7A
            return (b < 0x40 ? digits : letters) &>> UInt64(b & 0x3F) & 1 != 0
        }

        /// U+00C0–U+01BF lowercase (``VietnameseText/lowercase(_:)``), 0 for a scalar that is no
        /// letter (``VietnameseText/isLetter(_:)``): the two-byte scalars Vietnamese letters are.
        private static let latinLowercase: [UInt16] = (0xC0..<0x1C0).map {
            VietnameseText.isLetter($0) ? UInt16(VietnameseText.lowercase($0)) : 0
        }

        /// FNV-1a state `h` fed the UTF-8 bytes of scalar `s`.
        @inline(__always)
        static func feed(_ h: UInt64, _ s: UInt32) -> UInt64 {
            let prime: UInt64 = 0x100_0000_01B3
            switch s {
            case 0..<0x80:
                return (h ^ UInt64(s)) &* prime
            case 0x80..<0x800:
                let a = (h ^ UInt64(0xC0 | (s >> 6))) &* prime
                return (a ^ UInt64(0x80 | (s & 0x3F))) &* prime
            case 0x800..<0x10000:
                let a = (h ^ UInt64(0xE0 | (s >> 12))) &* prime
                let b = (a ^ UInt64(0x80 | ((s >> 6) & 0x3F))) &* prime
                return (b ^ UInt64(0x80 | (s & 0x3F))) &* prime
            default:
                let a = (h ^ UInt64(0xF0 | (s >> 18))) &* prime
                let b = (a ^ UInt64(0x80 | ((s >> 12) & 0x3F))) &* prime
                let c = (b ^ UInt64(0x80 | ((s >> 6) & 0x3F))) &* prime
                return (c ^ UInt64(0x80 | (s & 0x3F))) &* prime
            }
        }

        private static func spelled(_ words: String) -> [Int] {
            words.split(separator: " ").map { Int(truncatingIfNeeded: TextWords.hash(Array($0.utf8))) }
        }

        private static let and = TextWords.hash(Array("và".utf8))  // "and"

        /// Whether `key` may be in a table whose keys set `bits` (a bit per key's top six bits):
        /// most words are no abbreviation, and a clear bit says so without reading the table.
        @inline(__always)
        private static func mayHold(_ bits: UInt64, _ key: UInt64) -> Bool { bits & (1 &<< (key &>> 58)) != 0 }

        private static func bits(_ table: [(key: UInt64, words: [Int])]) -> UInt64 {
            table.reduce(0) { $0 | 1 &<< ($1.key &>> 58) }
        }

        /// The spelled-out words of `key` in a table of a few entries. Almost every word is
        /// looked up: comparing a handful of integers costs less than hashing the key.
        @inline(__always)
        private static func lookUp(_ key: UInt64, in table: [(key: UInt64, words: [Int])]) -> [Int]? {
            for entry in table where entry.key == key { return entry.words }
            return nil
        }

        /// Abbreviations written out, as in unit keys, and the plan areas' own: CCHC
        /// (administrative reform), QPPL (legal documents). By hash (the keys are distinct).
        private static let expansions: [(key: UInt64, words: [Int])] = [
            ("cchc", "cải cách hành chính"), ("qppl", "quy phạm pháp luật"), ("khcn", "khoa học công nghệ"),
            ("ubnd", "ủy ban nhân dân"), ("hđnd", "hội đồng nhân dân"), ("cntt", "công nghệ thông tin"),
            ("tthc", "thủ tục hành chính"), ("tttt", "thông tin truyền thông"),
        ].map { (TextWords.hash(Array($0.0.utf8)), spelled($0.1)) }

        /// Two-part abbreviations (`KH&CN`, `TT&TT`), by the hashes of their parts.
        private static let pairs: [(key: UInt64, words: [Int])] = [
            ("kh", "cn", "khoa học công nghệ"), ("tt", "tt", "thông tin truyền thông"),
        ].map { (TextWords.hash(Array($0.0.utf8)) &* 31 &+ TextWords.hash(Array($0.1.utf8)), spelled($0.2)) }

        /// The most words an abbreviation stands for.
        private static let longestSpelling = (expansions + pairs).map(\.words.count).max() ?? 1

        private static let expansionBits = bits(expansions)
        private static let pairBits = bits(pairs)
    }

    /// Words a heading's area may open with, passed over: `công tác về` ("the work on").
    private static let leadingWords: Set<Int> = {
        var vocabulary = Vocabulary()
        return Set(vocabulary.words("công tác về"))
    }()

    private static func withoutParentheses(_ s: String) -> String {
        guard s.withUTF8Bytes({ $0.contains(UInt8(ascii: "(")) }) else { return s }
        var out = ""
        var depth = 0
        for ch in s {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(ch) }
        }
        return out
    }

    /// Whether `phrase` occurs in `text` as consecutive words.
    private static func contains(_ text: [Int], _ phrase: [Int]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= text.count else { return false }
        var i = 0
        let n = phrase.count
        outer: while i + n <= text.count {
            defer { i += 1 }
            guard text[i] == phrase[0] else { continue }
            var k = 1
            while k < n {
                if text[i + k] != phrase[k] { continue outer }
                k += 1
            }
            return true
        }
        return false
    }
}
