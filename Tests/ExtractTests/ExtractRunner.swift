import Foundation

/// Runs the built `extract` binary and captures what it prints.
struct ExtractRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: [UInt8]
}

enum ExtractRunner {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `extract` built next to the test bundle (the test target depends on it).
    static let binary: URL = {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        for dir in candidates {
            let url = dir.appendingPathComponent("extract")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/extract")
    }()

    /// Runs `extract` with `arguments` in the package root (or `directory`).
    /// - Parameters:
    ///   - stdinPath: a file (or device) for standard input, instead of `stdin` bytes.
    ///   - stdoutPath: a file (or device such as `/dev/full`) opened for writing (without
    ///     truncating) as standard output; `stdout` is then empty.
    ///   - user: run as this user through `setpriv` (the caller checks it can).
    ///   - timeout: seconds after which the process is terminated (status 15).
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, stdinPath: String? = nil, stdoutPath: String? = nil,
                    environment: [String: String] = [:], directory: URL? = nil, user: String? = nil,
                    executable: URL? = nil, timeout: Double = 120) throws -> ExtractRun {
        let p = Process()
        if let user {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid=\(user)", "--regid=\(user == "nobody" ? "nogroup" : user)", "--clear-groups",
                           (executable ?? binary).path] + arguments
        } else {
            p.executableURL = executable ?? binary
            p.arguments = arguments
        }
        p.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        // Files, not pipes: a large output can never block the child.
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout")
        let errURL = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: stdoutPath.map { URL(fileURLWithPath: $0) } ?? outURL)
        let err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        if let stdinPath {
            p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdinPath))
        } else if let stdin {
            let inURL = dir.appendingPathComponent("stdin")
            try Data(stdin).write(to: inURL)
            p.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            p.standardInput = FileHandle.nullDevice
        }
        try p.run()
        // A run that hangs (a loop, a FIFO) fails its test instead of hanging the suite.
        let watchdog = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        p.waitUntilExit()
        watchdog.cancel()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL)
        let errData = try Data(contentsOf: errURL)
        return ExtractRun(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: [UInt8](outData))
    }

    /// Runs a shell command line with `bash -c` in the package root; `$EXTRACT` is the binary.
    static func shell(_ command: String) throws -> ExtractRun {
        try run(["-c", command], environment: ["EXTRACT": binary.path], executable: URL(fileURLWithPath: "/bin/bash"))
    }

    /// A fresh temporary directory for a test's files.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("extract-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
