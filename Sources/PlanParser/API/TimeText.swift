/// Normalizes free-text deadlines (`Quý 3, 4/2024`, `Thường xuyên`) on their own.
public enum TimeText {
    /// The milestones in `text` and the problems found (`time-unknown`, …).
    public static func milestones(in text: String, planYear: Int? = nil, planPeriod: PlanPeriod? = nil)
        -> (milestones: [TimeMilestone], warnings: [String])
    {
        let (m, problems) = TimeNormalizer(planYear: planYear, planPeriod: planPeriod).milestones(in: text)
        return (m, problems.map { $0.code + ": " + $0.message })
    }

    /// One compact JSON object: `{"input": …, "milestones": […], "warnings": […]}`.
    public static func normalizedJSON(_ text: String, planYear: Int? = nil, planPeriod: PlanPeriod? = nil) -> [UInt8] {
        let (m, problems) = TimeNormalizer(planYear: planYear, planPeriod: planPeriod).milestones(in: text)
        var exporter = DocumentJSONExporter(writer: JSONWriter(pretty: false))
        exporter.writer.beginObject()
        exporter.writer.key("input"); exporter.writer.string(text)
        exporter.writer.key("milestones")
        exporter.writer.beginArray()
        for x in m { exporter.write(x) }
        exporter.writer.endArray()
        exporter.writer.key("warnings")
        exporter.writer.beginArray()
        for p in problems {
            exporter.writer.beginObject()
            exporter.writer.key("code"); exporter.writer.string(p.code)
            exporter.writer.key("message"); exporter.writer.string(p.message)
            exporter.writer.endObject()
        }
        exporter.writer.endArray()
        exporter.writer.endObject()
        return exporter.writer.bytes
    }
}
