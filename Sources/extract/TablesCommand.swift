import PlanParser

/// `extract tables FILE…`: the documents' tables as printed, through the shared ``Batch`` run.
///
/// Standard output or `-o FILE.csv` gets every table of every input (an empty line between
/// tables), `-o FILE.xlsx` one workbook; `-o DIR` gets one file per table
/// (`<name>.table-<N>.csv`, ``OutputFormat/oneTablePerFile``) or one workbook per input. A
/// document without tables is a warning; `--table N` beyond a document's tables fails that input.
struct TablesCommand {
    let options: Options

    func run() -> Int32 {
        let job = Batch.Job(subject: .tables, outputIsDirectory: true, review: { document, path, options in
            let count = document.tableCount
            if let n = options.table, n > count {
                return Batch.Review(failure: "error: \(Console.name(path)) has \(count) table\(count == 1 ? "" : "s"); there is no table \(n)")
            }
            if count == 0 { return Batch.Review(messages: ["warning: \(Console.name(path)) has no tables"]) }
            return Batch.Review()
        })
        return Batch(options: options, job: job).run()
    }
}
