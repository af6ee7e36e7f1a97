/// `--format csv`: one row per task of every document (columns in README.md, "Task CSV").
///
/// `source` is the input's path as given and `document` a stable id of the document (its
/// number and date, else the file name), so rows of several inputs stay apart; multi-values
/// are joined with `; `, the section path with ` > `; `lead_keys`/`support_keys` hold the
/// units' comparison keys in the order of the names; `start`/`end` are the earliest start and
/// latest end of the task's milestones.
struct TaskCSVExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "csv", subject: .documents, extensions: ["csv"],
        summary: "one row per task",
        maker: .documents { TaskCSVExporter(options: $0) })

    /// Columns, in order.
    static let columns = [
        "source", "document", "id", "origin", "section", "number", "title", "lead", "lead_keys", "support",
        "support_keys", "products", "time", "start", "end", "line",
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
        let source = document.source.path
        let id = document.documentID
        for t in document.tasks {
            writer.row([
                source, id, t.id, t.origin.rawValue, t.sectionText, t.number ?? "", t.title,
                t.leadText, t.leadKeysText, t.supportText, t.supportKeysText, t.productsText, t.timeText,
                t.earliestStart?.iso ?? "", t.latestEnd?.iso ?? "", String(t.line),
            ])
            try writer.flush(to: out, ifAbove: JSONWriter.chunkSize)
        }
        try writer.flush(to: out)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}
