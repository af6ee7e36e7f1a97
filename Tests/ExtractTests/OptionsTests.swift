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

    @Test func doubleDashEndsOptions() throws {
        let o = try Options.parse(["--", "--not-an-option.txt", "-"])
        #expect(o.arguments == ["--not-an-option.txt", "-"])
    }

    @Test(arguments: [
        (["--help"], Options.Exit.help(nil)),
        (["diff", "-h"], .help(.diff)),
        (["--version"], .version),
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
        (["outline"], "missing input file"),
        (["tables", "--stats", "a"], "'--stats' does not apply to 'extract tables'"),
        (["units", "--format", "ndjson", "a"], "'ndjson' is not a valid value for '--format' (one of: text, csv, json)"),
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
