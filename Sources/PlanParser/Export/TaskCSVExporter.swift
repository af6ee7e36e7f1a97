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
            precondition(tasks.indices.contains(i))
            // Read where the array keeps it: `tasks[i]` would copy the record (retaining each field).
            tasks.withUnsafeBufferPointer { Self.row($0.baseAddress! + i, source: source, document: id, into: &w) }
        }
    }

    /// One task's row, field by field (no array of strings, no joined strings).
    private static func row(_ t: UnsafePointer<PlanTask>, source: String, document: String, into w: inout CSVWriter) {
        w.field(source)
        w.field(document)
        w.field(t.pointee.id)
        w.field(t.pointee.origin.rawValue)
        t.pointee.headings.withUnsafeBufferPointer { w.field(joiningIn: $0, separator: PlanTask.pathSeparator) { $0.pointee.text } }
        if let number = t.pointee.number { w.field(number) } else { w.field(utf8: UnsafeBufferPointer(start: nil, count: 0)) }
        w.field(t.pointee.title)
        t.pointee.lead.withUnsafeBufferPointer { lead in
            w.field(joiningIn: lead, separator: PlanTask.listSeparatorBytes) { $0.pointee.name }
            w.field(joiningIn: lead, separator: PlanTask.listSeparatorBytes) { $0.pointee.key }
        }
        t.pointee.support.withUnsafeBufferPointer { support in
            w.field(joiningIn: support, separator: PlanTask.listSeparatorBytes) { $0.pointee.name }
            w.field(joiningIn: support, separator: PlanTask.listSeparatorBytes) { $0.pointee.key }
        }
        t.pointee.products.withUnsafeBufferPointer { w.field(joiningIn: $0, separator: PlanTask.listSeparatorBytes) { $0.pointee } }
        t.pointee.time.withUnsafeBufferPointer { time in
            w.field(joiningIn: time, separator: PlanTask.listSeparatorBytes) { $0.pointee.text }
            // ``PlanTask/earliestStart`` and ``PlanTask/latestEnd`` without their arrays.
            var start: CalendarDate?
            var end: CalendarDate?
            for k in time.indices {
                let m = time.baseAddress! + k
                if let s = m.pointee.start, start.map({ s < $0 }) ?? true { start = s }
                if let e = m.pointee.end, end.map({ $0 < e }) ?? true { end = e }
            }
            w.field(start)
            w.field(end)
        }
        w.field(t.pointee.line)
        w.endRow()
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}
