/// Agency sections: an item or paragraph that is just a unit name (`2. Trung tâm Văn hóa Thông
/// tin và Thể thao`, `Ủy ban nhân dân các xã, thị trấn:`) makes the unit the lead of each duty
/// below it — its bullets, items and paragraphs.
struct Agency {
    /// The units as printed.
    let names: [String]
    /// The line of the heading that names them (where the lead is stated).
    let line: Int
    /// The units with their keys, made once for all the duties below.
    let units: [UnitRef]

    init(names: [String], line: Int) {
        self.init(names: names, line: line, units: names.map { UnitRef(name: $0, key: UnitNormalizer.key(for: $0)) })
    }

    /// - Parameter units: `names` with their keys.
    init(names: [String], line: Int, units: [UnitRef]) {
        self.names = names
        self.line = line
        self.units = units
    }
}

extension TaskExtractor {
    /// The units when `s`'s title is nothing but unit names (optionally after `Đề nghị` /
    /// `Giao` and before a `:`), and `s` has duties under it; else `nil`.
    static func agencyUnits(of s: SectionView) -> [String]? {
        guard s.kind != .appendix, s.hasChildren || s.hasParagraphs else { return nil }
        // Looked at in the store: most titles name no agency and are never made a string.
        return s.titleText.withBytes { agencyTitle($0).units }
    }

    /// ``agencyUnits(of:)`` of `s` with its title's bytes, and the title's words when they were split:
    /// a title split and found no agency starts like a unit or with `Trách nhiệm của` (it may
    /// hold a frame), and its words need not be split again to read it.
    static func agencyTitle(of s: SectionView, _ title: UnsafeBufferPointer<UInt8>) -> (units: [String]?, words: TextWords?) {
        guard s.kind != .appendix, s.hasChildren || s.hasParagraphs else { return (nil, nil) }
        return agencyTitle(title)
    }

    /// `Sở Nội vụ`, `Sở Nội vụ:`, `Trách nhiệm của Sở Nội vụ`, `Nhiệm vụ của Tổ công tác`,
    /// `Sở Nội vụ có trách nhiệm:`: the units, or `nil` when the title says more than that.
    static func agencyUnits(inTitle title: String) -> [String]? {
        return title.withUTF8Bytes { agencyTitle($0).units }
    }

    /// ``agencyUnits(inTitle:)`` of a title's UTF-8 bytes, and its words when they were split.
    private static func agencyTitle(_ title: UnsafeBufferPointer<UInt8>) -> (units: [String]?, words: TextWords?) {
        guard title.count <= 240 else { return (nil, nil) }
        let dutiesOf = Self.startsWithDutiesOf(title)
        guard dutiesOf || AgencySections.startsLikeUnit(title) else { return (nil, nil) }
        let words = TextWords(title)
        return (agencyUnits(in: words, dutiesOf: dutiesOf), words)
    }

    private static func agencyUnits(in words: TextWords, dutiesOf: Bool) -> [String]? {
        let reader = AgencySections.nameReader(words)
        var k = 0
        if dutiesOf, let e = AssignmentFrames.dutiesOf.longestMatch(in: words, at: 0) {
            k = e
        } else if let e = AssignmentFrames.assigners.longestMatch(in: words, at: 0) {
            k = e
        }
        guard let (names, end) = reader.names(at: k) else { return nil }
        var j = end
        if let e = AssignmentFrames.responsibility.longestMatch(in: words, at: j) ?? AssignmentFrames.dutyHeadingEnds.longestMatch(in: words, at: j) {
            j = e
        }
        while j < words.count, words[j].kind == .colon || words[j].kind == .period || words[j].kind == .comma { j += 1 }
        guard j == words.count else { return nil }
        return names.map { words.string($0.lowerBound, $0.upperBound) }
    }

    /// A cheap look at the first bytes for `Trách nhiệm của`, `Nhiệm vụ của`, `Nhiệm vụ, quyền hạn`, `Đối với`.
    static func startsWithDutiesOf(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < buf.count, buf[i] == 0x20 || buf[i] == UInt8(ascii: "-") || buf[i] == UInt8(ascii: "+") { i += 1 }
        let end = min(buf.count, i + 20)
        return VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[i..<end])) { lower in
            dutyOpeners.contains { ByteSearch.hasPrefix(lower, $0) }
        }
    }

    private static let dutyOpeners: [[UInt8]] = ["trách nhiệm", "nhiệm vụ", "đối với"].map { Array($0.utf8) }

    /// The duties under an agency heading: its paragraphs, then its items (the agency leads
    /// each unless the duty names another unit).
    /// - Parameter s: the innermost node of the walk's section path.
    mutating func addAgencyDuties(_ s: SectionView, agency: Agency, id: String) {
        if s.hasParagraphs {
            addParagraphAssignments(s, path: sectionPath.headings(), base: id, agency: agency)
        }
        walk(s.children, role: .tasks, parentID: id, agency: agency)
    }

    /// A leaf item of a task section (the innermost node of the walk's section path): a duty of the agency above it, an assignment when it
    /// opens with a frame (`Phòng X chủ trì, phối hợp …`), a heading over assignment paragraphs,
    /// or else a prose task.
    mutating func addItemTask(_ s: SectionView, path: [SectionHeading], id: String, agency: Agency?) {
        // Decoded once here and handed on: the prose task at the end needs them again.
        let title = s.title
        let paragraphs = s.paragraphs
        let notes = paragraphs.map(\.text)
        if let agency {
            let reading = AssignmentReader.read(title, context: .duty(splitRoles: false))
            if !reading.assignments.isEmpty {
                addAssignments(reading.assignments, agency: agency, id: id, line: s.line,
                               endLine: s.endLine, path: path, number: s.number, notes: notes)
                return
            }
        } else if AgencySections.mayOpenWithFrame(title) {
            let reading = AssignmentReader.read(title, context: .item)
            if !reading.assignments.isEmpty {
                addAssignments(reading.assignments, agency: nil, id: id, line: s.line,
                               endLine: s.endLine, path: path, number: s.number, notes: notes)
                return
            }
        }
        if agency == nil, s.hasParagraphs {
            // `1. Công tác tuyên truyền` / `Phòng X chủ trì …` / `Trung tâm Y tổ chức …`: the
            // paragraphs are the tasks; `Giao Phòng X chủ trì thực hiện.` only names the item's lead.
            var readings: [(Paragraph, AssignmentReader.Reading)] = []
            for p in paragraphs where AgencySections.mayHoldFrame(p.text) {
                let r = AssignmentReader.read(p.text, context: .sentences)
                if !r.assignments.isEmpty { readings.append((p, r)) }
            }
            let all = readings.flatMap(\.1.assignments)
            if !all.isEmpty {
                if all.allSatisfy({ Self.namesOnlyTheLead($0.duty) }), let lead = all.first(where: { !$0.lead.isEmpty }) {
                    var a = lead
                    a.duty = Self.strippedTitle(title)
                    a.times = all.flatMap(\.times)
                    addAssignments([a], agency: nil, id: id, line: s.line, endLine: s.endLine,
                                   path: path, number: s.number,
                                   notes: notes.filter { n in !readings.contains { $0.0.text == n } })
                } else {
                    addParagraphAssignments(s, path: sectionPath.headings(), base: id, agency: nil)
                }
                return
            }
        }
        if agency == nil, let (task, who) = Self.splitLeadInParentheses(title) ?? Self.splitLeadAfterSemicolon(title) {
            // `Quán triệt … (Phòng Nội vụ chủ trì; hoàn thành trong tháng 3/2026).`
            addAssignments([DutyAssignment(lead: who.lead, support: who.support, duty: task, times: who.times)], agency: nil,
                           id: id, line: s.line, endLine: s.endLine, path: path, number: s.number, notes: notes)
            return
        }
        addProseTask(s, path: path, id: id, title: title, notes: notes)
    }

    /// `Quán triệt các văn bản (Phòng Nội vụ chủ trì; hoàn thành trong tháng 3/2026).`: a task
    /// whose closing parentheses only name who leads it (and supports, and by when).
    static func splitLeadInParentheses(_ title: String) -> (String, DutyAssignment)? {
        guard let (task, inner) = closingParentheses(title), let a = leadOnly(inner) else { return nil }
        return (task, a)
    }

    /// The text before a title's closing parentheses and the text inside them (`Quán triệt …`,
    /// `Phòng Nội vụ chủ trì; …`), when it ends with some.
    static func closingParentheses(_ title: String) -> (task: String, inner: String)? {
        var u = title.utf8[...]
        while let last = u.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ";") || last == 0x20 { u = u.dropLast() }
        guard u.last == UInt8(ascii: ")"), let open = u.lastIndex(of: UInt8(ascii: "(")) else { return nil }
        let task = String(Substring(title.utf8[..<open])).trimmingSpaces
        let inner = String(Substring(u[u.index(after: open)..<u.index(before: u.endIndex)])).trimmingSpaces
        return task.isEmpty ? nil : (task, inner)
    }

    /// `Rà soát thủ tục nội bộ; Phòng Nội vụ chủ trì, hoàn thành trong Quý II/2027.`: a task
    /// whose last clause only names who leads it (and supports, and by when).
    static func splitLeadAfterSemicolon(_ title: String) -> (String, DutyAssignment)? {
        var u = title.utf8[...]
        while let last = u.last, last == UInt8(ascii: ".") || last == 0x20 { u = u.dropLast() }
        guard let semicolon = u.lastIndex(of: UInt8(ascii: ";")), !u[semicolon...].contains(UInt8(ascii: ")")) else { return nil }
        let task = String(Substring(title.utf8[..<semicolon])).trimmingSpaces
        let rest = String(Substring(u[u.index(after: semicolon)...])).trimmingSpaces
        guard !task.isEmpty, let a = leadOnly(rest) else { return nil }
        return (task, a)
    }

    /// `Phòng Nội vụ chủ trì, phối hợp với Thanh tra Sở; hoàn thành trong tháng 3/2026`: a text
    /// that only names who leads a task (and supports, and by when), as one assignment.
    static func leadOnly(_ text: String) -> DutyAssignment? {
        guard !text.isEmpty, text.withUTF8Bytes({ AgencySections.startsLikeUnit($0) }) else { return nil }
        let reading = AssignmentReader.read(text, context: .sentences)
        guard reading.assignments.count == 1, let a = reading.assignments.first, !a.lead.isEmpty, namesOnlyTheLead(a.duty) else {
            return nil
        }
        return a
    }

    /// A duty that says only "do it", perhaps by when (`thực hiện, hoàn thành trước ngày
    /// 15/4/2026`): the sentence under an item names the item's lead, it is no task of its own.
    static func namesOnlyTheLead(_ duty: String) -> Bool {
        guard !duty.isEmpty else { return true }
        let lower = VietnameseText.lowercased(duty)
        var clauses: [String] = []
        for part in lower.split(whereSeparator: { (c: Character) -> Bool in c == "," || c == ";" || c == "." }) {
            let clause = String(part).trimmingSpaces
            if !clause.isEmpty { clauses.append(clause) }
        }
        guard let first = clauses.first else { return true }
        // Each further clause a time: its words time words (`hoàn thành trước ngày`) or numbers
        // — the first too when it is no "do it" (`X chủ trì, hoàn thành trong Quý II/2027`).
        for clause in AssignmentFrames.trivialDuties.contains(Array(first.utf8)) ? clauses.dropFirst() : clauses[...] {
            for w in clause.split(separator: " ") {
                let bytes = Array(w.utf8)
                if AssignmentFrames.timeClauseWords.contains(bytes) || Self.dateWords.contains(bytes) { continue }
                // `15/4/2026`, `ii/2026`, `3-4/2026`: numbers and Roman numerals.
                for piece in w.split(whereSeparator: { $0 == "/" || $0 == "-" }) {
                    guard piece.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) || RomanNumeral.value(of: piece.uppercased()) != nil else {
                        return false
                    }
                }
            }
        }
        return true
    }

    /// Words of a date or period (`ngày 15/4/2026`, `quý II`).
    private static let dateWords = HashedByteSet([
        "ngày",  // day
        "tháng",  // month
        "năm",  // year
        "quý",  // quarter
        "tuần",  // week
        "trong",  // within
        "từ",  // from
        "đến",  // to
        "cuối",  // the end of
        "đầu",  // the beginning of
    ])

    /// The paragraphs of `s` in a task section (or under an agency): each assignment a task.
    /// A paragraph of fields only (`Thời gian hoàn thành: …`) fills the task before it.
    mutating func addParagraphAssignments(_ s: SectionView, path: [SectionHeading], base: String, agency: Agency?) {
        var lastTask: Int?
        for p in s.paragraphs {
            let (head, fields) = InlineFields.split(p.text)
            if head.isEmpty, !fields.isEmpty, let last = lastTask {
                addFields(fields, line: p.line, toTaskAt: last)
                tasks[last].endLine = max(tasks[last].endLine, p.endLine)
                continue
            }
            guard agency != nil || AgencySections.mayHoldFrame(head) else { continue }
            let reading = AssignmentReader.read(head, context: agency == nil ? .sentences : .duty(splitRoles: false),
                                                collectiveSubjects: false)
            guard !reading.assignments.isEmpty else { continue }
            for a in reading.assignments {
                addAssignments([a], agency: agency, id: nextSentenceID(base), line: p.line, endLine: p.endLine, path: path,
                               number: nil, fields: fields)
            }
            lastTask = tasks.count - 1
        }
    }

    /// Fields written in a paragraph of their own fill the task before them.
    mutating func addFields(_ fields: [InlineFields.Item], line: Int, toTaskAt index: Int) {
        var task = tasks[index]
        for f in fields { add(f.value, role: f.role, line: line, to: &task, inline: false) }
        task.endLine = max(task.endLine, line)
        tasks[index] = task
    }

    /// `base.s1`, `base.s2`, … (or `s1` for text before any heading).
    mutating func nextSentenceID(_ base: String) -> String {
        let n = (sentenceCounts[base] ?? 0) + 1
        sentenceCounts[base] = n
        // The id always goes to the next task added (see `addAssignments`).
        sentenceLog?.append((tasks.count, base, n))
        return (base.isEmpty ? "" : base + ".") + "s" + String(n)
    }

    /// Tasks for `assignments` read from one text: one keeps `id`, several get `id.s1`, `id.s2`.
    mutating func addAssignments(
        _ assignments: [DutyAssignment], agency: Agency?, id: String, line: Int, endLine: Int, path: [SectionHeading],
        number: String?, notes: [String] = [], fields: [InlineFields.Item] = []
    ) {
        for (k, a) in assignments.enumerated() {
            // Several in one text: `id.s1`, `id.s2`, counted with the paragraphs below it.
            let taskID = assignments.count == 1 ? id : nextSentenceID(id)
            var task = PlanTask(id: taskID, origin: .assignment, line: line, endLine: endLine, headings: path,
                                number: assignments.count == 1 ? number : nil, title: a.duty, notes: k == assignments.count - 1 ? notes : [])
            var leadLine = line
            if a.lead.isEmpty, !a.agencySupports, let agency {
                task.lead = agency.units
                leadLine = agency.line
            } else {
                task.lead = a.lead.map { cachedUnit($0) }
            }
            task.support = a.support.map { cachedUnit($0) }
            if a.agencySupports, let agency { task.support += agency.units }
            if !task.lead.isEmpty { task.leadSource = LeadSource(kind: .stated, line: leadLine) }
            for t in a.times { add(t, role: .time, line: line, to: &task, inline: false) }
            for f in fields { add(f.value, role: f.role, line: line, to: &task, inline: false) }
            if task.title.isEmpty, let first = task.lead.first { task.title = first.name }
            tasks.append(task)
        }
    }

    /// `Nghiêm túc triển khai thực hiện Chỉ thị này`, `… nghiêm túc triển khai thực hiện`,
    /// `… thực hiện các nội dung trên`: the call to carry out the document itself, addressed to
    /// everyone; a letter's closing, not one of its tasks.
    static func isCallToImplement(_ duty: String) -> Bool {
        // At most twelve words, split at ` `, `.`, `/` and `,` on the bytes (a duty is often a
        // long sentence: it is given up after the thirteenth word), each then lowercased.
        let words: [String]? = duty.withUTF8Bytes { u in
            var words: [String] = []
            var i = 0
            while i < u.count {
                while i < u.count, Self.isWordBreak(u[i]) { i += 1 }
                guard i < u.count else { break }
                let start = i
                while i < u.count, !Self.isWordBreak(u[i]) { i += 1 }
                guard words.count < 12 else { return nil }
                let word = String(decoding: VietnameseText.lowercased(UnsafeBufferPointer(rebasing: u[start..<i])), as: UTF8.self)
                // A call to implement opens with a word of its manner, whatever follows: most
                // duties open with their lead (`Sở …`) and need no more words.
                if words.isEmpty, !CallToImplement.manner.contains(word) { return nil }
                words.append(word)
            }
            return words
        }
        guard let words, !words.isEmpty else { return false }
        var i = 0
        while i < words.count, CallToImplement.manner.contains(words[i]) { i += 1 }
        // The manner alone must carry a verb: `thực hiện`, `triển khai`, `tổ chức`.
        guard words[0..<i].contains(where: { $0 == "hiện" || $0 == "khai" || $0 == "chức" }) else { return false }
        let rest = words[i...]
        if rest.isEmpty { return true }
        // `… Chỉ thị này`, `… Công văn này`
        if rest.last == "này", rest.count >= 2, rest.count <= 3,
            rest.dropLast().allSatisfy({ CallToImplement.documentWords.contains($0) })
        {
            return true
        }
        // `… các nội dung (nêu) trên`, `… ý kiến chỉ đạo (nêu) trên`, `… theo nội dung công văn này`
        return rest.last == "trên" && rest.count <= 6 && rest.allSatisfy { CallToImplement.contents.contains($0) }
    }

    private static func isWordBreak(_ b: UInt8) -> Bool {
        b == 0x20 || b == UInt8(ascii: ".") || b == UInt8(ascii: "/") || b == UInt8(ascii: ",")
    }

    /// The words of ``isCallToImplement(_:)``, made once (a plan asks for every duty).
    private enum CallToImplement {
        /// How to carry it out: `nghiêm túc` (strictly), `khẩn trương` (urgently), `triển khai`,
        /// `tổ chức`, `thực hiện` (carry out), `có hiệu quả` (effectively), `kịp thời` (in
        /// time), `quán triệt` (thoroughly), `chỉ đạo` (direct), `phối hợp` (cooperate), `chủ
        /// động` (on one's own initiative)…
        static let manner: Set<String> = [
            "nghiêm", "túc", "khẩn", "trương", "triển", "khai", "tổ", "chức", "thực", "hiện", "chỉnh",
            "có", "hiệu", "quả", "tốt", "đầy", "đủ", "kịp", "thời", "và", "quán", "triệt", "quan", "tâm", "chỉ", "đạo", "phối", "hợp",
            "chủ", "động",
        ]
        /// The document itself: `chỉ thị` (directive), `quyết định` (decision), `nghị quyết`,
        /// `kế hoạch` (plan), `công văn` (letter), `thông báo` (notice), `chương trình`
        /// (programme), `kết luận` (conclusion).
        static let documentWords: Set<String> = [
            "chỉ", "thị", "quyết", "định", "nghị", "kế", "hoạch", "công", "văn", "thông", "báo",
            "chương", "trình", "kết", "luận",
        ]
        /// `các nội dung (nêu) trên` (the contents above), `ý kiến chỉ đạo` (the directions),
        /// `của`, `theo`, `tại` (of, according to, at).
        static let contents: Set<String> = ["các", "nội", "dung", "nêu", "ý", "kiến", "chỉ", "đạo", "của", "theo", "tại", "trên"]
    }

    static func unit(_ name: String) -> UnitRef {
        UnitRef(name: name, key: UnitNormalizer.key(for: name))
    }

    /// ``unit(_:)`` through the extractor's cache: a plan names the same few units in many
    /// duties, and a key takes thousands of instructions to make (a hash lookup, far fewer).
    /// An ``Agency`` with its units' keys from the cache.
    mutating func agency(_ names: [String], line: Int) -> Agency {
        Agency(names: names, line: line, units: names.map { cachedUnit($0) })
    }

    mutating func cachedUnit(_ name: String) -> UnitRef {
        let text = TextKey(name)
        if let key = unitKeyCache[text] { return UnitRef(name: name, key: key) }
        let key = UnitNormalizer.key(for: name)
        if unitKeyCache.count < Self.cacheLimit { unitKeyCache[text] = key }
        return UnitRef(name: name, key: key)
    }

    /// The same unit twice in one field is one (by key); a task without a lead has no source.
    static func dedupeUnits(_ task: inout PlanTask) {
        // Lists without a repeat are left as they are: a table's tasks share their cell arrays.
        // Most lists are short, and comparing pairs costs less than hashing; a long one (an item
        // with thousands of unit bullets) is checked through a set, so the pass stays linear.
        func unique(_ list: inout [UnitRef]) {
            guard list.count > 1 else { return }
            if list.count > 16 {
                // Equal keys have equal hashes: when no hash repeats, no key does. The hashes take
                // half the room of the keys (an item with 800,000 unit bullets: 17 MB, not 34).
                var hashes = Set<Int>(minimumCapacity: list.count)
                guard list.contains(where: { !hashes.insert($0.key.hashValue).inserted }) else { return }
                hashes = []
                var seen = Set<String>(minimumCapacity: list.count)
                list = list.filter { seen.insert($0.key).inserted }
                return
            }
            var repeated = false
            search: for i in 1..<list.count {
                for j in 0..<i where list[j].key == list[i].key {
                    repeated = true
                    break search
                }
            }
            guard repeated else { return }
            var kept: [UnitRef] = []
            for u in list where !kept.contains(where: { $0.key == u.key }) { kept.append(u) }
            list = kept
        }
        unique(&task.lead)
        unique(&task.support)
        if task.lead.isEmpty, task.leadSource != nil { task.leadSource = nil }
    }

    /// Reports and submissions state what was done or is asked for; other documents without
    /// task sections assign their tasks in sentences.
    static func statesAssignments(kind: String?) -> Bool {
        guard let kind else { return true }
        let upper = kind.uppercased()
        return !upper.hasPrefix("BÁO CÁO") && !upper.hasPrefix("TỜ TRÌNH")
    }
}

/// Cheap checks and shared readers for the assignment stages.
enum AgencySections {
    /// The name reader with the stop words of the assignment frames.
    static func nameReader(_ words: TextWords) -> UnitNameReader {
        UnitNameReader(words: words, stops: stops)
    }

    /// Built once: the reader is made for every text read.
    private static let stops = [AssignmentFrames.dutyVerbs, AssignmentFrames.nameEnders, AssignmentFrames.leads,
                                AssignmentFrames.cooperation, AssignmentFrames.responsibility]

    /// Whether a text could hold a frame: a frame word anywhere, or a unit head (or `các`)
    /// as its first word. Most plan items fail both and are never tokenized.
    static func mayHoldFrame(_ text: String) -> Bool {
        return text.withUTF8Bytes { mayHoldFrame($0) }
    }

    static func mayHoldFrame(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        startsLikeUnit(buf) || AssignmentReader.mayHoldAssignment(buf) || TaskExtractor.startsWithDutiesOf(buf)
    }

    /// Whether an item could be an assignment: it opens with a unit or a frame word, or names
    /// its lead after its duty (`…; giao Phòng X chủ trì thực hiện`).
    static func mayOpenWithFrame(_ text: String) -> Bool {
        return text.withUTF8Bytes { buf in
            // Mid-sentence the words are lowercase; a capitalized `Giao` first is a unit's start.
            startsLikeUnit(buf) || ByteSearch.contains(buf, giaoWord) || ByteSearch.contains(buf, leadWord)
                || TaskExtractor.startsWithDutiesOf(buf)
        }
    }

    private static let giaoWord = Array("giao ".utf8)  // "assign"
    private static let cacWord = Array("các".utf8)  // "the (plural)"
    private static let leadWord = Array("chủ trì".utf8)  // "lead"

    /// Whether the first word (after a list dash) is a unit head or `các`.
    static func startsLikeUnit(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < buf.count, buf[i] == 0x20 || buf[i] == UInt8(ascii: "-") || buf[i] == UInt8(ascii: "+") { i += 1 }
        var j = i
        while j < buf.count, buf[j] != 0x20, buf[j] != UInt8(ascii: ","), buf[j] != UInt8(ascii: ":") { j += 1 }
        guard j > i, j - i <= 12 else { return false }
        // The first word lowercased in a temporary buffer: most texts leave here, with no array made.
        enum FirstWord { case opens, head, other }
        let first = VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[i..<j])) { word -> FirstWord in
            if word.elementsEqual(Self.cacWord) || AssignmentFrames.assigners.contains(firstWord: word) { return .opens }
            return UnitLexicon.headIndex.contains(firstWord: word) ? .head : .other
        }
        if first == .opens { return true }
        guard first == .head else { return false }
        // `Tổ chức …`, `Ban hành …`, `Bộ chỉ số …`: a head's first word, not a name.
        // Cut at a letter's start: a scalar cut in half is no UTF-8.
        var end = min(buf.count, i + 48)
        while end < buf.count, end > i, buf[end] & 0xC0 == 0x80 { end -= 1 }
        // Most heads (`Sở Nội vụ`, `Phòng …`) are told apart by their first two words, without
        // splitting the text: see ``firstTwoWords(_:_:_:_:)``.
        if let starts = notHeadStarts, let words = firstTwoWords(buf, i, j, end) {
            guard let (a, b) = words else { return true }
            if !starts.sortedContains(a &* 31 &+ b) { return true }
            // `Tổ chức …`, `Ban hành …` (the common case): a phrase of just these two words
            // matches at the first word, as the split text would show, without splitting it.
            for (x, y) in notHeadPairs where (a == x.spelling || a == x.alternate) && (b == y.spelling || b == y.alternate) {
                return false
            }
        }
        // A match at the first word reads no more tokens than the longest phrase has parts.
        let prefix = TextWords(UnsafeBufferPointer(rebasing: buf[i..<end]), tokenLimit: notHeadParts)
        return UnitLexicon.notHeadIndex.longestMatch(in: prefix, at: 0) == nil
    }

    private static let notHeadParts = UnitLexicon.notHeads.map(Phrase.partCount(of:)).max() ?? 0

    /// The first two words of every not-head phrase, by hash (each word's spelling and old-tone
    /// alternate, as ``PhraseIndex`` compares them) as `first &* 31 &+ second`, sorted; `nil`
    /// when a phrase does not open with two words (then every text is split into words).
    private static let notHeadStarts: [UInt64]? = {
        func hashes(_ w: Phrase.Word) -> [UInt64] {
            w.alternate != w.spelling ? [w.spelling, w.alternate] : [w.spelling]
        }
        var keys: [UInt64] = []
        for p in UnitLexicon.notHeads {
            var firstTwo: [Phrase.Word] = []
            Phrase.forEachPart(of: p) { if firstTwo.count < 2 { firstTwo.append($0) } }
            guard firstTwo.count >= 2, !firstTwo[0].isSeparator, !firstTwo[1].isSeparator else { return nil }
            for x in hashes(firstTwo[0]) { for y in hashes(firstTwo[1]) { keys.append(x &* 31 &+ y) } }
        }
        return keys.sorted()
    }()

    /// The not-head phrases of exactly two words (no separator), each word with its spellings.
    private static let notHeadPairs: [(Phrase.Word, Phrase.Word)] = UnitLexicon.notHeads.compactMap { p in
        var parts: [Phrase.Word] = []
        Phrase.forEachPart(of: p) { parts.append($0) }
        guard parts.count == 2, !parts[0].isSeparator, !parts[1].isSeparator else { return nil }
        return (parts[0], parts[1])
    }

    /// The first two tokens that ``TextWords`` would make of `buf[i..<end]`, when they are plain
    /// to see: the first word `buf[i..<j]` and the next run of letters (`.some((a, b))`, the
    /// words' hashes, which ``notHeadStarts`` holds as `a &* 31 &+ b`), or the first word alone
    /// before a mark or the end (`.some(nil)`: no phrase of two words starts there). `nil` when
    /// either word holds anything but letters (punctuation, digits, a dash: the splitting rules decide).
    private static func firstTwoWords(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int, _ end: Int) -> (UInt64, UInt64)?? {
        @inline(__always)
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        /// Letters only: ASCII letters and multi-byte scalars other than the `E2` punctuation.
        func isPlain(_ a: Int, _ b: Int) -> Bool {
            guard a < b else { return false }
            for k in a..<b {
                let c = buf[k]
                if c < 0x80 ? (c | 0x20) &- 0x61 >= 26 : c == 0xE2 { return false }
            }
            return true
        }
        func hash(_ a: Int, _ b: Int) -> UInt64 {
            VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: buf[a..<b])) { TextWords.hash($0) }
        }
        guard j <= end, isPlain(i, j) else { return nil }
        if j == end { return .some(nil) }
        if buf[j] == UInt8(ascii: ",") || buf[j] == UInt8(ascii: ":") {
            // `Sở,` `Sở:` then a space: the word, then the mark.
            return j + 1 == end || isSpace(buf[j + 1]) ? .some(nil) : nil
        }
        guard isSpace(buf[j]) else { return nil }
        var k = j
        while k < end, isSpace(buf[k]) { k += 1 }
        if k == end { return .some(nil) }
        var m = k
        while m < end, !isSpace(buf[m]) { m += 1 }
        guard isPlain(k, m) else { return nil }
        return .some((hash(i, j), hash(k, m)))
    }
}
