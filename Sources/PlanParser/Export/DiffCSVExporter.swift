/// Writes a ``PlanDiff`` as CSV: one row per change, old and new values side by side.
///
/// Multi-values are joined with `; `, section paths with ` > `; `title_diff` is the
/// word-level diff of a changed title in the text report's notation (`[-…-]{+…+}`).
struct DiffCSVExporter: DiffExporter {
    static let format = OutputFormat(
        name: "csv", subject: .diff, extensions: ["csv"],
        summary: "one row per change, old and new values side by side",
        maker: .diff { DiffCSVExporter(options: $0) })

    let options: ExportOptions

    static let columns = [
        "change", "fields", "similarity", "related_to",
        "old_id", "old_line", "old_section", "old_title", "old_lead", "old_support", "old_products", "old_time",
        "new_id", "new_line", "new_section", "new_title", "new_lead", "new_support", "new_products", "new_time",
        "title_diff",
    ]

    func write(_ diff: PlanDiff, _ out: OutputSink) throws(OutputError) {
        var w = CSVWriter(bom: options.byteOrderMark, guardFormulas: options.guardFormulas, delimiter: options.delimiter)
        w.row(Self.columns)
        for c in diff.changes {
            var row = [
                c.change.rawValue, c.fields.map(\.rawValue).joined(separator: " "),
                c.similarity.map { DecimalText.string($0, fractionDigits: 3) } ?? "", c.relatedTo ?? "",
            ]
            row += cells(c.old)
            row += cells(c.new)
            row.append(DiffTextRenderer.titleDiff(c.titleDiff, color: false, terminal: false))
            w.row(row)
            try w.flush(to: out, ifAbove: JSONWriter.chunkSize)
        }
        try w.flush(to: out)
    }

    private func cells(_ t: PlanTask?) -> [String] {
        guard let t else { return Array(repeating: "", count: 8) }
        return [
            t.id, String(t.line), t.section.joined(separator: " > "), t.title,
            t.lead.map(\.name).joined(separator: "; "), t.support.map(\.name).joined(separator: "; "),
            t.products.joined(separator: "; "), t.time.map(\.text).joined(separator: "; "),
        ]
    }
}
