/// Tables in layout text — what `pdftotext -layout` prints (also when a user ran it by hand):
/// columns aligned with runs of spaces, each cell wrapped over several lines and, in PDFs made
/// by Word and LibreOffice, vertically centred in its row, so the row number sits on the row's
/// middle line; no line separates rows; the header row is repeated at the top of each page and
/// a row may be cut by the page break.
///
/// A table is found by its header words. Its columns start where the header's cells and the
/// aligned text beneath start; every piece of every line goes to the column it starts in (a
/// piece running into the next column with one space is cut there). Rows are anchored at the
/// lines whose number column holds a row number or a group label; where one row ends and the
/// next begins is chosen so that every row's cells sit best in it — centred (or at its top) —
/// by dynamic programming over the lines between two anchors. A row whose other columns hold
/// two cells one above the other (a merged number and task over two milestones) is split into
/// its milestone rows the same way. Page breaks (form feeds) end a page: the repeated header
/// and the page number are left out, and the lines before the page's first row finish the row
/// the break cut.
///
/// - Complexity: linear in the lines: each gap between two anchors is searched over at most
///   ``maxSearchLines`` candidate boundaries.
enum LayoutTable {
    /// The least spaces between two columns' texts.
    static let minGap = 2
    /// Boundaries between two anchors are searched among at most this many lines.
    static let maxSearchLines = 24
    /// A row is split into milestone rows only when it has at most this many lines.
    static let maxSplitLines = 40

    // MARK: - Finding tables

    /// The tables of layout text, as line ranges (header first).
    static func regions(in lines: TextLines, cache: PieceCache) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < lines.count {
            guard hasTwoGaps(lines, i), let header = Header.read(lines, at: i, cache: cache) else {
                i += 1
                continue
            }
            let end = tableEnd(lines, header: header, cache: cache)
            result.append(i..<end)
            i = end
        }
        return result
    }

    /// Whether line `i` has two gaps of ``minGap`` spaces or more after text (three pieces):
    /// the cheap test before a line is looked at as a header.
    private static func hasTwoGaps(_ lines: TextLines, _ i: Int) -> Bool {
        let line = lines.line(i)
        var gaps = 0
        var spaces = 0
        var sawText = false
        for b in line {
            if b == 0x20 {
                spaces += 1
            } else {
                if sawText, spaces >= minGap {
                    gaps += 1
                    if gaps >= 2 { return true }
                }
                sawText = true
                spaces = 0
            }
        }
        return false
    }

    /// The table's header: its lines and cells, and the columns they give.
    struct Header {
        var lines: Range<Int>
        /// Each header cell's text and display columns.
        var cells: [(text: String, start: Int, end: Int)] {
            didSet { cellBytes = cells.map { Array($0.text.utf8) } }
        }
        /// The cells' texts as bytes, to compare lines with.
        private(set) var cellBytes: [[UInt8]] = []

        init(lines: Range<Int>, cells: [(text: String, start: Int, end: Int)]) {
            self.lines = lines
            self.cells = cells
            cellBytes = cells.map { Array($0.text.utf8) }
        }

        /// A header at line `i`: at least three pieces separated by wide gaps, naming at least
        /// three columns, one of them the task (`STT  Nhiệm vụ  Sản phẩm  Đơn vị chủ trì …`); the
        /// next lines may hold the rest of its wrapped cells (`Thời gian` / `thực hiện`).
        static func read(_ lines: TextLines, at i: Int, cache: PieceCache) -> Header? {
            let first = lines.firstByte(i)
            guard first != 0, first != UInt8(ascii: "|"), first != UInt8(ascii: "+"), first != UInt8(ascii: "<") else { return nil }
            let pieces = cache[i]
            guard pieces.count >= 3 else { return nil }
            // Not a pandoc table's header (a dash rule above or below).
            for k in max(0, i - 3)..<min(lines.count, i + 4) where lines.firstByte(k) == UInt8(ascii: "-") {
                let t = lines.trimmed(k)
                if t.count >= 3, t.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == 0x20 }) { return nil }
            }
            var cells = pieces.map { (text: String(decoding: lines.bytes[$0.range], as: UTF8.self), start: $0.start, end: $0.end) }
            var end = i + 1
            // Wrapped header cells: following lines whose pieces all sit under a header cell.
            while end < lines.count, end - i < 4, !lines.isBlank(end) {
                let more = cache[end]
                // A fourth line only of single words: a narrow column's header wraps word by
                // word (`nhiệm` / `vụ`), while a row cut by a page break under a repeated
                // header runs on in phrases.
                if end - i == 3, more.contains(where: { lines.bytes[$0.range].contains(0x20) }) { break }
                var placed: [(cell: Int, text: String, start: Int, end: Int)] = []
                for p in more {
                    // Short words under a header cell (`thực hiện`, `hợp`, `Sản phẩm`).
                    guard p.end - p.start <= 24, !isGroupLabel(lines.bytes[p.range]),
                        let c = cells.firstIndex(where: { p.start < $0.end + 2 && p.end > $0.start - 2 })
                            ?? Self.spanOver(p, cells, text: lines.bytes[p.range])
                    else { break }
                    placed.append((c, String(decoding: lines.bytes[p.range], as: UTF8.self), p.start, p.end))
                }
                guard placed.count == more.count, !more.isEmpty,
                    !more.contains(where: { TableParser.rowNumber(String(decoding: lines.bytes[$0.range], as: UTF8.self)) != nil })
                else { break }
                cells = Self.spread(cells, placed)
                end += 1
            }
            var header = Header(lines: i..<end, cells: cells)
            header.splitSqueezed(lines, cache: cache)
            let roles = header.cells.map { TableParser.role(ofHeader: $0.text) }
            guard roles.contains(.title), roles.filter({ $0 != .other }).count >= 3 else { return nil }
            return header
        }

        /// The cells split from one cell of a narrow table's header (first and end index), whose
        /// columns are placed by the text beneath them (see ``Columns``).
        private(set) var squeezed: [Range<Int>] = []

        /// A narrow table's header cells run together: columns too narrow for their words are
        /// printed one space apart (`Cơ quan Cơ quan Kết` / `chủ trì phối   quả/Sản` / `hợp
        /// phẩm`), so the first line's three cells are one piece. Their words still start at
        /// the same places line after line (21, 29, 37): a cell whose words start at two or more
        /// such places, each part naming a different column, is split there.
        mutating func splitSqueezed(_ lines: TextLines, cache: PieceCache) {
            guard lines.count > 0, self.lines.count >= 2 else { return }
            var out: [(text: String, start: Int, end: Int)] = []
            var groups: [Range<Int>] = []
            for (c, cell) in cells.enumerated() {
                let limit = c + 1 < cells.count ? cells[c + 1].start : Int.max
                if let parts = Self.squeezedParts(cell, limit: limit, rows: self.lines, lines: lines, cache: cache) {
                    groups.append(out.count..<(out.count + parts.count))
                    out += parts
                } else {
                    out.append(cell)
                }
            }
            guard !groups.isEmpty else { return }
            cells = out
            squeezed = groups
        }

        private static func squeezedParts(_ cell: (text: String, start: Int, end: Int), limit: Int, rows: Range<Int>,
                                          lines: TextLines, cache: PieceCache) -> [(text: String, start: Int, end: Int)]? {
            // Every word of the cell on every header line: its line, display column and bytes.
            var words: [(line: Int, column: Int, end: Int, bytes: ArraySlice<UInt8>)] = []
            for k in rows {
                for p in cache[k] where p.start >= cell.start - 1 && p.start < limit {
                    let starts = p.wordStarts(lines.bytes)
                    for (w, s) in starts.enumerated() {
                        var e = w + 1 < starts.count ? starts[w + 1].offset : p.hi
                        while e > s.offset, lines.bytes[e - 1] == 0x20 { e -= 1 }
                        let width = w + 1 < starts.count ? starts[w + 1].column - s.column - 1 : p.end - s.column
                        words.append((k, s.column, s.column + width, lines.bytes[s.offset..<e]))
                    }
                }
            }
            guard words.count >= 4 else { return nil }
            // The places where words start on two lines or more.
            var linesAt: [Int: Set<Int>] = [:]
            for w in words { linesAt[w.column, default: []].insert(w.line) }
            // The cell's own start is a part's (its first column may fit on one line: `Nội dung
            // Cơ quan` over `chủ trì`).
            let shared = linesAt.filter { $0.value.count >= 2 && $0.key > cell.start + 1 }.keys.sorted()
            guard !shared.isEmpty, shared.count <= 7 else { return nil }
            let first = cell.start
            // Short words line up by chance too (`Đơn vị` over `chủ trì`): of the places, the
            // most that cut the cell into parts each naming a different column.
            var best: [(text: String, start: Int, end: Int)]?
            for mask in 1..<(1 << shared.count) {
                let cuts = [first] + shared.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
                guard cuts.count > (best?.count ?? 1) else { continue }
                var parts: [(text: String, start: Int, end: Int)] = []
                var roles: [TableColumn.Role] = []
                for (k, start) in cuts.enumerated() {
                    let next = k + 1 < cuts.count ? cuts[k + 1] : Int.max
                    let mine = words.filter { (k == 0 || $0.column >= start) && $0.column < next }
                    let text = mine.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: " ")
                    let role = TableParser.role(ofHeader: text)
                    guard role != .other, role != .number, !roles.contains(role) else { break }
                    roles.append(role)
                    parts.append((text, start, mine.map(\.end).max() ?? start))
                }
                if parts.count == cuts.count { best = parts }
            }
            return best
        }

        /// The header cell a column's name (`Chủ trì`, `Phối hợp`) under no cell belongs to: a
        /// span's text is centred over its columns, so the lower row's names may start and end
        /// beside it — between the cells on either side of it, nearest to it.
        static func spanOver(_ p: Piece, _ cells: [(text: String, start: Int, end: Int)], text: ArraySlice<UInt8>) -> Int? {
            let role = Array(text).withUnsafeBufferPointer { TableParser.role(ofHeader: $0) }
            guard role != .other, role != .number else { return nil }
            var best: (cell: Int, distance: Int)?
            for c in cells.indices {
                guard c == 0 || p.start > cells[c - 1].end, c == cells.count - 1 || p.end < cells[c + 1].start else { continue }
                let distance = abs((p.start + p.end) - (cells[c].start + cells[c].end))
                if best.map({ distance < $0.distance }) ?? true { best = (c, distance) }
            }
            return best?.cell
        }

        /// The header cells with a wrapped line's pieces added under them. Two or more pieces
        /// under one cell, each naming a different column (`Đơn vị thực hiện` over `Chủ trì` and
        /// `Phối hợp`), are the lower row of a two-row header: the cell is a span, and each piece
        /// starts a column of its own (the first keeps the span's words).
        static func spread(_ cells: [(text: String, start: Int, end: Int)],
                           _ placed: [(cell: Int, text: String, start: Int, end: Int)]) -> [(text: String, start: Int, end: Int)] {
            var out: [(text: String, start: Int, end: Int)] = []
            for (c, cell) in cells.enumerated() {
                let under = placed.filter { $0.cell == c }
                let roles = under.map { TableParser.role(ofHeader: $0.text) }
                if under.count >= 2, !roles.contains(.other), !roles.contains(.number), Set(roles).count == under.count {
                    for (k, p) in under.enumerated() {
                        let last = k == under.count - 1
                        out.append((k == 0 ? cell.text + " " + p.text : p.text, k == 0 ? min(cell.start, p.start) : p.start,
                                    last ? max(cell.end, p.end) : p.end))
                    }
                    continue
                }
                var cell = cell
                for p in under { cell.text += " " + p.text }
                out.append(cell)
            }
            return out
        }

        /// Whether line `i` repeats this header (a new page's copy): most of its words again.
        func isRepeated(at i: Int, cache: PieceCache) -> Bool {
            let pieces = cache[i]
            guard pieces.count >= 2 else { return false }
            let bytes = cache.lines.bytes
            // Quick: the first piece starts like one of the header's cells (its first byte first).
            let first = bytes[pieces[0].range]
            guard let b = first.first, cellBytes.contains(where: { $0.first == b && (first.starts(with: $0.prefix(first.count)) || $0.starts(with: first)) })
            else { return false }
            var same = 0
            for p in pieces {
                let text = bytes[p.range]
                if cellBytes.contains(where: { $0.starts(with: text) || text.starts(with: $0) }) { same += 1 }
            }
            return same * 2 > pieces.count && same >= 2
        }
    }

    /// The line after the table that starts with `header`: where running text or the next
    /// part of the document (`PHỤ LỤC`, `Nơi nhận`) begins.
    private static func tableEnd(_ lines: TextLines, header: Header, cache: PieceCache) -> Int {
        let columns = Columns(header: header, cache: cache, body: header.lines.upperBound..<min(lines.count, header.lines.upperBound + 60))
        var end = header.lines.upperBound
        var k = end
        while k < lines.count {
            if lines.isBlank(k) {
                k += 1
                continue
            }
            if header.isRepeated(at: k, cache: cache) {
                // A repeated header on the last line(s): the copy may be shorter than the header.
                k = min(k + header.lines.count, lines.count)
                end = k
                continue
            }
            let pieces = cache[k]
            if let p = pieces.first, pieces.count == 1 {
                let text = lines.bytes[p.range]
                if isPageNumber(text) {
                    k += 1
                    continue
                }
                let folded = text.prefix(16).withUnsafeBufferPointer { VietnameseText.lowercased($0) }
                if folded.starts(with: Array("phụ lục".utf8)) || folded.starts(with: Array("nơi nhận".utf8)) { break }
                // Running text: a long line from the left margin across three columns.
                if columns.count >= 4, p.start < columns.starts[1] + 4, p.end > columns.starts[3] + 2, !isGroupLabel(text) {
                    break
                }
            }
            k += 1
            end = k
        }
        return end
    }

    /// A lone number is a page number when a page starts on it or right after it (a form feed,
    /// or the next text is the repeated header) — not the `2025` of a wrapped time cell.
    private static func isPageFurniture(_ lines: TextLines, _ k: Int, header: Header, end: Int, cache: PieceCache) -> Bool {
        if lines.isPageStart(k) { return true }
        var n = k + 1
        while n < end, lines.isBlank(n), !lines.isPageStart(n) { n += 1 }
        return n >= end || lines.isPageStart(n) || header.isRepeated(at: n, cache: cache)
    }

    static func isPageNumber(_ text: ArraySlice<UInt8>) -> Bool {
        text.count <= 4 && !text.isEmpty && text.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: - Pieces and columns

    /// A run of text on a line, words separated by single spaces.
    /// (Offsets only, no slice: pieces are copied often, and a slice would be reference counted.)
    struct Piece {
        var start: Int
        var end: Int
        /// The piece's bytes in the text: `lo..<hi`.
        var lo: Int
        var hi: Int

        var range: Range<Int> { lo..<hi }

        /// The display column and byte offset of each word of the piece (for cutting it).
        func wordStarts(_ bytes: [UInt8]) -> [(column: Int, offset: Int)] {
            var result: [(column: Int, offset: Int)] = [(start, lo)]
            var col = start
            var k = lo
            var afterSpace = false
            while k < hi {
                let b = bytes[k]
                let isMark = (b == 0xCC || (b == 0xCD && k + 1 < hi && bytes[k + 1] <= 0xAF)) && k > lo
                if b & 0xC0 != 0x80 && !isMark {
                    if b == 0x20 {
                        afterSpace = true
                    } else if afterSpace {
                        result.append((col, k))
                        afterSpace = false
                    }
                    col += 1
                }
                k += 1
            }
            return result
        }
    }

    /// Each line's pieces, worked out once (the table's lines are looked at several times).
    final class PieceCache {
        let lines: TextLines
        private var cache: [[Piece]?]

        init(_ lines: TextLines) {
            self.lines = lines
            cache = []
        }

        subscript(_ i: Int) -> [Piece] {
            if cache.isEmpty { cache = Array(repeating: nil, count: lines.count) }
            if let cached = cache[i] { return cached }
            let p = LayoutTable.pieces(lines, i)
            cache[i] = p
            return p
        }
    }

    static func pieces(_ lines: TextLines, _ i: Int) -> [Piece] {
        let range = lines.range(i)
        return lines.bytes.withUnsafeBufferPointer { bytes in
            var result: [Piece] = []
            var col = 0
            var k = range.lowerBound
            let end = range.upperBound
            var spaces = 0
            var current: Piece?
            var lastEnd = k
            var lastCol = 0
            while k < end {
                let b = bytes[k]
                if b == 0x20 || b == 0x09 {
                    spaces += 1
                    col += 1
                    k += 1
                    continue
                }
                let isScalarStart = b & 0xC0 != 0x80
                let isMark = (b == 0xCC || (b == 0xCD && k + 1 < end && bytes[k + 1] <= 0xAF)) && col > 0
                if isScalarStart && !isMark {
                    if current != nil, spaces >= minGap {
                        current!.hi = lastEnd
                        current!.end = lastCol
                        result.append(current!)
                        current = nil
                    }
                    if current == nil { current = Piece(start: col, end: col, lo: k, hi: k) }
                    spaces = 0
                }
                lastEnd = k + 1
                while lastEnd < end, bytes[lastEnd] & 0xC0 == 0x80 { lastEnd += 1 }
                if isScalarStart && !isMark {
                    col += 1
                    lastCol = col
                }
                k += 1
            }
            if current != nil {
                current!.hi = lastEnd
                current!.end = lastCol
                result.append(current!)
            }
            return result
        }
    }

    /// Where each column starts (display columns), from the header and the text beneath it,
    /// and how far its text reaches.
    struct Columns {
        var starts: [Int]
        /// The furthest a text placed wholly in the column ends (for cutting run-together text).
        var ends: [Int]
        var count: Int { starts.count }

        /// How far left of its column a text may start: `pdftotext` squeezes texts that are
        /// wider in its character grid than on the page, and runs the next cell's text on after
        /// one space.
        static let squeeze = 8
        /// How far a block of rows laid out on its own may sit from the page's columns.
        static let fitShift = 14

        init(header: Header, cache: PieceCache, body: Range<Int>) {
            let lines = cache.lines
            // Pieces beneath the header start at the left edge of their column, or inside it
            // when centred; a column starts at its header cell or where most texts between the
            // previous header cell and its own end start, whichever is further left.
            var linePieces: [[Piece]] = []
            var pieceStarts: [Int] = []
            for k in body where !lines.isBlank(k) {
                let ps = cache[k]
                linePieces.append(ps)
                for p in ps { pieceStarts.append(p.start) }
            }
            let cells = header.cells
            var starts = [0]
            for c in 1..<cells.count {
                let lower = cells[c - 1].end
                let candidates = pieceStarts.filter { $0 > lower && $0 < cells[c].end }
                // Where most pieces start (a squeezed line's text starting a little further
                // left, or a stray piece, does not move the column).
                var counts: [Int: Int] = [:]
                for s in candidates { counts[s, default: 0] += 1 }
                let common = counts.filter { $0.value >= 2 }.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
                let start = min(cells[c].start, common ?? cells[c].start)
                starts.append(max(start, starts[c - 1] + 1))
            }
            // A squeezed header's split cells sit closer together than their columns: those
            // columns start where the text beneath starts most often, as many places as cells.
            for group in header.squeezed {
                let low = cells[group.lowerBound].start - Self.squeeze
                let high = group.upperBound < cells.count ? cells[group.upperBound].start : Int.max
                var counts: [Int: Int] = [:]
                for s in pieceStarts where s >= low && s < high { counts[s, default: 0] += 1 }
                let common = counts.filter { $0.value >= 2 }.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
                guard common.count >= group.count else { continue }
                let places = common.prefix(group.count).map(\.key).sorted()
                for (c, place) in zip(group, places) where c > 0 { starts[c] = place }
                // Still in order (a start moved right may pass the next column's).
                for c in 1..<starts.count where starts[c] <= starts[c - 1] { starts[c] = starts[c - 1] + 1 }
            }
            self.starts = starts
            // How far each column's own texts reach: pieces that end before the next column.
            var ends = [Int](repeating: 0, count: starts.count)
            for ps in linePieces {
                var previous = -1
                for p in ps {
                    let c = Columns.column(starts, at: p.start, after: previous)
                    previous = c
                    if c + 1 >= starts.count || p.end < starts[c + 1] { ends[c] = max(ends[c], p.end) }
                }
            }
            // A column's text may always reach up to the next column.
            for c in ends.indices { ends[c] = max(ends[c], c + 1 < starts.count ? starts[c + 1] - 2 : Int.max / 2) }
            self.ends = ends
        }

        /// The column of a text starting at display column `x`, right of column `after`: the
        /// one whose start is nearest, unless that start is more than ``squeeze`` further right.
        func column(at x: Int, after: Int = -1) -> Int { Columns.column(starts, at: x, after: after) }

        static func column(_ starts: [Int], at x: Int, after: Int) -> Int {
            var best = max(0, min(after + 1, starts.count - 1))
            for c in best..<starts.count where starts[c] - squeeze <= x {
                if abs(starts[c] - x) <= abs(starts[best] - x) || starts[best] > x { best = c }
            }
            return best
        }
    }

    /// A line's pieces placed in columns: the text of each column on it (nil when empty).
    /// `continuing` says which columns already hold text of the same row above (to tell a
    /// cell's first line from its continuation).
    /// - Parameter numberFirst: the first column holds the row numbers, the second the task.
    private static func cells(_ cache: PieceCache, _ i: Int, _ columns: Columns, continuing: [Bool], numberFirst: Bool) -> [ArraySlice<UInt8>?] {
        placed(cache, i, columns, continuing: continuing, rowStarts: [], numberFirst: numberFirst).cells
    }

    /// ``cells(_:_:_:continuing:numberFirst:)``, and where each column's text starts on the line
    /// (-1: none). `rowStarts`: where the row's cells started on the lines above — a cell's
    /// lines start at the same place, so a piece run on into a continuing cell is cut there.
    private static func placed(_ cache: PieceCache, _ i: Int, _ columns: Columns, continuing: [Bool], rowStarts: [Int],
                               numberFirst: Bool) -> (cells: [ArraySlice<UInt8>?], starts: [Int]) {
        let lines = cache.lines
        var result = [ArraySlice<UInt8>?](repeating: nil, count: columns.count)
        var starts = [Int](repeating: -1, count: columns.count)
        var previous = -1
        let ps = cache[i]
        // A group row written `I    Công tác chỉ đạo …`: the numeral, then its title running
        // across the columns, kept whole.
        if ps.count == 2, columns.column(at: ps[0].start) == 0, columns.count > 1, AntiwordGrid.isRowStart(lines.bytes[ps[0].range]),
            TableParser.rowNumber(String(decoding: lines.bytes[ps[0].range], as: UTF8.self)) == nil, columns.column(at: ps[1].start) == 1,
            ps[1].end > (columns.count > 2 ? columns.starts[2] + 2 : Int.max / 2)
        {
            result[0] = lines.bytes[ps[0].range]
            result[1] = lines.bytes[ps[1].range]
            return (result, [ps[0].start, ps[1].start] + starts.dropFirst(2))
        }
        for piece in ps {
            var c = columns.column(at: piece.start, after: previous)
            // No row number starts in lower case: a task's words there are the rest of a row a
            // page break cut, on a page laid out further left (`trên địa` / `bàn tỉnh`).
            if c == 0, numberFirst, columns.count > 1, piece.lo < piece.hi, !startsUpper(piece.lo, lines),
                VietnameseText.isLetter(lines.bytes.withUnsafeBufferPointer { VietnameseText.scalar(in: $0, at: piece.lo).value })
            {
                c = 1
            }
            // A group row's label (`III. PHỔ BIẾN …`, `II. Đổi mới …`) runs across the columns:
            // keep it whole.
            if c == 0, piece.lo < piece.hi, isGroupLabel(lines.bytes[piece.range]), lines.bytes[piece.range].contains(0x20) {
                if result[0] == nil { starts[0] = piece.start }
                result[0] = append(result[0], lines.bytes[piece.range])
                previous = 0
                continue
            }
            var from = piece.lo
            var fromColumn = piece.start
            var w = 0
            let wordStarts = piece.end > (c + 1 < columns.count ? columns.starts[c + 1] + 2 : Int.max / 2) ? piece.wordStarts(lines.bytes) : []
            // A piece running on into the next column after one space: cut it before the word
            // where that column's text starts. The left part must fit its column (end where the
            // column's texts end); the right part starts a cell (upper case) unless that cell
            // already has text on the line above; nearest the column's start wins.
            while c + 1 < columns.count {
                let next = columns.starts[c + 1]
                guard piece.end > next + 2 else { break }
                let continuing = c + 1 < continuing.count && continuing[c + 1]
                let target = continuing && c + 1 < rowStarts.count && rowStarts[c + 1] >= 0 ? rowStarts[c + 1] : next
                var best: Int?
                var bestScore = Int.max
                for k in (w + 1)..<max(w + 1, wordStarts.count) {
                    let x = wordStarts[k].column
                    guard x >= next - Columns.squeeze - 1, x <= next + 2 else { continue }
                    let leftEnd = k > 0 ? x - 1 : x
                    let fits = leftEnd <= columns.ends[c] + 1
                    let upper = startsUpper(wordStarts[k].offset, lines)
                    let score = abs(x - target) + (fits ? 0 : 20) + (upper == !continuing ? 0 : 2)
                    if score < bestScore {
                        bestScore = score
                        best = k
                    }
                }
                guard let cut = best else { break }
                let offset = wordStarts[cut].offset
                var hi = offset
                while hi > from, lines.bytes[hi - 1] == 0x20 { hi -= 1 }
                if result[c] == nil { starts[c] = fromColumn }
                result[c] = append(result[c], lines.bytes[from..<hi])
                from = offset
                fromColumn = wordStarts[cut].column
                w = cut
                c += 1
            }
            if result[c] == nil { starts[c] = fromColumn }
            result[c] = append(result[c], lines.bytes[from..<piece.hi])
            previous = c
        }
        return (result, starts)
    }

    /// Whether a piece runs on past the start of the next column (and may be cut).
    private static func runsTogether(_ pieces: [Piece], _ columns: Columns) -> Bool {
        var previous = -1
        for p in pieces {
            let c = columns.column(at: p.start, after: previous)
            previous = c
            if c + 1 < columns.count, p.end > columns.starts[c + 1] + 2 { return true }
        }
        return false
    }

    private static func startsUpper(_ offset: Int, _ lines: TextLines) -> Bool {
        VietnameseText.isUppercase(TextShape.firstScalar(lines.bytes[offset..<min(offset + 4, lines.bytes.count)]) ?? 0)
    }

    private static func append(_ a: ArraySlice<UInt8>?, _ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let a, !a.isEmpty else { return b }
        return (Array(a) + [0x20] + Array(b))[...]
    }

    /// `I. CÔNG TÁC …`, `II.`, `A.`: a group row's label.
    static func isGroupLabel(_ text: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(text)
        let m: MarkerScanner.Marker? = bytes.withUnsafeBufferPointer { MarkerScanner.scan($0, from: 0, to: $0.count) }
        guard let m, m.style == .roman || m.style == .upperLetter || m.style == .part else { return false }
        return true
    }

    // MARK: - Rewriting

    /// One line of the table body with its cells.
    private struct BodyLine {
        var index: Int
        var cells: [ArraySlice<UInt8>?]
        var pageStart: Bool
        /// The columns near the line (see `local`), for cutting it again.
        var columns: Columns
        /// A piece of the line ran on into the next column (it was cut).
        var runTogether = false
    }

    private enum Anchor {
        case task
        case group
    }

    static func rewrite(_ lines: TextLines, region: Range<Int>, cache: PieceCache, into out: inout RecoveredText) {
        guard let header = Header.read(lines, at: region.lowerBound, cache: cache) else {
            for k in region { out.copy(lines, line: k) }
            return
        }
        // Each page has its own copy of the header, and its columns may sit a little apart.
        var pageHeaders: [(line: Int, header: Header)] = [(region.lowerBound, header)]
        var k = header.lines.upperBound
        while k < region.upperBound {
            if header.isRepeated(at: k, cache: cache), let h = Header.read(lines, at: k, cache: cache), h.cells.count == header.cells.count {
                pageHeaders.append((k, h))
                k = h.lines.upperBound
                continue
            }
            k += 1
        }
        let columnCount = header.cells.count
        let roles = header.cells.map { TableParser.role(ofHeader: $0.text) }
        let numberCol = roles.firstIndex(of: .number) ?? 0
        let titleCol = roles.firstIndex(of: .title) ?? min(1, columnCount - 1)
        // The header row, as one row.
        out.emitCells(header.cells.map(\.text), number: lines.number(header.lines.lowerBound), role: .rowStart)
        for k in header.lines.dropFirst() { out.drop(lines, line: k) }
        // The body: drop repeated headers and page numbers (furniture).
        var body: [BodyLine] = []
        for (p, page) in pageHeaders.enumerated() {
            let pageEnd = p + 1 < pageHeaders.count ? pageHeaders[p + 1].line : region.upperBound
            let columns = Columns(header: page.header, cache: cache, body: page.header.lines.upperBound..<pageEnd)
            if p > 0 { for h in page.header.lines { out.drop(lines, line: h) } }
            // Pass 1: where each line's pieces start, in which column.
            let placedBase = page.header.lines.upperBound
            var placed = [[(column: Int, start: Int)]](repeating: [], count: max(0, pageEnd - placedBase))
            for k in placedBase..<pageEnd where !lines.isBlank(k) {
                var previous = -1
                placed[k - placedBase] = cache[k].map { piece in
                    let c = columns.column(at: piece.start, after: previous)
                    previous = c
                    return (c, piece.start)
                }
            }
            /// The columns near line `k`: a row's cells may all sit a few places left of the
            /// page's columns; where most texts of a column start on the lines around, it starts.
            // counts[c * width + d]: the weight of texts of column c starting d left of it
            // (scratch space, reused from line to line).
            let width = Columns.squeeze + 1
            var counts = [Int](repeating: 0, count: columns.count * width)
            var any = [Bool](repeating: false, count: columns.count)
            var lastFit: (page: Int, columns: Columns)?
            func local(_ k: Int) -> Columns {
                var near = columns
                let low = max(page.header.lines.upperBound, k - 4)
                let high = min(pageEnd - 1, k + 4)
                guard low <= high else { return near }
                // A block of rows is laid out on one page: the window stops at a page break.
                var from = low
                var to = high
                for j in low...high where lines.isPageStart(j) {
                    if j <= k { from = j } else if j - 1 < to { to = j - 1 }
                }
                if from <= to, let fitted = Self.fitted(columns, cache: cache, lines: from...to) {
                    lastFit = (lines.pageIndex(k), fitted)
                    return fitted
                }
                // The last lines of a tall cell (only the task's words) are where the block's
                // rows were, when every text there starts at one of its columns.
                if from <= to, let last = lastFit, last.page == lines.pageIndex(k),
                    Self.startsAtColumns(last.columns, cache: cache, lines: from...to)
                {
                    return last.columns
                }
                for i in counts.indices { counts[i] = 0 }
                for i in any.indices { any[i] = false }
                for j in low...high {
                    for q in placed[j - placedBase] where q.column > 0 {
                        let d = columns.starts[q.column] - q.start  // how far left of the column
                        guard d >= 0, d <= Columns.squeeze else { continue }
                        counts[q.column * width + d] += 5 - abs(j - k)  // nearer lines count more
                        any[q.column] = true
                    }
                }
                for c in 1..<columns.count {
                    guard any[c] else { continue }
                    // The most weight; on a tie, the start nearer the column's own.
                    var bestD = 0
                    for d in 0..<width where counts[c * width + d] > counts[c * width + bestD] { bestD = d }
                    let start = max(columns.starts[c] - bestD, near.starts[c - 1] + 1)
                    if start != near.starts[c] { near.starts[c] = start }  // (a copy only when it moves)
                }
                return near
            }
            var newPage = p > 0
            var k = page.header.lines.upperBound
            while k < pageEnd {
                if lines.isPageStart(k) { newPage = true }
                if lines.isBlank(k) {
                    k += 1
                    continue
                }
                let ps = cache[k]
                if ps.count == 1, isPageNumber(lines.bytes[ps[0].range]), isPageFurniture(lines, k, header: header, end: region.upperBound, cache: cache) {
                    out.drop(lines, line: k)
                    newPage = true
                    k += 1
                    continue
                }
                let near = local(k)
                let above = newPage ? [Bool](repeating: false, count: columnCount) : (body.last?.cells.map { $0 != nil } ?? [])
                var line = BodyLine(index: k, cells: cells(cache, k, near, continuing: above, numberFirst: numberCol == 0 && titleCol == 1), pageStart: newPage, columns: near)
                line.runTogether = runsTogether(cache[k], near)
                body.append(line)
                newPage = false
                k += 1
            }
        }
        var table = ConvertedTable(columns: columnCount)
        var segmenter = Segmenter(lines: lines, body: body, columns: columnCount, numberCol: numberCol, titleCol: titleCol)
        segmenter.run(into: &table)
        // Second pass: run-together cells cut again, now that the rows are known — a cell
        // continues when its row already has text in that column above.
        var changed = false
        var seen: [Int: (continuing: [Bool], starts: [Int])] = [:]
        let none = ([Bool](repeating: false, count: columnCount), [Int](repeating: -1, count: columnCount))
        for b in body.indices {
            let row = segmenter.rowOf[b]
            let (continuing, rowStarts) = row >= 0 ? (seen[row] ?? none) : none
            // Only lines with a run-together piece are cut again; the others only tell where
            // their row's cells start.
            let recut = placed(cache, body[b].index, body[b].columns, continuing: continuing, rowStarts: rowStarts,
                               numberFirst: numberCol == 0 && titleCol == 1)
            if body[b].runTogether, !zip(recut.cells, body[b].cells).allSatisfy({ $0 == $1 }) {
                body[b].cells = recut.cells
                changed = true
            }
            if row >= 0 {
                var now = (continuing, rowStarts)
                for c in now.0.indices where body[b].cells[c] != nil {
                    if !now.0[c] { now.1[c] = recut.starts[c] }
                    now.0[c] = true
                }
                seen[row] = now
            }
        }
        if changed {
            table = ConvertedTable(columns: columnCount)
            segmenter = Segmenter(lines: lines, body: body, columns: columnCount, numberCol: numberCol, titleCol: titleCol)
            segmenter.run(into: &table)
        }
        table.write(into: &out, lastLine: lines.number(region.upperBound - 1))
    }

    /// The columns of the lines `window`, when their texts start at exactly as many places as
    /// there are columns, each within ``Columns/fitShift`` of its column: `pdftotext -layout`
    /// lays out some blocks of rows narrower than others (`4   Tổ chức     Sở Xây   Văn` under
    /// `STT       Nội dung …` — every column further left by a different amount, beyond what
    /// ``Columns/squeeze`` allows); where the block's own places are that clear, they are its
    /// columns. Texts starting one place apart count as one place.
    static func fitted(_ columns: Columns, cache: PieceCache, lines window: ClosedRange<Int>) -> Columns? {
        var starts: [Int] = []
        for j in window {
            for p in cache[j] { starts.append(p.start) }
        }
        guard starts.count >= columns.count else { return nil }
        starts.sort()
        var places: [Int] = []
        for x in starts where places.last.map({ x > $0 + 1 }) ?? true {
            places.append(x)
            if places.count > columns.count { return nil }
        }
        // Lines of a row without its number: the number column is where it was.
        if places.count == columns.count - 1, places[0] > columns.starts[0] + 2 { places.insert(columns.starts[0], at: 0) }
        guard places.count == columns.count, places[0] <= columns.starts[0] + 2 else { return nil }
        for c in 1..<columns.count where abs(places[c] - columns.starts[c]) > Columns.fitShift { return nil }
        guard places != columns.starts else { return nil }
        var fitted = columns
        for c in 1..<columns.count {
            fitted.ends[c - 1] += places[c - 1] - columns.starts[c - 1]
            fitted.starts[c] = places[c]
        }
        fitted.ends[columns.count - 1] += places[columns.count - 1] - columns.starts[columns.count - 1]
        return fitted
    }

    /// Whether every text of the lines `window` starts at (or one place right of) a column.
    static func startsAtColumns(_ columns: Columns, cache: PieceCache, lines window: ClosedRange<Int>) -> Bool {
        for j in window {
            for p in cache[j] where !columns.starts.contains(where: { p.start == $0 || p.start == $0 + 1 }) { return false }
        }
        return true
    }

    /// Cuts the body into rows.
    private struct Segmenter {
        let lines: TextLines
        let body: [BodyLine]
        let columns: Int
        let numberCol: Int
        let titleCol: Int

        /// Cells are centred in their rows (Word's and LibreOffice's usual PDF): the number sits
        /// on the row's middle line. Otherwise they hang from the row's top line.
        private var centred = true
        /// For each body line, the table row (task row) it went into; -1 for a group row.
        private(set) var rowOf: [Int] = []
        /// For each body line, what row it starts (worked out once).
        private var anchors: [Anchor?] = []

        init(lines: TextLines, body: [BodyLine], columns: Int, numberCol: Int, titleCol: Int) {
            self.lines = lines
            self.body = body
            self.columns = columns
            self.numberCol = numberCol
            self.titleCol = titleCol
            otherColumns = (0..<columns).filter { $0 != numberCol && $0 != titleCol }
            rowOf = [Int](repeating: -1, count: body.count)
            anchors = body.map { Self.anchor($0, numberCol: numberCol, titleCol: titleCol) }
            // Centred when a row number often sits on a line without its task's text (between
            // the task's lines), or when lines come between a group row and its first row.
            var taskRows = 0
            var bare = 0
            var gapAfterGroup = 0
            var afterGroup = false
            for (k, b) in body.enumerated() {
                guard let a = anchors[k] else {
                    if afterGroup, k > 0, !b.pageStart { gapAfterGroup += 1 }
                    afterGroup = false
                    continue
                }
                afterGroup = a == .group
                guard a == .task else { continue }
                taskRows += 1
                if b.cells[titleCol] == nil { bare += 1 }
            }
            centred = gapAfterGroup > 0 || (taskRows > 0 && bare * 10 >= taskRows)
        }

        private static func anchor(_ b: BodyLine, numberCol: Int, titleCol: Int) -> Anchor? {
            guard let n = b.cells[numberCol] else {
                // A group label written from the left margin into the title column.
                if let t = b.cells[titleCol], isGroupLabel(t), b.cells.enumerated().allSatisfy({ $0.offset == titleCol || $0.element == nil }),
                    TextShape.isUppercase(t)
                {
                    return .group
                }
                return nil
            }
            if TableParser.rowNumber(String(decoding: n, as: UTF8.self)) != nil { return .task }
            if isGroupLabel(n) || AntiwordGrid.isRowStart(n) {
                let others = b.cells.enumerated().filter { $0.offset != numberCol && $0.offset != titleCol && $0.element != nil }
                if others.isEmpty { return .group }
            }
            return nil
        }

        mutating func run(into table: inout ConvertedTable) {
            // Hard boundaries: group rows and page starts; between them, anchored rows.
            var k = 0
            var lastTask: Int?  // index in table.rows of the row a page break may have cut
            while k < body.count {
                if let a = anchors[k], a == .group {
                    var row = ConvertedTable.Row(line: lines.number(body[k].index), columns: columns)
                    var text = CellText()
                    // `I` + title in the next cell stays two cells; `I. CÔNG TÁC …` is one label.
                    let bare = body[k].cells[numberCol].map { TableParser.rowNumber(String(decoding: $0, as: UTF8.self)) == nil
                        && !isGroupLabel($0) } ?? false
                    let titleColumn = bare && body[k].cells[titleCol] != nil ? titleCol : numberCol
                    if titleColumn == titleCol { row.cells[numberCol] = [ConvertedTable.Paragraph(text: String(decoding: body[k].cells[numberCol]!, as: UTF8.self), line: row.line)] }
                    var label: [UInt8] = []
                    for (c, cell) in body[k].cells.enumerated() {
                        guard let piece = cell, titleColumn == numberCol || c != numberCol else { continue }
                        if !label.isEmpty { label.append(0x20) }
                        label += piece
                    }
                    text.add(label, line: row.line)
                    var j = k + 1
                    // A group title wrapped onto the next line: upper case, alone on it.
                    while j < body.count, !body[j].pageStart, anchors[j] == nil,
                        body[j].cells.compactMap({ $0 }).count == 1, let only = body[j].cells.compactMap({ $0 }).first,
                        TextShape.isUppercase(only), TextShape.hasLetters(only), body[j].cells[numberCol] != nil || body[j].cells[titleCol] != nil
                    {
                        text.add(only, line: lines.number(body[j].index))
                        row.endLine = lines.number(body[j].index)
                        j += 1
                    }
                    row.cells[titleColumn] = text.paragraphs
                    table.rows.append(row)
                    lastTask = nil
                    k = j
                    continue
                }
                // A segment: up to the next group row or page start.
                var end = k + 1
                while end < body.count, !body[end].pageStart, anchors[end] != .group { end += 1 }
                segment(k..<end, continuesRow: body[k].pageStart ? lastTask : nil, into: &table, lastTask: &lastTask)
                k = end
            }
        }

        /// For each column, the next line at or after `i` with text in it (`body.count` when
        /// none) and the last line at or before `i` with text (-1 when none); flat, column-major
        /// (`c * (body.count + 1) + i`).
        private var nextText: [Int32] = []
        private var previousText: [Int32] = []

        /// Per line and column (`i * columns + c`): the text there starts in lower case (it
        /// carries on the cell's text from the line above, so no cell starts with it).
        private var startsLower: [Bool] = []

        /// Per column (`c * (body.count + 1) + i`): how many of the lines before `i` start a run
        /// of text (the line above has none in that column) — a second run inside one
        /// top-aligned cell is a second cell.
        private var runStarts: [Int32] = []

        private mutating func index() {
            let n = body.count
            let stride1 = n + 1
            // Flat tables: looking at the cells' slices again and again costs reference counting.
            var has = [Bool](repeating: false, count: n * columns)
            var lower = [Bool](repeating: false, count: n * columns)
            for i in 0..<n {
                for c in 0..<columns {
                    guard let cell = body[i].cells[c] else { continue }
                    has[i * columns + c] = true
                    lower[i * columns + c] = VietnameseText.isLowercase(TextShape.firstScalar(cell) ?? 0)
                }
            }
            startsLower = lower
            var runs = [Int32](repeating: 0, count: columns * stride1)
            var next = [Int32](repeating: Int32(n), count: columns * stride1)
            var previous = [Int32](repeating: -1, count: columns * stride1)
            for c in 0..<columns {
                let base = c * stride1
                for i in 0..<n {
                    let starts = has[i * columns + c] && (i == 0 || !has[(i - 1) * columns + c])
                    runs[base + i + 1] = runs[base + i] + (starts ? 1 : 0)
                }
                var nextLine = Int32(n)
                for i in stride(from: n - 1, through: 0, by: -1) {
                    if has[i * columns + c] { nextLine = Int32(i) }
                    next[base + i] = nextLine
                }
                var previousLine: Int32 = -1
                for i in 0..<n {
                    if has[i * columns + c] { previousLine = Int32(i) }
                    previous[base + i] = previousLine
                }
            }
            runStarts = runs
            nextText = next
            previousText = previous
        }

        /// How badly column `c`'s text sits in the row `[top, bottom)`: centred, the difference
        /// between the space above and below it (a text of an odd number of lines in a row of an
        /// even number is always half a line off: one); hanging from the top, the space above it
        /// and twice each further run of lines (another cell).
        /// A cell starting in lower case is the rest of a cell cut off from it: that costs
        /// ``lowerStartPenalty``, except in the rest of a row a page break cut (`continuation`).
        private func error(_ c: Int, _ top: Int, _ bottom: Int, topAligned: Bool, continuation: Bool = false) -> Int {
            let base = c * (body.count + 1)
            let f = Int(nextText[base + top])
            guard f < bottom else { return 0 }
            let l = Int(previousText[base + bottom - 1])
            let above = f - top
            let below = bottom - 1 - l
            let offCentre = abs(above - below)
            // Hanging from the top, a cell is one run of lines: each further run is another cell.
            let runs = Int(runStarts[base + bottom] - runStarts[base + f + 1])
            let err = !centred ? above + 2 * runs : topAligned ? min(offCentre, above + 2 * runs) : offCentre
            return err + (!continuation && startsLower[f * columns + c] ? Self.lowerStartPenalty : 0)
        }

        private static let lowerStartPenalty = 3

        /// The columns besides the number and the task.
        private let otherColumns: [Int]

        /// Weights: the number and the task span the whole row; the other columns may hold one
        /// cell per milestone row, each centred in its own part; a split costs a little.
        private static let spanWeight = 4
        private static let partWeight = 2
        private static let splitPenalty = 2

        /// The least cost of the other columns over the row starting at `top` and ending at each
        /// `top + 1 … limit`, cut into milestone parts, and where the last part of each begins.
        private func milestoneCosts(from top: Int, to limit: Int, topAligned: Bool, continuation: Bool = false) -> (cost: [Int], back: [Int]) {
            var dp: [Int] = []
            var back: [Int] = []
            milestoneCosts(from: top, to: limit, topAligned: topAligned, continuation: continuation, cost: &dp, back: &back)
            return (dp, back)
        }

        /// The same into `dp` and `back` (reused buffers: this runs for every candidate row top).
        private func milestoneCosts(from top: Int, to limit: Int, topAligned: Bool, continuation: Bool, cost dp: inout [Int], back: inout [Int]) {
            let n = limit - top
            dp.removeAll(keepingCapacity: true)
            dp.append(contentsOf: repeatElement(Int.max, count: n + 1))
            back.removeAll(keepingCapacity: true)
            back.append(contentsOf: repeatElement(0, count: n + 1))
            dp[0] = 0
            let others = otherColumns
            guard n > 0 else { return }
            for i in 1...n {
                // Parts are at most maxSplitLines long; longer rows are not split.
                let lowest = n > LayoutTable.maxSplitLines ? 0 : max(0, i - LayoutTable.maxSplitLines)
                for s in lowest..<i where dp[s] != Int.max {
                    if n > LayoutTable.maxSplitLines, s != 0 { continue }
                    var c = dp[s] + (s == 0 ? 0 : Self.splitPenalty)
                    for col in others {
                        c += error(col, top + s, top + i, topAligned: topAligned, continuation: continuation && s == 0) * Self.partWeight
                    }
                    if c < dp[i] {
                        dp[i] = c
                        back[i] = s
                    }
                }
            }
        }

        private func spanCost(_ top: Int, _ bottom: Int) -> Int {
            (error(numberCol, top, bottom, topAligned: false) + error(titleCol, top, bottom, topAligned: false)) * Self.spanWeight
        }

        private mutating func segment(_ range: Range<Int>, continuesRow previous: Int?, into table: inout ConvertedTable, lastTask: inout Int?) {
            if nextText.isEmpty { index() }
            let anchors = range.filter { self.anchors[$0] == .task }
            guard !anchors.isEmpty else {
                // No row starts here: the rest of a cut row, or rows without numbers.
                if let p = previous ?? lastTask {
                    append(range, to: &table.rows[p], index: p)
                } else {
                    addRow(range, into: &table, lastTask: &lastTask)
                }
                return
            }
            // Boundaries: b[0] in [range.lower, anchors[0]], b[r] in (anchors[r-1], anchors[r]].
            // The lines before b[0] finish the row a page break cut (when there is one).
            let m = anchors.count
            var candidates: [[Int]] = []
            candidates.append(previous != nil ? Array(max(range.lowerBound, anchors[0] - maxSearchLines)...anchors[0]) : [range.lowerBound])
            for r in 1..<max(m, 1) where m > 1 {
                candidates.append(Array(max(anchors[r - 1] + 1, anchors[r] - maxSearchLines)...anchors[r]))
            }
            candidates.append([range.upperBound])
            let cutAtEnd = range.upperBound < body.count && body[range.upperBound].pageStart
            // best[r][j]: least cost of the rows before boundary r, which is candidates[r][j].
            var best: [[Int]] = [candidates[0].map { b in
                b > range.lowerBound
                    ? milestoneCosts(from: range.lowerBound, to: b, topAligned: false, continuation: true).cost[b - range.lowerBound]
                        + (error(titleCol, range.lowerBound, b, topAligned: false, continuation: true)) * Self.spanWeight
                    : 0
            }]
            var from: [[Int]] = [candidates[0].map { _ in -1 }]
            var parts: [Int] = []
            var partBack: [Int] = []
            for r in 1...m {
                let last = r == m
                var costs = [Int](repeating: Int.max, count: candidates[r].count)
                var back = [Int](repeating: 0, count: candidates[r].count)
                for (j, a) in candidates[r - 1].enumerated() where best[r - 1][j] != Int.max && a <= anchors[r - 1] {
                    let limit = candidates[r].last!
                    milestoneCosts(from: a, to: limit, topAligned: last && cutAtEnd, continuation: false, cost: &parts, back: &partBack)
                    for (k, b) in candidates[r].enumerated() where b > anchors[r - 1] {
                        // The number and task span the row (merged over its milestone rows) or
                        // only its first part (milestone rows of their own, with empty cells).
                        var firstEnd = b - a
                        while partBack[firstEnd] > 0 { firstEnd = partBack[firstEnd] }
                        let span = firstEnd < b - a && a + firstEnd > anchors[r - 1]
                            ? min(spanCost(a, b), spanCost(a, a + firstEnd)) : spanCost(a, b)
                        let c = best[r - 1][j] + span + parts[b - a]
                        if c < costs[k] {
                            costs[k] = c
                            back[k] = j
                        }
                    }
                }
                best.append(costs)
                from.append(back)
            }
            var bounds = [Int](repeating: 0, count: m + 1)
            var j = 0
            bounds[m] = range.upperBound
            for r in stride(from: m, to: 0, by: -1) {
                j = from[r][r == m ? 0 : j]
                bounds[r - 1] = candidates[r - 1][j]
            }
            if bounds[0] > range.lowerBound {
                if let p = previous { append(range.lowerBound..<bounds[0], to: &table.rows[p], index: p) } else { addRow(range.lowerBound..<bounds[0], into: &table, lastTask: &lastTask) }
            }
            for r in 0..<m {
                addRow(bounds[r]..<bounds[r + 1], into: &table, lastTask: &lastTask)
            }
        }

        /// Adds the row `[top, bottom)`, split into its milestone rows when its other columns
        /// hold cells one above the other.
        private mutating func addRow(_ range: Range<Int>, into table: inout ConvertedTable, lastTask: inout Int?) {
            guard !range.isEmpty else { return }
            // The last row before a page break may be cut by it: its cells then fill it from the top.
            let cut = range.upperBound < body.count && body[range.upperBound].pageStart
            let (_, back) = milestoneCosts(from: range.lowerBound, to: range.upperBound, topAligned: cut)
            var cuts: [Int] = []
            var i = range.count
            while i > 0 {
                cuts.append(range.lowerBound + i)
                i = back[i]
            }
            var parts: [Range<Int>] = []
            var start = range.lowerBound
            for c in cuts.reversed() {
                parts.append(start..<c)
                start = c
            }
            for (k, part) in parts.enumerated() {
                var row = ConvertedTable.Row(line: lines.number(body[part.lowerBound].index), columns: columns)
                row.endLine = lines.number(body[part.upperBound - 1].index)
                for c in 0..<columns {
                    // The number and the task belong to the first part whatever lines they are on.
                    let span = (c == numberCol || c == titleCol) ? (k == 0 ? range : part.lowerBound..<part.lowerBound) : part
                    row.cells[c] = text(span, c)
                }
                if k == 0 { row.line = lines.number(body[range.lowerBound].index) }
                table.rows.append(row)
                if k == 0 { lastTask = table.rows.count - 1 }
            }
            for b in range { rowOf[b] = lastTask ?? -1 }
        }

        /// The text of column `c` over body lines `range`, as one paragraph.
        private func text(_ range: Range<Int>, _ c: Int) -> [ConvertedTable.Paragraph] {
            var cell = CellText(markdown: false)
            for i in range {
                if let t = body[i].cells[c] { cell.add(t, line: lines.number(body[i].index)) }
            }
            return cell.paragraphs
        }

        /// Appends body lines `range` to row `row` (the rest of a row cut by a page break).
        private mutating func append(_ range: Range<Int>, to row: inout ConvertedTable.Row, index: Int) {
            for b in range { rowOf[b] = index }
            append(range, to: &row)
        }

        private func append(_ range: Range<Int>, to row: inout ConvertedTable.Row) {
            for c in 0..<columns {
                let more = text(range, c)
                guard let p = more.first else { continue }
                if row.cells[c].isEmpty {
                    row.cells[c] = more
                } else {
                    let last = row.cells[c].count - 1
                    row.cells[c][last].text = CellText.join(row.cells[c][last].text, p.text, brokenWord: false)
                }
            }
            if let last = range.last { row.endLine = max(row.endLine, lines.number(body[last].index)) }
        }
    }
}
