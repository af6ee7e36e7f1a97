/// The time axis of a report's timeline and where each task sits on it.
///
/// The axis covers the plan's years (its period, else its plan year, else the years its tasks
/// name, at most ten): months for one or two years, quarters for more. A task's bar runs from
/// the first start to the last end of its milestones; each milestone with an end is a mark
/// (a periodic one, a mark at the end of each period); continuous tasks are bars only. Parts
/// outside the axis are cut off.
struct HTMLTimeline {
    let firstYear: Int
    let lastYear: Int
    /// The labels of the smallest units (months or quarters).
    let columns: [String]
    /// The labels above them (quarters or years) and how many columns each covers.
    let groups: [(label: String, span: Int)]
    /// How many tasks have a date.
    let dated: Int

    private let startSerial: Int
    private let days: Double

    init?(_ document: PlanDocument) {
        let dated = document.tasks.filter { t in t.time.contains { $0.start != nil || $0.end != nil } }
        guard !dated.isEmpty else { return nil }
        self.dated = dated.count
        let h = document.header
        var first: Int
        var last: Int
        if let p = h.planPeriod {
            (first, last) = (p.start, p.end)
        } else if let y = h.planYear {
            (first, last) = (y, y)
        } else {
            let years = dated.flatMap { $0.time.flatMap { [$0.start?.year, $0.end?.year].compactMap { $0 } } }
            first = years.min() ?? 2000
            last = years.max() ?? first
        }
        last = min(max(last, first), first + 9)
        firstYear = first
        lastYear = last
        let span = last - first + 1
        if span <= 2 {
            columns = (first...last).flatMap { _ in (1...12).map { $0 < 10 ? "0\($0)" : String($0) } }
            groups = (first...last).flatMap { y in (1...4).map { q in ("Q\(q)" + (span > 1 ? " \(y)" : ""), 3) } }
        } else {
            columns = (first...last).flatMap { _ in (1...4).map { "Q\($0)" } }
            groups = (first...last).map { (String($0), 4) }
        }
        let start = CalendarDate(year: first, month: 1, day: 1)!
        let end = CalendarDate(year: last, month: 12, day: 31)!
        startSerial = start.excelSerial
        days = Double(end.excelSerial - startSerial + 1)
    }

    /// `Plan year 2025, by month` and the like.
    var caption: String {
        let years = firstYear == lastYear ? "Plan year \(firstYear)" : "Plan years \(firstYear)–\(lastYear)"
        return years + (columns.count == 12 * (lastYear - firstYear + 1) ? ", by month" : ", by quarter")
    }

    /// Where a day starts on the axis, in percent (may lie outside 0…100).
    private func position(_ d: CalendarDate) -> Double {
        Double(d.excelSerial - startSerial) / days * 100
    }

    struct Mark {
        var at: Double
        var title: String
        var periodic: Bool
    }

    struct Bar {
        /// The bar's extent in percent, cut to the axis; `nil` for marks only.
        var span: ClosedRange<Double>?
        /// `continuous`, `periodic`, `clipped-left`, `clipped-right`, space-separated.
        var style: String
        var marks: [Mark]
    }

    /// The bar and marks of `task`; `nil` when it has no date.
    func bar(_ task: PlanTask) -> Bar? {
        let timed = task.time.filter { $0.start != nil || $0.end != nil }
        guard !timed.isEmpty else { return nil }
        var style: [String] = []
        var span: ClosedRange<Double>?
        let starts = timed.compactMap(\.start)
        if let s = starts.min(), let e = timed.compactMap(\.end).max() {
            let a = position(s)
            let b = position(e) + 100 / days
            if b > 0, a < 100 {
                span = max(0, a)...min(100, b)
                if a < -1e-9 { style.append("clipped-left") }
                if b > 100 + 1e-9 { style.append("clipped-right") }
            }
            if timed.allSatisfy({ $0.kind == .continuous }) { style.insert("continuous", at: 0) }
            else if timed.allSatisfy({ $0.kind == .periodic }) { style.insert("periodic", at: 0) }
        }
        var marks: [Mark] = []
        for m in timed {
            guard let end = m.end, m.kind != .continuous else { continue }
            if m.kind == .periodic {
                for day in Self.periodEnds(m) {
                    let at = position(day) + 50 / days
                    if at >= 0, at <= 100 { marks.append(Mark(at: at, title: m.text + " — " + day.iso, periodic: true)) }
                }
                continue
            }
            let at = position(end) + 50 / days
            if at >= 0, at <= 100 { marks.append(Mark(at: at, title: m.text + " — " + end.iso, periodic: false)) }
        }
        return Bar(span: span, style: style.joined(separator: " "), marks: marks)
    }

    /// The last day of each month, quarter, half or year of a periodic milestone's span.
    static func periodEnds(_ m: TimeMilestone) -> [CalendarDate] {
        guard let start = m.start, let end = m.end else { return [] }
        let step: Int
        switch m.every {
        case .month: step = 1
        case .quarter: step = 3
        case .halfYear: step = 6
        case .year: step = 12
        case .week, .unspecified, nil: return []
        }
        var out: [CalendarDate] = []
        var month = start.year * 12 + (start.month - 1)
        // Align to the end of the first period that holds the start (calendar quarters, halves).
        month += (step - 1) - (month % step)
        while out.count < 120 {
            guard let d = CalendarDate.lastDay(month: month % 12 + 1, year: month / 12), d <= end else { break }
            if d >= start { out.append(d) }
            month += step
        }
        return out
    }
}
