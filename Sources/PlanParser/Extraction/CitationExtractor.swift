/// Finds citations of other documents: `Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ`.
///
/// The anchor is the document number (`76/NQ-CP`, `22/2020/QĐ-UBND`, `208-KH/TU`): digits,
/// an optional `/year`, a `/` or `-`, then an uppercase code. Only lines holding such a number
/// get any further work. The kind is read from the words before it (`Quyết định số`), else from
/// the code (`NQ` is a resolution); the date and issuer from the words after it.
struct CitationExtractor {
    private struct Entry {
        var kind: String
        var number: String
        var date: CalendarDate?
        var issuer: String?
        var lines: [Int]
    }

    /// Entries in order of first appearance, and where each key's entry is: lines are added
    /// in place, so a citation repeated on every line costs O(1) per line.
    private var entries: [Entry] = []
    private var index: [Key: Int] = [:]

    /// A citation's kind and number, compared as a pair (no string joined of them).
    private struct Key: Hashable {
        var kind: TextKey
        var number: TextKey
    }

    /// Every citation on the lines of `source`, in order of first appearance.
    static func extract(from source: TokenizedSource) -> [Citation] {
        var extractor = CitationExtractor()
        source.storage.withUnsafeBufferPointer { buf in
            for (k, t) in source.tokens.enumerated() {
                let line = UnsafeBufferPointer(rebasing: buf[Int(t.line.lowerBound)..<Int(t.line.upperBound)])
                // A number wrapped at its hyphen (`61/2018/NĐ-` / `CP ngày …`): read it whole.
                if k + 1 < source.tokens.count, line.count >= 3, line[line.count - 1] == UInt8(ascii: "-"),
                    SectionParser.joinsTight(line, source.bytes(source.tokens[k + 1].line))
                {
                    let next = source.bytes(source.tokens[k + 1].line)
                    var joined = Array(line)
                    joined += next.prefix { $0 != 0x20 }
                    joined.withUnsafeBufferPointer { extractor.scan($0, lineNumber: Int(t.number)) }
                    continue
                }
                extractor.scan(line, lineNumber: Int(t.number))
            }
        }
        return extractor.citations()
    }

    /// Kinds as printed before a number, lowercase → canonical spelling. Longest first.
    private static let kinds: [([UInt8], String)] = [
        ("thông tư liên tịch", "Thông tư liên tịch"),  // joint circular
        ("chương trình hành động", "Chương trình hành động"),  // action programme
        ("kế hoạch hành động", "Kế hoạch hành động"),  // action plan
        ("thông báo kết luận", "Thông báo kết luận"),  // notice of conclusions
        ("nghị quyết", "Nghị quyết"),  // resolution
        ("quyết định", "Quyết định"),  // decision
        ("kế hoạch", "Kế hoạch"),  // plan
        ("chỉ thị", "Chỉ thị"),  // directive
        ("thông tư", "Thông tư"),  // circular
        ("nghị định", "Nghị định"),  // decree
        ("công văn", "Công văn"),  // official letter
        ("công điện", "Công điện"),  // official telegram
        ("thông báo", "Thông báo"),  // notice
        ("quy định", "Quy định"),  // regulation
        ("quy chế", "Quy chế"),  // statute
        ("kết luận", "Kết luận"),  // conclusion
        ("chương trình", "Chương trình"),  // programme
        ("báo cáo", "Báo cáo"),  // report
        ("tờ trình", "Tờ trình"),  // submission
        ("hướng dẫn", "Hướng dẫn"),  // guidance
        ("đề án", "Đề án"),  // scheme
        ("pháp lệnh", "Pháp lệnh"),  // ordinance
        ("luật", "Luật"),  // law
        ("văn bản", "Văn bản"),  // document
    ].map { (Array($0.0.utf8), $0.1) }

    /// Document-type codes in numbers (`76/NQ-CP`) → kind; a number without one is an official letter.
    private static let codes: [([UInt8], String)] = [
        ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("KH", "Kế hoạch"), ("CT", "Chỉ thị"), ("TT", "Thông tư"),
        ("TTLT", "Thông tư liên tịch"), ("NĐ", "Nghị định"), ("TB", "Thông báo"), ("BC", "Báo cáo"), ("CĐ", "Công điện"),
        ("KL", "Kết luận"), ("CTr", "Chương trình"), ("TTr", "Tờ trình"), ("HD", "Hướng dẫn"), ("QC", "Quy chế"),
        ("QyĐ", "Quy định"), ("ĐA", "Đề án"), ("L", "Luật"), ("PL", "Pháp lệnh"),
    ].map { (Array($0.0.utf8), $0.1) }

    // Words that end an issuer name (`của Chính phủ về …`).
    private static let issuerStops: [[UInt8]] = [
        "về", "ban hành", "phê duyệt", "quy định", "triển khai", "sửa đổi", "hướng dẫn", "đã", "gắn", "trên", "tại",
        "và", "nhằm", "theo", "để", "giao", "phân công", "thực hiện", "tiếp tục", "ngày", "đối với", "trong", "với",
        "khóa", "khoá",
    ].map { Array($0.utf8) }

    private static let numberWord = Array("số".utf8)  // "number" (Quyết định số …)
    private static let ofWord = Array("của ".utf8)  // "of" (… của Chính phủ)

    /// Scans one cleaned line.
    mutating func scan(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) {
        let n = line.count
        var i = 0
        while true {
            i = ByteSearch.firstDigit(in: line, from: i)
            guard i < n else { break }
            if i > 0, isWordByte(line[i - 1]) {
                while i < n, line[i] >= 0x30, line[i] <= 0x39 { i += 1 }
                continue
            }
            if let end = DocumentNumberReader.end(line, from: i) {
                record(line, start: i, end: end, lineNumber: lineNumber)
                i = end
            } else {
                while i < n, line[i] >= 0x30, line[i] <= 0x39 { i += 1 }
            }
        }
    }

    /// Citations in order of first appearance.
    func citations() -> [Citation] {
        entries.map {
            Citation(kind: $0.kind, number: $0.number, date: $0.date, issuer: $0.issuer, lines: $0.lines)
        }
    }

    // MARK: - Number

    private func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
            || b == UInt8(ascii: "/") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    // MARK: - Context

    private mutating func record(_ s: UnsafeBufferPointer<UInt8>, start: Int, end: Int, lineNumber: Int) {
        let number = String(decoding: UnsafeBufferPointer(rebasing: s[start..<end]), as: UTF8.self)
        let kind = printedKind(s, before: start) ?? kindFromCode(UnsafeBufferPointer(rebasing: s[start..<end]))
        let key = Key(kind: TextKey(kind), number: TextKey(number))
        guard let k = index[key] else {
            let (date, afterDate) = dateAfter(s, end)
            index[key] = entries.count
            entries.append(Entry(kind: kind, number: number, date: date, issuer: issuerAfter(s, afterDate), lines: [lineNumber]))
            return
        }
        if entries[k].lines.last != lineNumber { entries[k].lines.append(lineNumber) }
        // Date and issuer are read again only while still unknown.
        if entries[k].date == nil || entries[k].issuer == nil {
            let (date, afterDate) = dateAfter(s, end)
            if entries[k].date == nil { entries[k].date = date }
            if entries[k].issuer == nil { entries[k].issuer = issuerAfter(s, afterDate) }
        }
    }

    /// `Quyết định số 22/…`, `các Nghị định: số 107/…`, `Thông báo 08/…`.
    private func printedKind(_ s: UnsafeBufferPointer<UInt8>, before start: Int) -> String? {
        // Lowercased in a temporary buffer, not an array. The window may start inside a
        // character; those bytes are kept as they are, and no kind can match across them.
        let lo = max(0, start - 48)
        return VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: s[lo..<start])) { window -> String? in
            var end = window.count
            func endsWith(_ words: [UInt8]) -> Bool {
                // The last byte first: most kinds end otherwise.
                guard end >= words.count, window[end - 1] == words[words.count - 1] else { return false }
                let k = end - words.count
                for j in 0..<(words.count - 1) where window[k + j] != words[j] { return false }
                return true
            }
            func dropSpaces() { while end > 0, window[end - 1] == 0x20 || window[end - 1] == UInt8(ascii: ":") { end -= 1 } }
            dropSpaces()
            if endsWith(Self.numberWord) {
                end -= Self.numberWord.count
                dropSpaces()
            }
            for (words, canonical) in Self.kinds where endsWith(words) {
                let k = end - words.count
                if k == 0 || window[k - 1] == 0x20 || window[k - 1] == UInt8(ascii: "(") { return canonical }
            }
            return nil
        }
    }

    private func kindFromCode(_ number: UnsafeBufferPointer<UInt8>) -> String {
        // The code is what follows the digits (and year): `NQ-CP`, `QĐ-UBND`, `KH/TU`. A number
        // is ASCII up to its code, which starts with a letter and whose separators are ASCII,
        // so bytes split it as characters would.
        var lo = 0
        while lo < number.count, number[lo] &- 0x30 < 10 || number[lo] == UInt8(ascii: "/") || number[lo] == UInt8(ascii: "-") {
            lo += 1
        }
        var hi = lo
        while hi < number.count, number[hi] != UInt8(ascii: "-"), number[hi] != UInt8(ascii: "/"), number[hi] != UInt8(ascii: ".") {
            hi += 1
        }
        let first = UnsafeBufferPointer(rebasing: number[lo..<hi])
        for (code, kind) in Self.codes where code.elementsEqual(first) { return kind }
        return "Công văn"
    }

    /// `ngày 15/7/2021`, `ngày 08 tháng 4 năm 2020` right after the number.
    private func dateAfter(_ s: UnsafeBufferPointer<UInt8>, _ start: Int) -> (CalendarDate?, Int) {
        var i = start
        while i < s.count, s[i] == 0x20 || s[i] == UInt8(ascii: ",") { i += 1 }
        // A date is at most ~30 bytes (`ngày 15 tháng 12 năm 2021`); look no further.
        let window = UnsafeBufferPointer(rebasing: s[i..<min(s.count, i + 40)])
        guard let (date, length) = DateReader.completeDate(atStartOf: window) else { return (nil, start) }
        return (date, i + length)
    }

    /// `của Chính phủ về …` → `Chính phủ`.
    private func issuerAfter(_ s: UnsafeBufferPointer<UInt8>, _ start: Int) -> String? {
        let n = s.count
        var i = start
        while i < n, s[i] == 0x20 { i += 1 }
        let of = Self.ofWord
        guard i + of.count < n,
            VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: s[i..<(i + of.count)]), { ByteSearch.hasPrefix($0, of) })
        else { return nil }
        i += of.count
        let nameStart = i
        var end = i
        var words = 0
        while i < n, words < 12 {
            // At a word start: stop at a stop word (lowercased in a temporary buffer, no array).
            let stops = VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: s[i..<min(n, i + 16)])) { rest -> Bool in
                for stop in Self.issuerStops where ByteSearch.hasPrefix(rest, stop) {
                    if rest.count == stop.count || rest[stop.count] == 0x20 || rest[stop.count] == UInt8(ascii: ",") { return true }
                }
                return false
            }
            if stops { return finish(s, nameStart, end) }
            var j = i
            while j < n, s[j] != 0x20 {
                let b = s[j]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "(")
                    || b == UInt8(ascii: ")") || (b == UInt8(ascii: ".") && (j + 1 == n || s[j + 1] == 0x20))
                {
                    return finish(s, nameStart, j > i ? j : end)
                }
                j += 1
            }
            end = j
            words += 1
            i = j
            while i < n, s[i] == 0x20 { i += 1 }
        }
        return finish(s, nameStart, end)
    }

    private func finish(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> String? {
        guard hi > lo else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: s[lo..<hi]), as: UTF8.self).trimmingSpaces
        return name.isEmpty ? nil : name
    }
}
