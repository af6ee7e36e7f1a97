/// The word-level difference of two titles, as runs of kept, removed and inserted words.
///
/// Words are compared as the diff compares titles (``DiffToken/matches(_:_:)``: case,
/// punctuation and plan-year shifts do not count), and shown as printed: a removed word in its
/// old spelling, a kept or inserted word in its new spelling. A printed word is a piece
/// between spaces; punctuation alone (`-`) sticks to the word before it, and a citation with
/// its date (`76/NQ-CP ngày 15/7/2021`) is one printed word, as it is one token.
///
/// The alignment is the standard library's `difference(from:by:)` (Myers, O((n+m)·D) time and
/// O(D²) memory for D differences) after the common beginning and end are set aside. When
/// what is left is longer than ``exactLimit`` words, it is first cut at **anchors**: runs of
/// three words that occur exactly once in each title, kept in order (the longest increasing
/// run, as in patience diff), and each piece between anchors is aligned the same way. A piece
/// still too long after ``maxDepth`` rounds of anchoring, or without any anchor, is shown as
/// removed and inserted as a whole. So a title of any length is aligned in O(n log n), and
/// titles of ordinary length get the exact minimal diff.
enum WordDiff {
    /// The longest piece (old + new words) aligned exactly.
    static let exactLimit = 2_000
    /// Rounds of anchoring before a long piece is shown as removed + inserted.
    static let maxDepth = 12

    static func runs(old: String, new: String, oldTokenizer: DiffTokenizer, newTokenizer: DiffTokenizer) -> [WordRun] {
        let a = printedWords(old, oldTokenizer)
        let b = printedWords(new, newTokenizer)
        var alignment = Alignment(a: a.map(\.tokens), b: b.map(\.tokens))
        alignment.run()
        var runs: [WordRun] = []
        func emit(_ kind: WordRun.Kind, _ text: String) {
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].text += " " + text
            } else {
                runs.append(WordRun(kind: kind, text: text))
            }
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, alignment.removed[i] {
                emit(.removed, a[i].text)
                i += 1
            } else if j < b.count, alignment.inserted[j] {
                emit(.inserted, b[j].text)
                j += 1
            } else {
                // Kept: shown as printed in the new title.
                if j < b.count { emit(.equal, b[j].text) }
                i += 1
                j += 1
            }
        }
        return runs
    }

    /// The words of `text` between spaces, each with its tokens (a word such as `01/2024`
    /// has two). Pieces without tokens are glued to the piece before them; the pieces a
    /// citation spans are one word.
    static func printedWords(_ text: String, _ tokenizer: DiffTokenizer) -> [(text: String, tokens: [DiffToken])] {
        let composed = DiffTokenizer.composed(text)
        var tokens: [(token: DiffToken, range: Range<Int>)] = []
        tokenizer.scan(composed) { tokens.append(($0, $1)) }
        let bytes = Array(composed.utf8)
        var pieces: [Range<Int>] = []
        var start = -1
        for (k, c) in bytes.enumerated() {
            let space = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
            if space, start >= 0 {
                pieces.append(start..<k)
                start = -1
            } else if !space, start < 0 {
                start = k
            }
        }
        if start >= 0 { pieces.append(start..<bytes.count) }

        var result: [(text: String, tokens: [DiffToken])] = []
        var t = 0
        var p = 0
        while p < pieces.count {
            var text = String(decoding: bytes[pieces[p]], as: UTF8.self)
            var end = pieces[p].upperBound
            var own: [DiffToken] = []
            while t < tokens.count, tokens[t].range.lowerBound < end {
                own.append(tokens[t].token)
                // A token reaching past the piece (a citation and its date) takes the next pieces in.
                while tokens[t].range.upperBound > end, p + 1 < pieces.count {
                    p += 1
                    text += " " + String(decoding: bytes[pieces[p]], as: UTF8.self)
                    end = pieces[p].upperBound
                }
                t += 1
            }
            p += 1
            if own.isEmpty, !result.isEmpty {
                result[result.count - 1].text += " " + text
            } else if let last = result.last, last.tokens.isEmpty {
                result[result.count - 1] = (last.text + " " + text, own)
            } else {
                result.append((text, own))
            }
        }
        return result
    }

    /// Which old words are removed and which new words inserted; see ``WordDiff``.
    struct Alignment {
        let a: [[DiffToken]]
        let b: [[DiffToken]]
        private(set) var removed: [Bool]
        private(set) var inserted: [Bool]

        init(a: [[DiffToken]], b: [[DiffToken]]) {
            self.a = a
            self.b = b
            removed = [Bool](repeating: false, count: a.count)
            inserted = [Bool](repeating: false, count: b.count)
        }

        mutating func run() { align(0..<a.count, 0..<b.count, depth: 0) }

        private func same(_ i: Int, _ j: Int) -> Bool { DiffToken.matches(a[i], b[j]) }

        private mutating func align(_ x: Range<Int>, _ y: Range<Int>, depth: Int) {
            var x = x
            var y = y
            while !x.isEmpty, !y.isEmpty, same(x.lowerBound, y.lowerBound) {
                x = (x.lowerBound + 1)..<x.upperBound
                y = (y.lowerBound + 1)..<y.upperBound
            }
            while !x.isEmpty, !y.isEmpty, same(x.upperBound - 1, y.upperBound - 1) {
                x = x.lowerBound..<(x.upperBound - 1)
                y = y.lowerBound..<(y.upperBound - 1)
            }
            if x.isEmpty || y.isEmpty {
                for i in x { removed[i] = true }
                for j in y { inserted[j] = true }
            } else if x.count + y.count <= WordDiff.exactLimit {
                let difference = b[y].difference(from: a[x]) { DiffToken.matches($0, $1) }
                for change in difference {
                    switch change {
                    case .remove(let offset, _, _): removed[x.lowerBound + offset] = true
                    case .insert(let offset, _, _): inserted[y.lowerBound + offset] = true
                    }
                }
            } else {
                let chain = depth < WordDiff.maxDepth ? anchors(x, y) : []
                guard !chain.isEmpty else {
                    for i in x { removed[i] = true }
                    for j in y { inserted[j] = true }
                    return
                }
                var (i0, j0) = (x.lowerBound, y.lowerBound)
                for (i, j) in chain {
                    align(i0..<i, j0..<j, depth: depth + 1)
                    (i0, j0) = (i + 1, j + 1)
                }
                align(i0..<x.upperBound, j0..<y.upperBound, depth: depth + 1)
            }
        }

        /// Word pairs starting a three-word run that occurs once in `x` and once in `y` and
        /// reads the same, the longest chain of them in order in both.
        private func anchors(_ x: Range<Int>, _ y: Range<Int>) -> [(Int, Int)] {
            func key(_ words: [[DiffToken]], _ k: Int) -> UInt64 {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for w in words[k..<(k + 3)] {
                    for t in w { h = (h ^ UInt64(UInt32(bitPattern: t.relative))) &* 0x100_0000_01b3 }
                    h = (h ^ 0xFFFF_FFFF) &* 0x100_0000_01b3
                }
                return h
            }
            guard x.count >= 3, y.count >= 3 else { return [] }
            // key → (occurrences in x, position in x, occurrences in y, position in y)
            var seen: [UInt64: (Int32, Int32, Int32, Int32)] = [:]
            seen.reserveCapacity(x.count)
            for i in x.lowerBound...(x.upperBound - 3) {
                let k = key(a, i)
                let e = seen[k] ?? (0, 0, 0, 0)
                seen[k] = (e.0 + 1, Int32(i), e.2, e.3)
            }
            for j in y.lowerBound...(y.upperBound - 3) {
                let k = key(b, j)
                guard let e = seen[k], e.0 == 1 else { continue }
                seen[k] = (e.0, e.1, e.2 + 1, Int32(j))
            }
            var pairs: [(Int, Int)] = []
            for (_, e) in seen where e.0 == 1 && e.2 == 1 {
                let (i, j) = (Int(e.1), Int(e.3))
                if same(i, j), same(i + 1, j + 1), same(i + 2, j + 2) { pairs.append((i, j)) }
            }
            pairs.sort { $0.0 < $1.0 }
            return Self.longestIncreasing(pairs)
        }

        /// The longest subsequence of `pairs` (sorted by old position) whose new positions
        /// increase too. O(p log p).
        static func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
            var tails: [Int] = []  // tails[k]: index into pairs of the smallest end of a chain of k + 1
            var previous = [Int](repeating: -1, count: pairs.count)
            for (k, p) in pairs.enumerated() {
                var lo = 0
                var hi = tails.count
                while lo < hi {
                    let m = (lo + hi) / 2
                    if pairs[tails[m]].1 < p.1 { lo = m + 1 } else { hi = m }
                }
                if lo > 0 { previous[k] = tails[lo - 1] }
                if lo == tails.count { tails.append(k) } else { tails[lo] = k }
            }
            var chain: [(Int, Int)] = []
            var k = tails.last ?? -1
            while k >= 0 {
                chain.append(pairs[k])
                k = previous[k]
            }
            return chain.reversed()
        }
    }
}
