/// `extract units`: an aligned table of units with the number of tasks each leads and
/// supports; with `--tasks`, each unit's tasks below it. Several documents
/// (``ExportOptions/collection``) each get a table of their own under a `== path ==` line, with
/// an empty line between documents.
struct UnitsTextExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "text", subject: .units, extensions: ["txt"],
        summary: "an aligned table: unit, lead count, support count", isTerminalText: true,
        maker: .documents { UnitsTextExporter(listTasks: $0.listTasks, headed: $0.collection) })

    let listTasks: Bool
    /// Each document starts with `== path ==`.
    var headed = false
    private var count = 0

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        let units = UnitWorkload.compute(document)
        let titles = Dictionary(document.tasks.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let nameWidth = min(60, max(4, units.map { TerminalText.width($0.name) }.max() ?? 4))
        let idWidth = document.tasks.map { TerminalText.width($0.id) }.max() ?? 0
        func right(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: " ", count: max(0, w - s.count)) + s
        }
        var text = ""
        if headed { text = (count > 0 ? "\n" : "") + TerminalText.documentHeading(document) }
        count += 1
        text += TerminalText.padded("Unit", width: nameWidth) + "   Lead  Support\n"
        for u in units {
            text += TerminalText.padded(u.name, width: nameWidth) + "  " + right(u.leads.count, 5) + "  "
                + right(u.supports.count, 7) + "\n"
            guard listTasks else { continue }
            for (role, ids) in [("lead   ", u.leads), ("support", u.supports)] {
                for id in ids {
                    let title = titles[id].map { TerminalText.fitted($0, width: 90) } ?? ""
                    text += "    \(role)  \(TerminalText.padded(id, width: idWidth))  \(title)\n"
                }
            }
        }
        try out.write(text)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}
