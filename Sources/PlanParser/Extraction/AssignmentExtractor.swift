/// One duty assigned in a sentence: who leads it, who supports, what it is, by when.
struct DutyAssignment: Equatable {
    /// Lead units as printed; empty when the duty's unit is the agency it stands under.
    var lead: [String]
    var support: [String]
    /// The duty without its lead frame, first letter capitalized.
    var duty: String
    /// Time phrases of the duty (`hoàn thành trước ngày 10/12/2023`, `định kỳ hằng quý`); none
    /// are kept when the areas are read (see ``AssignmentReader/read(_:context:collectiveSubjects:areas:)``).
    var times: [String]
    /// Whether the agency above supports rather than leads (`Phối hợp với Sở X …` under it).
    var agencySupports = false
    /// The areas the duty names and the opening phrases of its clauses (read only for
    /// responsibilities, see ``ResponsibilityAreas``).
    var areas: [String] = []
    var heads: [String] = []
    /// The tokens the duty was read from (its clauses, `;` between them included).
    var span: Range<Int> = 0..<0
}

/// Reads the assignments in one text — a paragraph, an item, a duty under an agency heading —
/// with the ``AssignmentFrames``.
///
/// The text is cut into clauses at `;` and at sentence ends (a full stop before a capitalized
/// word, outside parentheses and quotation marks), so citations (`số 12/QĐ-UBND ngày
/// 01/02/2024`) and dates stay whole. A clause that opens with a frame starts an assignment;
/// one without a frame continues the assignment before it (its duty and its time), or — a
/// clause that only says when (`hoàn thành trước ngày 10/12/2023`) — adds its time only.
/// Clauses inside quotation marks, and clauses that report (`Sở đã …`) or enforce (`… chịu
/// trách nhiệm thi hành Quyết định này`) are no assignments.
///
/// - Complexity: O(n) in the text's length for the frames (each clause start is tried against
///   a handful of short phrases); the text is tokenized once.
struct AssignmentReader {
    enum Context: Equatable {
        /// A paragraph or an item of a letter, a conclusion, a decision, or a task section's
        /// paragraph: only clauses with a frame and a named unit are assignments.
        case sentences
        /// An item of a plan's task section: it is an assignment only when it opens with a frame.
        case item
        /// A duty under an agency heading (`2. Sở Nội vụ` › `- Chủ trì …`): the agency leads
        /// unless the duty names another unit; a clause that names none continues the duty.
        /// With `splitRoles`, a clause that opens with a role (`phối hợp với Y …`) starts a
        /// new assignment (responsibilities need the roles apart).
        case duty(splitRoles: Bool)
    }

    /// What a text holds.
    struct Reading: Equatable {
        var assignments: [DutyAssignment] = []
        /// When the text ends in an introduction with a frame (`UBND tỉnh yêu cầu các sở, ngành
        /// thực hiện các nội dung sau:`): its units, who lead the items that follow.
        var introLead: [String]?
    }

    private let words: TextWords
    private let units: UnitNameReader
    private let context: Context
    /// Whether a collective (`Các phòng, đơn vị …`) followed by a plain verb is a lead; in a
    /// plan's paragraphs such a sentence is a general statement.
    private let collectiveSubjects: Bool
    private let readsAreas: Bool
    /// Whether token `i` lies inside quotation marks; empty when the text has no quotation mark
    /// (most have none: see ``isQuoted(_:)``).
    private let quoted: [Bool]

    /// - Parameter areas: also read each duty's areas and clause heads, and keep no times (for
    ///   responsibilities, which have none: only whether a clause says nothing but when counts).
    static func read(_ text: String, context: Context, collectiveSubjects: Bool = true, areas: Bool = false) -> Reading {
        return text.withUTF8Bytes { read($0, context: context, collectiveSubjects: collectiveSubjects, areas: areas) }
    }

    /// ``read(_:context:collectiveSubjects:areas:)`` of a text's UTF-8 bytes (valid UTF-8, NFC).
    static func read(_ text: UnsafeBufferPointer<UInt8>, context: Context, collectiveSubjects: Bool = true, areas: Bool = false) -> Reading {
        read(TextWords(text), context: context, collectiveSubjects: collectiveSubjects, areas: areas)
    }

    /// ``read(_:context:collectiveSubjects:areas:)`` of a text already split into words.
    static func read(_ words: TextWords, context: Context, collectiveSubjects: Bool = true, areas: Bool = false) -> Reading {
        AssignmentReader(words: words, context: context, collectiveSubjects: collectiveSubjects, areas: areas).read()
    }

    /// Cheap check before any tokenizing: could `text` hold a frame at all? Every frame has a
    /// capitalized unit head or one of a few frame words; most plan text has neither early.
    static func mayHoldAssignment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        VietnameseText.withLowercased(bytes) { lower in
            prefilterWords.firstMatch(in: lower) != nil
        }
    }

    private static let prefilterWords = ByteNeedles([
        "chủ trì", "giao", "đề nghị", "yêu cầu", "trách nhiệm", "phối hợp", "tham mưu", "phân công",
    ])

    private init(words: TextWords, context: Context, collectiveSubjects: Bool, areas: Bool) {
        self.words = words
        self.collectiveSubjects = collectiveSubjects
        readsAreas = areas
        units = AgencySections.nameReader(words)
        self.context = context
        var q: [Bool] = []
        var depth = 0
        // Before the first quotation mark no token is quoted: the flags are written from there.
        var first = 0
        while first < words.count, words[first].kind != .quote { first += 1 }
        if first < words.count {
            q.reserveCapacity(words.count)
            q.append(contentsOf: repeatElement(false, count: first))
        }
        for i in first..<words.count {
            let t = words[i]
            if t.kind == .quote {
                let b = words.bytes[Int(t.start) + (t.end - t.start == 3 ? 2 : 0)]
                // “ opens, ” closes; a straight quote toggles.
                if b == 0x9C || b == 0x98 { depth += 1 } else if b == 0x9D || b == 0x99 { depth = max(0, depth - 1) } else { depth = depth > 0 ? 0 : 1 }
                q.append(true)
                continue
            }
            q.append(depth > 0)
        }
        quoted = q
    }

    @inline(__always)
    private func isQuoted(_ i: Int) -> Bool { !quoted.isEmpty && quoted[i] }

    // MARK: - Clauses

    private func read() -> Reading {
        var reading = Reading()
        var prefix: [Range<Int>] = []
        let isDuty: Bool
        let splitRoles: Bool
        if case .duty(let split) = context {
            isDuty = true
            splitRoles = split
        } else {
            isDuty = false
            splitRoles = false
        }
        let clauses = clauseRanges()
        // `… chịu trách nhiệm thi hành Quyết định này`: the enforcement article, all of it.
        // (A closure, not the method itself: a method value would copy the reader.)
        if clauses.contains(where: { hasBoilerplate($0) }) { return reading }
        for (n, c) in clauses.enumerated() {
            guard var frame = frame(in: c, allowImplicit: isDuty) else {
                // `Văn phòng UBND tỉnh thông báo để …`, `Sở đã …`, `Tổ công tác tự giải thể …`: a
                // unit named without a duty frame reports or is described; nobody's duty.
                if isDuty, opensWithUnit(c) { continue }
                if !reading.assignments.isEmpty {
                    if !endsWithColon(c) { append(c, to: &reading) }
                } else if context != .sentences {
                    // An item's or a duty's own words before any frame.
                    prefix.append(c)
                }
                continue
            }
            if isDuty, frame.implicit, !splitRoles, !reading.assignments.isEmpty || !prefix.isEmpty {
                // `…; phối hợp với Y …` inside one duty: the same task.
                if reading.assignments.isEmpty { prefix.append(c) } else { append(c, to: &reading) }
                continue
            }
            if isDuty, !prefix.isEmpty {
                // The duty's own words, then another unit's: two assignments.
                var a = DutyAssignment(lead: [], support: [], duty: "", times: [])
                fill(&a, from: prefix)
                prefix.removeAll()
                if !a.duty.isEmpty { reading.assignments.append(a) }
            }
            if context == .item, n > 0, reading.assignments.isEmpty {
                // `Tổ chức …; giao Phòng X chủ trì thực hiện.`: the item's lead, written after it.
                guard isTrivial(frame.dutyStart, c.upperBound), !prefix.isEmpty else { return Reading() }
                frame.dutyStart = c.upperBound
            }
            if endsWithColon(c) {
                // An introduction (`… thực hiện các nội dung sau:`): its units lead what follows.
                if context == .sentences, !frame.lead.isEmpty, !frame.implicit { reading.introLead = frame.lead.map(name) }
                continue
            }
            var a = DutyAssignment(lead: frame.lead.map(name), support: frame.support.map(name), duty: "", times: [])
            a.agencySupports = frame.agencySupports
            var parts = prefix
            prefix.removeAll()
            if frame.dutyStart < c.upperBound { parts.append(frame.dutyStart..<c.upperBound) }
            fill(&a, from: parts)
            reading.assignments.append(a)
        }
        if isDuty, reading.assignments.isEmpty, !prefix.isEmpty {
            // A duty with no frame: all of it, led by the agency.
            var a = DutyAssignment(lead: [], support: [], duty: "", times: [])
            fill(&a, from: prefix)
            if !a.duty.isEmpty { reading.assignments.append(a) }
        }
        if readsAreas {
            for k in reading.assignments.indices where !reading.assignments[k].span.isEmpty {
                let span = reading.assignments[k].span
                reading.assignments[k].areas = ResponsibilityAreas.areas(in: words, span)
                reading.assignments[k].heads = ResponsibilityAreas.headPhrases(in: words, span)
            }
        }
        return reading
    }

    /// The duty text and times of clause pieces `parts`.
    private func fill(_ a: inout DutyAssignment, from parts: [Range<Int>]) {
        // The clauses' texts as token ranges: the duty is made once from their bytes.
        var texts: [Range<Int>] = []
        for r in parts {
            let (found, timeOnly) = times(in: r)
            let text = clauseTokens(r)
            // (A clause that says only when has a time: `found` may be left empty, see ``times(in:)``.)
            if timeOnly, !texts.isEmpty {
                if !readsAreas { a.times.append(words.string(text.lowerBound, text.upperBound)) }
                continue
            }
            if !text.isEmpty { texts.append(text) }
            a.times += found
            a.span = a.span.isEmpty ? r : min(a.span.lowerBound, r.lowerBound)..<max(a.span.upperBound, r.upperBound)
        }
        a.duty = dutyText(texts)
    }

    /// The texts of token ranges `texts` joined by `; `, first letter capitalized (as
    /// ``capitalized(_:)`` makes it), built on the bytes in a temporary buffer (no array).
    private func dutyText(_ texts: [Range<Int>]) -> String {
        guard !texts.isEmpty else { return "" }
        var length = 2 * (texts.count - 1)
        for t in texts { length += words.byteRange(t.lowerBound, t.upperBound).count }
        return words.bytes.withUnsafeBufferPointer { buf in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { out in
                var n = 0
                for (k, t) in texts.enumerated() {
                    if k > 0 {
                        out[n] = UInt8(ascii: ";")
                        out[n + 1] = 0x20
                        n += 2
                    }
                    let r = words.byteRange(t.lowerBound, t.upperBound)
                    (out.baseAddress! + n).initialize(from: buf.baseAddress! + r.lowerBound, count: r.count)
                    n += r.count
                }
                let text = UnsafeMutableBufferPointer(rebasing: out[0..<n])
                guard Self.capitalizeFirst(text) else { return Self.capitalized(String(validUTF8: UnsafeBufferPointer(text))) }
                return String(validUTF8: UnsafeBufferPointer(text))
            }
        }
    }

    /// Uppercases the first letter of `text` in place when it is a lowercase letter whose
    /// uppercase has its length and is plain to write (ASCII, Latin-1, `đ`, `ơ`, `ư` and the
    /// Vietnamese letters of Latin Extended Additional); `false` for any other lowercase letter,
    /// which ``capitalized(_:)`` is left to.
    private static func capitalizeFirst(_ text: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        guard !text.isEmpty else { return true }
        let (s, n) = VietnameseText.scalar(in: UnsafeBufferPointer(text), at: 0)
        guard VietnameseText.isLowercase(s) else { return true }
        let upper: UInt32
        switch s {
        case 0x61...0x7A: upper = s - 0x20
        case 0xE0...0xFE where s != 0xF7: upper = s - 0x20
        case 0x111, 0x1A1, 0x1B0: upper = s - 1
        case 0x1EA1...0x1EF9 where s & 1 == 1: upper = s - 1
        default: return false
        }
        let written = VietnameseText.writeUTF8(upper, to: text, at: 0)
        return written == n
    }

    /// A clause without a frame after an assignment: more of its duty, or only its time.
    private func append(_ c: Range<Int>, to reading: inout Reading) {
        let (texts, timeOnly) = times(in: c)
        let last = reading.assignments.count - 1
        if timeOnly {
            if !readsAreas { reading.assignments[last].times.append(clauseText(c)) }
        } else {
            let text = clauseText(c)
            guard !text.isEmpty else { return }
            if !reading.assignments[last].duty.isEmpty { reading.assignments[last].duty += "; " }
            reading.assignments[last].duty += text
            reading.assignments[last].times += texts
            let span = reading.assignments[last].span
            reading.assignments[last].span = min(span.lowerBound, c.lowerBound)..<max(span.upperBound, c.upperBound)
        }
    }

    /// Clauses as token ranges: cut at `;` and at a full stop before a capitalized word or a
    /// list dash, never inside parentheses or quotation marks.
    private func clauseRanges() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var depth = 0
        for i in 0..<words.count {
            let t = words[i]
            switch t.kind {
            case .open: depth += 1
            case .close: depth = max(0, depth - 1)
            case .semicolon where depth == 0 && !isQuoted(i):
                // Empty clauses (`;;`, `.;`) are left out as they come: no second array is made.
                if start < i { result.append(start..<i) }
                start = i + 1
            case .period where depth == 0 && !isQuoted(i):
                if i + 1 < words.count, words[i + 1].capitalized || words[i + 1].kind == .dash || words[i + 1].kind == .open {
                    if start < i { result.append(start..<i) }
                    start = i + 1
                }
            default: break
            }
        }
        if start < words.count { result.append(start..<words.count) }
        return result
    }

    /// The text of a clause as printed, list dashes and edge punctuation trimmed.
    private func clauseText(_ c: Range<Int>) -> String {
        let t = clauseTokens(c)
        return words.string(t.lowerBound, t.upperBound)
    }

    /// The tokens of ``clauseText(_:)``.
    private func clauseTokens(_ c: Range<Int>) -> Range<Int> {
        var a = c.lowerBound
        var b = c.upperBound
        while a < b, words[a].kind != .word, words[a].kind != .open, words[a].kind != .quote { a += 1 }
        while b > a, Self.isEdgeMark(words[b - 1].kind) { b -= 1 }
        // `./.`: the closing mark of a document.
        while b > a, words[b - 1].kind == .other, words.bytes[Int(words[b - 1].start)] == UInt8(ascii: "/") {
            b -= 1
            while b > a, words[b - 1].kind == .period { b -= 1 }
        }
        return a..<b
    }

    /// Marks trimmed from a clause's end: `.` `,` `;` `:` and a dash.
    @inline(__always)
    private static func isEdgeMark(_ kind: TextWords.Kind) -> Bool {
        switch kind {
        case .period, .comma, .semicolon, .colon, .dash: return true
        default: return false
        }
    }

    private func endsWithColon(_ c: Range<Int>) -> Bool {
        var b = c.upperBound
        while b > c.lowerBound, words[b - 1].kind == .close || words[b - 1].kind == .quote { b -= 1 }
        return b > c.lowerBound && words[b - 1].kind == .colon
    }

    private func hasBoilerplate(_ c: Range<Int>) -> Bool {
        // The table in a local: a static is asked through its once-token at every use.
        let boilerplate = AssignmentFrames.boilerplate
        for i in c where words[i].kind == .word && boilerplate.longestMatch(in: words, at: i) != nil {
            return true
        }
        return false
    }

    private func isTrivial(_ from: Int, _ to: Int) -> Bool {
        guard from < to else { return true }
        var a = from
        var b = to
        while b > a, words[b - 1].kind != .word { b -= 1 }
        while a < b, words[a].kind != .word { a += 1 }
        let text = Array(words.lower[words.byteRange(a, b)])
        return AssignmentFrames.trivialDuties.contains(text)
    }

    private func name(_ r: Range<Int>) -> String { words.string(r.lowerBound, r.upperBound) }

    // MARK: - Frames

    private struct Frame {
        var lead: [Range<Int>]
        var support: [Range<Int>]
        var dutyStart: Int
        /// No unit was written before the frame (`Chủ trì, phối hợp …`): the agency's.
        var implicit = false
        var agencySupports = false
    }

    /// The frame a clause opens with, if any.
    private func frame(in c: Range<Int>, allowImplicit: Bool) -> Frame? {
        var k = c.lowerBound
        let end = c.upperBound
        while k < end, words[k].kind == .dash || words[k].kind == .comma { k += 1 }
        if let e = AssignmentFrames.openers.longestMatch(in: words, at: k) {
            k = e
            while k < end, words[k].kind == .comma { k += 1 }
        }
        guard k < end, !isQuoted(k) else { return nil }
        // 1. `Giao X …`, `Đề nghị X …`, `Yêu cầu X …`.
        if let e = AssignmentFrames.assigners.longestMatch(in: words, at: k), e < end,
            let (names, ne) = units.names(at: e), ne <= end
        {
            return afterLead(subject: names, at: ne, end: end, assigned: true)
        }
        // 2. `Chủ trì, phối hợp …` with the agency as its unit.
        if allowImplicit, isRoleWord(k), var f = afterLead(subject: [], at: k, end: end, assigned: false) {
            f.implicit = true
            return f
        }
        // 3. `X chủ trì …`, `X có trách nhiệm …`, `X tổ chức …`, `X: …`. (The names are read
        // once for 3 and 3b.)
        let named = units.names(at: k)
        if let (names, ne) = named, ne <= end, let f = afterLead(subject: names, at: ne, end: end, assigned: false) {
            let plainVerb = f.lead == names && f.support.isEmpty && AssignmentFrames.leads.longestMatch(in: words, at: ne) == nil
                && AssignmentFrames.responsibility.longestMatch(in: words, at: ne) == nil
            if !collectiveSubjects, plainVerb, names.allSatisfy({ LeadInference.isCollective(name($0)) }) { return nil }
            return f
        }
        // 3b. `Phòng Phổ biến, giáo dục pháp luật chủ trì …`: a name with a comma the lexicon
        // does not know, right before a role word.
        if let (names, ne) = named, ne < end, words[ne].kind == .comma, let e = roleWordAhead(from: ne + 1, end: end),
            let f = afterLead(subject: names.dropLast() + [names.last!.lowerBound..<e], at: e, end: end, assigned: false)
        {
            return f
        }
        // 4. `…, UBND tỉnh giao X …` later in the clause, in lower case, not after `đã`.
        var j = k + 1
        while j < end {
            if words[j].kind == .word, !words[j].capitalized, !isQuoted(j),
                let e = AssignmentFrames.assigners.longestMatch(in: words, at: j), e < end,
                !(j > 0 && AssignmentFrames.notDuties.longestMatch(in: words, at: j - 1) != nil),
                let (names, ne) = units.names(at: e), ne <= end,
                let f = afterLead(subject: names, at: ne, end: end, assigned: true)
            {
                return f
            }
            j += 1
        }
        return nil
    }

    /// Whether clause `c` opens with a unit name (and more words after it).
    private func opensWithUnit(_ c: Range<Int>) -> Bool {
        var k = c.lowerBound
        while k < c.upperBound, words[k].kind == .dash || words[k].kind == .comma { k += 1 }
        guard let (_, ne) = units.names(at: k), ne < c.upperBound else { return false }
        return true
    }

    /// The start of a role word (`chủ trì`, `có trách nhiệm`, `phối hợp`) within a few lowercase
    /// name-like words from `k`, with no verb or function word between.
    private func roleWordAhead(from k: Int, end: Int) -> Int? {
        var j = k
        while j < end, j - k < 6, words[j].kind == .word {
            if j > k, isRoleWord(j) { return j }
            if AssignmentFrames.dutyVerbs.longestMatch(in: words, at: j) != nil
                || AssignmentFrames.nameEnders.longestMatch(in: words, at: j) != nil
            {
                return nil
            }
            j += 1
        }
        return nil
    }

    private func isRoleWord(_ k: Int) -> Bool {
        AssignmentFrames.leads.longestMatch(in: words, at: k) != nil
            || AssignmentFrames.cooperation.longestMatch(in: words, at: k) != nil
            || AssignmentFrames.responsibility.longestMatch(in: words, at: k) != nil
    }

    /// What follows the units: the role words, the supporting units, where the duty starts.
    private func afterLead(subject: [Range<Int>], at start: Int, end: Int, assigned: Bool, depth: Int = 0) -> Frame? {
        let beforeAdverbs = skipPunctuation(start, end)
        var j = skipAdverbs(beforeAdverbs, end)
        guard j < end else { return subject.isEmpty || !assigned ? nil : Frame(lead: subject, support: [], dutyStart: end) }
        if AssignmentFrames.notDuties.longestMatch(in: words, at: j) != nil { return nil }
        if let e = AssignmentFrames.leads.longestMatch(in: words, at: j) {
            if AssignmentFrames.events.longestMatch(in: words, at: e) != nil { return nil }
            j = skipPunctuation(e, end)
            // `là cơ quan thường trực, chủ trì, phối hợp …`: one role word after another.
            while let again = AssignmentFrames.leads.longestMatch(in: words, at: j) { j = skipPunctuation(again, end) }
            // `là cơ quan thường trực của Tổ công tác, có trách nhiệm …`: whose role, then the duty.
            if words.isWord(j, Self.ofWord), e - start > 1 {
                var c = j + 1
                while c < end, c - j < 12, words[c].kind != .comma { c += 1 }
                if c < end, words[c].kind == .comma {
                    let k = skipPunctuation(c, end)
                    j = AssignmentFrames.responsibility.longestMatch(in: words, at: k).map { skipPunctuation($0, end) } ?? k
                }
            }
            var support: [Range<Int>] = []
            if let ce = AssignmentFrames.cooperation.longestMatch(in: words, at: j), let (names, ne) = units.names(at: ce), ne <= end {
                support = names
                j = skipPunctuation(ne, end)
            }
            return Frame(lead: subject, support: support, dutyStart: j)
        }
        if let e = AssignmentFrames.responsibility.longestMatch(in: words, at: j) {
            // `… chịu trách nhiệm trước Chủ tịch UBND tỉnh (về kết quả thực hiện)`: answerable to
            // someone, no duty — unless for a matter of work (`… về công tác bồi thường …`).
            if words.isWord(e, Self.beforeWord) {
                guard let about = (e + 1..<end).first(where: { words.isWord($0, Self.aboutWord) }),
                    AssignmentFrames.accountability.longestMatch(in: words, at: about + 1) == nil
                else { return nil }
                return Frame(lead: subject, support: [], dutyStart: j)
            }
            // `… được giao nhiệm vụ tại Điều 1 có trách nhiệm …`: the units given duties there;
            // the frame, if any, comes after.
            if words.isWord(e, Self.dutyWords[0]), words.isWord(e + 1, Self.dutyWords[1]),
                words.isWord(e + 2, Self.atWord) || words.isWord(e + 2, Self.underWord)
            {
                var k = e + 3
                while k < end, AssignmentFrames.responsibility.longestMatch(in: words, at: k) == nil { k += 1 }
                guard k < end, depth == 0 else { return nil }
                return afterLead(subject: subject, at: k, end: end, assigned: assigned, depth: 1)
            }
            // `chịu trách nhiệm về kết quả …`: the words are the duty itself.
            if words.isWord(e, Self.aboutWord) { return Frame(lead: subject, support: [], dutyStart: j) }
            let k = skipPunctuation(e, end)
            if depth == 0, k < end, isRoleWord(k),
                let inner = afterLead(subject: subject, at: k, end: end, assigned: true, depth: 1)
            {
                return inner
            }
            return Frame(lead: subject, support: [], dutyStart: k)
        }
        if let ce = AssignmentFrames.cooperation.longestMatch(in: words, at: j) {
            if let (names, ne) = units.names(at: ce), ne <= end {
                // `X phối hợp với Y …`: Y leads, X supports.
                var f = Frame(lead: names, support: subject, dutyStart: skipPunctuation(ne, end))
                f.agencySupports = subject.isEmpty
                return f
            }
            return Frame(lead: subject, support: [], dutyStart: j)
        }
        if words[j].kind == .colon, !subject.isEmpty {
            let k = skipPunctuation(j + 1, end)
            // `Các thành viên: Lãnh đạo các Sở …`: who is in it, not a duty.
            if let (_, ne) = units.names(at: k), ne >= end || words[ne].kind == .colon || words[ne].kind == .period { return nil }
            if AssignmentFrames.members.longestMatch(in: words, at: k) != nil { return nil }
            return Frame(lead: subject, support: [], dutyStart: k)
        }
        if assigned, words[j].kind == .word { return Frame(lead: subject, support: [], dutyStart: j) }
        if AssignmentFrames.dutyVerbs.longestMatch(in: words, at: j) != nil {
            // The adverbs stay with the duty: `Định kỳ hằng quý báo cáo …`.
            return Frame(lead: subject, support: [], dutyStart: beforeAdverbs)
        }
        return nil
    }

    /// `định kỳ hằng quý`, `hằng năm` between the unit and its verb (`X định kỳ hằng quý báo cáo …`).
    private func skipAdverbs(_ k: Int, _ end: Int) -> Int {
        var j = k
        if words.isWord(j, Self.fixedWord), words.isWord(j + 1, Self.termWord) { j += 2 }
        if words.isWord(j, Self.everyWord) || words.isWord(j, Self.everyWordOld), words.isWord(j + 1, in: Self.periodWords) { j += 2 }
        guard j > k, j < end else { return k }
        return skipPunctuation(j, end)
    }

    /// Words a time without a number is written with (`định kỳ hằng quý`, `thường xuyên`,
    /// `trong quý II`, `khi có yêu cầu`, `cuối năm`), and the cue words before a date.
    private static let timeWordHashes: [UInt64] = [
        "định", "hằng", "hàng", "thường", "liên", "quý", "cuối", "đầu", "giữa", "khi", "đột", "suốt", "tháng", "năm",
        "tuần", "ngày", "kỳ", "hạn", "trước", "sau", "trong", "từ", "đến", "tới", "hết", "nửa", "mùa", "dịp", "quí",
    ].map { TextWords.hash(Array($0.utf8)) }.sorted()

    private static let aboutWord = Array("về".utf8)  // "about"
    private static let beforeWord = Array("trước".utf8)  // "before" (answerable to)
    private static let dutyWords = [Array("nhiệm".utf8), Array("vụ".utf8)]  // "duty"
    private static let atWord = Array("tại".utf8)  // "at" (the duties at Article 1)
    private static let underWord = Array("theo".utf8)  // "under" (the duties under the plan)
    private static let ofWord = Array("của".utf8)  // "of"
    private static let fixedWord = Array("định".utf8)  // định kỳ: periodically
    private static let termWord = Array("kỳ".utf8)
    private static let everyWord = Array("hằng".utf8)  // every
    private static let everyWordOld = Array("hàng".utf8)  // every
    private static let periodWords = HashedByteSet(["tháng", "quý", "năm", "tuần", "ngày"])

    private func skipPunctuation(_ k: Int, _ end: Int) -> Int {
        var j = k
        while j < end, words[j].kind == .comma || words[j].kind == .dash { j += 1 }
        return j
    }

    // MARK: - Times

    /// The time phrases of tokens `c`, and whether the clause says nothing but when (then a time
    /// was found). When the areas are read no phrases are kept, and a clause with a word that can
    /// be neither is not parsed at all.
    private func times(in c: Range<Int>) -> (texts: [String], timeOnly: Bool) {
        let range = words.byteRange(c.lowerBound, c.upperBound)
        guard !range.isEmpty else { return ([], false) }
        if readsAreas, saysMoreThanWhen(c) { return ([], false) }
        // Most clauses say no time: without a number or a time word there is none to parse.
        var mayHoldTime = false
        let timeWords = Self.timeWordHashes
        for k in c where words[k].kind == .word && (words[k].numeric || timeWords.sortedContains(words[k].hash)) {
            mayHoldTime = true
            break
        }
        guard mayHoldTime else { return ([], false) }
        let (texts, timeOnly) = words.bytes.withUnsafeBufferPointer { buf in
            Self.times(in: UnsafeBufferPointer(rebasing: buf[range]))
        }
        return readsAreas ? ([], timeOnly) : (texts, timeOnly)
    }

    /// Whether clause `c` has a word that no time phrase holds and that is none of the words
    /// around one (``AssignmentFrames/timeClauseWords``): then it says more than when. Asked of
    /// the words that are one ``TimeTokenizer`` word each (letters only), before any time tokenizing:
    /// a time phrase's words are time keywords and Roman numerals, and a duty's first words
    /// (`Chủ trì`, `Phối hợp`) are neither.
    private func saysMoreThanWhen(_ c: Range<Int>) -> Bool {
        // The tables in locals: a static is asked through its once-token at every use.
        let clauseWords = AssignmentFrames.timeClauseWords
        let keywords = TimeWord.table
        return words.bytes.withUnsafeBufferPointer { buf in
            for k in c where words[k].kind == .word {
                let t = words[k]
                guard let w = TimeTokenizer.singleWord(UnsafeBufferPointer(rebasing: buf[Int(t.start)..<Int(t.end)]), keywords: keywords),
                    w.word == .other, !w.isRoman
                else { continue }
                if !words.isWord(k, in: clauseWords) { return true }
            }
            return false
        }
    }

    /// The times of a task's last clause when it says only when (`…; hoàn thành trước ngày
    /// 30/4/2024`): a prose task's deadline, written after its duty.
    static func closingTimes(of title: String) -> [String] {
        return title.withUTF8Bytes { buf in
            // Only a cut in the last 79 bytes counts, and only with a digit after it: a title
            // whose tail has no `;` or `.` or no digit has no closing time (most have none).
            let tailStart = max(0, buf.count - 79)
            let tail = UnsafeBufferPointer(rebasing: buf[tailStart...])
            guard tail.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ".") }),
                tail.contains(where: { $0 &- 0x30 < 10 })
            else { return [] }
            // The last `;` or sentence end with words after it. Only a cut in the tail counts:
            // with no `(` before it, the tail starts outside parentheses and is read alone.
            let from = ByteSearch.contains(UnsafeBufferPointer(rebasing: buf[..<tailStart]), Self.openParenthesis) ? 0 : tailStart
            var cut = -1
            var depth = 0
            for i in from..<buf.count {
                switch buf[i] {
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"): depth = max(0, depth - 1)
                case UInt8(ascii: ";") where depth == 0: cut = i
                case UInt8(ascii: ".") where depth == 0 && i + 1 < buf.count && buf[i + 1] == 0x20: cut = i
                default: break
                }
            }
            guard cut >= 0, buf.count - cut < 80 else { return [] }
            // A clause that says only when has a number (`30/4/2024`, `quý II/2024`).
            guard buf[(cut + 1)...].contains(where: { $0 &- 0x30 < 10 }) else { return [] }
            let (texts, timeOnly) = times(in: UnsafeBufferPointer(rebasing: buf[(cut + 1)...]))
            return timeOnly ? texts : []
        }
    }

    private static let openParenthesis = [UInt8(ascii: "(")]

    /// Time phrases in a clause: deadlines (`trước ngày …`, `chậm nhất …`), periodic times
    /// (`định kỳ …`, `hằng quý`), and calendar spans announced by a cue word (`trong tháng 12`,
    /// `vào ngày 15/12`, `hoàn thành trong quý I`); a bare `năm 2024` in a title is none.
    static func times(in bytes: UnsafeBufferPointer<UInt8>) -> (texts: [String], timeOnly: Bool) {
        let tokens = TimeTokenizer.tokens(bytes)
        guard !tokens.isEmpty else { return ([], false) }
        let parser = TimeExpressionParser(tokens: tokens, limit: tokens.count)
        var spans: [Range<Int>] = []
        var k = 0
        while k < tokens.count {
            if let c = parser.citationEnd(at: k) {
                k = c
                continue
            }
            if let (e, end) = parser.expression(at: k), accepts(e, at: k, end: end, tokens: tokens, bytes: bytes) {
                spans.append(k..<end)
                k = end
                continue
            }
            k += 1
        }
        guard !spans.isEmpty else { return ([], false) }
        var timeOnly = true
        var inSpan = [Bool](repeating: false, count: tokens.count)
        for s in spans { for i in s { inSpan[i] = true } }
        for (i, t) in tokens.enumerated() where !inSpan[i] && t.kind == .word {
            // A word token is letters only (valid UTF-8): lowered in a temporary buffer, no array.
            let known = VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: bytes[Int(t.start)..<Int(t.end)])) {
                AssignmentFrames.timeClauseWords.contains($0)
            }
            if !known {
                timeOnly = false
                break
            }
        }
        if tokens.contains(where: { $0.kind == .number }) == false { timeOnly = false }
        let texts = spans.map { s in
            String(validUTF8: UnsafeBufferPointer(rebasing: bytes[Int(tokens[s.lowerBound].start)..<Int(tokens[s.upperBound - 1].end)]))
        }
        return (texts, timeOnly)
    }

    private static func accepts(_ e: TimeExpression, at k: Int, end: Int, tokens: [TimeToken], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cue = false
        if k > 0, tokens[k - 1].kind == .word {
            cue = VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: bytes[Int(tokens[k - 1].start)..<Int(tokens[k - 1].end)])) {
                AssignmentFrames.timeCues.contains($0)
            }
        }
        if k > 0, tokens[k - 1].kind == .colon { cue = true }
        switch e {
        case .periodic(.unspecified, nil):
            // `định kỳ báo cáo …` (periodically report), not `khám sức khỏe định kỳ cho …` (check-ups).
            guard end < tokens.count else { return true }
            let rest = UnsafeBufferPointer(rebasing: bytes[Int(tokens[end].start)...])
            // Only the first tokens are read: the rest of the clause is not split.
            let verbs = AssignmentFrames.dutyVerbs
            let words = TextWords(rest, tokenLimit: verbs.maxParts)
            return verbs.longestMatch(in: words, at: 0) != nil
        case .deadline, .periodic:
            return true
        case .continuous:
            return end == tokens.count || [.comma, .semicolon, .period].contains(tokens[end].kind)
        case .conditional:
            return false
        case .calendar:
            // `trong tháng 12`, `từ tháng 3`: the words themselves (`cây trồng năm 2025` is a crop).
            let first = VietnameseText.lowercased(UnsafeBufferPointer(rebasing: bytes[Int(tokens[k].start)..<Int(tokens[k].end)]))
            return cue || first == withinWord || first == fromWord
        }
    }

    private static let withinWord = Array("trong".utf8)  // "within"
    private static let fromWord = Array("từ".utf8)  // "from"

    /// `s` with its first letter uppercase (`tham mưu …` → `Tham mưu …`).
    static func capitalized(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, VietnameseText.isLowercase(first.value) else { return s }
        return String(first).uppercased() + String(s.unicodeScalars.dropFirst())
    }
}

// MARK: - Letters, conclusions, decisions

extension TaskExtractor {
    /// A document without task sections: every assignment in its body is a task — in the
    /// paragraphs before the first heading and in every section, except legal bases (`Căn cứ
    /// …`), results and purposes. An introduction with a frame (`… đề nghị các sở, ngành thực
    /// hiện các nội dung sau:`) makes its units the lead of the items after it.
    mutating func extractLetter(_ roots: [SectionView], preamble: [Paragraph]) {
        var intro: Agency?
        for p in preamble where !Self.isBasis(p.text) {
            let (head, fields) = InlineFields.split(p.text)
            if head.isEmpty, !fields.isEmpty, !tasks.isEmpty {
                addFields(fields, line: p.line, toTaskAt: tasks.count - 1)
                continue
            }
            guard AgencySections.mayHoldFrame(head) else { continue }
            let reading = AssignmentReader.read(head, context: .sentences)
            for a in reading.assignments where !Self.isCallToImplement(a.duty) {
                addAssignments([a], agency: nil, id: nextSentenceID(""), line: p.line, endLine: p.endLine, path: [],
                               number: nil, fields: fields)
            }
            if let lead = reading.introLead { intro = Agency(names: lead, line: p.line) }
        }
        letterWalk(roots, path: [], parentID: nil, agency: intro)
    }

    private mutating func letterWalk<C: Collection>(_ nodes: C, path: [SectionHeading], parentID: String?, agency: Agency?)
        where C.Element == SectionView
    {
        var bulletOrdinal = 0
        var agency = agency
        for s in nodes {
            if s.kind == .appendix { continue }
            guard let own = TaskExtractor.ownID(of: s, bulletOrdinal: &bulletOrdinal) else { continue }
            let id = Self.childID(parentID, own)
            let isHeading = s.kind == .part || s.kind == .group || s.kind == .roman
            if isHeading || s.hasChildren, let role = Self.role(ofHeading: s.title),
                role == .results || role == .purpose || role == .funding || role == .targets
            {
                continue
            }
            var inner = agency
            if let units = Self.agencyUnits(of: s) {
                inner = Agency(names: units, line: s.line)
            } else if !(isHeading && TextShape.isUppercase(Array(s.title.utf8))), !Self.isBasis(s.title) {
                let title = s.title
                let titleEnd = !s.hasChildren && !s.hasParagraphs ? s.endLine : s.line
                if agency != nil || AgencySections.mayHoldFrame(title) {
                    let reading = AssignmentReader.read(title, context: agency == nil ? .sentences : .duty(splitRoles: false))
                    addAssignments(reading.assignments.filter { !Self.isCallToImplement($0.duty) }, agency: agency, id: id, line: s.line,
                                   endLine: titleEnd, path: path, number: s.number)
                    if let lead = reading.introLead {
                        inner = Agency(names: lead, line: s.line)
                        if !s.hasChildren { agency = inner }
                    }
                }
            }
            let sectionPath = path + [Self.label(s)]
            var lastTask: Int?
            for p in s.paragraphs where !Self.isBasis(p.text) {
                let (head, fields) = InlineFields.split(p.text)
                if head.isEmpty, !fields.isEmpty, let last = lastTask ?? (tasks.isEmpty ? nil : tasks.count - 1) {
                    addFields(fields, line: p.line, toTaskAt: last)
                    continue
                }
                guard inner != nil || AgencySections.mayHoldFrame(head) else { continue }
                let context: AssignmentReader.Context = inner == nil || Self.isClosingRemark(head) ? .sentences : .duty(splitRoles: false)
                let reading = AssignmentReader.read(head, context: context)
                for a in reading.assignments where !Self.isCallToImplement(a.duty) {
                    addAssignments([a], agency: inner, id: nextSentenceID(id), line: p.line,
                                   endLine: p.endLine, path: sectionPath, number: nil, fields: fields)
                    lastTask = tasks.count - 1
                }
                if let lead = reading.introLead { inner = Agency(names: lead, line: p.line) }
            }
            letterWalk(s.children, path: sectionPath, parentID: id, agency: inner)
        }
    }

    /// `Căn cứ …`: a legal basis, never an assignment.
    static func isBasis(_ text: String) -> Bool {
        return text.withUTF8Bytes { buf in
            VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[0..<min(buf.count, 8)])) {
                ByteSearch.hasPrefix($0, basisWord)
            }
        }
    }

    /// `Trong quá trình thực hiện, nếu có khó khăn …`, `Trên đây là …`: a closing remark,
    /// a task only when it names its own unit.
    static func isClosingRemark(_ text: String) -> Bool {
        return text.withUTF8Bytes { buf in
            VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[0..<min(buf.count, 24)])) { lower in
                closingOpeners.contains { ByteSearch.hasPrefix(lower, $0) }
            }
        }
    }

    private static let basisWord = Array("căn cứ".utf8)  // "pursuant to"
    private static let closingOpeners: [[UInt8]] = [
        "trong quá trình",  // "in the course of"
        "quá trình",  // "in the course of"
        "nếu",  // "if"
        "trường hợp",  // "in case"
        "trên đây",  // "the above"
        "rất mong",  // "we look forward"
    ].map { Array($0.utf8) }
}
