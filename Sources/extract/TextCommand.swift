import PlanParser

/// `extract text FILE`: the canonical text the parser reads, which every `line` in the output
/// refers to (for a text file: decoded and cleaned).
///
/// On a terminal, control characters other than tab and line feed are shown escaped; to a file
/// or a pipe the bytes are exact.
struct TextCommand {
    let options: Options

    func run() -> Int32 {
        let path = options.arguments[0]
        if let refusal = OutputCheck.refusal(output: options.output, inputs: [path]) {
            Console.line(refusal)
            return Extract.Status.inputError
        }
        var text: [UInt8]
        do throws(PlanParseError) {
            text = try PlanDocument.canonicalText(bytes: Extract.read(path, options: options), options: options.parseOptions)
        } catch {
            Console.line(Extract.message(error, path: path))
            return Extract.Status.inputError
        }
        let toTerminal = (options.output == nil || options.output == "-") && Console.stdoutIsTerminal
        if toTerminal {
            text = Array(Console.escaped(String(decoding: text, as: UTF8.self), keepingTabs: true, keepingLineFeeds: true).utf8)
        }
        do throws(OutputError) {
            let out = try Output.to(options.output)
            try out.write(text)
            try out.commit()
        } catch {
            Console.line("error: \(error.description)")
            return Extract.Status.inputError
        }
        return Extract.Status.ok
    }
}
