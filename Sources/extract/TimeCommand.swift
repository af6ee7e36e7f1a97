import PlanParser

/// `extract time TEXT…`: one JSON line per text with its milestones; `-` reads one text per
/// line from standard input.
struct TimeCommand {
    let options: Options

    func run() -> Int32 {
        let out = Output.standardOutput
        do throws(OutputError) {
            for text in options.arguments {
                if text == "-" {
                    let bytes: [UInt8]
                    do throws(PlanParseError) {
                        bytes = try InputBytes.standardInput(limit: options.maxBytes)
                    } catch {
                        Console.line(Extract.message(error, path: "-"))
                        return Extract.Status.inputError
                    }
                    for line in bytes.split(separator: 0x0A) {
                        let cut = line.last == 0x0D ? line.dropLast() : line[...]
                        let text = String(decoding: cut, as: UTF8.self)
                        if text.allSatisfy(\.isWhitespace) { continue }
                        try out.write(TimeText.normalizedJSON(text, planYear: options.year) + [0x0A])
                    }
                } else {
                    try out.write(TimeText.normalizedJSON(text, planYear: options.year) + [0x0A])
                }
            }
        } catch {
            Console.line("error: \(error.description)")
            return Extract.Status.inputError
        }
        return Extract.Status.ok
    }
}
