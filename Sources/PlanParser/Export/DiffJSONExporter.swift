/// Writes a ``PlanDiff`` as JSON; task records are written as in the document JSON.
///
/// ```json
/// {"oldPlan": {"path", "planYear", "tasks"}, "newPlan": {…},
///  "summary": {"added", "removed", "modified", "moved", "unchanged"},
///  "changes": [{"change", "old", "new", "fields", "similarity", "titleDiff", "relatedTo"}]}
/// ```
struct DiffJSONExporter: DiffExporter {
    static let format = OutputFormat(
        name: "json", subject: .diff, extensions: ["json"],
        summary: "{oldPlan, newPlan, summary, changes} with full task records",
        maker: .diff { DiffJSONExporter(pretty: $0.pretty) })

    let pretty: Bool

    func write(_ diff: PlanDiff, _ out: OutputSink) throws(OutputError) {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.key("oldPlan"); plan(diff.old, &w)
        w.key("newPlan"); plan(diff.new, &w)
        w.key("summary")
        w.beginObject()
        w.key("added"); w.int(diff.summary.added)
        w.key("removed"); w.int(diff.summary.removed)
        w.key("modified"); w.int(diff.summary.modified)
        w.key("moved"); w.int(diff.summary.moved)
        w.key("unchanged"); w.int(diff.summary.unchanged)
        w.endObject()
        w.key("changes")
        w.beginArray()
        for c in diff.changes {
            w.beginObject()
            w.key("change"); w.string(c.change.rawValue)
            w.key("old")
            if let t = c.old { w.task(t) } else { w.null() }
            w.key("new")
            if let t = c.new { w.task(t) } else { w.null() }
            w.key("fields"); w.inlineArray(c.fields.map(\.rawValue))
            w.key("similarity")
            if let s = c.similarity { w.number(s) } else { w.null() }
            w.key("titleDiff")
            w.beginArray()
            for r in c.titleDiff {
                w.beginObject()
                w.key("op"); w.string(r.kind.rawValue)
                w.key("text"); w.string(r.text)
                w.endObject()
            }
            w.endArray()
            w.key("relatedTo"); w.string(c.relatedTo)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.finish()
        try w.flush(to: out)
    }

    private func plan(_ p: PlanDiff.Plan, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("path"); w.string(p.path)
        w.key("planYear"); w.int(p.planYear)
        w.key("tasks"); w.int(p.taskCount)
        w.endObject()
    }
}
