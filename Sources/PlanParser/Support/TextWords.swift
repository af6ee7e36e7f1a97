/// A short text (a sentence, a paragraph, a cell) as words and punctuation marks, lowercased
/// once — what the unit lexicon and the assignment frames read.
///
/// Words are runs between spaces with the punctuation at their edges split off (`Sở,` is
/// the word `sở` and a comma); punctuation inside a word stays (`KH&CN`, `LĐ-TB&XH`,
/// `12/KH-UBND`, `15.01.2025`), except a dash between lowercase words (`Lao động-Thương binh`),
/// which is a dash of its own. Lowercasing keeps every scalar's UTF-8 length, so a token's
/// offsets are the same in ``bytes`` and ``lower``.
///
/// - Precondition: the text is NFC, as every text from the tokenizer is.
/// - Complexity: O(n) in the text's length, one pass.
struct TextWords {
    enum Kind: UInt8 {
        case word, comma, semicolon, colon, period, dash, open, close, quote, other
    }

    struct Token {
        var start: Int32
        var end: Int32
        var kind: Kind
        /// A word whose first letter is uppercase (`Sở`, `UBND`).
        var capitalized = false
        /// A word with no lowercase letter and at least one uppercase one (`UBND`, `KH&CN`).
        var allCaps = false
        /// A word that starts with a digit (`15/01/2025`, `12/KH-UBND`).
        var numeric = false
        /// Whether a space comes right before the token.
        var spaceBefore = false
        /// FNV-1a hash of the lowercase bytes (words only), for table lookups without a copy.
        var hash: UInt64 = 0
    }

    /// The tokens, in storage made once at a bound of their number and written in place: an
    /// array made uninitialized (or with `repeating:`) allocates through an unspecialized call
    /// that looks its storage type up by name, costing more than the splitting of a short text.
    struct TokenList {
        final class Storage: ManagedBuffer<Int, Token> {}

        fileprivate let storage: Storage
        /// How many tokens there are (the storage may hold room for more).
        let count: Int

        fileprivate init(storage: Storage, count: Int) {
            self.storage = storage
            self.count = count
        }

        fileprivate static func make(capacity: Int) -> Storage {
            unsafeDowncast(Storage.create(minimumCapacity: capacity) { _ in capacity }, to: Storage.self)
        }

        var indices: Range<Int> { 0..<count }

        subscript(i: Int) -> Token {
            precondition(i >= 0 && i < count, "token index out of range")
            return storage.withUnsafeMutablePointerToElements { $0[i] }
        }
    }

    let bytes: [UInt8]
    let lower: [UInt8]
    let tokens: TokenList

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.init(text, tokenLimit: Int.max)
    }

    /// The first tokens of `text`, at least `tokenLimit` of them when it has that many: the
    /// same tokens as the whole text's first ones (each run between spaces is split on its own),
    /// for a reader that looks only at the start.
    init(_ text: UnsafeBufferPointer<UInt8>, tokenLimit: Int) {
        bytes = Array(text)
        // The lowercase bytes are written as the words are split: a copy of the text whose
        // letters are lowered in place, each scalar in the bytes it had (see
        // ``VietnameseText/lowercased(_:)``). Spaces and the punctuation split off are no letters.
        var lower = bytes
        let n = text.count
        // The tokens are written straight into the storage that keeps them, made for a quarter
        // of the text's length (plan text has about one token in five bytes). A run of `m` bytes
        // makes at most `m` tokens, so the splitting stops before a run that may not fit, and goes
        // on in storage of the text's length, which bounds their number.
        var capacity = Swift.max(1, Swift.min(n, n / 4 + 8))
        var storage = TokenList.make(capacity: capacity)
        var state = Split(i: 0, space: true, count: 0, lowered: true)
        lower.withUnsafeMutableBufferPointer { lower in
            while true {
                state = storage.withUnsafeMutablePointerToElements { base in
                    var out = Writer(base: base, capacity: capacity, lower: lower, count: state.count, lowered: state.lowered)
                    return Self.split(text, state, tokenLimit: tokenLimit, into: &out)
                }
                if state.done { break }
                let old = storage
                capacity = n
                storage = TokenList.make(capacity: capacity)
                storage.withUnsafeMutablePointerToElements { new in
                    old.withUnsafeMutablePointerToElements { new.initialize(from: $0, count: state.count) }
                }
            }
        }
        let count = state.count
        let whole = state.lowered && lower.withUnsafeMutableBufferPointer { Self.lowerRest(text, from: state.i, into: $0) }
        if !whole {
            // Bytes that are no valid UTF-8: the text lowered as ``VietnameseText/lowercased(_:)``
            // lowers it, and the words hashed on that.
            lower = VietnameseText.lowercased(text)
            lower.withUnsafeBufferPointer { lower in
                storage.withUnsafeMutablePointerToElements { tokens in
                    for k in 0..<count where tokens[k].kind == .word || tokens[k].hash != 0 {
                        tokens[k].hash = Self.hash(UnsafeBufferPointer(rebasing: lower[Int(tokens[k].start)..<Int(tokens[k].end)]))
                    }
                }
            }
        }
        self.lower = lower
        tokens = TokenList(storage: storage, count: count)
    }

    /// Where the splitting stands.
    private struct Split {
        /// The next byte to read.
        var i: Int
        /// Whether a space came before it.
        var space: Bool
        /// The tokens written.
        var count: Int
        var lowered: Bool
        /// Whether the splitting is done (else the run at `i` may not fit in the room left).
        var done = false
    }

    /// Splits `text` from `state` into `out` until `tokenLimit` tokens are written, or until a
    /// run may not fit in the room left.
    @inline(__always)
    private static func split(_ text: UnsafeBufferPointer<UInt8>, _ state: Split, tokenLimit: Int, into out: inout Writer) -> Split {
        let n = text.count
        var i = state.i
        var space = state.space
        var done = true
        while i < n, out.count < tokenLimit {
            if Self.isSpace(text[i]) {
                space = true
                i += 1
                continue
            }
            // A run of `m` bytes read by ``plainRun`` makes at most two tokens (and one when `m` is 1).
            guard out.capacity - out.count >= Swift.min(2, n - i) else {
                done = false
                break
            }
            if let end = Self.plainRun(text, i, spaceBefore: space, into: &out) {
                space = false
                i = end
                continue
            }
            var j = i
            while j < n, !Self.isSpace(text[j]) { j += 1 }
            guard out.capacity - out.count >= j - i else {
                done = false
                break
            }
            Self.chunk(text, i, j, spaceBefore: space, into: &out)
            space = false
            i = j
        }
        return Split(i: i, space: space, count: out.count, lowered: out.lowered, done: done)
    }

    /// Lowers `text[i...]`, the part after the last token split, into `lower`: whether it is
    /// valid UTF-8 (its lowercase then has its length; else nothing is written).
    private static func lowerRest(_ text: UnsafeBufferPointer<UInt8>, from i: Int, into lower: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        guard i < text.count else { return true }
        let text = UnsafeBufferPointer(rebasing: text[i...])
        // Written in place; bytes that are no UTF-8 take ``VietnameseText/lowercased(_:)``'s other way.
        if VietnameseText.lowercase(text, into: UnsafeMutableBufferPointer(rebasing: lower[i...])) { return true }
        let rest = VietnameseText.lowercased(text)
        guard rest.count == text.count else { return false }
        for k in 0..<rest.count { lower[i + k] = rest[k] }
        return true
    }

    init(_ text: String) {
        self = text.withUTF8Bytes { TextWords($0) }
    }

    var count: Int { tokens.count }

    subscript(i: Int) -> Token { tokens[i] }

    // MARK: - Reading

    /// Whether token `i` is the word `word` (lowercase bytes).
    @inline(__always)
    func isWord(_ i: Int, _ word: [UInt8]) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        let t = tokens[i]
        let length = Int(t.end - t.start)
        guard length == word.count else { return false }
        var k = 0
        let s = Int(t.start)
        while k < length {
            if lower[s + k] != word[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether token `i` is one of `words` (asked by the word's hash first: most words are none
    /// of them, and their bytes are not copied out).
    func isWord(_ i: Int, in words: HashedByteSet) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word, words.mayContain(hash: tokens[i].hash) else { return false }
        return words.contains(lower[Int(tokens[i].start)..<Int(tokens[i].end)], hash: tokens[i].hash)
    }

    /// The lowercase bytes of token `i`.
    func lowerWord(_ i: Int) -> [UInt8] {
        Array(lower[Int(tokens[i].start)..<Int(tokens[i].end)])
    }

    func kind(_ i: Int) -> Kind? { i >= 0 && i < tokens.count ? tokens[i].kind : nil }

    /// The text of tokens `from..<to` as printed (spaces as in the text).
    func string(_ from: Int, _ to: Int) -> String {
        guard from < to, to <= tokens.count else { return "" }
        // Tokens start and end at whole characters of a valid text.
        return bytes.withUnsafeBufferPointer {
            String(validUTF8: UnsafeBufferPointer(rebasing: $0[Int(tokens[from].start)..<Int(tokens[to - 1].end)]))
        }
    }

    /// The byte range of tokens `from..<to`.
    func byteRange(_ from: Int, _ to: Int) -> Range<Int> {
        guard from < to else { return 0..<0 }
        return Int(tokens[from].start)..<Int(tokens[to - 1].end)
    }

    /// FNV-1a over `bytes`.
    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01B3
        }
        return h
    }

    // MARK: - Splitting

    /// Where the splitter writes its tokens: memory with room for `capacity` (see the initializer).
    private struct Writer {
        let base: UnsafeMutablePointer<Token>
        let capacity: Int
        /// The text's lowercase bytes, written word by word, which the word hashes are taken on.
        let lower: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        /// Whether every word was lowered (valid UTF-8); if not, the hashes are made again.
        var lowered = true

        @inline(__always)
        mutating func append(_ t: Token) {
            base[count] = t
            count += 1
        }
    }

    /// Space, tab, line feed or carriage return: one compare and a bit test instead of four compares.
    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool {
        b <= 0x20 && (0x1_0000_2600 as UInt64) >> b & 1 != 0
    }

    /// A run in the common shape split in one pass over its bytes: letters, digits, inner marks
    /// other than a dash (`KH&CN`, `15.01.2025`), and at most one of `, ; : . ! ? )` after its
    /// last letter or digit — a word and maybe a mark, as ``chunk(_:_:_:spaceBefore:into:)`` splits
    /// it. Returns the run's end, or `nil` for any other run (a mark first, a dash between lowercase
    /// letters, `…`, quotes, no valid UTF-8, `TP.`): ``chunk(_:_:_:spaceBefore:into:)`` then splits
    /// it from its start, writing the same lowercase bytes over those written here.
    @inline(__always)
    private static func plainRun(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, spaceBefore: Bool, into tokens: inout Writer) -> Int? {
        let n = text.count
        let lower = tokens.lower
        let first = text[a]
        // A first byte that ``punctuation(_:_:_:)`` could split off (every mark of it is ASCII
        // but `E2`) goes the long way.
        if first < 0x80 ? (first | 0x20) &- 0x61 >= 26 && first &- 0x30 >= 10 : first == 0xE2 { return nil }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        // The hash before the last byte: the word's when that byte is a mark split off.
        var before = h
        var hasLower = false
        var dash = false
        var i = a
        while i < n {
            let c = text[i]
            if c < 0x80 {
                var l = c
                if c &- 0x61 < 26 {
                    hasLower = true
                } else if c &- 0x41 < 26 {
                    l = c | 0x20
                    lower[i] = l
                } else if Self.isSpace(c) {
                    break
                } else if c == UInt8(ascii: "-") {
                    dash = true
                }
                before = h
                h = (h ^ UInt64(l)) &* 0x100_0000_01B3
                i += 1
                continue
            }
            // `E2`: the quotes, dashes and `…` that are split off.
            guard c != 0xE2, let (s, m) = Self.wellFormedScalar(text, i, n) else { return nil }
            let l = VietnameseText.lowercase(s)
            if l == s {
                if !hasLower, VietnameseText.isLetter(s) { hasLower = true }
            } else {
                guard (l < 0x80 ? 1 : l < 0x800 ? 2 : l < 0x10000 ? 3 : 4) == m else { return nil }
                _ = VietnameseText.writeUTF8(l, to: lower, at: i)
            }
            for k in i..<(i + m) { h = (h ^ UInt64(lower[k])) &* 0x100_0000_01B3 }
            i += m
        }
        // A dash between lowercase letters is cut (`Lao động-Thương binh`).
        if dash, hasLower { return nil }
        let end = i
        let last = text[end - 1]
        if last >= 0x80 || (last | 0x20) &- 0x61 < 26 || last &- 0x30 < 10 {
            addWord(text, a, end, spaceBefore: spaceBefore, hasLower: hasLower, hash: h, into: &tokens)
            return end
        }
        // One mark after a letter or digit (a byte of a scalar other than the `E2` marks).
        guard end - a >= 2 else { return nil }
        let previous = text[end - 2]
        guard previous >= 0x80 || (previous | 0x20) &- 0x61 < 26 || previous &- 0x30 < 10 else { return nil }
        let kind: Kind
        switch last {
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ";"): kind = .semicolon
        case UInt8(ascii: ":"): kind = .colon
        case UInt8(ascii: ")"): kind = .close
        // A full stop after two bytes or fewer may be an abbreviation's (`TP.`, `Q.`).
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
            guard end - a > 3 else { return nil }
            kind = .period
        default: return nil
        }
        addWord(text, a, end - 1, spaceBefore: spaceBefore, hasLower: hasLower, hash: before, into: &tokens)
        tokens.append(Token(start: Int32(end - 1), end: Int32(end), kind: kind))
        return end
    }

    private static func chunk(_ text: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, spaceBefore: Bool, into tokens: inout Writer) {
        var a = lo
        var b = hi
        var first = true
        // Punctuation at the front: ( “ " ' and a lone dash.
        while a < b {
            if let (kind, length) = Self.punctuation(text, a, b),
                kind == .open || kind == .quote || kind == .dash || kind == .other || a + length == b
            {
                var t = Token(start: Int32(a), end: Int32(a + length), kind: kind)
                t.spaceBefore = first && spaceBefore
                first = false
                tokens.append(t)
                a += length
            } else {
                break
            }
        }
        // Punctuation at the end: . , ; : ) ” " ? ! … — found from the end, appended after the
        // words in text order (no array of its own: most words have none).
        let wordsEnd = trailingStart(text, a, b)
        if a < wordsEnd { words(text, a, wordsEnd, spaceBefore: first && spaceBefore, into: &tokens) }
        b = hi
        let firstTrailing = tokens.count
        while b > wordsEnd, let (kind, length) = Self.trailingPunctuation(text, a, b) {  // the same cuts
            tokens.append(Token(start: Int32(b - length), end: Int32(b), kind: kind))
            b -= length
        }
        if tokens.count - firstTrailing > 1 {
            var trailing = UnsafeMutableBufferPointer(start: tokens.base + firstTrailing, count: tokens.count - firstTrailing)
            trailing.reverse()
        }
    }

    /// `TP`, `TX`, `Tp`, `Tx`, `Tt`, `Q`, `P`: a place abbreviation written with a full stop.
    private static func isAbbreviation(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        guard b > a, b - a <= 2, VietnameseText.isUppercase(UInt32(text[a])) else { return false }
        guard b - a == 2 else { return true }
        let second = text[a + 1]
        return VietnameseText.isUppercase(UInt32(second)) || second == UInt8(ascii: "p") || second == UInt8(ascii: "x")
            || second == UInt8(ascii: "t")
    }

    /// Where the punctuation at the end of `a..<b` starts.
    @inline(__always)
    private static func trailingStart(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int {
        // Most runs end in an ASCII letter or digit, which no trailing mark ends in.
        if b > a {
            let last = text[b - 1]
            if (last | 0x20) &- 0x61 < 26 || last &- 0x30 < 10 { return b }
        }
        var b = b
        while b > a {
            guard let (kind, length) = Self.trailingPunctuation(text, a, b) else { break }
            // `TP.` `Tp.` `TX.` `Q.`: keep the full stop of a short abbreviation (not of `An.`).
            if kind == .period, length == 1, b - a <= 3, b - 1 > a, Self.isAbbreviation(text, a, b - 1) { break }
            b -= length
        }
        return b
    }

    /// Whether the scalar at `i` is a lowercase letter, and its length. ASCII, most of the
    /// letters, is decided on the byte (as ``VietnameseText/isLowercase(_:)`` decides it).
    @inline(__always)
    private static func lowercaseScalar(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (Bool, Int) {
        let b = text[i]
        if b < 0x80 { return (b &- 0x61 < 26, 1) }
        let (s, n) = VietnameseText.scalar(in: text, at: i)
        return (VietnameseText.isLowercase(s), n)
    }

    /// Whether `a..<b` holds a lowercase letter.
    @inline(__always)
    private static func hasLowercase(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        var i = a
        while i < b {
            let (lower, n) = lowercaseScalar(text, at: i)
            if lower { return true }
            i += n
        }
        return false
    }

    /// One word, or words joined by a dash between lowercase letters.
    private static func words(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, spaceBefore: Bool, into tokens: inout Writer) {
        // One pass over the run for what most runs need: its lowercase bytes (written), whether
        // it holds a lowercase letter, whether a dash could cut it, and the hash of its lowercase
        // bytes. Only a run that is cut goes word by word.
        let lower = tokens.lower
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var hasLower = false
        var cut = false
        var i = a
        while i < b {
            let c = text[i]
            if c < 0x80 {
                var l = c
                if c &- 0x41 < 26 {
                    l = c | 0x20
                    lower[i] = l
                } else if c &- 0x61 < 26 {
                    hasLower = true
                } else if c == UInt8(ascii: "-"), i > a, i + 1 < b {
                    cut = true
                }
                h = (h ^ UInt64(l)) &* 0x100_0000_01B3
                i += 1
                continue
            }
            guard let (s, n) = Self.wellFormedScalar(text, i, b) else {
                tokens.lowered = false
                wordsAsWritten(text, a, b, spaceBefore: spaceBefore, into: &tokens)
                return
            }
            let l = VietnameseText.lowercase(s)
            if l == s {
                if !hasLower, VietnameseText.isLetter(s) { hasLower = true }
            } else {
                // Lowercasing keeps a letter's length (written over the scalar's own bytes).
                guard (l < 0x80 ? 1 : l < 0x800 ? 2 : l < 0x10000 ? 3 : 4) == n else {
                    tokens.lowered = false
                    wordsAsWritten(text, a, b, spaceBefore: spaceBefore, into: &tokens)
                    return
                }
                _ = VietnameseText.writeUTF8(l, to: lower, at: i)
            }
            for k in i..<(i + n) { h = (h ^ UInt64(lower[k])) &* 0x100_0000_01B3 }
            i += n
        }
        guard hasLower, cut else {
            addWord(text, a, b, spaceBefore: spaceBefore, hasLower: hasLower, hash: h, into: &tokens)
            return
        }
        wordsAsWritten(text, a, b, spaceBefore: spaceBefore, into: &tokens)
    }

    /// ``words(_:_:_:spaceBefore:into:)`` word by word, each dash between lowercase letters a
    /// token of its own; the hashes are taken on ``Writer/lower`` as it stands.
    private static func wordsAsWritten(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, spaceBefore: Bool, into tokens: inout Writer) {
        var start = a
        var space = spaceBefore
        if Self.hasLowercase(text, a, b) {
            var k = a
            while k < b {
                if text[k] == UInt8(ascii: "-"), k > start, k + 1 < b {
                    addWordAsWritten(text, start, k, spaceBefore: space, into: &tokens)
                    tokens.append(Token(start: Int32(k), end: Int32(k + 1), kind: .dash))
                    space = false
                    start = k + 1
                }
                k += 1
            }
        }
        addWordAsWritten(text, start, b, spaceBefore: space, into: &tokens)
    }

    private static func addWordAsWritten(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, spaceBefore: Bool, into tokens: inout Writer) {
        guard a < b else { return }
        let hash = Self.hash(UnsafeBufferPointer(rebasing: tokens.lower[a..<b]))
        addWord(text, a, b, spaceBefore: spaceBefore, hasLower: Self.hasLowercase(text, a, b), hash: hash, into: &tokens)
    }

    /// The scalar at `i` and its length when its bytes are well-formed UTF-8 within `..<end`.
    @inline(__always)
    private static func wellFormedScalar(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int)? {
        let b0 = text[i]
        let n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0
        guard n > 0, b0 <= 0xF4, i + n <= end else { return nil }
        var v = UInt32(b0) & (0x7F >> UInt32(n))
        for k in 1..<n {
            let c = text[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            v = v << 6 | UInt32(c & 0x3F)
        }
        return (v, n)
    }

    /// - Parameters:
    ///   - hasLower: whether `a..<b` holds a lowercase letter.
    ///   - hash: the hash of `a..<b`'s lowercase bytes.
    @inline(__always)
    private static func addWord(
        _ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, spaceBefore: Bool, hasLower: Bool, hash: UInt64,
        into tokens: inout Writer
    ) {
        guard a < b else { return }
        var t = Token(start: Int32(a), end: Int32(b), kind: .word)
        t.spaceBefore = spaceBefore
        let b0 = text[a]
        let isLetter: Bool
        if b0 < 0x80 {
            // ASCII: the same answers as the scalar tables give, on the byte.
            t.numeric = b0 &- 0x30 < 10
            t.capitalized = b0 &- 0x41 < 26
            isLetter = t.capitalized || b0 &- 0x61 < 26
        } else {
            let first = VietnameseText.scalar(in: text, at: a).value
            t.numeric = false
            t.capitalized = VietnameseText.isUppercase(first)
            isLetter = VietnameseText.isLetter(first)
        }
        if t.capitalized { t.allCaps = !hasLower }
        if !isLetter, !t.numeric { t.kind = .other }
        t.hash = hash
        tokens.append(t)
    }

    private static func punctuation(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> (Kind, Int)? {
        let c = text[a]
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["): return (.open, 1)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return (.quote, 1)
        case UInt8(ascii: "-"), UInt8(ascii: "+"): return (.dash, 1)
        case UInt8(ascii: "*"): return (.other, 1)
        case UInt8(ascii: ","): return (.comma, 1)
        case UInt8(ascii: ";"): return (.semicolon, 1)
        case UInt8(ascii: ":"): return (.colon, 1)
        case 0xE2:
            guard a + 3 <= b, text[a + 1] == 0x80 else { return nil }
            switch text[a + 2] {
            case 0x9C, 0x9D, 0x98, 0x99: return (.quote, 3)  // “ ” ‘ ’
            case 0x93, 0x94: return (.dash, 3)  // – —
            case 0xA2: return (.dash, 3)  // •
            default: return nil
            }
        default: return nil
        }
    }

    private static func trailingPunctuation(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> (Kind, Int)? {
        let c = text[b - 1]
        switch c {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return (.period, 1)
        case UInt8(ascii: ","): return (.comma, 1)
        case UInt8(ascii: ";"): return (.semicolon, 1)
        case UInt8(ascii: ":"): return (.colon, 1)
        case UInt8(ascii: ")"), UInt8(ascii: "]"): return (.close, 1)
        case UInt8(ascii: "*"): return (.other, 1)
        // `./.`: the mark that closes a document's body.
        case UInt8(ascii: "/") where b - a >= 2 && text[b - 2] == UInt8(ascii: "."): return (.other, 1)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return (.quote, 1)
        case 0x9C, 0x9D, 0x98, 0x99, 0xA6:
            guard b - a >= 3, text[b - 3] == 0xE2, text[b - 2] == 0x80 else { return nil }
            return (c == 0xA6 ? .period : .quote, 3)  // … or a closing quote
        default: return nil
        }
    }
}

/// A phrase of the vocabulary tables, as the word scanner matches it: words (each as the hashes
/// of the spellings it may have, new and old tone placement) and optional separators (`,` `-`).
///
/// Read straight off the phrase's bytes, with no array made per word: the tables are built
/// once per process, and a run of one small plan should not pay for thousands of small arrays.
enum Phrase {
    /// A word's hashes (``TextWords/hash(_:)`` of its spelling and of its old-tone alternate,
    /// the same when it has none); `(0, 0)` is an optional separator.
    struct Word {
        var spelling: UInt64
        var alternate: UInt64

        static let separator = Word(spelling: 0, alternate: 0)

        var isSeparator: Bool { spelling == 0 && alternate == 0 }
    }

    /// Calls `body` with each part of `"văn hóa, thể thao và du lịch"`: words split on spaces;
    /// `,` and `-` are separators.
    static func forEachPart(of text: String, _ body: (Word) -> Void) {
        text.withUTF8Bytes { u in
            var i = 0
            while i < u.count {
                if u[i] == 0x20 {
                    i += 1
                    continue
                }
                var end = i
                while end < u.count, u[end] != 0x20 { end += 1 }
                let next = end
                // A trailing comma is a separator after the word.
                let trailingComma = u[end - 1] == UInt8(ascii: ",")
                if trailingComma { end -= 1 }
                let w = UnsafeBufferPointer(rebasing: u[i..<end])
                i = next
                if w.count == 1 && (w[0] == UInt8(ascii: "-") || w[0] == UInt8(ascii: ",")) || isEnDash(w) {
                    body(.separator)
                    continue
                }
                if !w.isEmpty { body(word(w)) }
                if trailingComma { body(.separator) }
            }
        }
    }

    /// The number of parts of `text` (words and separators).
    static func partCount(of text: String) -> Int {
        var n = 0
        forEachPart(of: text) { _ in n += 1 }
        return n
    }

    private static func isEnDash(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        w.count == 3 && w[0] == 0xE2 && w[1] == 0x80 && w[2] == 0x93
    }

    /// A word and its old tone placement (`hóa` / `hoá`, `ủy` / `uỷ`, `thủy` / `thuỷ`).
    private static func word(_ w: UnsafeBufferPointer<UInt8>) -> Word {
        let spelling = fnv(offsetBasis, w)
        // Every new spelling ends in a toned vowel then `a`, `e` or `y`: most words are none.
        let last = w.last ?? 0
        guard w.first != UInt8(ascii: "q"), w.count >= 3, w[w.count - 2] >= 0x80,
            last == UInt8(ascii: "a") || last == UInt8(ascii: "e") || last == UInt8(ascii: "y")
        else { return Word(spelling: spelling, alternate: spelling) }
        var k = 0
        while k + 1 < tonePairs.count {
            // At most one pair's new spelling ends a word: they end differently.
            let found: UInt64? = tonePairs[k].withUTF8Bytes { new in
                guard w.count >= new.count else { return nil }
                for m in 0..<new.count where w[w.count - new.count + m] != new[m] { return nil }
                let stem = fnv(offsetBasis, UnsafeBufferPointer(rebasing: w[0..<(w.count - new.count)]))
                return tonePairs[k + 1].withUTF8Bytes { fnv(stem, $0) }
            }
            if let alternate = found { return Word(spelling: spelling, alternate: alternate) }
            k += 2
        }
        return Word(spelling: spelling, alternate: spelling)
    }

    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    /// FNV-1a of `bytes` from `h` on (``TextWords/hash(_:)`` from its offset basis).
    @inline(__always)
    private static func fnv(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = h
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01B3
        }
        return h
    }

    /// New and old tone placements, in pairs (strings, not arrays of bytes: no table is built).
    private static let tonePairs: [String] = [
        "óa", "oá", "òa", "oà", "ỏa", "oả", "õa", "oã", "ọa", "oạ",
        "óe", "oé", "òe", "oè", "ủy", "uỷ", "úy", "uý", "ùy", "uỳ", "ũy", "uỹ", "ụy", "uỵ",
    ]
}
