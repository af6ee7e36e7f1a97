import PlanParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inputs → documents → exporter(s) → outputs: the one run behind `extract FILE…`,
/// `extract outline`, `extract tables` and `extract units`.
///
/// 1. **Inputs**: files as given, folders searched (``FolderWalk``: every extension of
///    ``InputFormat/all``, links, loops, FIFOs and unreadable entries handled and reported).
/// 2. **Destination** (``Destination``): standard output or one `-o FILE` for the whole run,
///    or `-o DIR` with one output per input at the same relative path; refused up front when an
///    output would overwrite an input or two inputs would write the same file.
/// 3. **Documents**: parsed on `--jobs` threads and handed over in input order
///    (``OrderedPipeline``), each as soon as it and every earlier one are ready. With one
///    output, **one exporter** gets them all (`begin`, `add` per document, `end`: one JSON
///    array, one CSV header, one workbook); with `-o DIR` every input gets its own exporter and
///    file, written by the worker that parsed it. At most about twice `--jobs` parsed documents
///    are alive at a time.
/// 4. **Status**: 1 when an input, a folder entry or an output failed (every other input is
///    still written), else 3 for a `--strict` warning, else 0; several inputs end with a
///    one-line summary on stderr.
///
/// A subcommand only says what is special about it (``Job``): its subject, a format of its own
/// (`--stats`), and what to check in each document before it is written.
struct Batch {
    let options: Options
    let job: Job

    /// What a subcommand adds to the shared run.
    struct Job: Sendable {
        /// What the outputs are about: picks `--format`, `-o FILE`'s format and the exporters.
        var subject: ExportSubject
        /// The format to write whatever `--format` and `-o` say (`--stats`).
        var format: OutputFormat?
        /// `-o PATH` without a format's extension names a directory even for one input
        /// (`tables`, whose CSV outputs are one file per table).
        var outputIsDirectory = false
        /// Looks at each parsed document before it is written (on a worker thread).
        var review: @Sendable (_ document: PlanDocument, _ path: String, _ options: Options) -> Review = { _, _, _ in Review() }
    }

    /// What ``Job/review`` found in a document.
    struct Review: Sendable {
        /// Lines for standard error (warnings).
        var messages: [String] = []
        /// The input fails with this line, and nothing is written for it.
        var failure: String?
        /// A warning that `--strict` turns into status 3.
        var strict = false
    }

    /// One input: its path, and where its output goes with `-o DIR` (relative path).
    struct Input: Sendable {
        var path: String
        var relative: String
        /// Found by a folder walk: only a regular file is read.
        var walked: Bool
    }

    /// Where the outputs go.
    enum Destination: Equatable {
        /// One output for the whole run: standard output (`nil`) or a file.
        case one(String?)
        /// One output per input (per table for ``OutputFormat/oneTablePerFile``) in this folder.
        case directory(String)
    }

    /// The outcome of one input, produced on a worker thread.
    enum Outcome: Sendable {
        case document(PlanDocument, bytesRead: Int, review: Review)
        /// `-o DIR`: the worker wrote the input's own files (or reports why it could not).
        case written(bytesRead: Int, review: Review, writeError: String?)
        /// Lines for standard error; nothing was written for the input.
        case failure([String])
    }

    func run() -> Int32 {
        // 1. Inputs: files as given, folders searched.
        let (inputs, walk, sawFolder) = Self.collect(options.arguments)
        for note in walk.notes { Console.line(note) }
        for problem in walk.problems { Console.line(problem) }
        if inputs.isEmpty {
            // Text first, then the other formats: "no .txt, .docx, …, .html or .htm files".
            let all = FileSystem.planExtensions
            let names = (all.filter { $0 == "txt" } + all.filter { $0 != "txt" }).map { "." + $0 }
            let kinds = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
            if walk.problems.isEmpty {
                Console.line("error: no \(kinds) files found in \(options.arguments.joined(separator: ", "))")
            }
            return Extract.Status.inputError
        }
        let many = inputs.count > 1 || sawFolder

        // 2. Where the outputs go; refused up front when one would overwrite an input or two
        //    inputs would write the same file.
        let destination: Destination
        switch Self.destination(options.output, many: many, subject: job.subject, outputIsDirectory: job.outputIsDirectory,
                                command: options.command) {
        case .success(let d): destination = d
        case .failure(let usage):
            Console.line("error: \(usage.message)")
            return Extract.Status.usage
        }
        var directory: String?
        if case .directory(let d) = destination { directory = d }
        let format = job.format ?? options.outputFormat(job.subject, file: directory == nil ? options.output : nil)
        // A workbook is a zip: never pour one onto a terminal.
        if format.isBinary, directory == nil, options.output == nil || options.output == "-", Console.stdoutIsTerminal {
            Console.line("error: '\(format.name)' is a binary format: write it to a file (-o out.\(format.extensions.first ?? format.name)) or redirect standard output")
            return Extract.Status.usage
        }
        // `plan.txt` beside `plan.docx`: the Word file's output keeps its extension
        // (`plan.docx.json`), so the two never claim one file. Only `-o DIR` names files after
        // the inputs: one output has no stems to work out.
        let stems = directory == nil ? [] : Self.stems(of: inputs)
        let names = OutputNames(format: format)
        let refusal = if let directory {
            names.refusal(inputs: inputs, stems: stems, in: directory)
        } else {
            OutputCheck.refusal(output: options.output, inputs: inputs.map(\.path))
        }
        if let refusal {
            Console.line(refusal)
            return Extract.Status.inputError
        }
        if let directory {
            do throws(OutputError) { try FileSystem.makeDirectory(directory) } catch {
                Console.line("error: \(error.description)")
                return Extract.Status.inputError
            }
        }

        // 3. Parse in parallel, write in input order.
        let jobs = max(1, options.jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let started = Monotonic.now()
        var progress = Progress(total: inputs.count, enabled: Console.stderrIsTerminal, started: started)
        var stream: Stream?
        if case .one(let path) = destination {
            do throws(OutputError) {
                var e = options.exportOptions
                e.collection = many
                // One input: its output is written on the jobs' threads too.
                if !many { e.threads = jobs }
                stream = Stream(output: try Output.to(path), format: format, options: e)
            } catch {
                Console.line("error: \(error.description)")
                return Extract.Status.inputError
            }
        }
        var ok = 0
        var failed = 0
        var strict = 0
        var bytesRead = 0
        var fatal: OutputError?
        let options = {
            var o = self.options
            // One input: the jobs' threads go to its parse instead.
            if inputs.count == 1 { o.parseThreads = jobs }
            return o
        }()
        let job = self.job
        let all = inputs
        // With -o DIR every input has files of its own: the workers write them (the syncs
        // overlap), and only the messages keep the input order.
        let ownFiles = directory.map { dir in (dir, names, stems) }
        OrderedPipeline.run(count: inputs.count, jobs: jobs, work: { k in
            let outcome = Self.outcome(all[k], job: job, options: options)
            guard let (dir, names, stems) = ownFiles, case .document(let document, let read, let review) = outcome else {
                return outcome
            }
            let files = names.files(for: document, stem: stems[k], subject: job.subject, options: options.exportOptions)
            return .written(bytesRead: read, review: review, writeError: Self.write(document, files: files, in: dir, format: names.format))
        }, consume: { k, outcome in
            defer { progress.advance(bytes: bytesRead) }
            func report(_ review: Review) {
                if review.strict { strict += 1 }
                guard !review.messages.isEmpty else { return }
                progress.clearLine()
                for line in review.messages { Console.line(line) }
            }
            switch outcome {
            case .failure(let lines):
                failed += 1
                progress.clearLine()
                for line in lines { Console.line(line) }
            case .written(let read, let review, let writeError):
                bytesRead += read
                report(review)
                if let writeError {
                    failed += 1
                    progress.clearLine()
                    Console.line(writeError)
                } else {
                    ok += 1
                }
            case .document(let document, let read, let review):
                bytesRead += read
                report(review)
                if var s = stream {
                    do throws(OutputError) {
                        try s.add(document)
                        stream = s
                        ok += 1
                    } catch {
                        fatal = error
                        return false
                    }
                }
                // One input: the process ends soon; skip tearing the document down (hundreds of
                // thousands of small objects for a large file), the system frees it at exit.
                if all.count == 1 { Extract.keepUntilExit(document) }
            }
            return true
        })
        if fatal == nil, var s = stream {
            do throws(OutputError) {
                if ok > 0 || many {
                    try s.finish()
                } else {
                    s.output.discard()  // a single input that failed: no output at all
                }
            } catch {
                fatal = error
            }
        }
        progress.clearLine()
        if let fatal {
            stream?.output.discard()
            Console.line("error: \(fatal.description)")
            return Extract.Status.inputError
        }
        failed += walk.problems.count
        if many {
            let mb = Double(bytesRead) / 1_048_576
            let seconds = Monotonic.now() - started
            Console.err("extract: \(ok) file\(ok == 1 ? "" : "s") ok, \(failed) failed, \(Format.fixed(mb, 1)) MB in \(Format.fixed(seconds, 2)) s\n")
        }
        if failed > 0 { return Extract.Status.inputError }
        return strict > 0 ? Extract.Status.strict : Extract.Status.ok
    }

    // MARK: - Inputs and destination

    /// The inputs of `arguments`: files as given (`-` is standard input), folders searched.
    static func collect(_ arguments: [String]) -> (inputs: [Input], walk: FolderWalk, sawFolder: Bool) {
        var walk = FolderWalk()
        var inputs: [Input] = []
        var sawFolder = false
        for arg in arguments {
            if arg != "-", FileSystem.isDirectory(arg) {
                sawFolder = true
                let before = walk.files.count
                walk.walk(arg)
                inputs += walk.files[before...].map { Input(path: $0.path, relative: $0.relative, walked: true) }
            } else {
                inputs.append(Input(path: arg, relative: arg == "-" ? "stdin.txt" : FileSystem.lastComponent(arg), walked: false))
            }
        }
        return (inputs, walk, sawFolder)
    }

    /// The names of the inputs' outputs without extension: the relative path without its
    /// extension, or with it when another input has the same stem and this one is no `.txt`.
    static func stems(of inputs: [Input]) -> [String] {
        var stemCounts: [String: Int] = [:]
        for input in inputs { stemCounts[FileSystem.droppingExtension(input.relative).lowercased(), default: 0] += 1 }
        return inputs.map { input in
            let stem = FileSystem.droppingExtension(input.relative)
            let clash = stemCounts[stem.lowercased(), default: 0] > 1 && !input.relative.lowercased().hasSuffix(".txt")
            return clash ? input.relative : stem
        }
    }

    struct UsageProblem: Error {
        var message: String
    }

    /// Where `-o output` sends the run's outputs.
    ///
    /// - no `-o`, or `-o -`: standard output;
    /// - an existing directory, or a path ending in `/`: one output per input in it;
    /// - a path whose extension names a format of `subject` (`all.csv`, `book.xlsx`): one file;
    /// - any other path: one file for one input, a directory (made when missing) for several
    ///   inputs or a folder — or always, with `outputIsDirectory`; an existing file there is a
    ///   usage error, since it cannot become a directory.
    static func destination(_ output: String?, many: Bool, subject: ExportSubject, outputIsDirectory: Bool,
                            command: Options.Command) -> Result<Destination, UsageProblem> {
        guard let o = output, o != "-" else { return .success(.one(nil)) }
        if FileSystem.isDirectory(o) || o.hasSuffix("/") { return .success(.directory(o)) }
        if OutputFormat.forFile(o, subject: subject) != nil { return .success(.one(o)) }
        if !many && !outputIsDirectory { return .success(.one(o)) }
        if FileSystem.exists(o) {
            let extensions = OutputFormat.formats(for: subject).flatMap(\.extensions).map { "." + $0 }
            return .failure(UsageProblem(message: "'\(o)' is not a directory ("
                + (many ? "with several inputs or a folder" : "for '\(command.invocation)'") + ", -o names a directory unless it ends in \(extensions.joined(separator: ", ")))"))
        }
        return .success(.directory(o))
    }

    // MARK: - Working on one input

    /// Reads, parses and reviews one input (on a worker thread).
    private static func outcome(_ input: Input, job: Job, options: Options) -> Outcome {
        do throws(PlanParseError) {
            let bytes = try Extract.read(input.path, options: options, regularFileOnly: input.walked)
            let size = bytes.count
            let document = try PlanDocument.parse(bytes: consume bytes, path: input.path, options: options.parseOptions)
            let review = job.review(document, input.path, options)
            if let failure = review.failure { return .failure(review.messages + [failure]) }
            return .document(document, bytesRead: size, review: review)
        } catch {
            return .failure([Extract.message(error, path: input.path)])
        }
    }

    /// `-o DIR`: the files of one input, each through an exporter of its own (on a worker thread).
    /// - Returns: the error line when a file could not be written.
    private static func write(_ document: PlanDocument, files: [OutputNames.File], in directory: String,
                              format: OutputFormat) -> String? {
        do throws(OutputError) {
            for file in files {
                try FileSystem.makeFolders(of: file.relative, in: directory)
                let out = try Output.file(directory + "/" + file.relative)
                if format.isTerminalText { out.filter = TerminalFilter(allowsColour: false) }
                if var exporter = format.documentExporter(file.options) {
                    try exporter.begin(out.sink)
                    try exporter.add(document, out.sink)
                    try exporter.end(out.sink)
                }
                try out.commit()
            }
            return nil
        } catch {
            return "error: \(error.description)"
        }
    }

    /// The whole run's output through one exporter.
    struct Stream {
        let output: Output
        var exporter: (any DocumentExporter)?
        var begun = false

        init(output: Output, format: OutputFormat, options: ExportOptions) {
            self.output = output
            if format.isTerminalText { output.filter = TerminalFilter(allowsColour: false) }
            exporter = format.documentExporter(options)
        }

        mutating func add(_ document: PlanDocument) throws(OutputError) {
            guard exporter != nil else { return }
            if !begun {
                try exporter!.begin(output.sink)
                begun = true
            }
            try exporter!.add(document, output.sink)
        }

        mutating func finish() throws(OutputError) {
            if exporter != nil {
                if !begun { try exporter!.begin(output.sink) }
                try exporter!.end(output.sink)
            }
            try output.commit()
        }
    }
}

/// The files `-o DIR` gets for each input: `<relative stem>.<extension>`, or for a format that
/// holds one table per file (``OutputFormat/oneTablePerFile``) `<relative stem>.table-<N>.<extension>`.
///
/// An extension that plan files have too (`.txt` for outline and units text) gets the subject
/// before it — `plan.outline.txt`, `plan.units.txt` — so an output is never `plan.txt`, which
/// could be the input or be taken for a plan by the next folder walk.
struct OutputNames: Sendable {
    let format: OutputFormat
    let fileExtension: String

    init(format: OutputFormat) {
        self.format = format
        let ext = format.extensions.first ?? format.name
        // `stats.txt` says what it is already.
        fileExtension = FileSystem.isPlanFile("x." + ext) && !ext.contains(".") ? format.subject.rawValue + "." + ext : ext
    }

    struct File {
        var relative: String
        var options: ExportOptions
    }

    /// How the outputs of the input with `stem` are named in messages.
    func pattern(_ stem: String) -> String {
        format.oneTablePerFile ? "\(stem).table-<n>.\(fileExtension)" : "\(stem).\(fileExtension)"
    }

    /// The files of one parsed document. A `tables` document without tables gets none.
    func files(for document: PlanDocument, stem: String, subject: ExportSubject, options: ExportOptions) -> [File] {
        guard subject == .tables else { return [File(relative: "\(stem).\(fileExtension)", options: options)] }
        let numbers = options.table.map { [$0] } ?? Array(0..<document.tableCount).map { $0 + 1 }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 <= document.tableCount }) else { return [] }
        guard format.oneTablePerFile else { return [File(relative: "\(stem).\(fileExtension)", options: options)] }
        return numbers.map { n in
            var one = options
            one.table = n
            return File(relative: "\(stem).table-\(n).\(fileExtension)", options: one)
        }
    }

    /// Why `-o DIR` cannot be written: two inputs would write one file (compared without
    /// case, since the folder may be copied to macOS or Windows), or an output is an input.
    func refusal(inputs: [Batch.Input], stems: [String], in directory: String) -> String? {
        var seen: [String: Int] = [:]
        for (k, stem) in stems.enumerated() {
            // String comparison is by canonical equivalence, so NFC and NFD names clash too.
            let key = stem.lowercased()
            if let first = seen[key] {
                return "error: '\(inputs[first].path)' and '\(inputs[k].path)' would both be written to "
                    + "'\(directory)/\(pattern(stems[first]))'; nothing was written"
            }
            seen[key] = k
        }
        let outputs: [String]
        if format.oneTablePerFile {
            // The tables are not counted yet: every file already there that one could replace.
            outputs = stems.flatMap { stem in
                existingTableFiles(directory + "/" + stem)
            }
        } else {
            outputs = stems.map { directory + "/" + $0 + "." + fileExtension }
        }
        return OutputCheck.refusal(outputs: outputs, inputs: inputs.map(\.path))
    }

    /// The files named `<base>.table-<digits>.<extension>` (any case) next to `stemPath`.
    private func existingTableFiles(_ stemPath: String) -> [String] {
        let slash = stemPath.lastIndex(of: "/")!
        let folder = String(stemPath[..<slash])
        let prefix = (stemPath[stemPath.index(after: slash)...] + ".table-").lowercased()
        let suffix = "." + fileExtension.lowercased()
        return FileSystem.names(in: folder).filter { name in
            let lower = name.lowercased()
            guard lower.hasPrefix(prefix), lower.hasSuffix(suffix), lower.count > prefix.count + suffix.count else { return false }
            return lower.dropFirst(prefix.count).dropLast(suffix.count).allSatisfy(\.isASCIIDigit)
        }.map { folder + "/" + $0 }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
