/// Reads the numbering or bullet marker at the start of a cleaned line.
enum MarkerScanner {
    struct Marker {
        var style: MarkerStyle
        var ordinal: Int
        var path = MarkerPath()
        /// Index just past the marker's own characters.
        var markerEnd: Int
        /// Same as `markerEnd`; the caller skips the spaces that follow.
        var end: Int { markerEnd }
    }

    /// Position of each letter in the Vietnamese alphabet as used for item markers:
    /// a b c d đ e g h i k l m n o p q r s t u v x y (no f, j, w, z).
    static func letterPosition(_ b: UInt8) -> Int {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "d"): return Int(b - UInt8(ascii: "a")) + 1
        case UInt8(ascii: "e"): return 6
        case UInt8(ascii: "g"), UInt8(ascii: "h"), UInt8(ascii: "i"): return Int(b - UInt8(ascii: "g")) + 7
        case UInt8(ascii: "k")...UInt8(ascii: "v"): return Int(b - UInt8(ascii: "k")) + 10
        case UInt8(ascii: "x"): return 22
        case UInt8(ascii: "y"): return 23
        default: return 0
        }
    }

    /// The letter printed for a position (`5` → `đ`), the inverse of ``letterPosition(_:)``.
    static let letters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]

    static func scan(_ buf: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int) -> Marker? {
        guard lo < hi else { return nil }
        let b = buf[lo]
        @inline(__always) func endsToken(_ i: Int) -> Bool {
            i >= hi || buf[i] == 0x20 || buf[i] == 0x09
        }
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return scanArabic(buf, lo, hi)
        case UInt8(ascii: "-"):
            let next = lo + 1 < hi ? buf[lo + 1] : 0x20
            if next == 0x20 || next == 0x09 {
                // `- + item`: a second-level list written after a dash.
                var j = lo + 1
                while j < hi, buf[j] == 0x20 { j += 1 }
                if j < hi, buf[j] == UInt8(ascii: "+"), endsToken(j + 1) {
                    return Marker(style: .dashPlus, ordinal: 0, markerEnd: j + 1)
                }
                return Marker(style: .dash, ordinal: 0, markerEnd: lo + 1)
            }
            // `-Tiếp tục`: converters sometimes drop the space; a digit or dash means something else.
            if startsLetter(buf, lo + 1, hi) { return Marker(style: .dash, ordinal: 0, markerEnd: lo + 1) }
            return nil
        case UInt8(ascii: "+"):
            if endsToken(lo + 1) || startsLetter(buf, lo + 1, hi) {
                return Marker(style: .plus, ordinal: 0, markerEnd: lo + 1)
            }
            return nil
        case UInt8(ascii: "*"):
            return endsToken(lo + 1) && lo + 1 < hi ? Marker(style: .star, ordinal: 0, markerEnd: lo + 1) : nil
        case 0xE2, 0xEF, 0xC2:
            // Symbol bullets: • ▪ ● ◦ ‣ ⁃ − (E2 …), Word's private-use  (EF 82 B7), · (C2 B7).
            let (s, len) = VietnameseText.scalar(in: buf, at: lo)
            switch s {
            case 0x2013, 0x2014:
                return endsToken(lo + len) && lo + len < hi ? Marker(style: .enDash, ordinal: 0, markerEnd: lo + len) : nil
            case 0x2022, 0x25AA, 0x25CF, 0x25E6, 0x2023, 0x2043, 0x2212, 0xF0B7, 0xF0A7, 0x00B7:
                return endsToken(lo + len) ? Marker(style: .dot, ordinal: 0, markerEnd: lo + len) : nil
            default:
                return nil
            }
        case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"):
            if let m = scanRoman(buf, lo, hi) { return m }
            return scanUpperLetter(buf, lo, hi)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            if let part = scanPart(buf, lo, hi) { return part }
            return scanUpperLetter(buf, lo, hi)
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            guard lo + 1 < hi, buf[lo + 1] == UInt8(ascii: ")") || buf[lo + 1] == UInt8(ascii: "."),
                endsToken(lo + 2)
            else { return nil }
            return Marker(style: .letter, ordinal: letterPosition(b), markerEnd: lo + 2)
        case articleWord[0] where hi - lo > articleWord.count + 1 && buf[lo + 1] == articleWord[1]:
            return scanArticle(buf, lo, hi)
        case letterD[0]:
            // `đ)`, the fifth letter.
            let n = letterD.count
            guard lo + n < hi, ByteSearch.hasPrefix(UnsafeBufferPointer(rebasing: buf[lo..<hi]), letterD),
                buf[lo + n] == UInt8(ascii: ")") || buf[lo + n] == UInt8(ascii: "."), endsToken(lo + n + 1)
            else { return nil }
            return Marker(style: .letter, ordinal: 5, markerEnd: lo + n + 1)
        default:
            return nil
        }
    }

    private static func startsLetter(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> Bool {
        guard i < hi else { return false }
        return VietnameseText.isLetter(VietnameseText.scalar(in: buf, at: i).value)
    }

    /// `2.`, `2.1.`, `2.1`, `1)`; each component at most 3 digits (a year is not a marker).
    private static func scanArabic(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Marker? {
        var path = MarkerPath()
        var i = lo
        var sawDot = false
        while true {
            var value = 0
            let digitsStart = i
            while i < hi, buf[i] >= 0x30, buf[i] <= 0x39, i - digitsStart < 4 {
                value = value * 10 + Int(buf[i] - 0x30)
                i += 1
            }
            let digits = i - digitsStart
            guard digits > 0, digits <= (path.count == 0 ? 3 : 2) else { return nil }
            if i < hi, buf[i] >= 0x30, buf[i] <= 0x39 { return nil }
            path.append(value)
            if i < hi, buf[i] == UInt8(ascii: ".") {
                sawDot = true
                i += 1
                if i < hi, buf[i] >= 0x30, buf[i] <= 0x39 { continue }
                break
            }
            if i < hi, buf[i] == UInt8(ascii: ")"), path.count == 1 {
                i += 1
                guard i >= hi || buf[i] == 0x20 || buf[i] == 0x09 else { return nil }
                return Marker(style: .parenNumber, ordinal: value, path: path, markerEnd: i)
            }
            break
        }
        // `2021-2025`, `15/01/2025`, `100%`, `4 năm`: not markers.
        guard i >= hi || buf[i] == 0x20 || buf[i] == 0x09 else { return nil }
        guard sawDot else { return nil }
        guard path[0] > 0 else { return nil }
        return Marker(style: .arabic, ordinal: path[0], path: path, markerEnd: i)
    }

    /// `I.` … `XXXIX.`, canonical forms only.
    private static func scanRoman(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Marker? {
        var i = lo
        while i < hi, i - lo < 7, buf[i] == UInt8(ascii: "I") || buf[i] == UInt8(ascii: "V") || buf[i] == UInt8(ascii: "X") {
            i += 1
        }
        guard i > lo, i < hi, buf[i] == UInt8(ascii: ".") || buf[i] == UInt8(ascii: ")") else { return nil }
        guard i + 1 >= hi || buf[i + 1] == 0x20 || buf[i + 1] == 0x09 else { return nil }
        guard let value = RomanNumeral.value(UnsafeBufferPointer(rebasing: buf[lo..<i])) else { return nil }
        return Marker(style: .roman, ordinal: value, markerEnd: i + 1)
    }

    /// `A.`, `B.` — a level above Roman numerals in some plans.
    private static func scanUpperLetter(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Marker? {
        guard lo + 1 < hi, buf[lo + 1] == UInt8(ascii: "."),
            lo + 2 >= hi || buf[lo + 2] == 0x20 || buf[lo + 2] == 0x09
        else { return nil }
        return Marker(style: .upperLetter, ordinal: Int(buf[lo] - UInt8(ascii: "A")) + 1, markerEnd: lo + 2)
    }

    private static let partWord = Array("phần".utf8)  // "part"
    private static let chapterWord = Array("chương".utf8)  // "chapter" (of rules, schemes)
    private static let articleWord = Array("Điều".utf8)  // "article"
    private static let articleWordUpper = Array("ĐIỀU".utf8)  // "article", in capitals

    /// `Điều 1.`, `Điều 12:`, `ĐIỀU 3.` — an article; the number needs its `.` or `:` (`Điều 38
    /// Luật …` at a line's start is a citation, `Điều chỉnh …` a word).
    private static func scanArticle(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Marker? {
        let n = articleWord.count
        let head = UnsafeBufferPointer(rebasing: buf[lo..<(lo + n)])
        guard head.elementsEqual(articleWord) || head.elementsEqual(articleWordUpper), buf[lo + n] == 0x20 else { return nil }
        var i = lo + n + 1
        var value = 0
        let start = i
        while i < hi, i - start < 3, buf[i] >= 0x30, buf[i] <= 0x39 {
            value = value * 10 + Int(buf[i] - 0x30)
            i += 1
        }
        guard i > start, value > 0, i < hi, buf[i] == UInt8(ascii: ".") || buf[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard i >= hi || buf[i] == 0x20 || buf[i] == 0x09 else { return nil }
        var path = MarkerPath()
        path.append(value)
        return Marker(style: .article, ordinal: value, path: path, markerEnd: i)
    }
    private static let letterD = Array("đ".utf8)  // the letter đ

    /// `PHẦN I.`, `Phần II:`, `PHẦN 1` — a part above Roman sections; `Chương I`, `CHƯƠNG II`
    /// — a chapter above the articles of rules and schemes, read the same way.
    private static func scanPart(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Marker? {
        let word: [UInt8]
        switch buf[lo] {
        case UInt8(ascii: "P"): word = partWord
        case UInt8(ascii: "C"): word = chapterWord
        default: return nil
        }
        // Capitals take as many bytes as small letters in this word (Ư/ư, Ơ/ơ: two each).
        let n = word.count
        guard hi - lo > n, buf[lo + n] == 0x20,
            VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[lo..<(lo + n)]), { $0.elementsEqual(word) })
        else { return nil }
        var i = lo + n + 1
        if let (value, end) = ordinalPart(buf, i, hi) { return Marker(style: .part, ordinal: value, markerEnd: end) }
        let numStart = i
        while i < hi, buf[i] == UInt8(ascii: "I") || buf[i] == UInt8(ascii: "V") || buf[i] == UInt8(ascii: "X")
            || (buf[i] >= 0x30 && buf[i] <= 0x39)
        {
            i += 1
        }
        guard i > numStart else { return nil }
        let numeral = UnsafeBufferPointer(rebasing: buf[numStart..<i])
        let value: Int
        if numeral[0] >= 0x30, numeral[0] <= 0x39 {
            value = numeral.reduce(0) { $0 * 10 + Int($1) - 0x30 }
        } else if let v = RomanNumeral.value(numeral) {
            value = v
        } else {
            return nil
        }
        if i < hi, buf[i] == UInt8(ascii: ".") || buf[i] == UInt8(ascii: ":") { i += 1 }
        guard i >= hi || buf[i] == 0x20 else { return nil }
        return Marker(style: .part, ordinal: value, markerEnd: i)
    }
}

extension MarkerScanner {
    /// `thứ nhất`, `THỨ HAI:` after `Phần` (a report's parts: part one, part two): the ordinal
    /// and where the marker ends — the word must end there (`Phần thứ hai` alone on its line).
    fileprivate static func ordinalPart(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int)? {
        let n = ordinalWord.count
        guard hi - lo > n, buf[lo + n] == 0x20,
            VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[lo..<(lo + n)]), { $0.elementsEqual(ordinalWord) })
        else { return nil }
        let start = lo + n + 1
        var end = start
        while end < hi, buf[end] != 0x20, buf[end] != UInt8(ascii: ":"), buf[end] != UInt8(ascii: ".") { end += 1 }
        guard end > start, let value = VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[start..<end]), { word in
            ordinals.firstIndex { word.elementsEqual($0) }.map { $0 + 1 }
        }) else { return nil }
        if end < hi, buf[end] == UInt8(ascii: ":") || buf[end] == UInt8(ascii: ".") {
            end += 1
        } else if end < hi {
            // Without a colon the part's title is in capitals (`PHẦN THỨ HAI PHƯƠNG HƯỚNG …`); a
            // lower-case word goes on a sentence (`Phần thứ hai của báo cáo …`).
            var k = end
            while k < hi, buf[k] == 0x20 { k += 1 }
            guard k < hi, VietnameseText.isUppercase(VietnameseText.scalar(in: buf, at: k).value) else { return nil }
        }
        guard end >= hi || buf[end] == 0x20 else { return nil }
        return (value, end)
    }

    /// The value of an ordinal word of a part (`hai` → 2), for the part's number.
    static func ordinalValue(_ word: Substring) -> Int? {
        let lower = Array(word.lowercased().utf8)
        return ordinals.firstIndex { $0 == lower }.map { $0 + 1 }
    }

    private static let ordinalWord = Array("thứ".utf8)  // ordinal prefix ("thứ hai": second)
    /// One to seven, as ordinals: `nhất` (first), `hai`, `ba`, `tư` (fourth), `năm`, `sáu`, `bảy`.
    private static let ordinals = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy"].map { Array($0.utf8) }
}

/// Roman numerals as used for section numbers (1–39).
enum RomanNumeral {
    static func value(of text: String) -> Int? {
        return text.withUTF8Bytes { value($0) }
    }

    static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var total = 0
        var prev = 0
        for b in bytes.reversed() {
            let v: Int
            switch b {
            case UInt8(ascii: "I"): v = 1
            case UInt8(ascii: "V"): v = 5
            case UInt8(ascii: "X"): v = 10
            default: return nil
            }
            if v < prev { total -= v } else { total += v; prev = v }
        }
        guard total > 0, total < 40 else { return nil }
        // Canonical forms only: reject `IIII`, `VV`, `IIV`.
        guard isCanonical(bytes, total) else { return nil }
        return total
    }

    /// The numerals, largest first, as ``string(_:)`` writes them (up to 39).
    private struct Numeral {
        let value: Int
        let text: StaticString
    }
    private static let numerals = [
        Numeral(value: 10, text: "X"), Numeral(value: 9, text: "IX"), Numeral(value: 5, text: "V"),
        Numeral(value: 4, text: "IV"), Numeral(value: 1, text: "I"),
    ]

    /// Whether `bytes` are ``string(_:)`` of `value`, compared in place (no strings made: every
    /// Roman heading is checked).
    private static func isCanonical(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Int) -> Bool {
        var n = value
        var k = 0
        for numeral in numerals {
            let text = UnsafeBufferPointer(start: numeral.text.utf8Start, count: numeral.text.utf8CodeUnitCount)
            while n >= numeral.value {
                guard k + text.count <= bytes.count, bytes[k..<(k + text.count)].elementsEqual(text) else { return false }
                k += text.count
                n -= numeral.value
            }
        }
        return k == bytes.count
    }

    static func string(_ value: Int) -> String {
        var n = value
        var out = ""
        for numeral in numerals {
            while n >= numeral.value {
                out += numeral.text.description
                n -= numeral.value
            }
        }
        return out
    }
}
