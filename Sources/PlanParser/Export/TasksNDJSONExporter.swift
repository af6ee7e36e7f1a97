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
        maker: .documents { _ in TasksNDJSONExporter() })

    /// Keys, in order.
    static let keys = [
        "source", "document", "document_kind", "document_number", "document_date", "document_title", "issuer",
        "plan_year", "uid", "id", "origin", "section", "number", "title", "lead", "lead_keys", "lead_source",
        "lead_source_line", "support", "support_keys", "products", "time", "time_kinds", "start", "end", "notes", "references", "line", "end_line",
    ]

    private var writer = JSONWriter(pretty: false)

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        let h = document.header
        let documentID = document.documentID
        let date = h.date.flatMap(\.isoText)
        for t in document.tasks {
            writer.beginObject()
            writer.key("source"); writer.string(document.source.path)
            writer.key("document"); writer.string(documentID)
            writer.key("document_kind"); writer.string(h.kind)
            writer.key("document_number"); writer.string(h.number)
            writer.key("document_date"); writer.string(date)
            writer.key("document_title"); writer.string(h.title)
            writer.key("issuer"); writer.string(h.issuer)
            writer.key("plan_year"); writer.int(h.planYear)
            writer.key("uid"); writer.string(documentID + "#" + t.id)
            writer.key("id"); writer.string(t.id)
            writer.key("origin"); writer.string(t.origin.rawValue)
            writer.key("section"); writer.string(t.sectionText)
            writer.key("number"); writer.string(t.number)
            writer.key("title"); writer.string(t.title)
            writer.key("lead"); writer.string(t.leadText)
            writer.key("lead_keys"); writer.string(t.leadKeysText)
            // Analysts filter inferred leads apart from stated ones: `stated` or `inferred`.
            writer.key("lead_source"); writer.string(t.leadSource?.kind.rawValue)
            writer.key("lead_source_line"); writer.int(t.leadSource?.line)
            writer.key("support"); writer.string(t.supportText)
            writer.key("support_keys"); writer.string(t.supportKeysText)
            writer.key("products"); writer.string(t.productsText)
            writer.key("time"); writer.string(t.timeText)
            writer.key("time_kinds"); writer.string(t.time.map(\.kind.rawValue).joined(separator: PlanTask.listSeparator))
            writer.key("start"); writer.string(t.earliestStart?.iso)
            writer.key("end"); writer.string(t.latestEnd?.iso)
            writer.key("notes"); writer.string(t.notesText)
            writer.key("references"); writer.string(t.referencesText)
            writer.key("line"); writer.int(t.line)
            writer.key("end_line"); writer.int(t.endLine)
            writer.endObject()
            writer.raw(0x0A)
            try writer.flush(to: out, ifAbove: JSONWriter.chunkSize)
        }
        try writer.flush(to: out)
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
