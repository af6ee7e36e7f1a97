/// Writes a ``PlanDiff`` as JSON; task records are written as in the document JSON.
///
/// ```json
/// {"oldPlan": {"path", "planYear", "tasks"}, "newPlan": {…},
///  "summary": {"added", "removed", "modified", "moved", "unchanged"},
///  "changes": [{"change", "old", "new", "fields", "similarity", "titleDiff", "relatedTo"}]}
/// ```
enum DiffJSONExporter {
    static func export(_ diff: PlanDiff, pretty: Bool) -> [UInt8] {
        var e = DocumentJSONExporter(writer: JSONWriter(pretty: pretty))
        e.writer.beginObject()
        e.writer.key("oldPlan"); write(diff.old, &e.writer)
        e.writer.key("newPlan"); write(diff.new, &e.writer)
        e.writer.key("summary")
        e.writer.beginObject()
        e.writer.key("added"); e.writer.int(diff.summary.added)
        e.writer.key("removed"); e.writer.int(diff.summary.removed)
        e.writer.key("modified"); e.writer.int(diff.summary.modified)
        e.writer.key("moved"); e.writer.int(diff.summary.moved)
        e.writer.key("unchanged"); e.writer.int(diff.summary.unchanged)
        e.writer.endObject()
        e.writer.key("changes")
        e.writer.beginArray()
        for c in diff.changes {
            e.writer.beginObject()
            e.writer.key("change"); e.writer.string(c.change.rawValue)
            e.writer.key("old")
            if let t = c.old { e.write(t) } else { e.writer.null() }
            e.writer.key("new")
            if let t = c.new { e.write(t) } else { e.writer.null() }
            e.writer.key("fields"); e.writer.inlineArray(c.fields.map(\.rawValue))
            e.writer.key("similarity")
            if let s = c.similarity { e.writer.number(s) } else { e.writer.null() }
            e.writer.key("titleDiff")
            e.writer.beginArray()
            for r in c.titleDiff {
                e.writer.beginObject()
                e.writer.key("op"); e.writer.string(r.kind.rawValue)
                e.writer.key("text"); e.writer.string(r.text)
                e.writer.endObject()
            }
            e.writer.endArray()
            e.writer.key("relatedTo"); e.writer.string(c.relatedTo)
            e.writer.endObject()
        }
        e.writer.endArray()
        e.writer.endObject()
        e.writer.finish()
        return e.writer.bytes
    }

    private static func write(_ p: PlanDiff.Plan, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("path"); w.string(p.path)
        w.key("planYear"); w.int(p.planYear)
        w.key("tasks"); w.int(p.taskCount)
        w.endObject()
    }
}
