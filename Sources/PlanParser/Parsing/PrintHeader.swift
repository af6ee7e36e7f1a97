/// The header a browser prints at the top of each page of a web page it prints (Chromium's
/// "Save as PDF", `--print-to-pdf`): the date and time at the left, the page's `<title>` at the
/// centre — `12/1/26, 1:30 PM        Kế hoạch số 87/KH-UBND … - Cổng thông tin điện tử tỉnh …`.
/// `pdftotext -layout` keeps both on one line; plain `pdftotext` puts the stamp alone on its
/// line and the title on the next.
///
/// Only the shape of the stamp is read here, and the rule is strict: a date *immediately*
/// followed by a time (or, in the Vietnamese locale, a time immediately followed by a date),
/// then the end of the line or a space and the title. A plan's own lines never take that
/// shape at the top of a page — its place-date line starts with a name (`Ninh Thuận, ngày …`),
/// a time in its text is written with `ngày` (`08:00, ngày 12/3/2025`) — and the caller
/// (``FurnitureDetector``) only asks about the first line of a page, so a schedule row that
/// happens to start with a date and a time further down is never taken.
///
/// The shapes, as Chromium prints them in each locale (the short date and time styles; the
/// en-US, en-GB, fr, de, sv, ja and vi rows as Chromium 156 printed them, the others ICU's
/// patterns):
///
/// | locale        | stamp                 | date part    | time part     |
/// |---------------|-----------------------|--------------|---------------|
/// | en-US         | `12/1/26, 1:30 PM`    | M/D/YY       | h:mm AM/PM    |
/// | en-GB         | `01/12/2026, 13:30`   | DD/MM/YYYY   | HH:mm         |
/// | fr            | `01/12/2026 13:30`    | DD/MM/YYYY   | HH:mm         |
/// | de, ru        | `01.12.26, 13:30`     | DD.MM.YY     | HH:mm         |
/// | nl            | `01-12-2026, 13:30`   | DD-MM-YYYY   | HH:mm         |
/// | sv, ISO       | `2026-12-01 13:30`    | YYYY-MM-DD   | HH:mm         |
/// | ja            | `2026/12/01 1:30`     | YYYY/MM/DD   | H:mm          |
/// | vi            | `13:30 1/12/26`       | D/M/YY       | HH:mm, first  |
/// | vi (12-hour)  | `1:30 CH 1/12/26`     | D/M/YY       | h:mm SA/CH    |
///
/// Seconds (`13:30:05`, the long style) are taken too. Spaces are ASCII by now (the decoder
/// turned U+202F before `PM` and U+00A0 into spaces).
enum PrintHeader {
    /// What the line holds.
    enum Match: Equatable {
        /// The stamp and the page's title (`pdftotext -layout`).
        case stampAndTitle
        /// The stamp alone (plain `pdftotext`: the title is the next line, when the page has one).
        case stampOnly
    }

    /// Whether `line` (no leading space) is a browser's print header. Rejects on the first
    /// bytes: a line must start with a digit, and the run of digits must end in one of `/.-:`.
    static func match(_ line: UnsafeBufferPointer<UInt8>) -> Match? {
        guard line.count >= 9, line.count <= 600, line[0] &- 0x30 < 10 else { return nil }
        var c = Cursor(bytes: line)
        // Date first (every locale but Vietnamese), then `, ` or ` `, then the time.
        if c.date() {
            if c.peek == UInt8(ascii: ",") { c.i += 1 }
            guard c.spaces(), c.time() else { return nil }
        } else {
            // Vietnamese: the time first, a space, then the date.
            c = Cursor(bytes: line)
            guard c.time(), c.spaces(), c.date() else { return nil }
        }
        if c.atEnd { return .stampOnly }
        // The title after a gap; anything glued to the stamp (`13:30h`, `1:30PMx`) is not it.
        guard c.spaces(), !c.atEnd else { return nil }
        return .stampAndTitle
    }

    static func match(_ line: ArraySlice<UInt8>) -> Match? {
        line.withUnsafeBufferPointer { match($0) }
    }

    static func match(_ line: String) -> Match? {
        match(Array(line.utf8)[...])
    }

    /// Reads the stamp's parts from the front of a line.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        var atEnd: Bool { i >= bytes.count }
        var peek: UInt8 { i < bytes.count ? bytes[i] : 0 }

        /// One space or more (`pdftotext -layout` keeps the gap before the title).
        mutating func spaces() -> Bool {
            guard peek == 0x20 else { return false }
            while peek == 0x20 { i += 1 }
            return true
        }

        mutating func eat(_ b: UInt8) -> Bool {
            guard peek == b else { return false }
            i += 1
            return true
        }

        /// A run of digits of `min...max` digits: its value and length.
        mutating func number(_ min: Int, _ max: Int) -> (value: Int, count: Int)? {
            var v = 0
            var n = 0
            while i < bytes.count, bytes[i] &- 0x30 < 10 {
                v = v * 10 + Int(bytes[i] &- 0x30)
                n += 1
                i += 1
                if n > max { return nil }
            }
            return n >= min ? (v, n) : nil
        }

        /// `D/M/YY`, `M/D/YY`, `DD/MM/YYYY` (also with `.` or `-`), `YYYY-MM-DD`, `YYYY/MM/DD`.
        mutating func date() -> Bool {
            guard let a = number(1, 4) else { return false }
            let sep = peek
            // The date separators: `/` (most locales), `.` (German, Russian …), `-` (ISO, Dutch).
            guard sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") || sep == UInt8(ascii: "-") else { return false }
            i += 1
            guard let b = number(1, 2), eat(sep), let c = number(1, 4) else { return false }
            if a.count == 4 {
                // Year first: the last part is the day.
                return c.count <= 2 && (1...12).contains(b.value) && (1...31).contains(c.value)
            }
            // The year last, of two or four digits.
            guard a.count <= 2, c.count == 2 || c.count == 4 else { return false }
            // Day and month in either order (M/D in en-US, D/M elsewhere): one of them a month.
            return (1...31).contains(a.value) && (1...31).contains(b.value) && (a.value <= 12 || b.value <= 12)
        }

        /// `1:30`, `13:30`, `13:30:05`, with `AM`/`PM` (`a.m.`, `p.m.`) or Vietnamese `SA`/`CH`.
        mutating func time() -> Bool {
            guard let h = number(1, 2), h.value <= 23, eat(UInt8(ascii: ":")),
                let m = number(2, 2), m.value <= 59 else { return false }
            if peek == UInt8(ascii: ":") {
                i += 1
                guard let s = number(2, 2), s.value <= 59 else { return false }
            }
            // The 12-hour markers, after a space or glued on.
            let save = i
            if peek == 0x20 { i += 1 }
            if dayHalf() {
                return (1...12).contains(h.value)
            }
            i = save
            return true
        }

        /// The 12-hour clock's half of the day, followed by the end or a space.
        private mutating func dayHalf() -> Bool {
            for word in Self.dayHalves where i + word.count <= bytes.count {
                var same = true
                for (k, w) in word.enumerated() where bytes[i + k] != w { same = false; break }
                if same, i + word.count == bytes.count || bytes[i + word.count] == 0x20 {
                    i += word.count
                    return true
                }
            }
            return false
        }

        private static let dayHalves: [[UInt8]] = [
            "AM", "PM", "am", "pm", "a.m.", "p.m.",
            "SA",  // sáng: morning (Vietnamese AM)
            "CH",  // chiều: afternoon (Vietnamese PM)
        ].map { Array($0.utf8) }
    }
}
