/// `extract outline`: the section tree as indented text — line number, marker, title.
///
/// One line per node, children indented by two spaces; field bullets are summed up after their
/// item (`a) Xây dựng …  {lead, support, product, time}`); titles longer than the width are
/// cut with `…`; tables show as one summary line. Several documents (``ExportOptions/collection``)
/// each start with a `== path ==` line, with an empty line between documents.
struct OutlineExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "text", subject: .outline, extensions: ["txt"],
        summary: "indented text: line, marker, title", isTerminalText: true,
        maker: .documents { OutlineExporter(width: $0.width, headed: $0.collection) })

    let width: Int
    /// Each document starts with `== path ==`.
    let headed: Bool
    private var count = 0

    init(width: Int, headed: Bool = false) {
        self.width = width
        self.headed = headed
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        var text = ""
        if headed { text = (count > 0 ? "\n" : "") + TerminalText.documentHeading(document) }
        count += 1
        try out.write(text + render(document))
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}

    private func render(_ document: PlanDocument) -> String {
        var out = ""
        let digits = String(document.source.lines).count
        func pad(_ n: Int) -> String {
            let s = String(n)
            return String(repeating: " ", count: max(0, digits - s.count)) + s
        }
        func visit(_ s: SectionView, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            var roles: [String] = []
            for c in s.children where c.isKnownField {
                let r = c.fieldRole!.rawValue
                if !roles.contains(r) { roles.append(r) }
            }
            let fields = roles.isEmpty ? "" : "  {" + roles.joined(separator: ", ") + "}"
            let heading = s.kind == .appendix ? s.heading : s.marker + " " + s.title
            out += "\(pad(s.line))  \(indent)\(TerminalText.fitted(heading, width: width))\(fields)\n"
            for t in s.tables {
                let tasks = t.rows.filter { $0.kind == .task }.count
                let groups = t.rows.filter { $0.kind == .group }.count
                out += "\(pad(t.line))  \(indent)  [table: \(t.columns.count) columns, \(groups) groups, \(tasks) numbered rows]\n"
            }
            for c in s.children where !c.isKnownField { visit(c, depth: depth + 1) }
        }
        for s in document.sectionViews { visit(s, depth: 0) }
        return out
    }
}
