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
    var titleTokens: [Int] = []
    var addresseeToken: Int?

    /// Tokens of the closing block (`Nơi nhận` list and signature), if any.
    var closing: Range<Int>?
    var recipientTokens: [Int] = []
    var signerTitleTokens: [Int] = []
    var signerNameToken: Int?

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
        for i in 0..<stop {
            let t = tokens[i]
            if frame.numberToken == nil, t.keyword == .documentNumber {
                frame.numberToken = i
            } else if frame.placeDateTokens.isEmpty, let n = placeDateTokenCount(at: i) {
                frame.placeDateTokens = Array(i..<(i + n))
            } else if frame.kindToken == nil, t.kind == .text || t.kind == .tableRow, let end = kindEnd(t) {
                frame.kindToken = i
                frame.kindEnd = end
                frame.kind = source.string(t.content.lowerBound..<end)
                break
            }
        }
        // Letterhead rows flattened with ` | ` or tabs also carry number and date.
        if frame.numberToken == nil || frame.placeDateTokens.isEmpty {
            for i in 0..<(frame.kindToken ?? stop) where tokens[i].kind == .tableRow || containsPipe(tokens[i]) {
                if frame.numberToken == nil, cellStarting(tokens[i], with: "Số") != nil { frame.numberToken = i }
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
            last = k
            var j = k + 1
            let kindHasTitle = tokens[k].content.upperBound > frame.kindEnd
            var previousEndsSentence = false
            while j < stop {
                let t = tokens[j]
                guard t.kind == .text, t.keyword == .none, t.fieldRole == .none else { break }
                let firstTitleLine = j == k + 1 && !kindHasTitle
                if !firstTitleLine && t.afterBlank { break }
                let text = source.bytes(t.content)
                if text.count > 240 || previousEndsSentence { break }
                if let lastByte = text.last, lastByte == UInt8(ascii: ":") { break }
                previousEndsSentence = text.last == UInt8(ascii: ".")
                frame.titleTokens.append(j)
                last = j
                j += 1
            }
            if j < tokens.count, tokens[j].keyword == .addressee {
                frame.addresseeToken = j
                last = j
            }
        }
        for i in [frame.numberToken, frame.placeDateTokens.last].compactMap({ $0 }) where i > last { last = i }
        guard last >= 0 else { return }
        frame.header = 0..<(last + 1)
        let firstItem = [frame.numberToken, frame.placeDateTokens.first, frame.kindToken].compactMap { $0 }.min() ?? 0
        for i in 0..<firstItem where isIssuerLine(tokens[i]) { frame.issuerTokens.append(i) }
    }

    /// The end of the kind word when `t` is a kind line (`KẾ HOẠCH`, `BÁO CÁO Tình hình …`).
    private func kindEnd(_ t: LineToken) -> Int32? {
        let text = source.bytes(t.content)
        for kind in FrameParser.kinds where text.starts(with: kind) {
            let end = text.startIndex + kind.count
            if end == text.endIndex || text[end] == 0x20 || text[end] == 0x09 {
                return Int32(end)
            }
        }
        return nil
    }

    /// `Hưng Yên, ngày tháng 01 năm 2024`, also split over two lines (`…, ngày` / `12 tháng 3 năm 2024`).
    func placeDateTokenCount(at i: Int) -> Int? {
        let t = source.tokens[i]
        guard t.kind == .text, t.line.count < 120 else { return nil }
        let text = folded(t.content)
        guard let dayWord = ByteSearch.find(text, Array("ngày".utf8)) else { return nil }  // "day"
        let hasComma = text[..<dayWord].contains(UInt8(ascii: ","))
        guard hasComma || dayWord == 0 else { return nil }
        if ByteSearch.find(text, Array("năm".utf8)) != nil || ByteSearch.find(text, Array("/".utf8)) != nil { return 1 }
        // The date went to the next line.
        if i + 1 < source.tokens.count {
            let next = folded(source.tokens[i + 1].content)
            if ByteSearch.find(next, Array("năm".utf8)) != nil, next.count < 40 { return 2 }
        }
        return nil
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

    private func containsPipe(_ t: LineToken) -> Bool {
        source.bytes(t.line).contains(UInt8(ascii: "|"))
    }

    private func isIssuerLine(_ t: LineToken) -> Bool {
        guard t.kind == .text || t.kind == .tableRow else { return false }
        // In a flattened two-column letterhead the issuer is the left cell.
        let r = t.kind == .tableRow ? (cells(t).first ?? t.content) : t.content
        let f = folded(r)
        if ByteSearch.find(f, Array("cộng hòa".utf8)) != nil || ByteSearch.find(f, Array("cộng hoà".utf8)) != nil
            || ByteSearch.find(f, Array("độc lập".utf8)) != nil
        {
            return false
        }
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
                if t.kind == .bullet {
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
        } else {
            // No distribution list: a signature block may still end the body.
            if let sig = matchSignatureBackwards(before: appendixStart, limit: bodyStart) {
                frame.signerTitleTokens = sig.titles
                frame.signerNameToken = sig.name
                frame.closing = sig.start..<appendixStart
            }
        }
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
        let text = source.bytes(t.line)
        guard TextShape.isUppercase(text), TextShape.hasLetters(text) else { return false }
        let f = folded(t.line)
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
