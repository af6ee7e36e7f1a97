/// Renders a ``PlanDiff`` as a report for people.
///
/// ```text
/// --- samples/diff/plan-2024.txt (plan year 2024, 20 tasks)
/// +++ samples/diff/plan-2025.txt (plan year 2025, 21 tasks)
///
/// Added (2)
///   + II.1.đ  Xây dựng Kế hoạch cải cách hành chính giai đoạn 2026 - 2030 của Sở
///
/// Modified (1)
///   ~ PL.I.2 → II.1.b  Xây dựng, ban hành Kế hoạch kiểm tra …
///       time: Tháng 01/2024 → Tháng 03/2025.
///
/// Summary: 1 added, 0 removed, 0 moved, 1 modified, 18 unchanged
/// ```
///
/// Groups come in the order added, removed, moved, modified; empty groups are left out, and
/// unchanged pairs are only counted. Within a group, changes keep ``PlanDiff/changes`` order.
/// Document text is shown with control characters escaped (``TerminalText``).
struct DiffTextExporter: DiffExporter {
    static let format = OutputFormat(
        name: "text", subject: .diff, extensions: ["txt", "diff"],
        summary: "a report grouped by kind, changed fields as old → new", isTerminalText: true,
        maker: .diff { DiffTextExporter(color: $0.color) })

    let color: Bool

    func write(_ diff: PlanDiff, _ out: OutputSink) throws(OutputError) {
        try out.write(DiffTextRenderer(diff: diff, color: color).render())
    }
}

/// The text of one report (see ``DiffTextExporter``).
struct DiffTextRenderer {
    let diff: PlanDiff
    let color: Bool

    private enum Style: String {
        case bold = "1"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
        case dim = "2"
    }

    func render() -> String {
        var out = ""
        out += paint("--- " + describe(diff.old), .bold) + "\n"
        out += paint("+++ " + describe(diff.new), .bold) + "\n"
        let groups: [(TaskChange.Kind, String)] = [
            (.added, "Added"), (.removed, "Removed"), (.moved, "Moved"), (.modified, "Modified"),
        ]
        for (kind, name) in groups {
            let changes = diff.changes.filter { $0.change == kind }
            guard !changes.isEmpty else { continue }
            out += "\n" + paint("\(name) (\(changes.count))", .bold) + "\n"
            for c in changes { out += render(c) }
        }
        let s = diff.summary
        out += "\n"
        if !diff.hasDifferences { out += "No differences in tasks.\n" }
        out += "Summary: \(s.added) added, \(s.removed) removed, \(s.moved) moved, \(s.modified) modified, "
            + "\(s.unchanged) unchanged\n"
        return out
    }

    private func describe(_ p: PlanDiff.Plan) -> String {
        let year = p.planYear.map { "plan year \($0), " } ?? ""
        return "\(TerminalText.escaped(p.path)) (\(year)\(p.taskCount) task\(p.taskCount == 1 ? "" : "s"))"
    }

    /// An added or removed task: one line, plus where it was split from or merged into.
    private func oneSided(_ t: PlanTask, sign: String, relation: String, _ c: TaskChange) -> String {
        var line = "  " + sign + " " + paint(TerminalText.escaped(t.id), .cyan) + "  " + TerminalText.escaped(t.title) + "\n"
        if let r = c.relatedTo {
            line += "      " + paint("\(relation) \(r)" + similarityNote(c.similarity), .dim) + "\n"
        }
        return line
    }

    private func render(_ c: TaskChange) -> String {
        switch c.change {
        case .added:
            guard let t = c.new else { return "" }
            return oneSided(t, sign: paint("+", .green), relation: "split from", c)
        case .removed:
            guard let t = c.old else { return "" }
            return oneSided(t, sign: paint("-", .red), relation: "merged into", c)
        case .moved, .modified:
            guard let a = c.old, let b = c.new else { return "" }
            var out = "  " + paint("~", .yellow) + " " + paint(TerminalText.escaped(a.id), .cyan) + " → "
                + paint(TerminalText.escaped(b.id), .cyan) + "  " + TerminalText.escaped(b.title) + "\n"
            for field in c.fields { out += "      " + field.rawValue + ": " + value(field, c, a, b) + "\n" }
            return out
        case .unchanged:
            return ""
        }
    }

    private func similarityNote(_ s: Double?) -> String {
        s.map { " (similarity \(DecimalText.string($0, fractionDigits: 3)))" } ?? ""
    }

    private func value(_ field: TaskChange.Field, _ c: TaskChange, _ a: PlanTask, _ b: PlanTask) -> String {
        func arrow(_ x: String, _ y: String) -> String {
            paint(x.isEmpty ? "(none)" : TerminalText.escaped(x), .red) + " → "
                + paint(y.isEmpty ? "(none)" : TerminalText.escaped(y), .green)
        }
        switch field {
        case .title:
            return Self.titleDiff(c.titleDiff, color: color)
        case .lead: return arrow(a.lead.map(\.name).joined(separator: "; "), b.lead.map(\.name).joined(separator: "; "))
        case .support: return arrow(a.support.map(\.name).joined(separator: "; "), b.support.map(\.name).joined(separator: "; "))
        case .products: return arrow(a.products.joined(separator: "; "), b.products.joined(separator: "; "))
        case .time: return arrow(a.time.map(\.text).joined(separator: "; "), b.time.map(\.text).joined(separator: "; "))
        case .section:
            let x = a.section.last ?? ""
            let y = b.section.last ?? ""
            if x == y { return arrow(a.section.joined(separator: " > "), b.section.joined(separator: " > ")) }
            return arrow(x, y)
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[" + style.rawValue + "m" + text + "\u{1B}[0m" : text
    }

    /// A word diff: `kept [-removed-]{+inserted+}`, removed runs red and inserted ones green
    /// with `color`.
    static func titleDiff(_ runs: [WordRun], color: Bool, terminal: Bool = true) -> String {
        func e(_ text: String) -> String { terminal ? TerminalText.escaped(text) : text }
        let f = DiffTextRenderer(diff: PlanDiff(old: .empty, new: .empty, summary: .init(), changes: []), color: color)
        return runs.map { run -> String in
            switch run.kind {
            case .equal: return e(run.text)
            case .removed: return f.paint("[-" + e(run.text) + "-]", .red)
            case .inserted: return f.paint("{+" + e(run.text) + "+}", .green)
            }
        }.joined(separator: " ")
    }

}

extension PlanDiff.Plan {
    fileprivate static let empty = PlanDiff.Plan(path: "", planYear: nil, taskCount: 0)
}
