#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// PDF files, read with poppler's `pdftotext -layout -enc UTF-8` — an optional external
/// program, not something the build needs: without it a PDF is refused with the package to
/// install (``PlanParseError/missingTool(name:install:)``). The layout text it prints goes on to
/// the recovery stage like any converter text (its tables, letterhead and closing columns).
///
/// The bytes go to a private temporary folder, `pdftotext` runs without a shell (its arguments
/// an array) under a time limit, and what it says on stderr is reported when it fails. A PDF
/// without a text layer (a scan) gives only form feeds: ``PlanParseError/noTextLayer``.
enum PDFReader: DocumentReader {
    static let format = InputFormat(
        name: "pdf", extensions: ["pdf"],
        summary: "PDF with a text layer, through poppler's pdftotext -layout (an optional program)")

    /// The program and how to install it.
    static let tool = "pdftotext"
    static let install =
        "apt install poppler-utils (Debian, Ubuntu), brew install poppler (macOS), or Poppler for Windows (conda install poppler)"
    /// How long `pdftotext` may take, in seconds (a few seconds for 200 pages).
    static let timeout = 120.0

    /// `%PDF-` within the first kilobyte (some writers put bytes before it).
    static func recognizes(_ bytes: [UInt8]) -> Bool {
        ByteSearch.find(Array(bytes.prefix(1024)), Array("%PDF-".utf8)) != nil
    }

    static func read(_ bytes: [UInt8], options: ParseOptions) throws(PlanParseError) -> DecodedSource {
        guard let program = ExternalProgram.find(tool) else { throw .missingTool(name: tool, install: install) }
        let run: ExternalProgram.Result
        do {
            run = try ExternalProgram.run(program, arguments: ["-layout", "-enc", "UTF-8"], input: bytes, inputName: "input.pdf",
                                       timeout: timeout, outputLimit: options.maxBytes)
        } catch {
            throw .toolFailed(name: tool, reason: error.reason)
        }
        guard run.status == 0 else {
            let said = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
            throw .toolFailed(name: tool, reason: said.isEmpty ? "exit status \(run.status)" : "\(said) (exit status \(run.status))")
        }
        var decoded: DecodedSource
        do {
            decoded = try SourceDecoder.decode(run.stdout, limit: options.maxBytes)
        } catch .empty {
            throw .noTextLayer
        }
        decoded.format = format
        return decoded
    }
}

/// Runs an external program the way a careful shell script would, without a shell (POSIX
/// `posix_spawn`, no Foundation: keeping Foundation out of the binary saves milliseconds of
/// every process start).
enum ExternalProgram {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    struct Failure: Error {
        var reason: String
    }

    /// The executable `name` on `path` (default: `PATH`), or nil.
    static func find(_ name: String, path: String? = getenv("PATH").map { String(cString: $0) }) -> String? {
        for dir in (path ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = dir.hasSuffix("/") ? String(dir) + name : String(dir) + "/" + name
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// Runs `program arguments INPUT OUTPUT` with `input` written to INPUT, in a private
    /// temporary folder removed afterwards; stdout is OUTPUT's contents.
    /// - Throws: ``Failure`` when the program cannot start, runs longer than `timeout`
    ///   seconds (it is then killed), or writes more than `outputLimit` bytes.
    static func run(_ program: String, arguments: [String], input: [UInt8], inputName: String, timeout: Double,
                    outputLimit: Int) throws(Failure) -> Result {
        let tmp = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((tmp.hasSuffix("/") ? tmp : tmp + "/").utf8CString.dropLast()) + Array("planparser-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure(reason: "cannot create a temporary folder in \(tmp): \(errorText(errno))")
        }
        let dir = String(cString: made)
        let inPath = dir + "/" + inputName
        let outPath = dir + "/output.txt"
        let errPath = dir + "/stderr.txt"
        defer {
            for f in [inPath, outPath, errPath] { unlink(f) }
            rmdir(dir)
        }
        guard writeFile(input, to: inPath) else {
            throw Failure(reason: "cannot write a temporary file in \(tmp): \(errorText(errno))")
        }
        let errFD = open(errPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard errFD >= 0 else { throw Failure(reason: "cannot write a temporary file in \(tmp): \(errorText(errno))") }
        let pid = try spawn(program, [program] + arguments + [inPath, outPath], stderr: errFD)
        close(errFD)
        let status = try wait(pid, timeout: timeout)
        let said = (try? SourceFile.contents(ofPath: errPath, limit: 1 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        var info = stat()
        let size = stat(outPath, &info) == 0 ? Int(info.st_size) : 0
        guard size <= outputLimit else {
            throw Failure(reason: "its text is larger than the input limit (\(outputLimit) bytes)")
        }
        let stdout = size == 0 ? [] : ((try? SourceFile.contents(ofPath: outPath, limit: outputLimit)) ?? [])
        return Result(status: status, stdout: stdout, stderr: trimmed(said))
    }

    /// Starts `path` with `argv`, stdin and stdout on `/dev/null`, stderr on `stderr`.
    private static func spawn(_ path: String, _ argv: [String], stderr: Int32) throws(Failure) -> pid_t {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, path, &actions, nil, &cArgs, environ)
        guard code == 0 else { throw Failure(reason: "cannot run \(path): \(errorText(code))") }
        return pid
    }

    /// The exit status of `pid`; after `timeout` seconds it is sent SIGTERM, two seconds later
    /// SIGKILL.
    private static func wait(_ pid: pid_t, timeout: Double) throws(Failure) -> Int32 {
        let start = now()
        var termSent: Double? = nil
        while true {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                if termSent != nil { throw Failure(reason: "no answer after \(Int(timeout)) seconds") }
                // Exited: its status; killed by a signal: 128 + the signal, as a shell says.
                return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
            if r < 0, errno != EINTR { throw Failure(reason: "lost the program: \(errorText(errno))") }
            let t = now()
            if let sent = termSent {
                if t - sent > 2 { kill(pid, SIGKILL) }
            } else if t - start > timeout {
                kill(pid, SIGTERM)
                termSent = t
            }
            // A few milliseconds between looks: pdftotext takes tens of milliseconds at least.
            var pause = timespec(tv_sec: 0, tv_nsec: 2_000_000)
            nanosleep(&pause, nil)
        }
    }

    private static func writeFile(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    private static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func trimmed(_ s: String) -> String {
        var bytes = Array(s.utf8)[...]
        while let f = bytes.first, f == 0x20 || f == 0x0A || f == 0x0D || f == 0x09 { bytes = bytes.dropFirst() }
        while let l = bytes.last, l == 0x20 || l == 0x0A || l == 0x0D || l == 0x09 { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
