/// `extract diff --format xlsx`: the changes between two plans as a workbook.
///
/// - Changes: one row per changed field of every added, removed, moved or modified task
///   (kind, old id, new id, field, old value, new value; a changed title also as a word diff,
///   removed words struck out in red, inserted ones bold green), rows coloured by kind;
/// - Pairs: one row per change, unchanged pairs included, old and new task side by side
///   (the diff CSV's columns);
/// - Summary: both plans and the counts.
struct XLSXDiffExporter: DiffExporter {
    static let format = OutputFormat(
        name: "xlsx", subject: .diff, extensions: ["xlsx"],
        summary: "an Excel workbook: changes coloured by kind, pairs side by side, summary", isBinary: true,
        maker: .diff { _ in XLSXDiffExporter() })

    static let changeColumns: [(String, Double)] = [
        ("change", 10), ("old_id", 9), ("new_id", 9), ("field", 9), ("old", 45), ("new", 45), ("words", 50),
        ("similarity", 10), ("related_to", 10), ("old_line", 8), ("new_line", 8),
    ]

    static let pairColumns: [(String, Double)] = [
        ("change", 10), ("fields", 14), ("similarity", 10), ("related_to", 10),
        ("old_id", 9), ("old_line", 8), ("old_section", 24), ("old_title", 45), ("old_lead", 22), ("old_support", 22),
        ("old_products", 22), ("old_time", 16), ("old_start", 11), ("old_end", 11),
        ("new_id", 9), ("new_line", 8), ("new_section", 24), ("new_title", 45), ("new_lead", 22), ("new_support", 22),
        ("new_products", 22), ("new_time", 16), ("new_start", 11), ("new_end", 11), ("title_diff", 50),
    ]

    func write(_ diff: PlanDiff, _ out: OutputSink) throws(OutputError) {
        var workbook = XLSXWorkbook()
        var changes = XLSXSheets.headed("Changes", Self.changeColumns, strings: workbook.strings, selected: true)
        changes.pageHeader = diff.old.path + " → " + diff.new.path
        for c in diff.changes where c.change != .unchanged { Self.addChangeRows(c, to: &changes) }
        workbook.add(changes)

        var pairs = XLSXSheets.headed("Pairs", Self.pairColumns, strings: workbook.strings)
        pairs.pageHeader = changes.pageHeader
        for c in diff.changes { Self.addPair(c, to: &pairs) }
        workbook.add(pairs)

        var summary = XLSXSheets.headed("Summary", [("plan", 10), ("path", 50), ("plan_year", 10), ("tasks", 8)], strings: workbook.strings)
        for (label, p) in [("old", diff.old), ("new", diff.new)] {
            summary.beginRow()
            summary.text(label)
            summary.text(p.path)
            summary.number(p.planYear)
            summary.number(p.taskCount)
            summary.endRow()
        }
        summary.beginRow()
        summary.endRow()
        let s = diff.summary
        for (kind, n) in [("added", s.added), ("removed", s.removed), ("moved", s.moved), ("modified", s.modified),
                          ("unchanged", s.unchanged)] {
            summary.beginRow()
            summary.text(kind, TaskChange.Kind(rawValue: kind).map(XLSXStyle.change) ?? .text)
            summary.empty()
            summary.empty()
            summary.number(n)
            summary.endRow()
        }
        workbook.add(summary)
        try out.write(workbook.finish())
    }

    /// The rows of one change: one per changed field; one for an added or removed task.
    static func addChangeRows(_ c: TaskChange, to sheet: inout XLSXSheet) {
        let style = XLSXStyle.change(c.change)
        func row(field: String, old: String, new: String, words: [WordRun]) {
            sheet.beginRow()
            sheet.text(c.change.rawValue, style)
            sheet.text(c.old?.id ?? "", style)
            sheet.text(c.new?.id ?? "", style)
            sheet.text(field, style)
            sheet.text(old, style)
            sheet.text(new, style)
            sheet.richText(richRuns(words), style)
            sheet.text(c.similarity.map { DecimalText.string($0, fractionDigits: 3) } ?? "", style)
            sheet.text(c.relatedTo ?? "", style)
            sheet.number(c.old?.line, style)
            sheet.number(c.new?.line, style)
            sheet.endRow()
        }
        switch c.change {
        case .added: row(field: "", old: "", new: c.new?.title ?? "", words: [])
        case .removed: row(field: "", old: c.old?.title ?? "", new: "", words: [])
        case .unchanged: break
        case .moved, .modified:
            guard let a = c.old, let b = c.new else { return }
            for f in c.fields {
                let (x, y) = values(f, a, b)
                row(field: f.rawValue, old: x, new: y, words: f == .title ? c.titleDiff : [])
            }
        }
    }

    /// A field's old and new text, lists one item per line.
    static func values(_ field: TaskChange.Field, _ a: PlanTask, _ b: PlanTask) -> (String, String) {
        let nl = XLSXSheets.lineSeparator
        switch field {
        case .title: return (a.title, b.title)
        case .lead: return (a.lead.map(\.name).joined(separator: nl), b.lead.map(\.name).joined(separator: nl))
        case .support: return (a.support.map(\.name).joined(separator: nl), b.support.map(\.name).joined(separator: nl))
        case .products: return (a.products.joined(separator: nl), b.products.joined(separator: nl))
        case .time: return (a.time.map(\.text).joined(separator: nl), b.time.map(\.text).joined(separator: nl))
        case .section: return (a.section.joined(separator: nl), b.section.joined(separator: nl))
        }
    }

    static func addPair(_ c: TaskChange, to sheet: inout XLSXSheet) {
        let style = XLSXStyle.change(c.change)
        let dateStyle = XLSXStyle.changeDate(c.change)
        let nl = XLSXSheets.lineSeparator
        sheet.beginRow()
        sheet.text(c.change.rawValue, style)
        sheet.text(c.fields.map(\.rawValue).joined(separator: " "), style)
        sheet.text(c.similarity.map { DecimalText.string($0, fractionDigits: 3) } ?? "", style)
        sheet.text(c.relatedTo ?? "", style)
        for t in [c.old, c.new] {
            sheet.text(t?.id ?? "", style)
            sheet.number(t?.line, style)
            sheet.text(t?.section.joined(separator: nl) ?? "", style)
            sheet.text(t?.title ?? "", style)
            sheet.text(t?.lead.map(\.name).joined(separator: nl) ?? "", style)
            sheet.text(t?.support.map(\.name).joined(separator: nl) ?? "", style)
            sheet.text(t?.products.joined(separator: nl) ?? "", style)
            sheet.text(t?.time.map(\.text).joined(separator: nl) ?? "", style)
            sheet.date(t?.earliestStart, dateStyle)
            sheet.date(t?.latestEnd, dateStyle)
        }
        sheet.richText(richRuns(c.titleDiff), style)
        sheet.endRow()
    }

    /// A word diff as rich-text runs, words separated by spaces as in the text report.
    static func richRuns(_ runs: [WordRun]) -> [(text: String, mark: XLSXRunMark)] {
        var out: [(text: String, mark: XLSXRunMark)] = []
        for (i, r) in runs.enumerated() {
            let mark: XLSXRunMark = r.kind == .equal ? .plain : r.kind == .removed ? .removed : .inserted
            if mark == .plain {
                out.append(((i > 0 ? " " : "") + r.text, .plain))
            } else {
                if i > 0 { out.append((" ", .plain)) }
                out.append((r.text, mark))
            }
        }
        return out
    }
}
