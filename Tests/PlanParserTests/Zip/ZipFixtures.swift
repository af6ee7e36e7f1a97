import Foundation
import Testing

@testable import PlanParser

/// The committed zip and DEFLATE fixtures (made by `scripts/make-zip-fixtures.py`), and a
/// way to ask Python's zipfile and zlib for a second opinion.
enum ZipFixtures {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/PlanParserTests/Zip/Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// The uncompressed sources of the raw DEFLATE fixtures.
    static let text: [UInt8] = (try? bytes("text.xml")) ?? []
    static let random: [UInt8] = (try? bytes("random.bin")) ?? []

    static let python: String? = {
        for path in ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        let env = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in env.split(separator: ":") {
            let path = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    static let pythonMissing: Comment = "python3 not found: cross-check with zipfile/zlib skipped"

    /// Runs `python3 -c script` with `input` as stdin; returns (status, stdout).
    static func runPython(_ script: String, input: [UInt8] = [], arguments: [String] = []) throws -> (Int32, [UInt8]) {
        try run(python!, ["-c", script] + arguments, input: input)
    }

    static func run(_ executable: String, _ arguments: [String], input: [UInt8] = []) throws -> (Int32, [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Write stdin on another thread so that a large output cannot dead-lock the pipes.
        let data = Data(input)
        let writer = Thread {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](output))
    }

    /// A temporary file holding `bytes`, removed by the caller.
    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".zip") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("planparser-zip-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }
}
