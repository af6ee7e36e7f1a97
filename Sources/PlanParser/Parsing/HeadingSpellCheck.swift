/// Flags heading words that look misspelt: a word seen once in the headings whose letters equal
/// a frequent heading word's but whose tone mark differs, in the same two-word phrase
/// (`CÀI CÁCH` among many `CẢI CÁCH`).
///
/// Runs on heading titles only, at most ``limit`` of them, on their bytes: each distinct word
/// is lowercased once and becomes a small integer. Its letters without tone (``VietnameseTone``)
/// are worked out only for the words the test looks at — frequent ones, and words seen once
/// before a word that follows a frequent one — since a folder of short plans runs this on
/// every document and most have no such word at all.
enum HeadingSpellCheck {
    /// More headings than this add nothing to the statistics; huge inputs stop here.
    static let limit = 600

    /// One word of a heading: its lowercase form (an id) and where it was printed (in
    /// ``Headings/text``).
    private struct Word {
        var form: Int32
        var printed: Range<Int>
        var line: Int
    }

    /// The heading texts back to back, and where each starts.
    private struct Headings {
        var text: [UInt8] = []
        var ranges: [Range<Int>] = []
        var lines: [Int] = []

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
            let start = text.count
            text.append(contentsOf: bytes)
            ranges.append(start..<text.count)
            lines.append(line)
        }
    }

    /// The distinct lowercase forms; their shapes (letters without tone), tones and lengths
    /// are made when first asked for.
    private struct Forms {
        /// What is known of one form: one record per form, so a new form is one append, not
        /// one per list.
        private struct Entry {
            var count = 0
            /// -1 until worked out.
            var shapeID: Int32 = -1
            var tone: UInt8 = 0
            var shapeLength = 0
        }

        private var texts: ByteInterner
        private var entries: [Entry] = []
        private var shapes = ByteInterner(capacity: 16)

        /// Room for about `capacity` forms taking about `bytes` bytes.
        init(capacity: Int, bytes: Int) {
            texts = ByteInterner(capacity: capacity, arenaBytes: bytes)
            entries.reserveCapacity(capacity)
        }

        /// The number of distinct forms; ids are `0..<count`.
        var count: Int { entries.count }

        /// The id of `word`, counted once more.
        mutating func see(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
            let (id, isNew) = texts.id(of: word)
            if isNew { entries.append(Entry()) }
            entries[id].count += 1
            return Int32(id)
        }

        /// How many times the form was seen.
        func count(_ form: Int32) -> Int { entries[Int(form)].count }

        func text(_ form: Int32) -> String { texts.string(Int(form)) }

        mutating func shape(_ form: Int32) -> Int32 {
            let f = Int(form)
            if entries[f].shapeID < 0 { makeShape(f) }
            return entries[f].shapeID
        }

        mutating func tone(_ form: Int32) -> UInt8 {
            _ = shape(form)
            return entries[Int(form)].tone
        }

        mutating func shapeLength(_ form: Int32) -> Int {
            _ = shape(form)
            return entries[Int(form)].shapeLength
        }

        private mutating func makeShape(_ f: Int) {
            var shape: [UInt8] = []
            var tone: UInt8 = 0
            var scalars = 0
            texts.withBytes(f) { buf in
                var i = 0
                while i < buf.count {
                    let (s, n) = VietnameseText.scalar(in: buf, at: i)
                    let t = VietnameseTone.tone(s)
                    if t != 0 { tone = t }
                    VietnameseText.appendUTF8(VietnameseTone.shape(s), to: &shape)
                    scalars += 1
                    i += n
                }
            }
            entries[f].shapeID = Int32(shape.withUnsafeBufferPointer { shapes.id(of: $0).id })
            entries[f].tone = tone
            entries[f].shapeLength = scalars
        }
    }

    /// The most frequent form with a given shape before a given word, and its count.
    private struct Frequent {
        var form: Int32
        var count: Int
    }

    static func check(_ store: SectionStore) -> [Diagnostic] {
        // The heading texts, in document order (a table's group rows are headings too).
        var headings = Headings()
        func visit(_ s: SectionView) {
            guard headings.lines.count < limit else { return }
            switch s.kind {
            case .part, .group, .roman, .arabic, .appendix:
                if s.titleText.range.count <= 160 { s.titleText.withBytes { headings.add($0, line: s.line) } }
            default:
                break
            }
            for t in s.tables {
                for r in t.rows where r.kind == .group && headings.lines.count < limit {
                    r.group?.withUTF8Bytes { headings.add($0, line: r.line) }
                }
            }
            for c in s.children where headings.lines.count < limit { visit(c) }
        }
        for root in store.rootViews where headings.lines.count < limit { visit(root) }

        // Words as form ids, all phrases back to back (`phraseEnds[k]`: the end of phrase k).
        // Sized from the text (a word and its space take about six bytes) as well as the
        // count of headings: a short plan's few long headings would otherwise regrow every list
        // from empty.
        let textBytes = headings.text.count
        var forms = Forms(capacity: max(headings.lines.count * 4, textBytes / 6), bytes: textBytes)
        var words: [Word] = []
        var phraseEnds: [Int] = []
        words.reserveCapacity(max(headings.lines.count * 6, textBytes / 6))
        phraseEnds.reserveCapacity(headings.lines.count)
        headings.text.withUnsafeBufferPointer { all in
            for (k, range) in headings.ranges.enumerated() {
                let buf = UnsafeBufferPointer(rebasing: all[range])
                var i = 0
                while i < buf.count {
                    // A word is a run of letters.
                    var start = i
                    while start < buf.count {
                        let (s, n) = VietnameseText.scalar(in: buf, at: start)
                        if VietnameseText.isLetter(s) { break }
                        start += n
                    }
                    var end = start
                    while end < buf.count {
                        let (s, n) = VietnameseText.scalar(in: buf, at: end)
                        guard VietnameseText.isLetter(s) else { break }
                        end += n
                    }
                    guard end > start else { break }
                    // Lowercased in a temporary buffer (the same bytes as `lowercased`: heading
                    // texts are valid UTF-8); only a new form is copied.
                    let id = VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[start..<end])) {
                        forms.see($0)
                    }
                    words.append(Word(form: id, printed: (range.lowerBound + start)..<(range.lowerBound + end),
                                      line: headings.lines[k]))
                    i = end
                }
                phraseEnds.append(words.count)
            }
        }
        /// Each pair of neighbours within a phrase, in order: the word's position.
        func eachPair(_ body: (Int) -> Void) {
            var start = 0
            for end in phraseEnds {
                if end - start >= 2 { for i in start..<(end - 1) { body(i) } }
                start = end
            }
        }
        // Frequent forms, keyed by shape and the next word: "cai" + "cách" → "cải". Flags per
        // form and a struct value, not sets and a tuple: each generic type a run first uses
        // costs the runtime a metadata lookup by name, a fixed cost on every small plan.
        var frequentByContext: [Int: Frequent] = [:]
        var followsFrequent = [Bool](repeating: false, count: forms.count)
        func context(_ shape: Int32, _ next: Int32) -> Int { Int(shape) << 32 | Int(next) }
        eachPair { i in
            let w = words[i].form
            let c = forms.count(w)
            guard c >= 3 else { return }
            let key = context(forms.shape(w), words[i + 1].form)
            followsFrequent[Int(words[i + 1].form)] = true
            if c > frequentByContext[key]?.count ?? 0 { frequentByContext[key] = Frequent(form: w, count: c) }
        }
        guard !frequentByContext.isEmpty else { return [] }
        var warnings: [Diagnostic] = []
        var reported = [Bool](repeating: false, count: forms.count)
        eachPair { i in
            let w = words[i].form
            let next = words[i + 1].form
            // The cheap tests first: most words are never given a shape.
            guard forms.count(w) == 1, followsFrequent[Int(next)], !reported[Int(w)],
                forms.shapeLength(w) >= 2, let frequent = frequentByContext[context(forms.shape(w), next)],
                frequent.form != w, forms.tone(frequent.form) != forms.tone(w)
            else { return }
            reported[Int(w)] = true
            let printed = String(decoding: headings.text[words[i].printed], as: UTF8.self)
            let phrase = forms.text(frequent.form) + " " + forms.text(next)
            warnings.append(Diagnostic(
                line: words[i].line, code: "heading-spelling",
                message: "heading word '\(printed)' looks misspelt: '\(phrase)' appears \(frequent.count) times"))
        }
        return warnings
    }
}
