import PlanParser

/// `extract outline FILE`: the section tree as indented text.
struct OutlineCommand {
    let options: Options

    func run() -> Int32 {
        guard let document = Extract.load(options.arguments[0], options: options) else { return Extract.Status.inputError }
        do {
            let out = try OutputTarget(path: options.output)
            out.write(OutlineExporter.render(document, width: options.width))
            out.close()
        } catch {
            Console.err("error: \(error.message)\n")
            return Extract.Status.inputError
        }
        return Extract.Status.ok
    }
}
