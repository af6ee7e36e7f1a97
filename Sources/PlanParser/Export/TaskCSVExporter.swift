/// `--format csv`: one row per task of every document (columns in README.md, "Task CSV").
///
/// Multi-values are joined with `; `, the section path with ` > `; `start`/`end` are the
/// earliest start and latest end of the task's milestones.
struct TaskCSVExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "csv", subject: .documents, extensions: ["csv"],
        summary: "one row per task",
        maker: .documents { TaskCSVExporter(options: $0) })

    /// Columns, in order.
    static let columns = [
        "id", "origin", "section", "number", "title", "lead", "support", "products", "time", "start", "end", "line",
    ]

    private var writer: CSVWriter

    init(options: ExportOptions) {
        writer = CSVWriter(bom: options.byteOrderMark, guardFormulas: options.guardFormulas, delimiter: options.delimiter)
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {
        writer.row(Self.columns)
        try writer.flush(to: out)
    }

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        for t in document.tasks {
            let starts = t.time.compactMap(\.start)
            let ends = t.time.compactMap(\.end)
            writer.row([
                t.id, t.origin.rawValue, t.section.joined(separator: " > "), t.number ?? "", t.title,
                t.lead.map(\.name).joined(separator: "; "), t.support.map(\.name).joined(separator: "; "),
                t.products.joined(separator: "; "), t.time.map(\.text).joined(separator: "; "),
                starts.min()?.iso ?? "", ends.max()?.iso ?? "", String(t.line),
            ])
            try writer.flush(to: out, ifAbove: JSONWriter.chunkSize)
        }
        try writer.flush(to: out)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}
