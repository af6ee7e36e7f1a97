import PlanParser

/// `extract diff OLD NEW`.
struct DiffCommand {
    let options: Options

    func run() -> Int32 {
        Console.err("error: not implemented yet\n")
        return Extract.Status.usage
    }
}
