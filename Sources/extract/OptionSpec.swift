import PlanParser

/// One command-line option, declared once: its names, the kind of value it takes, the
/// subcommands it applies to and its help. Parsing (``Options/parse(_:)``), the "does not
/// apply" errors, the usage lines and every `--help` are generated from ``OptionSpec/all``.
struct OptionSpec: Sendable {
    /// The value an option takes.
    enum Kind: Sendable, Equatable {
        /// No value: `--bom`.
        case flag
        /// A whole number in a range: `--jobs 4`.
        case integer(ClosedRange<Int>)
        /// Any text: `--output plan.json`.
        case string
        /// One of fixed names: `--encoding cp1258`.
        case choice([String])
        /// The name of an output format of the subcommand's subject (``OutputFormat/all``).
        case format
    }

    /// What a parsed value becomes.
    enum Value: Sendable {
        case flag
        case integer(Int)
        case string(String)
    }

    /// What giving the option does.
    enum Action: Sendable {
        case set(@Sendable (inout Options, Value) -> Void)
        /// `-h`, `--help`: print the subcommand's help.
        case help
        /// `--version`.
        case version
    }

    /// Without the dashes: `output` for `--output`.
    var long: String
    var short: Character?
    var kind: Kind
    /// The placeholder in usage and help: `<path>`.
    var valueName: String
    var help: String
    var commands: [Options.Command]
    /// Shown as `(default: …)` after the help text.
    var defaultValue: String?
    var action: Action
    /// Help or placeholder that differ for some subcommands (`-o` names a folder for `tables`).
    /// A short list, not a dictionary of tuples: that type would be built at run time on every start.
    var overrides: [Override] = []

    /// The help and placeholder of an option for one subcommand.
    struct Override: Sendable {
        var command: Options.Command
        var valueName: String?
        var help: String
    }

    var longName: String { "--" + long }
    var shortName: String? { short.map { "-" + String($0) } }
    var takesValue: Bool { kind != .flag }

    func applies(to command: Options.Command) -> Bool { commands.contains(command) }

    func help(for command: Options.Command) -> String { override(command)?.help ?? help }

    func valueName(for command: Options.Command) -> String { override(command)?.valueName ?? valueName }

    private func override(_ command: Options.Command) -> Override? { overrides.first { $0.command == command } }

    /// The allowed values of a `choice` or `format` option for `command`.
    func allowedValues(for command: Options.Command) -> [String] {
        switch kind {
        case .choice(let names): return names
        case .format: return command.outputFormats.map(\.name)
        default: return []
        }
    }

    /// Looks up an option by the name typed (`--output`, `-o`).
    static func named(_ name: String) -> OptionSpec? {
        all.first { $0.longName == name || $0.shortName == name }
    }
}

extension Options.Command {
    /// What the subcommand's outputs are about; `nil` for `time` and `text`, which have no
    /// output formats.
    var subject: ExportSubject? {
        switch self {
        case .parse: return .documents
        case .outline: return .outline
        case .tables: return .tables
        case .units: return .units
        case .diff: return .diff
        case .text, .time: return nil
        }
    }

    /// Every output format of the subcommand, the default first (``OutputFormat/all``).
    var outputFormats: [OutputFormat] { subject.map(OutputFormat.formats(for:)) ?? [] }

    /// Subcommands that read plan files.
    static let readingFiles: [Options.Command] = [.parse, .outline, .tables, .text, .units, .diff]
    /// Subcommands with output formats.
    static var formatted: [Options.Command] { allCases.filter { $0.subject != nil } }
    /// Subcommands that take several files and folders (``Batch``).
    static let batch: [Options.Command] = [.parse, .outline, .tables, .units]
    /// Subcommands that can write CSV.
    static let csv: [Options.Command] = [.parse, .tables, .units, .diff]
}

extension OptionSpec {
    /// `-o` of the subcommands that take several inputs and write one file per input.
    static let batchOutputHelp = "Write to a file instead of standard output; its extension picks the format "
        + "when --format is not given. With several inputs or a folder, a path without a format's extension "
        + "(or a directory) gets one output per input, at the same relative path."

    /// Every option, in the order `--help` lists them.
    static let all: [OptionSpec] = [
        OptionSpec(
            long: "output", short: "o", kind: .string, valueName: "path",
            help: "Write to a file instead of standard output; its extension picks the format "
                + "when --format is not given.",
            commands: Options.Command.readingFiles, action: .set { o, v in o.output = v.text },
            overrides: [
                Override(command: .parse, help: batchOutputHelp),
                Override(command: .outline, help: batchOutputHelp),
                Override(command: .units, help: batchOutputHelp),
                Override(command: .tables, help: "Write to a file instead of standard output when its extension names a format "
                    + "(tables.csv: all tables of all inputs); any other path is a directory that gets one file "
                    + "per table (<name>.table-<n>.csv), or per input for a workbook format, at the same "
                    + "relative path."),
            ]),
        OptionSpec(
            long: "format", short: "f", kind: .format, valueName: "format",
            help: "Output format", commands: Options.Command.formatted,
            action: .set { o, v in o.format = v.text }),
        OptionSpec(
            long: "compact", kind: .flag, valueName: "", help: "JSON without indentation.",
            commands: [.parse], action: .set { o, _ in o.compact = true }),
        OptionSpec(
            long: "bom", kind: .flag, valueName: "",
            help: "Start CSV output with a UTF-8 byte-order mark (for Excel).",
            commands: Options.Command.csv, action: .set { o, _ in o.bom = true }),
        OptionSpec(
            long: "raw-csv", kind: .flag, valueName: "",
            help: "Do not guard CSV cells starting with = + - @.",
            commands: Options.Command.csv, action: .set { o, _ in o.rawCSV = true }),
        OptionSpec(
            long: "delimiter", kind: .choice(Options.delimiters.map(\.name)), valueName: "char",
            help: "The CSV field separator: ',' ';' or 'tab'.", commands: Options.Command.csv,
            defaultValue: ",", action: .set { o, v in o.delimiter = v.text ?? "," }),
        OptionSpec(
            long: "stats", kind: .flag, valueName: "",
            help: "Print counts (tasks by origin, targets, warnings, leftovers, furniture) instead of "
                + "the document; with -o DIR, one <name>.stats.txt per input.",
            commands: [.parse], action: .set { o, _ in o.stats = true }),
        OptionSpec(
            long: "strict", kind: .flag, valueName: "",
            help: "Exit with status 3 when a document has a warning that means lost content ("
                + PlanDocument.strictWarningCodes.joined(separator: ", ") + ").",
            commands: [.parse], action: .set { o, _ in o.strict = true }),
        OptionSpec(
            long: "jobs", short: "j", kind: .integer(1...256), valueName: "n",
            help: "Files parsed in parallel; output stays in input order.", commands: Options.Command.batch,
            defaultValue: "the number of cores", action: .set { o, v in o.jobs = v.number }),
        OptionSpec(
            long: "table", kind: .integer(1...10_000), valueName: "n", help: "Only the n-th table (1-based).",
            commands: [.tables], action: .set { o, v in o.table = v.number }),
        OptionSpec(
            long: "width", kind: .integer(20...10_000), valueName: "n",
            help: "Cut titles longer than n characters.", commands: [.outline], defaultValue: "80",
            action: .set { o, v in o.width = v.number ?? 80 }),
        OptionSpec(
            long: "tasks", kind: .flag, valueName: "", help: "List the ids and titles of each unit's tasks.",
            commands: [.units], action: .set { o, _ in o.withTasks = true }),
        OptionSpec(
            long: "color", kind: .flag, valueName: "",
            help: "Colour the text report (default: on for a terminal unless NO_COLOR is set).",
            commands: [.diff], action: .set { o, _ in o.color = true }),
        OptionSpec(
            long: "no-color", kind: .flag, valueName: "", help: "Never colour the text report.",
            commands: [.diff], action: .set { o, _ in o.color = false }),
        OptionSpec(
            long: "year", kind: .integer(1900...2200), valueName: "year",
            help: "The plan's year, for texts without one.", commands: [.time], defaultValue: "none",
            action: .set { o, v in o.year = v.number }),
        OptionSpec(
            long: "max-size", kind: .integer(1...4096), valueName: "MB",
            help: "Refuse inputs larger than this, standard input and devices included.",
            commands: Options.Command.readingFiles + [.time], defaultValue: "256",
            action: .set { o, v in o.maxSizeMB = v.number }),
        OptionSpec(
            long: "encoding", kind: .choice(Options.encodings), valueName: "encoding",
            help: "How the text is encoded: auto (UTF-8, or UTF-16 with a byte-order mark), utf-8, "
                + "or the legacy Vietnamese cp1258, tcvn3, vni.",
            commands: Options.Command.readingFiles, defaultValue: "auto",
            action: .set { o, v in o.encoding = v.text ?? "auto" }),
        OptionSpec(
            long: "version", kind: .flag, valueName: "", help: "Show the version.", commands: [.parse],
            action: .version),
        OptionSpec(
            long: "help", short: "h", kind: .flag, valueName: "", help: "Show help information.",
            commands: Options.Command.allCases, action: .help),
    ]
}

extension OptionSpec.Value {
    var text: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var number: Int? {
        if case .integer(let n) = self { return n }
        return nil
    }
}
