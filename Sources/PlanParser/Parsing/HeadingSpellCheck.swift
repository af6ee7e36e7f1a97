/// Flags heading words that look misspelt: a word seen once in the headings whose letters equal
/// a frequent heading word's but whose tone mark differs, in the same two-word phrase
/// (`CÀI CÁCH` among many `CẢI CÁCH`).
///
/// Runs on heading titles only, at most ``limit`` of them, on their bytes: each distinct word
/// is lowercased and split into letters and tone (``VietnameseTone``) once, then words are
/// small integers.
enum HeadingSpellCheck {
    /// More headings than this add nothing to the statistics; huge inputs stop here.
    static let limit = 600

    /// One word of a heading: its lowercase form (an id) and where it was printed.
    private struct Word {
        var form: Int32
        var printed: Range<Int>
        var line: Int
    }

    /// The distinct lowercase forms and their letters without tone.
    private struct Forms {
        /// The newest form with a given FNV-1a hash; older ones with that hash are chained in
        /// ``sameHash``. A word already seen is found without copying its bytes.
        private var byHash: [UInt64: Int32] = [:]
        private var sameHash: [Int32] = []
        var texts: [[UInt8]] = []
        var shapes: [Int32] = []
        var tones: [UInt8] = []
        var shapeLengths: [Int] = []
        var counts: [Int] = []
        private var shapeIDs: [ByteKey: Int32] = [:]

        init(capacity: Int) {
            byHash.reserveCapacity(capacity)
            shapeIDs.reserveCapacity(capacity)
        }

        mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            let h = TextWords.hash(bytes)
            let newest = byHash[h] ?? -1
            var k = newest
            while k >= 0 {
                if Self.equal(texts[Int(k)], bytes) { return k }
                k = sameHash[Int(k)]
            }
            let id = Int32(texts.count)
            byHash[h] = id
            sameHash.append(newest)
            let form = Array(bytes)
            texts.append(form)
            var shape: [UInt8] = []
            var tone: UInt8 = 0
            var scalars = 0
            form.withUnsafeBufferPointer { buf in
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
            let shapeKey = ByteKey(shape)
            let shapeID = shapeIDs[shapeKey] ?? Int32(shapeIDs.count)
            shapeIDs[shapeKey] = shapeID
            shapes.append(shapeID)
            tones.append(tone)
            shapeLengths.append(scalars)
            counts.append(0)
            return id
        }

        private static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
            guard a.count == b.count else { return false }
            return a.withUnsafeBufferPointer { a in
                var i = 0
                while i < a.count {
                    if a[i] != b[i] { return false }
                    i += 1
                }
                return true
            }
        }
    }

    static func check(_ store: SectionStore) -> [Diagnostic] {
        // The heading texts, in document order (a table's group rows are headings too).
        var headings: [(text: [UInt8], line: Int)] = []
        func visit(_ s: SectionView) {
            guard headings.count < limit else { return }
            switch s.kind {
            case .part, .group, .roman, .arabic, .appendix:
                if s.titleText.range.count <= 160 { headings.append((s.titleText.withBytes { Array($0) }, s.line)) }
            default:
                break
            }
            for t in s.tables {
                for r in t.rows where r.kind == .group && headings.count < limit {
                    if let g = r.group { headings.append((Array(g.utf8), r.line)) }
                }
            }
            for c in s.children where headings.count < limit { visit(c) }
        }
        for root in store.rootViews where headings.count < limit { visit(root) }

        var forms = Forms(capacity: headings.count * 4)
        var phrases: [[Word]] = []
        phrases.reserveCapacity(headings.count)
        for h in headings {
            var words: [Word] = []
            h.text.withUnsafeBufferPointer { buf in
                var i = 0
                while i < buf.count {
                    // A word is a run of letters.
                    var start = i
                    while start < buf.count, !VietnameseText.isLetter(VietnameseText.scalar(in: buf, at: start).value) {
                        start += VietnameseText.scalar(in: buf, at: start).length
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
                        forms.id(of: $0)
                    }
                    forms.counts[Int(id)] += 1
                    words.append(Word(form: id, printed: start..<end, line: h.line))
                    i = end
                }
            }
            phrases.append(words)
        }
        // Frequent forms, keyed by shape and the next word: "cai" + "cách" → "cải".
        var frequentByContext: [Int64: (form: Int32, count: Int)] = [:]
        func context(_ shape: Int32, _ next: Int32) -> Int64 { Int64(shape) << 32 | Int64(next) }
        for words in phrases where words.count >= 2 {
            for i in 0..<(words.count - 1) {
                let w = words[i].form
                let c = forms.counts[Int(w)]
                guard c >= 3 else { continue }
                let key = context(forms.shapes[Int(w)], words[i + 1].form)
                if c > frequentByContext[key]?.count ?? 0 { frequentByContext[key] = (w, c) }
            }
        }
        var warnings: [Diagnostic] = []
        var reported = Set<Int32>()
        for (k, words) in phrases.enumerated() where words.count >= 2 {
            for i in 0..<(words.count - 1) {
                let w = words[i].form
                guard forms.shapeLengths[Int(w)] >= 2, forms.counts[Int(w)] == 1, !reported.contains(w),
                    let frequent = frequentByContext[context(forms.shapes[Int(w)], words[i + 1].form)],
                    frequent.form != w, forms.tones[Int(frequent.form)] != forms.tones[Int(w)]
                else { continue }
                reported.insert(w)
                let printed = String(decoding: headings[k].text[words[i].printed], as: UTF8.self)
                let phrase = String(decoding: forms.texts[Int(frequent.form)], as: UTF8.self) + " "
                    + String(decoding: forms.texts[Int(words[i + 1].form)], as: UTF8.self)
                warnings.append(Diagnostic(
                    line: words[i].line, code: "heading-spelling",
                    message: "heading word '\(printed)' looks misspelt: '\(phrase)' appears \(frequent.count) times"))
            }
        }
        return warnings
    }
}
