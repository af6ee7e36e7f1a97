/// `--format html`: one self-contained page per run (inline style and script, no network)
/// that shows each plan: its header, an outline, the tasks as a table that filters by unit,
/// section, origin and text and sorts by deadline, the workload per unit, a timeline of the
/// plan year (one bar per task, milestones as marks), and the warnings with their lines.
///
/// Everything is in the markup, so the page prints and reads without its script; the script
/// only filters and sorts, and reads and writes its filters in the address
/// (`report.html#unit=văn phòng sở&sort=due`). Every field of every task record is in the
/// task table (see README, "HTML report").
struct HTMLReportExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "html", subject: .documents, extensions: ["html", "htm"],
        summary: "a report to look at: outline, filterable task table, workload, timeline, warnings",
        maker: .documents { _ in HTMLReportExporter() })

    private var w = HTMLWriter()
    private var count = 0

    mutating func begin(_ out: OutputSink) throws(OutputError) {
        w.raw(HTMLAssets.head)
        w.raw("<title>PlanParser report</title>\n")
        w.raw(HTMLAssets.css)
        w.raw("</head>\n<body>\n<main>\n")
        try w.flush(to: out)
    }

    mutating func add(_ document: PlanDocument, _ out: OutputSink) throws(OutputError) {
        count += 1
        var page = HTMLReportPage(document: document, number: count, w: w)
        try page.write(out)
        w = page.w
        try w.flush(to: out)
    }

    mutating func end(_ out: OutputSink) throws(OutputError) {
        if count == 0 { w.raw("<p class=\"empty\">No documents.</p>\n") }
        w.raw("</main>\n")
        w.raw(HTMLAssets.reportScript)
        w.raw("</body>\n</html>\n")
        try w.flush(to: out)
    }
}

/// The `<article>` of one document in the report.
struct HTMLReportPage {
    let document: PlanDocument
    let number: Int
    var w: HTMLWriter
    /// The document's workload, computed once for the filter and the chart.
    let units: [UnitWorkload]

    init(document: PlanDocument, number: Int, w: HTMLWriter) {
        self.document = document
        self.number = number
        self.w = w
        units = UnitWorkload.compute(document)
    }

    private var anchor: String { "d\(number)" }

    mutating func write(_ out: OutputSink) throws(OutputError) {
        w.markup("<article class=\"doc\" id=\"\(anchor)\" data-source=\"")
        w.text(document.source.path)
        w.raw("\">\n")
        header()
        w.markup("<nav class=\"jump\"><a href=\"#\(anchor)-outline\">Outline</a><a href=\"#\(anchor)-tasks\">Tasks</a>"
            + "<a href=\"#\(anchor)-workload\">Workload</a><a href=\"#\(anchor)-timeline\">Timeline</a>"
            + "<a href=\"#\(anchor)-warnings\">Warnings</a></nav>\n")
        outline()
        try tasks(out)
        workload()
        try timeline(out)
        warnings()
        w.raw("</article>\n")
    }

    /// Opens the part `name` of the page (its class, and its anchor after the document's)
    /// under the heading `title`. An `empty` part says `emptyText` and is closed at once:
    /// false, nothing more to write.
    private mutating func openSection(_ name: StaticString, _ title: StaticString, empty: Bool,
                                      _ emptyText: StaticString) -> Bool {
        w.raw("<section class=\"")
        w.raw(name)
        w.raw("\" id=\"")
        w.markup(anchor)
        w.raw("-")
        w.raw(name)
        w.raw("\"><h2>")
        w.raw(title)
        w.raw("</h2>\n")
        guard empty else { return true }
        w.raw("<p class=\"empty\">")
        w.raw(emptyText)
        w.raw("</p></section>\n")
        return false
    }

    /// One `<option>` of a filter.
    private mutating func option(value: String, _ label: String) {
        w.raw("<option value=\"")
        w.text(value)
        w.raw("\">")
        w.text(label)
        w.raw("</option>")
    }

    // MARK: Header

    private mutating func header() {
        let h = document.header
        w.raw("<header>\n")
        var line: [String] = []
        if let kind = h.kind { line.append(kind) }
        if let n = h.number { line.append("Số: " + n) }
        if let date = h.date {
            let place = h.place.map { $0 + ", " } ?? ""
            line.append(place + "ngày " + Self.dateText(date))
        } else if let place = h.place {
            line.append(place)
        }
        if !line.isEmpty { w.element("p", "kind", line.joined(separator: " · ")) }
        w.raw("<h1>")
        w.text(h.title ?? document.source.path)
        w.raw("</h1>\n")
        if let issuer = h.issuer { w.element("p", "issuer", issuer) }
        w.raw("<dl class=\"facts\">")
        func fact(_ name: StaticString, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            w.raw("<dt>"); w.raw(name); w.raw("</dt><dd>"); w.text(value); w.raw("</dd>")
        }
        fact("Plan year", h.planPeriod.map { "\($0.start)–\($0.end)" } ?? h.planYear.map(String.init))
        fact("Document", document.documentID)
        fact("Source", document.source.path + " (\(document.source.lines) lines)")
        fact("Addressee", h.addressee)
        fact("Signed", [h.signer?.title, h.signer?.name].compactMap { $0 }.joined(separator: " — "))
        if !h.references.isEmpty { fact("Cites", "\(h.references.count) documents") }
        w.raw("</dl>\n<ul class=\"counts\">")
        let dated = document.tasks.filter { $0.latestEnd != nil }.count
        for (n, one, many) in [(document.tasks.count, "task", "tasks"), (dated, "with a date", "with a date"),
                                (document.targets.count, "target", "targets"), (document.tableCount, "table", "tables"),
                                (document.warnings.count, "warning", "warnings")] {
            w.raw("<li><b>"); w.int(n); w.raw("</b> "); w.markup(n == 1 ? one : many); w.raw("</li>")
        }
        w.raw("</ul>\n</header>\n")
    }

    static func dateText(_ d: DocumentDate) -> String {
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "__" }
        return two(d.day) + "/" + two(d.month) + "/" + (d.year.map(String.init) ?? "____")
    }

    // MARK: Outline

    private mutating func outline() {
        var items = 0
        func count(_ v: SectionView, _ depth: Int) {
            guard Self.showsInOutline(v), depth < 4 else { return }
            items += 1
            for c in v.children { count(c, depth + 1) }
        }
        for v in document.sectionViews { count(v, 0) }
        guard openSection("outline", "Outline", empty: items == 0, "No sections.") else { return }
        w.raw(items <= 60 ? "<details open>" : "<details>")
        w.raw("<summary>")
        w.int(items)
        w.raw(" headings</summary>\n<ol>\n")
        for v in document.sectionViews { outlineItem(v, depth: 0) }
        w.raw("</ol></details></section>\n")
    }

    /// Headings only: parts, groups, roman and arabic numbers, appendices (lettered items and
    /// bullets are tasks, shown in the task table).
    private static func showsInOutline(_ v: SectionView) -> Bool {
        switch v.kind {
        case .part, .group, .roman, .arabic, .article, .appendix: return v.fieldRole == nil
        case .letter, .number, .bullet: return false
        }
    }

    /// A heading cut to `limit` characters for the outline.
    static func cut(_ s: String, _ limit: Int = 110) -> String {
        guard s.count > limit else { return s }
        return String(s.prefix(limit - 1)).trimmingSpaces + "…"
    }

    private mutating func outlineItem(_ v: SectionView, depth: Int) {
        guard Self.showsInOutline(v), depth < 4 else { return }
        w.raw("<li><span class=\"n\">")
        w.text(v.marker)
        w.raw("</span> ")
        w.text(Self.cut(v.title))
        w.raw("<span class=\"ln\">")
        w.int(v.line)
        w.raw("</span>")
        let children = v.children.filter { Self.showsInOutline($0) }
        if !children.isEmpty, depth < 3 {
            w.raw("<ol>\n")
            for c in v.children { outlineItem(c, depth: depth + 1) }
            w.raw("</ol>")
        }
        w.raw("</li>\n")
    }

    // MARK: Tasks

    /// The top-level heading of each task, as a number from 1 (0: none), and the headings in
    /// order: what the section filter offers. Tasks come in document order, so headings come
    /// in runs and only a change of heading is looked up.
    private var topSections: (list: [String], ofTask: [Int]) {
        var index: [String: Int] = [:]
        var list: [String] = []
        var ofTask: [Int] = []
        ofTask.reserveCapacity(document.tasks.count)
        var last: String?
        var lastNumber = 0
        for t in document.tasks {
            guard let s = t.section.first else {
                ofTask.append(0)
                continue
            }
            if s != last {
                if let n = index[s] {
                    lastNumber = n
                } else {
                    list.append(s)
                    lastNumber = list.count
                    index[s] = lastNumber
                }
                last = s
            }
            ofTask.append(lastNumber)
        }
        return (list, ofTask)
    }

    private mutating func tasks(_ out: OutputSink) throws(OutputError) {
        guard openSection("tasks", "Tasks", empty: document.tasks.isEmpty, "No tasks.") else { return }
        let (sections, sectionOfTask) = topSections

        w.raw("<form class=\"filters\" autocomplete=\"off\">\n<label>Unit<select name=\"unit\"><option value=\"\">All units</option>")
        for u in units { option(value: u.key, "\(u.name) (\(u.leads.count)/\(u.supports.count))") }
        w.markup("</select></label>\n<label>Role<select name=\"role\"><option value=\"any\">lead or support</option>"
            + "<option value=\"lead\">lead</option><option value=\"support\">support</option></select></label>\n")
        w.raw("<label>Section<select name=\"section\"><option value=\"\">All sections</option>")
        for (i, s) in sections.enumerated() { option(value: String(i + 1), s) }
        w.raw("</select></label>\n<label>Origin<select name=\"origin\"><option value=\"\">All</option>")
        for o in PlanTask.Origin.allCases where document.tasks.contains(where: { $0.origin == o }) {
            w.markup("<option value=\"\(o.rawValue)\">\(o.rawValue)</option>")
        }
        w.raw("</select></label>\n<label>Search<input type=\"search\" name=\"q\" placeholder=\"words, with or without accents\"></label>\n")
        w.markup("<button type=\"button\" class=\"sort\" aria-pressed=\"false\">Sort by deadline</button>"
            + "<button type=\"button\" class=\"reset\">Reset</button>\n<output>")
        w.int(document.tasks.count)
        w.raw(" of ")
        w.int(document.tasks.count)
        w.raw(" tasks</output>\n</form>\n")

        w.markup("<table class=\"task-table\"><colgroup><col class=\"c-id\"><col class=\"c-task\"><col class=\"c-unit\">"
            + "<col class=\"c-unit\"><col class=\"c-products\"><col class=\"c-time\"><col class=\"c-due\"><col class=\"c-line\">"
            + "</colgroup>\n")
        w.markup("<thead><tr><th>Id</th><th>Task</th><th>Lead</th><th>Support</th>"
            + "<th>Products</th><th>Time</th><th>Deadline</th><th>Lines</th></tr></thead>\n<tbody>\n")
        for (k, t) in document.tasks.enumerated() {
            taskRow(t, section: sectionOfTask[k] > 0 ? sectionOfTask[k] : nil)
            try w.flush(to: out, ifAbove: JSONWriter.chunkSize)
        }
        w.raw("</tbody></table>\n</section>\n")
    }

    private mutating func taskRow(_ t: PlanTask, section: Int?) {
        w.raw("<tr id=\"")
        w.markup(anchor)
        w.raw("-t-")
        w.text(t.id)
        w.raw("\" data-task=\"")
        w.text(t.id)
        w.raw("\" data-origin=\"")
        w.markup(t.origin.rawValue)
        w.raw("\" data-section=\"")
        if let section { w.int(section) }
        w.raw("\" data-lead=\"|")
        for u in t.lead { w.text(u.key); w.raw("|") }
        w.raw("\" data-support=\"|")
        for u in t.support { w.text(u.key); w.raw("|") }
        w.raw("\" data-due=\"")
        if let end = t.latestEnd { w.markup(end.iso) }
        w.raw("\">")

        w.raw("<td class=\"id\" data-label=\"Id\">")
        w.text(t.id)
        w.raw("<span class=\"badge\">")
        w.markup(t.origin.rawValue)
        w.raw("</span></td>")

        w.raw("<td class=\"task\" data-label=\"Task\"><span class=\"sec\">")
        w.text(t.section.joined(separator: " › "))
        w.raw("</span>")
        if let n = t.number { w.element("span", "num", n) }
        w.element("span", "title", t.title)
        if !t.notes.isEmpty || !t.references.isEmpty {
            w.raw("<div class=\"extra\">")
            if !t.notes.isEmpty { list(t.notes, cls: "notes") }
            if !t.references.isEmpty { list(t.references.map(\.flatText), cls: "refs") }
            w.raw("</div>")
        }
        w.raw("</td>")

        units(t.lead, label: "Lead")
        units(t.support, label: "Support")

        w.raw("<td class=\"products\" data-label=\"Products\">")
        if !t.products.isEmpty { list(t.products, cls: nil) }
        w.raw("</td><td class=\"time\" data-label=\"Time\">")
        if !t.time.isEmpty {
            w.raw("<ul>")
            for m in t.time { milestone(m) }
            w.raw("</ul>")
        }
        w.raw("</td><td class=\"due\" data-label=\"Deadline\">")
        if let end = t.latestEnd {
            w.markup("<time datetime=\"\(end.iso)\">")
            w.day(end)
            w.raw("</time>")
        }
        w.raw("</td><td class=\"line\" data-label=\"Lines\">")
        w.int(t.line)
        if t.endLine != t.line {
            w.raw("–")
            w.int(t.endLine)
        }
        w.raw("</td></tr>\n")
    }

    private mutating func units(_ list: [UnitRef], label: StaticString) {
        w.raw("<td class=\"unit\" data-label=\"")
        w.raw(label)
        w.raw("\">")
        if !list.isEmpty {
            w.raw("<ul>")
            for u in list {
                w.raw("<li data-key=\"")
                w.text(u.key)
                w.raw("\">")
                w.text(u.name)
                w.raw("</li>")
            }
            w.raw("</ul>")
        }
        w.raw("</td>")
    }

    private mutating func list(_ items: [String], cls: StaticString?) {
        if let cls {
            w.raw("<ul class=\"")
            w.raw(cls)
            w.raw("\">")
        } else {
            w.raw("<ul>")
        }
        for i in items {
            w.raw("<li>")
            w.text(i)
            w.raw("</li>")
        }
        w.raw("</ul>")
    }

    /// A milestone: its text, then its kind and dates (and rhythm and action) in small print.
    private mutating func milestone(_ m: TimeMilestone) {
        w.markup("<li data-kind=\"\(m.kind.rawValue)\"")
        if let s = m.start { w.markup(" data-start=\"\(s.iso)\"") }
        if let e = m.end { w.markup(" data-end=\"\(e.iso)\"") }
        w.raw(">")
        w.text(m.text)
        w.raw("<small>")
        w.markup(m.kind.rawValue)
        if let every = m.every { w.markup(", every " + every.rawValue) }
        if m.start != nil || m.end != nil {
            w.raw(" · ")
            if let s = m.start { w.day(s) }
            if m.start != m.end {
                w.raw("–")
                if let e = m.end { w.day(e) }
            }
        }
        if let action = m.action {
            w.raw(" · ")
            w.text(action)
        }
        w.raw("</small></li>")
    }

    // MARK: Workload

    private mutating func workload() {
        guard openSection("workload", "Workload", empty: units.isEmpty, "No units named.") else { return }
        w.markup("<p class=\"key\"><span><i style=\"background:var(--lead)\"></i>leads</span>"
            + "<span><i style=\"background:var(--support)\"></i>supports</span></p>\n")
        w.raw("<table><thead><tr><th>Unit</th><th class=\"c\">Lead</th><th class=\"c\">Support</th><th>Tasks</th></tr></thead><tbody>\n")
        let most = max(1, units.map { $0.leads.count + $0.supports.count }.max() ?? 1)
        for u in units {
            w.raw("<tr><td class=\"u\"><button type=\"button\" data-unit=\"")
            w.text(u.key)
            w.raw("\" title=\"")
            w.text(([u.key] + u.spellings.dropFirst()).joined(separator: " · "))
            w.raw("\">")
            w.text(u.name)
            w.raw("</button></td><td class=\"c\">")
            w.int(u.leads.count)
            w.raw("</td><td class=\"c\">")
            w.int(u.supports.count)
            w.raw("</td><td><div class=\"bar\" role=\"img\" aria-label=\"")
            w.int(u.leads.count)
            w.raw(" lead, ")
            w.int(u.supports.count)
            w.raw(" support\"><span class=\"l\" style=\"width:")
            w.percent(100 * Double(u.leads.count) / Double(most))
            w.raw("%\"></span><span class=\"s\" style=\"width:")
            w.percent(100 * Double(u.supports.count) / Double(most))
            w.raw("%\"></span></div></td></tr>\n")
        }
        w.raw("</tbody></table></section>\n")
    }

    // MARK: Timeline

    private mutating func timeline(_ out: OutputSink) throws(OutputError) {
        let range = HTMLTimeline(document)
        guard openSection("timeline", "Timeline", empty: range == nil, "No task has a date."), let range else { return }
        w.raw("<p class=\"muted\">")
        w.markup(range.caption)
        w.markup(". Bars run from a task's first start to its last end; ◆ marks each deadline; "
            + "striped bars are continuous tasks.")
        let undated = document.tasks.count - range.dated
        if undated > 0 {
            w.raw(" ")
            w.int(undated)
            w.raw(undated == 1 ? " task without a date is not shown." : " tasks without a date are not shown.")
        }
        w.raw("</p>\n")
        w.markup("<div style=\"--cols:\(range.columns.count)\">")
        w.raw("<div class=\"tl-head\"><span></span><div class=\"tl-scale top\">")
        for g in range.groups {
            w.markup("<span style=\"grid-column:span \(g.span)\">")
            w.text(g.label)
            w.raw("</span>")
        }
        w.raw("</div></div>\n<div class=\"tl-head\"><span></span><div class=\"tl-scale\">")
        for c in range.columns {
            w.raw("<span>")
            w.text(c)
            w.raw("</span>")
        }
        w.raw("</div></div>\n")
        for t in document.tasks {
            guard let bar = range.bar(t) else { continue }
            w.raw("<div class=\"tl-row\" data-task=\"")
            w.text(t.id)
            w.raw("\" title=\"")
            w.text(t.id + " " + t.title + " — " + t.timeText)
            w.raw("\"><span class=\"tl-label\"><b>")
            w.text(t.id)
            w.raw("</b><span>")
            w.text(t.title)
            w.raw("</span></span><div class=\"tl-track\">")
            if let b = bar.span {
                w.raw("<span class=\"tl-bar")
                if !bar.style.isEmpty { w.raw(" "); w.markup(bar.style) }
                w.raw("\" style=\"left:")
                w.percent(b.lowerBound)
                w.raw("%;width:")
                w.percent(b.upperBound - b.lowerBound)
                w.raw("%\"></span>")
            }
            for m in bar.marks {
                w.raw("<i class=\"tl-mark")
                if m.periodic { w.raw(" periodic") }
                w.raw("\" style=\"left:")
                w.percent(m.at)
                w.raw("%\" title=\"")
                w.text(m.title)
                w.raw("\"></i>")
            }
            w.raw("</div></div>\n")
            try w.flush(to: out, ifAbove: JSONWriter.chunkSize)
        }
        w.raw("</div></section>\n")
    }

    // MARK: Warnings

    private mutating func warnings() {
        guard openSection("warnings", "Warnings", empty: document.warnings.isEmpty, "No warnings.") else { return }
        w.raw("<table><thead><tr><th>Line</th><th>Code</th><th>Message</th></tr></thead><tbody>\n")
        for d in document.warnings {
            w.raw("<tr><td>")
            w.int(d.line)
            w.raw("</td><td><code>")
            w.text(d.code)
            w.raw("</code></td><td>")
            w.text(d.message)
            w.raw("</td></tr>\n")
        }
        w.raw("</tbody></table></section>\n")
    }
}
