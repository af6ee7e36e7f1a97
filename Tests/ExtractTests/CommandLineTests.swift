import Foundation
import Testing

/// The `extract` binary end to end: help, version, usage errors, output formats.
@Suite struct CommandLineTests {
    @Test func help() throws {
        let r = try ExtractRunner.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("OVERVIEW: Turn Vietnamese government plans"))
        #expect(r.stdout.contains("-h, --help              Show help information."))
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: ["outline", "tables", "time", "units", "diff"])
    func subcommandHelp(_ command: String) throws {
        let r = try ExtractRunner.run([command, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("OVERVIEW: "))
        #expect(r.stdout.contains("USAGE: extract \(command)"))
    }

    @Test func version() throws {
        let r = try ExtractRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "0.1.0\n")
    }

    @Test func unknownOption() throws {
        let r = try ExtractRunner.run(["--bogus", "x.txt"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == """
            Error: unknown option '--bogus'
            Usage: extract [<options>] <file> ...
              See 'extract --help' for more information.

            """)
    }

    @Test func optionOfAnotherSubcommand() throws {
        let r = try ExtractRunner.run(["outline", "--bom", "x.txt"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("Error: '--bom' does not apply to 'extract outline'\nUsage: extract outline"))
    }

    @Test func missingArgument() throws {
        let r = try ExtractRunner.run([])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("Error: missing input file (use '-' for standard input)\n"))
    }

    @Test func badFormat() throws {
        let r = try ExtractRunner.run(["--format", "xml", "x.txt"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("Error: 'xml' is not a valid value for '--format' (one of: json, ndjson, csv, tasks-ndjson, xlsx, html, ics)\n"))
    }

    @Test func standardInput() throws {
        let text = "KẾ HOẠCH\n\nThử nghiệm năm 2025\n\nII. NHIỆM VỤ\n\n1. Công tác chỉ đạo\n\na) Ban hành kế hoạch.\n"
        let r = try ExtractRunner.run(["-"], stdin: Array(text.utf8))
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdoutBytes)) as? [String: Any]
        #expect((json?["source"] as? [String: Any])?["path"] as? String == "-")
        let tasks = json?["tasks"] as? [[String: Any]]
        #expect(tasks?.count == 1)
        #expect(tasks?.first?["id"] as? String == "II.1.a")
        #expect(tasks?.first?["title"] as? String == "Ban hành kế hoạch.")
    }

    @Test func jsonKeyOrder() throws {
        let r = try ExtractRunner.run(["-"], stdin: Array("Nội dung thử nghiệm.\n".utf8))
        let keys = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == ["schemaVersion", "source", "document", "preamble", "sections", "closing", "tasks", "targets", "responsibilities", "warnings", "leftovers", "furniture"])
    }
}
