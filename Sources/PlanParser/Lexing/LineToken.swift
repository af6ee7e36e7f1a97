/// The shape of one input line, as the tokenizer sees it without context.
enum LineKind: UInt8, Sendable {
    case blank
    /// A numbered heading or item: `I.`, `2.1.`, `a)`, `A.`, `PHẦN I`, `1)`.
    case heading
    /// A bullet item: `-`, `+`, `•`, `- +`, `*`, `–`.
    case bullet
    /// Tab-separated cells.
    case tableRow
    /// Anything else.
    case text
}

/// Which numbering or bullet scheme a marker belongs to.
enum MarkerStyle: UInt8, Sendable {
    case none
    case part
    case upperLetter
    case roman
    case arabic
    case letter
    case parenNumber
    /// `Điều 1.`: an article of a decision or regulation.
    case article
    case dash
    case plus
    case dot
    case dashPlus
    case star
    case enDash

    var isBullet: Bool { rawValue >= MarkerStyle.dash.rawValue }
}

/// Line-level keywords that matter for the document's frame (header, closing, appendix).
enum LineKeyword: UInt8, Sendable {
    case none
    /// `Số: 12/KH-UBND` — the document number.
    case documentNumber
    /// `Kính gửi: …` — the addressee.
    case addressee
    /// `Căn cứ …` — a legal basis paragraph.
    case basis
    /// `Nơi nhận:` — start of the distribution list.
    case recipients
    /// `PHỤ LỤC …` — start of an appendix.
    case appendix
}

/// A number such as `2.1.3` stored without allocation (at most six levels).
struct MarkerPath: Sendable, Equatable {
    var count: UInt8 = 0
    var values: (Int16, Int16, Int16, Int16, Int16, Int16) = (0, 0, 0, 0, 0, 0)

    static let capacity = 6

    mutating func append(_ v: Int) {
        guard Int(count) < MarkerPath.capacity else { return }
        let x = Int16(clamping: v)
        switch count {
        case 0: values.0 = x
        case 1: values.1 = x
        case 2: values.2 = x
        case 3: values.3 = x
        case 4: values.4 = x
        default: values.5 = x
        }
        count += 1
    }

    subscript(i: Int) -> Int {
        switch i {
        case 0: return Int(values.0)
        case 1: return Int(values.1)
        case 2: return Int(values.2)
        case 3: return Int(values.3)
        case 4: return Int(values.4)
        default: return Int(values.5)
        }
    }

    var last: Int { count == 0 ? 0 : self[Int(count) - 1] }

    static func == (a: MarkerPath, b: MarkerPath) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<Int(a.count) where a[i] != b[i] { return false }
        return true
    }

    /// Whether `self` is `other` plus one more level (`2.1` under `2`).
    func isChild(of other: MarkerPath) -> Bool {
        guard count == other.count + 1 else { return false }
        for i in 0..<Int(other.count) where self[i] != other[i] { return false }
        return true
    }
}

/// One classified line. Ranges point into ``TokenizedSource/storage``, which holds every line
/// cleaned (markdown remnants stripped, spaces collapsed, trimmed).
///
/// Fields are ordered by alignment (the 4-byte ones, then the path, then the bytes) so the
/// token packs into 64 bytes rather than 68: one token a cache line, fewer pages for the array.
struct LineToken: Sendable {
    /// 1-based line number in the original input.
    var number: Int32
    /// Roman value, first Arabic component, letter position (a = 1, đ = 5, …).
    var ordinal: Int32 = 0
    /// The whole cleaned line.
    var line: Range<Int32>
    /// The marker as printed (`2.1.`, `a)`, `-`); empty when there is none.
    var marker: Range<Int32>
    /// The text after the marker; for a field, the value after the label's colon.
    var content: Range<Int32>
    /// A field's label (`Đơn vị chủ trì thực hiện`); empty otherwise.
    var label: Range<Int32>
    var path = MarkerPath()
    var kind: LineKind
    var style: MarkerStyle = .none
    var keyword: LineKeyword = .none
    /// For a field (`- Đơn vị chủ trì: …`): what it fills in a task (`.unknown`: a short
    /// `Label:` that names no known field); `nil` for other lines.
    var fieldRole: Field.Role?
    /// Whether a blank line (or a page break) precedes this one.
    var afterBlank: Bool = false
    /// A table row whose cells are separated by `|` rather than tabs.
    var pipes: Bool = false
    /// A line of only punctuation (`-------`, `|`, `***`): decoration, not text.
    var isRule: Bool = false
    /// What the reader knows about the line (a Word table row starts here).
    var role: LineRole = .text
    /// Tabs before the text of a line that is otherwise not a table row. Inside a table this is
    /// a row whose only filled cell is the last one (`\t\t\t\tcủa cơ quan chuyên môn`).
    var leadingTabs: UInt8 = 0
}
