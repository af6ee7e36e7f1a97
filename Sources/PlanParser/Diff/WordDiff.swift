/// The word-level difference of two titles, as runs of kept, removed and inserted words.
///
/// Words are compared as the diff compares titles (``DiffToken/matches(_:_:)``: case,
/// punctuation and plan-year shifts do not count), and shown as printed: a removed word in its
/// old spelling, a kept or inserted word in its new spelling. A printed word is a piece
/// between spaces; punctuation alone (`-`) sticks to the word before it. The alignment is the
/// standard library's `difference(from:by:)` (Myers).
enum WordDiff {
    static func runs(old: String, new: String, oldTokenizer: DiffTokenizer, newTokenizer: DiffTokenizer) -> [WordRun] {
        let a = printedWords(old, oldTokenizer)
        let b = printedWords(new, newTokenizer)
        let difference = b.difference(from: a) { DiffToken.matches($0.tokens, $1.tokens) }
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
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
            if i < a.count, removed.contains(i) {
                emit(.removed, a[i].text)
                i += 1
            } else if j < b.count, inserted.contains(j) {
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
    /// has two). Pieces without tokens are glued to the piece before them.
    private static func printedWords(_ text: String, _ tokenizer: DiffTokenizer) -> [(text: String, tokens: [DiffToken])] {
        var result: [(text: String, tokens: [DiffToken])] = []
        for piece in DiffTokenizer.composed(text).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let tokens = tokenizer.tokens(String(piece))
            if tokens.isEmpty, !result.isEmpty {
                result[result.count - 1].text += " " + piece
            } else if let last = result.last, last.tokens.isEmpty {
                result[result.count - 1] = (last.text + " " + piece, tokens)
            } else {
                result.append((String(piece), tokens))
            }
        }
        return result
    }
}
