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
        do throws(OutputError) {
            if let dir = options.output {
                try FileSystem.makeDirectory(dir)
                let stem = FileSystem.stem(path == "-" ? "stdin" : path)
                for k in tables.indices {
                    let index = options.table ?? (k + 1)
                    let out = try OutputTarget(path: dir + "/" + stem + ".table-\(index).csv")
                    var one = options.exportOptions
                    one.table = index
                    try export([document], as: options.outputFormat(.tables), options: one, to: out)
                    out.close()
                }
            } else {
                let out = try OutputTarget(path: nil)
                try export([document], as: options.outputFormat(.tables), options: options.exportOptions, to: out)
                out.close()
            }
        } catch {
            Console.err("error: \(error.description)\n")
            return Extract.Status.inputError
        }
        return Extract.Status.ok
    }
}
