import PlanParser

/// `extract outline FILE`: the section tree as indented text.
struct OutlineCommand {
    let options: Options

    func run() -> Int32 {
        guard let document = Extract.load(options.arguments[0], options: options) else { return Extract.Status.inputError }
        do throws(OutputError) {
            let out = try OutputTarget(path: options.output)
            try export([document], as: options.outputFormat(.outline), options: options.exportOptions, to: out)
            out.close()
        } catch {
            Console.err("error: \(error.description)\n")
            return Extract.Status.inputError
        }
        return Extract.Status.ok
    }
}
