/// Everything the diff compares about one task.
///
/// Each field is reduced to words that ignore what does not matter between two years'
/// plans: case, punctuation, spacing, Unicode normalization, numbering of groups, how a list
/// was split, and years that moved with the plan year (``YearShiftRule``). A year that moves
/// keeps two forms (relative to the plan year and as written) and matches when either agrees,
/// so both `năm 2024` → `năm 2025` (moved with the plan) and `năm 2025` → `năm 2025` (the same
/// text) count as unchanged; a fixed year (`ISO 9001:2015`, `giai đoạn 2021 - 2025`, a
/// citation's) matches only as written.
///
/// A view of one task of ``TaskProfiles``, which holds a document's profiles compactly.
struct TaskProfile {
    /// The title's words.
    var title: ArraySlice<DiffToken>
    /// Section path for comparison; see ``SectionKey``.
    var section: SectionKey
    /// Lead and support units: the words of each ``UnitRef/key``, sorted, no duplicates.
    var lead: [[DiffToken]]
    var support: [[DiffToken]]
    var products: ListKey
    var time: TimeKey

    /// Whether the old unit list `a` and the new `b` name the same units.
    static func sameUnits(_ a: [[DiffToken]], _ b: [[DiffToken]]) -> Bool {
        ListKey.sameSet(a, b, DiffToken.matches)
    }

    /// The Jaccard index of two unit lists: units of `a` matched in `b` over all units.
    static func unitOverlap(_ a: [[DiffToken]], _ b: [[DiffToken]]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var shared = 0
        for x in a where b.contains(where: { DiffToken.matches(x, $0) }) { shared += 1 }
        return Double(shared) / Double(a.count + b.count - shared)
    }
}

/// The ``TaskProfile``s of one document, stored compactly: all titles' words in one array,
/// and each distinct section path, unit list, product list and time list once (plans repeat
/// them from task to task), so a task costs its words (8 bytes each) plus 24 bytes.
struct TaskProfiles {
    /// Which distinct values a task has, as indices into the tables below.
    struct Record {
        var section: Int32
        var lead: Int32
        var support: Int32
        var products: Int32
        var time: Int32
    }

    /// The titles' words, one title after another: task `i`'s are
    /// `tokens[titleStart[i]..<titleStart[i + 1]]`.
    fileprivate(set) var tokens: [DiffToken] = []
    fileprivate(set) var titleStart: [Int32] = [0]
    fileprivate(set) var records: [Record] = []
    fileprivate(set) var sections: [SectionKey] = []
    fileprivate(set) var unitLists: [[[DiffToken]]] = []
    fileprivate(set) var productLists: [ListKey] = []
    fileprivate(set) var timeLists: [TimeKey] = []

    var count: Int { records.count }

    func title(_ i: Int) -> ArraySlice<DiffToken> { tokens[Int(titleStart[i])..<Int(titleStart[i + 1])] }
    func section(_ i: Int) -> SectionKey { sections[Int(records[i].section)] }
    func lead(_ i: Int) -> [[DiffToken]] { unitLists[Int(records[i].lead)] }

    subscript(i: Int) -> TaskProfile {
        let r = records[i]
        return TaskProfile(
            title: title(i), section: sections[Int(r.section)], lead: unitLists[Int(r.lead)],
            support: unitLists[Int(r.support)], products: productLists[Int(r.products)], time: timeLists[Int(r.time)])
    }
}

/// Builds the ``TaskProfiles`` of one document, reducing each distinct section path, unit
/// list, product list and time list once.
struct TaskProfiler {
    let tokenizer: DiffTokenizer
    private(set) var profiles = TaskProfiles()
    private var sections = Interned()
    private var units = Interned()
    private var products = Interned()
    private var times = Interned()
    private var scratch: [UInt8] = []

    init(tokenizer: DiffTokenizer) {
        self.tokenizer = tokenizer
    }

    /// Adds the profile of `task`.
    mutating func add(_ task: PlanTask) {
        tokenizer.scan(task.title) { token, _ in profiles.tokens.append(token) }
        profiles.titleStart.append(Int32(profiles.tokens.count))
        let tokenizer = self.tokenizer
        /// The words of each unit's comparison key (``UnitRef/key``), sorted, no duplicates.
        func unitKeys(_ refs: [UnitRef]) -> [[DiffToken]] {
            ListKey.sortedUnique(refs.map { tokenizer.tokens($0.key) }.filter { !$0.isEmpty })
        }

        key(task.section)
        let section = Self.index(&sections, scratch, &profiles.sections) { SectionKey(task.headings, tokenizer: tokenizer) }
        key(task.lead.map(\.key))
        let lead = Self.index(&units, scratch, &profiles.unitLists) { unitKeys(task.lead) }
        key(task.support.map(\.key))
        let support = Self.index(&units, scratch, &profiles.unitLists) { unitKeys(task.support) }
        key(task.products)
        let products = Self.index(&self.products, scratch, &profiles.productLists) {
            ListKey(task.products.map { tokenizer.tokens($0) })
        }
        timeKey(task.time)
        let time = Self.index(&times, scratch, &profiles.timeLists) { TimeKey(task.time, tokenizer: tokenizer) }
        profiles.records.append(
            TaskProfiles.Record(section: section, lead: lead, support: support, products: products, time: time))
    }

    /// The index in `values` of the value whose key is `bytes`, made and appended when new.
    private static func index<Value>(
        _ interned: inout Interned, _ bytes: [UInt8], _ values: inout [Value], _ make: () -> Value
    ) -> Int32 {
        if let known = interned.find(bytes) { return known }
        let index = Int32(values.count)
        values.append(make())
        interned.remember(bytes, as: index)
        return index
    }

    /// `texts` into `scratch`, each followed by a separator.
    private mutating func key(_ texts: [String]) {
        scratch.removeAll(keepingCapacity: true)
        for t in texts {
            scratch += t.utf8
            scratch.append(0x1F)
        }
    }

    /// Everything of `time` that ``TimeKey`` reads, into `scratch`.
    private mutating func timeKey(_ time: [TimeMilestone]) {
        scratch.removeAll(keepingCapacity: true)
        func date(_ d: CalendarDate?) {
            guard let d else { return scratch.append(0xFF) }
            scratch += [UInt8(truncatingIfNeeded: d.year >> 8), UInt8(truncatingIfNeeded: d.year), UInt8(d.month), UInt8(d.day)]
        }
        for m in time {
            scratch += m.text.utf8
            scratch.append(0x1F)
            scratch += m.kind.rawValue.utf8
            scratch.append(0x1F)
            date(m.start)
            date(m.end)
            scratch += (m.every?.rawValue ?? "").utf8
            scratch.append(0x1F)
            scratch += (m.action ?? "").utf8
            scratch.append(0x1E)
        }
    }

    /// Distinct values by their key bytes. At most ``limit`` keys are remembered: plans repeat
    /// a few hundred; a table of unique cells would otherwise keep a copy of each key.
    private struct Interned {
        static let limit = 50_000
        private let table = WordTable()
        /// The value index of each remembered key.
        private var indices: [Int32] = []

        func find(_ bytes: [UInt8]) -> Int32? {
            bytes.withUnsafeBufferPointer { table.existingID($0) }.map { indices[Int($0)] }
        }

        mutating func remember(_ bytes: [UInt8], as index: Int32) {
            guard table.count < Self.limit else { return }
            _ = bytes.withUnsafeBufferPointer { table.id($0) }
            indices.append(index)
        }
    }
}

/// A task's section path for comparison: headings without their numbering, lowercase.
///
/// Numbering goes (`III. CẢI CÁCH TỔ CHỨC BỘ MÁY` = `2. Cải cách tổ chức bộ máy`), so a
/// renumbered group is the same section. The outermost heading is a container, not a group
/// (`PHỤ LỤC`, `II. NHIỆM VỤ CỤ THỂ`): it is dropped when there are deeper headings, and a
/// path of one container heading (`PHỤ LỤC`, `NHIỆM VỤ …`, `DANH MỤC …`) is empty. An empty path
/// says nothing and never differs. Two paths are the same section when one is a run of
/// consecutive headings of the other (with years relative or absolute): a prefix (a table's
/// group vs the same group with sub-headings in a body layout) or a suffix (the same group
/// under one more container, `PHẦN I. NỘI DUNG KẾ HOẠCH > II. NHIỆM VỤ, GIẢI PHÁP > 1. …`).
struct SectionKey: Sendable, Equatable {
    var relative: [[Int32]]
    var absolute: [[Int32]]

    init(_ path: [SectionHeading], tokenizer: DiffTokenizer) {
        var headings = path.map { tokenizer.tokens($0.title) }
        if headings.count >= 2 {
            headings.removeFirst()
        } else if let only = headings.first, Self.isContainer(only, tokenizer.words) {
            headings = []
        }
        headings = headings.filter { !$0.isEmpty }
        relative = headings.map { $0.map(\.relative) }
        absolute = headings.map { $0.map(\.word) }
    }

    var isEmpty: Bool { relative.isEmpty }

    /// Whether the old section `a` and the new section `b` are the same section.
    static func same(_ a: SectionKey, _ b: SectionKey) -> Bool {
        func nested(_ x: [[Int32]], _ y: [[Int32]]) -> Bool {
            let (short, long) = x.count <= y.count ? (x, y) : (y, x)
            if short.isEmpty { return true }
            for start in 0...(long.count - short.count) where long[start..<(start + short.count)].elementsEqual(short) {
                return true
            }
            return false
        }
        return nested(a.relative, b.relative) || nested(a.absolute, b.absolute)
    }

    /// Both paths say something, and the same.
    static func bonus(_ a: SectionKey, _ b: SectionKey) -> Bool {
        !a.isEmpty && !b.isEmpty && same(a, b)
    }

    private static let containers = ["phụ lục", "nhiệm vụ", "các nhiệm vụ", "danh mục"]

    private static func isContainer(_ words: [DiffToken], _ table: WordTable) -> Bool {
        containers.contains { c in
            let ids = c.split(separator: " ").map { table.id(String($0)) }
            return words.count >= ids.count && zip(ids, words).allSatisfy { $0 == $1.word }
        }
    }
}
