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
        /// A duty assigned in a sentence (`Giao Sở X chủ trì, phối hợp Y …`, `Đề nghị X …`,
        /// `X chủ trì …`) or under an agency heading (`2. Phòng Văn hóa và Thông tin` › duties):
        /// the sentences of letters, meeting conclusions and decisions, and of task sections.
        case assignment
    }

    /// Stable, path-like: `PL.I.2` (appendix, group I, row 2), `II.3.b` (body).
    public var id: String
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
    // The small fields last and line numbers in 32 bits, so they pack into one word: a plan of
    // millions of table rows holds millions of these records (120 bytes each, not 144).
    private var storedLine: Int32
    private var storedEndLine: Int32
    /// Where ``lead`` comes from: written for the task, or inferred from the plan's
    /// responsibilities; `nil` when the task has no lead.
    public var leadSource: LeadSource?
    public var origin: Origin

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    public var endLine: Int {
        get { Int(storedEndLine) }
        set { storedEndLine = Int32(clamping: newValue) }
    }

    public init(
        id: String, origin: Origin, line: Int, endLine: Int, headings: [SectionHeading], number: String?,
        title: String, lead: [UnitRef] = [], support: [UnitRef] = [], leadSource: LeadSource? = nil,
        products: [String] = [], time: [TimeMilestone] = [], references: [Citation] = [], notes: [String] = []
    ) {
        self.id = id
        self.origin = origin
        self.storedLine = Int32(clamping: line)
        self.storedEndLine = Int32(clamping: endLine)
        self.headings = headings
        self.number = number
        self.title = title
        self.lead = lead
        self.support = support
        self.leadSource = leadSource ?? (lead.isEmpty ? nil : LeadSource(kind: .stated, line: line))
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
        title: String, lead: [UnitRef] = [], support: [UnitRef] = [], leadSource: LeadSource? = nil,
        products: [String] = [], time: [TimeMilestone] = [], references: [Citation] = [], notes: [String] = []
    ) {
        self.init(id: id, origin: origin, line: line, endLine: endLine, headings: section.map(SectionHeading.init(text:)),
                  number: number, title: title, lead: lead, support: support, leadSource: leadSource, products: products,
                  time: time, references: references, notes: notes)
    }
}

/// Where a task's lead comes from.
public struct LeadSource: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Written for the task: a lead field or column, the sentence that assigns it, or the
        /// agency heading it stands under.
        case stated
        /// Not written for the task: taken from the plan's ``Responsibility`` list, whose
        /// duty names the task's area (`cải cách thể chế` → `Sở Tư pháp`).
        case inferred
    }

    // The line in 32 bits before the kind: the value packs into 5 bytes (see ``PlanTask``).
    private var storedLine: Int32
    public var kind: Kind
    /// The line the lead is written on: the field, row, sentence or agency heading, or for an
    /// inferred lead the line of the responsibility it was taken from.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public init(kind: Kind, line: Int) {
        self.kind = kind
        self.storedLine = Int32(clamping: line)
    }
}

/// One unit's duty as the plan's `TỔ CHỨC THỰC HIỆN` section states it: who answers for
/// what (`2. Sở Nội vụ` › `- Chủ trì, phối hợp … cải cách chế độ công vụ …`). Not a task of
/// the plan, but what tasks without a stated lead take their lead from.
public struct Responsibility: Sendable, Equatable {
    public enum Role: String, Sendable, Equatable, CaseIterable {
        /// The unit leads the duty (`chủ trì`, `có trách nhiệm`, or no role word).
        case lead
        /// The unit cooperates (`phối hợp với …`).
        case support
    }

    public var unit: UnitRef
    public var role: Role
    /// The duty as printed, without the unit and its frame words.
    public var duty: String
    /// The areas the duty names (`cải cách thể chế`, `Cải cách chế độ công vụ`): the words
    /// after `công tác`, `về`, `biện pháp`/`giải pháp` or in quotation marks.
    public var areas: [String]
    public var line: Int
    public var endLine: Int

    public init(unit: UnitRef, role: Role, duty: String, areas: [String], line: Int, endLine: Int) {
        self.unit = unit
        self.role = role
        self.duty = duty
        self.areas = areas
        self.line = line
        self.endLine = endLine
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
