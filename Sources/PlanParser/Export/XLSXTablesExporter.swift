/// `extract tables --format xlsx`: one workbook with a sheet per table of every document, as
/// printed (caption, the table's own header, merged bold group rows, milestone rows, one
/// unit per line); `--table N` keeps only the N-th table of each document.
struct XLSXTablesExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "xlsx", subject: .tables, extensions: ["xlsx"],
        summary: "one Excel workbook, a sheet per table as printed", isBinary: true,
        maker: .documents { XLSXTablesExporter(table: $0.table) })

    let table: Int?
    private var workbook = XLSXWorkbook()
    private var count = 0

    init(table: Int?) {
        self.table = table
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        let all = document.tablesWithHeadings
        for (i, (t, heading)) in all.enumerated() where table == nil || table == i + 1 {
            count += 1
            workbook.add(XLSXSheets.tableSheet(t, number: table ?? count, heading: heading,
                                               source: document.source.path, selected: count == 1,
                                               strings: workbook.strings))
        }
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {
        try out.write(workbook.finish())
    }
}
