/// Something wrong with a time text; the caller adds the line number.
struct TimeProblem: Sendable, Equatable {
    /// `time-unknown`, `time-open-range` or `time-invalid`.
    var code: String
    /// Lowercase, no trailing period, quoting the text concerned.
    var message: String

    /// No time expression was recognized.
    static func unknown(_ text: String) -> TimeProblem {
        TimeProblem(code: Code.unknown, message: "\(Message.unknown) \"\(text)\"")
    }

    /// A month, quarter, day… without a year, in a plan whose year is not known either.
    /// Reported as `time-unknown` because the dates are unknown; the message says why.
    static func noYear(_ text: String) -> TimeProblem {
        TimeProblem(code: Code.unknown, message: "\(Message.noYear) \"\(text)\"")
    }

    /// A range whose end is left blank (`Tháng 01- /2024`).
    static func openRange(_ text: String) -> TimeProblem {
        TimeProblem(code: Code.openRange, message: "\(Message.openRange) \"\(text)\"")
    }

    /// A day, month or quarter that does not exist (`31/02/2025`, `Tháng 13`, `Quý V`), or a
    /// range that ends before it starts (`Năm 2026-2025`).
    static func invalid(_ text: String) -> TimeProblem {
        TimeProblem(code: Code.invalid, message: "\(Message.invalid) \"\(text)\"")
    }

    enum Code {
        static let unknown = "time-unknown"
        static let openRange = "time-open-range"
        static let invalid = "time-invalid"
    }

    private enum Message {
        static let unknown = "unrecognized time text"
        static let noYear = "no year in time text and none known for the plan"
        static let openRange = "time range has no end"
        static let invalid = "impossible date in time text"
    }
}
