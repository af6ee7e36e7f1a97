/// The sheets of the XLSX outputs, built from documents one at a time (README, "XLSX").
///
/// - Tasks: one row per task of every document, every field of the task record (lists one
///   item per line in the cell, dates as date cells);
/// - Table N: one sheet per table as printed — a caption line (the enclosing heading, the
///   source and its lines), the table's own header, group rows merged across and bold,
///   milestone rows in italics under their task, lead and support cells one unit per line;
/// - Milestones: one row per milestone of every task (kind, start, end, every, action);
/// - Units: the workload (unit, key, spellings, lead and support counts and task ids);
/// - Warnings: line, code, message;
/// - Documents: one row per input with its header fields and counts.
struct XLSXSheets {
    /// Task sheet columns, in order: what people read first (and what is printed: the first
    /// ``taskPrintColumns``), then the rest of the record, the unit keys and where it came from.
    static let taskColumns: [(String, Double)] = [
        ("id", 9), ("section", 24), ("number", 8), ("title", 50), ("lead", 22), ("support", 22), ("products", 24),
        ("time", 16), ("start", 11), ("end", 11), ("origin", 8), ("line", 7), ("end_line", 8), ("notes", 25),
        ("references", 25), ("lead_keys", 22), ("support_keys", 22), ("lead_source", 11), ("lead_source_line", 15),
        ("source", 22), ("document", 18),
    ]
    /// The task sheet prints `id` to `end`.
    static let taskPrintColumns = 10
    static let milestoneColumns: [(String, Double)] = [
        ("source", 22), ("document", 18), ("task", 10), ("text", 40), ("kind", 11), ("start", 11), ("end", 11),
        ("every", 11), ("action", 30), ("line", 7),
    ]
    static let unitColumns: [(String, Double)] = [
        ("source", 22), ("document", 18), ("unit", 40), ("key", 32), ("spellings", 40), ("lead", 7), ("support", 8),
        ("lead_tasks", 30), ("support_tasks", 30),
    ]
    static let warningColumns: [(String, Double)] = [
        ("source", 22), ("document", 18), ("line", 7), ("code", 22), ("message", 70),
    ]
    static let documentColumns: [(String, Double)] = [
        ("source", 22), ("document", 18), ("kind", 14), ("number", 16), ("issuer", 24), ("place", 14), ("date", 11),
        ("title", 50), ("plan_year", 9), ("plan_period", 11), ("signer", 28), ("tasks", 7), ("targets", 8),
        ("tables", 7), ("warnings", 9), ("lines", 7),
    ]

    /// Cells that hold lists put one item per line.
    static let lineSeparator = "\n"

    /// Sheet ranks: the order of the tabs.
    enum Rank: Int {
        case tasks, tables, milestones, units, warnings, documents
    }

    static func headed(_ name: String, _ columns: [(String, Double)], strings: XLSXSharedStrings?,
                       selected: Bool = false) -> XLSXSheet {
        var sheet = XLSXSheet(name: name, strings: strings)
        sheet.widths = columns.map(\.1)
        sheet.frozenRows = 1
        sheet.filterRow = 1
        sheet.selected = selected
        sheet.beginRow()
        for (title, _) in columns { sheet.text(title, .header) }
        sheet.endRow()
        return sheet
    }

    // MARK: Tasks

    static func addTasks(of document: PlanDocument, to sheet: inout XLSXSheet) {
        let source = document.source.path
        let id = document.documentID
        for t in document.tasks {
            sheet.beginRow()
            sheet.text(t.id)
            sheet.lines(t.section)
            sheet.text(t.number ?? "")
            sheet.text(t.title)
            sheet.lines(t.lead) { $0.name }
            sheet.lines(t.support) { $0.name }
            sheet.lines(t.products)
            sheet.lines(t.time) { $0.text }
            sheet.date(t.earliestStart)
            sheet.date(t.latestEnd)
            sheet.text(t.origin.rawValue)
            sheet.number(t.line)
            sheet.number(t.endLine)
            sheet.lines(t.notes)
            sheet.lines(t.references) { $0.flatText }
            sheet.lines(t.lead) { $0.key }
            sheet.lines(t.support) { $0.key }
            sheet.text(t.leadSource?.kind.rawValue ?? "")
            if let line = t.leadSource?.line { sheet.number(line) } else { sheet.text("") }
            sheet.text(source)
            sheet.text(id)
            sheet.endRow()
        }
    }

    /// Starts a row of a sheet that begins with the `source` and `document` columns
    /// (milestones, units, warnings, documents): where the row comes from, told alike.
    private static func beginRow(_ sheet: inout XLSXSheet, source: String, document id: String) {
        sheet.beginRow()
        sheet.text(source)
        sheet.text(id)
    }

    static func addMilestones(of document: PlanDocument, to sheet: inout XLSXSheet) {
        let source = document.source.path
        let id = document.documentID
        for t in document.tasks {
            for m in t.time {
                beginRow(&sheet, source: source, document: id)
                sheet.text(t.id)
                sheet.text(m.text)
                sheet.text(m.kind.rawValue)
                sheet.date(m.start)
                sheet.date(m.end)
                sheet.text(m.every?.rawValue ?? "")
                sheet.text(m.action ?? "")
                sheet.number(t.line)
                sheet.endRow()
            }
        }
    }

    static func addUnits(of document: PlanDocument, to sheet: inout XLSXSheet) {
        let source = document.source.path
        let id = document.documentID
        for u in UnitWorkload.compute(document) {
            beginRow(&sheet, source: source, document: id)
            sheet.text(u.name)
            sheet.text(u.key)
            sheet.lines(u.spellings)
            sheet.number(u.leads.count)
            sheet.number(u.supports.count)
            sheet.lines(u.leads)
            sheet.lines(u.supports)
            sheet.endRow()
        }
    }

    static func addWarnings(of document: PlanDocument, to sheet: inout XLSXSheet) {
        let source = document.source.path
        let id = document.documentID
        for w in document.warnings {
            beginRow(&sheet, source: source, document: id)
            sheet.number(w.line)
            sheet.text(w.code)
            sheet.text(w.message)
            sheet.endRow()
        }
    }

    static func addDocument(_ document: PlanDocument, to sheet: inout XLSXSheet) {
        let h = document.header
        beginRow(&sheet, source: document.source.path, document: document.documentID)
        sheet.text(h.kind ?? "")
        sheet.text(h.number ?? "")
        sheet.text(h.issuer ?? "")
        sheet.text(h.place ?? "")
        sheet.text(h.date?.isoText ?? "")
        sheet.text(h.title ?? "")
        sheet.number(h.planYear)
        sheet.text(h.planPeriod.map { "\($0.start)-\($0.end)" } ?? "")
        sheet.text([h.signer?.title, h.signer?.name].compactMap { $0 }.joined(separator: lineSeparator))
        sheet.number(document.tasks.count)
        sheet.number(document.targets.count)
        sheet.number(document.tableCount)
        sheet.number(document.warnings.count)
        sheet.number(document.source.lines)
        sheet.endRow()
    }

    // MARK: Tables

    /// Width of a table column, by what it holds.
    static func width(_ role: TableColumn.Role) -> Double {
        switch role {
        case .number: return 6
        case .title: return 50
        case .product: return 30
        case .lead, .support: return 26
        case .time: return 18
        case .notes: return 22
        case .other: return 16
        }
    }

    /// Table `number` of the workbook as its own sheet; `heading` is the enclosing section path.
    static func tableSheet(_ table: Table, number: Int, heading: String, source: String, selected: Bool,
                           strings: XLSXSharedStrings?) -> XLSXSheet {
        var sheet = XLSXSheet(name: "Table \(number)", strings: strings)
        let headerRow = table.rows.first { $0.kind == .header }
        let header = headerRow?.cells ?? table.columns.map(\.title)
        let columnCount = max(header.count, table.columns.count, table.rows.map(\.cells.count).max() ?? 0, 1)
        sheet.widths = (0..<columnCount).map { i in i < table.columns.count ? width(table.columns[i].role) : 16 }
        sheet.frozenRows = 2
        sheet.selected = selected
        sheet.pageHeader = heading.isEmpty ? source : heading + " — " + source
        let roles = (0..<columnCount).map { i in i < table.columns.count ? table.columns[i].role : .other }

        sheet.beginRow()
        let lines = table.line == table.endLine ? "line \(table.line)" : "lines \(table.line)–\(table.endLine)"
        sheet.text((heading.isEmpty ? "" : heading + " — ") + source + ", " + lines, .caption)
        sheet.mergeInRow(from: 0, to: columnCount - 1)
        sheet.endRow()

        sheet.beginRow()
        for i in 0..<columnCount { sheet.text(i < header.count ? header[i] : "", .header) }
        sheet.endRow()

        for r in table.rows where r.kind != .header {
            sheet.beginRow()
            if r.kind == .group {
                sheet.text(groupText(r), .group, span: columnCount)
                for _ in 1..<max(columnCount, 1) { sheet.empty(.group) }
                sheet.mergeInRow(from: 0, to: columnCount - 1)
            } else {
                let style: XLSXStyle = r.kind == .milestone ? .milestone : .text
                for i in 0..<columnCount {
                    let cell = i < r.cells.count ? r.cells[i] : ""
                    sheet.text(roles[i] == .lead || roles[i] == .support ? unitLines(cell) : cell, style)
                }
            }
            sheet.endRow()
        }
        return sheet
    }

    /// The text of a group row: its non-empty cells, joined with a space.
    static func groupText(_ row: TableRow) -> String {
        row.cells.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A lead or support cell with one unit per line (as the task records split it).
    static func unitLines(_ cell: String) -> String {
        guard !cell.isEmpty else { return cell }
        let units = ListSplitter.units(cell)
        return units.count > 1 ? units.joined(separator: lineSeparator) : cell
    }
}

extension PlanDocument {
    /// Every table with the section path over it (headings joined with ` > `), in the order of
    /// ``tables``.
    var tablesWithHeadings: [(table: Table, heading: String)] {
        var headings: [String] = []
        var path: [SectionView] = []
        // Headings are made into text only for the nodes that hold tables.
        func visit(_ v: SectionView) {
            path.append(v)
            if !v.tables.isEmpty {
                let text = path.map(\.heading).joined(separator: " > ")
                for _ in v.tables { headings.append(text) }
            }
            for c in v.children { visit(c) }
            path.removeLast()
        }
        for v in sectionViews { visit(v) }
        let all = tables
        return all.enumerated().map { i, t in (t, headings.count == all.count ? headings[i] : "") }
    }
}

extension Citation {
    /// `Quyết định 749/QĐ-TTg (2020-06-03; Thủ tướng Chính phủ; line 9)`: every field in one text.
    var flatText: String {
        var details: [String] = []
        if let date { details.append(date.iso) }
        if let issuer { details.append(issuer) }
        if !lines.isEmpty { details.append((lines.count == 1 ? "line " : "lines ") + lines.map(String.init).joined(separator: ", ")) }
        return kind + " " + number + (details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")")
    }
}
