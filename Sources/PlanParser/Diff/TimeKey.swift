/// A task's time milestones reduced to their calendar meaning, for comparison.
///
/// A milestone the time normalizer understood (a kind other than `unknown`, with dates or a
/// period) is compared by what it means on the calendar, not by its dates' arithmetic:
///
/// - a **span** of whole months — `month`, `quarter`, `half`, `year`, `range`
///   (`Tháng 02/2024`, `Quý I/2024`, `Tháng 01-02/2024`) — by its first and last month, so
///   `Quý I/2025` = `Tháng 01-03/2025`;
/// - `continuous` (`Thường xuyên`) and `periodic` (`Hằng quý`) by kind, rhythm and dates;
/// - a `deadline` or `date` by its day.
///
/// Each date is (year, month, day). The year follows the ``YearShiftRule`` (a month or year
/// within a year of the plan year moves with it; a deadline's day moves unless it has
/// passed); the day matches the same day, or the **last day of the month matches the last
/// day of the month**, whatever the days per month: `Tháng 01-02/2024` (ends 29 February)
/// = `Tháng 01 - 02 năm 2025` (ends 28 February), `Trước ngày 29/02/2024` = `Trước ngày
/// 28/02/2025`, while `Trước ngày 28/02/2024` = `Trước ngày 28/02/2025` by the day.
/// An action (`ban hành Kế hoạch`) is compared by its words. Any other milestone (not
/// understood, or a condition such as `Theo chỉ đạo của UBND tỉnh`) by its words.
///
/// Two lists are equal when they hold the same set of milestones, or the same words once
/// joined (as ``ListKey``).
struct TimeKey: Sendable, Equatable {
    /// One milestone's meaning.
    struct Milestone: Sendable, Equatable {
        enum Shape: UInt8, Sendable {
            case span, continuous, periodic, deadline, date, words
        }

        var shape: Shape
        var every: TimeMilestone.Period?
        var start: Day?
        var end: Day?
        /// The action's words; for ``Shape/words`` the text's and the action's.
        var words: [DiffToken]

        static func matches(_ a: Milestone, _ b: Milestone) -> Bool {
            a.shape == b.shape && a.every == b.every && Day.matches(a.start, b.start) && Day.matches(a.end, b.end)
                && DiffToken.matches(a.words, b.words)
        }
    }

    /// A date as the comparison sees it.
    struct Day: Sendable, Equatable {
        var year: Int
        /// `year` minus the plan year, for a year that moves with the plan; else `nil`.
        var relative: Int?
        var month: Int
        var day: Int
        /// Whether `day` is the month's last.
        var isLast: Bool

        init(_ d: CalendarDate, tokenizer: DiffTokenizer, fullDate: Bool) {
            year = d.year
            month = d.month
            day = d.day
            isLast = d.day == CalendarDate.daysIn(month: d.month, year: d.year)
            if let base = tokenizer.baseYear, tokenizer.shifts(year: d.year, fullDate: fullDate) {
                relative = d.year - base
            }
        }

        static func matches(_ a: Day?, _ b: Day?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            let sameYear = a.year == b.year || (a.relative != nil && a.relative == b.relative)
            return sameYear && a.month == b.month && (a.day == b.day || (a.isLast && b.isLast))
        }
    }

    var milestones: [Milestone]
    /// The words of every milestone's text and action, in order.
    var joined: [DiffToken]

    init(_ time: [TimeMilestone], tokenizer: DiffTokenizer) {
        milestones = []
        joined = []
        for m in time {
            let text = tokenizer.tokens(m.text)
            let action = tokenizer.tokens(m.action ?? "")
            joined += text + action
            let shape: Milestone.Shape
            switch m.kind {
            case .month, .quarter, .half, .year, .range: shape = .span
            case .continuous: shape = .continuous
            case .periodic: shape = .periodic
            case .deadline: shape = .deadline
            case .date: shape = .date
            case .conditional, .unknown: shape = .words
            }
            if shape != .words, m.start != nil || m.end != nil || m.every != nil {
                let fullDate = shape == .deadline || shape == .date
                milestones.append(
                    Milestone(
                        shape: shape, every: m.every, start: m.start.map { Day($0, tokenizer: tokenizer, fullDate: fullDate) },
                        end: m.end.map { Day($0, tokenizer: tokenizer, fullDate: fullDate) }, words: action))
            } else {
                milestones.append(Milestone(shape: .words, words: text + action))
            }
        }
    }

    /// Whether the old list `a` and the new list `b` say the same.
    static func same(_ a: TimeKey, _ b: TimeKey) -> Bool {
        DiffToken.matches(a.joined, b.joined) || ListKey.sameSet(a.milestones, b.milestones, Milestone.matches)
    }
}
