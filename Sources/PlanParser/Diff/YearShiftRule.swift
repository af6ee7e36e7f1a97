/// Which years of a plan move with the plan year, and which are fixed references.
///
/// A successor plan repeats last year's text with the plan year moved on: `năm 2024` in the
/// 2024 plan is `năm 2025` in the 2025 plan. Other years name something that does not move:
/// a cited document (`Nghị định số 59/2024/NĐ-CP ngày 15/5/2024`), a standard
/// (`TCVN ISO 9001:2015`), a fixed period (`giai đoạn 2021 - 2025`), a law (`Luật Lưu trữ
/// năm 2011`), a day that has passed (`ngày 20/12/2023` in a 2024 plan). One rule decides,
/// for titles, products, units and times alike (``DiffTokenizer`` applies it to words,
/// ``TimeKey`` to the dates of time milestones):
///
/// | the year is … | moves with the plan? |
/// |---|---|
/// | in a citation number or the citation's `ngày …` date | no (the citation is one token) |
/// | the edition of a standard, `9001:2015`, `5000:2020` (after `digits:`) | no |
/// | a period `Y1 – Y2` / `Y1 đến Y2` after `giai đoạn` or `thời kỳ` | no |
/// | any other period `Y1 – Y2`: starting in the plan year (`03 năm 2025 - 2027`), or last year – this year (`năm học 2024 - 2025` in a 2025 plan) | yes |
/// | any other period | no |
/// | the year of a full date (day, month, year) before the plan year | no (the day has passed) |
/// | the year of a full date in or after the plan year, or any other year, within one year of the plan year (`năm 2023`, `năm 2024`, `năm 2025` in a 2024 plan) | yes |
/// | any other year (`đến năm 2030`, `năm 2011` in a 2024 plan) | no |
///
/// A year that moves is compared relative to its plan year (`y+0`, `y-1`) *or* as written,
/// so the same text is never a change; a fixed year only as written.
struct YearShiftRule: Sendable {
    /// The plan year of the document the years are read in.
    let planYear: Int

    /// How far a plain year may be from the plan year and still move with it.
    static let reach = 1

    /// A year standing alone (`năm 2025`, `Quý I/2025`, `Ban chỉ đạo … 2025`).
    func plainYearShifts(_ year: Int) -> Bool {
        abs(year - planYear) <= Self.reach
    }

    /// The year of a full date (`ngày 15/3/2025`, `20/12/2023`, a deadline's day).
    func dateShifts(year: Int) -> Bool {
        year >= planYear && plainYearShifts(year)
    }

    /// A period `start – end`; `named` when `giai đoạn` or `thời kỳ` introduces it.
    func periodShifts(start: Int, end: Int, named: Bool) -> Bool {
        guard !named else { return false }
        return start == planYear || (start == planYear - 1 && end == planYear)
    }
}
