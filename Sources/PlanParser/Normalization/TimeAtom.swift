/// A calendar span named in a time text — a day, month, quarter, half-year or year — whose
/// year may still be missing (`Tháng 9`, or the `tháng 3` of `Từ tháng 3 đến tháng 6/2025`).
struct TimeAtom: Sendable, Equatable {
    enum Unit: Sendable, Equatable { case day, month, quarter, half, year }

    var unit: Unit
    /// Month (1–12) for `.day` and `.month`, quarter for `.quarter`, 1 or 2 for `.half`;
    /// unused for `.year`. Out-of-range values are kept so they can be reported.
    var number: Int
    /// Day of the month for `.day`.
    var day: Int = 0
    /// The year as written; `nil` when the text leaves it to the context.
    var year: Int?

    /// The first and last day of the span in `year`; `nil` when the span does not exist
    /// (`Tháng 13`, `Quý V`, `31/02`).
    func bounds(in year: Int) -> (first: CalendarDate, last: CalendarDate)? {
        switch unit {
        case .day:
            guard let d = CalendarDate(year: year, month: number, day: day) else { return nil }
            return (d, d)
        case .month:
            guard let first = CalendarDate.firstDay(month: number, year: year),
                let last = CalendarDate.lastDay(month: number, year: year)
            else { return nil }
            return (first, last)
        case .quarter:
            guard (1...4).contains(number) else { return nil }
            return months(3 * number - 2, 3 * number, year)
        case .half:
            guard (1...2).contains(number) else { return nil }
            return months(6 * number - 5, 6 * number, year)
        case .year:
            return months(1, 12, year)
        }
    }

    /// Whether this span, placed in the same year, would begin after `other` begins —
    /// the sign that a borrowed year belongs to the year before (`Tháng 11 - tháng 2/2025`).
    func startsAfter(_ other: TimeAtom) -> Bool {
        guard unit == other.unit, unit != .year else { return false }
        return (number, day) > (other.number, other.day)
    }

    private func months(_ first: Int, _ last: Int, _ year: Int) -> (first: CalendarDate, last: CalendarDate)? {
        guard let a = CalendarDate.firstDay(month: first, year: year),
            let b = CalendarDate.lastDay(month: last, year: year)
        else { return nil }
        return (a, b)
    }
}

/// An inclusive span of whole years named in a time text (`năm 2025`, `giai đoạn 2021-2025`).
struct YearSpan: Sendable, Equatable {
    var first: Int
    var last: Int
}
