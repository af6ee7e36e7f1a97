/// `--format ndjson`: one compact document JSON per line.
struct NDJSONExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "ndjson", subject: .documents, extensions: ["ndjson", "jsonl"],
        summary: "one compact JSON document per line",
        maker: .documents { NDJSONExporter(options: $0) })

    private var writer = JSONWriter(pretty: false)

    init(options: ExportOptions) {
        writer.threads = options.threads
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        writer.sink = out
        writer.document(document)
        writer.raw(0x0A)
        try writer.flush(to: out)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}
