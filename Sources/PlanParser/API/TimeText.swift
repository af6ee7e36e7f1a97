/// Normalizes free-text deadlines (`Quý 3, 4/2024`, `Thường xuyên`) on their own.
public enum TimeText {
    /// The milestones in `text` and the problems found (`time-unknown`, …).
    public static func milestones(in text: String, planYear: Int? = nil, planPeriod: PlanPeriod? = nil)
        -> (milestones: [TimeMilestone], warnings: [String])
    {
        let (m, problems) = TimeNormalizer(planYear: planYear, planPeriod: planPeriod).milestones(in: text)
        return (m, problems.map { $0.code + ": " + $0.message })
    }

    /// One compact JSON object: `{"input": …, "milestones": […], "warnings": [{"code", "message"}]}`.
    public static func normalizedJSON(_ text: String, planYear: Int? = nil, planPeriod: PlanPeriod? = nil) -> [UInt8] {
        let (m, problems) = TimeNormalizer(planYear: planYear, planPeriod: planPeriod).milestones(in: text)
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.key("input"); w.string(text)
        w.key("milestones")
        w.beginArray()
        for x in m { w.milestone(x) }
        w.endArray()
        w.key("warnings")
        w.beginArray()
        for p in problems {
            w.beginObject()
            w.key("code"); w.string(p.code)
            w.key("message"); w.string(p.message)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }
}
