import Testing

@testable import PlanParser

/// One time text and everything it must normalize to.
///
/// Milestones are written `kind start..end [every period] | text [| action]`, so each row
/// asserts the exact kind, dates, rhythm, text and action; `problems` lists problem codes.
struct TimeCase: Sendable, CustomTestStringConvertible {
    var text: String
    var planYear: Int?
    var planPeriod: PlanPeriod?
    var expected: [String]
    var problems: [String]
    var line: Int

    var testDescription: String { "line \(line): \(text.isEmpty ? "(empty)" : text)" }
}

/// A row: `text` read in a plan for `year` (and `period`), expecting `milestones`.
private func row(
    _ text: String, year: Int? = 2024, period: PlanPeriod? = nil, _ milestones: String...,
    problems: [String] = [], line: Int = #line
) -> TimeCase {
    TimeCase(
        text: text, planYear: year, planPeriod: period, expected: milestones, problems: problems, line: line)
}

/// The row format of ``TimeCase``.
private func describe(_ m: TimeMilestone) -> String {
    var s = "\(m.kind.rawValue) \(m.start?.iso ?? "nil")..\(m.end?.iso ?? "nil")"
    if let every = m.every { s += " every \(every.rawValue)" }
    s += " | \(m.text)"
    if let action = m.action { s += " | \(action)" }
    return s
}

@Suite struct TimeNormalizerTests {
    // MARK: - The issue's table, row by row (plan year 2024)

    static let specification: [TimeCase] = [
        row("Tháng 01/2024", "month 2024-01-01..2024-01-31 | Tháng 01/2024"),
        row("Tháng 1/2025", "month 2025-01-01..2025-01-31 | Tháng 1/2025"),
        row("Tháng 12 năm 2025", "month 2025-12-01..2025-12-31 | Tháng 12 năm 2025"),
        row("Tháng 9", "month 2024-09-01..2024-09-30 | Tháng 9"),
        row("Tháng 01-02/2024", "range 2024-01-01..2024-02-29 | Tháng 01-02/2024"),
        row("Từ tháng 3 đến tháng 6/2025", "range 2025-03-01..2025-06-30 | Từ tháng 3 đến tháng 6/2025"),
        row("Quý I/2024", "quarter 2024-01-01..2024-03-31 | Quý I/2024"),
        row("Quý 3/2024", "quarter 2024-07-01..2024-09-30 | Quý 3/2024"),
        row("Quý IV năm 2025", "quarter 2025-10-01..2025-12-31 | Quý IV năm 2025"),
        row("Quý II", "quarter 2024-04-01..2024-06-30 | Quý II"),
        row("Quý 3, 4/2024", "range 2024-07-01..2024-12-31 | Quý 3, 4/2024"),
        row("Quý I- II/2024", "range 2024-01-01..2024-06-30 | Quý I- II/2024"),
        row("Quý I – II năm 2025", "range 2025-01-01..2025-06-30 | Quý I – II năm 2025"),
        row("Quý II, III/2026", "range 2026-04-01..2026-09-30 | Quý II, III/2026"),
        row("6 tháng đầu năm 2025", "half 2025-01-01..2025-06-30 | 6 tháng đầu năm 2025"),
        row("6 tháng cuối năm", "half 2024-07-01..2024-12-31 | 6 tháng cuối năm"),
        row("Năm 2025", "year 2025-01-01..2025-12-31 | Năm 2025"),
        row("Trong năm 2024", "year 2024-01-01..2024-12-31 | Trong năm 2024"),
        row("Trong năm", "year 2024-01-01..2024-12-31 | Trong năm"),
        row("Năm 2025-2026", "range 2025-01-01..2026-12-31 | Năm 2025-2026"),
        row("Giai đoạn 2021-2025", "range 2021-01-01..2025-12-31 | Giai đoạn 2021-2025"),
        row("Thường xuyên", "continuous 2024-01-01..2024-12-31 | Thường xuyên"),
        row("Thường xuyên trong năm 2025", "continuous 2025-01-01..2025-12-31 | Thường xuyên trong năm 2025"),
        row(
            "Thường xuyên/theo hướng dẫn của cơ quan chuyên môn",
            "continuous 2024-01-01..2024-12-31 | Thường xuyên/theo hướng dẫn của cơ quan chuyên môn"),
        row("Hằng tháng", "periodic 2024-01-01..2024-12-31 every month | Hằng tháng"),
        row("Hằng quý", "periodic 2024-01-01..2024-12-31 every quarter | Hằng quý"),
        row("Hằng năm", "periodic 2024-01-01..2024-12-31 every year | Hằng năm"),
        row("Định kỳ", "periodic 2024-01-01..2024-12-31 every unspecified | Định kỳ"),
        row(
            "định kỳ báo cáo kết quả thực hiện",
            "periodic 2024-01-01..2024-12-31 every unspecified | định kỳ báo cáo kết quả thực hiện | báo cáo kết quả thực hiện"
        ),
        row("Tháng, quý, năm", "periodic 2024-01-01..2024-12-31 every month | Tháng, quý, năm"),
        row("Chậm nhất là ngày 15/01/2025", "deadline nil..2025-01-15 | Chậm nhất là ngày 15/01/2025"),
        row("Trước ngày 03/3/2025", "deadline nil..2025-03-03 | Trước ngày 03/3/2025"),
        row("trước ngày 26/7/2024", "deadline nil..2024-07-26 | trước ngày 26/7/2024"),
        row("Trước 31/12/2025", "deadline nil..2025-12-31 | Trước 31/12/2025"),
        row("Đến năm 2025", "deadline nil..2025-12-31 | Đến năm 2025"),
        row("ngày 15/01/2025", "date 2025-01-15..2025-01-15 | ngày 15/01/2025"),
        row("15/01/2025", "date 2025-01-15..2025-01-15 | 15/01/2025"),
        row("ngày 08 tháng 4 năm 2020", "date 2020-04-08..2020-04-08 | ngày 08 tháng 4 năm 2020"),
        row(
            "Khi có chỉ đạo, hướng dẫn của cấp có thẩm quyền",
            "conditional nil..nil | Khi có chỉ đạo, hướng dẫn của cấp có thẩm quyền"),
        row("Theo kế hoạch được phê duyệt", "conditional nil..nil | Theo kế hoạch được phê duyệt"),
        row("Theo QĐ của Bộ KH&CN", "conditional nil..nil | Theo QĐ của Bộ KH&CN"),
        row("Sau khi có hướng dẫn", "conditional nil..nil | Sau khi có hướng dẫn"),
        row(
            "Trong quá trình xây dựng dự thảo văn bản QPPL",
            "conditional nil..nil | Trong quá trình xây dựng dự thảo văn bản QPPL"),
        row("Theo quy định", "conditional nil..nil | Theo quy định"),
        row("Sớm nhất có thể", "unknown nil..nil | Sớm nhất có thể", problems: ["time-unknown"]),
    ]

    // MARK: - Spelling variants: numerals, dashes, spaces, "/" or "năm", capitalization

    static let variants: [TimeCase] = [
        row("QUÝ I/2024", "quarter 2024-01-01..2024-03-31 | QUÝ I/2024"),
        row("quý 1/2024", "quarter 2024-01-01..2024-03-31 | quý 1/2024"),
        row("Quý  I  /  2024", "quarter 2024-01-01..2024-03-31 | Quý  I  /  2024"),
        row("Quý 4 năm 2024", "quarter 2024-10-01..2024-12-31 | Quý 4 năm 2024"),
        row("quý iii/2024", "quarter 2024-07-01..2024-09-30 | quý iii/2024"),
        row("Quý 1 năm 2025", "quarter 2025-01-01..2025-03-31 | Quý 1 năm 2025"),
        row("Quý I, II, III/2025", "range 2025-01-01..2025-09-30 | Quý I, II, III/2025"),
        row("Quý IV - Quý I/2025", "range 2024-10-01..2025-03-31 | Quý IV - Quý I/2025"),
        row("Quý I và quý II năm 2025", "range 2025-01-01..2025-06-30 | Quý I và quý II năm 2025"),
        row("Tháng 01 — 02/2024", "range 2024-01-01..2024-02-29 | Tháng 01 — 02/2024"),
        row("Tháng 01 – 03 năm 2024", "range 2024-01-01..2024-03-31 | Tháng 01 – 03 năm 2024"),
        row("THÁNG 01/2024", "month 2024-01-01..2024-01-31 | THÁNG 01/2024"),
        row("tháng 3 năm 2024", "month 2024-03-01..2024-03-31 | tháng 3 năm 2024"),
        row("Tháng 9/25", "month 2025-09-01..2025-09-30 | Tháng 9/25"),
        row("Trong tháng 3/2025", "month 2025-03-01..2025-03-31 | Trong tháng 3/2025"),
        row("Tháng 11 - tháng 2/2025", "range 2024-11-01..2025-02-28 | Tháng 11 - tháng 2/2025"),
        row(
            "Từ tháng 11/2024 đến tháng 02/2025",
            "range 2024-11-01..2025-02-28 | Từ tháng 11/2024 đến tháng 02/2025"),
        row("Từ ngày 01/3 đến ngày 31/5/2025", "range 2025-03-01..2025-05-31 | Từ ngày 01/3 đến ngày 31/5/2025"),
        row("Từ năm 2021 đến năm 2025", "range 2021-01-01..2025-12-31 | Từ năm 2021 đến năm 2025"),
        row("giai đoạn 2026 – 2030", "range 2026-01-01..2030-12-31 | giai đoạn 2026 – 2030"),
        row("sáu tháng đầu năm 2025", "half 2025-01-01..2025-06-30 | sáu tháng đầu năm 2025"),
        row("Trong 6 tháng đầu năm 2025", "half 2025-01-01..2025-06-30 | Trong 6 tháng đầu năm 2025"),
        row("Cả năm 2024", "year 2024-01-01..2024-12-31 | Cả năm 2024"),
        row("NĂM 2025", "year 2025-01-01..2025-12-31 | NĂM 2025"),
        row("hàng tháng", "periodic 2024-01-01..2024-12-31 every month | hàng tháng"),
        row("Hàng quý", "periodic 2024-01-01..2024-12-31 every quarter | Hàng quý"),
        row("hằng năm", "periodic 2024-01-01..2024-12-31 every year | hằng năm"),
        row("Hằng tuần", "periodic 2024-01-01..2024-12-31 every week | Hằng tuần"),
        row("Định kỳ 6 tháng", "periodic 2024-01-01..2024-12-31 every half-year | Định kỳ 6 tháng"),
        row("định kỳ hằng năm", "periodic 2024-01-01..2024-12-31 every year | định kỳ hằng năm"),
        row(
            "định kỳ hàng quý, 6 tháng, năm",
            "periodic 2024-01-01..2024-12-31 every quarter | định kỳ hàng quý, 6 tháng, năm"),
        row("6 tháng, năm", "periodic 2024-01-01..2024-12-31 every half-year | 6 tháng, năm"),
        row("Hằng quý, năm", "periodic 2024-01-01..2024-12-31 every quarter | Hằng quý, năm"),
        row("Thường xuyên, liên tục", "continuous 2024-01-01..2024-12-31 | Thường xuyên, liên tục"),
        row("Hằng ngày", "continuous 2024-01-01..2024-12-31 | Hằng ngày"),
        row("THƯỜNG XUYÊN", "continuous 2024-01-01..2024-12-31 | THƯỜNG XUYÊN"),
        row("Theo dõi thường xuyên", "continuous 2024-01-01..2024-12-31 | Theo dõi thường xuyên | Theo dõi"),
        row("Từ nay đến tháng 6/2025", "deadline nil..2025-06-30 | Từ nay đến tháng 6/2025"),
        row("Trước tháng 6/2025", "deadline nil..2025-06-30 | Trước tháng 6/2025"),
        row("Đến hết năm 2025", "deadline nil..2025-12-31 | Đến hết năm 2025"),
        row("Trước ngày 15/01", "deadline nil..2024-01-15 | Trước ngày 15/01"),
        row("CHẬM NHẤT LÀ NGÀY 15/01/2025", "deadline nil..2025-01-15 | CHẬM NHẤT LÀ NGÀY 15/01/2025"),
        row("ngày 15.01.2025", "date 2025-01-15..2025-01-15 | ngày 15.01.2025"),
        row("15-01-2025", "date 2025-01-15..2025-01-15 | 15-01-2025"),
        row("Ngay khi có hướng dẫn", "conditional nil..nil | Ngay khi có hướng dẫn"),
        row("Trước khi ban hành", "conditional nil..nil | Trước khi ban hành"),
        row("Đột xuất", "conditional nil..nil | Đột xuất"),
        row("- Quý I/2024", "quarter 2024-01-01..2024-03-31 | Quý I/2024"),
        row("Thường xuyên.", "continuous 2024-01-01..2024-12-31 | Thường xuyên"),
    ]

    // MARK: - Plan years and periods

    static let planContext: [TimeCase] = [
        row(
            "Thường xuyên", year: nil, period: PlanPeriod(start: 2021, end: 2025),
            "continuous 2021-01-01..2025-12-31 | Thường xuyên"),
        row(
            "Thường xuyên", year: 2024, period: PlanPeriod(start: 2021, end: 2025),
            "continuous 2021-01-01..2025-12-31 | Thường xuyên"),
        row(
            "Hằng quý", year: nil, period: PlanPeriod(start: 2026, end: 2030),
            "periodic 2026-01-01..2030-12-31 every quarter | Hằng quý"),
        row(
            "Thường xuyên trong năm 2027", year: nil, period: PlanPeriod(start: 2026, end: 2030),
            "continuous 2027-01-01..2027-12-31 | Thường xuyên trong năm 2027"),
        row(
            "Tháng 9", year: nil, period: PlanPeriod(start: 2021, end: 2025),
            "month 2021-09-01..2021-09-30 | Tháng 9"),
        row(
            "Tháng 9", year: 2024, period: PlanPeriod(start: 2021, end: 2025),
            "month 2024-09-01..2024-09-30 | Tháng 9"),
        row(
            "Trong năm", year: nil, period: PlanPeriod(start: 2021, end: 2025),
            "year 2021-01-01..2021-12-31 | Trong năm"),
        row("Tháng 9", year: nil, "month nil..nil | Tháng 9", problems: ["time-unknown"]),
        row("Quý II", year: nil, "quarter nil..nil | Quý II", problems: ["time-unknown"]),
        row("Thường xuyên", year: nil, "continuous nil..nil | Thường xuyên"),
        row("Hằng tháng", year: nil, "periodic nil..nil every month | Hằng tháng"),
        row("Khi có hướng dẫn", year: nil, "conditional nil..nil | Khi có hướng dẫn"),
        row("Tháng 9/2025", year: nil, "month 2025-09-01..2025-09-30 | Tháng 9/2025"),
        row("Quý V", year: nil, "unknown nil..nil | Quý V", problems: ["time-invalid"]),
    ]

    // MARK: - Malformed texts

    static let malformed: [TimeCase] = [
        row("", year: 2024),
        row("   ", year: 2024),
        row(" ; . ", year: 2024),
        row("Tháng 01- /2024", "range 2024-01-01..nil | Tháng 01- /2024", problems: ["time-open-range"]),
        row("Từ tháng 3/2025", "range 2025-03-01..nil | Từ tháng 3/2025", problems: ["time-open-range"]),
        row("31/02/2025", "unknown nil..nil | 31/02/2025", problems: ["time-invalid"]),
        row("Quý V", "unknown nil..nil | Quý V", problems: ["time-invalid"]),
        row("Quý 5/2025", "unknown nil..nil | Quý 5/2025", problems: ["time-invalid"]),
        row("Quý 0/2024", "unknown nil..nil | Quý 0/2024", problems: ["time-invalid"]),
        row("Tháng 13/2025", "unknown nil..nil | Tháng 13/2025", problems: ["time-invalid"]),
        row("Tháng 0/2024", "unknown nil..nil | Tháng 0/2024", problems: ["time-invalid"]),
        row("ngày 32/01/2025", "unknown nil..nil | ngày 32/01/2025", problems: ["time-invalid"]),
        row("29/02/2024", "date 2024-02-29..2024-02-29 | 29/02/2024"),
        row("29/02/2025", "unknown nil..nil | 29/02/2025", problems: ["time-invalid"]),
        row("Trước ngày 29/02", year: 2025, "unknown nil..nil | Trước ngày 29/02", problems: ["time-invalid"]),
        row("Năm 2026-2025", "unknown nil..nil | Năm 2026-2025", problems: ["time-invalid"]),
        row("Giai đoạn 2026-2021", "unknown nil..nil | Giai đoạn 2026-2021", problems: ["time-invalid"]),
        row("Tuần", "unknown nil..nil | Tuần", problems: ["time-unknown"]),
        row("Thời gian thực hiện", "unknown nil..nil | Thời gian thực hiện", problems: ["time-unknown"]),
        row(
            "Quý I/2025; chưa xác định", "quarter 2025-01-01..2025-03-31 | Quý I/2025",
            "unknown nil..nil | chưa xác định", problems: ["time-unknown"]),
    ]

    // MARK: - Several milestones in one text

    static let multiple: [TimeCase] = [
        row(
            "Tháng 12/2023 Theo kế hoạch của đơn vị tổ chức", "month 2023-12-01..2023-12-31 | Tháng 12/2023",
            "conditional nil..nil | Theo kế hoạch của đơn vị tổ chức"),
        row(
            "Quý I năm 2025 ban hành Kế hoạch; định kỳ báo cáo kết quả thực hiện.", year: 2025,
            "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 ban hành Kế hoạch | ban hành Kế hoạch",
            "periodic 2025-01-01..2025-12-31 every unspecified | định kỳ báo cáo kết quả thực hiện | báo cáo kết quả thực hiện"
        ),
        row(
            "Quý I năm 2025 ban hành Kế hoạch; báo cáo kết quả thực hiện vào tháng 11 năm 2025.", year: 2025,
            "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 ban hành Kế hoạch | ban hành Kế hoạch",
            "month 2025-11-01..2025-11-30 | báo cáo kết quả thực hiện vào tháng 11 năm 2025 | báo cáo kết quả thực hiện"
        ),
        row(
            "Trong Quý I năm 2025 ban hành kế hoạch. Định kỳ báo cáo kết quả thực hiện cho cơ quan có thẩm quyền.",
            year: 2025,
            "quarter 2025-01-01..2025-03-31 | Trong Quý I năm 2025 ban hành kế hoạch | ban hành kế hoạch",
            "periodic 2025-01-01..2025-12-31 every unspecified | Định kỳ báo cáo kết quả thực hiện cho cơ quan có thẩm quyền | báo cáo kết quả thực hiện cho cơ quan có thẩm quyền"
        ),
        row(
            "ban hành kế hoạch theo quy định của UBND tỉnh, Sở Tư pháp; định kỳ theo quy định tham mưu báo cáo kết quả thực hiện và các văn bản kiến nghị xử lý những vấn đề phát hiện qua theo dõi.",
            year: 2025,
            "conditional nil..nil | ban hành kế hoạch theo quy định của UBND tỉnh, Sở Tư pháp | ban hành kế hoạch",
            "periodic 2025-01-01..2025-12-31 every unspecified | định kỳ theo quy định tham mưu báo cáo kết quả thực hiện và các văn bản kiến nghị xử lý những vấn đề phát hiện qua theo dõi | tham mưu báo cáo kết quả thực hiện và các văn bản kiến nghị xử lý những vấn đề phát hiện qua theo dõi"
        ),
        row(
            "Quý I/2024; Quý III/2024", "quarter 2024-01-01..2024-03-31 | Quý I/2024",
            "quarter 2024-07-01..2024-09-30 | Quý III/2024"),
        row(
            "Tháng 10/2024 - Quý I/2025", "month 2024-10-01..2024-10-31 | Tháng 10/2024",
            "quarter 2025-01-01..2025-03-31 | Quý I/2025"),
        row(
            "Quý I/2025 Thường xuyên", "quarter 2025-01-01..2025-03-31 | Quý I/2025",
            "continuous 2024-01-01..2024-12-31 | Thường xuyên"),
        row(
            "hoàn thành trước ngày 26/7/2024", "deadline nil..2024-07-26 | hoàn thành trước ngày 26/7/2024 | hoàn thành"
        ),
        row(
            "báo cáo vào tháng 11/2024 cho UBND tỉnh",
            "month 2024-11-01..2024-11-30 | báo cáo vào tháng 11/2024 cho UBND tỉnh | báo cáo cho UBND tỉnh"),
        row(
            "Quý I năm 2025 theo kế hoạch", "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 theo kế hoạch"),
        row(
            "Quý I/2025 sau khi có hướng dẫn",
            "quarter 2025-01-01..2025-03-31 | Quý I/2025 sau khi có hướng dẫn"),
        row(
            "Thực hiện theo Quyết định số 12/QĐ-UBND ngày 15/01/2025",
            "conditional nil..nil | Thực hiện theo Quyết định số 12/QĐ-UBND ngày 15/01/2025 | Thực hiện"),
        row(
            "Báo cáo Quyết định số 12/QĐ-UBND ngày 15/01/2025 vào tháng 3/2025",
            "month 2025-03-01..2025-03-31 | Báo cáo Quyết định số 12/QĐ-UBND ngày 15/01/2025 vào tháng 3/2025 | Báo cáo Quyết định số 12/QĐ-UBND ngày 15/01/2025"
        ),
        row(
            "Nghị định 130/2005/NĐ-CP ngày 17/10/2005; Quý II/2024",
            "unknown nil..nil | Nghị định 130/2005/NĐ-CP ngày 17/10/2005",
            "quarter 2024-04-01..2024-06-30 | Quý II/2024", problems: ["time-unknown"]),
        row(
            "TP. Hồ Chí Minh, tháng 3/2025",
            "month 2025-03-01..2025-03-31 | TP. Hồ Chí Minh, tháng 3/2025 | TP. Hồ Chí Minh"),
    ]

    // MARK: - Every time text of the seed documents

    /// 000 and 002 (plans for 2024): the "Thời gian thực hiện" column; 004 (a 2024
    /// report): deadlines in its prose.
    static let seeds2024: [TimeCase] = [
        row("Thường xuyên", "continuous 2024-01-01..2024-12-31 | Thường xuyên"),
        row("Tháng 01/2024", "month 2024-01-01..2024-01-31 | Tháng 01/2024"),
        row("Quý 3, 4/2024", "range 2024-07-01..2024-12-31 | Quý 3, 4/2024"),
        // A cell cut by a page break, as printed, and joined with its continuation.
        row("Thường xuyên/theo hướng dẫn", "continuous 2024-01-01..2024-12-31 | Thường xuyên/theo hướng dẫn"),
        row(
            "Thường xuyên/theo hướng dẫn của cấp có thẩm quyền",
            "continuous 2024-01-01..2024-12-31 | Thường xuyên/theo hướng dẫn của cấp có thẩm quyền"),
        row("Tháng 01-02/2024", "range 2024-01-01..2024-02-29 | Tháng 01-02/2024"),
        row(
            "Theo kế hoạch của đơn vị tổ chức đào tạo, bồi dưỡng",
            "conditional nil..nil | Theo kế hoạch của đơn vị tổ chức đào tạo, bồi dưỡng"),
        row("Theo QĐ của Bộ KH&CN", "conditional nil..nil | Theo QĐ của Bộ KH&CN"),
        row(
            "Trong quá trình xây dựng dự thảo văn bản QPPL",
            "conditional nil..nil | Trong quá trình xây dựng dự thảo văn bản QPPL"),
        row("Theo văn bản của UBND tỉnh, Bộ KH&CN", "conditional nil..nil | Theo văn bản của UBND tỉnh, Bộ KH&CN"),
        row("Trong năm 2024", "year 2024-01-01..2024-12-31 | Trong năm 2024"),
        row("Theo lộ trình đề án đã được phê duyệt", "conditional nil..nil | Theo lộ trình đề án đã được phê duyệt"),
        row("Khi có hướng dẫn", "conditional nil..nil | Khi có hướng dẫn"),
        row(
            "Tháng 12/2023 Theo kế hoạch của đơn vị tổ chức", "month 2023-12-01..2023-12-31 | Tháng 12/2023",
            "conditional nil..nil | Theo kế hoạch của đơn vị tổ chức"),
        row("Theo quy định", "conditional nil..nil | Theo quy định"),
        row("Sau khi có hướng dẫn", "conditional nil..nil | Sau khi có hướng dẫn"),
        row("Tháng 01- /2024", "range 2024-01-01..nil | Tháng 01- /2024", problems: ["time-open-range"]),
        row("Quý I/2024", "quarter 2024-01-01..2024-03-31 | Quý I/2024"),
        row("Quý I- II/2024", "range 2024-01-01..2024-06-30 | Quý I- II/2024"),
        row("Quý II/2024", "quarter 2024-04-01..2024-06-30 | Quý II/2024"),
        row("Trong năm", "year 2024-01-01..2024-12-31 | Trong năm"),
        row("Tháng, quý, năm", "periodic 2024-01-01..2024-12-31 every month | Tháng, quý, năm"),
        row(
            "Định kỳ hoặc đột xuất khi có yêu cầu",
            "periodic 2024-01-01..2024-12-31 every unspecified | Định kỳ hoặc đột xuất khi có yêu cầu"),
        row("chậm nhất trong ngày 26/7/2024", "deadline nil..2024-07-26 | chậm nhất trong ngày 26/7/2024"),
        row("quý III, IV/2024", "range 2024-07-01..2024-12-31 | quý III, IV/2024"),
        row("6 tháng cuối năm 2024", "half 2024-07-01..2024-12-31 | 6 tháng cuối năm 2024"),
    ]

    /// 003 (a plan for 2025): the "Thời gian thực hiện:" / "Thời gian hoàn thành:" fields.
    static let seeds2025: [TimeCase] = [
        row(
            "Quý I năm 2025 ban hành Kế hoạch; định kỳ báo cáo kết quả thực hiện.", year: 2025,
            "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 ban hành Kế hoạch | ban hành Kế hoạch",
            "periodic 2025-01-01..2025-12-31 every unspecified | định kỳ báo cáo kết quả thực hiện | báo cáo kết quả thực hiện"
        ),
        row("Quý I năm 2025.", year: 2025, "quarter 2025-01-01..2025-03-31 | Quý I năm 2025"),
        row(
            "Quý I năm 2025 ban hành các Kế hoạch và triển khai thực hiện theo Kế hoạch.", year: 2025,
            "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 ban hành các Kế hoạch và triển khai thực hiện theo Kế hoạch | ban hành các Kế hoạch và triển khai thực hiện theo Kế hoạch"
        ),
        row("Quý IV năm 2025.", year: 2025, "quarter 2025-10-01..2025-12-31 | Quý IV năm 2025"),
        row("Tháng 12 năm 2025.", year: 2025, "month 2025-12-01..2025-12-31 | Tháng 12 năm 2025"),
        row(
            "Thường xuyên trong năm 2025.", year: 2025,
            "continuous 2025-01-01..2025-12-31 | Thường xuyên trong năm 2025"),
        row("Chậm nhất là ngày 15/01/2025", year: 2025, "deadline nil..2025-01-15 | Chậm nhất là ngày 15/01/2025"),
        row(
            "Quý I năm 2025 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện và các văn bản kiến nghị xử lý.",
            year: 2025,
            "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 ban hành kế hoạch | ban hành kế hoạch",
            "periodic 2025-01-01..2025-12-31 every unspecified | định kỳ báo cáo kết quả thực hiện và các văn bản kiến nghị xử lý | báo cáo kết quả thực hiện và các văn bản kiến nghị xử lý"
        ),
        row(
            "Quý I năm 2025 ban hành kế hoạch; thực hiện báo cáo kết quả thực hiện theo quy định.", year: 2025,
            "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 ban hành kế hoạch | ban hành kế hoạch",
            "conditional nil..nil | thực hiện báo cáo kết quả thực hiện theo quy định | thực hiện báo cáo kết quả thực hiện"
        ),
        row(
            "Quý I năm 2025 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện theo quy định.", year: 2025,
            "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 ban hành kế hoạch | ban hành kế hoạch",
            "periodic 2025-01-01..2025-12-31 every unspecified | định kỳ báo cáo kết quả thực hiện theo quy định | báo cáo kết quả thực hiện theo quy định"
        ),
        row(
            "Thường xuyên trong năm, theo Kế hoạch rà soát, đơn giản hóa TTHC nội bộ trong hệ thống cơ quan hành chính nhà nước giai đoạn 2022 - 2025 trên địa bàn tỉnh ban hành kèm theo Quyết định số 1648/QĐ-UBND ngày 30/11/2022 của Chủ tịch UBND tỉnh.",
            year: 2025,
            "continuous 2025-01-01..2025-12-31 | Thường xuyên trong năm, theo Kế hoạch rà soát, đơn giản hóa TTHC nội bộ trong hệ thống cơ quan hành chính nhà nước giai đoạn 2022 - 2025 trên địa bàn tỉnh ban hành kèm theo Quyết định số 1648/QĐ-UBND ngày 30/11/2022 của Chủ tịch UBND tỉnh"
        ),
        row(
            "Định kỳ hàng tháng trong năm 2025.", year: 2025,
            "periodic 2025-01-01..2025-12-31 every month | Định kỳ hàng tháng trong năm 2025"),
        row(
            "Theo quy định của UBND tỉnh và hướng dẫn của Sở Thông tin và Truyền thông.", year: 2025,
            "conditional nil..nil | Theo quy định của UBND tỉnh và hướng dẫn của Sở Thông tin và Truyền thông"),
        row(
            "Khi có chỉ đạo, hướng dẫn của cấp có thẩm quyền.", year: 2025,
            "conditional nil..nil | Khi có chỉ đạo, hướng dẫn của cấp có thẩm quyền"),
        row(
            "Quý I năm 2025 ban hành Kế hoạch; báo cáo kết quả thực hiện vào tháng 11 năm 2025.", year: 2025,
            "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 ban hành Kế hoạch | ban hành Kế hoạch",
            "month 2025-11-01..2025-11-30 | báo cáo kết quả thực hiện vào tháng 11 năm 2025 | báo cáo kết quả thực hiện"
        ),
        row(
            "Quý I năm 2025 ban hành kế hoạch; định kỳ báo cáo kết quả thực hiện về Sở Nội vụ.", year: 2025,
            "quarter 2025-01-01..2025-03-31 | Quý I năm 2025 ban hành kế hoạch | ban hành kế hoạch",
            "periodic 2025-01-01..2025-12-31 every unspecified | định kỳ báo cáo kết quả thực hiện về Sở Nội vụ | báo cáo kết quả thực hiện về Sở Nội vụ"
        ),
        row(
            "Triển khai thực hiện khi có phát sinh hoặc chỉ đạo của cấp có thẩm quyền; báo cáo kết quả thực hiện sau thanh tra, kiểm tra về UBND tỉnh (*qua Sở Nội vụ*).",
            year: 2025,
            "conditional nil..nil | Triển khai thực hiện khi có phát sinh hoặc chỉ đạo của cấp có thẩm quyền | Triển khai thực hiện",
            "conditional nil..nil | báo cáo kết quả thực hiện sau thanh tra, kiểm tra về UBND tỉnh (*qua Sở Nội vụ*) | báo cáo kết quả thực hiện"
        ),
        row("Tháng 1/2025.", year: 2025, "month 2025-01-01..2025-01-31 | Tháng 1/2025"),
        row("Quý III năm 2025.", year: 2025, "quarter 2025-07-01..2025-09-30 | Quý III năm 2025"),
        row(
            "Thường xuyên trong năm 2025 và theo kế hoạch.", year: 2025,
            "continuous 2025-01-01..2025-12-31 | Thường xuyên trong năm 2025 và theo kế hoạch"),
        row(
            "Quý IV năm 2025 ban hành Kế hoạch.", year: 2025,
            "quarter 2025-10-01..2025-12-31 | Quý IV năm 2025 ban hành Kế hoạch | ban hành Kế hoạch"),
        row("Quý I – II năm 2025.", year: 2025, "range 2025-01-01..2025-06-30 | Quý I – II năm 2025"),
        row("Theo kế hoạch được phê duyệt.", year: 2025, "conditional nil..nil | Theo kế hoạch được phê duyệt"),
        row(
            "Trong Quý I năm 2025 ban hành kế hoạch. Định kỳ báo cáo kết quả thực hiện cho cơ quan có thẩm quyền.",
            year: 2025,
            "quarter 2025-01-01..2025-03-31 | Trong Quý I năm 2025 ban hành kế hoạch | ban hành kế hoạch",
            "periodic 2025-01-01..2025-12-31 every unspecified | Định kỳ báo cáo kết quả thực hiện cho cơ quan có thẩm quyền | báo cáo kết quả thực hiện cho cơ quan có thẩm quyền"
        ),
        row(
            "ban hành kế hoạch theo quy định của UBND tỉnh, Sở Tư pháp; định kỳ theo quy định tham mưu báo cáo kết quả thực hiện và các văn bản kiến nghị xử lý những vấn đề phát hiện qua theo dõi.",
            year: 2025,
            "conditional nil..nil | ban hành kế hoạch theo quy định của UBND tỉnh, Sở Tư pháp | ban hành kế hoạch",
            "periodic 2025-01-01..2025-12-31 every unspecified | định kỳ theo quy định tham mưu báo cáo kết quả thực hiện và các văn bản kiến nghị xử lý những vấn đề phát hiện qua theo dõi | tham mưu báo cáo kết quả thực hiện và các văn bản kiến nghị xử lý những vấn đề phát hiện qua theo dõi"
        ),
    ]

    static let all = specification + variants + planContext + malformed + multiple + seeds2024 + seeds2025

    @Test(arguments: all)
    func normalizes(_ row: TimeCase) {
        let normalizer = TimeNormalizer(planYear: row.planYear, planPeriod: row.planPeriod)
        let (milestones, problems) = normalizer.milestones(in: row.text)
        #expect(milestones.map(describe) == row.expected)
        #expect(problems.map(\.code) == row.problems)
    }

    @Test func tableIsLargeEnough() {
        #expect(Self.all.count >= 90)
    }

    // MARK: - Problem messages

    @Test(
        arguments: [
            (
                "Sớm nhất có thể", 2024,
                TimeProblem(code: "time-unknown", message: "unrecognized time text \"Sớm nhất có thể\"")
            ),
            (
                "Tháng 01- /2024", 2024,
                TimeProblem(code: "time-open-range", message: "time range has no end \"Tháng 01- /2024\"")
            ),
            (
                "31/02/2025", 2024,
                TimeProblem(code: "time-invalid", message: "impossible date in time text \"31/02/2025\"")
            ),
            (
                "Tháng 9", nil,
                TimeProblem(
                    code: "time-unknown", message: "no year in time text and none known for the plan \"Tháng 9\"")
            ),
        ] as [(String, Int?, TimeProblem)])
    func problemMessage(text: String, year: Int?, expected: TimeProblem) {
        let (_, problems) = TimeNormalizer(planYear: year, planPeriod: nil).milestones(in: text)
        #expect(problems == [expected])
    }

    /// Every field of a milestone, for one text, without the row format in between.
    @Test func milestoneFields() {
        let (milestones, problems) = TimeNormalizer(planYear: 2025, planPeriod: nil)
            .milestones(in: "Định kỳ hàng tháng trong năm 2025.")
        #expect(
            milestones == [
                TimeMilestone(
                    text: "Định kỳ hàng tháng trong năm 2025", kind: .periodic,
                    start: CalendarDate(year: 2025, month: 1, day: 1),
                    end: CalendarDate(year: 2025, month: 12, day: 31),
                    every: .month, action: nil)
            ])
        #expect(problems.isEmpty)
    }
}
