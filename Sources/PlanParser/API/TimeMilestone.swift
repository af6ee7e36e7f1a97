/// One deadline or period stated in a task's "Thời gian" (time) text.
///
/// A time text can hold several milestones: `Quý I năm 2025 ban hành Kế hoạch; định kỳ báo cáo
/// kết quả thực hiện.` gives a `quarter` milestone (action `ban hành Kế hoạch`) and a `periodic`
/// one (action `báo cáo kết quả thực hiện`).
public struct TimeMilestone: Sendable, Hashable {
    /// What kind of time expression the text is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A calendar month: `Tháng 01/2024`.
        case month
        /// A span of months, quarters or years: `Tháng 01-02/2024`, `Quý 3, 4/2024`, `Năm 2025-2026`.
        case range
        /// A calendar quarter: `Quý I/2024`.
        case quarter
        /// Half a year: `6 tháng đầu năm 2025`.
        case half
        /// A whole year: `Năm 2025`, `Trong năm`.
        case year
        /// Ongoing all through the plan's year or period: `Thường xuyên`.
        case continuous
        /// Repeating: `Hằng quý`, `Định kỳ …`; see ``TimeMilestone/every``.
        case periodic
        /// Due no later than a day: `Chậm nhất là ngày 15/01/2025`, `Trước ngày 03/3/2025`.
        case deadline
        /// One day: `ngày 15/01/2025`.
        case date
        /// Depends on an event, not on the calendar: `Khi có hướng dẫn`, `Theo quy định`.
        case conditional
        /// Not understood; a warning names the line.
        case unknown
    }

    /// How often a periodic milestone repeats.
    public enum Period: String, Sendable, Hashable, CaseIterable {
        case week
        case month
        case quarter
        case halfYear = "half-year"
        case year
        /// Periodic with no stated rhythm (`Định kỳ hoặc đột xuất`).
        case unspecified
    }

    /// The milestone's text as printed (trimmed, trailing `.`/`;` dropped).
    public var text: String
    public var kind: Kind
    /// First day of the milestone, when known.
    public var start: CalendarDate?
    /// Last day of the milestone (the due day of a deadline), when known.
    public var end: CalendarDate?
    /// For `periodic` milestones: how often.
    public var every: Period?
    /// What happens at this milestone when the text says so (`ban hành Kế hoạch`).
    public var action: String?

    public init(
        text: String, kind: Kind, start: CalendarDate? = nil, end: CalendarDate? = nil,
        every: Period? = nil, action: String? = nil
    ) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.every = every
        self.action = action
    }
}

/// The years a plan covers: one year (`năm 2025`) or a period (`giai đoạn 2025-2026`).
public struct PlanPeriod: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = min(start, end)
        self.end = max(start, end)
    }
}
