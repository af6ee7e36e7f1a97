/// The `TỔ CHỨC THỰC HIỆN` section of a plan: who answers for what. Each unit's duty becomes a
/// ``Responsibility`` — from agency sections (`2. Sở Nội vụ` › `- Chủ trì, phối hợp …`) and
/// from sentences (`3. Giao Thanh tra Sở chủ trì …`) — with the role the words give it
/// (`phối hợp với Y …`: the unit supports, Y leads) and the areas the duty names.
/// In a plan these describe the units, not the plan's tasks: they never become tasks.
extension TaskExtractor {
    mutating func collectResponsibilities(_ s: SectionView, agency: Agency?, isSection: Bool = false) {
        var inner = agency
        if !isSection {
            // The title is looked at in the store: it is made a string only for an agency's names.
            let (units, reading) = s.titleText.withBytes { title -> ([String]?, AssignmentReader.Reading?) in
                let (units, words) = Self.agencyTitle(of: s, title)
                if let units { return (units, nil) }
                // The title without a trailing `:` or `;` (as ``strippedTitle(_:)``).
                var n = title.count
                while n > 0, title[n - 1] == UInt8(ascii: ":") || title[n - 1] == UInt8(ascii: ";") || title[n - 1] == 0x20 { n -= 1 }
                if let words, n == title.count {
                    // The words split for the agency check are the text's (a text that may hold a frame).
                    return (nil, AssignmentReader.read(words, context: Self.responsibilityContext(agency), areas: true))
                }
                let stripped = UnsafeBufferPointer(rebasing: title[0..<n])
                guard agency != nil || AgencySections.mayHoldFrame(stripped) else { return (nil, nil) }
                return (nil, Self.readResponsibilities(stripped, agency: agency))
            }
            if let units {
                inner = self.agency(units, line: s.line)
            } else if let reading {
                let end = !s.hasChildren && !s.hasParagraphs ? s.endLine : s.line
                addResponsibilities(reading, agency: agency, line: s.line, endLine: end)
            }
        }
        for p in s.storedParagraphs {
            // Read from the store's bytes: the paragraph's text is never made a `String` (without
            // an agency most paragraphs hold no frame and are not even tokenized).
            let reading = StoredText(store: s.store, range: p.text).withBytes { buf -> AssignmentReader.Reading? in
                guard inner != nil || AgencySections.mayHoldFrame(buf) else { return nil }
                return Self.readResponsibilities(buf, agency: inner)
            }
            if let reading { addResponsibilities(reading, agency: inner, line: Int(p.line), endLine: Int(p.endLine)) }
        }
        for c in s.children where !c.isKnownField {
            collectResponsibilities(c, agency: inner)
        }
    }

    private static func readResponsibilities(_ text: UnsafeBufferPointer<UInt8>, agency: Agency?) -> AssignmentReader.Reading {
        AssignmentReader.read(text, context: responsibilityContext(agency), areas: true)
    }

    private static func responsibilityContext(_ agency: Agency?) -> AssignmentReader.Context {
        agency == nil ? .sentences : .duty(splitRoles: true)
    }

    private mutating func addResponsibilities(_ reading: AssignmentReader.Reading, agency: Agency?, line: Int, endLine: Int) {
        // The units appended as they are read: no arrays of them per duty.
        for a in reading.assignments where !a.duty.isEmpty {
            for name in a.lead { append(cachedUnit(name), role: .lead, a, line: line, endLine: endLine) }
            if let agency, a.lead.isEmpty, !a.agencySupports {
                for u in agency.units { append(u, role: .lead, a, line: line, endLine: endLine) }
            }
            for name in a.support { append(cachedUnit(name), role: .support, a, line: line, endLine: endLine) }
            if let agency, a.agencySupports {
                for u in agency.units { append(u, role: .support, a, line: line, endLine: endLine) }
            }
        }
    }

    private mutating func append(_ unit: UnitRef, role: Responsibility.Role, _ a: DutyAssignment, line: Int, endLine: Int) {
        responsibilities.append(Responsibility(unit: unit, role: role, duty: a.duty, areas: a.areas, line: line, endLine: endLine))
        responsibilityHeads.append(a.heads)
    }
}

/// The areas a duty names: the words after `công tác`, `về`, `lĩnh vực`, `biện pháp`,
/// `giải pháp`, and quoted names (`“Cải cách thể chế”`), each up to where the area ends
/// (`;`, `.`, `trên địa bàn`, `của`, `đối với` …). `công tác cải cách tổ chức bộ máy …; cải
/// cách chế độ công vụ; …` gives each item of the list.
enum ResponsibilityAreas {
    static func areas(in duty: String) -> [String] {
        let words = TextWords(duty)
        return areas(in: words, 0..<words.count)
    }

    /// The areas of tokens `range` of `words` (a duty as the assignment reader read it).
    static func areas(in words: TextWords, _ range: Range<Int>) -> [String] {
        let count = range.upperBound
        let introducers = Self.introducers
        var found: [String] = []
        // By the keys' bytes (NFC, as ``TextKey`` compares them): `String` hashing checks
        // normalization on every insert. The keys are made only once a second area comes: most
        // duties name one at most, and a lone area has nothing to repeat.
        var seen: Set<TextKey> = []
        func add(_ a: Int, _ b: Int) {
            var lo = a
            var hi = b
            while lo < hi, words[lo].kind != .word { lo += 1 }
            while hi > lo, words[hi - 1].kind != .word { hi -= 1 }
            while hi > lo, words.isWord(hi - 1, in: dangling) { hi -= 1 }
            // Counted in place (no array of the indices).
            var wordCount = 0
            for k in lo..<hi where words[k].kind == .word { wordCount += 1 }
            guard wordCount >= 2, wordCount <= 20 else { return }
            // `về UBND tỉnh`, `về Phòng Văn hóa và Thông tin` (report to): a unit is no area.
            if UnitLexicon.headIndex.longestMatch(in: words, at: lo) != nil, words[lo].capitalized,
                words[lo].allCaps || wordCount <= 3 || (AgencySections.nameReader(words).name(at: lo) ?? lo) >= hi
            {
                return
            }
            var text = words.string(lo, hi)
            if text.withUTF8Bytes({ $0.contains(UInt8(ascii: "*")) }) { text.removeAll { $0 == "*" } }
            guard !found.isEmpty else {
                found.append(text)
                return
            }
            if seen.isEmpty { seen.insert(TextKey(UnitNormalizer.key(for: found[0]))) }
            if seen.insert(TextKey(UnitNormalizer.key(for: text))).inserted { found.append(text) }
        }
        var i = range.lowerBound
        var inQuote = false
        var quoteStart = 0
        while i < count {
            let t = words[i]
            if t.kind == .quote {
                if inQuote { add(quoteStart, i) } else { quoteStart = i + 1 }
                inQuote.toggle()
                i += 1
                continue
            }
            if !inQuote, t.kind == .word, !t.capitalized || i == range.lowerBound, let e = introducers.longestMatch(in: words, at: i),
                !isMention(words, i)
            {
                var j = e
                if words.isWord(j, Self.matterWord) { j += 1 }  // về việc …
                // `về lĩnh vực X`, `về công tác X`: the area is X.
                while let again = introducers.longestMatch(in: words, at: j), again < count { j = again }
                let end = areaEnd(words, from: j, limit: count)
                let endsAtIntroducer = end < count && introducers.longestMatch(in: words, at: end) != nil
                if !(endsAtIntroducer && isMeans(words, i)) { add(j, end) }
                // `công tác A; B; C`: the list goes on past the semicolons.
                var k = end
                while k < count, words[k].kind == .semicolon {
                    let next = areaEnd(words, from: k + 1, limit: count)
                    // Another verb (`; duy trì …`) or a citation (`; số 187/KH-UBND …`) ends the list.
                    guard next > k + 1, !containsIntroducer(words, k + 1, next), words[k + 1].kind == .word,
                        !words[k + 1].numeric, AssignmentFrames.dutyVerbs.longestMatch(in: words, at: k + 1) == nil,
                        !words.isWord(k + 1, Self.numberWord)
                    else { break }
                    add(k + 1, next)
                    k = next
                }
                i = max(end, j)
                continue
            }
            i += 1
        }
        return found
    }

    /// The duty's opening phrase, up to where an area would end (`Tiếp nhận, xử lý phản ánh,
    /// kiến nghị` of `… kiến nghị của doanh nghiệp …`).
    static func headPhrases(of duty: String) -> [String] {
        let words = TextWords(duty)
        return headPhrases(in: words, 0..<words.count)
    }

    static func headPhrases(in words: TextWords, _ range: Range<Int>) -> [String] {
        var result: [String] = []
        var start = range.lowerBound
        while start < range.upperBound, words[start].kind != .word { start += 1 }
        while start < range.upperBound {
            let end = areaEnd(words, from: start, limit: range.upperBound)
            if end > start { result.append(words.string(start, end)) }
            // The next clause: after `;` or a sentence's end.
            var next = end
            while next < range.upperBound, words[next].kind != .semicolon, words[next].kind != .period { next += 1 }
            start = next + 1
        }
        return result
    }

    /// `… liên quan đến công tác X`, `… gắn với công tác X`: X is mentioned, not the duty's area.
    private static func isMention(_ words: TextWords, _ i: Int) -> Bool {
        for back in 1...2 where i - back >= 0 {
            if words.isWord(i - back, in: mentionWords) { return true }
        }
        return false
    }

    private static let mentionWords = HashedByteSet(["đến", "quan", "với", "tới"])
    private static let dangling = HashedByteSet(["các", "những", "của", "và", "về", "cho", "tại"])

    private static let matterWord = Array("việc".utf8)  // "the matter of"
    private static let numberWord = Array("số".utf8)  // "number" (a citation's)
    private static let meansWords = (Array("biện".utf8), Array("giải".utf8))  // biện pháp, giải pháp: measures, solutions

    private static func isMeans(_ words: TextWords, _ i: Int) -> Bool {
        words.isWord(i, Self.meansWords.0) || words.isWord(i, Self.meansWords.1)
    }

    private static func containsIntroducer(_ words: TextWords, _ a: Int, _ b: Int) -> Bool {
        (a..<b).contains { introducers.longestMatch(in: words, at: $0) != nil }
    }

    /// Where an area that starts at `i` ends.
    private static func areaEnd(_ words: TextWords, from i: Int, limit: Int) -> Int {
        // The tables in locals: a static is asked through its once-token at every use.
        let enders = Self.enders
        let introducers = Self.introducers
        var k = i
        while k < limit {
            let t = words[k]
            switch t.kind {
            case .semicolon, .period, .colon, .quote, .open: return k
            case .word:
                if t.numeric { return k }
                if k > i, enders.longestMatch(in: words, at: k) != nil || introducers.longestMatch(in: words, at: k) != nil {
                    return k
                }
            default: break
            }
            k += 1
        }
        return k
    }

    /// Words an area follows.
    static let introducers = PhraseIndex([
        "công tác",  // "the work of"
        "về",  // "on"
        "lĩnh vực",  // "the field of"
        "biện pháp",  // "measures for"
        "giải pháp",  // "solutions for"
        "chỉ số thành phần",  // "component index"
    ])

    /// Words an area ends before (`trước`, `chậm nhất`: a deadline, `… về Văn phòng Sở trước ngày 20`).
    static let enders = PhraseIndex([
        "trên địa bàn", "của", "đối với", "cho", "tại", "trong", "theo", "hàng năm", "hằng năm", "nhằm", "để",
        "đảm bảo", "bảo đảm", "gửi", "thuộc", "trên", "với", "đến", "kịp thời", "định kỳ", "khi", "và các",
        "giai đoạn", "năm", "trước", "chậm nhất",
    ])
}
