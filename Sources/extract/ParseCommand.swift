import Dispatch
import PlanParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `extract FILE… | DIR…`: parse plans, write JSON, NDJSON or CSV (or counts with `--stats`).
///
/// Files are parsed in parallel (`--jobs`), a window at a time, and written in input order, so
/// the output never depends on scheduling and memory stays bounded by the window.
struct ParseCommand {
    let options: Options

    /// One input: its path, and where its output goes with `-o DIR` (relative path).
    struct Input {
        var path: String
        var relative: String
        /// The output is named `plan.docx.json`, not `plan.json` (a `plan.txt` is beside it).
        var keepsExtension = false
    }

    /// The outcome of one file, produced on a worker thread.
    enum Outcome {
        case output([UInt8], bytesRead: Int)
        case failure(String)
    }

    func run() -> Int32 {
        let inputs = expandInputs()
        if inputs.isEmpty {
            Console.err("error: no .txt files found in \(options.arguments.joined(separator: ", "))\n")
            return Extract.Status.inputError
        }
        let many = inputs.count > 1 || options.arguments.contains { $0 != "-" && FileSystem.isDirectory($0) }
        if !many, !options.stats, options.output.map(FileSystem.isDirectory) != true {
            return runSingle(inputs[0].path)
        }
        return runBatch(inputs, toDirectory: options.output != nil && many || options.output.map(FileSystem.isDirectory) == true)
    }

    // MARK: - Inputs

    private func expandInputs() -> [Input] {
        var inputs: [Input] = []
        for arg in options.arguments {
            if arg != "-", FileSystem.isDirectory(arg) {
                let base = arg.hasSuffix("/") ? arg : arg + "/"
                for path in FileSystem.textFiles(under: arg) {
                    inputs.append(Input(path: path, relative: String(path.dropFirst(base.count))))
                }
            } else {
                let name = arg == "-" ? "stdin.txt" : (arg.split(separator: "/").last.map(String.init) ?? arg)
                inputs.append(Input(path: arg, relative: name))
            }
        }
        // `plan.txt` and `plan.docx` side by side would both write `plan.json`: such inputs
        // keep their extension in the output name (`plan.docx.json`).
        var stems: [String: Int] = [:]
        for input in inputs { stems[Self.stripExtension(input.relative), default: 0] += 1 }
        for k in inputs.indices where stems[Self.stripExtension(inputs[k].relative), default: 0] > 1 {
            if !inputs[k].relative.lowercased().hasSuffix(".txt") { inputs[k].keepsExtension = true }
        }
        return inputs
    }

    /// `a/plan.txt` → `a/plan`.
    static func stripExtension(_ relative: String) -> String {
        guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else { return relative }
        return String(relative[..<dot])
    }

    // MARK: - One file, streamed

    /// A single file: the JSON is streamed in 1 MB chunks, so output never sits in memory whole.
    private func runSingle(_ path: String) -> Int32 {
        guard let document = Extract.load(path, options: options) else { return Extract.Status.inputError }
        let out: OutputTarget
        do {
            out = try OutputTarget(path: options.output)
        } catch {
            Console.err("error: \(error.description)\n")
            return Extract.Status.inputError
        }
        do {
            try export([document], as: options.outputFormat(.documents), options: options.exportOptions, to: out)
        } catch {
            Console.err("error: \(error.description)\n")
            return Extract.Status.inputError
        }
        out.close()
        // The process ends here: skip tearing down the parsed document (hundreds of thousands
        // of small objects for a large file), the operating system frees it all at once.
        exit(Extract.Status.ok)
    }

    // MARK: - Many files

    private func runBatch(_ inputs: [Input], toDirectory: Bool) -> Int32 {
        let format = options.format ?? .json
        let jobs = max(1, options.jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let started = Monotonic.now()
        var stdoutTarget: OutputTarget?
        if !toDirectory {
            do {
                stdoutTarget = try OutputTarget(path: options.output)
            } catch {
                Console.err("error: \(error.description)\n")
                return Extract.Status.inputError
            }
        }
        if let dir = options.output, toDirectory {
            if FileSystem.exists(dir), !FileSystem.isDirectory(dir) {
                Console.err("error: '\(dir)' is not a directory (with several inputs or a folder, -o names a directory)\n")
                return Extract.Status.usage
            }
            do throws(OutputError) { try FileSystem.makeDirectory(dir) } catch {
                Console.err("error: \(error.description)\n")
                return Extract.Status.inputError
            }
        }
        var progress = Progress(total: inputs.count, enabled: Console.stderrIsTerminal, started: started)
        var ok = 0
        var failed = 0
        var bytesRead = 0
        var first = true
        if !toDirectory, !options.stats {
            if format == .json { stdoutTarget?.write("[") }
            if format == .csv { stdoutTarget?.write(PlanDocument.export([], as: options.outputFormat(.documents), options: options.exportOptions)) }
        }
        let window = jobs * 8
        var start = 0
        while start < inputs.count {
            let slice = Array(inputs[start..<min(inputs.count, start + window)])
            let outcomes = process(slice, jobs: jobs, ownFiles: toDirectory)
            for (input, outcome) in zip(slice, outcomes) {
                switch outcome {
                case .failure(let message):
                    failed += 1
                    progress.clearLine()
                    Console.err(message)
                case .output(let bytes, let read):
                    ok += 1
                    bytesRead += read
                    if toDirectory, let dir = options.output {
                        if !writeFile(bytes, dir: dir, stem: input.keepsExtension ? input.relative : Self.stripExtension(input.relative), format: format) { failed += 1; ok -= 1 }
                    } else if let out = stdoutTarget {
                        if format == .json, !options.stats, !first { out.write(",") }
                        out.write(bytes)
                    }
                    first = false
                }
                progress.advance(bytes: bytesRead)
            }
            start += window
        }
        if !toDirectory, !options.stats, format == .json { stdoutTarget?.write("]\n") }
        stdoutTarget?.close()
        progress.clearLine()
        let seconds = Monotonic.now() - started
        let mb = Double(bytesRead) / 1_048_576
        if inputs.count > 1 || options.arguments.contains(where: FileSystem.isDirectory) {
            Console.err("extract: \(ok) file\(ok == 1 ? "" : "s") ok, \(failed) failed, \(Format.fixed(mb, 1)) MB in \(Format.fixed(seconds, 2)) s\n")
        }
        return failed > 0 ? Extract.Status.inputError : Extract.Status.ok
    }

    /// Parses `inputs` on up to `jobs` threads; results come back in input order.
    private func process(_ inputs: [Input], jobs: Int, ownFiles: Bool) -> [Outcome] {
        let results = UnsafeMutableBufferPointer<Outcome>.allocate(capacity: inputs.count)
        results.initialize(repeating: .failure(""))
        defer {
            // Release the outcomes still held by the buffer (their output bytes), then the buffer.
            _ = results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let shared = results
        let options = self.options
        let perJob = DispatchQueue(label: "extract.parse", attributes: .concurrent)
        let group = DispatchGroup()
        let semaphore = DispatchSemaphore(value: jobs)
        for (k, input) in inputs.enumerated() {
            semaphore.wait()
            perJob.async(group: group) {
                shared[k] = ParseCommand.outcome(input, options: options, ownFile: ownFiles)
                semaphore.signal()
            }
        }
        group.wait()
        return Array(results)
    }

    /// - Parameter ownFile: the output goes to a file of its own (`-o DIR`), so a CSV gets a
    ///   header and JSON is pretty-printed; on stdout documents are compact, one after another.
    private static func outcome(_ input: Input, options: Options, ownFile: Bool) -> Outcome {
        let document: PlanDocument
        do throws(PlanParseError) {
            document = input.path == "-"
                ? try PlanDocument.parse(bytes: Console.readStandardInput(), path: "-", options: options.parseOptions)
                : try PlanDocument.parse(contentsOf: input.path, options: options.parseOptions)
        } catch {
            return .failure("\(input.path == "-" ? "<stdin>" : input.path): error: \(error.description)\n")
        }
        var bytes: [UInt8]
        if options.stats {
            bytes = Array(Stats.text(document).utf8)
        } else {
            var e = options.exportOptions
            e.pretty = ownFile && !options.compact
            e.byteOrderMark = false
            bytes = PlanDocument.export([document], as: options.outputFormat(.documents), options: e)
            if options.format == .csv, !ownFile, let end = bytes.firstIndex(of: 0x0A) {
                // On stdout one header starts the run; drop each document's own.
                bytes.removeSubrange(...end)
            }
        }
        return .output(bytes, bytesRead: input.path == "-" ? 0 : FileSystem.size(input.path))
    }

    private func writeFile(_ bytes: [UInt8], dir: String, stem rel: String, format: Options.Format) -> Bool {
        let ext = options.stats ? "txt" : format == .csv ? "csv" : format == .ndjson ? "ndjson" : "json"
        let path = dir + "/" + rel + "." + ext
        do throws(OutputError) {
            if let slash = path.lastIndex(of: "/") { try FileSystem.makeDirectory(String(path[..<slash])) }
            let out = try OutputTarget(path: path)
            if format == .csv, !options.stats, options.bom { out.write([0xEF, 0xBB, 0xBF]) }
            out.write(bytes)
            out.close()
            return true
        } catch {
            Console.err("error: \(error.description)\n")
            return false
        }
    }
}

/// `--stats`: the counts that tell whether a document parsed well.
enum Stats {
    static func text(_ d: PlanDocument) -> String {
        func count(_ o: PlanTask.Origin) -> Int { d.tasks.filter { $0.origin == o }.count }
        return """
            \(d.source.path)
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
