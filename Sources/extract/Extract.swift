import PlanParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `extract` command: parses options and runs the chosen subcommand.
enum Extract {
    /// Exit statuses (documented in README.md and `--help`).
    enum Status {
        static let ok: Int32 = 0
        /// An input could not be read or decoded, or an output could not be written (for
        /// `diff`: the plans differ).
        static let inputError: Int32 = 1
        /// Usage error (for `diff`: any trouble).
        static let usage: Int32 = 2
        /// `--strict`: a document has a warning of ``PlanDocument/strictWarningCodes``.
        static let strict: Int32 = 3
    }

    static func run(_ arguments: [String]) -> Int32 {
        let options: Options
        do {
            options = try Options.parse(arguments)
        } catch let exit as Options.Exit {
            let out = Output.standardOutput
            do throws(OutputError) {
                switch exit {
                case .help(let command): try out.write(Help.text(for: command))
                case .version: try out.write(Help.version + "\n")
                }
            } catch {
                Console.line("error: \(error.description)")
                return Status.inputError
            }
            return Status.ok
        } catch let error as Options.UsageError {
            Console.err("""
                Error: \(Console.escaped(error.message))
                Usage: \(Help.usage(for: error.command))
                  See '\(error.command.invocation) --help' for more information.

                """)
            return Status.usage
        } catch {
            Console.line("Error: \(error)")
            return Status.usage
        }
        switch options.command {
        case .parse: return ParseCommand(options: options).run()
        case .outline: return DocumentCommand(options: options, subject: .outline).run()
        case .units: return DocumentCommand(options: options, subject: .units).run()
        case .tables: return TablesCommand(options: options).run()
        case .text: return TextCommand(options: options).run()
        case .time: return TimeCommand(options: options).run()
        case .diff: return DiffCommand(options: options).run()
        }
    }

    /// The bytes of one input (`-` is standard input), at most `--max-size`.
    static func read(_ path: String, options: Options, regularFileOnly: Bool = false) throws(PlanParseError) -> [UInt8] {
        if path == "-" { return try InputBytes.standardInput(limit: options.maxBytes) }
        return try InputBytes.contents(ofPath: path, limit: options.maxBytes, regularFileOnly: regularFileOnly)
    }

    /// Reads and parses one input; reports a refusal on stderr.
    /// - Parameter name: the document's `source.path` (the path unless told otherwise).
    static func load(_ path: String, options: Options, name: String? = nil) -> PlanDocument? {
        do throws(PlanParseError) {
            let bytes = try read(path, options: options)
            return try PlanDocument.parse(bytes: consume bytes, path: name ?? path, options: options.parseOptions)
        } catch {
            Console.line(message(error, path: path))
            return nil
        }
    }

    /// `path: error: …` for a refused input.
    static func message(_ error: PlanParseError, path: String) -> String {
        "\(Console.name(path)): error: \(error.description)"
    }

    nonisolated(unsafe) private static var kept: [PlanDocument] = []

    /// Keeps `document` alive until the process exits, which frees it all at once.
    static func keepUntilExit(_ document: PlanDocument) { kept.append(document) }
}

/// Refusals to write an output over an input.
enum OutputCheck {
    /// Why `output` (a file; standard output for `nil` or `-`) must not be written: it is, or
    /// resolves to, one of `inputs`.
    static func refusal(output: String?, inputs: [String]) -> String? {
        if let output, output != "-" { return refusal(outputs: [output], inputs: inputs) }
        guard let out = FileSystem.regularFileIdentity(STDOUT_FILENO) else { return nil }
        if let input = inputs.first(where: { $0 != "-" && FileSystem.identity($0) == out }) {
            return "error: standard output is the input '\(input)'; nothing was written"
        }
        return nil
    }

    static func refusal(outputs: [String], inputs: [String]) -> String? {
        var ids: [FileSystem.Identity: String] = [:]
        for input in inputs where input != "-" {
            if let id = FileSystem.identity(input), ids[id] == nil { ids[id] = input }
        }
        guard !ids.isEmpty else { return nil }
        for output in outputs {
            if let id = FileSystem.identity(output), let input = ids[id] {
                return "error: the output '\(output)' is the input '\(input)'; nothing was written"
            }
        }
        return nil
    }
}
