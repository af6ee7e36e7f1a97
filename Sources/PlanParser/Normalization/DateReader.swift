/// Reads a calendar date the ways Vietnamese documents write one — the one reader of dates,
/// used by the header, citations and time expressions:
/// `ngày 15 tháng 7 năm 2021`, `15/7/2021`, `15-7-2021`, `15.07.2021`, `ngày 15/01` (no year).
/// A header date may have blanks, left for the day to be filled in at signing:
/// `ngày  tháng 01 năm 2024`, `ngày …/01/2024`.
///
/// Works on ``TimeToken``s, so words are matched whatever their case and tone placement.
struct DateReader {
    /// What was read; parts not written are `nil`.
    struct Parts: Equatable {
        var day: Int?
        var month: Int?
        var year: Int?
        /// Whether the word `ngày` (day) came first.
        var announced: Bool
        /// The token index after the date.
        var end: Int
    }

    let tokens: [TimeToken]
    let limit: Int

    init(tokens: [TimeToken], limit: Int? = nil) {
        self.tokens = tokens
        self.limit = min(limit ?? tokens.count, tokens.count)
    }

    /// A date with a day at token `i`: `[ngày] d/m[/y]` or `[ngày] d tháng m [năm y]`
    /// (day and month at most two digits). `nil` when no such date starts there.
    func dayDate(at i: Int) -> Parts? {
        var k = i
        let announced = isWord(k, .day)
        if announced { k += 1 }
        guard isNumber(k, maxDigits: 2) else { return nil }
        var parts = Parts(day: Int(tokens[k].value), announced: announced, end: k)
        if k + 2 < limit, isSeparator(k + 1), isNumber(k + 2, maxDigits: 2) {
            parts.month = Int(tokens[k + 2].value)
            let separator = tokens[k + 1].kind
            k += 3
            if k < limit, tokens[k].kind == separator, isSeparator(k), let (y, b) = year(k + 1) {
                parts.year = y
                k = b
            }
        } else if isWord(k + 1, .month), isNumber(k + 2, maxDigits: 2) {
            parts.month = Int(tokens[k + 2].value)
            k += 3
            if isWord(k, .year), let (y, b) = year(k + 1) {
                parts.year = y
                k = b
            }
        } else {
            return nil
        }
        parts.end = k
        return parts
    }

    /// The date of a document's place-date line, read after `ngày` at token `i` (which must be
    /// that word): like ``dayDate(at:)``, but any part may be blank or a placeholder and numbers
    /// are read whatever their length, so an impossible date can be reported rather than missed.
    func headerDate(at i: Int) -> Parts? {
        guard isWord(i, .day) else { return nil }
        var k = i + 1
        var parts = Parts(announced: true, end: k)
        func number() -> Int? {
            // Placeholders for a blank: `…`, `...`, `..`.
            while k < limit, tokens[k].kind == .period || tokens[k].kind == .other { k += 1 }
            guard k < limit, tokens[k].kind == .number else { return nil }
            defer { k += 1 }
            return Int(tokens[k].value)
        }
        parts.day = number()
        if isSeparator(k) {
            let separator = tokens[k].kind
            k += 1
            parts.month = number()
            if k < limit, tokens[k].kind == separator {
                k += 1
                parts.year = number()
            }
        } else {
            if isWord(k, .month) {
                k += 1
                parts.month = number()
            }
            if isWord(k, .year) {
                k += 1
                parts.year = number()
            }
        }
        parts.end = k
        return parts
    }

    /// A year at token `i`: four digits, or two (`/25` is 2025).
    func year(_ i: Int) -> (Int, Int)? {
        guard i < limit, tokens[i].kind == .number else { return nil }
        switch tokens[i].digits {
        case 4: return (Int(tokens[i].value), i + 1)
        case 2: return (2000 + Int(tokens[i].value), i + 1)
        default: return nil
        }
    }

    @inline(__always)
    private func isWord(_ i: Int, _ word: TimeWord) -> Bool {
        i < limit && tokens[i].word == word && tokens[i].kind == .word
    }

    @inline(__always)
    private func isNumber(_ i: Int, maxDigits: UInt8) -> Bool {
        i < limit && tokens[i].isNumber(maxDigits: maxDigits)
    }

    /// `/`, `-`, or a `.` written inside a number (`15.01.2025`, never a full stop before a space).
    func isSeparator(_ i: Int) -> Bool {
        guard i < limit else { return false }
        switch tokens[i].kind {
        case .slash, .dash: return true
        case .period: return !tokens[i].spaceBefore && i + 1 < limit && !tokens[i + 1].spaceBefore
        default: return false
        }
    }
}

extension DateReader {
    /// A complete day date (`ngày 15/7/2021`, `ngày 15 tháng 7 năm 2021`) at the start of
    /// `bytes`, and how many bytes it took; `nil` unless day, month and year are all there and
    /// the day exists.
    static func completeDate(atStartOf bytes: UnsafeBufferPointer<UInt8>) -> (CalendarDate, Int)? {
        let tokens = TimeTokenizer.tokens(bytes)
        let reader = DateReader(tokens: tokens)
        guard let p = reader.dayDate(at: 0), p.announced, let d = p.day, let m = p.month, let y = p.year,
            let date = CalendarDate(year: y, month: m, day: d), p.end > 0
        else { return nil }
        return (date, Int(tokens[p.end - 1].end))
    }
}
