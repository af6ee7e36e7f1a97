import Testing
@testable import extract

/// `Options.parse` is a pure function of the arguments.
@Suite struct OptionsTests {
    @Test func defaults() throws {
        let o = try Options.parse(["plan.txt"])
        #expect(o.command == .parse)
        #expect(o.arguments == ["plan.txt"])
        #expect(o.format == nil)
        #expect(o.output == nil)
    }

    @Test func subcommandsAndValues() throws {
        let o = try Options.parse(["tables", "--table", "2", "-o", "out", "--bom", "a.txt"])
        #expect(o.command == .tables)
        #expect(o.table == 2)
        #expect(o.output == "out")
        #expect(o.bom)
        #expect(o.arguments == ["a.txt"])
        let t = try Options.parse(["time", "--year=2025", "Quý I", "Tháng 9"])
        #expect(t.year == 2025)
        #expect(t.arguments == ["Quý I", "Tháng 9"])
    }

    @Test func newOptions() throws {
        let o = try Options.parse(["-j1", "-oout", "--strict", "--delimiter", "tab", "--encoding=utf-8", "a.txt"])
        #expect(o.jobs == 1)
        #expect(o.output == "out")
        #expect(o.strict)
        #expect(o.exportOptions.delimiter == 0x09)
        #expect(o.encoding == "utf-8")
        #expect(try Options.parse(["--delimiter", ";", "a"]).exportOptions.delimiter == 0x3B)
        #expect(try Options.parse(["a"]).exportOptions.delimiter == 0x2C)
        let t = try Options.parse(["text", "-o", "t.txt", "a.docx"])
        #expect(t.command == .text)
        #expect(t.output == "t.txt")
        // The format of `-o FILE` follows its extension unless --format is given.
        #expect(try Options.parse(["-o", "x.CSV", "a"]).outputFormat(.documents, file: "x.CSV").name == "csv")
        #expect(try Options.parse(["-f", "json", "a"]).outputFormat(.documents, file: "x.csv").name == "json")
        #expect(try Options.parse(["a"]).outputFormat(.documents, file: "x.unknown").name == "json")
        #expect(try Options.parse(["units", "a"]).outputFormat(.units, file: "u.json").name == "json")
    }

    @Test func doubleDashEndsOptions() throws {
        let o = try Options.parse(["--", "--not-an-option.txt", "-"])
        #expect(o.arguments == ["--not-an-option.txt", "-"])
    }

    @Test(arguments: [
        (["--help"], Options.Exit.help(nil)),
        (["diff", "-h"], .help(.diff)),
        (["--version"], .version),
        (["help"], .help(nil)),
        (["help", "text"], .help(.text)),
        (["text", "--help"], .help(.text)),
    ])
    func earlyExits(args: [String], exit: Options.Exit) {
        #expect(throws: exit) { try Options.parse(args) }
    }

    @Test(arguments: [
        (["--nope", "a"], "unknown option '--nope'"),
        (["--jobs", "0", "a"], "'0' is not a valid value for '--jobs' (a whole number from 1 to 256)"),
        (["--format"], "missing value for '--format'"),
        (["diff", "a"], "expected two files (OLD NEW), got 1"),
        (["diff", "-", "-"], "only one of OLD and NEW can be standard input"),
        (["outline"], "missing input file (use '-' for standard input)"),
        (["units"], "missing input file (use '-' for standard input)"),
        (["tables", "--stats", "a"], "'--stats' does not apply to 'extract tables'"),
        (["units", "--format", "ndjson", "a"], "'ndjson' is not a valid value for '--format' (one of: text, csv, json, xlsx)"),
        (["--encoding", "latin1", "a"], "'latin1' is not a valid value for '--encoding' (one of: auto, utf-8, cp1258, tcvn3, vni)"),
        (["--bom=yes", "a"], "'--bom' does not take a value"),
        (["-hx"], "unknown option '-hx'"),
        (["--nope=1", "a"], "unknown option '--nope'"),
        (["time", "--format", "json", "x"], "'--format' does not apply to 'extract time'"),
        (["diff", "--strict", "a", "b"], "'--strict' does not apply to 'extract diff'"),
        (["text", "a", "b"], "expected one input file, got 2"),
        (["time", "-", "-"], "standard input ('-') can be read only once"),
        (["help", "parse"], "unknown subcommand 'parse'"),
    ])
    func usageErrors(args: [String], message: String) {
        #expect(throws: Options.UsageError.self) { try Options.parse(args) }
        do {
            _ = try Options.parse(args)
        } catch let e as Options.UsageError {
            #expect(e.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
