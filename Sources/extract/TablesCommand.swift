import PlanParser

/// `extract tables FILE`: the document's tables as CSV, as printed.
struct TablesCommand {
    let options: Options

    func run() -> Int32 {
        let path = options.arguments[0]
        guard let document = Extract.load(path, options: options) else { return Extract.Status.inputError }
        var tables = document.tables
        if let n = options.table {
            guard n <= tables.count else {
                Console.err("error: \(path) has \(tables.count) table\(tables.count == 1 ? "" : "s"); there is no table \(n)\n")
                return Extract.Status.inputError
            }
            tables = [tables[n - 1]]
        }
        if tables.isEmpty {
            Console.err("warning: \(path) has no tables\n")
            return Extract.Status.ok
        }
        do {
            if let dir = options.output {
                try FileSystem.makeDirectory(dir)
                let stem = FileSystem.stem(path == "-" ? "stdin" : path)
                for (k, table) in tables.enumerated() {
                    let index = options.table ?? (k + 1)
                    let out = try OutputTarget(path: dir + "/" + stem + ".table-\(index).csv")
                    out.write(CSVExporter.table(table, bom: options.bom, guardFormulas: !options.rawCSV))
                    out.close()
                }
            } else {
                let out = try OutputTarget(path: nil)
                for (k, table) in tables.enumerated() {
                    if k > 0 { out.write("\r\n") }
                    out.write(CSVExporter.table(table, bom: options.bom && k == 0, guardFormulas: !options.rawCSV))
                }
                out.close()
            }
        } catch {
            Console.err("error: \(error.message)\n")
            return Extract.Status.inputError
        }
        return Extract.Status.ok
    }
}
