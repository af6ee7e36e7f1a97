import PlanParser

/// `extract outline FILE` and `extract units FILE`: one document, written in a format of the
/// subcommand's subject to standard output or `-o FILE`.
struct DocumentCommand {
    let options: Options
    let subject: ExportSubject

    func run() -> Int32 {
        let path = options.arguments[0]
        if let refusal = OutputCheck.refusal(output: options.output, inputs: [path]) {
            Console.line(refusal)
            return Extract.Status.inputError
        }
        guard let document = Extract.load(path, options: options) else { return Extract.Status.inputError }
        let format = options.outputFormat(subject, file: options.output)
        do throws(OutputError) {
            let out = try Output.to(options.output)
            if format.isTerminalText { out.filter = TerminalFilter(allowsColour: false) }
            if var exporter = format.documentExporter(options.exportOptions) {
                try exporter.begin(out.sink)
                try exporter.add(document, out.sink)
                try exporter.end(out.sink)
            }
            try out.commit()
        } catch {
            Console.line("error: \(error.description)")
            return Extract.Status.inputError
        }
        Extract.keepUntilExit(document)
        return Extract.Status.ok
    }
}
