import PlanParser

/// Help and usage texts in swift-argument-parser's layout, generated from ``OptionSpec/all``,
/// ``OutputFormat/all`` and ``InputFormat/all``: a new option, output or input format shows
/// up here by itself.
enum Help {
    static let version = "0.1.0"

    /// What `--help` prints, and what it says about each subcommand.
    struct CommandInfo {
        var overview: String
        var discussion: String?
        /// `<file>` and its help.
        var arguments: [(name: String, help: String)]
        /// The arguments as the usage line shows them.
        var argumentUsage: String
        var exitStatus: [(code: Int32, meaning: String)]
    }

    /// The width help text is wrapped to.
    static let width = 80
    /// Where option help starts: two spaces, then 24 columns of names.
    static let column = 26

    static func info(_ command: Options.Command) -> CommandInfo {
        let extensions = FileSystem.planExtensions.map { "." + $0 }.joined(separator: ", ")
        let inputs = "A plan file (" + extensions + "), or '-' for standard input."
        let files = "Plan files, or folders searched recursively for plan files (" + extensions
            + "); '-' for standard input."
        let several = "Several inputs or a folder: parsed in parallel (--jobs) and written in input order, "
            + "to standard output or one -o FILE, or with -o DIR one output per input at the same relative path."
        let usual: [(Int32, String)] = [
            (Extract.Status.ok, "success"),
            (Extract.Status.inputError, "an input could not be read or decoded, or an output could not be written"),
            (Extract.Status.usage, "usage error"),
        ]
        switch command {
        case .parse:
            return CommandInfo(
                overview: "Turn Vietnamese government plans (Kế hoạch, Báo cáo) into task records.",
                discussion: "Reads plans converted from Word/PDF and writes the document's header, section tree, "
                    + "tasks, targets and warnings as JSON, or the tasks as CSV. Several inputs are parsed in "
                    + "parallel and written in input order; every output file is written in full or not at all.",
                arguments: [("<file> ...", "Plan files, or folders searched recursively for files of these formats; "
                    + "'-' for standard input:")],
                argumentUsage: "<file> ...",
                exitStatus: usual + [(Extract.Status.strict, "--strict, and a warning that means lost content")])
        case .outline:
            return CommandInfo(
                overview: "Print the section tree as indented text: line, marker, title.",
                discussion: "Field bullets are summed up after their item as {lead, support, product, time}; "
                    + "tables show as one summary line. Control characters in the text are shown escaped (\\u{1B}). "
                    + several + " In one output for several inputs each document starts with a line '== path =='.",
                arguments: [("<file> ...", files)], argumentUsage: "<file> ...", exitStatus: usual)
        case .tables:
            return CommandInfo(
                overview: "Write the document's tables as CSV, as printed.",
                discussion: "Each table gets a leading 'group' column, then its own columns; continuation rows "
                    + "(a row cut by a page break) are merged into the row they continue, milestone rows are "
                    + "kept. Without -o all tables go to standard output, separated by an empty line. "
                    + several + " With -o DIR each table gets a file of its own (<name>.table-<n>.csv), "
                    + "or each input one workbook.",
                arguments: [("<file> ...", files)], argumentUsage: "<file> ...", exitStatus: usual)
        case .text:
            return CommandInfo(
                overview: "Print the text the parser reads, which every 'line' in the output refers to.",
                discussion: "For a text file: decoded, line ends as LF, NFC, Unicode spaces as spaces. For other "
                    + "formats: the reader's canonical text (paragraphs and table rows). On a terminal, control "
                    + "characters other than tab are shown escaped (\\u{1B}).",
                arguments: [("<file>", inputs)], argumentUsage: "<file>", exitStatus: usual)
        case .time:
            return CommandInfo(
                overview: "Normalize time expressions, one compact JSON line per text.",
                discussion: "Each line is {\"input\", \"milestones\": [...], \"warnings\": [...]}.",
                arguments: [("<text> ...", "Time texts as written in plans (\"Quý 3, 4/2024\"); '-' reads one "
                    + "text per line from standard input.")],
                argumentUsage: "<text> ...",
                exitStatus: [(0, "success"), (1, "standard input could not be read"), (2, "usage error")])
        case .units:
            return CommandInfo(
                overview: "The workload view: each unit with the number of tasks it leads and supports.",
                discussion: "Units written two ways (KH&CN / Khoa học và Công nghệ) are counted as one, shown "
                    + "with their most frequent spelling, per document. " + several + " In one output for "
                    + "several inputs the text heads each document with '== path ==', CSV adds a first column "
                    + "'source', JSON is an array of {\"path\", \"units\"}.",
                arguments: [("<file> ...", files)], argumentUsage: "<file> ...", exitStatus: usual)
        case .diff:
            return CommandInfo(
                overview: "Compare the tasks of two plans (e.g. last year's and this year's).",
                discussion: "Tasks are paired by the similarity of their titles (years that only restate the plan "
                    + "year are ignored), with a bonus for the same section and lead unit. Each pair is "
                    + "unchanged, modified or moved; unpaired tasks are added or removed.",
                arguments: [("<old> <new>", "The two plan files ('-' for standard input, once).")],
                argumentUsage: "<old> <new>",
                exitStatus: [
                    (DiffCommand.Status.same, "no differences"), (DiffCommand.Status.different, "differences"),
                    (DiffCommand.Status.trouble, "trouble: an input could not be read, an output could not be "
                        + "written, or a usage error"),
                ])
        }
    }

    /// The usage line: every option when it fits in ``width`` columns, else `[<options>]`.
    static func usage(for command: Options.Command) -> String {
        let name = command.invocation
        let args = info(command).argumentUsage
        let options = OptionSpec.all.filter { $0.applies(to: command) && !isExit($0) }.map { spec in
            spec.takesValue ? "[\(spec.longName) <\(spec.valueName(for: command))>]" : "[\(spec.longName)]"
        }
        let full = ([name] + options + [args]).joined(separator: " ")
        if "USAGE: ".count + full.count <= width { return full }
        return "\(name) [<options>] \(args)"
    }

    static func text(for command: Options.Command?) -> String {
        let command = command ?? .parse
        let info = info(command)
        var out = wrap("OVERVIEW: " + info.overview, indent: 0) + "\n\n"
        if let discussion = info.discussion { out += wrap(discussion, indent: 0) + "\n\n" }
        out += "USAGE: \(usage(for: command))\n"
        if command == .parse { out += "       extract <subcommand> [<options>] <arguments>\n" }
        out += "\nARGUMENTS:\n"
        for (name, help) in info.arguments { out += entry(name, help) }
        if command == .parse {
            out += formatList(InputFormat.all.map { ($0.name, $0.summary, $0.extensions) })
        }
        out += "\nOPTIONS:\n"
        for spec in OptionSpec.all where spec.applies(to: command) {
            out += options(spec, command)
        }
        if command == .parse {
            out += "\nSUBCOMMANDS:\n"
            for c in Options.Command.allCases where c != .parse { out += entry(c.rawValue, subcommandSummary(c)) }
            out += "\n  See 'extract help <subcommand>' for detailed help.\n"
        }
        out += "\nEXIT STATUS:\n"
        for (code, meaning) in info.exitStatus {
            out += "  " + String(code) + "  " + String(wrap(meaning, indent: 5).dropFirst(5)) + "\n"
        }
        return out + "\n"
    }

    /// The lines of one option.
    private static func options(_ spec: OptionSpec, _ command: Options.Command) -> String {
        var names = spec.shortName.map { $0 + ", " } ?? ""
        names += spec.longName
        if spec.takesValue { names += " <\(spec.valueName(for: command))>" }
        var help = spec.help(for: command)
        switch spec.kind {
        case .format:
            let formats = command.outputFormats
            return entry(names, help + " (default: \(formats.first?.name ?? "")):")
                + formatList(formats.map { ($0.name, $0.summary, $0.extensions) })
        default:
            if let d = spec.defaultValue {
                if help.hasSuffix(".") { help.removeLast() }
                help += " (default: \(d))."
            }
            return entry(names, help)
        }
    }

    /// The formats listed under `<file>` (input) and `--format` (output): names in a column,
    /// then each summary and its extensions (none: no brackets).
    private static func formatList(_ formats: [(name: String, summary: String, extensions: [String])]) -> String {
        let nameWidth = formats.map(\.name.count).max() ?? 0
        var text = ""
        for f in formats {
            let pad = String(repeating: " ", count: nameWidth - f.name.count + 2)
            let exts = f.extensions.map { "." + $0 }.joined(separator: " ")
            text += entry("", f.name + pad + f.summary + (exts.isEmpty ? "" : " [" + exts + "]"), extra: 2,
                          hanging: nameWidth + 2)
        }
        return text
    }

    private static func isExit(_ spec: OptionSpec) -> Bool {
        switch spec.action {
        case .help, .version: return true
        case .set: return false
        }
    }

    private static func subcommandSummary(_ c: Options.Command) -> String {
        switch c {
        case .parse: return ""
        case .outline: return "Print the section tree as indented text."
        case .tables: return "Write the appendix tables as CSV, as printed."
        case .text: return "Print the text the parser reads (line numbers refer to it)."
        case .time: return "Normalize time expressions (\"Quý 3, 4/2024\") to dates."
        case .units: return "Count tasks each unit leads and supports."
        case .diff: return "Compare the tasks of two plans."
        }
    }

    /// `  name                    help…`, the help wrapped at ``column``; a name too long for
    /// its column puts the help on the next line. `extra` indents the help further, `hanging`
    /// indents its continuation lines further still.
    private static func entry(_ name: String, _ help: String, extra: Int = 0, hanging: Int = 0) -> String {
        let body = wrap(help, indent: column + extra, hanging: hanging)
        let lead = "  " + name
        if name.isEmpty { return body + "\n" }
        if lead.count + 2 > column { return lead + "\n" + body + "\n" }
        return lead + String(body.dropFirst(lead.count)) + "\n"
    }

    /// `text` wrapped at ``width`` columns, every line indented by `indent` spaces
    /// (continuation lines by `hanging` more).
    static func wrap(_ text: String, indent: Int, hanging: Int = 0) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let prefix = lines.isEmpty ? indent : indent + hanging
            if !line.isEmpty, prefix + line.count + 1 + word.count > width {
                lines.append(String(repeating: " ", count: prefix) + line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        let prefix = lines.isEmpty ? indent : indent + hanging
        lines.append(String(repeating: " ", count: prefix) + line)
        return lines.joined(separator: "\n")
    }
}
