/// `--format xlsx` (or `-o FILE.xlsx`): one workbook for every document of the run — Tasks,
/// one sheet per table as printed, Milestones, Units, Warnings, Documents (see ``XLSXSheets``).
///
/// A zip needs its whole directory at the end, so the workbook is written out in ``end(_:)``;
/// each table sheet is compressed as soon as its document is added.
struct XLSXExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "xlsx", subject: .documents, extensions: ["xlsx"],
        summary: "an Excel workbook: tasks, each table as printed, milestones, units, warnings", isBinary: true,
        maker: .documents { _ in XLSXExporter() })

    private var workbook: XLSXWorkbook
    private var tasks: XLSXSheet
    private var milestones: XLSXSheet
    private var units: XLSXSheet
    private var warnings: XLSXSheet
    private var documents: XLSXSheet
    private var tableCount = 0

    init() {
        workbook = XLSXWorkbook()
        let strings = workbook.strings
        tasks = XLSXSheets.headed("Tasks", XLSXSheets.taskColumns, strings: strings, selected: true)
        tasks.printColumns = XLSXSheets.taskPrintColumns
        milestones = XLSXSheets.headed("Milestones", XLSXSheets.milestoneColumns, strings: strings)
        units = XLSXSheets.headed("Units", XLSXSheets.unitColumns, strings: strings)
        warnings = XLSXSheets.headed("Warnings", XLSXSheets.warningColumns, strings: strings)
        documents = XLSXSheets.headed("Documents", XLSXSheets.documentColumns, strings: strings)
    }

    mutating func begin(_ out: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        XLSXSheets.addTasks(of: document, to: &tasks)
        XLSXSheets.addMilestones(of: document, to: &milestones)
        XLSXSheets.addUnits(of: document, to: &units)
        XLSXSheets.addWarnings(of: document, to: &warnings)
        XLSXSheets.addDocument(document, to: &documents)
        for (table, heading) in document.tablesWithHeadings {
            tableCount += 1
            let sheet = XLSXSheets.tableSheet(table, number: tableCount, heading: heading,
                                              source: document.source.path, selected: false, strings: workbook.strings)
            workbook.add(sheet, rank: XLSXSheets.Rank.tables.rawValue)
        }
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {
        workbook.add(tasks, rank: XLSXSheets.Rank.tasks.rawValue)
        workbook.add(milestones, rank: XLSXSheets.Rank.milestones.rawValue)
        workbook.add(units, rank: XLSXSheets.Rank.units.rawValue)
        workbook.add(warnings, rank: XLSXSheets.Rank.warnings.rawValue)
        workbook.add(documents, rank: XLSXSheets.Rank.documents.rawValue)
        try out.write(workbook.finish())
    }
}
