import PlanParser

/// `extract outline FILE…` and `extract units FILE…`: documents written in a format of the
/// subcommand's subject, through the shared ``Batch`` run — standard output or `-o FILE` for
/// all inputs (text formats head each document with `== path ==`), or one file per input
/// with `-o DIR`.
struct DocumentCommand {
    let options: Options
    let subject: ExportSubject

    func run() -> Int32 {
        Batch(options: options, job: Batch.Job(subject: subject)).run()
    }
}
