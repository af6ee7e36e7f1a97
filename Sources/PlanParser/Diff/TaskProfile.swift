/// Everything the diff compares about one task, computed once per task.
///
/// Each field is reduced to word ids that ignore what does not matter between two years'
/// plans: case, punctuation, spacing, Unicode normalization, numbering of groups, how a list
/// was split, and years that moved with the plan year. Years keep two forms (relative to the
/// plan year and absolute), and two values are equal when either form agrees, so both
/// `năm 2024` → `năm 2025` (moved with the plan) and `2021 - 2025` → `2021 - 2025` (a fixed
/// period) count as unchanged.
struct TaskProfile: Sendable {
    /// The title's words.
    var title: [DiffToken]
    /// The title's words, years relative: equal keys mean equal titles (in the common case).
    var titleKey: [Int32]
    /// Section path for comparison; see ``SectionKey``.
    var section: SectionKey
    /// Lead and support units: the words of each ``UnitRef/key``, sorted, no duplicates.
    var lead: [[Int32]]
    var support: [[Int32]]
    var products: ListKey
    var time: ListKey

    init(title: [DiffToken], section: SectionKey, lead: [[Int32]], support: [[Int32]], products: ListKey, time: ListKey) {
        self.title = title
        titleKey = title.map(\.relative)
        self.section = section
        self.lead = lead
        self.support = support
        self.products = products
        self.time = time
    }
}

/// Builds the ``TaskProfile``s of one document, reducing each distinct section path, unit,
/// product list and time list once: plans repeat them from task to task.
struct TaskProfiler {
    let tokenizer: DiffTokenizer
    private var sections: [ByteString: SectionKey] = [:]
    private var units: [ByteString: [Int32]] = [:]
    private var productLists: [ByteString: ListKey] = [:]
    private var timeLists: [ByteString: ListKey] = [:]

    init(tokenizer: DiffTokenizer) {
        self.tokenizer = tokenizer
    }

    mutating func profile(_ task: PlanTask) -> TaskProfile {
        let sectionBytes = Self.joined(task.section)
        let section = sections[sectionBytes] ?? SectionKey(task.headings, tokenizer: tokenizer)
        sections[sectionBytes] = section
        let productBytes = Self.joined(task.products)
        let products = productLists[productBytes] ?? ListKey(task.products.map { tokenizer.tokens($0) })
        productLists[productBytes] = products
        let timeBytes = Self.joined(task.time.flatMap { m in
            [m.text, m.kind.rawValue, m.start?.iso ?? "", m.end?.iso ?? "", m.every?.rawValue ?? "", m.action ?? ""]
        })
        let time = timeLists[timeBytes] ?? ListKey(time: task.time, tokenizer: tokenizer)
        timeLists[timeBytes] = time
        return TaskProfile(
            title: tokenizer.tokens(task.title), section: section, lead: unitKeys(task.lead),
            support: unitKeys(task.support), products: products, time: time)
    }

    /// The words of each unit's comparison key (``UnitRef/key``), sorted, no duplicates.
    private mutating func unitKeys(_ refs: [UnitRef]) -> [[Int32]] {
        var keys: [[Int32]] = []
        for u in refs {
            let bytes = ByteString(bytes: Array(u.key.utf8))
            let k = units[bytes] ?? tokenizer.wordIDs(u.key)
            units[bytes] = k
            if !k.isEmpty { keys.append(k) }
        }
        return sortedUnique(keys)
    }

    private static func joined(_ texts: [String]) -> ByteString {
        var bytes: [UInt8] = []
        for t in texts {
            bytes += t.utf8
            bytes.append(0x1F)
        }
        return ByteString(bytes: bytes)
    }
}

/// `lists` sorted (lexicographically) without duplicates.
func sortedUnique(_ lists: [[Int32]]) -> [[Int32]] {
    if lists.count < 2 { return lists }
    let sorted = lists.sorted { $0.lexicographicallyPrecedes($1) }
    var result: [[Int32]] = []
    for l in sorted where result.last != l { result.append(l) }
    return result
}

/// A list of values (products, time milestones) reduced for comparison.
///
/// Two lists are equal when, with years relative or with years absolute, they hold the same
/// set of values, or the same words in the same order once the list is joined. The second
/// rule keeps a list split differently by two layouts (`A, B` in a table cell, `A; B` in a
/// field bullet) equal.
struct ListKey: Sendable, Equatable {
    var relative: [[Int32]]
    var absolute: [[Int32]]
    var relativeJoined: [Int32]
    var absoluteJoined: [Int32]

    init(_ items: [[DiffToken]]) {
        self.init(
            relative: items.map { $0.map(\.relative) }, absolute: items.map { $0.map(\.word) },
            relativeJoined: items.flatMap { $0.map(\.relative) }, absoluteJoined: items.flatMap { $0.map(\.word) })
    }

    init(relative: [[Int32]], absolute: [[Int32]], relativeJoined: [Int32], absoluteJoined: [Int32]) {
        self.relative = sortedUnique(relative.filter { !$0.isEmpty })
        self.absolute = sortedUnique(absolute.filter { !$0.isEmpty })
        self.relativeJoined = relativeJoined
        self.absoluteJoined = absoluteJoined
    }

    /// Time milestones. A milestone the normalizer understood (a kind other than `unknown`,
    /// with dates or a period) is compared by kind, period, dates and action; the dates as
    /// (year − plan year, month, day) and as printed ISO dates. Any other milestone (not
    /// understood, or a condition such as `Theo chỉ đạo của UBND tỉnh`) by its words.
    init(time: [TimeMilestone], tokenizer: DiffTokenizer) {
        var relative: [[Int32]] = []
        var absolute: [[Int32]] = []
        var relativeJoined: [Int32] = []
        var absoluteJoined: [Int32] = []
        for m in time {
            let text = tokenizer.tokens(m.text)
            let action = tokenizer.tokens(m.action ?? "")
            relativeJoined += (text + action).map(\.relative)
            absoluteJoined += (text + action).map(\.word)
            if m.kind != .unknown, m.start != nil || m.end != nil || m.every != nil {
                let head = m.kind.rawValue + "|" + (m.every?.rawValue ?? "") + "|"
                func rel(_ d: CalendarDate?) -> String {
                    guard let d else { return "" }
                    guard let base = tokenizer.baseYear else { return d.iso }
                    return "y\(d.year - base)-\(d.month)-\(d.day)"
                }
                let r = tokenizer.words.id(head + rel(m.start) + "|" + rel(m.end))
                let a = tokenizer.words.id(head + (m.start?.iso ?? "") + "|" + (m.end?.iso ?? ""))
                relative.append([r] + action.map(\.relative))
                absolute.append([a] + action.map(\.word))
            } else {
                let mark = tokenizer.words.id("~")
                relative.append([mark] + (text + action).map(\.relative))
                absolute.append([mark] + (text + action).map(\.word))
            }
        }
        self.init(relative: relative, absolute: absolute, relativeJoined: relativeJoined, absoluteJoined: absoluteJoined)
    }

    /// Whether the old list `a` and the new list `b` say the same.
    static func same(_ a: ListKey, _ b: ListKey) -> Bool {
        a.relative == b.relative || a.absolute == b.absolute || a.relativeJoined == b.relativeJoined
            || a.absoluteJoined == b.absoluteJoined
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
