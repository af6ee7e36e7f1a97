import PlanParser

/// `extract diff OLD NEW`: what changed in the tasks from one plan to the next.
///
/// Exit status as `diff(1)`: 0 no differences, 1 differences, 2 trouble (an input that
/// cannot be read or decoded, an output that cannot be written; usage errors exit 2 before
/// this runs).
struct DiffCommand {
    let options: Options

    enum Status {
        static let same: Int32 = 0
        static let different: Int32 = 1
        static let trouble: Int32 = 2
    }

    func run() -> Int32 {
        if let refusal = OutputCheck.refusal(output: options.output, inputs: options.arguments) {
            Console.line(refusal)
            return Status.trouble
        }
        let format = options.outputFormat(.diff, file: options.output)
        if format.isBinary, options.output == nil || options.output == "-", Console.stdoutIsTerminal {
            Console.line("error: '\(format.name)' is a binary format: write it to a file (-o changes.\(format.extensions.first ?? format.name)) or redirect standard output")
            return Status.trouble
        }
        // A text report names the files in its header: escaped like any terminal text.
        func name(_ path: String) -> String { format.isTerminalText ? Console.escaped(path) : path }
        guard let old = Extract.load(options.arguments[0], options: options, name: name(options.arguments[0])),
            let new = Extract.load(options.arguments[1], options: options, name: name(options.arguments[1]))
        else { return Status.trouble }
        let memory = MemoryProbe()
        let diff = PlanDiff.compare(old, new, stageTimer: options.parseOptions.stageTimer)
        memory.report()
        do throws(OutputError) {
            let out = try Output.to(options.output)
            var exportOptions = options.exportOptions
            exportOptions.color = useColor
            if format.isTerminalText { out.filter = TerminalFilter(allowsColour: exportOptions.color) }
            if let exporter = format.diffExporter(exportOptions) {
                try exporter.write(diff, out.sink)
            }
            try out.commit()
        } catch {
            Console.line("error: \(error.description)")
            return Status.trouble
        }
        Extract.keepUntilExit(old)
        Extract.keepUntilExit(new)
        return diff.hasDifferences ? Status.different : Status.same
    }

    /// `--color` / `--no-color` when given; else on for a terminal unless `NO_COLOR` is set
    /// (to anything non-empty, per no-color.org). Never when writing to a file.
    private var useColor: Bool {
        if let forced = options.color { return forced }
        if let o = options.output, o != "-" { return false }
        if let v = Console.environment("NO_COLOR"), !v.isEmpty { return false }
        return Console.stdoutIsTerminal
    }
}
