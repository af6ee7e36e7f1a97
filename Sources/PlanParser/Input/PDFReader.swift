import Foundation

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

/// Runs an external program the way a careful shell script would, without a shell.
enum ExternalProgram {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    struct Failure: Error {
        var reason: String
    }

    /// The executable `name` on `PATH`, or nil.
    static func find(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        #if os(Windows)
            let separator: Character = ";"
            let names = [name + ".exe", name]
        #else
            let separator: Character = ":"
            let names = [name]
        #endif
        for dir in (path ?? "").split(separator: separator) where !dir.isEmpty {
            for n in names {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(n)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
            }
        }
        return nil
    }

    /// Runs `program arguments INPUT OUTPUT` with `input` written to INPUT, in a private
    /// temporary folder removed afterwards; stdout is OUTPUT's contents.
    /// - Throws: ``Failure`` when the program cannot start, runs longer than `timeout`
    ///   seconds (it is then killed), or writes more than `outputLimit` bytes.
    static func run(_ program: URL, arguments: [String], input: [UInt8], inputName: String, timeout: Double,
                    outputLimit: Int) throws(Failure) -> Result {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("planparser-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(reason: "cannot create a temporary folder: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent(inputName)
        let outURL = dir.appendingPathComponent("output.txt")
        let errURL = dir.appendingPathComponent("stderr.txt")
        guard fm.createFile(atPath: inURL.path, contents: Data(input), attributes: [.posixPermissions: 0o600]),
            fm.createFile(atPath: errURL.path, contents: nil)
        else {
            throw Failure(reason: "cannot write a temporary file in \(fm.temporaryDirectory.path)")
        }
        let process = Process()
        process.executableURL = program
        process.arguments = arguments + [inURL.path, outURL.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            let err = try FileHandle(forWritingTo: errURL)
            defer { try? err.close() }
            process.standardError = err
            try process.run()
        } catch {
            throw Failure(reason: "cannot run \(program.path): \(error.localizedDescription)")
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                done.wait()
            }
            throw Failure(reason: "no answer after \(Int(timeout)) seconds")
        }
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        let size = ((try? fm.attributesOfItem(atPath: outURL.path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= outputLimit else {
            throw Failure(reason: "its text is larger than the input limit (\(outputLimit) bytes)")
        }
        let stdout = (try? Data(contentsOf: outURL)).map { [UInt8]($0) } ?? []
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
