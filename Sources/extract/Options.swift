/// What the user asked for, parsed from the command line without touching any file.
///
/// A pure function of the arguments, so it is unit-tested without running a process. The
/// conventions follow swift-argument-parser: `--kebab-case` options with short aliases,
/// `--` ends the options, `-` means standard input, usage errors exit with status 2.
struct Options: Equatable {
    enum Command: String, Equatable, CaseIterable {
        case parse
        case outline
        case tables
        case time
        case units
        case diff
    }

    enum Format: String, Equatable {
        case json, csv, ndjson, text
    }

    var command: Command = .parse
    /// Files, folders, or (for `time`) texts.
    var arguments: [String] = []
    var output: String?
    var format: Format?
    var compact = false
    var bom = false
    var rawCSV = false
    var stats = false
    var jobs: Int?
    var maxSizeMB: Int?
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

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws -> Options {
        var o = Options()
        var args = arguments[...]
        if let first = args.first, let command = Command(rawValue: first), command != .parse {
            o.command = command
            args = args.dropFirst()
        }
        var onlyArguments = false
        func value(for option: String) throws -> String {
            guard let v = args.popFirst() else {
                throw UsageError(message: "missing value for '\(option)'", command: o.command)
            }
            return v
        }
        func integer(for option: String, in range: ClosedRange<Int>) throws -> Int {
            let v = try value(for: option)
            guard let n = Int(v), range.contains(n) else {
                throw UsageError(message: "'\(v)' is not a valid value for '\(option)' (a whole number from \(range.lowerBound) to \(range.upperBound))", command: o.command)
            }
            return n
        }
        while let arg = args.popFirst() {
            if onlyArguments || arg == "-" || !arg.hasPrefix("-") || (o.command == .time && isNegativeLooking(arg)) {
                o.arguments.append(arg)
                continue
            }
            // `--name=value` is the same as `--name value`.
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                args.insert(String(arg[arg.index(after: eq)...]), at: args.startIndex)
                args.insert(String(arg[..<eq]), at: args.startIndex)
                continue
            }
            switch arg {
            case "--":
                onlyArguments = true
            case "-h", "--help":
                throw Exit.help(o.command == .parse ? nil : o.command)
            case "--version":
                throw Exit.version
            case "-o", "--output":
                o.output = try value(for: arg)
            case "--format", "-f":
                let v = try value(for: arg)
                guard let f = Format(rawValue: v), allowedFormats(o.command).contains(f) else {
                    let allowed = allowedFormats(o.command).map(\.rawValue).joined(separator: ", ")
                    throw UsageError(message: "'\(v)' is not a valid value for '--format' (one of: \(allowed))", command: o.command)
                }
                o.format = f
            case "--compact":
                o.compact = true
            case "--bom":
                o.bom = true
            case "--raw-csv":
                o.rawCSV = true
            case "--stats":
                o.stats = true
            case "-j", "--jobs":
                o.jobs = try integer(for: arg, in: 1...256)
            case "--max-size":
                o.maxSizeMB = try integer(for: arg, in: 1...4096)
            case "--table":
                o.table = try integer(for: arg, in: 1...10_000)
            case "--year":
                o.year = try integer(for: arg, in: 1900...2200)
            case "--tasks":
                o.withTasks = true
            case "--color":
                o.color = true
            case "--no-color":
                o.color = false
            case "--width":
                o.width = try integer(for: arg, in: 20...10_000)
            default:
                throw UsageError(message: "unknown option '\(arg)'", command: o.command)
            }
            if !isAllowed(arg, for: o.command) {
                throw UsageError(message: "'\(arg)' does not apply to '\(o.command == .parse ? "extract" : "extract " + o.command.rawValue)'", command: o.command)
            }
        }
        try validate(o)
        return o
    }

    private static func isNegativeLooking(_ s: String) -> Bool {
        // `extract time -- "- Quý I"` is the clean way, but a lone text like "-5" is not an option either.
        s.count > 1 && s.dropFirst().first.map { $0.isNumber } == true
    }

    static func allowedFormats(_ c: Command) -> [Format] {
        switch c {
        case .parse: return [.json, .csv, .ndjson]
        case .units, .diff: return [.text, .json, .csv]
        case .tables: return [.csv]
        case .outline: return [.text]
        case .time: return [.json]
        }
    }

    private static func isAllowed(_ option: String, for c: Command) -> Bool {
        let common: Set = ["--", "-h", "--help", "--version"]
        if common.contains(option) { return true }
        let allowed: Set<String>
        switch c {
        case .parse:
            allowed = ["-o", "--output", "--format", "-f", "--compact", "--bom", "--raw-csv", "--stats", "-j", "--jobs", "--max-size"]
        case .outline:
            allowed = ["-o", "--output", "--width", "--max-size"]
        case .tables:
            allowed = ["-o", "--output", "--table", "--bom", "--raw-csv", "--format", "-f", "--max-size"]
        case .time:
            allowed = ["--year", "--format", "-f"]
        case .units:
            allowed = ["-o", "--output", "--tasks", "--format", "-f", "--bom", "--raw-csv", "--max-size"]
        case .diff:
            allowed = ["-o", "--output", "--format", "-f", "--color", "--no-color", "--bom", "--raw-csv", "--max-size"]
        }
        return allowed.contains(option)
    }

    private static func validate(_ o: Options) throws {
        switch o.command {
        case .parse:
            if o.arguments.isEmpty { throw UsageError(message: "missing input file (use '-' for standard input)", command: o.command) }
        case .outline, .tables, .units:
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
    }
}
