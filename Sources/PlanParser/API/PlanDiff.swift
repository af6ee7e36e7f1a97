/// What changed in the tasks from one plan to the next (last year's plan → this year's).
///
/// Create one with ``PlanDiff/compare(_:_:)`` or ``PlanDocument/difference(from:)``.
/// Each old task is paired with at most one new task by the similarity of their titles
/// (see `docs/diff.md` for the algorithm and threshold); a pair is ``TaskChange/Kind/unchanged``,
/// ``TaskChange/Kind/modified`` or ``TaskChange/Kind/moved``, an old task without a partner
/// is ``TaskChange/Kind/removed`` and a new one ``TaskChange/Kind/added``. Years that moved
/// with the plan year (`Quý I/2024` in the 2024 plan, `Quý I/2025` in the 2025 plan) are
/// no change.
public struct PlanDiff: Sendable, Equatable {
    /// Pairs of tasks scoring below this, or whose titles are less similar than this, stay
    /// unpaired (removed + added).
    ///
    /// The score is `0.8 × title similarity + 0.1 × same section + 0.1 × lead-unit overlap`,
    /// so a reworded title pairs when its similarity is at least 0.625, or 0.5 in the same
    /// section or with the same lead unit.
    public static let matchThreshold = 0.5

    /// One side of the comparison.
    public struct Plan: Sendable, Equatable {
        /// `source.path` of the document.
        public var path: String
        /// The year that years are shifted by (`header.planYear`, else the first year of
        /// `header.planPeriod`).
        public var planYear: Int?
        public var taskCount: Int

        public init(path: String, planYear: Int?, taskCount: Int) {
            self.path = path
            self.planYear = planYear
            self.taskCount = taskCount
        }
    }

    /// How many changes of each kind.
    public struct Summary: Sendable, Equatable {
        public var added = 0
        public var removed = 0
        public var modified = 0
        public var moved = 0
        public var unchanged = 0

        public init(added: Int = 0, removed: Int = 0, modified: Int = 0, moved: Int = 0, unchanged: Int = 0) {
            self.added = added
            self.removed = removed
            self.modified = modified
            self.moved = moved
            self.unchanged = unchanged
        }

        /// Anything but `unchanged`.
        public var differences: Int { added + removed + modified + moved }
    }

    public var old: Plan
    public var new: Plan
    public var summary: Summary
    /// Every task of both plans once, unchanged pairs included, in reading order: pairs and
    /// removed tasks in the old plan's order; an added task right after the pair whose new
    /// task precedes it in the new plan (at the start when none does).
    public var changes: [TaskChange]

    /// Whether anything but unchanged pairs was found.
    public var hasDifferences: Bool { summary.differences > 0 }

    public init(old: Plan, new: Plan, summary: Summary, changes: [TaskChange]) {
        self.old = old
        self.new = new
        self.summary = summary
        self.changes = changes
    }

    /// Compares the tasks of `old` with those of `new`.
    /// - Complexity: about O(n log n) for plans of n tasks: candidates are found through an
    ///   index of title features that reads a bounded number of postings per task, never by
    ///   comparing every pair; a title diff of n words is O(n log n) at worst.
    /// - Parameter stageTimer: called after each stage of the comparison with its name and
    ///   duration in seconds (a profile), as ``ParseOptions/stageTimer`` is for parsing.
    public static func compare(_ old: PlanDocument, _ new: PlanDocument,
                               stageTimer: (@Sendable (_ stage: String, _ seconds: Double) -> Void)? = nil) -> PlanDiff {
        PlanDiffer(old: old, new: new, threshold: matchThreshold, stageTimer: stageTimer).run()
    }
}

extension PlanDocument {
    /// The changes from `old` to this plan; the same as `PlanDiff.compare(old, self)`.
    public func difference(from old: PlanDocument) -> PlanDiff {
        PlanDiff.compare(old, self)
    }
}

/// One task's fate from the old plan to the new.
public struct TaskChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Only in the new plan.
        case added
        /// Only in the old plan.
        case removed
        /// Paired; some field other than the section differs.
        case modified
        /// Paired; the section differs (other fields may differ too, see ``TaskChange/fields``).
        case moved
        /// Paired; nothing differs apart from the plan-year shift, spelling of case,
        /// punctuation and numbering.
        case unchanged
    }

    /// A field of a task that can differ between the two plans.
    public enum Field: String, Sendable, Equatable, CaseIterable {
        case title, lead, support, products, time, section
    }

    public var change: Kind
    public var old: PlanTask?
    public var new: PlanTask?
    /// The fields that differ, in ``Field`` order; empty unless modified or moved.
    public var fields: [Field]
    /// For a pair, the similarity of the two titles, 0…1 (1: the same words). For an added or
    /// removed task with ``relatedTo``, the similarity to that task; else `nil`.
    public var similarity: Double?
    /// For a changed title, the word-level difference; else empty.
    public var titleDiff: [WordRun]
    /// For an added task, the id of the old task it was likely split from (the old task is
    /// paired with another new task that lacks words this one has); for a removed task, the
    /// id of the new task it was likely merged into. Otherwise `nil`.
    public var relatedTo: String?

    public init(
        change: Kind, old: PlanTask?, new: PlanTask?, fields: [Field] = [], similarity: Double? = nil,
        titleDiff: [WordRun] = [], relatedTo: String? = nil
    ) {
        self.change = change
        self.old = old
        self.new = new
        self.fields = fields
        self.similarity = similarity
        self.titleDiff = titleDiff
        self.relatedTo = relatedTo
    }
}

/// A run of words of a title diff: kept, removed (old title only) or inserted (new title only).
public struct WordRun: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case equal, removed, inserted
    }

    public var kind: Kind
    /// The words as printed, separated by single spaces.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
