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
/// run, as in patience diff), and each piece between anchors is aligned the same way (a small
/// piece by the textbook longest-common-subsequence table). A piece
/// still too long after ``maxDepth`` rounds of anchoring, or without any anchor, is shown as
/// removed and inserted as a whole. So a title of any length is aligned in O(n log n), and
/// titles of ordinary length get the exact minimal diff.
enum WordDiff {
    /// The longest piece (old + new words) aligned exactly.
    static let exactLimit = 2_000
    /// Rounds of anchoring before a long piece is shown as removed + inserted.
    static let maxDepth = 12

    static func runs(old: String, new: String, oldTokenizer: DiffTokenizer, newTokenizer: DiffTokenizer) -> [WordRun] {
        let a = PrintedWords(old, oldTokenizer)
        let b = PrintedWords(new, newTokenizer)
        var alignment = Alignment(a: a, b: b)
        alignment.run()
        var runs: [WordRun] = []
        var kind = WordRun.Kind.equal
        var text: [UInt8] = []
        func emit(_ k: WordRun.Kind, _ words: PrintedWords, _ index: Int) {
            if k != kind, !text.isEmpty {
                runs.append(WordRun(kind: kind, text: String(decoding: text, as: UTF8.self)))
                text.removeAll(keepingCapacity: true)
            }
            kind = k
            if !text.isEmpty { text.append(0x20) }
            words.appendText(of: index, to: &text)
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, alignment.removed[i] {
                emit(.removed, a, i)
                i += 1
            } else if j < b.count, alignment.inserted[j] {
                emit(.inserted, b, j)
                j += 1
            } else {
                // Kept: shown as printed in the new title.
                if j < b.count { emit(.equal, b, j) }
                i += 1
                j += 1
            }
        }
        if !text.isEmpty { runs.append(WordRun(kind: kind, text: String(decoding: text, as: UTF8.self))) }
        return runs
    }

    /// The words of a title between spaces, each with its tokens (a word such as `01/2024`
    /// has two). Pieces without tokens are glued to the piece before them (or, at the start,
    /// to the one after); the pieces a citation spans are one word.
    struct PrintedWords {
        /// The title's bytes (NFC).
        let bytes: [UInt8]
        /// Every token, in order; word `k` has `tokens[tokenStart[k]..<tokenStart[k + 1]]`.
        private(set) var tokens: [DiffToken] = []
        private(set) var tokenStart: [Int] = [0]
        /// The pieces of word `k`: `pieces[pieceStart[k]..<pieceStart[k + 1]]`, byte ranges.
        private var pieces: [Range<Int>] = []
        private var pieceStart: [Int] = [0]

        var count: Int { tokenStart.count - 1 }

        init(_ text: String, _ tokenizer: DiffTokenizer) {
            let composed = DiffTokenizer.composed(text)
            bytes = Array(composed.utf8)
            var all: [(token: DiffToken, range: Range<Int>)] = []
            tokenizer.scan(composed) { all.append(($0, $1)) }
            var spaced: [Range<Int>] = []
            var start = -1
            for (k, c) in bytes.enumerated() {
                let space = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
                if space, start >= 0 {
                    spaced.append(start..<k)
                    start = -1
                } else if !space, start < 0 {
                    start = k
                }
            }
            if start >= 0 { spaced.append(start..<bytes.count) }

            var t = 0
            var p = 0
            var pending = 0..<0  // pieces without tokens before the first word
            while p < spaced.count {
                let firstPiece = p
                var end = spaced[p].upperBound
                let firstToken = t
                while t < all.count, all[t].range.lowerBound < end {
                    // A token reaching past the piece (a citation and its date) takes the next pieces in.
                    while all[t].range.upperBound > end, p + 1 < spaced.count {
                        p += 1
                        end = spaced[p].upperBound
                    }
                    t += 1
                }
                p += 1
                if t == firstToken {
                    if count > 0 {
                        pieces += spaced[firstPiece..<p]
                        pieceStart[pieceStart.count - 1] = pieces.count
                    } else {
                        pending = (pending.isEmpty ? firstPiece : pending.lowerBound)..<p
                    }
                    continue
                }
                pieces += spaced[pending]
                pieces += spaced[firstPiece..<p]
                pending = 0..<0
                pieceStart.append(pieces.count)
                for k in firstToken..<t { tokens.append(all[k].token) }
                tokenStart.append(tokens.count)
            }
            if !pending.isEmpty {
                // Only punctuation: one word without tokens.
                pieces = Array(spaced[pending])
                pieceStart.append(pieces.count)
                tokenStart.append(0)
            }
        }

        /// The tokens of word `k`.
        func tokens(of k: Int) -> ArraySlice<DiffToken> { tokens[tokenStart[k]..<tokenStart[k + 1]] }

        /// Appends word `k` as printed, its pieces separated by single spaces.
        func appendText(of k: Int, to out: inout [UInt8]) {
            for (n, r) in pieces[pieceStart[k]..<pieceStart[k + 1]].enumerated() {
                if n > 0 { out.append(0x20) }
                out.append(contentsOf: bytes[r])
            }
        }
    }

    /// Which old words are removed and which new words inserted; see ``WordDiff``.
    struct Alignment {
        let a: PrintedWords
        let b: PrintedWords
        private(set) var removed: [Bool]
        private(set) var inserted: [Bool]

        init(a: PrintedWords, b: PrintedWords) {
            self.a = a
            self.b = b
            removed = [Bool](repeating: false, count: a.count)
            inserted = [Bool](repeating: false, count: b.count)
        }

        mutating func run() { align(0..<a.count, 0..<b.count, depth: 0) }

        private func same(_ i: Int, _ j: Int) -> Bool {
            let x = a.tokenStart[i]
            let y = b.tokenStart[j]
            let n = a.tokenStart[i + 1] - x
            guard b.tokenStart[j + 1] - y == n else { return false }
            for k in 0..<n where !DiffToken.matches(a.tokens[x + k], b.tokens[y + k]) { return false }
            return true
        }

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
            } else if depth > 0, x.count * y.count <= 256 {
                table(x, y)
            } else if x.count + y.count <= WordDiff.exactLimit {
                let difference = Array(y).difference(from: Array(x)) { same($0, $1) }
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

        /// A longest common subsequence by the textbook table, for the small pieces between
        /// anchors (cheaper there than the general algorithm).
        private mutating func table(_ x: Range<Int>, _ y: Range<Int>) {
            let n = x.count
            let m = y.count
            var length = [Int16](repeating: 0, count: (n + 1) * (m + 1))
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    length[i * (m + 1) + j] =
                        same(x.lowerBound + i, y.lowerBound + j)
                        ? length[(i + 1) * (m + 1) + j + 1] + 1
                        : max(length[(i + 1) * (m + 1) + j], length[i * (m + 1) + j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < n, j < m {
                if same(x.lowerBound + i, y.lowerBound + j) {
                    i += 1
                    j += 1
                } else if length[(i + 1) * (m + 1) + j] >= length[i * (m + 1) + j + 1] {
                    removed[x.lowerBound + i] = true
                    i += 1
                } else {
                    inserted[y.lowerBound + j] = true
                    j += 1
                }
            }
            while i < n {
                removed[x.lowerBound + i] = true
                i += 1
            }
            while j < m {
                inserted[y.lowerBound + j] = true
                j += 1
            }
        }

        /// Word pairs starting a three-word run that occurs once in `x` and once in `y` and
        /// reads the same, the longest chain of them in order in both. O(n) expected, plus
        /// O(p log p) for the chain of p candidate anchors.
        private func anchors(_ x: Range<Int>, _ y: Range<Int>) -> [(Int, Int)] {
            guard x.count >= 3, y.count >= 3 else { return [] }
            func key(_ words: PrintedWords, _ k: Int) -> UInt64 {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for w in k..<(k + 3) {
                    for t in words.tokens(of: w) { h = (h ^ UInt64(UInt32(bitPattern: t.relative))) &* 0x100_0000_01b3 }
                    h = (h ^ 0xFFFF_FFFF) &* 0x100_0000_01b3
                }
                return h
            }
            // Per distinct run: occurrences and last position in x, then in y.
            var table = IntegerIDTable(capacity: x.count)
            var inX: [(count: Int32, at: Int32)] = []
            var inY: [(count: Int32, at: Int32)] = []
            inX.reserveCapacity(x.count)
            var keysX: [Int32] = []
            keysX.reserveCapacity(x.count)
            for i in x.lowerBound...(x.upperBound - 3) {
                let id = Int(table.id(key(a, i)))
                if id == inX.count { inX.append((0, 0)) }
                inX[id] = (inX[id].count + 1, Int32(i))
                keysX.append(Int32(id))
            }
            inY = [(count: Int32, at: Int32)](repeating: (0, 0), count: inX.count)
            for j in y.lowerBound...(y.upperBound - 3) {
                guard let id = table.existingID(key(b, j)).map(Int.init), inX[id].count == 1 else { continue }
                inY[id] = (inY[id].count + 1, Int32(j))
            }
            var pairs: [(Int, Int)] = []  // in old order, since x is walked in order
            for (offset, id) in keysX.enumerated() where inX[Int(id)].count == 1 && inY[Int(id)].count == 1 {
                let (i, j) = (x.lowerBound + offset, Int(inY[Int(id)].at))
                if same(i, j), same(i + 1, j + 1), same(i + 2, j + 2) { pairs.append((i, j)) }
            }
            return Self.longestIncreasing(pairs)
        }

        /// The longest subsequence of `pairs` (sorted by old position) whose new positions
        /// increase too. O(p log p).
        static func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
            var tails: [Int] = []  // tails[k]: index into pairs of the smallest end of a chain of k + 1
            var previous = [Int](repeating: -1, count: pairs.count)
            for (k, p) in pairs.enumerated() {
                let lo = tails.partitionPoint { pairs[$0].1 < p.1 }
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
