import PlanParser

/// `extract units FILE`: the workload view — tasks led and supported per unit.
struct UnitsCommand {
    let options: Options

    func run() -> Int32 {
        guard let document = Extract.load(options.arguments[0], options: options) else { return Extract.Status.inputError }
        let units = UnitWorkload.compute(document)
        do {
            let out = try OutputTarget(path: options.output)
            switch options.format ?? .text {
            case .csv:
                out.write(WorkloadExporter.csv(units, tasks: options.withTasks, bom: options.bom, guardFormulas: !options.rawCSV))
            case .json:
                out.write(WorkloadExporter.json(units, document: document, tasks: options.withTasks))
            default:
                out.write(WorkloadExporter.text(units, document: document, tasks: options.withTasks))
            }
            out.close()
        } catch {
            Console.err("error: \(error.message)\n")
            return Extract.Status.inputError
        }
        return Extract.Status.ok
    }
}
