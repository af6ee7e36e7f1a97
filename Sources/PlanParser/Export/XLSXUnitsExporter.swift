/// `extract units --format xlsx`: the workload of every document in one sheet — unit, key,
/// spellings, how many tasks it leads and supports, and their ids.
struct XLSXUnitsExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "xlsx", subject: .units, extensions: ["xlsx"],
        summary: "an Excel workbook: one row per unit of every document", isBinary: true,
        maker: .documents { _ in XLSXUnitsExporter() })

    private var workbook = XLSXWorkbook()
    private var units: XLSXSheet

    init() {
        units = XLSXSheets.headed("Units", XLSXSheets.unitColumns, strings: workbook.strings, selected: true)
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        XLSXSheets.addUnits(of: document, to: &units)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {
        workbook.add(units)
        try out.write(workbook.finish())
    }
}
