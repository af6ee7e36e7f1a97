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
    /// Rows of one document are written on this many threads (``ExportOptions/threads``).
    private let threads: Int

    init(options: ExportOptions) {
        writer = CSVWriter(bom: options.byteOrderMark, guardFormulas: options.guardFormulas, delimiter: options.delimiter)
        threads = options.threads
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {
        writer.row(Self.columns)
        try writer.flush(to: out)
    }

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        let source = document.source.path
        let id = document.documentID
        let tasks = document.tasks
        let spare = CSVWriter(bom: false, guardFormulas: writer.guardFormulas, delimiter: writer.delimiter)
        try RowBatches.write(count: tasks.count, threads: threads, into: &writer, spare: spare, to: out) { i, w in
            Self.row(tasks[i], source: source, document: id, into: &w)
        }
    }

    /// One task's row, field by field (no array of strings, no joined strings).
    private static func row(_ t: PlanTask, source: String, document: String, into w: inout CSVWriter) {
        w.field(source)
        w.field(document)
        w.field(t.id)
        w.field(t.origin.rawValue)
        w.field(joining: t.headings, separator: PlanTask.pathSeparator) { $0.text }
        w.field(t.number ?? "")
        w.field(t.title)
        w.field(joining: t.lead, separator: PlanTask.listSeparatorBytes) { $0.name }
        w.field(joining: t.lead, separator: PlanTask.listSeparatorBytes) { $0.key }
        w.field(joining: t.support, separator: PlanTask.listSeparatorBytes) { $0.name }
        w.field(joining: t.support, separator: PlanTask.listSeparatorBytes) { $0.key }
        w.field(joining: t.products, separator: PlanTask.listSeparatorBytes) { $0 }
        w.field(joining: t.time, separator: PlanTask.listSeparatorBytes) { $0.text }
        w.field(t.earliestStart)
        w.field(t.latestEnd)
        w.field(t.line)
        w.endRow()
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}
