/// A node of the section tree: a heading, an item, a bullet, or an appendix.
public struct Section: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// `PHẦN I.`
        case part
        /// `A.`, `B.`
        case group
        /// `I.`, `II.`
        case roman
        /// `1.`, `2.1.`
        case arabic
        /// `a)`, `đ)`
        case letter
        /// `1)`
        case number
        /// `-`, `+`, `•`, `- +`
        case bullet
        /// `PHỤ LỤC …`
        case appendix
        /// `Điều 1.`: an article of a decision, resolution or regulation.
        case article
    }

    public var kind: Kind
    /// The marker as printed: `II.`, `2.1.`, `c)`, `-`, `PHỤ LỤC`.
    public var marker: String
    /// The number without its trailing `.` or `)`: `II`, `2.1`, `c`; `nil` for bullets.
    public var number: String?
    /// The text after the marker (continuations joined, markdown stripped).
    public var title: String
    public var line: Int
    public var endLine: Int
    /// For a field bullet (`- Đơn vị chủ trì: …`): its label, role and value.
    public var field: Field?
    /// Body paragraphs that follow the title.
    public var paragraphs: [Paragraph]
    /// Tables inside this node (appendix tables).
    public var tables: [Table]
    public var children: [Section]

    /// The heading as printed: `II. MỤC TIÊU`.
    public var heading: String {
        if marker.isEmpty { return title }
        return title.isEmpty ? marker : marker + " " + title
    }

    public init(
        kind: Kind, marker: String, number: String?, title: String, line: Int, endLine: Int,
        field: Field? = nil, paragraphs: [Paragraph] = [], tables: [Table] = [], children: [Section] = []
    ) {
        self.kind = kind
        self.marker = marker
        self.number = number
        self.title = title
        self.line = line
        self.endLine = endLine
        self.field = field
        self.paragraphs = paragraphs
        self.tables = tables
        self.children = children
    }
}

/// One heading of a task's section path, as data: what kind of heading, its number, its
/// title, and how it reads in the path (``text``, what `section` in the JSON prints).
public struct SectionHeading: Sendable, Hashable {
    /// `roman` for `II. …`, `group` for an `A.` group, `bullet` for a bullet that groups
    /// `+` items, `appendix` for `PHỤ LỤC`; table group rows are `roman` or `group` too.
    public var kind: Section.Kind
    /// The number without its `.` or `)`: `II`, `2.1`, `c`; `nil` for bullets.
    public var number: String?
    /// The heading's own words, without the marker: `MỤC TIÊU`.
    public var title: String
    /// The heading as it appears in the path: `II. MỤC TIÊU` (a bullet: its text).
    public var text: String

    public init(kind: Section.Kind, number: String?, title: String, text: String) {
        self.kind = kind
        self.number = number
        self.title = title
        self.text = text
    }

    /// A heading known only by its printed text (for records made by hand): the marker is
    /// read the way the tokenizer reads it (`III. CẢI CÁCH` → roman `III`, title `CẢI CÁCH`).
    public init(text: String) {
        var copy = text
        let parsed = copy.withUTF8 { buf -> (Section.Kind, String?, String)? in
            guard let m = MarkerScanner.scan(buf, from: 0, to: buf.count) else { return nil }
            var start = m.markerEnd
            while start < buf.count, buf[start] == 0x20 || buf[start] == 0x09 { start += 1 }
            let marker = String(decoding: UnsafeBufferPointer(rebasing: buf[..<m.markerEnd]), as: UTF8.self)
            let title = String(decoding: UnsafeBufferPointer(rebasing: buf[start...]), as: UTF8.self)
            let kind = SectionParser.sectionKind(m.style)
            return (kind, kind == .bullet ? nil : SectionParser.number(fromMarker: marker), title)
        }
        if let (kind, number, title) = parsed {
            self.init(kind: kind, number: number, title: title, text: text)
        } else {
            self.init(kind: .bullet, number: nil, title: text, text: text)
        }
    }

    init(kind: Section.Kind, marker: String, number: String?, title: String) {
        let text = marker.isEmpty ? title : title.isEmpty ? marker : marker + " " + title
        self.init(kind: kind, number: number, title: title, text: text)
    }
}

/// A labelled value on a bullet: `Đơn vị chủ trì thực hiện: Phòng Hành chính - Tổng hợp`.
public struct Field: Sendable, Equatable {
    public enum Role: String, Sendable, Equatable, CaseIterable {
        case lead, support, product, time, unknown
    }

    public var label: String
    public var role: Role
    public var value: String

    public init(label: String, role: Role, value: String) {
        self.label = label
        self.role = role
        self.value = value
    }
}

/// A tab- or pipe-separated table, continuation rows merged into the rows they continue.
public struct Table: Sendable, Equatable {
    public var line: Int
    public var endLine: Int
    /// One entry per column, from the header row when there is one.
    public var columns: [TableColumn]
    public var rows: [TableRow]

    public init(line: Int, endLine: Int, columns: [TableColumn], rows: [TableRow]) {
        self.line = line
        self.endLine = endLine
        self.columns = columns
        self.rows = rows
    }
}

/// A table column: its header text and what it holds.
public struct TableColumn: Sendable, Equatable {
    public enum Role: String, Sendable, Equatable, CaseIterable {
        /// `STT`, `TT`
        case number
        /// `Nhiệm vụ`, `Nội dung`, `Nội dung công việc`
        case title
        /// `Kết quả`, `Sản phẩm`
        case product
        /// `Đơn vị chủ trì`
        case lead
        /// `Đơn vị phối hợp`
        case support
        /// `Thời gian thực hiện`, `Thời hạn`
        case time
        /// `Ghi chú`
        case notes
        case other
    }

    public var title: String
    public var role: Role

    public init(title: String, role: Role) {
        self.title = title
        self.role = role
    }
}

/// One row of a table.
public struct TableRow: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The column headings.
        case header
        /// `I. CÔNG TÁC …`: names the group of the rows below.
        case group
        /// A numbered row: a task.
        case task
        /// No number, no blank line before: another product/time of the task above.
        case milestone
        /// Anything else.
        case other
    }

    public var line: Int
    /// Last line of the row, continuation pieces included.
    public var endLine: Int
    public var kind: Kind
    /// The group (`I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH`) a row belongs to.
    public var group: String?
    public var cells: [String]
    /// The group headings over the row, outermost first (`A.` then `I.`), as data.
    var groupPath: [SectionHeading] = []

    public init(line: Int, endLine: Int, kind: Kind, group: String?, cells: [String]) {
        self.line = line
        self.endLine = endLine
        self.kind = kind
        self.group = group
        self.cells = cells
    }
}

extension TableRow {
    /// Rows are equal when what they print is: the typed group path is derived data.
    public static func == (a: TableRow, b: TableRow) -> Bool {
        a.line == b.line && a.endLine == b.endLine && a.kind == b.kind && a.group == b.group && a.cells == b.cells
    }
}
