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
        guard let old = Extract.load(options.arguments[0], options: options),
            let new = Extract.load(options.arguments[1], options: options)
        else { return Status.trouble }
        let diff = PlanDiff.compare(old, new)
        do throws(OutputError) {
            let out = try OutputTarget(path: options.output)
            defer { out.close() }
            var exportOptions = options.exportOptions
            exportOptions.color = useColor
            if let exporter = options.outputFormat(.diff).diffExporter(exportOptions) {
                try exporter.write(diff, out.sink)
            }
        } catch {
            Console.err("error: \(error.description)\n")
            return Status.trouble
        }
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
