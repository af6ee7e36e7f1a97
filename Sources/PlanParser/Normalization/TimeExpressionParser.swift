/// Recognizes time expressions among the tokens of one piece of a time text.
///
/// Each rule is a method that tries to read one grammar form at a token index and returns
/// what it read plus the index after it, or `nil` when the form is not there. Rules never
/// read at or past ``limit``, the end of the piece.
struct TimeExpressionParser {
    /// A calendar expression read by ``calendar(at:requireYear:)``.
    struct Calendar {
        var first: TimeAtom
        var last: TimeAtom?
        var isOpen: Bool
        var end: Int
    }

    let tokens: [TimeToken]
    let limit: Int

    // MARK: - Expressions

    /// The time expression starting at token `i`, if one does.
    func expression(at i: Int) -> (expression: TimeExpression, end: Int)? {
        guard i < limit else { return nil }
        let token = tokens[i]
        if token.kind == .number {
            if let c = calendar(at: i, requireYear: true) {
                return (.calendar(first: c.first, last: c.last, isOpen: c.isOpen), c.end)
            }
            return periodic(at: i)
        }
        guard token.kind == .word else { return nil }
        switch token.word {
        case .from:
            return range(at: i)
        case .slow, .late, .until:
            return deadline(at: i)
        case .before:
            return deadline(at: i) ?? conditional(at: i)
        case .usual, .linked:
            return continuous(at: i)
        case .every:
            return continuous(at: i) ?? periodic(at: i)
        case .fixed:
            return periodic(at: i)
        case .within, .month, .quarter, .year, .stage, .whole, .half:
            if let c = calendar(at: i, requireYear: false) {
                return (.calendar(first: c.first, last: c.last, isOpen: c.isOpen), c.end)
            }
            return periodic(at: i) ?? conditional(at: i)
        case .day:
            if let c = calendar(at: i, requireYear: false) {
                return (.calendar(first: c.first, last: c.last, isOpen: c.isOpen), c.end)
            }
            return conditional(at: i)
        case .after:
            if let c = calendar(at: i, requireYear: false) {
                return (.calendar(first: c.first, last: c.last, isOpen: c.isOpen), c.end)
            }
            return periodic(at: i) ?? conditional(at: i)
        default:
            return conditional(at: i)
        }
    }

    /// `Từ tháng 3 đến tháng 6/2025`, `Từ ngày 01/3 đến 31/5/2025`, `Từ tháng 3/2025` (open),
    /// `Từ nay đến tháng 6/2025` (a deadline).
    private func range(at i: Int) -> (expression: TimeExpression, end: Int)? {
        if isWord(i + 1, .now), isWord(i + 2, .until) {
            return deadline(at: i + 2)
        }
        guard let a = calendar(at: i + 1, requireYear: false) else { return nil }
        if a.last != nil || a.isOpen {
            return (.calendar(first: a.first, last: a.last, isOpen: a.isOpen), a.end)
        }
        if isRangeDash(a.end) || isWord(a.end, .until), let b = calendar(at: a.end + 1, requireYear: false) {
            var (first, last) = (a.first, b.last ?? b.first)
            Self.shareYear(&first, &last)
            return (.calendar(first: first, last: last, isOpen: b.isOpen), b.end)
        }
        return (.calendar(first: a.first, last: nil, isOpen: true), a.end)
    }

    /// `Chậm nhất là ngày 15/01/2025`, `Trước ngày 03/3/2025`, `Trước 31/12/2025`,
    /// `Đến năm 2025`, `đến hết tháng 6/2025`.
    ///
    /// The due day is the last day of the named span for every starter: plans write
    /// `trước ngày 26/7` meaning "by 26 July", so `trước tháng 6/2025` is due 30 June.
    private func deadline(at i: Int) -> (expression: TimeExpression, end: Int)? {
        var k = i
        switch tokens[i].word {
        case .slow, .late:
            guard isWord(i + 1, .most) else { return nil }
            k += 2
        case .before, .until:
            k += 1
        default:
            return nil
        }
        // Linking words: là (is), vào (on), trong (within), đến (until), hết (the end of).
        linking: while k < limit, tokens[k].kind == .word {
            switch tokens[k].word {
            case .be, .at, .within, .until, .endOf: k += 1
            default: break linking
            }
        }
        guard let c = calendar(at: k, requireYear: false) else { return nil }
        var (first, last) = (c.first, c.last ?? c.first)
        Self.shareYear(&first, &last)
        return (.deadline(last), c.end)
    }

    /// `Thường xuyên`, `Liên tục`, `Hằng ngày`, optionally `trong năm 2025`.
    private func continuous(at i: Int) -> (expression: TimeExpression, end: Int)? {
        guard var k = continuousWord(at: i) else { return nil }
        // "Thường xuyên, liên tục" says the same thing twice.
        if isWord(k, .and) || kind(k) == .comma, let after = continuousWord(at: k + 1) { k = after }
        if let (span, end) = yearSpan(at: k) { return (.continuous(span), end) }
        return (.continuous(nil), k)
    }

    private func continuousWord(at i: Int) -> Int? {
        if isWord(i, .usual), isWord(i + 1, .through) { return i + 2 }
        if isWord(i, .linked), isWord(i + 1, .continued) { return i + 2 }
        // Hằng ngày (daily): there is no daily period, and daily work is ongoing work.
        if isWord(i, .every), isWord(i + 1, .day) { return i + 2 }
        return nil
    }

    /// `Định kỳ …`, `Hằng quý`, `định kỳ hàng quý, 6 tháng, năm`, `Tháng, quý, năm`,
    /// optionally `trong năm 2025`.
    private func periodic(at i: Int) -> (expression: TimeExpression, end: Int)? {
        var k = i
        let announced = isWord(i, .fixed) && isWord(i + 1, .term)
        if announced { k += 2 }
        var every: TimeMilestone.Period = .unspecified
        if let (finest, count, end) = rhythms(at: k) {
            // Without "định kỳ", a lone bare unit ("Tháng") is no rhythm; "hằng tháng" is.
            guard announced || isWord(k, .every) || count > 1 else { return nil }
            every = finest
            k = end
        } else if !announced {
            return nil
        }
        if let (span, end) = yearSpan(at: k) { return (.periodic(every, span), end) }
        return (.periodic(every, nil), k)
    }

    /// A list of rhythms (`hàng quý, 6 tháng, năm`): the finest one, how many, and the end.
    private func rhythms(at i: Int) -> (finest: TimeMilestone.Period, count: Int, end: Int)? {
        guard var (finest, k) = rhythm(at: i) else { return nil }
        var count = 1
        while k < limit {
            let t = tokens[k]
            guard t.kind == .comma || t.kind == .slash || t.word == .and || t.word == .or,
                let (p, next) = rhythm(at: k + 1)
            else { break }
            if Self.rank(p) < Self.rank(finest) { finest = p }
            count += 1
            k = next
        }
        return (finest, count, k)
    }

    private func rhythm(at i: Int) -> (TimeMilestone.Period, Int)? {
        guard i < limit else { return nil }
        if isWord(i, .every), let p = unitPeriod(i + 1) { return (p, i + 2) }
        // "6 tháng" / "sáu tháng" / "nửa năm": every half year, unless it is "6 tháng đầu năm".
        if isSix(i), isWord(i + 1, .month), !isWord(i + 2, .start), !isWord(i + 2, .end) {
            return (.halfYear, i + 2)
        }
        if isWord(i, .half), isWord(i + 1, .year), !isNumber(i + 2) { return (.halfYear, i + 2) }
        if let p = unitPeriod(i), !isNumber(i + 1), !(i + 1 < limit && tokens[i + 1].isRoman) {
            return (p, i + 1)
        }
        return nil
    }

    private func unitPeriod(_ i: Int) -> TimeMilestone.Period? {
        guard i < limit, tokens[i].kind == .word else { return nil }
        switch tokens[i].word {
        case .week: return .week
        case .month: return .month
        case .quarter: return .quarter
        case .year: return .year
        default: return nil
        }
    }

    private static func rank(_ p: TimeMilestone.Period) -> Int {
        switch p {
        case .week: return 0
        case .month: return 1
        case .quarter: return 2
        case .halfYear: return 3
        case .year: return 4
        case .unspecified: return 5
        }
    }

    /// `Khi có hướng dẫn`, `Theo quy định`, `Sau khi …`, `Trong quá trình …`, `Đột xuất`.
    /// A condition runs to the end of the piece.
    private func conditional(at i: Int) -> (expression: TimeExpression, end: Int)? {
        guard i < limit, tokens[i].kind == .word else { return nil }
        let t = tokens[i]
        let starts: Bool
        switch t.word {
        case .when: starts = t.isASCII  // khi, not khí (gas)
        case .after: starts = t.isASCII && !isWord(i + 1, .month)  // sau, not sáu (six)
        case .following:  // theo, but not theo dõi (monitor), tiếp theo (next), kèm theo (attached)
            let previous = i > 0 && tokens[i - 1].kind == .word ? tokens[i - 1].word : .other
            starts = !isWord(i + 1, .watch) && previous != .next && previous != .attached
        case .before, .day: starts = isWord(i + 1, .when)  // trước khi (before), ngay khi (as soon as)
        case .within: starts = isWord(i + 1, .pass) && isWord(i + 2, .course)  // trong quá trình
        case .sudden: starts = isWord(i + 1, .out)  // đột xuất (ad hoc)
        case .depending: starts = isWord(i + 1, .following)  // tùy theo (depending on)
        case .base: starts = isWord(i + 1, .basis)  // căn cứ (based on)
        case .whenIf: starts = true  // nếu (if)
        default: starts = false
        }
        return starts ? (.conditional, limit) : nil
    }

    // MARK: - Calendar spans

    /// A day, month, quarter, half-year or year, or a list or range of them, with an
    /// optional `trong` (within) or `cả` (whole) before it.
    /// - Parameter requireYear: whether a bare `d/m` needs a year (`15/01/2025`); a bare
    ///   `15/01` is taken as a date only after a word that announces one.
    func calendar(at i: Int, requireYear: Bool) -> Calendar? {
        var k = i
        let prefixed = isWord(k, .within) || isWord(k, .whole)
        if prefixed { k += 1 }
        guard k < limit else { return nil }
        let t = tokens[k]
        if t.kind == .number || (t.word == .after && !t.isASCII) {
            if let h = half(at: k) { return h }
            return date(at: k, requireYear: requireYear)
        }
        guard t.kind == .word else { return nil }
        switch t.word {
        case .month: return list(at: k, unit: .month)
        case .quarter: return list(at: k, unit: .quarter)
        case .day: return date(at: k, requireYear: false)
        case .stage: return stage(at: k)
        case .year:
            if let years = years(at: k) { return years }
            // "Trong năm", "Cả năm": the plan's year.
            guard prefixed, !isNumber(k + 1) else { return nil }
            return Calendar(first: TimeAtom(unit: .year, number: 0), last: nil, isOpen: false, end: k + 1)
        default: return nil
        }
    }

    /// `Tháng 01/2024`, `Tháng 01-02/2024`, `Tháng 01- /2024`, `Quý 3, 4/2024`,
    /// `Quý I – II năm 2025`, `tháng 3 đến tháng 6/2025`.
    ///
    /// A list of the same unit, joined by dashes, commas, `và` or `đến`, is one range from
    /// its first to its last item, as the issue asks for `Quý 3, 4/2024`; so `tháng 3 và
    /// tháng 9` spans March to September. Earlier items take the year written after a
    /// later one.
    private func list(at i: Int, unit: TimeAtom.Unit) -> Calendar? {
        let keyword = tokens[i].word
        guard let (n, a) = unitNumber(i + 1, unit) else { return nil }
        var first = TimeAtom(unit: unit, number: n)
        var k = a
        if let (y, b) = yearSuffix(k) {
            first.year = y
            k = b
        }
        var last: TimeAtom?
        var isOpen = false
        while k < limit {
            let t = tokens[k]
            let isDash = isRangeDash(k)
            guard isDash || t.kind == .comma || t.word == .and || t.word == .until else { break }
            var m = k + 1
            if isWord(m, keyword) { m += 1 }
            if let (n2, b) = unitNumber(m, unit) {
                var atom = TimeAtom(unit: unit, number: n2)
                m = b
                if let (y, c) = yearSuffix(m) {
                    atom.year = y
                    m = c
                }
                last = atom
                k = m
                continue
            }
            // "Tháng 01- /2024": the range's end is left blank.
            if isDash, last == nil, let (y, c) = yearSuffix(k + 1) {
                if first.year == nil { first.year = y }
                isOpen = true
                k = c
            }
            break
        }
        if var end = last {
            Self.shareYear(&first, &end)
            last = end
        }
        return Calendar(first: first, last: last, isOpen: isOpen, end: k)
    }

    /// `Năm 2025`, `Năm 2025-2026`, `năm 2021 đến năm 2025`.
    private func years(at i: Int) -> Calendar? {
        guard let (y1, a) = fullYear(i + 1) else { return nil }
        let first = TimeAtom(unit: .year, number: 0, year: y1)
        if isRangeDash(a) || isWord(a, .until) {
            var m = a + 1
            if isWord(m, .year) { m += 1 }
            if let (y2, b) = fullYear(m) {
                return Calendar(first: first, last: TimeAtom(unit: .year, number: 0, year: y2), isOpen: false, end: b)
            }
        }
        return Calendar(first: first, last: nil, isOpen: false, end: a)
    }

    /// `Giai đoạn 2021-2025`.
    private func stage(at i: Int) -> Calendar? {
        guard isWord(i + 1, .stageTail), let (y1, a) = fullYear(i + 2) else { return nil }
        let first = TimeAtom(unit: .year, number: 0, year: y1)
        if isRangeDash(a) || isWord(a, .until), let (y2, b) = fullYear(a + 1) {
            return Calendar(first: first, last: TimeAtom(unit: .year, number: 0, year: y2), isOpen: false, end: b)
        }
        return Calendar(first: first, last: nil, isOpen: false, end: a)
    }

    /// `6 tháng đầu năm 2025`, `sáu tháng cuối năm`.
    private func half(at i: Int) -> Calendar? {
        guard isSix(i), isWord(i + 1, .month) else { return nil }
        let number: Int
        if isWord(i + 2, .start) {
            number = 1
        } else if isWord(i + 2, .end) {
            number = 2
        } else {
            return nil
        }
        var atom = TimeAtom(unit: .half, number: number)
        var k = i + 3
        if isWord(k, .year) {
            k += 1
            if let (y, b) = yearNumber(k) {
                atom.year = y
                k = b
            }
        }
        return Calendar(first: atom, last: nil, isOpen: false, end: k)
    }

    /// `ngày 15/01/2025`, `15/01/2025`, `15-01-2025`, `ngày 08 tháng 4 năm 2020`, `ngày 15/01`
    /// (read by ``DateReader``); a date without `ngày` needs a year when `requireYear` is set.
    private func date(at i: Int, requireYear: Bool) -> Calendar? {
        guard let p = DateReader(tokens: tokens, limit: limit).dayDate(at: i), let day = p.day, let month = p.month
        else { return nil }
        if p.year == nil, requireYear, !p.announced { return nil }
        var atom = TimeAtom(unit: .day, number: month, day: day)
        atom.year = p.year
        return Calendar(first: atom, last: nil, isOpen: false, end: p.end)
    }

    // MARK: - Years attached to continuous and periodic milestones

    /// `trong năm 2025`, `năm 2025-2026`, `trong giai đoạn 2021-2025`; `trong năm` gives a
    /// `nil` span (the plan's years). `nil` when no year phrase is there.
    private func yearSpan(at i: Int) -> (YearSpan?, Int)? {
        var k = i
        if isWord(k, .within) || isWord(k, .whole) { k += 1 }
        guard isWord(k, .year) || isWord(k, .stage) else { return nil }
        if let c = calendar(at: k, requireYear: true), let first = c.first.year {
            return (YearSpan(first: first, last: c.last?.year ?? first), c.end)
        }
        guard isWord(k, .year), k > i, !isNumber(k + 1) else { return nil }
        return (nil, k + 1)
    }

    // MARK: - Citations

    /// The end of a citation starting at `i` (`số 1648/QĐ-UBND ngày 30/11/2022`,
    /// `130/2005/NĐ-CP`), whose numbers and date are not milestones; `nil` when none starts.
    func citationEnd(at i: Int) -> Int? {
        var k = i
        let numbered = isWord(k, .number) && isNumber(k + 1)
        if numbered { k += 1 }
        guard isNumber(k) else { return nil }
        var m = k + 1
        var sawCode = false
        // A document code is written without spaces: 1648/QĐ-UBND, 540-QĐ/TU.
        while m + 1 < limit, !tokens[m].spaceBefore, !tokens[m + 1].spaceBefore,
            tokens[m].kind == .slash || tokens[m].kind == .dash || tokens[m].kind == .period,
            tokens[m + 1].kind == .number || tokens[m + 1].kind == .word
        {
            if tokens[m + 1].kind == .word { sawCode = true }
            m += 2
        }
        guard numbered || sawCode else { return nil }
        if isWord(m, .day), let d = date(at: m, requireYear: false) { m = d.end }
        return m
    }

    // MARK: - Tokens

    @inline(__always)
    private func isWord(_ i: Int, _ word: TimeWord) -> Bool {
        i < limit && tokens[i].word == word && tokens[i].kind == .word
    }

    @inline(__always)
    private func kind(_ i: Int) -> TimeToken.Kind? { i < limit ? tokens[i].kind : nil }

    @inline(__always)
    private func isNumber(_ i: Int, maxDigits: UInt8 = 255) -> Bool {
        i < limit && tokens[i].isNumber(maxDigits: maxDigits)
    }

    /// A dash between the two ends of a range.
    @inline(__always)
    private func isRangeDash(_ i: Int) -> Bool { kind(i) == .dash }

    @inline(__always)
    private func isDateSeparator(_ i: Int) -> Bool {
        DateReader(tokens: tokens, limit: limit).isSeparator(i)
    }

    /// `6`, `06` or `sáu` (six).
    @inline(__always)
    private func isSix(_ i: Int) -> Bool {
        guard i < limit else { return false }
        let t = tokens[i]
        return (t.kind == .number && t.value == 6 && t.digits <= 2) || (t.word == .after && !t.isASCII)
    }

    /// A month (1–2 digits) or a quarter (1–2 digits or a Roman numeral); range is checked later.
    private func unitNumber(_ i: Int, _ unit: TimeAtom.Unit) -> (Int, Int)? {
        guard i < limit else { return nil }
        let t = tokens[i]
        if t.isNumber(maxDigits: 2) { return (Int(t.value), i + 1) }
        if unit == .quarter, t.isRoman { return (Int(t.value), i + 1) }
        return nil
    }

    /// `/2024`, `năm 2024` (also two-digit years) after a month or quarter.
    private func yearSuffix(_ i: Int) -> (Int, Int)? {
        guard i + 1 < limit, tokens[i].kind == .slash || isWord(i, .year) else { return nil }
        return yearNumber(i + 1)
    }

    /// A four-digit year, or a two-digit one read as 20yy.
    private func yearNumber(_ i: Int) -> (Int, Int)? {
        DateReader(tokens: tokens, limit: limit).year(i)
    }

    /// A four-digit year (`Năm 2025`, `giai đoạn 2021-2025`).
    private func fullYear(_ i: Int) -> (Int, Int)? {
        guard i < limit, tokens[i].kind == .number, tokens[i].digits == 4 else { return nil }
        return (Int(tokens[i].value), i + 1)
    }

    /// Gives a range's yearless end the other end's year; a start later in the year than its
    /// end belongs to the year before (`Tháng 11 - tháng 2/2025` starts in November 2024).
    static func shareYear(_ first: inout TimeAtom, _ last: inout TimeAtom) {
        if first.year == nil, let y = last.year { first.year = first.startsAfter(last) ? y - 1 : y }
        if last.year == nil, let y = first.year { last.year = first.startsAfter(last) ? y + 1 : y }
    }
}
