import PlanParser

/// `extract FILE…`: parse plans, write JSON, NDJSON or CSV (or counts with `--stats`).
struct ParseCommand {
    let options: Options

    func run() -> Int32 {
        var inputs: [String] = []
        for arg in options.arguments {
            if arg != "-", FileSystem.isDirectory(arg) {
                inputs += FileSystem.textFiles(under: arg)
            } else {
                inputs.append(arg)
            }
        }
        var failed = 0
        var documents: [PlanDocument] = []
        for path in inputs {
            if let d = Extract.load(path, options: options) {
                documents.append(d)
            } else {
                failed += 1
            }
        }
        do {
            let out = try OutputTarget(path: options.output)
            defer { out.close() }
            if options.stats {
                for d in documents { out.write(Stats.text(d)) }
            } else {
                switch options.format ?? .json {
                case .csv:
                    out.write(CSVExporter.tasks(documents, bom: options.bom, guardFormulas: !options.rawCSV))
                case .ndjson:
                    for d in documents { out.write(d.jsonBytes(pretty: false) + [0x0A]) }
                default:
                    if inputs.count == 1, let d = documents.first {
                        out.write(d.jsonBytes(pretty: !options.compact))
                    } else if inputs.count > 1 {
                        // Several inputs: one JSON array of documents.
                        out.write("[")
                        for (k, d) in documents.enumerated() {
                            if k > 0 { out.write(",") }
                            out.write(d.jsonBytes(pretty: false))
                        }
                        out.write("]\n")
                    }
                }
            }
        } catch {
            Console.err("error: \(error.message)\n")
            return Extract.Status.inputError
        }
        return failed > 0 ? Extract.Status.inputError : Extract.Status.ok
    }
}

/// `--stats`: the counts that tell whether a document parsed well.
enum Stats {
    static func text(_ d: PlanDocument) -> String {
        func count(_ o: PlanTask.Origin) -> Int { d.tasks.filter { $0.origin == o }.count }
        return """
            \(d.source.path)
              tasks: \(d.tasks.count) (table \(count(.table)), fields \(count(.fields)), prose \(count(.prose)))
              targets: \(d.targets.count)
              warnings: \(d.warnings.count)
              leftovers: \(d.leftovers.count)
              furniture: \(d.furniture.count)

            """
    }
}
