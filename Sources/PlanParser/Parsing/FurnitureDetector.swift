/// Finds page furniture: lone page numbers (`2`, `Trang 2/7`, `- 3 -`), decoration lines
/// (`-------`, `|`), a running header repeated at page breaks, and a browser's printed header
/// and footer (``PrintHeader``, ``isPrintedPageFooter(_:)``).
///
/// Furniture is taken out of the token list before anything else looks at it, and the line
/// after it is marked as following a page break, so a paragraph or table row cut by the page
/// joins up again.
struct FurnitureDetector {
    let source: TokenizedSource
    /// The (1-based, reported) lines a form feed began a page on, sorted; empty when the text
    /// had none.
    var pageStarts: [Int32] = []

    /// Takes the furniture out of `source`'s tokens and returns its lines.
    /// - Parameter pageStarts: the reported lines that began a page (a form feed was on them).
    static func remove(from source: inout TokenizedSource, pageStarts: [Int32] = []) -> [SourceLine] {
        // The marks first; then the detector (and its reference to the token list) is gone, so
        // the list is compacted in place instead of copied into a second one.
        let isFurniture = FurnitureDetector(source: source, pageStarts: pageStarts).furnitureMarks()
        var tokens = source.tokens
        source.tokens = []
        var furniture: [SourceLine] = []
        let kept = tokens.withUnsafeMutableBufferPointer {
            compact($0, isFurniture: isFurniture, storage: source.storage, furniture: &furniture)
        }
        tokens.removeSubrange(kept...)
        source.tokens = tokens
        if !source.remnants.isEmpty {
            // Lines of markdown remnants only are decoration too.
            furniture = (furniture + source.remnants).sorted { $0.line < $1.line }
        }
        return furniture
    }

    /// Moves the tokens that are not furniture to the front of `tokens`, in order, and returns
    /// how many there are; the furniture lines go to `furniture`.
    private static func compact(_ tokens: UnsafeMutableBufferPointer<LineToken>, isFurniture: [Bool], storage: [UInt8],
                                furniture: inout [SourceLine]) -> Int {
        var kept = 0
        var pageBreak = false
        for i in 0..<tokens.count {
            if isFurniture[i] {
                let t = tokens[i]
                let text = storage.withUnsafeBufferPointer {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[Int(t.line.lowerBound)..<Int(t.line.upperBound)]), as: UTF8.self)
                }
                furniture.append(SourceLine(line: Int(t.number), text: text))
                // Decoration lines do not break pages; page numbers and headers do.
                if !t.isRule { pageBreak = true }
                continue
            }
            if kept != i { tokens[kept] = tokens[i] }
            if pageBreak { tokens[kept].afterBlank = true }
            pageBreak = false
            kept += 1
        }
        return kept
    }

    /// Which tokens are furniture.
    func furnitureMarks() -> [Bool] {
        let tokens = source.tokens
        var isFurniture = [Bool](repeating: false, count: tokens.count)
        var pageNumbers: [Int] = []
        // Browser print headers that are the stamp alone (plain `pdftotext`): the page's title
        // may follow on the next line.
        var bareStamps: [Int] = []
        var nextPage = 0  // the next of `pageStarts` not reached yet
        var afterFooter = false  // the previous token was a page number or a browser's printed footer
        // The previous token was a print header or the portal's navigation under it; or the
        // page title under a bare stamp (plain `pdftotext`), which the navigation may follow.
        var afterStamp = false
        var afterBareStamp = false
        source.storage.withUnsafeBufferPointer { buf in
            for (i, t) in tokens.enumerated() {
                // The first line of a page: of the text, after a form feed, after a page number
                // or a printed footer (`pdftotext -nopgbrk` writes no form feeds; plain
                // `pdftotext` puts the footer's `1/2` on a line of its own).
                var pageTop = i == 0 || afterFooter
                while nextPage < pageStarts.count, pageStarts[nextPage] <= t.number {
                    nextPage += 1
                    pageTop = true
                }
                let underStamp = afterStamp
                let underBareStamp = afterBareStamp
                afterFooter = false
                afterStamp = false
                afterBareStamp = false
                if t.isRule {
                    isFurniture[i] = true
                } else if pageTop || underStamp, let kind = Self.printedPageTop(
                    UnsafeBufferPointer(rebasing: buf[Int(t.line.lowerBound)..<Int(t.line.upperBound)]), t,
                    pageTop: pageTop, underStamp: underStamp)
                {
                    isFurniture[i] = true
                    afterStamp = true
                    if kind == .stampOnly {
                        bareStamps.append(i)
                        afterBareStamp = true
                    }
                } else if t.keyword == .none {
                    if t.kind == .text && t.leadingTabs == 0 && t.line.count <= Self.maxPageNumberBytes && isPageNumber(t)
                        && !isWrappedYear(i)
                    {
                        isFurniture[i] = true
                        pageNumbers.append(i)
                        afterFooter = true
                    } else if Self.mayEndWithPageNumber(buf, t.line) && isPrintedPageFooter(t) {
                        isFurniture[i] = true
                        pageNumbers.append(i)
                        afterFooter = true
                    }
                }
                // The page's title under a bare stamp, perhaps (``markPageTitles``): the portal's
                // navigation may come next.
                if underBareStamp, !isFurniture[i] { afterStamp = true }
            }
        }
        markPageTitles(tokens, after: bareStamps, &isFurniture)
        markRunningHeaders(tokens, pageNumbers: pageNumbers, &isFurniture)
        return isFurniture
    }

    /// What a browser prints at the top of a page, in the order it comes: its header
    /// (``PrintHeader``), then, under it, the portal's menu and breadcrumb
    /// (``PortalNavigation``: only under the stamp — a page saved as HTML, not printed, keeps
    /// them where they are). `nil` for any other line; a navigation line is told as
    /// `.stampAndTitle`.
    private static func printedPageTop(_ line: UnsafeBufferPointer<UInt8>, _ t: LineToken, pageTop: Bool, underStamp: Bool)
        -> PrintHeader.Match?
    {
        // Both start with a digit or a `T`: every other line costs one byte's look.
        guard let first = line.first else { return nil }
        if first &- 0x30 < 10 { return pageTop && t.kind != .tableRow ? PrintHeader.match(line) : nil }
        return underStamp && PortalNavigation.isNavigation(line) ? .stampAndTitle : nil
    }

    /// The page's title under a bare print stamp (plain `pdftotext`: `12/1/26, 1:30 PM`, a
    /// blank line, the title): furniture when the same line follows every stamp, at least two.
    /// One page alone is left as it is — a page without a `<title>` has its text right under
    /// the stamp, and one line cannot tell which.
    private func markPageTitles(_ tokens: [LineToken], after stamps: [Int], _ isFurniture: inout [Bool]) {
        guard stamps.count >= 2 else { return }
        var titles: [Int] = []
        for s in stamps {
            let i = s + 1
            guard i < tokens.count, !isFurniture[i], tokens[i].kind == .text else { return }
            titles.append(i)
        }
        let first = source.bytes(tokens[titles[0]].line)
        guard titles.allSatisfy({ source.bytes(tokens[$0].line).elementsEqual(first) }) else { return }
        for i in titles { isFurniture[i] = true }
    }

    /// A year alone on its line after a line ending in `năm` ("year"): a title or sentence
    /// wrapped before its year (`… năm` / `2025`), not a page number.
    func isWrappedYear(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        let bytes = source.bytes(source.tokens[i].line)
        guard bytes.count == 4, let year = Int(String(decoding: bytes, as: UTF8.self)), (1900...2199).contains(year) else { return false }
        let previous = source.bytes(source.tokens[i - 1].line)
        let word = Array("năm".utf8)
        guard previous.count >= word.count else { return false }
        let tail = previous.suffix(word.count).withUnsafeBufferPointer { VietnameseText.lowercased($0) }
        return tail == word && (previous.count == word.count || previous[previous.endIndex - word.count - 1] == 0x20)
    }

    /// The longest line ``isPageNumber(_:)`` takes.
    private static let maxPageNumberBytes = 24

    /// Whether line `r` ends with a digit (or a space before one): what a printed footer
    /// (``isPrintedPageFooter(_:)``) ends with. Read in place, so the other lines cost no slice.
    private static func mayEndWithPageNumber(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int32>) -> Bool {
        guard !r.isEmpty else { return false }
        let last = buf[Int(r.upperBound) - 1]
        return last &- 0x30 < 10 || last == 0x20
    }

    /// A browser's printed footer: the page's address, spaces, `2/3`
    /// (`file:///…/plan.html      2/3`, `https://…      1/12`).
    func isPrintedPageFooter(_ t: LineToken) -> Bool {
        let bytes = source.bytes(t.line)
        guard bytes.count <= 400 else { return false }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0x20 { end -= 1 }
        var k = end
        func digits() -> Int? {
            let hi = k
            while k > bytes.startIndex, bytes[k - 1] >= 0x30, bytes[k - 1] <= 0x39 { k -= 1 }
            guard hi > k, hi - k <= 3 else { return nil }
            return Int(String(decoding: bytes[k..<hi], as: UTF8.self))
        }
        guard let pages = digits(), k > bytes.startIndex, bytes[k - 1] == UInt8(ascii: "/") else { return false }
        k -= 1
        guard let page = digits(), page >= 1, page <= pages else { return false }
        // Spaces before the page number, and only an address (one word) before them.
        var gap = 0
        while k > bytes.startIndex, bytes[k - 1] == 0x20 { k -= 1; gap += 1 }
        guard gap >= 1 else { return false }
        let head = bytes[bytes.startIndex..<k]
        return (head.starts(with: Self.fileScheme) || head.starts(with: Self.httpScheme)) && !head.contains(0x20)
    }

    private static let fileScheme = Array("file://".utf8)
    private static let httpScheme = Array("http".utf8)

    /// `2`, `12`, `Trang 2`, `Trang 2/7`, `trang 2 / 7`, `- 3 -`, `2/7`, `Page 2 of 7`.
    func isPageNumber(_ t: LineToken) -> Bool {
        let bytes = source.bytes(t.line)
        guard bytes.count <= Self.maxPageNumberBytes else { return false }
        // Every form has a number: a line without a digit is none (and costs no word list).
        guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        var words: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for i in bytes.indices where bytes[i] == 0x20 || bytes[i] == UInt8(ascii: "/") {
            if i > start { words.append(bytes[start..<i]) }
            start = i + 1
        }
        if start < bytes.endIndex { words.append(bytes[start...]) }
        func isNumber(_ w: ArraySlice<UInt8>) -> Bool {
            !w.isEmpty && w.count <= 4 && w.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        switch words.count {
        case 1:
            return isNumber(words[0])
        case 2:
            // `Trang 2`, `2/7`, `Page 2`
            if isNumber(words[0]) && isNumber(words[1]) { return bytes.contains(UInt8(ascii: "/")) }
            return isPageWord(words[0]) && isNumber(words[1])
        case 3:
            // `Trang 2/7`, `- 3 -`
            if isPageWord(words[0]) && isNumber(words[1]) && isNumber(words[2]) { return true }
            return words[0].elementsEqual([UInt8(ascii: "-")]) && isNumber(words[1]) && words[2].elementsEqual([UInt8(ascii: "-")])
        case 4:
            // `Page 2 of 7`
            return isPageWord(words[0]) && isNumber(words[1]) && isNumber(words[3])
        default:
            return false
        }
    }

    private func isPageWord(_ w: ArraySlice<UInt8>) -> Bool {
        let lower = w.withUnsafeBufferPointer { VietnameseText.lowercased($0) }
        return lower == Array("trang".utf8) || lower == Array("page".utf8)  // "trang" = page
    }

    /// A line repeated at page breaks: the same short text at least twice, each time next to a
    /// page number (or at the very top of the document).
    /// - Complexity: O(n) — occurrences are grouped by a hash of their bytes.
    private func markRunningHeaders(_ tokens: [LineToken], pageNumbers: [Int], _ isFurniture: inout [Bool]) {
        guard !pageNumbers.isEmpty else { return }
        var nearPage = [Bool](repeating: false, count: tokens.count)
        for p in pageNumbers {
            for i in max(0, p - 2)...min(tokens.count - 1, p + 2) { nearPage[i] = true }
        }
        var groups: [Int: [Int]] = [:]
        for (i, t) in tokens.enumerated() where (nearPage[i] || i == 0) && t.kind == .text && t.keyword == .none && !isFurniture[i] {
            let n = t.line.count
            guard n >= 8, n <= 160 else { continue }
            var h = Hasher()
            source.storage.withUnsafeBytes { h.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[Int(t.line.lowerBound)..<Int(t.line.upperBound)])) }
            groups[h.finalize(), default: []].append(i)
        }
        for (_, list) in groups where list.count >= 2 {
            // Hash groups may (very rarely) mix different texts: keep those equal to the first.
            let first = source.bytes(tokens[list[0]].line)
            let same = list.filter { source.bytes(tokens[$0].line).elementsEqual(first) }
            guard same.count >= 2 else { continue }
            for i in same { isFurniture[i] = true }
        }
    }
}
