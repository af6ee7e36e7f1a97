import PlanParser

/// `extract units FILE`: the workload view.
struct UnitsCommand {
    let options: Options

    func run() -> Int32 {
        Console.err("error: not implemented yet\n")
        return Extract.Status.usage
    }
}
