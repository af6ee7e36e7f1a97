import Foundation
import Testing

/// Outputs that cannot be written: a message naming the file and the OS error, no file left
/// behind (not even a temporary), exit status 1 (2 for `diff`) — never success.
@Suite struct WriteFailureTests {
    static let plan = "samples/field-bullets.txt"
    static let seed = "samples/table-appendix.txt"

    /// Every subcommand that writes, with the status a failed write gives.
    static let commands: [(args: [String], status: Int32)] = [
        ([plan], 1),
        (["-f", "csv", plan], 1),
        (["-f", "ndjson", plan, seed], 1),
        (["--stats", plan], 1),
        (["outline", plan], 1),
        (["units", plan], 1),
        (["units", "-f", "csv", plan], 1),
        (["tables", seed], 1),
        (["outline", plan, seed], 1),
        (["tables", seed, "samples/messy"], 1),
        (["units", "-f", "json", plan, seed], 1),
        (["text", plan], 1),
        (["time", "Quý I/2025"], 1),
        (["diff", "samples/diff/plan-2024.txt", "samples/diff/plan-2025.txt"], 2),
        (["diff", "-f", "json", "samples/diff/plan-2024.txt", "samples/diff/plan-2025.txt"], 2),
        (["--help"], 1),
    ]

    @Test(arguments: commands.indices)
    func standardOutputFull(_ k: Int) throws {
        let (args, status) = Self.commands[k]
        let r = try ExtractRunner.run(args, stdoutPath: "/dev/full")
        #expect(r.status == status, "\(args)")
        #expect(r.stderr.contains("error: cannot write standard output: No space left on device"), "\(args): \(r.stderr)")
    }

    /// A closed pipe ends the run quietly, as SIGPIPE always did — also when SIGPIPE is
    /// ignored (then the write fails with EPIPE and the status is 141 all the same).
    @Test(arguments: ["", "trap '' PIPE; "])
    func closedPipeIsQuiet(_ prefix: String) throws {
        let inputs = Array(repeating: "\(Self.plan) \(Self.seed)", count: 20).joined(separator: " ")
        let r = try ExtractRunner.shell(
            "\(prefix)\"$EXTRACT\" -f ndjson -j 1 \(inputs) 2>err.txt | head -c 10 >/dev/null; s=${PIPESTATUS[0]}; cat err.txt; rm -f err.txt; exit $s")
        #expect(r.status == 141)
        #expect(r.stdout.isEmpty, "nothing on stderr: \(r.stdout)")
    }

    // MARK: - A full disk

    /// A 64 KiB tmpfs, already full when `filled`; `nil` (and the test skips) where mounting is
    /// not permitted.
    final class FullDisk {
        let url: URL
        private let parent: URL

        init?(filled: Bool) throws {
            parent = try ExtractRunner.temporaryDirectory()
            url = parent.appendingPathComponent("full")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let mount = try ExtractRunner.run(["-t", "tmpfs", "-o", "size=64k", "tmpfs", url.path],
                                              executable: URL(fileURLWithPath: "/bin/mount"))
            guard mount.status == 0 else {
                try? FileManager.default.removeItem(at: parent)
                return nil
            }
            if filled {
                let fd = open(url.appendingPathComponent("filler").path, O_WRONLY | O_CREAT, 0o644)
                let block = [UInt8](repeating: 0x61, count: 4096)
                while write(fd, block, block.count) > 0 {}
                close(fd)
            }
        }

        func contents() throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: url.path).sorted()
        }

        deinit {
            _ = try? ExtractRunner.run([url.path], executable: URL(fileURLWithPath: "/bin/umount"))
            try? FileManager.default.removeItem(at: parent)
        }
    }

    static var noMountMessage: String { "skipped: cannot mount a tmpfs here (needs root and mount permission)" }

    /// The issue's case: `extract -o full/x.json plan.txt` on a 64 KiB disk whose JSON does
    /// not fit. Before: status 0 and a 65,536-byte invalid x.json.
    @Test func singleOutputOnFullDisk() throws {
        guard let disk = try FullDisk(filled: false) else {
            print(Self.noMountMessage)
            return
        }
        // Its JSON is about 90 KB.
        let r = try ExtractRunner.run(["-o", disk.url.appendingPathComponent("x.json").path, Self.plan])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write '\(disk.url.path)/x.json': No space left on device"))
        #expect(try disk.contents() == [], "no x.json, no temporary left")
    }

    /// Before: "5 files ok" with one truncated and four empty files. Now every file on the disk
    /// is complete JSON, every other input is reported, and the status is 1.
    @Test func folderOnFullDisk() throws {
        guard let disk = try FullDisk(filled: false) else {
            print(Self.noMountMessage)
            return
        }
        let r = try ExtractRunner.run(["-o", disk.url.appendingPathComponent("out").path, "samples/messy"])
        #expect(r.status == 1)
        let written = try disk.contents().filter { $0.hasSuffix(".json") }
        let failures = r.stderr.split(separator: "\n").filter { $0.contains("No space left on device") }
        #expect(!failures.isEmpty)
        #expect(written.count + failures.count == 11, "\(written) \(failures)")
        for file in written {
            let data = try Data(contentsOf: disk.url.appendingPathComponent(file))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) is complete JSON")
        }
        #expect(try disk.contents().allSatisfy { !$0.contains(".extract-") }, "no temporary left")
        #expect(r.stderr.contains("extract: \(written.count) file\(written.count == 1 ? "" : "s") ok, \(failures.count) failed"))
    }

    /// `-o` of every subcommand on a disk that is already full.
    @Test func everyCommandOnFullDisk() throws {
        guard let disk = try FullDisk(filled: true) else {
            print(Self.noMountMessage)
            return
        }
        let dir = disk.url.path
        let cases: [([String], Int32)] = [
            (["-o", "\(dir)/x.json", Self.plan], 1),
            (["-f", "csv", "-o", "\(dir)/x.csv", Self.plan], 1),
            (["-o", "\(dir)/x.csv", Self.plan], 1),
            (["-o", "\(dir)/many", Self.plan, Self.seed], 1),
            (["outline", "-o", "\(dir)/o.txt", Self.plan], 1),
            (["units", "-o", "\(dir)/u.txt", Self.plan], 1),
            (["tables", "-o", "\(dir)/tables", Self.seed], 1),
            (["text", "-o", "\(dir)/t.txt", Self.plan], 1),
            (["diff", "-o", "\(dir)/d.txt", "samples/diff/plan-2024.txt", "samples/diff/plan-2025.txt"], 2),
        ]
        for (args, status) in cases {
            let r = try ExtractRunner.run(args)
            #expect(r.status == status, "\(args)")
            #expect(r.stderr.contains("No space left on device"), "\(args): \(r.stderr)")
        }
        let left = try disk.contents().filter { !$0.hasPrefix("filler") && !["many", "tables"].contains($0) }
        #expect(left == [], "nothing but the filler and two empty folders: \(left)")
    }
}
