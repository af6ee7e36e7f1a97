/// Cuts texts into ``DiffToken``s, applying the ``YearShiftRule``.
///
/// A word is a run of letters and digits; everything else (spaces, punctuation, dashes,
/// `/`, `:`) separates words and is dropped. Letters are lowercased with
/// ``VietnameseText/lowercase(_:)``, so `CÔNG TÁC` = `Công tác`; numbers lose their leading
/// zeros (`01` = `1`).
///
/// A **citation** — a document number such as `59/2024/NĐ-CP`, `76/NQ-CP`, `208-KH/TU`
/// (digits, an optional `/year`, `/` or `-`, a code of at least two letters starting with
/// an uppercase letter), with the `ngày 15/7/2021` or `ngày 15 tháng 7 năm 2021` that
/// follows it — is **one** token: lowercase, the number without leading zeros, the date
/// written `@2021-7-15` (`59/2024/nđ-cp@2024-5-15`). It is a fixed reference: its years
/// never shift, and it weighs as one word in the title similarity.
///
/// Every other number from 1900 to 2199 is a year. Whether it moves with the plan year is
/// decided by ``YearShiftRule`` from the words around it (a standard's `9001:2015`, a period
/// after `giai đoạn`, a full date); a year that moves gets a relative form (`y+0`, `y-1`).
///
/// - Precondition: none; a text with combining marks (NFD) is composed (NFC) first. Texts
///   from ``PlanDocument/parse(bytes:path:maxBytes:)`` are already NFC, so this costs a scan
///   for the bytes `0xCC`/`0xCD` (Vietnamese NFC text has none; decomposed marks start with them).
/// - Postcondition: every token has a non-empty word.
struct DiffTokenizer {
    let words: WordTable
    /// The plan year that years are made relative to (`nil`: years stay absolute only).
    let baseYear: Int?
    private let rule: YearShiftRule?
    /// Buffers reused from text to text (a tokenizer serves one thread, like its table).
    private let scratch = Scratch()

    private final class Scratch {
        @exclusivity(unchecked) var raw = RawWords()
    }

    init(words: WordTable, baseYear: Int?) {
        self.words = words
        self.baseYear = baseYear
        rule = baseYear.map { YearShiftRule(planYear: $0) }
    }

    /// The tokens of `text`.
    /// - Complexity: O(n) in the length of `text`.
    func tokens(_ text: String) -> [DiffToken] {
        var result: [DiffToken] = []
        scan(text) { token, _ in result.append(token) }
        return result
    }

    /// Whether a year of a time milestone moves with the plan (see ``YearShiftRule``):
    /// `fullDate` for the day of a deadline or date, else a month, quarter or year.
    func shifts(year: Int, fullDate: Bool) -> Bool {
        guard let rule else { return false }
        return fullDate ? rule.dateShifts(year: year) : rule.plainYearShifts(year)
    }

    /// Calls `body` with each token of `text` and its byte range in
    /// ``composed(_:)``(`text`), in order. A citation's range covers its date.
    func scan(_ text: String, _ body: (DiffToken, Range<Int>) -> Void) {
        var copy = Self.composed(text)
        copy.withUTF8 { bytes in
            scratch.raw.collect(bytes)
            emit(scratch.raw, bytes, body)
        }
    }

    /// `text` in NFC when it holds a combining mark's lead byte, else `text` itself.
    static func composed(_ text: String) -> String {
        var copy = text
        let needs = copy.withUTF8 { bytes in
            for b in bytes where b & 0xFE == 0xCC { return true }
            return false
        }
        return needs ? CanonicalComposition.composed(text) : text
    }

    // MARK: - Years

    private func emit(_ raw: RawWords, _ bytes: UnsafeBufferPointer<UInt8>, _ body: (DiffToken, Range<Int>) -> Void) {
        // Whether each year moves with the plan, decided per word (a period decides two).
        var decided: [Int: Bool] = [:]
        for k in raw.items.indices {
            let w = raw.items[k]
            let id = raw.buffer.withUnsafeBufferPointer { words.id(UnsafeBufferPointer(rebasing: $0[w.text])) }
            var token = DiffToken(word: id, relative: id)
            if w.isYear, let base = baseYear {
                let moves = decided[k] ?? shifts(year: k, raw, bytes, decided: &decided)
                if moves { token.relative = words.relativeID(w.value - base) }
            }
            body(token, w.start..<w.end)
        }
    }

    /// Whether the year at `k` moves with the plan; a period records its other end in `decided`.
    private func shifts(year k: Int, _ raw: RawWords, _ bytes: UnsafeBufferPointer<UInt8>, decided: inout [Int: Bool]) -> Bool {
        guard let rule else { return false }
        let items = raw.items
        let w = items[k]
        func gap(_ j: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[(j > 0 ? items[j - 1].end : 0)..<items[j].start])
        }
        func isNumber(_ j: Int, _ range: ClosedRange<Int>) -> Bool {
            j >= 0 && items[j].isNumber && range.contains(items[j].value)
        }
        // A standard's edition: `9001:2015`.
        if k >= 1, items[k - 1].isNumber, gap(k).elementsEqual([UInt8(ascii: ":")]) { return false }
        // A full date: `15/7/2021`, `15-7-2021`, `ngày 15 tháng 7 năm 2021`.
        if k >= 2, isNumber(k - 2, 1...31), isNumber(k - 1, 1...12), gap(k).count == 1,
            gap(k).elementsEqual(gap(k - 1)), [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: ".")].contains(gap(k)[0]),
            !(k >= 3 && raw.isAny(k - 3, Self.monthWords))
        {
            return rule.dateShifts(year: w.value)
        }
        if k >= 5, raw.isWord(k - 1, Self.nam), isNumber(k - 2, 1...12), raw.isWord(k - 3, Self.thang),
            isNumber(k - 4, 1...31), raw.isWord(k - 5, Self.ngay)
        {
            return rule.dateShifts(year: w.value)
        }
        // A period: `2021 - 2025`, `2021 – 2030`, `2021 đến 2025`, `từ năm 2021 đến năm 2025`.
        var end: Int?
        if k + 1 < items.count, items[k + 1].isYear, Self.isDash(gap(k + 1)) {
            end = k + 1
        } else if k + 2 < items.count, raw.isWord(k + 1, Self.den) {
            if items[k + 2].isYear {
                end = k + 2
            } else if k + 3 < items.count, raw.isWord(k + 2, Self.nam), items[k + 3].isYear {
                end = k + 3
            }
        }
        if let e = end, items[e].value > w.value {
            var named = false
            for j in max(0, k - 4)..<max(0, k - 1) where raw.isWord(j, Self.giai) && raw.isWord(j + 1, Self.doan)
                || raw.isWord(j, Self.thoi) && (raw.isWord(j + 1, Self.ky) || raw.isWord(j + 1, Self.ki))
            {
                named = true
            }
            let moves = rule.periodShifts(start: w.value, end: items[e].value, named: named)
            decided[e] = moves
            return moves
        }
        return rule.plainYearShifts(w.value)
    }

    /// `-`, `–` or `—`, with or without spaces around it.
    private static func isDash(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
        var trimmed = gap[...]
        while trimmed.first == 0x20 { trimmed = trimmed.dropFirst() }
        while trimmed.last == 0x20 { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual([0x2D]) || trimmed.elementsEqual([0xE2, 0x80, 0x93])
            || trimmed.elementsEqual([0xE2, 0x80, 0x94])
    }

    private static let nam = Array("năm".utf8)
    private static let thang = Array("tháng".utf8)
    private static let ngay = Array("ngày".utf8)
    private static let den = Array("đến".utf8)
    private static let giai = Array("giai".utf8)
    private static let doan = Array("đoạn".utf8)
    private static let thoi = Array("thời".utf8)
    private static let ky = Array("kỳ".utf8)
    private static let ki = Array("kì".utf8)
    /// Words before `d-m/y` that make it a span of months, not a day (`Tháng 01-02/2024`).
    private static let monthWords = [thang, Array("quý".utf8), Array("tuần".utf8)]
}

/// The words of one text before years are classified: byte ranges, lowercase forms, numbers.
private struct RawWords {
    struct Item {
        /// Bytes of the word in the text.
        var start: Int
        var end: Int
        /// The word's lowercase form (a number without leading zeros) in ``RawWords/buffer``.
        var text: Range<Int>
        var isNumber = false
        /// A number's value (numbers of more than six digits: -1).
        var value = -1
        /// Four significant digits from 1900 to 2199, not inside a citation.
        var isYear = false
    }

    var items: [Item] = []
    var buffer: [UInt8] = []

    func isWord(_ k: Int, _ word: [UInt8]) -> Bool {
        k >= 0 && k < items.count && buffer[items[k].text].elementsEqual(word)
    }

    func isAny(_ k: Int, _ words: [[UInt8]]) -> Bool {
        words.contains { isWord(k, $0) }
    }

    /// Reads the words (and citations) of `bytes`.
    mutating func collect(_ bytes: UnsafeBufferPointer<UInt8>) {
        items.removeAll(keepingCapacity: true)
        buffer.removeAll(keepingCapacity: true)
        buffer.reserveCapacity(bytes.count + 16)
        // One pass: a word's lowercase form goes into `buffer` as it is read.
        var start = -1  // start of the current word, -1 between words
        var from = 0  // where its lowercase form starts in `buffer`
        var digitsOnly = true
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                let isDigit = b &- 0x30 < 10
                if isDigit || (b | 0x20) &- 0x61 < 26 {
                    if start < 0 {
                        if isDigit, !Self.followsReferenceByte(bytes, i), let end = DocumentNumberReader.end(bytes, from: i) {
                            i = citation(bytes, i, end)
                            continue
                        }
                        start = i
                        from = buffer.count
                        digitsOnly = true
                    }
                    if !isDigit { digitsOnly = false }
                    buffer.append(b &+ ((b &- 0x41) < 26 ? 0x20 : 0))
                } else if start >= 0 {
                    word(start, i, from, digitsOnly)
                    start = -1
                }
                i += 1
                continue
            }
            let (s, n) = VietnameseText.scalar(in: bytes, at: i)
            if Self.isWordScalar(s) {
                if start < 0 {
                    start = i
                    from = buffer.count
                }
                digitsOnly = false
                let l = VietnameseText.lowercase(s)
                if l == s {
                    for k in i..<(i + n) { buffer.append(bytes[k]) }
                } else {
                    VietnameseText.appendUTF8(l, to: &buffer)
                }
            } else if start >= 0 {
                word(start, i, from, digitsOnly)
                start = -1
            }
            i += n
        }
        if start >= 0 { word(start, bytes.count, from, digitsOnly) }
    }

    /// Adds the word `bytes[start..<end]`, whose lowercase form is `buffer[from...]`.
    private mutating func word(_ start: Int, _ end: Int, _ from: Int, _ digitsOnly: Bool) {
        var item = Item(start: start, end: end, text: from..<buffer.count)
        if digitsOnly {
            var first = from
            while first < buffer.count - 1, buffer[first] == UInt8(ascii: "0") { first += 1 }
            item.text = first..<buffer.count
            item.isNumber = true
            if buffer.count - first <= 6 {
                var v = 0
                for d in buffer[first...] { v = v * 10 + Int(d - 0x30) }
                item.value = v
            }
            item.isYear = buffer.count - first == 4 && (1900...2199).contains(item.value)
        }
        items.append(item)
    }

    /// Adds the citation `bytes[start..<end]` and the date after it; returns where scanning goes on.
    private mutating func citation(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let from = buffer.count
        var first = start
        while first < end - 1, bytes[first] == UInt8(ascii: "0"), bytes[first + 1] &- 0x30 < 10 { first += 1 }
        Self.appendLowercase(bytes, first, end, to: &buffer)
        var stop = end
        if let (date, dateEnd) = Self.dateAfter(bytes, end) {
            buffer.append(UInt8(ascii: "@"))
            buffer.append(contentsOf: "\(date.year)-\(date.month)-\(date.day)".utf8)
            stop = dateEnd
        }
        items.append(Item(start: start, end: stop, text: from..<buffer.count))
        return stop
    }

    private static func appendLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to out: inout [UInt8]) {
        var i = start
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b &+ ((b &- 0x41) < 26 ? 0x20 : 0))
                i += 1
            } else {
                let (s, n) = VietnameseText.scalar(in: bytes, at: i)
                VietnameseText.appendUTF8(VietnameseText.lowercase(s), to: &out)
                i += n
            }
        }
    }

    // MARK: - Citations

    /// Whether the scalar before `i` makes a number there part of something else
    /// (`A59/…`, `1.59/…`, `đ59/…`): a letter, digit, `/`, `-` or `.`.
    private static func followsReferenceByte(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let b = bytes[i - 1]
        if b < 0x80 {
            return b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 || b == UInt8(ascii: "/") || b == UInt8(ascii: "-")
                || b == UInt8(ascii: ".")
        }
        var j = i - 1
        while j > 0, bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return isWordScalar(VietnameseText.scalar(in: bytes, at: j).value)
    }

    /// `ngày 15/7/2021`, `ngày 15-7-2021`, `ngày 15.7.2021` or `ngày 15 tháng 7 năm 2021`
    /// after `start` (spaces and a comma may come first): the date and where it ends.
    private static func dateAfter(_ s: UnsafeBufferPointer<UInt8>, _ start: Int) -> (CalendarDate, Int)? {
        let n = s.count
        var i = start
        while i < n, s[i] == 0x20 || s[i] == UInt8(ascii: ",") { i += 1 }
        guard matchWord(s, &i, ngay) else { return nil }
        func spaces() -> Bool {
            let from = i
            while i < n, s[i] == 0x20 { i += 1 }
            return i > from
        }
        func number(_ maxDigits: Int) -> Int? {
            var v = 0
            var k = 0
            while i < n, s[i] &- 0x30 < 10, k < maxDigits {
                v = v * 10 + Int(s[i] - 0x30)
                i += 1
                k += 1
            }
            return k == 0 || (i < n && s[i] &- 0x30 < 10) ? nil : v
        }
        guard spaces(), let day = number(2) else { return nil }
        let month: Int
        let year: Int
        if i < n, s[i] == UInt8(ascii: "/") || s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: ".") {
            let separator = s[i]
            i += 1
            guard let m = number(2), i < n, s[i] == separator else { return nil }
            i += 1
            guard let y = number(4) else { return nil }
            (month, year) = (m, y)
        } else {
            guard spaces(), matchWord(s, &i, thang), spaces(), let m = number(2), spaces(), matchWord(s, &i, nam),
                spaces(), let y = number(4)
            else { return nil }
            (month, year) = (m, y)
        }
        guard year >= 1000, let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return (date, i)
    }

    /// Whether the lowercase `word` starts at `i` (any case) and ends there; moves `i` past it.
    private static func matchWord(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ word: [UInt8]) -> Bool {
        var j = i
        var lower: [UInt8] = []
        lower.reserveCapacity(word.count)
        while j < s.count, lower.count < word.count {
            let (scalar, length) = VietnameseText.scalar(in: s, at: j)
            VietnameseText.appendUTF8(VietnameseText.lowercase(scalar), to: &lower)
            j += length
        }
        guard lower == word else { return false }
        if j < s.count {
            let (next, _) = VietnameseText.scalar(in: s, at: j)
            if VietnameseText.isLetter(next) || next &- 0x30 < 10 { return false }
        }
        i = j
        return true
    }

    private static let ngay = Array("ngày".utf8)
    private static let thang = Array("tháng".utf8)
    private static let nam = Array("năm".utf8)

    /// Letters of any script, combining marks and digits; not spaces, punctuation, symbols.
    @inline(__always)
    private static func isWordScalar(_ s: UInt32) -> Bool {
        if VietnameseText.isLetter(s) { return true }
        switch s {
        case 0x80...0xBF, 0xD7, 0xF7: return false  // Latin-1 punctuation, ×, ÷
        case 0x2000...0x2BFF, 0x3000...0x303F, 0xFE00...0xFE6F, 0xFEFF, 0xFF00...0xFF20: return false
        case 0x300...0x36F: return true  // combining marks (after a failed composition)
        default: return s >= 0x100
        }
    }
}
