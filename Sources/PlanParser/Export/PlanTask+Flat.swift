/// A task's fields as single texts, the way every flat output (task CSV, tasks NDJSON, XLSX,
/// HTML) writes them: names, keys and products joined with `; `, the section path with ` > `.
extension PlanTask {
    /// The list separator of flat outputs, and the one between the headings of a section path
    /// (the CSV and NDJSON writers join lists with them straight into their output).
    static let listSeparatorBytes: StaticString = "; "
    static let pathSeparator: StaticString = " > "

    var leadText: String { joined(lead.map(\.name)) }
    var supportText: String { joined(support.map(\.name)) }
    var productsText: String { joined(products) }
    var timeText: String { joined(time.map(\.text)) }

    private func joined(_ texts: [String]) -> String { texts.joined(separator: Self.listSeparatorBytes.description) }

    /// The earliest start of the task's milestones.
    var earliestStart: CalendarDate? { time.compactMap(\.start).min() }
    /// The latest end of the task's milestones.
    var latestEnd: CalendarDate? { time.compactMap(\.end).max() }
}

extension PlanDocument {
    /// A stable name for the document across files and runs: its number and date as printed
    /// (`2315/KH-SGDĐT@2024-12-27`; a number left blank before signing keeps its code,
    /// `KH-SYT@2024-12-27`; a date without a day is `2024-12` or `2024`), else the input's
    /// file name (`plan.txt`; `-` for standard input).
    var documentID: String {
        var number = Substring(header.number ?? "")
        while let f = number.first, f == "/" || f == " " { number.removeFirst() }
        while let l = number.last, l == " " { number.removeLast() }
        if !number.isEmpty, let date = header.date?.isoText {
            return String(number) + "@" + date
        }
        let path = source.path
        if let slash = path.lastIndex(of: "/"), path.index(after: slash) < path.endIndex {
            return String(path[path.index(after: slash)...])
        }
        return path
    }
}
