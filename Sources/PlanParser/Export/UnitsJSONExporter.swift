/// `extract units --format json`:
/// `{"units": [{"name", "key", "spellings", "lead", "support", "tasks"?: [{"id", "role", "title"}]}]}`.
struct UnitsJSONExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "json", subject: .units, extensions: ["json"],
        summary: "{\"units\": [{name, key, spellings, lead, support, tasks?}]}",
        maker: .documents { UnitsJSONExporter(listTasks: $0.listTasks) })

    let listTasks: Bool

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        let titles = Dictionary(document.tasks.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var w = JSONWriter(pretty: true)
        w.beginObject()
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
        w.finish()
        try w.flush(to: out)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}
