/// What one recognized time expression says, before dates are filled in from the plan.
enum TimeExpression: Sendable, Equatable {
    /// One span (`Tháng 01/2024`), or a range from `first` to `last` (`Quý 3, 4/2024`);
    /// `isOpen` when the end is left blank (`Tháng 01- /2024`).
    case calendar(first: TimeAtom, last: TimeAtom?, isOpen: Bool)
    /// Due by the end of the span (`Chậm nhất là ngày 15/01/2025`, `Đến năm 2025`).
    case deadline(TimeAtom)
    /// Ongoing, through the named years or else the plan's (`Thường xuyên trong năm 2025`).
    case continuous(YearSpan?)
    /// Repeating (`Hằng quý`, `Định kỳ …`).
    case periodic(TimeMilestone.Period, YearSpan?)
    /// Tied to an event rather than the calendar (`Khi có hướng dẫn`, `Theo quy định`).
    case conditional

    var isConditional: Bool { self == .conditional }
}
