/// Renders the section tree as indented text: line number, marker, title.
public enum OutlineExporter {
    /// One line per node: `  15  I. MỤC ĐÍCH, YÊU CẦU`, children indented by two spaces.
    /// Field bullets are summed up after their item: `a) Xây dựng …  {lead, support, product, time}`.
    /// Titles longer than `width` characters are cut with `…`; tables show as a summary line.
    public static func render(_ document: PlanDocument, width: Int = 100) -> String {
        var out = ""
        let digits = String(document.source.lines).count
        func pad(_ n: Int) -> String {
            let s = String(n)
            return String(repeating: " ", count: max(0, digits - s.count)) + s
        }
        func cut(_ s: String) -> String {
            s.count > width ? String(s.prefix(width - 1)) + "…" : s
        }
        func isField(_ s: Section) -> Bool { s.field.map { $0.role != .unknown } ?? false }
        func visit(_ s: Section, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            var roles: [String] = []
            for c in s.children where isField(c) {
                let r = c.field!.role.rawValue
                if !roles.contains(r) { roles.append(r) }
            }
            let fields = roles.isEmpty ? "" : "  {" + roles.joined(separator: ", ") + "}"
            out += "\(pad(s.line))  \(indent)\(cut(s.kind == .appendix ? s.heading : s.marker + " " + s.title))\(fields)\n"
            for t in s.tables {
                let tasks = t.rows.filter { $0.kind == .task }.count
                let groups = t.rows.filter { $0.kind == .group }.count
                out += "\(pad(t.line))  \(indent)  [table: \(t.columns.count) columns, \(groups) groups, \(tasks) numbered rows]\n"
            }
            for c in s.children where !isField(c) { visit(c, depth: depth + 1) }
        }
        for s in document.sections { visit(s, depth: 0) }
        return out
    }
}
