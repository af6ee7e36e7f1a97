/// Turns the section tree into task and target records (the extraction stage).
///
/// Tasks come from three places: numbered rows of tables, items followed by field bullets,
/// and items or bullets in sections whose heading names tasks (nhiệm vụ, giải pháp, nội dung
/// thực hiện). Targets come from sections named mục tiêu / chỉ tiêu.
struct TaskExtractor {
    /// What a section is for, read from its heading.
    enum Role {
        case neutral, purpose, targets, tasks, funding, organization, results
    }

    private(set) var normalizer: TimeNormalizer
    // Plans repeat the same cells (`Văn phòng Sở`, `Thường xuyên`) many times: normalize each once.
    // The caches stop growing at `cacheLimit` entries: a huge table of distinct cells (one
    // product per row) would otherwise keep a second copy of every one.
    static let cacheLimit = 4096
    // By the cells' bytes: a cell found again is looked up without a string made of it.
    private var unitCache: [BytesKey: [UnitRef]] = [:]
    private var productCache: [BytesKey: [String]] = [:]
    private var timeCache: [BytesKey: (milestones: [TimeMilestone], problems: [TimeProblem])] = [:]
    /// Unit keys by name (see ``cachedUnit(_:)``).
    var unitKeyCache: [TextKey: String] = [:]
    var tasks: [PlanTask] = []
    var targets: [Target] = []
    var warnings: [Diagnostic] = []
    /// Per-unit duties of the plan's `TỔ CHỨC THỰC HIỆN` section.
    var responsibilities: [Responsibility] = []
    /// The opening phrases of each responsibility's duty clauses, by responsibility.
    var responsibilityHeads: [[String]] = []
    /// Whether a section heading named tasks (the document is a plan, not a letter).
    var sawTaskSection = false
    /// How many sentence tasks each node (by id) has given, for their ids (`II.2.s1`).
    var sentenceCounts: [String: Int] = [:]
    /// Every sentence id given, with the index of the task that carries it — kept only by a
    /// walk run beside another (``ParallelWalk``), whose counts start after the other's.
    var sentenceLog: [(task: Int, base: String, n: Int)]?
    /// Where the walk is (``walk(_:role:parentID:agency:bulletOrdinal:)``).
    var sectionPath = SectionPath()

    init(normalizer: TimeNormalizer) {
        self.normalizer = normalizer
    }

    /// - Parameters:
    ///   - preamble: the paragraphs before the first heading (a letter's body may be all there).
    ///   - kind: the document's kind: a report (`BÁO CÁO`) states results, not assignments.
    ///   - dateYear: the year of the document's date: a letter's `trước ngày 15/12` is in it.
    ///   - threads: how many threads the walk over the top-level sections may use
    ///     (``ParallelWalk``).
    mutating func extract(from store: SectionStore, preamble: [Paragraph] = [], kind: String? = nil, dateYear: Int? = nil,
                          threads: Int = 1) {
        // Room for every possible task at once: the records are large, and growing the array
        // would copy them (and hold two copies) several times.
        var possible = 0
        for t in store.tables { possible += t.rows.count }
        // A field bullet (`- Đơn vị chủ trì: …`) is its item's field, not a task of its own: an
        // item with 800,000 of them would otherwise reserve room for 800,000 records (96 MB).
        // Should more tasks come, the array grows.
        for n in store.nodes where n.kind != .part && n.kind != .group && n.kind != .roman {
            if let role = n.fieldRole, role != .unknown { continue }
            possible += 1
        }
        tasks.reserveCapacity(possible)
        let roots = store.rootViews
        if threads > 1, let split = ParallelWalk.split(roots) {
            ParallelWalk.walk(roots, at: split, with: &self, reserving: possible)
        } else {
            walk(roots, role: .neutral, parentID: nil, agency: nil)
        }
        // An item with its fields inline (`3. UBND các huyện … ; thời gian thực hiện: …`) is a
        // task of the walk, but its siblings' assignments (`1. Giao Sở Y tế chủ trì …`) are not:
        // the letter's reading, which takes both, is kept when it finds more.
        let onlyItems = !tasks.isEmpty && !tasks.contains { $0.origin == .table }
        if !sawTaskSection, tasks.isEmpty || onlyItems, Self.statesAssignments(kind: kind) {
            // A letter, a conclusion, a decision: its assignments are its tasks, wherever written,
            // and a date without a year is in the year the letter is dated.
            let walked = (tasks, warnings, responsibilities, responsibilityHeads, normalizer)
            tasks.removeAll(keepingCapacity: true)
            responsibilities.removeAll()
            responsibilityHeads.removeAll()
            if let year = dateYear, year != normalizer.planYear {
                normalizer = TimeNormalizer(planYear: year, planPeriod: nil)
                timeCache.removeAll()
            }
            extractLetter(store.rootViews, preamble: preamble)
            if tasks.count <= walked.0.count {
                (tasks, warnings, responsibilities, responsibilityHeads, normalizer) = walked
                timeCache.removeAll()
            } else {
                // The walk's warnings were about its tasks, all read again.
                warnings.removeFirst(walked.1.count)
            }
        }
        tasks = Self.titled(tasks)
        for i in tasks.indices { Self.dedupeUnits(&tasks[i]) }
        Self.makeIDsUnique(&tasks)
    }

    /// The tasks, handed over (the extractor keeps none, so they are not copied).
    mutating func takeTasks() -> [PlanTask] {
        let t = tasks
        tasks = []
        return t
    }

    /// No task without a title: one whose item had no text (a bullet glyph alone on its line)
    /// takes its first note as the title, or is no task at all.
    static func titled(_ tasks: [PlanTask]) -> [PlanTask] {
        guard tasks.contains(where: { $0.title.isEmpty }) else { return tasks }
        return tasks.compactMap { task in
            guard task.title.isEmpty else { return task }
            guard let first = task.notes.first(where: { !$0.isEmpty }) else { return nil }
            var t = task
            t.title = first
            t.notes.removeFirst(t.notes.firstIndex(of: first)! + 1)
            return t
        }
    }

    // MARK: - Roles

    // Heading keywords (lowercase), checked in this order.
    private static let roleWords: [(Role, [String], Bool)] = [
        // (role, words, prefix only?)
        (.organization, ["tổ chức thực hiện", "trách nhiệm thực hiện", "trách nhiệm của"], true),  // "implementation arrangements", "responsibilities"
        (.funding, ["kinh phí"], true),  // "funding"
        (.results, ["kết quả", "tình hình"], true),  // "results", "situation" (what a report says was done)
        (.tasks, ["nhiệm vụ", "giải pháp", "nội dung thực hiện", "nội dung chủ yếu", "nội dung trọng tâm"], false),  // "tasks", "solutions", "content to carry out"
        (.tasks, ["nội dung"], true),  // "content"
        (.targets, ["mục tiêu", "chỉ tiêu", "các chỉ tiêu"], true),  // "objectives", "targets"
        (.purpose, ["mục đích", "yêu cầu", "quan điểm", "căn cứ"], true),  // "purpose", "requirements", "viewpoints", "legal basis"
    ]

    /// ``roleWords`` as one list in their order, and the role of each: every heading is asked.
    private static let roleNeedles = ByteNeedles(roleWords.flatMap { e in e.1.map { ($0, atStart: e.2) } })
    private static let needleRoles: [Role] = roleWords.flatMap { e in e.1.map { _ in e.0 } }

    static func role(ofHeading title: String) -> Role? {
        return title.withUTF8Bytes { role(ofHeading: $0) }
    }

    /// ``role(ofHeading:)`` of a heading's UTF-8 bytes (as stored: no string is made).
    static func role(ofHeading title: UnsafeBufferPointer<UInt8>) -> Role? {
        guard title.count <= 120 else { return nil }
        // Lowercased in a temporary buffer: every heading is asked, and no array is made.
        return VietnameseText.withLowercased(title) { f -> Role? in
            roleNeedles.firstMatch(in: f).map { needleRoles[$0] }
        }
    }

    /// Headings name what their section is for; an item's text is content, unless it has
    /// items of its own (`b) Nhiệm vụ` over bullets).
    private static func definesRole(_ s: SectionView, hasItems: Bool) -> Bool {
        switch s.kind {
        case .part, .group, .roman, .appendix: return true
        case .arabic, .letter, .number: return hasItems
        case .bullet, .article: return false
        }
    }

    // MARK: - Walking

    /// A node's own part of its task ids: its number (`a`, `2`); bullets counted in
    /// `bulletOrdinal` (`1`, `2`, …); `P2` for a part (`Phần II`), `D3` for an article
    /// (`Điều 3`); `nil` for a field bullet, which is its item's, not a task of its own.
    static func ownID(of s: SectionView, bulletOrdinal: inout Int) -> String? {
        switch s.kind {
        case .bullet:
            guard !s.isKnownField else { return nil }
            bulletOrdinal += 1
            return String(bulletOrdinal)
        case .part:
            // `PHẦN II` and `Phần thứ hai` are both `P2`.
            return "P" + (s.number.map { n in (RomanNumeral.value(of: n) ?? MarkerScanner.ordinalValue(Substring(n))).map(String.init) ?? n } ?? "")
        case .article:
            return "D" + (s.number ?? "")
        default:
            return s.number ?? ""
        }
    }

    /// - Parameters:
    ///   - parentID: the id of the node above `sections` (`II.2`), `nil` at the top; a task's
    ///     id is its ancestors' own parts joined with `.` (``ownID(of:bulletOrdinal:)``), made
    ///     as a string node by node rather than as an array joined for every task.
    ///   - bulletOrdinal: the bullets among the siblings before `sections`.
    mutating func walk<C: Collection>(_ sections: C, role: Role, parentID: String?, agency: Agency?,
                                      bulletOrdinal start: Int = 0)
        where C.Element == SectionView
    {
        var bulletOrdinal = start
        for s in sections {
            guard let own = Self.ownID(of: s, bulletOrdinal: &bulletOrdinal) else { continue }
            sectionPath.enter(s)
            visit(s, role: role, parentID: s.kind == .appendix ? nil : parentID, own: s.kind == .appendix ? "PL" : own,
                  agency: s.kind == .appendix ? nil : agency)
            sectionPath.leave()
        }
    }

    /// `s` is the innermost node of ``sectionPath``.
    private mutating func visit(_ s: SectionView, role inherited: Role, parentID: String?, own: String, agency: Agency?) {
        // The id is made only for the nodes that need it.
        var idCache: String?
        func id() -> String {
            if let idCache { return idCache }
            let made = Self.childID(parentID, own)
            idCache = made
            return made
        }
        // One pass over the children, no arrays: most nodes are leaves and leave early.
        var hasFields = false
        var hasItems = false
        var itemsHaveFields = false
        for c in s.children {
            if Self.isField(c) {
                hasFields = true
            } else {
                hasItems = true
                if !itemsHaveFields, c.hasKnownFieldChild { itemsHaveFields = true }
            }
        }
        let role = Self.definesRole(s, hasItems: hasItems) ? (s.titleText.withBytes { Self.role(ofHeading: $0) } ?? inherited) : inherited
        if role == .tasks { sawTaskSection = true }
        if !s.tables.isEmpty {
            for (k, table) in s.tables.enumerated() {
                extractTable(table, path: sectionPath.headings(),
                             idPrefix: s.kind == .appendix ? "PL" + (k > 0 ? String(k + 1) : "") : id() + ".T" + String(k + 1))
            }
        }
        if role == .organization {
            collectResponsibilities(s, agency: agency, isSection: true)
            return
        }
        if role == .tasks, !hasFields, let units = Self.agencyUnits(of: s) {
            // `2. Phòng Văn hóa và Thông tin` over its duties: each duty is the unit's task.
            let heading = self.agency(units, line: s.line)
            addAgencyDuties(s, agency: heading, id: id())
            return
        }
        if hasFields, !itemsHaveFields, role == .tasks || role == .neutral {
            addFieldsTask(s, path: sectionPath.headingsAbove(), id: id(), agency: agency)
            return
        }
        let isLeafItem = !hasItems && Self.isItem(s)
        if isLeafItem, role == .tasks || role == .neutral, addInlineFieldsTask(s, id: id()) {
            return
        }
        switch role {
        case .targets:
            // Items are targets; an item with its own paragraphs is a heading (`1. Mục tiêu chung`).
            if isLeafItem, !s.hasParagraphs {
                targets.append(Target(id: id(), line: s.line, endLine: s.endLine,
                                      section: sectionPath.headingsAbove().map(\.text), text: Self.strippedTitle(s.title)))
                return
            }
        case .tasks:
            if isLeafItem {
                addItemTask(s, path: sectionPath.headingsAbove(), id: id(), agency: agency)
                return
            }
            if s.hasParagraphs {
                addParagraphAssignments(s, path: sectionPath.headings(), base: id(), agency: agency)
            }
        default:
            break
        }
        guard s.hasChildren else { return }
        walk(s.children, role: role, parentID: id(), agency: agency)
    }

    /// The id of a node under `parent` whose own part is `own` (`II.2` and `a`: `II.2.a`).
    static func childID(_ parent: String?, _ own: String) -> String {
        guard let parent else { return own }
        return joined(parent, UInt8(ascii: "."), own)
    }

    /// `a`, the byte `separator`, then `b`, written in one string: `a + "." + b` makes a string
    /// of `a + "."` and appends `b` to it (ids are made for every node, row and task).
    static func joined(_ a: String, _ separator: UInt8, _ b: String) -> String {
        a.withUTF8Bytes { x in
            b.withUTF8Bytes { y in
                String(unsafeUninitializedCapacity: x.count + 1 + y.count) { out in
                    let base = out.baseAddress!
                    if let from = x.baseAddress { base.initialize(from: from, count: x.count) }
                    base[x.count] = separator
                    if let from = y.baseAddress { (base + x.count + 1).initialize(from: from, count: y.count) }
                    return x.count + 1 + y.count
                }
            }
        }
    }

    /// `id~n`, written in one string (``joined(_:_:_:)``); `n` is at least 2.
    static func numbered(_ id: String, _ n: Int) -> String {
        joined(id, UInt8(ascii: "~"), String(n))
    }

    /// How a node appears in a section path: a heading as printed, a group bullet's text.
    static func label(_ s: SectionView) -> SectionHeading {
        guard s.kind == .bullet else { return s.sectionHeading }
        let text = strippedTitle(s.title)
        return SectionHeading(kind: .bullet, number: nil, title: text, text: text)
    }

    private static func isField(_ s: SectionView) -> Bool { s.isKnownField }

    /// Items can be tasks or targets; headings (Roman, parts) only group them.
    static func isItem(_ s: SectionView) -> Bool {
        switch s.kind {
        case .arabic, .letter, .number, .bullet: return true
        default: return false
        }
    }

    /// The title without a trailing `:` or `;` (an item introducing its fields or list).
    static func strippedTitle(_ title: String) -> String {
        var u = title.utf8[...]
        while let last = u.last, last == UInt8(ascii: ":") || last == UInt8(ascii: ";") || last == 0x20 { u = u.dropLast() }
        // Most titles need no change: return the same string (no copy).
        return u.count == title.utf8.count ? title : String(Substring(u))
    }

    // MARK: - Prose and field tasks

    /// - Parameters: title, notes: `s`'s title and paragraph texts, as the caller decoded them.
    mutating func addProseTask(_ s: SectionView, path: [SectionHeading], id: String, title: String, notes: [String]) {
        var task = PlanTask(
            id: id, origin: .prose, line: s.line, endLine: s.endLine, headings: path,
            number: s.number, title: Self.strippedTitle(title), notes: notes)
        // `…; hoàn thành trước ngày 30/4/2024`: the deadline after the duty.
        for t in AssignmentReader.closingTimes(of: task.title) { add(t, role: .time, line: s.line, to: &task, inline: false) }
        tasks.append(consume task)
    }

    /// An item whose fields are written inline, in its text or in a paragraph after it.
    /// - Returns: whether the item had inline fields (and became a task).
    private mutating func addInlineFieldsTask(_ s: SectionView, id: String) -> Bool {
        // Without a colon there is no label: most items leave here without making any string.
        guard s.mayHoldInlineFields else { return false }
        let path = sectionPath.headingsAbove()
        // `Kiểm tra … (Phòng Nội vụ chủ trì; thời gian thực hiện: tháng 10/2027).`: who leads and
        // the fields, inside the closing parentheses.
        if let (task, inner) = Self.closingParentheses(s.title) {
            let (innerHead, innerFields) = InlineFields.split(inner)
            if !innerFields.isEmpty, !innerFields.contains(where: { $0.role == .lead }), let who = Self.leadOnly(innerHead) {
                addAssignments([DutyAssignment(lead: who.lead, support: who.support, duty: task, times: who.times)], agency: nil,
                               id: id, line: s.line, endLine: s.endLine, path: path, number: s.number,
                               notes: s.paragraphs.map(\.text), fields: innerFields)
                return true
            }
        }
        let (head, titleFields) = InlineFields.split(s.title)
        var fields = titleFields
        var notes: [String] = []
        for p in s.paragraphs {
            let (rest, found) = InlineFields.split(p.text)
            if rest.isEmpty, !found.isEmpty { fields += found } else { notes.append(p.text) }
        }
        // `1. Thời gian: ngày 19/4/2024.`: a field with no task before it is no task.
        guard !fields.isEmpty, !Self.strippedTitle(head).isEmpty else { return false }
        // `Tuyên truyền …: Phòng X chủ trì; thời gian: …`: the task, then who leads it.
        if !fields.contains(where: { $0.role == .lead }), let (task, who) = Self.splitLeadAfterColon(head) {
            addAssignments([DutyAssignment(lead: who.lead, support: who.support, duty: task, times: who.times)], agency: nil,
                           id: id, line: s.line, endLine: s.endLine, path: path, number: s.number, notes: notes, fields: fields)
            return true
        }
        // `Đài X, Báo Y mở chuyên mục …; thời gian thực hiện: thường xuyên.`: the fields say only
        // when (or what), the frame before them says who: the item is an assignment with those fields.
        if !fields.contains(where: { $0.role == .lead }), AgencySections.mayOpenWithFrame(head) {
            let reading = AssignmentReader.read(Self.strippedTitle(head), context: .item)
            if !reading.assignments.isEmpty {
                addAssignments(reading.assignments, agency: nil, id: id, line: s.line,
                               endLine: s.endLine, path: path, number: s.number, notes: notes, fields: fields)
                return true
            }
        }
        var task = PlanTask(
            id: id, origin: .fields, line: s.line, endLine: s.endLine, headings: path,
            number: s.number, title: Self.strippedTitle(head), notes: notes)
        for f in fields { add(f.value, role: f.role, line: s.line, to: &task, inline: false) }
        tasks.append(consume task)
        return true
    }

    /// `Tuyên truyền trên báo chí: Phòng Văn hóa chủ trì` — a task, a colon, and a sentence that
    /// only names who leads (and supports, and by when): the task's title and that assignment.
    static func splitLeadAfterColon(_ head: String) -> (String, DutyAssignment)? {
        guard let colon = head.utf8.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        let title = String(head[..<colon]).trimmingSpaces
        let rest = String(head[head.utf8.index(after: colon)...]).trimmingSpaces
        guard !title.isEmpty, let a = leadOnly(rest) else { return nil }
        return (title, a)
    }

    /// `s`'s field children fill the task; its other children are notes.
    private mutating func addFieldsTask(_ s: SectionView, path: [SectionHeading], id: String,
                                        agency: Agency?)
    {
        var title = Self.strippedTitle(s.title)
        var line = s.line
        var number = s.number
        var notes = s.paragraphs.map(\.text)
        var headings = path
        if !Self.isItem(s) || (s.kind == .arabic && s.hasParagraphs) {
            // A numbered heading followed by a plain paragraph and then field bullets
            // (`9. Nâng cao chỉ số …` / `Triển khai …` / `- Đơn vị chủ trì: …`): the paragraph is the task.
            if let p = s.paragraphs.first {
                title = Self.strippedTitle(p.text)
                line = p.line
                notes.removeFirst()
                number = nil
                headings.append(s.sectionHeading)
            }
        }
        var task = PlanTask(
            id: id, origin: .fields, line: line, endLine: s.endLine, headings: headings,
            number: number, title: title)
        for f in s.children where Self.isField(f) { addField(f, to: &task) }
        for item in s.children where !Self.isField(item) {
            if item.fieldRole == .unknown, let f = item.field {
                warnings.append(Diagnostic(line: item.line, code: "field-unknown-label",
                    message: "'\(f.label)' is not a known field label (lead, support, product, time)"))
            }
            notes.append(Self.strippedTitle(item.title))
        }
        task.notes = notes
        if task.lead.isEmpty, let agency {
            // Field bullets without a lead, under an agency heading: the agency leads.
            task.lead = agency.units
            task.leadSource = LeadSource(kind: .stated, line: agency.line)
        }
        tasks.append(task)
    }

    /// The field's role and value are read from the store; its label (not needed here) is
    /// never made a string.
    private mutating func addField(_ f: SectionView, to task: inout PlanTask) {
        guard let role = f.fieldRole else { return }
        add(f.fieldValueText, role: role, line: f.line, to: &task)
        for child in f.children {
            if let childRole = child.fieldRole, childRole != .unknown {
                addField(child, to: &task)
            } else if role == .product {
                // `- Sản phẩm:` followed by `- + …` lines: one product per line, as written.
                let p = Self.trimmedLine(child.title)
                if !p.isEmpty { task.products.append(p) }
            } else {
                add(child.titleText, role: role, line: child.line, to: &task)
            }
        }
    }

    /// `text` without the `;` `.` `,` and spaces at its end, each a character of its own.
    ///
    /// Cut on the bytes: a `Substring`'s `last` and `dropLast()` find character boundaries from
    /// the line's start each time. A mark is a character of its own unless the scalar before it
    /// is a prepended mark (Arabic number signs and the like, all from U+0600 on): when the scalar
    /// before is not plainly below that or a Vietnamese letter (U+1E00–U+1EFF), the characters decide.
    static func trimmedLine(_ text: String) -> String {
        let kept = text.withUTF8Bytes { b -> Int? in
            var n = b.count
            while n > 0 {
                let c = b[n - 1]
                guard c == UInt8(ascii: ";") || c == UInt8(ascii: ".") || c == UInt8(ascii: ",") || c == 0x20 else { return n }
                if n >= 2, b[n - 2] >= 0x80 {
                    var k = n - 2
                    while k > 0, b[k] & 0xC0 == 0x80 { k -= 1 }
                    let lead = b[k]
                    let plain = (lead >= 0xC2 && lead < 0xD8) || (lead == 0xE1 && k + 1 < n && b[k + 1] >= 0xB8 && b[k + 1] <= 0xBB)
                    guard plain else { return nil }
                }
                n -= 1
            }
            return n
        }
        guard let kept else {
            var p = Substring(text)
            while let last = p.last, last == ";" || last == "." || last == "," || last == " " { p = p.dropLast() }
            return String(p)
        }
        if kept == text.utf8.count { return text }
        return text.withUTF8Bytes { String(validUTF8: UnsafeBufferPointer(rebasing: $0[0..<kept])) }
    }

    mutating func add(_ value: String, role: Field.Role, line: Int, to task: inout PlanTask, inline: Bool = true) {
        guard !value.isEmpty else { return }
        if inline, Self.hasColon(value) {
            // `Chủ trì: X; phối hợp: Y` in one value: each label fills its own field.
            let (head, more) = InlineFields.split(value)
            if !more.isEmpty {
                add(head, role: role, line: line, to: &task, inline: false)
                for f in more { add(f.value, role: f.role, line: line, to: &task, inline: false) }
                return
            }
        }
        value.withUTF8Bytes { addValue($0, role: role, line: line, to: &task) }
    }

    /// ``add(_:role:line:to:inline:)`` of a stored text (a cell, a field's value): a text
    /// without a colon is read from the store's bytes, and no string is made of it when its
    /// values are cached.
    mutating func add(_ text: StoredText, role: Field.Role, line: Int, to task: inout PlanTask) {
        guard !text.isEmpty else { return }
        if text.withBytes({ ByteSearch.contains($0, Self.colon) }) {
            add(text.string, role: role, line: line, to: &task)
            return
        }
        text.withBytes { addValue($0, role: role, line: line, to: &task) }
    }

    /// The value's units, products or milestones into `task` (no labels split off here).
    private mutating func addValue(_ value: UnsafeBufferPointer<UInt8>, role: Field.Role, line: Int, to task: inout PlanTask) {
        switch role {
        case .lead:
            if task.leadSource == nil { task.leadSource = LeadSource(kind: .stated, line: line) }
            Self.append(units(value), to: &task.lead)
        case .support:
            Self.append(units(value), to: &task.support)
        case .product:
            if let cached = productCache[BytesKey(borrowing: value)] {
                Self.append(cached, to: &task.products)
            } else {
                let products = ListSplitter.products(value)
                if productCache.count < Self.cacheLimit { productCache[BytesKey(copying: value)] = products }
                Self.append(products, to: &task.products)
            }
        case .time:
            let result: (milestones: [TimeMilestone], problems: [TimeProblem])
            if let cached = timeCache[BytesKey(borrowing: value)] {
                result = cached
            } else {
                result = normalizer.milestones(in: value)
                if timeCache.count < Self.cacheLimit { timeCache[BytesKey(copying: value)] = result }
            }
            let (milestones, problems) = result
            Self.append(milestones, to: &task.time)
            for p in problems { warnings.append(Diagnostic(line: line, code: p.code, message: p.message)) }
        case .unknown:
            break
        }
    }

    /// `list += values`, but an empty list takes the (cached) array itself: tables repeat the
    /// same cells, and a shared array costs no memory per task.
    @inline(__always)
    private static func append<T>(_ values: [T], to list: inout [T]) {
        if list.isEmpty { list = values } else { list += values }
    }

    private static func hasColon(_ s: String) -> Bool {
        // `memchr` (through ByteSearch), not a byte loop: every field value and cell is asked.
        return s.withUTF8Bytes { ByteSearch.contains($0, colon) }
    }

    private static let colon = [UInt8(ascii: ":")]

    private mutating func units(_ value: UnsafeBufferPointer<UInt8>) -> [UnitRef] {
        if let cached = unitCache[BytesKey(borrowing: value)] { return cached }
        let units = ListSplitter.units(value).map { UnitRef(name: $0, key: UnitNormalizer.key(for: $0)) }
        if unitCache.count < Self.cacheLimit { unitCache[BytesKey(copying: value)] = units }
        return units
    }

    // MARK: - Tables

    private mutating func extractTable(_ table: TableView, path: [SectionHeading], idPrefix: String) {
        let columns = table.columns
        guard let titleCol = columns.firstIndex(where: { $0.role == .title }),
            columns.contains(where: { [.lead, .time, .product, .support].contains($0.role) })
        else { return }
        let roles = columns.map(\.role)
        let numberCol = roles.firstIndex(of: .number) ?? 0
        var current: PlanTask?
        // Rows of one group share one section path and id prefix (made once per group).
        var lastGroup: Int32 = -2
        var headings = path
        var prefix = idPrefix
        var rowInGroup = 0
        func flush(_ t: inout PlanTask?) {
            // Moved, not copied: a record holds a dozen references.
            if let task = t.take() { tasks.append(consume task) }
        }
        for row in table.rows {
            switch row.kind {
            case .group:
                flush(&current)
            case .task:
                flush(&current)
                let group = row.stored.groupPath
                if group != lastGroup {
                    lastGroup = group
                    rowInGroup = 0
                    let groupPath = row.groupPath
                    headings = path + groupPath
                    prefix = idPrefix
                    for g in groupPath { prefix += "." + (g.number ?? "") }
                }
                let number = SectionParser.number(fromMarker: row.cell(numberCol).string)
                rowInGroup += 1
                // A row without a number (its automatic numbering lost) is named by its place.
                let own = number.isEmpty ? "r" + String(rowInGroup) : number
                var task = PlanTask(
                    id: Self.joined(prefix, UInt8(ascii: "."), own), origin: .table, line: row.line, endLine: row.endLine,
                    headings: headings, number: number.isEmpty ? nil : number, title: row.cell(titleCol).string)
                fill(&task, from: row, roles: roles, titleCol: titleCol)
                current = consume task
            case .milestone:
                guard current != nil else { continue }
                fill(&current!, from: row, roles: roles, titleCol: titleCol)
                current!.endLine = max(current!.endLine, row.endLine)
            case .header, .other:
                continue
            }
        }
        flush(&current)
    }

    private mutating func fill(_ task: inout PlanTask, from row: RowView, roles: [TableColumn.Role], titleCol: Int) {
        for (c, role) in roles.enumerated() where c < row.width && c != titleCol {
            let text = row.cell(c)
            guard !text.isEmpty else { continue }
            switch role {
            case .product: add(text, role: .product, line: row.line, to: &task)
            case .lead: add(text, role: .lead, line: row.line, to: &task)
            case .support: add(text, role: .support, line: row.line, to: &task)
            case .time: add(text, role: .time, line: row.line, to: &task)
            case .notes: task.notes.append(text.string)
            default: break
            }
        }
    }

    // MARK: - Ids

    /// Ids must be unique: a repeated number (`c)` twice) gets `~2`, `~3`.
    static func uniqued(_ tasks: [PlanTask]) -> [PlanTask] {
        var result = tasks
        makeIDsUnique(&result)
        return result
    }

    /// Sorts in place without the scratch buffer of the standard (stable) sort: the keys are
    /// distinct, so stability is moot, and a table of millions of rows is at its peak of memory
    /// when its ids are checked.
    static func heapSort(_ a: inout [UInt64]) {
        a.withUnsafeMutableBufferPointer { v in
            let n = v.count
            guard n > 1 else { return }
            func siftDown(_ start: Int, _ end: Int) {
                var root = start
                while true {
                    var child = 2 * root + 1
                    guard child < end else { return }
                    if child + 1 < end, v[child] < v[child + 1] { child += 1 }
                    guard v[root] < v[child] else { return }
                    v.swapAt(root, child)
                    root = child
                }
            }
            for start in stride(from: n / 2 - 1, through: 0, by: -1) { siftDown(start, n) }
            for end in stride(from: n - 1, to: 0, by: -1) {
                v.swapAt(0, end)
                siftDown(0, end)
            }
        }
    }

    /// ``uniqued(_:)`` in place: the task records are not copied.
    ///
    /// Repeated ids are rare, so no table of every id is kept: tasks are sorted by a hash of
    /// their id (8 bytes each, for a moment), and only runs of equal hashes are compared.
    static func makeIDsUnique(_ tasks: inout [PlanTask]) {
        // 32 bits of hash over 32 bits of index, one word a task: sorted, equal hashes are runs
        // in document order (a collision only makes a run longer; ids are compared in it). The
        // hash is FNV-1a of the id's bytes: any hash gives the same ids, and this one is cheap.
        var order: [UInt64] = []
        order.reserveCapacity(tasks.count)
        for i in tasks.indices {
            let hash = UInt32(truncatingIfNeeded: tasks[i].id.withUTF8Bytes { TextWords.hash($0) })
            order.append(UInt64(hash) << 32 | UInt64(UInt32(i)))
        }
        Self.heapSort(&order)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, order[end] >> 32 == order[start] >> 32 { end += 1 }
            if end - start > 1 {
                // In document order; equal ids get ~2, ~3 … after the first. A run is mostly one
                // id again and again (a document pasted twice): counted without a table while
                // the ids equal the first.
                let first = TextKey(tasks[Int(order[start] & 0xFFFF_FFFF)].id)
                var k = start + 1
                while k < end {
                    let i = Int(order[k] & 0xFFFF_FFFF)
                    guard TextKey(tasks[i].id) == first else { break }
                    tasks[i].id = Self.numbered(tasks[i].id, k - start + 1)
                    k += 1
                }
                if k < end {
                    var seen: [TextKey: Int] = [first: k - start]
                    for k in k..<end {
                        let i = Int(order[k] & 0xFFFF_FFFF)
                        let key = TextKey(tasks[i].id)
                        let count = (seen[key] ?? 0) + 1
                        seen[key] = count
                        if count > 1 { tasks[i].id = Self.numbered(tasks[i].id, count) }
                    }
                }
            }
            start = end
        }
    }
}
