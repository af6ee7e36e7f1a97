/// `extract tables`: each table as printed — a `group` column, then the table's own columns;
/// the header row first, continuation rows merged into the rows they continue, milestone rows
/// kept. Several tables — of one document or of several, in input order — are separated by an
/// empty line; a byte-order mark, when asked for, starts the first only.
struct TableCSVExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "csv", subject: .tables, extensions: ["csv"],
        summary: "each table as CSV, as printed", oneTablePerFile: true,
        maker: .documents { TableCSVExporter(options: $0) })

    private let options: ExportOptions
    private var written = 0

    init(options: ExportOptions) {
        self.options = options
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        // Row by row from the parser's table, flushed as it goes: a large appendix is never
        // held as strings whole.
        for table in document.selectedTableViews(options.table) {
            var w = CSVWriter(bom: options.byteOrderMark && written == 0, guardFormulas: options.guardFormulas, delimiter: options.delimiter)
            if written > 0 { w.lineBreak() }
            written += 1
            let headerRow = table.rows.first { $0.kind == .header }
            w.row(["group"] + (headerRow?.cells ?? table.columns.map(\.title)))
            for r in table.rows where r.kind != .header {
                w.field(r.kind == .group ? "" : (r.group ?? ""))
                // The cells' bytes where the parser keeps them: ``RowView/cells`` makes a string
                // of each, and the row an array.
                r.store.withReader { reader in
                    r.store.cells.withUnsafeBufferPointer { cells in
                        let first = Int(r.stored.firstCell)
                        for c in 0..<r.width { w.field(utf8: reader.bytes(cells[first + c])) }
                    }
                }
                w.endRow()
                try w.flush(to: out, ifAbove: JSONWriter.chunkSize)
            }
            try w.flush(to: out)
        }
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {}
}

extension PlanDocument {
    /// All tables, or only table `n` (1-based; none when out of range).
    func selectedTables(_ n: Int?) -> [Table] {
        selectedTableViews(n).map(\.table)
    }

    /// ``selectedTables(_:)`` as views.
    func selectedTableViews(_ n: Int?) -> [TableView] {
        let all = tableViews
        guard let n else { return all }
        return n >= 1 && n <= all.count ? [all[n - 1]] : []
    }
}
