import Foundation
import Testing

/// Real readers the tests check our files with (python3 modules, LibreOffice, Chromium).
///
/// `.ci/run` installs them; on a machine without one, the tests that need it are skipped
/// with a message naming what is missing — unless `PLANPARSER_REQUIRE_READERS=1` (set by
/// `.ci/run`), where a missing reader fails its tests instead, so CI cannot pass by skipping.
enum ExternalTool {
    /// Reader checks must run: a missing program is a failure, not a skip.
    static let required = ProcessInfo.processInfo.environment["PLANPARSER_REQUIRE_READERS"] == "1"

    /// Whether a suite that needs a program with this availability runs.
    static func runs(_ available: Bool) -> Bool { available || required }

    /// The result of a run: exit status and what it printed.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both outputs, for a failure message.
        var output: String { stdout + (stderr.isEmpty ? "" : "\n" + stderr) }
    }

    /// The first of `names` found on `PATH`.
    static func find(_ names: String...) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") {
                let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    static let python = find("python3")
    static let chromium = find("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    static let soffice = find("soffice", "libreoffice")

    /// Whether python3 can import every module in `modules`.
    static func hasPython(_ modules: String...) -> Bool {
        guard let python else { return false }
        let r = try? run(python, ["-c", modules.map { "import " + $0 }.joined(separator: "; ")])
        return r?.status == 0
    }

    static let pythonJSONSchema = hasPython("jsonschema")
    static let pythonOpenpyxl = hasPython("openpyxl")
    static let pythonICalendar = hasPython("icalendar")

    /// Runs `tool` with `arguments` in the package root; outputs go through files, so a
    /// large output never blocks the child. A run longer than `timeout` seconds is ended.
    static func run(_ tool: URL, _ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
        let p = Process()
        p.executableURL = tool
        p.arguments = arguments
        p.currentDirectoryURL = Fixtures.packageRoot
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout")
        let errURL = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning {
            if Date() > deadline {
                p.terminate()
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        p.waitUntilExit()
        try out.close()
        try err.close()
        return Run(
            status: p.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Runs one of the checking scripts in `scripts/check/` with python3.
    static func pythonScript(_ name: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
        guard let python else { return Run(status: 127, stdout: "", stderr: "python3 not found") }
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/check").appendingPathComponent(name).path
        return try run(python, [script] + arguments, timeout: timeout)
    }

    /// A new empty directory under the system's temporary directory.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("planparser-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Where tests keep files for people to look at (screenshots, converted workbooks):
    /// `$PLANPARSER_ARTIFACTS`, else `.build/test-artifacts` in the package.
    static var artifacts: URL {
        let env = ProcessInfo.processInfo.environment["PLANPARSER_ARTIFACTS"]
        let url = env.map { URL(fileURLWithPath: $0) }
            ?? Fixtures.packageRoot.appendingPathComponent(".build/test-artifacts")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
