import PlanParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `extract FILE… | DIR…`: parse plans, write them in any document format (or counts with
/// `--stats`).
///
/// Files are parsed in parallel (`--jobs`) and written in input order, each as soon as it and
/// all earlier ones are ready, through one exporter for the whole run (`begin` once, `add`
/// per document, `end`) — or, with `-o DIR`, one exporter and one file per input. At most
/// about twice `--jobs` parsed documents are alive at a time (``OrderedPipeline``).
struct ParseCommand {
    let options: Options

    /// One input: its path, and where its output goes with `-o DIR` (relative path).
    struct Input: Sendable {
        var path: String
        var relative: String
        /// Found by a folder walk: only a regular file is read.
        var walked: Bool
    }

    /// The outcome of one file, produced on a worker thread.
    enum Outcome: Sendable {
        case document(PlanDocument, bytesRead: Int)
        /// `-o DIR`: the worker wrote the document's own file (or reports why it could not).
        case written(bytesRead: Int, strictWarnings: [String], writeError: String?)
        case failure(String)
    }

    func run() -> Int32 {
        // 1. Inputs: files as given, folders searched.
        var walk = FolderWalk()
        var inputs: [Input] = []
        var sawFolder = false
        for arg in options.arguments {
            if arg != "-", FileSystem.isDirectory(arg) {
                sawFolder = true
                let before = walk.files.count
                walk.walk(arg)
                inputs += walk.files[before...].map { Input(path: $0.path, relative: $0.relative, walked: true) }
            } else {
                inputs.append(Input(path: arg, relative: arg == "-" ? "stdin.txt" : FileSystem.lastComponent(arg), walked: false))
            }
        }
        for note in walk.notes { Console.line(note) }
        for problem in walk.problems { Console.line(problem) }
        if inputs.isEmpty {
            let kinds = FileSystem.planExtensions.map { "." + $0 }.joined(separator: " or ")
            if walk.problems.isEmpty {
                Console.line("error: no \(kinds) files found in \(options.arguments.joined(separator: ", "))")
            }
            return Extract.Status.inputError
        }
        let many = inputs.count > 1 || sawFolder

        // 2. Where the output goes; refused up front when it would overwrite an input or
        //    two inputs would write the same file.
        var directory: String?
        if let o = options.output, o != "-" {
            if many, FileSystem.exists(o), !FileSystem.isDirectory(o) {
                Console.line("error: '\(o)' is not a directory (with several inputs or a folder, -o names a directory)")
                return Extract.Status.usage
            }
            if many || FileSystem.isDirectory(o) { directory = o }
        }
        let format = options.outputFormat(.documents, file: directory == nil ? options.output : nil)
        let extensionName = options.stats ? "stats.txt" : (format.extensions.first ?? format.name)
        let planned = inputs.map { FileSystem.droppingExtension($0.relative) + "." + extensionName }
        if let refusal = directory.map({ refusal(inputs: inputs, planned: planned, in: $0) })
            ?? OutputCheck.refusal(output: options.output, inputs: inputs.map(\.path)) {
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
        let started = Monotonic.now()
        var progress = Progress(total: inputs.count, enabled: Console.stderrIsTerminal, started: started)
        var stream: Stream?
        if directory == nil {
            do throws(OutputError) {
                stream = Stream(output: try Output.to(options.output), format: format, options: options, collection: many)
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
        let jobs = max(1, options.jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let options = self.options
        let all = inputs
        // With -o DIR every input has a file of its own: the workers write them (the syncs
        // overlap), and only the messages keep the input order.
        let ownFiles = directory.map { dir in (dir, format, planned) }
        OrderedPipeline.run(count: inputs.count, jobs: jobs, work: { k in
            let outcome = ParseCommand.outcome(all[k], options: options)
            guard let (dir, format, planned) = ownFiles, case .document(let document, let read) = outcome else { return outcome }
            return .written(
                bytesRead: read, strictWarnings: ParseCommand.strictWarnings(document, path: all[k].path, options: options),
                writeError: ParseCommand.writeOwnFile(document, to: dir, relative: planned[k], format: format, options: options))
        }, consume: { k, outcome in
            defer { progress.advance(bytes: bytesRead) }
            switch outcome {
            case .failure(let message):
                failed += 1
                progress.clearLine()
                Console.line(message)
            case .written(let read, let warnings, let writeError):
                bytesRead += read
                progress.clearLine()
                if !warnings.isEmpty { strict += 1 }
                for w in warnings { Console.line(w) }
                if let writeError {
                    failed += 1
                    Console.line(writeError)
                } else {
                    ok += 1
                }
            case .document(let document, let read):
                bytesRead += read
                let warnings = ParseCommand.strictWarnings(document, path: inputs[k].path, options: options)
                if !warnings.isEmpty {
                    strict += 1
                    progress.clearLine()
                    for w in warnings { Console.line(w) }
                }
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
                if inputs.count == 1 { Extract.keepUntilExit(document) }
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

    // MARK: - Refusals

    /// Why `-o DIR` cannot be written: two inputs would write one file (compared without
    /// case, since the folder may be copied to macOS or Windows), or an output is an input.
    private func refusal(inputs: [Input], planned: [String], in directory: String) -> String? {
        var seen: [String: Int] = [:]
        for (k, relative) in planned.enumerated() {
            // String comparison is by canonical equivalence, so NFC and NFD names clash too.
            let key = relative.lowercased()
            if let first = seen[key] {
                return "error: '\(inputs[first].path)' and '\(inputs[k].path)' would both be written to "
                    + "'\(directory)/\(planned[first])'; nothing was written"
            }
            seen[key] = k
        }
        return OutputCheck.refusal(outputs: planned.map { directory + "/" + $0 }, inputs: inputs.map(\.path))
    }

    // MARK: - Writing

    /// The whole run's output through one exporter (or the `--stats` counts).
    struct Stream {
        let output: Output
        var exporter: (any DocumentExporter)?
        var begun = false

        init(output: Output, format: OutputFormat, options: Options, collection: Bool) {
            self.output = output
            if !options.stats {
                var e = options.exportOptions
                e.collection = collection
                exporter = format.documentExporter(e)
            }
        }

        mutating func add(_ document: PlanDocument) throws(OutputError) {
            guard exporter != nil else {
                try output.write(Stats.text(document))
                return
            }
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

    /// With `--strict`: the lines for the document's warnings that mean lost content.
    static func strictWarnings(_ document: PlanDocument, path: String, options: Options) -> [String] {
        guard options.strict else { return [] }
        return document.warnings.filter { PlanDocument.strictWarningCodes.contains($0.code) }.map {
            "\(Console.name(path)):\($0.line): warning: \($0.message) [\($0.code)]"
        }
    }

    /// `-o DIR`: one file, one exporter per input (on a worker thread).
    /// - Returns: the error line when the file could not be written.
    private static func writeOwnFile(_ document: PlanDocument, to directory: String, relative: String,
                                     format: OutputFormat, options: Options) -> String? {
        do throws(OutputError) {
            try FileSystem.makeFolders(of: relative, in: directory)
            let out = try Output.file(directory + "/" + relative)
            if options.stats {
                try out.write(Stats.text(document))
            } else if var exporter = format.documentExporter(options.exportOptions) {
                try exporter.begin(out.sink)
                try exporter.add(document, out.sink)
                try exporter.end(out.sink)
            }
            try out.commit()
            return nil
        } catch {
            return "error: \(error.description)"
        }
    }

    /// Reads and parses one input (on a worker thread).
    private static func outcome(_ input: Input, options: Options) -> Outcome {
        do throws(PlanParseError) {
            let bytes = try Extract.read(input.path, options: options, regularFileOnly: input.walked)
            let document = try PlanDocument.parse(bytes: bytes, path: input.path, options: options.parseOptions)
            return .document(document, bytesRead: bytes.count)
        } catch {
            return .failure(Extract.message(error, path: input.path))
        }
    }
}

/// `--stats`: the counts that tell whether a document parsed well.
enum Stats {
    static func text(_ d: PlanDocument) -> String {
        func count(_ o: PlanTask.Origin) -> Int { d.tasks.filter { $0.origin == o }.count }
        return """
            \(Console.escaped(d.source.path))
              tasks: \(d.tasks.count) (table \(count(.table)), fields \(count(.fields)), prose \(count(.prose)))
              targets: \(d.targets.count)
              warnings: \(d.warnings.count)
              leftovers: \(d.leftovers.count)
              furniture: \(d.furniture.count)

            """
    }
}

/// Files done / total and MB/s on stderr, only on a terminal and only after the first second.
struct Progress {
    let total: Int
    let enabled: Bool
    let started: Double
    private var done = 0
    private var lastDraw = 0.0
    private var drawn = false

    init(total: Int, enabled: Bool, started: Double) {
        self.total = total
        self.enabled = enabled
        self.started = started
    }

    mutating func advance(bytes: Int) {
        done += 1
        guard enabled else { return }
        let now = Monotonic.now()
        guard now - started >= 1, now - lastDraw >= 0.2 || done == total else { return }
        lastDraw = now
        let rate = Double(bytes) / 1_048_576 / max(now - started, 0.001)
        Console.err("\r\(done)/\(total) files, \(Format.fixed(rate, 1)) MB/s\u{1B}[K")
        drawn = true
    }

    mutating func clearLine() {
        if drawn {
            Console.err("\r\u{1B}[K")
            drawn = false
        }
    }
}

enum Monotonic {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

enum Format {
    /// `value` with `digits` decimals, without Foundation's String(format:).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((value * scale).rounded())
        let whole = n / Int(scale)
        let frac = abs(n % Int(scale))
        guard digits > 0 else { return String(whole) }
        let f = String(frac)
        return "\(whole).\(String(repeating: "0", count: digits - f.count))\(f)"
    }
}
