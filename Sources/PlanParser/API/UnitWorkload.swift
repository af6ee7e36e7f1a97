/// The workload view of a plan: each unit (by key) with the tasks it leads and supports.
public struct UnitWorkload: Sendable, Equatable {
    /// The unit's most frequent spelling in the plan (ties: the first seen).
    public var name: String
    public var key: String
    /// Every spelling seen, most frequent first.
    public var spellings: [String]
    /// Ids of the tasks the unit leads, in document order.
    public var leads: [String]
    /// Ids of the tasks the unit supports, in document order.
    public var supports: [String]

    public init(name: String, key: String, spellings: [String], leads: [String], supports: [String]) {
        self.name = name
        self.key = key
        self.spellings = spellings
        self.leads = leads
        self.supports = supports
    }

    /// Units of `document`, busiest first (most tasks led, then supported, then by name).
    public static func compute(_ document: PlanDocument) -> [UnitWorkload] {
        var order: [String] = []
        var spellings: [String: [(String, Int, Int)]] = [:]  // key → (name, count, first seen)
        var leads: [String: [String]] = [:]
        var supports: [String: [String]] = [:]
        var seen = 0
        func note(_ u: UnitRef, task: String, lead: Bool) {
            if spellings[u.key] == nil { order.append(u.key) }
            var list = spellings[u.key] ?? []
            if let k = list.firstIndex(where: { $0.0 == u.name }) {
                list[k].1 += 1
            } else {
                list.append((u.name, 1, seen))
            }
            seen += 1
            spellings[u.key] = list
            if lead {
                if leads[u.key]?.last != task { leads[u.key, default: []].append(task) }
            } else if supports[u.key]?.last != task {
                supports[u.key, default: []].append(task)
            }
        }
        for t in document.tasks {
            for u in t.lead { note(u, task: t.id, lead: true) }
            for u in t.support { note(u, task: t.id, lead: false) }
        }
        let units = order.map { key -> UnitWorkload in
            let names = (spellings[key] ?? []).sorted { ($1.1, $0.2) < ($0.1, $1.2) }.map(\.0)
            return UnitWorkload(name: names.first ?? key, key: key, spellings: names,
                                leads: leads[key] ?? [], supports: supports[key] ?? [])
        }
        return units.enumerated().sorted { a, b in
            let x = a.element
            let y = b.element
            if x.leads.count != y.leads.count { return x.leads.count > y.leads.count }
            if x.supports.count != y.supports.count { return x.supports.count > y.supports.count }
            return a.offset < b.offset
        }.map(\.element)
    }
}
