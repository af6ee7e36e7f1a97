import Foundation
import PlanParser
import Testing
@testable import extract

/// Help is generated from the option table and the format registries, and README.md documents
/// the same options, formats, subcommands and exit statuses.
@Suite struct HelpTests {
    static let readme: String = (try? String(contentsOf: ExtractRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    @Test(arguments: Options.Command.allCases)
    func everySectionAndOption(_ command: Options.Command) throws {
        let help = Help.text(for: command)
        for heading in ["OVERVIEW: ", "\n\nUSAGE: ", "\n\nARGUMENTS:\n", "\n\nOPTIONS:\n", "\n\nEXIT STATUS:\n"] {
            #expect(help.contains(heading), "\(command): \(heading)")
        }
        for spec in OptionSpec.all {
            let listed = help.contains("  " + (spec.shortName.map { $0 + ", " } ?? "") + spec.longName)
            #expect(listed == spec.applies(to: command), "\(command) \(spec.longName)")
        }
        for format in command.outputFormats {
            #expect(help.contains("  \(format.name)  "), "\(command): format \(format.name)")
        }
        #expect(help.split(separator: "\n").allSatisfy { $0.count <= Help.width }, "\(command): lines fit in 80 columns")
        // `extract help X` and `extract X --help` print the same.
        let viaHelp = try ExtractRunner.run(command == .parse ? ["help"] : ["help", command.rawValue])
        let viaFlag = try ExtractRunner.run(command == .parse ? ["--help"] : [command.rawValue, "--help"])
        #expect(viaHelp.status == 0)
        #expect(viaHelp.stdout == help)
        #expect(viaFlag.stdout == help)
    }

    /// Every option is refused by the subcommands it does not apply to.
    @Test func doesNotApply() throws {
        for spec in OptionSpec.all {
            for command in Options.Command.allCases where !spec.applies(to: command) {
                let args = (command == .parse ? [] : [command.rawValue]) + [spec.longName] + (spec.takesValue ? ["1"] : []) + ["a"]
                #expect(throws: Options.UsageError(message: "'\(spec.longName)' does not apply to '\(command.invocation)'", command: command)) {
                    try Options.parse(args)
                }
            }
        }
    }

    /// The drifts the architecture issue found: fixed.
    @Test func drifts() throws {
        #expect(Help.text(for: .time).contains("one compact JSON line per text"))
        #expect(Help.text(for: .units).contains("--bom"))
        #expect(try Options.parse(["time", "-"]).arguments == ["-"])
        #expect(throws: Options.Exit.help(.diff)) { try Options.parse(["help", "diff"]) }
        #expect(throws: Options.UsageError(message: "unknown subcommand 'nope'", command: .parse)) { try Options.parse(["help", "nope"]) }
        #expect(Help.usage(for: .parse) == "extract [<options>] <file> ...")
        #expect(Help.usage(for: .time) == "extract time [--year <year>] [--max-size <MB>] <text> ...")
    }

    /// The input formats of the registry appear in the main help.
    @Test func inputFormats() {
        let help = Help.text(for: nil)
        for f in InputFormat.all {
            #expect(help.contains("  \(f.name)  "))
            for e in f.extensions { #expect(help.contains("." + e)) }
        }
    }

    @Test func readmeDocumentsEveryOption() throws {
        try #require(!Self.readme.isEmpty, "README.md is readable")
        for spec in OptionSpec.all {
            #expect(Self.readme.contains("`" + spec.longName) || Self.readme.contains(", " + spec.longName),
                    "README documents \(spec.longName)")
        }
        for command in Options.Command.allCases where command != .parse {
            #expect(Self.readme.contains("### `extract \(command.rawValue)`"), "README has a section for \(command)")
        }
        for spec in OptionSpec.all {
            for value in spec.allowedValues(for: .parse) where spec.kind != .format {
                #expect(Self.readme.contains(value), "README names \(spec.longName) \(value)")
            }
        }
        for format in OutputFormat.all {
            #expect(Self.readme.contains(format.name), "README names the \(format.subject) format \(format.name)")
        }
        for command in Options.Command.allCases {
            #expect(Self.readme.contains("\n" + Help.usage(for: command) + "\n"), "README's usage lines: \(Help.usage(for: command))")
        }
        for status in ["`0`", "`1`", "`2`", "`3`", "`141`"] {
            #expect(Self.readme.contains(status), "README documents exit status \(status)")
        }
    }
}
