/// `--format tasks-ndjson`: one flat JSON object per task and line, for
/// `pandas.read_json(path, lines=True)`, `sqlite-utils insert db tasks path --nl` and `jq`.
///
/// Every value is a string, a number or `null` (no nested arrays or objects): the task CSV's
/// columns under the same names, lists joined with `; `, plus the document's fields
/// (`document_kind`, `document_number`, `document_date`, `document_title`, `issuer`,
/// `plan_year`) and what the CSV leaves out (`uid`, `end_line`, `time_kinds`, `notes`,
/// `references`, `lead_source`, `lead_source_line`). `uid` (`document#id`) is unique across the files of a run.
struct TasksNDJSONExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "tasks-ndjson", subject: .documents, extensions: ["tasks.ndjson", "tasks.jsonl"],
        summary: "one flat JSON object per task and line (pandas, sqlite-utils)",
        maker: .documents { TasksNDJSONExporter(options: $0) })

    /// Keys, in order.
    static let keys = [
        "source", "document", "document_kind", "document_number", "document_date", "document_title", "issuer",
        "plan_year", "uid", "id", "origin", "section", "number", "title", "lead", "lead_keys", "lead_source",
        "lead_source_line", "support", "support_keys", "products", "time", "time_kinds", "start", "end", "notes", "references", "line", "end_line",
    ]

    private var writer = JSONWriter(pretty: false)
    /// Lines of one document are written on this many threads (``ExportOptions/threads``).
    private let threads: Int

    init(options: ExportOptions) {
        threads = options.threads
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        let tasks = document.tasks
        let context = Context(document)
        try RowBatches.write(count: tasks.count, threads: threads, into: &writer, spare: JSONWriter(pretty: false), to: out) { i, w in
            Self.line(tasks[i], context, into: &w)
        }
    }

    /// The document's fields every line repeats.
    private struct Context: Sendable {
        let source: String
        let id: String
        let header: DocumentHeader
        let date: String?

        init(_ document: PlanDocument) {
            source = document.source.path
            id = document.documentID
            header = document.header
            date = document.header.date.flatMap(\.isoText)
        }
    }

    /// One task's line (lists joined straight into the output, no joined strings).
    private static func line(_ t: PlanTask, _ c: Context, into writer: inout JSONWriter) {
        let h = c.header
        let list = PlanTask.listSeparatorBytes
        writer.beginObject()
        writer.key("source"); writer.string(c.source)
        writer.key("document"); writer.string(c.id)
        writer.key("document_kind"); writer.string(h.kind)
        writer.key("document_number"); writer.string(h.number)
        writer.key("document_date"); writer.string(c.date)
        writer.key("document_title"); writer.string(h.title)
        writer.key("issuer"); writer.string(h.issuer)
        writer.key("plan_year"); writer.int(h.planYear)
        writer.key("uid"); writer.string(joining: [c.id, t.id], separator: "#") { $0 }
        writer.key("id"); writer.string(t.id)
        writer.key("origin"); writer.string(t.origin.rawValue)
        writer.key("section"); writer.string(joining: t.headings, separator: PlanTask.pathSeparator) { $0.text }
        writer.key("number"); writer.string(t.number)
        writer.key("title"); writer.string(t.title)
        writer.key("lead"); writer.string(joining: t.lead, separator: list) { $0.name }
        writer.key("lead_keys"); writer.string(joining: t.lead, separator: list) { $0.key }
        // Analysts filter inferred leads apart from stated ones: `stated` or `inferred`.
        writer.key("lead_source"); writer.string(t.leadSource?.kind.rawValue)
        writer.key("lead_source_line"); writer.int(t.leadSource?.line)
        writer.key("support"); writer.string(joining: t.support, separator: list) { $0.name }
        writer.key("support_keys"); writer.string(joining: t.support, separator: list) { $0.key }
        writer.key("products"); writer.string(joining: t.products, separator: list) { $0 }
        writer.key("time"); writer.string(joining: t.time, separator: list) { $0.text }
        writer.key("time_kinds"); writer.string(joining: t.time, separator: list) { $0.kind.rawValue }
        writer.key("start"); writer.date(t.earliestStart)
        writer.key("end"); writer.date(t.latestEnd)
        writer.key("notes"); writer.string(joining: t.notes, separator: list) { $0 }
        writer.key("references"); writer.string(joining: t.references, separator: list) { $0.flatText }
        writer.key("line"); writer.int(t.line)
        writer.key("end_line"); writer.int(t.endLine)
        writer.endObject()
        writer.raw(0x0A)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}

extension DocumentDate {
    /// `2024-12-27`, `2024-12` or `2024` as far as the date is known from the year down;
    /// `nil` without a year.
    var isoText: String? {
        guard let year else { return nil }
        func pad(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        var text = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        guard let month else { return text }
        text += "-" + pad(month)
        if let day { text += "-" + pad(day) }
        return text
    }
}
