/// `extract units --format csv`: one row per unit, `unit,key,lead,support`
/// (+ `lead_tasks,support_tasks` with `--tasks`).
struct UnitsCSVExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "csv", subject: .units, extensions: ["csv"],
        summary: "one row per unit: unit, key, lead, support",
        maker: .documents { UnitsCSVExporter(options: $0) })

    let options: ExportOptions

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        var w = CSVWriter(bom: options.byteOrderMark, guardFormulas: options.guardFormulas, delimiter: options.delimiter)
        w.row(["unit", "key", "lead", "support"] + (options.listTasks ? ["lead_tasks", "support_tasks"] : []))
        for u in UnitWorkload.compute(document) {
            var row = [u.name, u.key, String(u.leads.count), String(u.supports.count)]
            if options.listTasks { row += [u.leads.joined(separator: "; "), u.supports.joined(separator: "; ")] }
            w.row(row)
        }
        try w.flush(to: out)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}
