/// A task's fields as single texts, the way every flat output (task CSV, tasks NDJSON, XLSX,
/// HTML) writes them: names, keys and products joined with `; `, the section path with ` > `.
extension PlanTask {
    /// The list separator of flat outputs.
    static let listSeparator = listSeparatorBytes.description
    static let listSeparatorBytes: StaticString = "; "
    /// Between the headings of a section path.
    static let pathSeparator: StaticString = " > "

    var sectionText: String { section.joined(separator: Self.pathSeparator.description) }
    var leadText: String { lead.map(\.name).joined(separator: Self.listSeparator) }
    var leadKeysText: String { lead.map(\.key).joined(separator: Self.listSeparator) }
    var supportText: String { support.map(\.name).joined(separator: Self.listSeparator) }
    var supportKeysText: String { support.map(\.key).joined(separator: Self.listSeparator) }
    var productsText: String { products.joined(separator: Self.listSeparator) }
    var timeText: String { time.map(\.text).joined(separator: Self.listSeparator) }
    var notesText: String { notes.joined(separator: Self.listSeparator) }
    /// Citations with every field: `Quyết định 749/QĐ-TTg (2020-06-03; Thủ tướng Chính phủ; line 9)`.
    var referencesText: String { references.map(\.flatText).joined(separator: Self.listSeparator) }

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
