/// `extract units --format csv`: one row per unit, `unit,key,lead,support`
/// (+ `lead_tasks,support_tasks` with `--tasks`). Several documents (``ExportOptions/collection``)
/// make one table: one header, and a first column `source` with each row's document path.
struct UnitsCSVExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "csv", subject: .units, extensions: ["csv"],
        summary: "one row per unit: unit, key, lead, support",
        maker: .documents { UnitsCSVExporter(options: $0) })

    let options: ExportOptions
    private var count = 0

    init(options: ExportOptions) {
        self.options = options
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        let first = count == 0
        count += 1
        let source = options.collection ? [document.source.path] : []
        var w = CSVWriter(bom: options.byteOrderMark && first, guardFormulas: options.guardFormulas, delimiter: options.delimiter)
        if first {
            w.row((options.collection ? ["source"] : []) + ["unit", "key", "lead", "support"]
                + (options.listTasks ? ["lead_tasks", "support_tasks"] : []))
        }
        for u in UnitWorkload.compute(document) {
            var row = source + [u.name, u.key, String(u.leads.count), String(u.supports.count)]
            if options.listTasks { row += [u.leads.joined(separator: "; "), u.supports.joined(separator: "; ")] }
            w.row(row)
        }
        try w.flush(to: out)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}
