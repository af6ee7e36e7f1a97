import Foundation
import Testing

/// `--max-size` bounds every input — standard input and devices too — in bounded memory.
@Suite struct InputLimitTests {
    /// `extract - < /dev/zero` grew to 1.5 GB and died with SIGABRT. Now it stops one byte
    /// past the limit; run under a 1 GiB address-space cap to show the memory stays bounded.
    @Test func standardInputFromAnEndlessDevice() throws {
        let r = try ExtractRunner.shell("ulimit -v 1048576; \"$EXTRACT\" --max-size 1 - < /dev/zero")
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "<stdin>: error: input too large: more than 1048576 bytes (limit 1048576)\n")
    }

    /// With the default limit (256 MiB) as well: refused, not killed.
    @Test func standardInputDefaultLimit() throws {
        let r = try ExtractRunner.shell("ulimit -v 1048576; \"$EXTRACT\" - < /dev/zero")
        #expect(r.status == 1)
        #expect(r.stderr == "<stdin>: error: input too large: more than 268435456 bytes (limit 268435456)\n")
    }

    /// `extract /dev/zero` read twice the limit and reported a size that was not the file's.
    @Test func endlessDeviceAsAFile() throws {
        let r = try ExtractRunner.run(["--max-size", "1", "/dev/zero"])
        #expect(r.status == 1)
        #expect(r.stderr == "/dev/zero: error: input too large: more than 1048576 bytes (limit 1048576)\n")
        for command in ["outline", "units", "tables", "text"] {
            let c = try ExtractRunner.run([command, "--max-size", "1", "/dev/zero"])
            #expect(c.status == 1, "\(command)")
            #expect(c.stderr.hasSuffix("input too large: more than 1048576 bytes (limit 1048576)\n"), "\(command)")
        }
        let d = try ExtractRunner.run(["diff", "--max-size", "1", "samples/diff/plan-2024.txt", "/dev/zero"])
        #expect(d.status == 2)
    }

    /// A pipe larger than the limit: refused; a regular file on standard input: refused with its size.
    @Test func pipesAndRedirectedFiles() throws {
        let pipe = try ExtractRunner.shell("head -c 2097152 /dev/zero | tr '\\0' a | \"$EXTRACT\" --max-size 1 -")
        #expect(pipe.status == 1)
        #expect(pipe.stderr == "<stdin>: error: input too large: more than 1048576 bytes (limit 1048576)\n")
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.txt")
        try Data(repeating: 0x61, count: (1 << 20) + 5).write(to: big)
        let redirected = try ExtractRunner.run(["--max-size", "1", "-"], stdinPath: big.path)
        #expect(redirected.status == 1)
        #expect(redirected.stderr == "<stdin>: error: input too large: 1048581 bytes (limit 1048576)\n")
        // Exactly at the limit is fine (and a pipe that ends there too).
        let exact = try ExtractRunner.shell(
            "{ printf 'Nội dung.\\n'; head -c $((1048576 - 12)) /dev/zero | tr '\\0' ' '; } | \"$EXTRACT\" --max-size 1 --stats -")
        #expect(exact.status == 0, "\(exact.stderr)")
    }

    /// `time -` reads texts from standard input, bounded the same way.
    @Test func timeTextsFromStandardInput() throws {
        let r = try ExtractRunner.run(["time", "--year", "2024", "-", "Quý I"], stdin: Array("Tháng 01/2024\r\n\nQuý 3, 4\n".utf8))
        #expect(r.status == 0)
        let inputs = r.stdout.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["input"] as? String
        }
        #expect(inputs == ["Tháng 01/2024", "Quý 3, 4", "Quý I"])
        let big = try ExtractRunner.shell("\"$EXTRACT\" time --max-size 1 - < /dev/zero")
        #expect(big.status == 1)
        #expect(big.stderr == "<stdin>: error: input too large: more than 1048576 bytes (limit 1048576)\n")
    }
}
