/// Where the header, the closing block and the body lie in the token list.
struct DocumentFrame: Sendable {
    /// Tokens of the header block (letterhead, number, date, kind, title, addressee).
    var header: Range<Int> = 0..<0
    var issuerTokens: [Int] = []
    var numberToken: Int?
    var placeDateTokens: [Int] = []
    var kindToken: Int?
    /// Byte offset inside the kind token where the kind word ends.
    var kindEnd: Int32 = 0
    var kind: String?
    /// The second line of a kind word written over two (`QUYẾT` / `ĐỊNH`).
    var kindLastToken: Int?
    var titleTokens: [Int] = []
    var addresseeToken: Int?
    /// The list after a bare `Kính gửi:` (`- Sở Y tế;` …).
    var addresseeListTokens: [Int] = []
    /// A web page's own title above the letterhead (`Kế hoạch … năm 2024`), when the text has
    /// no kind line.
    var portalTitleToken: Int?
    /// A portal's metadata block (`| Số hiệu | 0155/KH-UBND |`, `Ngày ban hành 29/03/2024`).
    var metadata: [Metadata] = []

    struct Metadata: Sendable {
        var key: LetterheadLines.MetaKey
        var token: Int
        /// The value's bytes in the tokenizer's storage.
        var value: Range<Int32>
    }

    /// Tokens of the closing block (`Nơi nhận` list and signature), if any.
    var closing: Range<Int>?
    var recipientTokens: [Int] = []
    var signerTitleTokens: [Int] = []
    var signerNameToken: Int?
    /// The closing block written as table rows (recipients left, signature right).
    var closingRows: [Int] = []

    /// The token ranges the section tree is built from: the body between header and closing,
    /// then what follows the closing (an appendix).
    func bodyRanges(tokenCount: Int) -> [Range<Int>] {
        guard let closing else { return [header.upperBound..<tokenCount] }
        return [header.upperBound..<closing.lowerBound, closing.upperBound..<tokenCount]
    }

    /// The closing block's lines, when there is one.
    func closing(in source: TokenizedSource) -> Closing? {
        guard let c = closing, !c.isEmpty else { return nil }
        return Closing(line: Int(source.tokens[c.lowerBound].number), endLine: Int(source.tokens[c.upperBound - 1].number))
    }
}

/// Finds the document's frame: the header at the top, the closing block near the end.
/// What lies between (and after, for appendices) is the body, parsed by ``SectionParser``.
struct FrameParser {
    let source: TokenizedSource

    /// Document kinds, longest first (uppercase as printed on the kind line).
    static let kinds = [
        "KẾ HOẠCH HÀNH ĐỘNG",  // action plan
        "KẾ HOẠCH",  // plan
        "BÁO CÁO",  // report
        "QUYẾT ĐỊNH",  // decision
        "NGHỊ QUYẾT",  // resolution
        "CHƯƠNG TRÌNH HÀNH ĐỘNG",  // action programme
        "CHƯƠNG TRÌNH",  // programme
        "THÔNG BÁO",  // notice
        "TỜ TRÌNH",  // submission
        "CÔNG VĂN",  // official letter
        "CHỈ THỊ",  // directive
        "HƯỚNG DẪN",  // guidance
        "ĐỀ ÁN",  // scheme
        "KẾT LUẬN",  // conclusion
        "QUY CHẾ",  // regulation
        "QUY ĐỊNH",  // rule
    ].map { Array($0.utf8) }

    /// How many tokens from the top may still belong to the header.
    static let headerWindow = 30

    func parse() -> DocumentFrame {
        var frame = DocumentFrame()
        findHeader(&frame)
        findClosing(&frame)
        return frame
    }

    // MARK: - Header

    private func findHeader(_ frame: inout DocumentFrame) {
        let tokens = source.tokens
        let window = min(tokens.count, FrameParser.headerWindow)
        var stop = window
        for i in 0..<window {
            let t = tokens[i]
            if t.kind == .heading && t.style != .upperLetter || t.keyword == .basis || t.keyword == .recipients
                || t.keyword == .appendix
            {
                stop = i
                break
            }
        }
        // `metadata` folds a line; the loops below ask again whether the lines the first one read
        // are fields (0 not read, 1 no field, 2 a field). Bytes, not optionals: an array of a
        // type no other code uses has its metadata made at run time, once per process.
        var fieldState = [UInt8](repeating: 0, count: stop)
        func isField(_ i: Int) -> Bool {
            if i < fieldState.count, fieldState[i] != 0 { return fieldState[i] == 2 }
            let field = metadata(tokens[i]) != nil
            if i < fieldState.count { fieldState[i] = field ? 2 : 1 }
            return field
        }
        for i in 0..<stop {
            let t = tokens[i]
            let field = metadata(t)
            fieldState[i] = field == nil ? 1 : 2
            if let (key, value) = field {
                // A portal's metadata block: its fields only fill what the letterhead leaves blank.
                frame.metadata.append(DocumentFrame.Metadata(key: key, token: i, value: value))
                continue
            }
            if frame.numberToken == nil, t.keyword == .documentNumber {
                frame.numberToken = i
            } else if frame.placeDateTokens.isEmpty, let n = placeDateTokenCount(at: i) {
                frame.placeDateTokens = Array(i..<(i + n))
                if let p = placeStart(before: i) { frame.placeDateTokens.insert(p, at: 0) }
            } else if frame.kindToken == nil, t.kind == .text || t.kind == .tableRow, let end = kindEnd(t) {
                frame.kindToken = i
                frame.kindEnd = end
                frame.kind = source.string(t.content.lowerBound..<end)
                break
            } else if frame.kindToken == nil, let (kind, end) = splitKind(at: i, stop: stop) {
                // `QUYẾT` / `ĐỊNH`: the kind word over two lines.
                frame.kindToken = i
                frame.kindLastToken = i + 1
                frame.kindEnd = end
                frame.kind = kind
                break
            }
        }
        // Letterhead rows flattened with ` | ` or tabs also carry number and date.
        if frame.numberToken == nil || frame.placeDateTokens.isEmpty {
            for i in 0..<(frame.kindToken ?? stop) where (tokens[i].kind == .tableRow || containsPipe(tokens[i])) && !isField(i) {
                if frame.numberToken == nil, cellStarting(tokens[i], with: "Số:") != nil || cellStarting(tokens[i], with: "Số ") != nil {
                    frame.numberToken = i
                }
                if frame.placeDateTokens.isEmpty, let cell = placeDateCell(tokens[i]) {
                    // `Số: 05/KH-STP | Quảng Nam, ngày` / `10 tháng 01 năm 2025`.
                    if ByteSearch.find(folded(cell), Array("năm".utf8)) == nil, i + 1 < tokens.count,
                        ByteSearch.find(folded(tokens[i + 1].content), Array("năm".utf8)) != nil, tokens[i + 1].line.count < 40
                    {
                        frame.placeDateTokens = [i, i + 1]
                    } else {
                        frame.placeDateTokens = [i]
                    }
                }
            }
        }
        var last = -1
        if let k = frame.kindToken {
            let kindLine = frame.kindLastToken ?? k
            last = kindLine
            var j = kindLine + 1
            let kindHasTitle = tokens[kindLine].content.upperBound > frame.kindEnd
            var previousEndsSentence = false
            var titleBytes = kindHasTitle ? Int(tokens[kindLine].content.upperBound - frame.kindEnd) : 0
            var sentenceCase = kindHasTitle
            while j < stop {
                let t = tokens[j]
                guard t.kind == .text, t.keyword == .none, t.fieldRole == .none, !isField(j) else { break }
                let firstTitleLine = j == kindLine + 1 && !kindHasTitle
                if !firstTitleLine && t.afterBlank { break }
                let text = source.bytes(t.content)
                // A one-line title may be long; a title's later lines are wrapped pieces.
                if text.count > (firstTitleLine ? 1000 : 240) || previousEndsSentence { break }
                if let lastByte = text.last, lastByte == UInt8(ascii: ":") { break }
                if !firstTitleLine, endsTitle(t, afterSentenceCase: sentenceCase) { break }
                if titleBytes + text.count > 900 { break }
                titleBytes += text.count
                if !TextShape.isUppercase(text) { sentenceCase = true }
                previousEndsSentence = text.last == UInt8(ascii: ".")
                frame.titleTokens.append(j)
                last = j
                j += 1
            }
            if j < tokens.count, tokens[j].keyword == .addressee {
                frame.addresseeToken = j
                last = j
            }
        } else {
            // No kind line (a letter): the subject line (`V/v …`), or the line after the date.
            // Token indices are never negative: -1 stands for none (no array of optionals to build).
            let afterNumber = max(frame.numberToken ?? -1, frame.placeDateTokens.last ?? -1)
            frame.titleTokens = subjectTokens(stop: stop, after: afterNumber >= 0 ? afterNumber : nil)
            if frame.titleTokens.isEmpty, let portal = portalTitle(stop: stop) { frame.portalTitleToken = portal }
            last = max(last, frame.titleTokens.last ?? -1, frame.portalTitleToken ?? -1)
        }
        if frame.addresseeToken == nil, let a = (0..<stop).first(where: { tokens[$0].keyword == .addressee }) {
            frame.addresseeToken = a
        }
        if let a = frame.addresseeToken {
            // `Kính gửi:` followed by `- Sở Y tế;` `- Sở Giáo dục và Đào tạo;` …
            var j = a + 1
            while j < tokens.count, tokens[j].kind == .bullet, tokens[j].line.count < 160 {
                frame.addresseeListTokens.append(j)
                j += 1
            }
            last = max(last, frame.addresseeListTokens.last ?? a)
        }
        last = max(last, frame.numberToken ?? -1, frame.placeDateTokens.last ?? -1, frame.metadata.last?.token ?? -1)
        guard last >= 0 else { return }
        frame.header = 0..<(last + 1)
        let firstSeen = min(frame.numberToken ?? .max, frame.placeDateTokens.first ?? .max, frame.kindToken ?? .max)
        let firstItem = firstSeen == .max ? 0 : firstSeen
        for i in 0..<firstItem where isIssuerLine(tokens[i]) && !isField(i) { frame.issuerTokens.append(i) }
    }

    /// The end of the kind word when `t` is a kind line (`KẾ HOẠCH`, `BÁO CÁO Tình hình …`).
    func kindEnd(_ t: LineToken) -> Int32? {
        let text = source.bytes(t.content)
        return Self.kindLength(text).map { Int32(text.startIndex + $0) }
    }

    /// The length of the document kind `text` starts with (a whole word), if it does.
    static func kindLength(_ text: ArraySlice<UInt8>) -> Int? {
        // Most lines start with none of the kinds' first letters: one byte answers for them.
        guard let first = text.first, isKindInitial[Int(first)] else { return nil }
        for kind in kinds where text.starts(with: kind) {
            let end = text.startIndex + kind.count
            if end == text.endIndex || text[end] == 0x20 || text[end] == 0x09 { return kind.count }
        }
        return nil
    }

    /// By first byte: whether a kind starts with it.
    static let isKindInitial: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for kind in kinds { table[Int(kind[0])] = true }
        return table
    }()

    /// `Hưng Yên, ngày tháng 01 năm 2024`, also split over two lines (`…, ngày` / `12 tháng 3 năm 2024`).
    func placeDateTokenCount(at i: Int) -> Int? {
        let t = source.tokens[i]
        guard t.kind == .text, t.line.count < 120 else { return nil }
        let text = folded(t.content)
        guard let dayWord = ByteSearch.find(text, Array("ngày".utf8)) else { return nil }  // "day"
        let hasComma = text[..<dayWord].contains(UInt8(ascii: ","))
        guard hasComma || dayWord == 0 else { return nil }
        guard isPlaceDate(text, dayWord: dayWord) else { return nil }
        // `…, ngày 24 tháng 02 năm` / `2025`: a narrow letterhead column wrapped the year.
        if text.count > Self.yearWord.count, text.suffix(Self.yearWord.count).elementsEqual(Self.yearWord),
            i + 1 < source.tokens.count, Self.isYearAlone(folded(source.tokens[i + 1].content))
        {
            return 2
        }
        if ByteSearch.find(text, Array("năm".utf8)) != nil || ByteSearch.find(text, Array("/".utf8)) != nil { return 1 }
        // The date went to the next line.
        if i + 1 < source.tokens.count {
            let next = folded(source.tokens[i + 1].content)
            if ByteSearch.find(next, Array("năm".utf8)) != nil, next.count < 40 { return 2 }
        }
        return nil
    }

    private static let yearWord = Array(" năm".utf8)  // " year"
    private static let countryName = Array("việt nam".utf8)  // "Vietnam"
    /// Tails of the motto a narrow letterhead column wraps off (`CỘNG HÒA XÃ HỘI CHỦ` / `NGHĨA VIỆT NAM`).
    private static let mottoTails = [
        "nghĩa việt nam",  // "-ist Vietnam"
        "chủ nghĩa",  // "socialist" (`CỘNG HÒA XÃ HỘI` / `CHỦ NGHĨA` / `VIỆT NAM`)
    ].map { Array($0.utf8) }

    /// `2025`: four digits, nothing else (a year a wrapped date line left on its own).
    static func isYearAlone(_ text: [UInt8]) -> Bool {
        var t = text[...]
        while let l = t.last, l == 0x20 || l == UInt8(ascii: "|") { t = t.dropLast() }
        while let f = t.first, f == 0x20 || f == UInt8(ascii: "|") { t = t.dropFirst() }
        return t.count == 4 && t.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (t.first == 0x31 || t.first == 0x32)
    }

    /// The cell of a letterhead row holding `Place, ngày …`.
    func placeDateCell(_ t: LineToken) -> Range<Int32>? {
        for cell in cells(t) {
            let f = folded(cell)
            if let dayWord = ByteSearch.find(f, Array("ngày".utf8)), f[..<dayWord].contains(UInt8(ascii: ",")) {
                return cell
            }
        }
        return nil
    }

    func cellStarting(_ t: LineToken, with word: String) -> Range<Int32>? {
        let w = Array(VietnameseText.lowercased(word).utf8)
        for cell in cells(t) where folded(cell).starts(with: w) { return cell }
        return nil
    }

    /// Cells of a letterhead row split on tabs or ` | `.
    func cells(_ t: LineToken) -> [Range<Int32>] {
        var result: [Range<Int32>] = []
        let bytes = source.storage
        var start = Int(t.line.lowerBound)
        let end = Int(t.line.upperBound)
        var i = start
        func push(_ a: Int, _ b: Int) {
            var lo = a
            var hi = b
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 || bytes[lo] == UInt8(ascii: "|") { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 || bytes[hi - 1] == UInt8(ascii: "|") { hi -= 1 }
            if hi > lo { result.append(Int32(lo)..<Int32(hi)) }
        }
        while i < end {
            if bytes[i] == 0x09 || bytes[i] == UInt8(ascii: "|") {
                push(start, i)
                start = i + 1
            }
            i += 1
        }
        push(start, end)
        return result
    }

    func containsPipe(_ t: LineToken) -> Bool {
        source.bytes(t.line).contains(UInt8(ascii: "|"))
    }

    private func isIssuerLine(_ t: LineToken) -> Bool {
        guard t.kind == .text || t.kind == .tableRow else { return false }
        // In a flattened two-column letterhead the issuer is the left cell.
        let r = t.kind == .tableRow ? (cells(t).first ?? t.content) : t.content
        let f = folded(r)
        // The national motto, also in pieces (`CHỦ NGHĨA VIỆT NAM`), is no issuer.
        if LetterheadLines.containsAny(f, LetterheadLines.motto) { return false }
        // `CỘNG HÒA XÃ HỘI CHỦ NGHĨA` / `VIỆT NAM`: the motto's last words alone on their line.
        if f.elementsEqual(Self.countryName) || Self.mottoTails.contains(where: { f.elementsEqual($0) }) { return false }
        return TextShape.isUppercase(source.bytes(r)) && TextShape.hasLetters(source.bytes(r))
    }

    // MARK: - Closing

    private func findClosing(_ frame: inout DocumentFrame) {
        let tokens = source.tokens
        let bodyStart = frame.header.upperBound
        let appendixStart = tokens.indices.dropFirst(bodyStart).first { tokens[$0].keyword == .appendix } ?? tokens.count
        var recipients: Int?
        for i in bodyStart..<appendixStart where tokens[i].keyword == .recipients {
            recipients = i
            break
        }
        if let r = recipients {
            var j = r + 1
            while j < appendixStart {
                let t = tokens[j]
                // `- Sở Nội vụ;`, or without its dash where the converter dropped Word's bullets
                // (docx2txt, antiword): a short line ending with `;` or `.` before the signature.
                if t.kind == .bullet || t.kind == .text && !isSignatureTitle(t) && isBareRecipient(t) {
                    frame.recipientTokens.append(j)
                    j += 1
                    continue
                }
                break
            }
            var end = j - 1
            var start = r
            if let sig = matchSignature(from: j, limit: appendixStart) {
                frame.signerTitleTokens = sig.titles
                frame.signerNameToken = sig.name
                end = sig.end
            } else if let sig = matchSignatureBackwards(before: r, limit: bodyStart) {
                frame.signerTitleTokens = sig.titles
                frame.signerNameToken = sig.name
                start = sig.start
            }
            frame.closing = start..<(end + 1)
        } else if let rows = closingRows(from: bodyStart, to: appendixStart) {
            // `| Nơi nhận: | KT. CHỦ TỊCH |` / `| - Như Điều 3; | PHÓ CHỦ TỊCH |`: the block as table rows.
            frame.closingRows = Array(rows)
            frame.closing = rows
        } else {
            // No distribution list: a signature block may still end the body.
            if let sig = matchSignatureBackwards(before: appendixStart, limit: bodyStart) {
                frame.signerTitleTokens = sig.titles
                frame.signerNameToken = sig.name
                frame.closing = sig.start..<appendixStart
            }
        }
    }

    private func isBareRecipient(_ t: LineToken) -> Bool {
        guard t.keyword == .none, t.line.count <= 120, let last = source.bytes(t.line).last else { return false }
        return last == UInt8(ascii: ";") || last == UInt8(ascii: ".")
    }

    private func matchSignature(from i: Int, limit: Int) -> (titles: [Int], name: Int?, end: Int)? {
        var titles: [Int] = []
        var j = i
        while j < limit, titles.count < 5, isSignatureTitle(source.tokens[j]) {
            titles.append(j)
            j += 1
        }
        guard !titles.isEmpty else { return nil }
        while j < limit, isSignedNote(source.tokens[j]) { j += 1 }
        if j < limit, isName(source.tokens[j]) { return (titles, j, j) }
        return (titles, nil, j - 1)
    }

    /// A signature block that ends right before `end`: titles, optional `(Đã ký)`, a name.
    private func matchSignatureBackwards(before end: Int, limit: Int) -> (titles: [Int], name: Int?, start: Int)? {
        var j = end - 1
        guard j >= limit else { return nil }
        var name: Int?
        if isName(source.tokens[j]) {
            name = j
            j -= 1
        }
        while j >= limit, isSignedNote(source.tokens[j]) { j -= 1 }
        var titles: [Int] = []
        while j >= limit, titles.count < 5, isSignatureTitle(source.tokens[j]) {
            titles.insert(j, at: 0)
            j -= 1
        }
        guard !titles.isEmpty else { return nil }
        if name == nil, titles.last != end - 1 { return nil }
        return (titles, name, titles[0])
    }

    // Words that make an uppercase line a signer's title.
    private static let signerWords = [
        "giám đốc",  // director
        "chủ tịch",  // chairman
        "trưởng",  // head
        "bí thư",  // party secretary
        "chánh",  // chief
        "ủy ban",  // committee (TM. ỦY BAN NHÂN DÂN)
        "uỷ ban",  // committee (old spelling)
    ].map { Array($0.utf8) }
    // Prefixes of signing on behalf of: KT. (ký thay), TM. (thay mặt), Q. (quyền), TL. (thừa lệnh).
    private static let signerPrefixes = ["kt.", "tm.", "q.", "tl.", "ktl.", "kt ", "tm "].map { Array($0.utf8) }

    func isSignatureTitle(_ t: LineToken) -> Bool {
        guard t.kind == .text || t.kind == .heading && t.style == .upperLetter, t.line.count <= 90 else { return false }
        return isSignatureTitle(t.line)
    }

    /// Whether the text at `r` is a signer's title (`KT. CHỦ TỊCH`, `PHÓ GIÁM ĐỐC`).
    func isSignatureTitle(_ r: Range<Int32>) -> Bool {
        guard r.count <= 90 else { return false }
        let text = source.bytes(r)
        guard TextShape.isUppercase(text), TextShape.hasLetters(text) else { return false }
        let f = folded(r)
        for p in FrameParser.signerPrefixes where f.starts(with: p) { return true }
        for w in FrameParser.signerWords where ByteSearch.find(f, w) != nil { return true }
        return false
    }

    /// `(Đã ký)`, `(đã ký và đóng dấu)`, `[daky]`: notes between the title and the name.
    private func isSignedNote(_ t: LineToken) -> Bool {
        guard t.kind == .text, t.line.count < 40 else { return false }
        let f = folded(t.line)
        return f.first == UInt8(ascii: "(") || f.first == UInt8(ascii: "[")
            ? ByteSearch.find(f, Array("ký".utf8)) != nil || ByteSearch.find(f, Array("daky".utf8)) != nil : false
    }

    /// A person's name: 2–6 capitalized words, no digits or punctuation.
    func isName(_ t: LineToken) -> Bool {
        guard t.kind == .text, t.line.count <= 60 else { return false }
        return TextShape.isPersonName(source.bytes(t.line))
    }

    // MARK: - Helpers

    func folded(_ r: Range<Int32>) -> [UInt8] {
        source.storage.withUnsafeBufferPointer {
            VietnameseText.lowercased(UnsafeBufferPointer(rebasing: $0[Int(r.lowerBound)..<Int(r.upperBound)]))
        }
    }
}
