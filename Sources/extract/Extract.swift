import PlanParser

/// The `extract` command: parses options and runs the chosen subcommand.
enum Extract {
    /// Exit statuses (documented in README.md and `--help`).
    enum Status {
        static let ok: Int32 = 0
        /// An input could not be read or decoded (for `diff`: the plans differ).
        static let inputError: Int32 = 1
        /// Usage error (for `diff`: any trouble).
        static let usage: Int32 = 2
    }

    static func run(_ arguments: [String]) -> Int32 {
        let options: Options
        do {
            options = try Options.parse(arguments)
        } catch let exit as Options.Exit {
            switch exit {
            case .help(let command): Console.out(Help.text(for: command))
            case .version: Console.out(Help.version + "\n")
            }
            return Status.ok
        } catch let error as Options.UsageError {
            Console.err("""
                Error: \(error.message)
                Usage: \(Help.usage(for: error.command))
                  See 'extract \(error.command == .parse ? "" : error.command.rawValue + " ")--help' for more information.

                """)
            return Status.usage
        } catch {
            Console.err("Error: \(error)\n")
            return Status.usage
        }
        switch options.command {
        case .parse: return ParseCommand(options: options).run()
        case .outline: return OutlineCommand(options: options).run()
        case .tables: return TablesCommand(options: options).run()
        case .time: return TimeCommand(options: options).run()
        case .units: return UnitsCommand(options: options).run()
        case .diff: return DiffCommand(options: options).run()
        }
    }

    /// Reads and parses one input (`-` is standard input); reports a refusal on stderr.
    static func load(_ path: String, options: Options) -> PlanDocument? {
        do throws(PlanParseError) {
            if path == "-" {
                return try PlanDocument.parse(bytes: Console.readStandardInput(), path: "-", options: options.parseOptions)
            }
            return try PlanDocument.parse(contentsOf: path, options: options.parseOptions)
        } catch {
            report(error, path: path)
            return nil
        }
    }

    static func report(_ error: PlanParseError, path: String) {
        Console.err("\(path == "-" ? "<stdin>" : path): error: \(error.description)\n")
    }
}

extension Options {
    var parseOptions: ParseOptions {
        var o = ParseOptions(maxBytes: (maxSizeMB ?? 256) << 20)
        // `PLANPARSER_TIMING=1`: the time of each parsing stage on stderr (BENCHMARKS.md).
        if Console.environment("PLANPARSER_TIMING") != nil {
            o.stageTimer = { stage, seconds in Console.err("\(stage): \(Int(seconds * 1_000_000)) µs\n") }
        }
        return o
    }

    var exportOptions: ExportOptions {
        var e = ExportOptions()
        e.pretty = !compact
        e.byteOrderMark = bom
        e.guardFormulas = !rawCSV
        e.table = table
        e.listTasks = withTasks
        e.width = width
        return e
    }

    /// The output format of `subject` the options ask for (or its default).
    func outputFormat(_ subject: ExportSubject) -> OutputFormat {
        if let f = format, let named = OutputFormat.named(f.rawValue, for: subject) { return named }
        return OutputFormat.formats(for: subject)[0]
    }
}

/// Writes `documents` in `format` to `target`.
func export(_ documents: [PlanDocument], as format: OutputFormat, options: ExportOptions, to target: OutputTarget) throws(OutputError) {
    guard var exporter = format.documentExporter(options) else { return }
    let sink = target.sink
    try exporter.begin(sink)
    for d in documents { try exporter.add(d, sink) }
    try exporter.end(sink)
}
