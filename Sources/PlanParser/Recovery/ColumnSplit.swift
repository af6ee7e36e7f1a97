/// Two-column letterheads and closings printed side by side (`pdftotext -layout`):
/// `Số: /KH-SKHCN      Hưng Yên, ngày tháng 01 năm 2024`, `Nơi nhận:      KT. GIÁM ĐỐC` with
/// the recipients on the left and the signature and name on the right. Each line is split at its
/// wide gap and the block is written column by column — the left column's lines, a blank line,
/// the right column's — the way the text of a Word document reads them. A recipient wrapped onto
/// the next line (`- Bộ Tư pháp (Vụ Phổ biến, giáo dục pháp` / `luật);`) is joined again.
enum ColumnSplit {
    struct Block {
        var lines: Range<Int>
        /// The display column where the right column's text starts at the earliest.
        var rightStart: Int
    }

    /// The least gap (spaces) between the two columns.
    static let minGap = 4
    /// The right column starts at least this far in.
    static let minRightStart = 24
    /// A block is at most this many lines long.
    static let maxBlockLines = 40

    /// The letterhead (among the first lines) and closing blocks, in order.
    static func blocks(in lines: TextLines) -> [Block] {
        var result: [Block] = []
        // The letterhead: the first non-blank lines, up to the kind line.
        var i = 0
        while i < lines.count, lines.isBlank(i) { i += 1 }
        // Not the browser's print header and the portal's navigation under it (furniture,
        // taken out later): the header's title would be read as the letterhead's right column.
        if i < lines.count, PrintHeader.match(lines.trimmed(i)) != nil {
            i += 1
            while i < lines.count, lines.isBlank(i) || PortalNavigation.isNavigation(lines.trimmed(i)) { i += 1 }
        }
        if i < lines.count, let block = letterhead(lines, from: i) { result.append(block) }
        var k = result.last?.lines.upperBound ?? 0
        while k < lines.count {
            if lines.firstByte(k) | 0x20 == UInt8(ascii: "n"), startsRecipients(lines, k),
                let block = closing(lines, from: k)
            {
                result.append(block)
                k = block.lines.upperBound
                continue
            }
            k += 1
        }
        return result
    }

    /// A line's texts: runs of words separated by fewer than ``minGap`` spaces, with their
    /// display columns.
    struct Piece {
        var start: Int
        var bytes: ArraySlice<UInt8>
    }

    static func pieces(_ lines: TextLines, _ i: Int, gap: Int = minGap) -> [Piece] {
        let line = lines.line(i)
        var result: [Piece] = []
        var col = 0
        var k = line.startIndex
        var pieceStart = -1
        var pieceCol = 0
        var lastText = line.startIndex
        var spaces = 0
        while k < line.endIndex {
            let b = lines.bytes[k]
            if b == 0x20 {
                spaces += 1
            } else {
                if pieceStart >= 0, spaces >= gap {
                    result.append(Piece(start: pieceCol, bytes: lines.bytes[pieceStart..<lastText]))
                    pieceStart = -1
                }
                if pieceStart < 0 {
                    pieceStart = k
                    pieceCol = col
                }
                spaces = 0
                lastText = k + 1
                while lastText < line.endIndex, lines.bytes[lastText] & 0xC0 == 0x80 { lastText += 1 }
            }
            if b & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        if pieceStart >= 0 { result.append(Piece(start: pieceCol, bytes: lines.bytes[pieceStart..<lastText])) }
        return result
    }

    private static func folded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.withUnsafeBufferPointer { VietnameseText.lowercased($0) }
    }

    private static func startsRecipients(_ lines: TextLines, _ i: Int) -> Bool {
        folded(lines.trimmed(i).prefix(12)).starts(with: Array("nơi nhận".utf8))
    }

    /// A line as its two columns: the pieces before the first wide gap after which the text
    /// starts far enough in, and the rest of the line (its pieces joined as printed). A line
    /// with one column has `right` or `left` nil.
    struct Halves {
        var left: Piece?
        var right: Piece?
        var isSplit: Bool { left != nil && right != nil }
    }

    static func halves(_ lines: TextLines, _ i: Int) -> Halves {
        let p = pieces(lines, i)
        guard !p.isEmpty else { return Halves() }
        guard let cut = p.firstIndex(where: { $0.start >= minRightStart }) else {
            return Halves(left: join(p, lines), right: nil)
        }
        let right = join(Array(p[cut...]), lines)
        return cut == 0 ? Halves(left: nil, right: right) : Halves(left: join(Array(p[..<cut]), lines), right: right)
    }

    private static func join(_ p: [Piece], _ lines: TextLines) -> Piece? {
        guard let first = p.first, let last = p.last else { return nil }
        return Piece(start: first.start, bytes: lines.bytes[first.bytes.startIndex..<last.bytes.endIndex])
    }

    private static func letterhead(_ lines: TextLines, from first: Int) -> Block? {
        var end = first
        var rightStart = Int.max
        var k = first
        var twoColumn = 0
        while k < lines.count, k - first < 14 {
            if lines.isBlank(k) {
                // Blank lines stay inside only when another two-column line follows.
                var n = k + 1
                while n < lines.count, lines.isBlank(n) { n += 1 }
                guard n < lines.count, halves(lines, n).isSplit else { break }
                k = n
                continue
            }
            // A dash rule (a pandoc table's) is no letterhead line — unless it is the two short
            // rules under the letterhead's columns, far apart (`-------      ---------------`,
            // as a browser prints an HTML letterhead table), inside the block.
            let h = halves(lines, k)
            if lines.firstByte(k) == UInt8(ascii: "-"), lines.trimmed(k).allSatisfy({ $0 == UInt8(ascii: "-") || $0 == 0x20 }),
                twoColumn == 0 || !h.isSplit
            {
                break
            }
            if h.isSplit {
                twoColumn += 1
                rightStart = min(rightStart, h.right!.start)
            } else if twoColumn == 0 || isKindLine((h.left ?? h.right)!.bytes) {
                break
            }
            k += 1
            end = k
        }
        guard twoColumn > 0 else { return nil }
        return Block(lines: first..<end, rightStart: rightStart)
    }

    private static func isKindLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        FrameParser.kinds.contains { bytes.starts(with: $0) }
    }

    private static func closing(_ lines: TextLines, from first: Int) -> Block? {
        var end = first + 1
        var rightStart = Int.max
        var sawRight = false
        var k = first
        var afterBlank = false
        while k < lines.count, k - first < maxBlockLines {
            if lines.isBlank(k) {
                afterBlank = true
                k += 1
                continue
            }
            if k > first, lines.isPageStart(k) || folded(lines.trimmed(k).prefix(12)).starts(with: Array("phụ lục".utf8)) {
                // A new page or an appendix ends the closing, unless the list goes on there.
                var n = k
                if lines.isPageStart(k), let p = pieces(lines, k).first, isPageNumber(p.bytes) { n += 1 }
                while n < lines.count, lines.isBlank(n) { n += 1 }
                guard n < lines.count, let p = halves(lines, n).left, isListItem(p.bytes) else { break }
            }
            let h = halves(lines, k)
            if h.isSplit {
                sawRight = true
                rightStart = min(rightStart, h.right!.start)
            } else if let piece = h.right {
                // Right only: a signature line, right after the others, or a name or title.
                if !isPageNumber(piece.bytes) {
                    guard !afterBlank || isSignatureText(piece.bytes) else { break }
                    sawRight = true
                    rightStart = min(rightStart, piece.start)
                }
            } else if let piece = h.left {
                // Left only: the list and its wrapped lines (or a page number inside the block).
                guard k == first || !afterBlank || isListItem(piece.bytes) || isPageNumber(piece.bytes) else { break }
            }
            afterBlank = false
            k += 1
            end = k
        }
        guard sawRight else { return nil }
        return Block(lines: first..<end, rightStart: rightStart)
    }

    private static func isPageNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count <= 4 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isListItem(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let b = bytes.first else { return false }
        return b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "*") || b == 0xE2 || b == 0xEF
    }

    /// A signer's title, a signed note or a person's name (what the right column holds).
    private static func isSignatureText(_ bytes: ArraySlice<UInt8>) -> Bool {
        if TextShape.isPersonName(bytes), !TextShape.isUppercase(bytes) { return true }
        if bytes.first == UInt8(ascii: "(") || bytes.first == UInt8(ascii: "[") { return true }
        guard TextShape.isUppercase(bytes) else { return false }
        let f = folded(bytes)
        for w in ["giám đốc", "chủ tịch", "trưởng", "kt.", "tm.", "q.", "tl.", "bí thư", "chánh"]
        where ByteSearch.find(f, Array(w.utf8)) != nil {
            return true
        }
        return false
    }

    /// Writes the block: left column, a blank line, right column.
    static func rewrite(_ lines: TextLines, block: Block, into out: inout RecoveredText) {
        var left: [(text: [UInt8], number: Int32)] = []
        var right: [(text: [UInt8], number: Int32)] = []
        for k in block.lines where !lines.isBlank(k) {
            let number = lines.number(k)
            let h = halves(lines, k)
            // `…, ngày 24 tháng 02 năm` / `2025` in the right column: the date's year, not a page number.
            let wrappedYear = h.left == nil && h.right.map { isYear($0.bytes) } == true
                && right.last.map { $0.text.count > yearWord.count && $0.text.suffix(yearWord.count).elementsEqual(yearWord) } == true
            if let piece = h.right, wrappedYear || !(h.left == nil && isPageNumber(piece.bytes)) {
                right.append((Array(piece.bytes), number))
            }
            let leftPiece = h.left ?? (!wrappedYear && h.right.map { isPageNumber($0.bytes) } == true ? h.right : nil)
            if let piece = leftPiece {
                // The short rule under the issuer (`-------`) is a line of its own: not a list
                // item the `Số: …` under it would carry on.
                let inList = left.last.map { AntiwordGrid.isListItem($0.text[...]) && !isRule($0.text[...]) } ?? false
                let goesOn = inList ? !AntiwordGrid.isListItem(piece.bytes) && !isPageNumber(piece.bytes) : continuesLine(piece.bytes)
                if let last = left.last, goesOn, !isPageNumber(last.text[...]) {
                    left[left.count - 1].text += [0x20] + piece.bytes
                } else {
                    left.append((Array(piece.bytes), number))
                }
            }
        }
        for l in left { out.emit(l.text, number: l.number) }
        let last = lines.number(block.lines.upperBound - 1)
        out.emit([], number: last)
        for r in right { out.emit(r.text, number: r.number) }
        out.emit([], number: last)
    }

    /// `-------`: a rule drawn with dashes.
    private static func isRule(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 == UInt8(ascii: "-") }
    }

    private static let yearWord = Array(" năm".utf8)  // " year"

    /// `2025`: four digits of a plausible year.
    private static func isYear(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count == 4 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (bytes.first == 0x31 || bytes.first == 0x32)
    }

    /// A left-column line that carries on the one before (`luật);`, `(thực hiện);`).
    private static func continuesLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let s = TextShape.firstScalar(bytes) else { return false }
        return VietnameseText.isLowercase(s) || s == UInt32(UInt8(ascii: "("))
    }
}
