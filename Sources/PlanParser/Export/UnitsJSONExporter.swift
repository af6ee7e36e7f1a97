/// `extract units --format json`:
/// `{"units": [{"name", "key", "spellings", "lead", "support", "tasks"?: [{"id", "role", "title"}]}]}`.
/// Several documents (``ExportOptions/collection``) make an array of such objects, each with the
/// document's `path` first: `[{"path", "units": […]}, …]`.
struct UnitsJSONExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "json", subject: .units, extensions: ["json"],
        summary: "{\"units\": [{name, key, spellings, lead, support, tasks?}]}",
        maker: .documents { UnitsJSONExporter(listTasks: $0.listTasks, asArray: $0.collection) })

    let listTasks: Bool
    let asArray: Bool
    private var writer = JSONWriter(pretty: true)

    init(listTasks: Bool, asArray: Bool = false) {
        self.listTasks = listTasks
        self.asArray = asArray
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {
        if asArray { writer.beginArray() }
    }

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        Self.write(document, listTasks: listTasks, path: asArray, to: &writer)
        if !asArray { writer.finish() }
        try writer.flush(to: out)
    }

    /// One document's `{"path"?, "units"}` object.
    private static func write(_ document: PlanDocument, listTasks: Bool, path: Bool, to w: inout JSONWriter) {
        let titles = Dictionary(document.tasks.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        w.beginObject()
        if path {
            w.key("path"); w.string(document.source.path)
        }
        w.key("units")
        w.beginArray()
        for u in UnitWorkload.compute(document) {
            w.beginObject()
            w.key("name"); w.string(u.name)
            w.key("key"); w.string(u.key)
            w.key("spellings"); w.inlineArray(u.spellings)
            w.key("lead"); w.int(u.leads.count)
            w.key("support"); w.int(u.supports.count)
            if listTasks {
                w.key("tasks")
                w.beginArray()
                for (role, ids) in [("lead", u.leads), ("support", u.supports)] {
                    for id in ids {
                        w.beginObject()
                        w.key("id"); w.string(id)
                        w.key("role"); w.string(role)
                        w.key("title"); w.string(titles[id] ?? "")
                        w.endObject()
                    }
                }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {
        guard asArray else { return }
        writer.endArray()
        writer.finish()
        try writer.flush(to: out)
    }
}
