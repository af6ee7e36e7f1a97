/// The document's identity: what, from whom, when, for which year, signed by whom.
public struct DocumentHeader: Sendable, Equatable {
    /// `KẾ HOẠCH`, `BÁO CÁO`, `QUYẾT ĐỊNH`, … as printed.
    public var kind: String?
    /// As printed after `Số:`, e.g. `/KH-SKHCN` (the number is often left blank before signing).
    public var number: String?
    /// The issuing body from the letterhead (`SỞ KHOA HỌC VÀ CÔNG NGHỆ`), when the text has it.
    public var issuer: String?
    public var place: String?
    public var date: DocumentDate?
    /// The title on one line (`Cải cách hành chính của Sở Khoa học và Công nghệ năm 2025`).
    public var title: String?
    /// The year the plan is for: the title's `năm 2025`, the first year of a period, else the date's year.
    public var planYear: Int?
    /// For a multi-year plan (`giai đoạn 2025-2026`): the years it covers.
    public var planPeriod: PlanPeriod?
    /// `Kính gửi: …` without the label and trailing period.
    public var addressee: String?
    /// The `Nơi nhận` items without `- ` and trailing `;`/`.`.
    public var recipients: [String]
    public var signer: Signer?
    /// Every citation of another document anywhere in the text, one per kind and number.
    public var references: [Citation]
    /// First and last line of the header block (letterhead to title), when there is one.
    public var line: Int?
    public var endLine: Int?

    public init() {
        recipients = []
        references = []
    }
}

/// A date as printed in the header: blanks (`ngày tháng 01 năm 2024`) stay `nil`.
public struct DocumentDate: Sendable, Equatable {
    public var day: Int?
    public var month: Int?
    public var year: Int?

    public init(day: Int?, month: Int?, year: Int?) {
        self.day = day
        self.month = month
        self.year = year
    }
}

/// Who signed: title lines joined with a space (`KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC`) and the name.
public struct Signer: Sendable, Equatable {
    public var title: String?
    public var name: String?

    public init(title: String?, name: String?) {
        self.title = title
        self.name = name
    }
}

/// The end of the document: distribution list and signature block.
public struct Closing: Sendable, Equatable {
    public var line: Int
    public var endLine: Int

    public init(line: Int, endLine: Int) {
        self.line = line
        self.endLine = endLine
    }
}

/// A citation of another document: `Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ`.
public struct Citation: Sendable, Equatable {
    /// `Nghị quyết`, `Quyết định`, `Kế hoạch`, `Chỉ thị`, `Thông tư`, `Nghị định`, `Công văn`, …
    public var kind: String
    /// `76/NQ-CP`, `22/2020/QĐ-UBND`, `208-KH/TU`.
    public var number: String
    /// The document's date, when the text gives it.
    public var date: CalendarDate?
    /// `Chính phủ` from `… của Chính phủ`, when written.
    public var issuer: String?
    /// Every line that cites it, ascending.
    public var lines: [Int]

    public init(kind: String, number: String, date: CalendarDate?, issuer: String?, lines: [Int]) {
        self.kind = kind
        self.number = number
        self.date = date
        self.issuer = issuer
        self.lines = lines
    }
}
