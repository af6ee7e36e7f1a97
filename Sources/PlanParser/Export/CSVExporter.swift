/// CSV views of parsed plans: one row per task, or an appendix table as printed.
public enum CSVExporter {
    /// Columns of the task CSV, in order.
    public static let taskColumns = [
        "id", "origin", "section", "number", "title", "lead", "support", "products", "time", "start", "end", "line",
    ]

    /// One row per task (see README for the columns). Multi-values are joined with `; `, the
    /// section path with ` > `; `start`/`end` are the earliest start and latest end of the task's
    /// milestones.
    /// - Parameters:
    ///   - header: write the header row (off when appending more documents to one file).
    ///   - bom: start with a UTF-8 byte-order mark so Excel reads Vietnamese correctly.
    ///   - guardFormulas: prefix cells starting with `=`, `+`, `-`, `@` with `'`.
    public static func tasks(
        _ documents: [PlanDocument], header: Bool = true, bom: Bool = false, guardFormulas: Bool = true
    ) -> [UInt8] {
        var w = CSVWriter(bom: bom, guardFormulas: guardFormulas)
        if header { w.row(taskColumns) }
        for d in documents {
            for t in d.tasks {
                let starts = t.time.compactMap(\.start)
                let ends = t.time.compactMap(\.end)
                w.row([
                    t.id, t.origin.rawValue, t.section.joined(separator: " > "), t.number ?? "", t.title,
                    t.lead.map(\.name).joined(separator: "; "), t.support.map(\.name).joined(separator: "; "),
                    t.products.joined(separator: "; "), t.time.map(\.text).joined(separator: "; "),
                    starts.min()?.iso ?? "", ends.max()?.iso ?? "", String(t.line),
                ])
            }
        }
        return w.bytes
    }

    /// A table as printed: a `group` column, then the table's own columns; the header row first,
    /// continuation rows merged into the rows they continue, milestone rows kept.
    public static func table(_ table: Table, bom: Bool = false, guardFormulas: Bool = true) -> [UInt8] {
        var w = CSVWriter(bom: bom, guardFormulas: guardFormulas)
        let headerRow = table.rows.first { $0.kind == .header }
        w.row(["group"] + (headerRow?.cells ?? table.columns.map(\.title)))
        for r in table.rows where r.kind != .header {
            w.row([r.kind == .group ? "" : (r.group ?? "")] + r.cells)
        }
        return w.bytes
    }
}

extension PlanDocument {
    /// Every table of the document, in document order (appendix tables and tables in sections).
    public var tables: [Table] {
        var result: [Table] = []
        func visit(_ s: Section) {
            result += s.tables
            s.children.forEach(visit)
        }
        sections.forEach(visit)
        return result
    }
}
