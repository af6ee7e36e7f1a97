/// Reads the document's identity from the header and closing blocks the frame found.
struct HeaderExtractor {
    let source: TokenizedSource
    let frame: DocumentFrame

    func extract() -> (DocumentHeader, [Diagnostic]) {
        var header = DocumentHeader()
        var warnings: [Diagnostic] = []
        let tokens = source.tokens
        let parser = FrameParser(source: source)
        header.kind = frame.kind
        if !frame.header.isEmpty {
            header.line = Int(tokens[frame.header.lowerBound].number)
            header.endLine = Int(tokens[frame.header.upperBound - 1].number)
        }
        if !frame.issuerTokens.isEmpty {
            header.issuer = IssuerLines.join(frame.issuerTokens.map { i -> String in
                let t = tokens[i]
                let cells = parser.cells(t)
                return cells.isEmpty ? source.string(t.content) : source.string(cells[0])
            })
        }
        if let n = frame.numberToken {
            let t = tokens[n]
            let r = t.kind == .tableRow || source.bytes(t.line).contains(UInt8(ascii: "|"))
                ? parser.cellStarting(t, with: "Số") ?? t.content : t.content
            header.number = afterColon(source.string(r))
        }
        if !frame.placeDateTokens.isEmpty {
            let text = frame.placeDateTokens.map { i -> String in
                let t = tokens[i]
                if t.kind == .tableRow || source.bytes(t.line).contains(UInt8(ascii: "|")) {
                    return parser.placeDateCell(t).map { source.string($0) } ?? source.string(t.content)
                }
                return source.string(t.content)
            }.joined(separator: " ")
            let (place, date, problem) = Self.parsePlaceDate(text)
            header.place = place
            header.date = date
            if let problem {
                warnings.append(Diagnostic(line: Int(tokens[frame.placeDateTokens[0]].number), code: "date-invalid", message: problem))
            }
        }
        if let k = frame.kindToken {
            var parts: [String] = []
            let t = tokens[frame.kindLastToken ?? k]
            if t.content.upperBound > frame.kindEnd {
                parts.append(source.string(frame.kindEnd..<t.content.upperBound).trimmingSpaces)
            }
            for i in frame.titleTokens { parts.append(source.string(tokens[i].content)) }
            let title = parts.filter { !$0.isEmpty }.joined(separator: " ")
            header.title = title.isEmpty ? nil : title
        } else if !frame.titleTokens.isEmpty {
            // A letter's subject line (`V/v …`) or the line after its date.
            header.title = frame.titleTokens.map { i -> String in
                let t = tokens[i]
                let isRow = t.kind == .tableRow || source.bytes(t.line).contains(UInt8(ascii: "|"))
                return source.string(isRow ? (parser.cells(t).first ?? t.content) : t.content)
            }.joined(separator: " ")
        }
        if let a = frame.addresseeToken {
            var value = afterColon(source.string(tokens[a].content), dropping: "Kính gửi")
            var items = value.isEmpty ? [] : [value]
            for i in frame.addresseeListTokens { items.append(source.string(tokens[i].content)) }
            value = items.map { item -> String in
                var v = item.trimmingSpaces
                while let last = v.last, last == "." || last == ";" || last == "," { v.removeLast() }
                return v
            }.filter { !$0.isEmpty }.joined(separator: "; ")
            header.addressee = value.trimmingSpaces
        }
        fillFromPage(&header, parser: parser)
        let (year, period) = Self.planYear(title: header.title, dateYear: header.date?.year)
        header.planYear = year
        header.planPeriod = period
        header.recipients = recipients()
        if !frame.closingRows.isEmpty {
            // Recipients in the left cells, the signature in the others.
            var titles: [String] = []
            var name: String?
            for i in frame.closingRows {
                for (k, c) in parser.cells(tokens[i]).enumerated() {
                    let text = source.string(c)
                    if k == 0 {
                        let item = text.lowercased().hasPrefix("nơi nhận") ? afterColon(text, dropping: "Nơi nhận") : text
                        if item.hasPrefix("-") || item.hasPrefix("+") { append(String(item.dropFirst()), to: &header.recipients) }
                    } else if parser.isSignatureTitle(c) {
                        titles.append(text)
                    } else if TextShape.isPersonName(source.bytes(c)) {
                        name = text
                    }
                }
            }
            header.signer = Signer(title: titles.isEmpty ? nil : titles.joined(separator: " "), name: name)
        }
        if !frame.signerTitleTokens.isEmpty || frame.signerNameToken != nil {
            let title = frame.signerTitleTokens.map { source.string(tokens[$0].line) }.joined(separator: " ")
            header.signer = Signer(
                title: title.isEmpty ? nil : title,
                name: frame.signerNameToken.map { source.string(tokens[$0].line) })
        }
        return (header, warnings)
    }

    /// What the letterhead leaves blank, from the page around it: the metadata block (`Số hiệu`,
    /// `Loại văn bản`, `Ngày ban hành`, `Cơ quan ban hành`, `Người ký`, `Trích yếu`), the code in
    /// the number (`/QĐ-` → `QUYẾT ĐỊNH`, `/UBND-VX` → `CÔNG VĂN`), the page's own title.
    private func fillFromPage(_ header: inout DocumentHeader, parser: FrameParser) {
        func value(_ key: LetterheadLines.MetaKey) -> String? {
            guard let m = frame.metadata.first(where: { $0.key == key }) else { return nil }
            let v = source.string(m.value).trimmingSpaces
            return v.isEmpty ? nil : v
        }
        if header.number == nil, let n = value(.number) { header.number = n }
        if header.kind == nil, let k = value(.kind) { header.kind = k.uppercased() }
        if header.kind == nil, let n = header.number { header.kind = LetterheadLines.kind(ofNumber: n) }
        if header.issuer == nil, let i = value(.issuer) { header.issuer = i }
        if header.title == nil, let p = frame.portalTitleToken {
            // `Kế hoạch số 18/KH-UBND ngày 08/01/2024 về thực hiện …`: the words after the kind.
            let text = source.string(source.tokens[p].content)
            let words = text.split(separator: " ", omittingEmptySubsequences: true)
            let kindWords = header.kind.map { $0.split(separator: " ").count } ?? 2
            if header.kind == nil {
                header.kind = words.prefix(2).joined(separator: " ").uppercased()
            }
            let rest = words.dropFirst(kindWords).joined(separator: " ")
            header.title = rest.isEmpty ? nil : AssignmentReader.capitalized(rest)
        }
        if header.title == nil, let t = value(.title) { header.title = t }
        if header.date == nil, let d = value(.date) {
            let bytes = Array(("ngày " + d).utf8)
            let parts = bytes.withUnsafeBufferPointer { DateReader(tokens: TimeTokenizer.tokens($0)).headerDate(at: 0) }
            if let parts { header.date = DocumentDate(day: parts.day, month: parts.month, year: parts.year) }
        }
        if header.signer == nil, let name = value(.signer) { header.signer = Signer(title: nil, name: name) }
    }

    private func recipients() -> [String] {
        var result: [String] = []
        let tokens = source.tokens
        if let first = frame.closing?.lowerBound, let r = (first..<(frame.closing?.upperBound ?? first)).first(where: {
            tokens[$0].keyword == .recipients
        }) {
            // `Nơi nhận: - Như trên; - Lưu: VT.` on one line.
            let rest = afterColon(source.string(tokens[r].content), dropping: "Nơi nhận")
            if !rest.isEmpty {
                for piece in Self.dashPieces(rest) { append(piece, to: &result) }
            }
        }
        var previousEnded = true
        var previousBullet = false
        for i in frame.recipientTokens {
            let t = tokens[i]
            let text = source.string(t.marker.upperBound..<t.line.upperBound)
            let ended = text.utf8.last == UInt8(ascii: ";") || text.utf8.last == UInt8(ascii: ".")
            // `- Các cơ quan chuyên môn thuộc UBND` / `huyện;`: a recipient wrapped onto a line
            // of its own (no dash, lower case) goes on; so does a capitalized word after a dashed
            // recipient (`- Các phòng, đơn vị thuộc` / `Sở;` in a PDF's narrow column) — where a
            // converter dropped every dash, a capitalized line is the next recipient.
            if !previousEnded, t.kind == .text, let first = TextShape.firstScalar(text.utf8),
                VietnameseText.isLowercase(first) || previousBullet, !result.isEmpty
            {
                var joined = result.removeLast() + " " + text
                while let last = joined.last, last == ";" || last == "." || last == "," || last == " " { joined.removeLast() }
                result.append(joined)
            } else {
                append(text, to: &result)
            }
            previousEnded = ended
            previousBullet = t.kind == .bullet
        }
        return result
    }

    private func append(_ item: String, to list: inout [String]) {
        let s = Self.listItem(item)
        if !s.isEmpty { list.append(s) }
    }

    // The helpers below read bytes when `VietnameseText.isPlainText` says every scalar is a
    // Character of its own (NFC Vietnamese, the usual header), and the `String` otherwise:
    // Character-wise `last`, `split` and `dropFirst` cost more than the rest of a header's
    // fields on every document. The `String` forms stay as the reference the tests compare with.

    /// A list item without its leading spaces and trailing `;`, `.`, `,` and spaces.
    static func listItem(_ item: String) -> String {
        item.withUTF8Bytes { b in
            guard VietnameseText.isPlainText(b) else { return listItemByCharacters(item) }
            var lo = 0
            var hi = b.count
            while lo < hi, b[lo] == 0x20 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x3B || b[hi - 1] == 0x2E || b[hi - 1] == 0x2C || b[hi - 1] == 0x20 { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
    }

    static func listItemByCharacters(_ item: String) -> String {
        var s = item.trimmingSpaces
        while let last = s.last, last == ";" || last == "." || last == "," || last == " " { s.removeLast() }
        return s
    }

    /// `text` split at each `- ` (`Như trên; - Lưu: VT.`), empty pieces kept.
    static func dashPieces(_ text: String) -> [String] {
        text.withUTF8Bytes { b in
            guard VietnameseText.isPlainText(b) else { return dashPiecesByCharacters(text) }
            var pieces: [String] = []
            var start = 0
            var i = 0
            while i + 1 < b.count {
                if b[i] == UInt8(ascii: "-"), b[i + 1] == 0x20 {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
                    i += 2
                    start = i
                } else {
                    i += 1
                }
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: b[start...]), as: UTF8.self))
            return pieces
        }
    }

    static func dashPiecesByCharacters(_ text: String) -> [String] {
        text.split(separator: "- ", omittingEmptySubsequences: false).map(String.init)
    }

    /// The text after the first `:` (and after `label` when there is no colon).
    private func afterColon(_ s: String, dropping label: String? = nil) -> String {
        Self.afterColon(s, dropping: label)
    }

    static func afterColon(_ s: String, dropping label: String? = nil) -> String {
        let plainLabel = label.map { l in l.withUTF8Bytes { VietnameseText.isPlainText($0) } } ?? true
        guard plainLabel else { return afterColonByCharacters(s, dropping: label) }
        return s.withUTF8Bytes { b in
            guard VietnameseText.isPlainText(b) else { return afterColonByCharacters(s, dropping: label) }
            var lo = 0
            if let colon = b.firstIndex(of: UInt8(ascii: ":")) {
                lo = colon + 1
            } else if let label {
                // Plain text: one Character is one scalar, one lead byte.
                var scalars = label.unicodeScalars.count
                var i = 0
                while i < b.count, scalars > 0 {
                    i += 1
                    while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
                    scalars -= 1
                }
                if scalars == 0 { lo = i }
            }
            var hi = b.count
            while lo < hi, b[lo] == 0x20 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
    }

    static func afterColonByCharacters(_ s: String, dropping label: String? = nil) -> String {
        if let colon = s.firstIndex(of: ":") {
            return String(s[s.index(after: colon)...]).trimmingSpaces
        }
        if let label, s.count >= label.count {
            return String(s.dropFirst(label.count)).trimmingSpaces
        }
        return s.trimmingSpaces
    }

    /// `Hưng Yên, ngày tháng 01 năm 2024` → place, date with blanks as nil, and a problem
    /// when the date cannot exist.
    static func parsePlaceDate(_ text: String) -> (String?, DocumentDate?, String?) {
        let bytes = Array(text.utf8)
        let folded = bytes.withUnsafeBufferPointer { VietnameseText.lowercased($0) }
        guard let dayWord = ByteSearch.find(folded, Self.dayWord) else { return (nil, nil, nil) }
        var place = String(decoding: bytes[..<dayWord], as: UTF8.self).trimmingSpaces
        while place.last == "," { place.removeLast() }
        place = place.trimmingSpaces
        let parts = bytes[dayWord...].withUnsafeBufferPointer { rest in
            DateReader(tokens: TimeTokenizer.tokens(rest)).headerDate(at: 0)
        }
        let date = DocumentDate(day: parts?.day, month: parts?.month, year: parts?.year)
        var problem: String?
        if let m = date.month, !(1...12).contains(m) {
            problem = "month \(m) in the document date does not exist"
        } else if let d = date.day, let m = date.month, let y = date.year, CalendarDate(year: y, month: m, day: d) == nil {
            problem = "the document date \(d)/\(m)/\(y) does not exist"
        } else if let d = date.day, !(1...31).contains(d) {
            problem = "day \(d) in the document date does not exist"
        }
        return (place.isEmpty ? nil : place, date, problem)
    }

    private static let dayWord = Array("ngày".utf8)  // "day"

    /// The title's `năm 2025`, or its period (`giai đoạn 2025-2026`, `năm 2025 - 2026`); else the date's year.
    static func planYear(title: String?, dateYear: Int?) -> (Int?, PlanPeriod?) {
        guard let title else { return (dateYear, nil) }
        let bytes = Array(VietnameseText.lowercased(title).utf8)
        var years: [(pos: Int, year: Int, rangeEnd: Int?, afterYearWord: Bool, afterPeriod: Bool)] = []
        var i = 0
        while i + 4 <= bytes.count {
            if isDigit(bytes[i]), i == 0 || !isDigit(bytes[i - 1]), i + 4 <= bytes.count,
                bytes[i..<(i + 4)].allSatisfy(isDigit), i + 4 == bytes.count || !isDigit(bytes[i + 4])
            {
                let y = bytes[i..<(i + 4)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                // A second year after a dash makes a range.
                var j = i + 4
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                var rangeEnd: Int?
                if j < bytes.count, bytes[j] == UInt8(ascii: "-") || (j + 2 < bytes.count && bytes[j] == 0xE2 && bytes[j + 1] == 0x80) {
                    j += bytes[j] == UInt8(ascii: "-") ? 1 : 3
                    while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                    if j + 4 <= bytes.count, bytes[j..<(j + 4)].allSatisfy(isDigit), j + 4 == bytes.count || !isDigit(bytes[j + 4]) {
                        rangeEnd = bytes[j..<(j + 4)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    }
                }
                let before = bytes[max(0, i - 16)..<i]
                let afterYearWord = endsLike(before, yearWord)  // "year"
                let afterPeriod = endsLike(before, periodWords[0]) || endsLike(before, periodWords[1])
                if (1900...2200).contains(y) {
                    years.append((i, y, rangeEnd, afterYearWord, afterPeriod))
                }
                i = rangeEnd != nil ? j + 4 : i + 4
                continue
            }
            i += 1
        }
        if let p = years.last(where: { $0.rangeEnd != nil && ($0.afterYearWord || $0.afterPeriod) }), let end = p.rangeEnd,
            end > p.year, end - p.year <= 20
        {
            // A plan "for the period" only when no single `năm YYYY` follows it.
            if !years.contains(where: { $0.afterYearWord && $0.rangeEnd == nil && $0.pos > p.pos }) {
                return (p.year, PlanPeriod(start: p.year, end: end))
            }
        }
        if let y = years.last(where: { $0.afterYearWord && $0.rangeEnd == nil }) { return (y.year, nil) }
        return (dateYear, nil)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static let yearWord = Array("năm ".utf8)
    private static let periodWords = [Array("giai đoạn ".utf8), Array("thời kỳ ".utf8)]

    /// Whether `window`, decoded, ends with `suffix` as `String.hasSuffix` says (by Characters,
    /// canonically equivalent). Compared byte for byte when every scalar of the window is a
    /// Character of its own in its only canonical form — ASCII, U+0080–U+02FF (below the
    /// combining marks) and Latin Extended Additional (U+1E00–U+1EFF), as in an NFC Vietnamese
    /// title — and asked of the decoded `String` otherwise: its backwards walk over Characters
    /// cost more than the rest of a title's year search, on every document.
    private static func endsLike(_ window: ArraySlice<UInt8>, _ suffix: [UInt8]) -> Bool {
        var k = window.startIndex
        var plain = true
        while k < window.endIndex {
            let b = window[k]
            if b < 0xC0 || (b >= 0xC2 && b <= 0xCB) {
                k += 1  // ASCII, a continuation byte, or the lead of U+0080–U+02FF
            } else if b == 0xE1, k + 1 < window.endIndex, window[k + 1] >= 0xB8, window[k + 1] <= 0xBB {
                k += 2
            } else {
                plain = false
                break
            }
        }
        guard plain else {
            return String(decoding: window, as: UTF8.self).hasSuffix(String(decoding: suffix, as: UTF8.self))
        }
        return window.count >= suffix.count && window.suffix(suffix.count).elementsEqual(suffix)
    }
}
