import PlanParser

/// `extract tables FILE`: the document's tables, as printed; with `-o DIR` one file per table.
struct TablesCommand {
    let options: Options

    func run() -> Int32 {
        let path = options.arguments[0]
        guard let document = Extract.load(path, options: options) else { return Extract.Status.inputError }
        let count = document.tables.count
        if let n = options.table, n > count {
            Console.line("error: \(Console.name(path)) has \(count) table\(count == 1 ? "" : "s"); there is no table \(n)")
            return Extract.Status.inputError
        }
        if count == 0 {
            Console.line("warning: \(Console.name(path)) has no tables")
            return Extract.Status.ok
        }
        let format = options.outputFormat(.tables)
        let numbers = options.table.map { [$0] } ?? Array(1...count)
        do throws(OutputError) {
            if let dir = options.output, dir != "-" {
                let stem = FileSystem.stem(path == "-" ? "stdin" : path)
                let ext = format.extensions.first ?? format.name
                let files = numbers.map { "\(stem).table-\($0).\(ext)" }
                if let refusal = OutputCheck.refusal(outputs: files.map { dir + "/" + $0 }, inputs: [path]) {
                    Console.line(refusal)
                    return Extract.Status.inputError
                }
                try FileSystem.makeDirectory(dir)
                for (n, file) in zip(numbers, files) {
                    var one = options.exportOptions
                    one.table = n
                    try write(document, format: format, options: one, to: Output.file(dir + "/" + file))
                }
            } else {
                if let refusal = OutputCheck.refusal(output: nil, inputs: [path]) {
                    Console.line(refusal)
                    return Extract.Status.inputError
                }
                try write(document, format: format, options: options.exportOptions, to: .standardOutput)
            }
        } catch {
            Console.line("error: \(error.description)")
            return Extract.Status.inputError
        }
        return Extract.Status.ok
    }

    private func write(_ document: PlanDocument, format: OutputFormat, options: ExportOptions, to out: Output) throws(OutputError) {
        if var exporter = format.documentExporter(options) {
            try exporter.begin(out.sink)
            try exporter.add(document, out.sink)
            try exporter.end(out.sink)
        }
        try out.commit()
    }
}
