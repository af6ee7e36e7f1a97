import PlanParser

/// What the user asked for, parsed from the command line without touching any file.
///
/// A pure function of the arguments, so it is unit-tested without running a process. The
/// options themselves are declared once, in ``OptionSpec/all``; this file only walks the
/// arguments. The conventions follow swift-argument-parser: `--kebab-case` options with short
/// aliases (`-j 4`, `-j4`), `--name=value`, `--` ends the options, `-` means standard input,
/// usage errors exit with status 2.
struct Options: Equatable {
    enum Command: String, Equatable, CaseIterable, Sendable {
        case parse
        case outline
        case tables
        case text
        case time
        case units
        case diff

        /// How the subcommand is named in messages: `extract`, `extract outline`.
        var invocation: String { self == .parse ? "extract" : "extract " + rawValue }
    }

    var command: Command = .parse
    /// Files, folders, or (for `time`) texts.
    var arguments: [String] = []
    var output: String?
    /// The name of an output format of the command's subject (``OutputFormat/named(_:for:)``).
    var format: String?
    var compact = false
    var bom = false
    var rawCSV = false
    var delimiter = ","
    var stats = false
    var strict = false
    var jobs: Int?
    /// Threads one document's parse may use (``ParseOptions/threads``): set by the batch
    /// runner when a single input leaves the other cores idle.
    var parseThreads = 1
    var maxSizeMB: Int?
    var encoding = "auto"
    var table: Int?
    var year: Int?
    var withTasks = false
    var color: Bool?
    var width = 80

    /// `--help` / `--version` exit early with status 0.
    enum Exit: Error, Equatable {
        case help(Command?)
        case version
    }

    struct UsageError: Error, Equatable {
        var message: String
        var command: Command
    }

    /// `--delimiter` names and their bytes.
    static let delimiters: [(name: String, byte: UInt8)] = [(",", 0x2C), (";", 0x3B), ("tab", 0x09)]

    /// `--encoding` names.
    static let encodings = ["auto", "utf-8", "cp1258", "tcvn3", "vni"]

    /// The one place that turns `--encoding` into ``ParseOptions`` (the names are checked
    /// against ``encodings`` by the option table).
    static func apply(encoding name: String, to options: inout ParseOptions) {
        switch name {
        case "cp1258": options.encoding = .cp1258
        case "tcvn3": options.encoding = .tcvn3
        case "vni": options.encoding = .vni
        default: options.encoding = .automatic  // auto, utf-8
        }
    }

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws -> Options {
        var o = Options()
        var args = arguments[...]
        if let first = args.first {
            if first == "help" {
                // `extract help [SUBCOMMAND]`
                args = args.dropFirst()
                guard let name = args.first else { throw Exit.help(nil) }
                guard let command = Command(rawValue: name), command != .parse else {
                    throw UsageError(message: "unknown subcommand '\(name)'", command: .parse)
                }
                throw Exit.help(command)
            }
            if let command = Command(rawValue: first), command != .parse {
                o.command = command
                args = args.dropFirst()
            }
        }
        var onlyArguments = false
        while let arg = args.popFirst() {
            if onlyArguments || arg == "-" || !arg.hasPrefix("-") || (o.command == .time && isNegativeLooking(arg)) {
                o.arguments.append(arg)
                continue
            }
            if arg == "--" {
                onlyArguments = true
                continue
            }
            // `--name=value` is `--name value`; `-j4` is `-j 4`.
            var name = arg
            var inline: String?
            if arg.hasPrefix("--") {
                if let eq = arg.firstIndex(of: "=") {
                    name = String(arg[..<eq])
                    inline = String(arg[arg.index(after: eq)...])
                }
            } else if arg.count > 2 {
                name = String(arg.prefix(2))
                inline = String(arg.dropFirst(2))
            }
            guard let spec = OptionSpec.named(name), !(inline != nil && !spec.takesValue && !arg.hasPrefix("--")) else {
                throw UsageError(message: "unknown option '\(arg.hasPrefix("--") ? name : arg)'", command: o.command)
            }
            guard spec.applies(to: o.command) else {
                throw UsageError(message: "'\(name)' does not apply to '\(o.command.invocation)'", command: o.command)
            }
            let value: OptionSpec.Value
            if spec.takesValue {
                guard let text = inline ?? args.popFirst() else {
                    throw UsageError(message: "missing value for '\(name)'", command: o.command)
                }
                value = try parseValue(text, of: spec, name: name, command: o.command)
            } else {
                if inline != nil {
                    throw UsageError(message: "'\(name)' does not take a value", command: o.command)
                }
                value = .flag
            }
            switch spec.action {
            case .help: throw Exit.help(o.command == .parse ? nil : o.command)
            case .version: throw Exit.version
            case .set(let set): set(&o, value)
            }
        }
        try validate(o)
        return o
    }

    private static func parseValue(_ text: String, of spec: OptionSpec, name: String, command: Command) throws -> OptionSpec.Value {
        switch spec.kind {
        case .flag:
            return .flag
        case .integer(let range):
            guard let n = Int(text), range.contains(n) else {
                throw UsageError(
                    message: "'\(text)' is not a valid value for '\(name)' (a whole number from \(range.lowerBound) to \(range.upperBound))",
                    command: command)
            }
            return .integer(n)
        case .string:
            return .string(text)
        case .choice, .format:
            let allowed = spec.allowedValues(for: command)
            guard allowed.contains(text) else {
                throw UsageError(
                    message: "'\(text)' is not a valid value for '\(name)' (one of: \(allowed.joined(separator: ", ")))",
                    command: command)
            }
            return .string(text)
        }
    }

    private static func isNegativeLooking(_ s: String) -> Bool {
        // `extract time -- "- Quý I"` is the clean way, but a lone text like "-5" is not an option either.
        s.count > 1 && s.dropFirst().first.map { $0.isNumber } == true
    }

    private static func validate(_ o: Options) throws {
        switch o.command {
        case .parse, .outline, .tables, .units:
            if o.arguments.isEmpty { throw UsageError(message: "missing input file (use '-' for standard input)", command: o.command) }
        case .text:
            if o.arguments.count != 1 {
                throw UsageError(message: o.arguments.isEmpty ? "missing input file" : "expected one input file, got \(o.arguments.count)", command: o.command)
            }
        case .time:
            if o.arguments.isEmpty { throw UsageError(message: "missing time text", command: o.command) }
        case .diff:
            if o.arguments.count != 2 {
                throw UsageError(message: "expected two files (OLD NEW), got \(o.arguments.count)", command: o.command)
            }
            if o.arguments.allSatisfy({ $0 == "-" }) {
                throw UsageError(message: "only one of OLD and NEW can be standard input", command: o.command)
            }
        }
        if o.command == .time, o.arguments.filter({ $0 == "-" }).count > 1 {
            throw UsageError(message: "standard input ('-') can be read only once", command: o.command)
        }
    }
}

extension Options {
    /// How inputs are read.
    var parseOptions: ParseOptions {
        var p = ParseOptions(maxBytes: maxBytes, threads: parseThreads)
        Options.apply(encoding: encoding, to: &p)
        // `PLANPARSER_TIMING=1`: the time of each parsing stage on stderr (BENCHMARKS.md).
        if Console.environment("PLANPARSER_TIMING") != nil {
            p.stageTimer = { stage, seconds in Console.err("\(stage): \(Int(seconds * 1_000_000)) µs\n") }
        }
        return p
    }

    var maxBytes: Int { (maxSizeMB ?? 256) << 20 }

    var exportOptions: ExportOptions {
        var e = ExportOptions()
        e.pretty = !compact
        e.byteOrderMark = bom
        e.guardFormulas = !rawCSV
        e.delimiter = Options.delimiters.first { $0.name == delimiter }?.byte ?? 0x2C
        e.table = table
        e.listTasks = withTasks
        e.width = width
        e.threads = parseThreads
        return e
    }

    /// The output format the options ask for: `--format`, else the one `-o FILE`'s extension
    /// names, else the subject's default.
    func outputFormat(_ subject: ExportSubject, file: String? = nil) -> OutputFormat {
        if let f = format, let named = OutputFormat.named(f, for: subject) { return named }
        if let file, file != "-", let byName = OutputFormat.forFile(file, subject: subject) { return byName }
        return OutputFormat.formats(for: subject)[0]
    }
}
