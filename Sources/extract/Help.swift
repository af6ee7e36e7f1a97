/// Help and version texts, in swift-argument-parser's layout.
enum Help {
    static let version = "0.1.0"

    static func text(for command: Options.Command?) -> String {
        switch command {
        case nil, .parse?: return main
        case .outline?: return outline
        case .tables?: return tables
        case .time?: return time
        case .units?: return units
        case .diff?: return diff
        }
    }

    static func usage(for command: Options.Command) -> String {
        switch command {
        case .parse: return "extract [<options>] <file> ..."
        case .outline: return "extract outline [--width <n>] <file>"
        case .tables: return "extract tables [--table <n>] [-o <dir>] [--bom] [--raw-csv] <file>"
        case .time: return "extract time [--year <year>] <text> ..."
        case .units: return "extract units [--tasks] [--format text|csv|json] <file>"
        case .diff: return "extract diff [--format text|json|csv] <old> <new>"
        }
    }

    static let main = """
        OVERVIEW: Turn Vietnamese government plans (Kế hoạch, Báo cáo) into task records.

        Reads Word documents (.docx, .odt) and plain text (UTF-8 or UTF-16 with BOM) and writes the
        document's header, section tree, tasks, targets and warnings as JSON, or the tasks as CSV.

        USAGE: extract [<options>] <file> ...
               extract <subcommand> [<options>] <arguments>

        ARGUMENTS:
          <file>                  Plan files (.txt, .docx, .odt), or folders searched
                                  recursively for them.
                                  Use '-' for standard input.

        OPTIONS:
          -o, --output <path>     Write to a file instead of standard output; with several
                                  inputs or a folder, a directory (one output per input).
          -f, --format <format>   json (default), csv (one row per task) or ndjson (one
                                  compact JSON document per line).
          --compact               JSON without indentation.
          --bom                   Start CSV output with a UTF-8 byte-order mark (for Excel).
          --raw-csv               Do not guard CSV cells starting with = + - @.
          --stats                 Print counts (tasks by origin, targets, warnings, leftovers,
                                  furniture) instead of the document.
          -j, --jobs <n>          Files processed in parallel (default: number of cores).
          --max-size <MB>         Refuse files larger than this (default: 256).
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          outline                 Print the section tree as indented text.
          tables                  Write the appendix tables as CSV, as printed.
          time                    Normalize time expressions ("Quý 3, 4/2024") to dates.
          units                   Count tasks each unit leads and supports.
          diff                    Compare the tasks of two plans.

          See 'extract <subcommand> --help' for detailed help.

        EXIT STATUS:
          0  success   1  an input could not be read or decoded   2  usage error

        """

    static let outline = """
        OVERVIEW: Print the section tree as indented text: line, marker, title.

        Field bullets are summed up after their item as {lead, support, product, time};
        tables show as one summary line.

        USAGE: extract outline [--width <n>] <file>

        ARGUMENTS:
          <file>                  A plan file, or '-' for standard input.

        OPTIONS:
          --width <n>             Cut titles longer than n characters (default: 80).
          -o, --output <path>     Write to a file instead of standard output.
          -h, --help              Show help information.

        """

    static let tables = """
        OVERVIEW: Write the document's tables as CSV, as printed.

        Each table gets a leading 'group' column, then its own columns; continuation rows
        (a row cut by a page break) are merged into the row they continue, milestone rows are
        kept. Without -o all tables go to standard output, separated by an empty line.

        USAGE: extract tables [--table <n>] [-o <dir>] [--bom] [--raw-csv] <file>

        ARGUMENTS:
          <file>                  A plan file, or '-' for standard input.

        OPTIONS:
          --table <n>             Only the n-th table (1-based).
          -o, --output <dir>      Write one CSV per table into this directory
                                  (<name>.table-<n>.csv).
          --bom                   Start each CSV with a UTF-8 byte-order mark (for Excel).
          --raw-csv               Do not guard cells starting with = + - @.
          -h, --help              Show help information.

        """

    static let time = """
        OVERVIEW: Normalize time expressions, one JSON line per milestone.

        USAGE: extract time [--year <year>] <text> ...

        ARGUMENTS:
          <text>                  Time texts as written in plans ("Quý 3, 4/2024").

        OPTIONS:
          --year <year>           The plan's year, for texts without one (default: none).
          -h, --help              Show help information.

        """

    static let units = """
        OVERVIEW: The workload view: each unit with the number of tasks it leads and supports.

        Units written two ways (KH&CN / Khoa học và Công nghệ) are counted as one, shown with
        their most frequent spelling.

        USAGE: extract units [--tasks] [--format text|csv|json] <file>

        ARGUMENTS:
          <file>                  A plan file, or '-' for standard input.

        OPTIONS:
          --tasks                 List the ids and titles of each unit's tasks.
          -f, --format <format>   text (default), csv or json.
          -o, --output <path>     Write to a file instead of standard output.
          -h, --help              Show help information.

        """

    static let diff = """
        OVERVIEW: Compare the tasks of two plans (e.g. last year's and this year's).

        Tasks are paired by the similarity of their titles (years that only restate the plan
        year are ignored), with a bonus for the same section and lead unit. Each pair is
        unchanged, modified or moved; unpaired tasks are added or removed.

        USAGE: extract diff [--format text|json|csv] <old> <new>

        ARGUMENTS:
          <old> <new>             The two plan files ('-' for standard input, once).

        OPTIONS:
          -f, --format <format>   text (default), json or csv.
          --color / --no-color    Force colour on or off (default: on for a terminal
                                  unless NO_COLOR is set).
          -o, --output <path>     Write to a file instead of standard output.
          --bom                   Start CSV output with a UTF-8 byte-order mark (for Excel).
          --raw-csv               Do not guard CSV cells starting with = + - @.
          -h, --help              Show help information.

        EXIT STATUS:
          0  no differences   1  differences   2  trouble (unreadable input, usage error)

        """
}
