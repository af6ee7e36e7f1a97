/// Turns a task's time text (`Thời gian thực hiện`) into ``TimeMilestone``s with dates.
///
/// A text is cut into pieces at `;` and at sentence ends (`. ` before an uppercase word).
/// A piece can hold several milestones when a new time expression follows a complete one
/// (`Tháng 12/2023 Theo kế hoạch …` is a month and a condition). Words before or after the
/// time expression are the milestone's action (`Quý I năm 2025 ban hành Kế hoạch`).
///
/// Years: a month, quarter, half, day or `Trong năm` without a year takes `planYear`, or
/// else the first year of `planPeriod`. Continuous and periodic milestones span the plan
/// (`planPeriod`, else `planYear`) unless the text names years. Two-digit years are 20yy.
///
/// - Precondition: the text is NFC, as every text from the tokenizer is.
/// - Postcondition: every milestone has a non-empty `text`; a milestone of kind `unknown`
///   has no dates; every problem names its text.
struct TimeNormalizer: Sendable {
    let planYear: Int?
    let planPeriod: PlanPeriod?

    init(planYear: Int?, planPeriod: PlanPeriod?) {
        self.planYear = planYear
        self.planPeriod = planPeriod
    }

    /// Splits a raw time text into milestones and normalizes each.
    /// - Complexity: O(n) in the text's length for the texts plans contain (each token
    ///   starts a handful of short grammar checks).
    func milestones(in text: String) -> (milestones: [TimeMilestone], problems: [TimeProblem]) {
        var text = text
        return text.withUTF8 { milestones(in: $0) }
    }

    /// ``milestones(in:)`` of a text's UTF-8 bytes (valid UTF-8, NFC).
    func milestones(in bytes: UnsafeBufferPointer<UInt8>) -> (milestones: [TimeMilestone], problems: [TimeProblem]) {
        var reader = PieceReader(normalizer: self, bytes: bytes, tokens: TimeTokenizer.tokens(bytes))
        reader.readAll()
        return (reader.milestones, reader.problems)
    }

    // MARK: - Dates

    /// The year for a span that names none.
    private var defaultYear: Int? { planYear ?? planPeriod?.start }

    /// What an atom's dates come to once its year is known.
    private enum Resolution {
        case dates(CalendarDate, CalendarDate)
        case invalid
        case noYear
    }

    private func resolve(_ atom: TimeAtom) -> Resolution {
        guard let year = atom.year ?? defaultYear else {
            // Still report a span that exists in no year at all (Quý V, 31/02); 2000 is a
            // leap year, so 29/02 passes.
            return atom.bounds(in: 2000) == nil ? .invalid : .noYear
        }
        guard let b = atom.bounds(in: year) else { return .invalid }
        return .dates(b.first, b.last)
    }

    /// Jan 1 of the first year to Dec 31 of the last: the named years, else the plan's.
    private func yearBounds(_ span: YearSpan?) -> (CalendarDate?, CalendarDate?, valid: Bool) {
        let first = span?.first ?? planPeriod?.start ?? planYear
        let last = span?.last ?? planPeriod?.end ?? planYear
        guard let first, let last else { return (nil, nil, true) }
        guard first <= last else { return (nil, nil, false) }
        return (CalendarDate(year: first, month: 1, day: 1), CalendarDate(year: last, month: 12, day: 31), true)
    }

    /// An impossible span: a milestone of kind unknown with no dates.
    private static func invalid(_ text: String, _ action: String?) -> (TimeMilestone, TimeProblem?) {
        (TimeMilestone(text: text, kind: .unknown, action: action), .invalid(text))
    }

    /// The milestone for one recognized expression, and its problem if any.
    fileprivate func milestone(
        _ expression: TimeExpression, text: String, action: String?
    ) -> (TimeMilestone, TimeProblem?) {
        var m = TimeMilestone(text: text, kind: .unknown, action: action)
        switch expression {
        case .conditional:
            m.kind = .conditional
        case .continuous(let span):
            m.kind = .continuous
            let (start, end, valid) = yearBounds(span)
            guard valid else { return Self.invalid(text, action) }
            (m.start, m.end) = (start, end)
        case .periodic(let every, let span):
            m.kind = .periodic
            m.every = every
            let (start, end, valid) = yearBounds(span)
            guard valid else { return Self.invalid(text, action) }
            (m.start, m.end) = (start, end)
        case .deadline(let atom):
            m.kind = .deadline
            switch resolve(atom) {
            case .dates(_, let last): m.end = last
            case .invalid: return Self.invalid(text, action)
            case .noYear: return (m, .noYear(text))
            }
        case .calendar(let first, nil, false):
            switch first.unit {
            case .day: m.kind = .date
            case .month: m.kind = .month
            case .quarter: m.kind = .quarter
            case .half: m.kind = .half
            case .year: m.kind = .year
            }
            switch resolve(first) {
            case .dates(let a, let b): (m.start, m.end) = (a, b)
            case .invalid: return Self.invalid(text, action)
            case .noYear: return (m, .noYear(text))
            }
        case .calendar(let first, let last, let isOpen):
            m.kind = .range
            let start: CalendarDate
            switch resolve(first) {
            case .dates(let a, _): start = a
            case .invalid: return Self.invalid(text, action)
            case .noYear: return (m, .noYear(text))
            }
            guard let last else {
                m.start = start
                return (m, isOpen ? .openRange(text) : nil)
            }
            switch resolve(last) {
            case .dates(_, let b):
                guard start <= b else { return Self.invalid(text, action) }
                (m.start, m.end) = (start, b)
            case .invalid: return Self.invalid(text, action)
            case .noYear: return (m, .noYear(text))
            }
        }
        return (m, nil)
    }
}

/// Walks the tokens of one time text piece by piece and collects milestones.
private struct PieceReader {
    let normalizer: TimeNormalizer
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [TimeToken]
    var milestones: [TimeMilestone] = []
    var problems: [TimeProblem] = []

    init(normalizer: TimeNormalizer, bytes: UnsafeBufferPointer<UInt8>, tokens: [TimeToken]) {
        self.normalizer = normalizer
        self.bytes = bytes
        self.tokens = tokens
    }

    mutating func readAll() {
        var start = 0
        for i in tokens.indices where endsPiece(i) {
            read(start, i)
            start = i + 1
        }
        read(start, tokens.count)
    }

    /// A `;`, or a full stop followed by a space and an uppercase word (a new sentence) —
    /// unless the word before it is a short abbreviation (`TP. Hồ Chí Minh`).
    private func endsPiece(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.kind == .semicolon { return true }
        guard t.kind == .period, i + 1 < tokens.count else { return false }
        let next = tokens[i + 1]
        guard next.spaceBefore, next.kind == .word, next.isCapitalized else { return false }
        if i > 0, tokens[i - 1].kind == .word, tokens[i - 1].isCapitalized,
            tokens[i - 1].end - tokens[i - 1].start <= 2
        {
            return false
        }
        return true
    }

    /// Reads the piece of tokens `from..<to`.
    private mutating func read(_ from: Int, _ to: Int) {
        var a = from
        // A list marker ("- ", "+ ") before the piece is no part of it.
        while a < to, tokens[a].kind == .dash || tokens[a].kind == .plus { a += 1 }
        var b = to
        while b > a, isTrailingPunctuation(tokens[b - 1]) { b -= 1 }
        guard a < b else { return }
        let parser = TimeExpressionParser(tokens: tokens, limit: b)
        var segment = a
        while true {
            // The first time expression, skipping citations (số 12/QĐ-UBND ngày 01/02/2024).
            var k = segment
            var found: (expression: TimeExpression, end: Int)?
            while k < b {
                if let c = parser.citationEnd(at: k) {
                    k = c
                    continue
                }
                if let e = parser.expression(at: k) {
                    found = e
                    break
                }
                k += 1
            }
            guard let (expression, expressionEnd) = found else {
                let text = string(segment, b)
                milestones.append(TimeMilestone(text: text, kind: .unknown))
                problems.append(.unknown(text))
                return
            }
            // Qualifiers ("/theo hướng dẫn", ", theo Kế hoạch …") stay with the milestone;
            // a new time expression right after it starts the next one.
            var end = expressionEnd
            var next: Int?
            while end < b, next == nil {
                var j = end
                let connected = isConnector(tokens[j])
                if connected { j += 1 }
                guard let (following, _) = parser.expression(at: j) else { break }
                if following.isConditional, connected || !tokens[j].isCapitalized {
                    end = connected ? b : shortQualifierEnd(j, limit: b) ?? b
                } else {
                    next = j
                }
            }
            // Words on both sides ("báo cáo vào tháng 11 cho UBND") make one action.
            let leading = action(segment, k, leading: true)
            let trailing = next == nil ? action(end, b, leading: false) : nil
            let actionText: String?
            switch (leading, trailing) {
            case (let l?, let t?): actionText = l + " " + t
            case (let l?, nil): actionText = l
            case (nil, let t): actionText = t
            }
            let text = string(segment, next == nil ? b : end)
            let (milestone, problem) = normalizer.milestone(expression, text: text, action: actionText)
            milestones.append(milestone)
            if let problem { problems.append(problem) }
            guard let next else { return }
            segment = next
        }
    }

    /// `theo quy định` / `theo kế hoạch` written straight after a time expression and
    /// followed by more words that do not continue it (`định kỳ theo quy định tham mưu báo
    /// cáo …`): the qualifier is just those words and the rest is the action.
    private func shortQualifierEnd(_ i: Int, limit: Int) -> Int? {
        guard i + 3 < limit, tokens[i].word == .following, tokens[i + 3].kind == .word,
            !tokens[i + 3].isCapitalized
        else { return nil }
        let first = tokens[i + 1].word
        let second = tokens[i + 2].word
        // quy định (rules) / kế hoạch (plan)
        guard (first == .quarter && second == .fixed) || (first == .plan && second == .planTail) else {
            return nil
        }
        // ... của (of), tại (in), hiện hành (in force), và / hoặc (and / or) continue it.
        switch tokens[i + 3].word {
        case .of, .located, .current, .and, .or: return nil
        default: return i + 3
        }
    }

    /// The action in `from..<to`, trimmed of punctuation and of a linking `vào` / `là`
    /// before the time expression; `nil` when nothing is left.
    private func action(_ from: Int, _ to: Int, leading: Bool) -> String? {
        var a = from
        var b = to
        while a < b, isEdgePunctuation(tokens[a]) { a += 1 }
        while b > a {
            let t = tokens[b - 1]
            if isEdgePunctuation(t) || (leading && t.kind == .word && (t.word == .at || t.word == .be)) {
                b -= 1
            } else {
                break
            }
        }
        return a < b ? string(a, b) : nil
    }

    /// The text of tokens `from..<to` as printed, trailing `.`, `;`, `,` dropped.
    private func string(_ from: Int, _ to: Int) -> String {
        var b = to
        while b > from + 1, isTrailingPunctuation(tokens[b - 1]) { b -= 1 }
        let range = Int(tokens[from].start)..<Int(tokens[b - 1].end)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func isTrailingPunctuation(_ t: TimeToken) -> Bool {
        t.kind == .period || t.kind == .semicolon || t.kind == .comma
    }

    private func isEdgePunctuation(_ t: TimeToken) -> Bool {
        switch t.kind {
        case .period, .semicolon, .comma, .colon, .dash, .plus, .slash: return true
        default: return false
        }
    }

    /// `,` `/` `-` `và` (and) `hoặc` (or) between two time expressions.
    private func isConnector(_ t: TimeToken) -> Bool {
        switch t.kind {
        case .comma, .slash, .dash: return true
        case .word: return t.word == .and || t.word == .or
        default: return false
        }
    }
}
