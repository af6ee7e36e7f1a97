/// Flags heading words that look misspelt: a word seen once in the headings whose letters equal
/// a frequent heading word's but whose tone mark differs, in the same two-word phrase
/// (`CÀI CÁCH` among many `CẢI CÁCH`).
///
/// Runs on heading titles only, at most ``limit`` of them; letters and tones are split with
/// the tables in ``VietnameseTone``.
enum HeadingSpellCheck {
    /// More headings than this add nothing to the statistics; huge inputs stop here.
    static let limit = 600

    private struct Word {
        var text: String
        /// Lowercase form.
        var form: String
        var shape: String
        var tone: UInt32
        var line: Int
    }

    static func check(_ store: SectionStore) -> [Diagnostic] {
        var headings: [(String, Int)] = []
        func visit(_ s: SectionView) {
            guard headings.count < limit else { return }
            switch s.kind {
            case .part, .group, .roman, .arabic, .appendix:
                if s.titleText.range.count <= 160 { headings.append((s.title, s.line)) }
            default:
                break
            }
            for t in s.tables {
                for r in t.rows where r.kind == .group {
                    if let g = r.group { headings.append((g, r.line)) }
                }
            }
            s.children.forEach(visit)
        }
        store.rootViews.forEach(visit)

        // Keys hash bytes (TextKey), not normalized strings: the texts are NFC already.
        var phrases: [[Word]] = []
        var counts: [TextKey: Int] = [:]
        for (title, line) in headings {
            let words = Self.words(title).map { w -> Word in
                let form = VietnameseText.lowercased(w)
                let (shape, tone) = split(form)
                return Word(text: w, form: form, shape: shape, tone: tone, line: line)
            }
            for w in words { counts[TextKey(w.form), default: 0] += 1 }
            phrases.append(words)
        }
        // Frequent forms, keyed by shape + next word, e.g. "cai|cách" → "cải".
        var frequentByContext: [TextKey: (form: String, count: Int)] = [:]
        for words in phrases {
            for (i, w) in words.enumerated() where i + 1 < words.count {
                let c = counts[TextKey(w.form)] ?? 0
                guard c >= 3 else { continue }
                let key = TextKey(w.shape + "|" + words[i + 1].form)
                if c > frequentByContext[key]?.count ?? 0 { frequentByContext[key] = (w.form, c) }
            }
        }
        var warnings: [Diagnostic] = []
        var reported = Set<TextKey>()
        for words in phrases {
            for (i, w) in words.enumerated() where i + 1 < words.count && w.shape.unicodeScalars.count >= 2 {
                guard counts[TextKey(w.form)] == 1, !reported.contains(TextKey(w.form)) else { continue }
                let key = TextKey(w.shape + "|" + words[i + 1].form)
                guard let frequent = frequentByContext[key], frequent.form != w.form,
                    split(frequent.form).1 != w.tone
                else { continue }
                reported.insert(TextKey(w.form))
                warnings.append(Diagnostic(
                    line: w.line, code: "heading-spelling",
                    message: "heading word '\(w.text)' looks misspelt: '\(frequent.form) \(words[i + 1].form)' appears \(frequent.count) times"))
            }
        }
        return warnings
    }

    /// Runs of letters.
    private static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if VietnameseText.isLetter(u.value) {
                current.append(u)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// The word without its tone mark, and the tone (0 for none).
    private static func split(_ word: String) -> (String, UInt32) {
        var shape = String.UnicodeScalarView()
        var tone: UInt32 = 0
        for u in word.unicodeScalars {
            let t = VietnameseTone.tone(u.value)
            if t != 0 { tone = UInt32(t) }
            shape.append(UnicodeScalar(VietnameseTone.shape(u.value)) ?? u)
        }
        return (String(shape), tone)
    }
}
