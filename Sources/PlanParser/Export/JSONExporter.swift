/// `--format json`: the document JSON (schema in README.md); several documents as an array.
struct JSONExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "json", subject: .documents, extensions: ["json"],
        summary: "the whole document: header, section tree, tasks, targets, warnings",
        maker: .documents { JSONExporter(options: $0) })

    private var writer: JSONWriter
    private let asArray: Bool
    private var count = 0

    init(options: ExportOptions) {
        writer = JSONWriter(pretty: options.pretty)
        writer.threads = options.threads
        asArray = options.collection
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {
        if asArray { writer.raw(UInt8(ascii: "[")) }
    }

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        if asArray, count > 0 { writer.raw(UInt8(ascii: ",")) }
        count += 1
        writer.sink = out
        writer.document(document)
        if !asArray { writer.finish() }
        try writer.flush(to: out)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {
        guard asArray else { return }
        writer.raw(UInt8(ascii: "]"))
        writer.raw(0x0A)
        try writer.flush(to: out)
    }
}
