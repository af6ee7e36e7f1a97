/// Text, CSV and JSON renderings of ``UnitWorkload``.
public enum WorkloadExporter {
    /// An aligned table: unit, lead count, support count; with `tasks`, each unit's tasks below it.
    public static func text(_ units: [UnitWorkload], document: PlanDocument, tasks: Bool) -> String {
        let titles = Dictionary(document.tasks.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        func width(_ s: String) -> Int { s.unicodeScalars.count }
        let nameWidth = min(60, max(4, units.map { width($0.name) }.max() ?? 4))
        func pad(_ s: String, _ w: Int) -> String {
            let cut = width(s) > w ? String(s.unicodeScalars.prefix(w - 1)) + "…" : s
            return cut + String(repeating: " ", count: max(0, w - width(cut)))
        }
        func right(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: " ", count: max(0, w - s.count)) + s
        }
        let idWidth = document.tasks.map { width($0.id) }.max() ?? 0
        var out = pad("Unit", nameWidth) + "   Lead  Support\n"
        for u in units {
            out += pad(u.name, nameWidth) + "  " + right(u.leads.count, 5) + "  " + right(u.supports.count, 7) + "\n"
            if tasks {
                for id in u.leads { out += "    lead     \(pad(id, idWidth))  \(titles[id].map { cut($0) } ?? "")\n" }
                for id in u.supports { out += "    support  \(pad(id, idWidth))  \(titles[id].map { cut($0) } ?? "")\n" }
            }
        }
        return out
    }

    private static func cut(_ s: String) -> String {
        s.unicodeScalars.count > 90 ? String(s.unicodeScalars.prefix(89)) + "…" : s
    }

    /// One row per unit: `unit,key,lead,support` (+ `lead_tasks,support_tasks` with `tasks`).
    public static func csv(_ units: [UnitWorkload], tasks: Bool, bom: Bool = false, guardFormulas: Bool = true) -> [UInt8] {
        var w = CSVWriter(bom: bom, guardFormulas: guardFormulas)
        w.row(["unit", "key", "lead", "support"] + (tasks ? ["lead_tasks", "support_tasks"] : []))
        for u in units {
            var row = [u.name, u.key, String(u.leads.count), String(u.supports.count)]
            if tasks { row += [u.leads.joined(separator: "; "), u.supports.joined(separator: "; ")] }
            w.row(row)
        }
        return w.bytes
    }

    /// `{"units": [{"name", "key", "spellings", "lead", "support", "tasks"?}]}`.
    public static func json(_ units: [UnitWorkload], document: PlanDocument, tasks: Bool) -> [UInt8] {
        let titles = Dictionary(document.tasks.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("units")
        w.beginArray()
        for u in units {
            w.beginObject()
            w.key("name"); w.string(u.name)
            w.key("key"); w.string(u.key)
            w.key("spellings"); w.inlineArray(u.spellings)
            w.key("lead"); w.int(u.leads.count)
            w.key("support"); w.int(u.supports.count)
            if tasks {
                w.key("tasks")
                w.beginArray()
                for (role, ids) in [("lead", u.leads), ("support", u.supports)] {
                    for id in ids {
                        w.beginObject()
                        w.key("id"); w.string(id)
                        w.key("role"); w.string(role)
                        w.key("title"); w.string(titles[id] ?? "")
                        w.endObject()
                    }
                }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.finish()
        return w.bytes
    }
}
