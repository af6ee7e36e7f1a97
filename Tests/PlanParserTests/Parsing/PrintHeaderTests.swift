import Foundation
import Testing
@testable import PlanParser

/// A browser's print header (`12/1/26, 1:30 PM   Kế hoạch số … - Cổng thông tin …`) and the
/// portal's navigation under it are page furniture: the recognizers line by line, then whole
/// documents printed by chromium (`samples/recovery/print-header/`,
/// `scripts/make-print-header-samples.py`).
@Suite struct PrintHeaderTests {
    // MARK: - The stamp, line by line

    /// Stamps as Chromium prints them, per locale, with the page's title after them.
    static let stampsWithTitle = [
        "12/1/26, 1:30 PM Kế hoạch số 87/KH-UBND triển khai năm 2025 - Cổng thông tin điện tử tỉnh Ninh Thuận",  // en-US
        "12/1/26, 1:30 PM         Kế hoạch số 87/KH-UBND - Cổng thông tin",  // the gap pdftotext -layout keeps
        "01/12/2026, 13:30 Kế hoạch số 87/KH-UBND",  // en-GB
        "01/12/2026 13:30 Kế hoạch số 87/KH-UBND",  // fr
        "02.12.26, 01:16 Kế hoạch số 87/KH-UBND",  // de
        "1.12.2026, 13:30 Kế hoạch số 87/KH-UBND",  // de, long year
        "01-12-2026 13:30 Kế hoạch",  // nl
        "2026-12-01 13:30 Kế hoạch",  // sv, ISO
        "2026/12/02 1:16 Kế hoạch",  // ja
        "13:30 1/12/26 Kế hoạch số 152/KH-UBND",  // vi: the time first
        "01:18 2/12/26                  Kế hoạch số 152/KH-UBND",  // vi, with the gap
        "1:30 CH 1/12/26 Kế hoạch",  // vi, 12-hour: chiều (afternoon)
        "9:05 SA 01/12/2026 Quyết định số 845/QĐ-UBND",  // vi, 12-hour: sáng (morning)
        "12/1/2026, 1:30:05 PM Kế hoạch",  // with seconds
        "12/1/26, 1:30 p.m. Kế hoạch",
    ]

    /// The stamp alone: plain `pdftotext` puts the title on a line of its own.
    static let bareStamps = ["12/1/26, 1:30 PM", "01:16 2/12/26", "2026-12-01 13:30", "02/12/2026, 01:16"]

    /// A plan's own lines, and near misses of the stamp's shape.
    static let notStamps = [
        "Ninh Thuận, ngày 24 tháng 02 năm 2025",  // the place-date line
        "Số: 87/KH-UBND",
        "KẾ HOẠCH",
        "08:00, ngày 12/3/2025, tại Hội trường UBND tỉnh",  // a time in the text, with `ngày`
        "08:00 ngày 12/3/2025 khai mạc Hội nghị",
        "1 15/3/2025 Hội nghị sơ kết quý I",  // a table row: its number, then a date
        "15/3/2025 Hội nghị sơ kết quý I",  // a date with no time
        "15/3/2025 - 20/3/2025 Kiểm tra liên ngành",
        "24/02/2025",
        "12/2025 Báo cáo kết quả thực hiện",
        "2025 - 2030",
        "1. Mục đích",
        "1/3",  // a page number
        "13:30 - 17:00 Họp giao ban",  // a time range
        "13:30 PM 1/12/26 Kế hoạch",  // PM with a 24-hour hour
        "25:00 1/12/26 Kế hoạch",  // no such hour
        "12/1/26, 1:75 PM Kế hoạch",  // no such minute
        "32/13/26, 1:30 PM Kế hoạch",  // no such day or month
        "12/1/2026, 1:30PMx Kế hoạch",  // glued on
        "12/1/26,1:30 PM Kế hoạch",  // no space after the comma
        "120/1/26, 1:30 PM Kế hoạch",
        "12/1/262, 1:30 PM Kế hoạch",  // a three-digit year
        "12/1/26 Kế hoạch 1:30 PM",
        "",
    ]

    @Test(arguments: stampsWithTitle)
    func stampWithTitle(_ line: String) {
        #expect(PrintHeader.match(line) == .stampAndTitle)
    }

    @Test(arguments: bareStamps)
    func bareStamp(_ line: String) {
        #expect(PrintHeader.match(line) == .stampOnly)
    }

    @Test(arguments: notStamps)
    func notAStamp(_ line: String) {
        #expect(PrintHeader.match(line) == nil)
    }

    // MARK: - The portal's navigation

    static let navigation = [
        "Trang chủ | Văn bản chỉ đạo điều hành | Liên hệ",
        "Trang chủ > Văn bản > Kế hoạch",
        "TRANG CHỦ | GIỚI THIỆU | TIN TỨC",
        "Trang Chủ » Văn bản",
        "Trang chủ › Văn bản › Quyết định",
        "Trang chủ / Văn bản",
    ]

    static let notNavigation = [
        "Trang chủ",  // alone
        "Trang chủ của Cổng thông tin điện tử tỉnh được nâng cấp",  // a sentence
        "Trang 2/7",
        "Trang chủ|",
        "Triển khai Trang chủ | mới",
        "- Trang chủ > Văn bản",
    ]

    @Test(arguments: navigation)
    func navigationLine(_ line: String) {
        #expect(PortalNavigation.isNavigation(line))
    }

    @Test(arguments: notNavigation)
    func notNavigationLine(_ line: String) {
        #expect(!PortalNavigation.isNavigation(line))
    }

    // MARK: - Where it is taken: the top of a page only

    static let letterhead = """
        ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
        Số: 152/KH-UBND
        Bình Định, ngày 17 tháng 3 năm 2025

        KẾ HOẠCH
        Tổ chức Hội nghị sơ kết

        I. CHƯƠNG TRÌNH

        """

    /// After a form feed, the stamp is furniture; the same shape further down a page (a
    /// schedule line starting with its time and date) is the plan's text.
    @Test func onlyAtThePageTop() throws {
        let d = try Fixtures.parse(Self.letterhead + """
            08:00 12/3/2025 Đón tiếp đại biểu tại Hội trường UBND tỉnh.
            1. Sở Nội vụ chủ trì chuẩn bị báo cáo sơ kết, hoàn thành trước ngày 05/3/2025.
            \u{0C}12/1/26, 1:30 PM Kế hoạch số 152/KH-UBND - Cổng thông tin điện tử tỉnh Bình Định
            2. Văn phòng UBND tỉnh chủ trì chuẩn bị hội trường, hoàn thành trước ngày 10/3/2025.
            """)
        #expect(d.furniture == [SourceLine(line: 11, text: "12/1/26, 1:30 PM Kế hoạch số 152/KH-UBND - Cổng thông tin điện tử tỉnh Bình Định")])
        #expect(d.tasks.count == 2)
        #expect(d.header.number == "152/KH-UBND")
    }

    /// `pdftotext -nopgbrk` writes no form feed: the page starts after the printed footer.
    @Test func afterThePrintedFooter() throws {
        let d = try Fixtures.parse(Self.letterhead + """
            1. Sở Nội vụ chủ trì chuẩn bị báo cáo sơ kết, hoàn thành trước ngày 05/3/2025.
            https://binhdinh.gov.vn/van-ban/152-kh-ubnd.html      1/2
            12/1/26, 1:30 PM      Kế hoạch số 152/KH-UBND - Cổng thông tin điện tử tỉnh Bình Định
            2. Văn phòng UBND tỉnh chủ trì chuẩn bị hội trường, hoàn thành trước ngày 10/3/2025.
            """)
        #expect(d.furniture.map(\.line) == [10, 11])
        #expect(d.tasks.count == 2)
    }

    /// A plan whose first line is a date, but no time: the plan's text.
    @Test func dateWithoutTimeAtTheTop() throws {
        let d = try Fixtures.parse("15/3/2025 Hội nghị sơ kết\n" + Self.letterhead)
        #expect(d.furniture.isEmpty)
    }

    /// Plain `pdftotext` of one page: the stamp goes, the line under it stays — a page without
    /// a `<title>` has its text there.
    @Test func onePageBareStamp() throws {
        let d = try Fixtures.parse("12/1/26, 1:30 PM\n\nKế hoạch số 152/KH-UBND - Cổng thông tin\n\n" + Self.letterhead)
        #expect(d.furniture == [SourceLine(line: 1, text: "12/1/26, 1:30 PM")])
    }

    // MARK: - Whole documents printed by chromium

    struct Printed: CustomStringConvertible, Sendable {
        var file: String
        var kind: String
        var number: String?
        var issuer: String
        var place: String
        var date: DocumentDate
        var title: String
        var furniture: [SourceLine]
        var description: String { file }
    }

    static let plan = (kind: "KẾ HOẠCH", number: "152/KH-UBND", issuer: "ỦY BAN NHÂN DÂN - TỈNH BÌNH ĐỊNH", place: "Bình Định",
                       date: DocumentDate(day: 17, month: 3, year: 2025),
                       title: "Phòng, chống thiên tai và tìm kiếm cứu nạn trên địa bàn tỉnh năm 2025",
                       pageTitle: "Kế hoạch số 152/KH-UBND phòng, chống thiên tai năm 2025 - Cổng thông tin điện tử tỉnh Bình Định",
                       address: "file:///tmp/print-header-samples/plan-disaster.html")
    static let decision = (kind: "QUYẾT ĐỊNH", number: "845/QĐ-UBND", issuer: "ỦY BAN NHÂN DÂN - TỈNH LẠNG SƠN", place: "Lạng Sơn",
                           date: DocumentDate(day: 9, month: 5, year: 2025),
                           title: "Về việc ban hành Kế hoạch chuyển đổi số tỉnh Lạng Sơn năm 2025",
                           pageTitle: "Quyết định số 845/QĐ-UBND ban hành Kế hoạch chuyển đổi số năm 2025 - Cổng thông tin điện tử tỉnh Lạng Sơn",
                           address: "file:///tmp/print-header-samples/decision-digital.html")

    static let printed: [Printed] = [
        Printed(file: "plan-disaster.chromium-pdftotext-layout.text", kind: plan.kind, number: plan.number, issuer: plan.issuer,
                place: plan.place, date: plan.date, title: plan.title, furniture: [
                    SourceLine(line: 1, text: "12/2/26, 1:18 AM " + plan.pageTitle),
                    SourceLine(line: 3, text: "Trang chủ | Giới thiệu | Văn bản | Liên hệ"),
                    SourceLine(line: 4, text: "Trang chủ > Văn bản > Kế hoạch"),
                    SourceLine(line: 7, text: "-------"),
                    SourceLine(line: 7, text: "---------------"),
                    SourceLine(line: 59, text: plan.address + " 1/2"),
                    SourceLine(line: 60, text: "12/2/26, 1:18 AM " + plan.pageTitle),
                    SourceLine(line: 94, text: plan.address + " 2/2"),
                ]),
        Printed(file: "plan-disaster.chromium-vi-pdftotext-layout.text", kind: plan.kind, number: plan.number, issuer: plan.issuer,
                place: plan.place, date: plan.date, title: plan.title, furniture: [
                    SourceLine(line: 1, text: "01:18 2/12/26 " + plan.pageTitle),
                    SourceLine(line: 3, text: "Trang chủ | Giới thiệu | Văn bản | Liên hệ"),
                    SourceLine(line: 4, text: "Trang chủ > Văn bản > Kế hoạch"),
                    SourceLine(line: 7, text: "-------"),
                    SourceLine(line: 7, text: "---------------"),
                    SourceLine(line: 59, text: plan.address + " 1/2"),
                    SourceLine(line: 60, text: "01:18 2/12/26 " + plan.pageTitle),
                    SourceLine(line: 94, text: plan.address + " 2/2"),
                ]),
        Printed(file: "decision-digital.chromium-pdftotext-layout.text", kind: decision.kind, number: decision.number,
                issuer: decision.issuer, place: decision.place, date: decision.date, title: decision.title, furniture: [
                    SourceLine(line: 1, text: "12/2/26, 1:18 AM " + decision.pageTitle),
                    SourceLine(line: 3, text: "Trang chủ | Giới thiệu | Văn bản | Liên hệ"),
                    SourceLine(line: 4, text: "Trang chủ > Văn bản > Quyết định"),
                    SourceLine(line: 7, text: "-------"),
                    SourceLine(line: 7, text: "---------------"),
                    SourceLine(line: 58, text: decision.address + " 1/2"),
                    SourceLine(line: 59, text: "12/2/26, 1:18 AM " + decision.pageTitle),
                    SourceLine(line: 68, text: decision.address + " 2/2"),
                ]),
    ]

    @Test(arguments: printed)
    func printedPage(_ p: Printed) throws {
        let d = try Fixtures.sample("recovery/print-header/" + p.file)
        #expect(d.header.kind == p.kind)
        #expect(d.header.number == p.number)
        #expect(d.header.issuer == p.issuer)
        #expect(d.header.place == p.place)
        #expect(d.header.date == p.date)
        #expect(d.header.title == p.title)
        #expect(d.furniture == p.furniture)
        // Nothing of the browser's or the portal's in the header, the preamble or the tasks.
        let texts = [d.header.title ?? "", d.header.issuer ?? ""] + d.preamble.map(\.text) + d.tasks.map(\.title)
        #expect(!texts.contains { $0.contains("Cổng thông tin") || $0.contains("Trang chủ") || $0.contains("1:18") })
    }

    /// Plain `pdftotext`: the stamp and the title on lines of their own, on every page.
    @Test func plainPdftotext() throws {
        let d = try Fixtures.sample("recovery/print-header/plan-disaster.chromium-pdftotext.text")
        #expect(d.header.issuer == Self.plan.issuer)
        #expect(d.header.title == Self.plan.title)
        #expect(d.header.date == Self.plan.date)
        let top = d.furniture.filter { [1, 3, 5, 6, 47, 49].contains($0.line) }
        #expect(top == [
            SourceLine(line: 1, text: "12/2/26, 1:18 AM"),
            SourceLine(line: 3, text: Self.plan.pageTitle),
            SourceLine(line: 5, text: "Trang chủ | Giới thiệu | Văn bản | Liên hệ"),
            SourceLine(line: 6, text: "Trang chủ > Văn bản > Kế hoạch"),
            SourceLine(line: 47, text: "12/2/26, 1:18 AM"),
            SourceLine(line: 49, text: Self.plan.pageTitle),
        ])
    }

    /// `pdftotext -nopgbrk` (no form feeds) finds the same furniture: a page starts after the
    /// footer's `1/2`, on a line of its own in plain text, or after the whole footer line.
    @Test(arguments: ["plan-disaster.chromium-pdftotext.text", "plan-disaster.chromium-pdftotext-layout.text"])
    func withoutPageBreaks(_ file: String) throws {
        let url = Fixtures.samples.appendingPathComponent("recovery/print-header/" + file)
        let bytes = try [UInt8](Data(contentsOf: url))
        let withBreaks = try PlanDocument.parse(bytes: bytes, path: file)
        let without = try PlanDocument.parse(bytes: bytes.filter { $0 != 0x0C }, path: file)
        #expect(without.furniture == withBreaks.furniture)
        #expect(without.furniture.contains { $0.line > 1 && PrintHeader.match($0.text) != nil })
        #expect(without.header == withBreaks.header)
    }

    /// The portal page printed with the plan of `samples/assignments/plan-duty-sentences.txt`:
    /// the header of its twin.
    @Test func dutySentencesPrinted() throws {
        let d = try Fixtures.sample("recovery/duty-sentences/plan-duty-sentences.chromium-pdftotext-layout.text")
        #expect(d.header.number == "87/KH-UBND")
        #expect(d.header.issuer == "ỦY BAN NHÂN DÂN - TỈNH NINH THUẬN")
        #expect(d.header.place == "Ninh Thuận")
        #expect(d.header.date == DocumentDate(day: 24, month: 2, year: 2025))
        #expect(d.header.title == "Triển khai ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số trên địa bàn tỉnh năm 2025")
        #expect(d.furniture.prefix(3).map(\.line) == [1, 3, 4])
    }
}
