/// One task of a plan: what is to be done, who leads, who cooperates, the product, by when.
public struct PlanTask: Sendable, Equatable {
    /// Where the task was stated.
    public enum Origin: String, Sendable, Equatable, CaseIterable {
        /// A numbered row of an appendix table.
        case table
        /// An item followed by field bullets (`- Đơn vị chủ trì: …`).
        case fields
        /// A lettered item or bullet in a task section, without fields.
        case prose
    }

    /// Stable, path-like: `PL.I.2` (appendix, group I, row 2), `II.3.b` (body).
    public var id: String
    public var origin: Origin
    public var line: Int
    public var endLine: Int
    /// Enclosing headings, outermost first, as data.
    public var headings: [SectionHeading]
    /// Enclosing headings as printed, outermost first.
    public var section: [String] { headings.map(\.text) }
    /// As printed, without a trailing `.` or `)`; `nil` for bullets and paragraphs.
    public var number: String?
    /// The full task text.
    public var title: String
    public var lead: [UnitRef]
    public var support: [UnitRef]
    public var products: [String]
    /// One entry per milestone.
    public var time: [TimeMilestone]
    /// Citations inside the task's lines.
    public var references: [Citation]
    /// Further text of the task: extra paragraphs, sub-bullets, a notes column.
    public var notes: [String]

    public init(
        id: String, origin: Origin, line: Int, endLine: Int, headings: [SectionHeading], number: String?,
        title: String, lead: [UnitRef] = [], support: [UnitRef] = [], products: [String] = [],
        time: [TimeMilestone] = [], references: [Citation] = [], notes: [String] = []
    ) {
        self.id = id
        self.origin = origin
        self.line = line
        self.endLine = endLine
        self.headings = headings
        self.number = number
        self.title = title
        self.lead = lead
        self.support = support
        self.products = products
        self.time = time
        self.references = references
        self.notes = notes
    }
}

extension PlanTask {
    /// A task whose section path is known only as printed text (for records made by hand).
    public init(
        id: String, origin: Origin, line: Int, endLine: Int, section: [String], number: String?,
        title: String, lead: [UnitRef] = [], support: [UnitRef] = [], products: [String] = [],
        time: [TimeMilestone] = [], references: [Citation] = [], notes: [String] = []
    ) {
        self.init(id: id, origin: origin, line: line, endLine: endLine, headings: section.map(SectionHeading.init(text:)),
                  number: number, title: title, lead: lead, support: support, products: products, time: time,
                  references: references, notes: notes)
    }
}

/// A target (chỉ tiêu / mục tiêu): a measurable goal rather than a task.
public struct Target: Sendable, Equatable {
    public var id: String
    public var line: Int
    public var endLine: Int
    public var section: [String]
    public var text: String

    public init(id: String, line: Int, endLine: Int, section: [String], text: String) {
        self.id = id
        self.line = line
        self.endLine = endLine
        self.section = section
        self.text = text
    }
}
