import PlanParser

/// `extract FILE… | DIR…`: parse plans, write them in any document format (or counts with
/// `--stats`), through the shared ``Batch`` run: in parallel, in input order, through one
/// exporter for the whole run or one file per input with `-o DIR`.
struct ParseCommand {
    let options: Options

    func run() -> Int32 {
        let job = Batch.Job(
            subject: .documents, format: options.stats ? Stats.format : nil,
            review: { document, path, options in
                let warnings = ParseCommand.strictWarnings(document, path: path, options: options)
                return Batch.Review(messages: warnings, strict: !warnings.isEmpty)
            })
        return Batch(options: options, job: job).run()
    }

    /// With `--strict`: the lines for the document's warnings that mean lost content.
    static func strictWarnings(_ document: PlanDocument, path: String, options: Options) -> [String] {
        guard options.strict else { return [] }
        return document.warnings.filter { PlanDocument.strictWarningCodes.contains($0.code) }.map {
            "\(Console.name(path)):\($0.line): warning: \($0.message) [\($0.code)]"
        }
    }
}

/// `--stats`: the counts that tell whether a document parsed well, as a format of the CLI's own
/// (not in ``OutputFormat/all``, so not a `--format` value): with `-o DIR` each input gets
/// `<name>.stats.txt`, never `<name>.txt`, which could be the input.
enum Stats {
    static let format = OutputFormat(
        name: "stats", subject: .documents, extensions: ["stats.txt"], summary: "counts per document",
        maker: .documents { _ in Exporter() })

    struct Exporter: DocumentExporter {
        mutating func begin(_ out: OutputSink) throws(OutputError) {}
        mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
            try out.write(Stats.text(document))
        }
        mutating func end(_ out: OutputSink) throws(OutputError) {}
    }

    static func text(_ d: PlanDocument) -> String {
        // By index: a task record is large, and binding each one would copy it.
        func count(_ o: PlanTask.Origin) -> Int { d.tasks.indices.reduce(0) { d.tasks[$1].origin == o ? $0 + 1 : $0 } }
        // Assignments are counted only where there are some: plans shaped like the samples keep their line.
        let assigned = count(.assignment)
        let assignments = assigned > 0 ? ", assignment \(assigned)" : ""
        return """
            \(Console.escaped(d.source.path))
              tasks: \(d.tasks.count) (table \(count(.table)), fields \(count(.fields)), prose \(count(.prose))\(assignments))
              targets: \(d.targets.count)
              warnings: \(d.warnings.count)
              leftovers: \(d.leftovers.count)
              furniture: \(d.furniture.count)

            """
    }
}
