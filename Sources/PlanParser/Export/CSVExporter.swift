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
        var result: [UInt8] = []
        writeTasks(documents, header: header, bom: bom, guardFormulas: guardFormulas, chunkSize: .max) { result += $0 }
        return result
    }

    /// The same rows as ``tasks(_:header:bom:guardFormulas:)``, handed to `sink` in chunks of
    /// about `chunkSize` bytes, so a large output never sits in memory whole.
    public static func writeTasks(
        _ documents: [PlanDocument], header: Bool = true, bom: Bool = false, guardFormulas: Bool = true,
        chunkSize: Int = 1 << 20, to sink: ([UInt8]) -> Void
    ) {
        var w = CSVWriter(bom: bom, guardFormulas: guardFormulas)
        if header { w.row(taskColumns) }
        for d in documents {
            for t in d.tasks {
                if w.bytes.count >= chunkSize {
                    sink(w.bytes)
                    w.removeAll()
                }
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
        if !w.bytes.isEmpty { sink(w.bytes) }
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
