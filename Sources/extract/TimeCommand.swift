import PlanParser

/// `extract time TEXT…`: one JSON line per text with its milestones.
struct TimeCommand {
    let options: Options

    func run() -> Int32 {
        for text in options.arguments {
            Console.out(TimeText.normalizedJSON(text, planYear: options.year) + [0x0A])
        }
        return Extract.Status.ok
    }
}
