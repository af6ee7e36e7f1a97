/// `extract diff --format html`: the changes between two plans as one self-contained page.
///
/// The two plans and the counts on top; then the added, removed, moved and modified tasks
/// (the text report's groups), each a card with its ids, its title and every changed field as
/// a word diff — removed words struck out in red, inserted ones in green, as `[-…-]{+…+}` in
/// the text report; unchanged pairs are listed folded at the end. Kind filters and a search
/// box (also from the address: `#kinds=added,modified&q=…`) narrow the list.
struct HTMLDiffExporter: DiffExporter {
    static let format = OutputFormat(
        name: "html", subject: .diff, extensions: ["html", "htm"],
        summary: "a page to look at: changes by kind with word-level highlights",
        maker: .diff { _ in HTMLDiffExporter() })

    private static let groups: [(TaskChange.Kind, StaticString)] = [
        (.added, "Added"), (.removed, "Removed"), (.moved, "Moved"), (.modified, "Modified"),
    ]

    func write(_ diff: PlanDiff, _ out: OutputSink) throws(OutputError) {
        var w = HTMLWriter()
        w.raw(HTMLAssets.head)
        w.raw("<title>")
        w.text("Changes: " + diff.old.path + " → " + diff.new.path)
        w.raw("</title>\n")
        w.raw(HTMLAssets.css)
        w.raw("</head>\n<body>\n<main>\n<article class=\"doc diff\">\n<header>\n<p class=\"kind\">CHANGES</p>\n<h1>")
        w.text(diff.old.path)
        w.raw(" → ")
        w.text(diff.new.path)
        w.raw("</h1>\n<dl class=\"facts\">")
        for (label, p) in [("Old plan", diff.old), ("New plan", diff.new)] {
            w.markup("<dt>\(label)</dt><dd>")
            w.text(p.path)
            w.markup(" (" + (p.planYear.map { "plan year \($0), " } ?? "") + "\(p.taskCount) task\(p.taskCount == 1 ? "" : "s"))</dd>")
        }
        w.raw("</dl>\n<ul class=\"chips\">")
        let s = diff.summary
        for (kind, n) in [(TaskChange.Kind.added, s.added), (.removed, s.removed), (.moved, s.moved), (.modified, s.modified)] {
            w.markup("<li class=\"k-\(kind.rawValue)\"><b>\(n)</b> \(kind.rawValue)</li>")
        }
        w.markup("<li><b>\(s.unchanged)</b> unchanged</li></ul>\n</header>\n")
        if !diff.hasDifferences { w.raw("<p class=\"empty\">No differences in tasks.</p>\n") }

        let differences = diff.changes.filter { $0.change != .unchanged }.count
        w.raw("<form class=\"filters\" autocomplete=\"off\">\n")
        for (kind, name) in Self.groups {
            w.markup("<label class=\"k-\(kind.rawValue)\" style=\"flex-direction:row;gap:.3rem;align-items:center\">"
                + "<input type=\"checkbox\" name=\"kind\" value=\"\(kind.rawValue)\" checked>")
            w.raw(name)
            w.raw("</label>\n")
        }
        w.raw("<label>Search<input type=\"search\" name=\"q\" placeholder=\"words, with or without accents\"></label>\n<output>")
        w.int(differences)
        w.raw(" of ")
        w.int(differences)
        w.raw(" changes</output>\n</form>\n")

        // One word table for both sides: words are compared by id.
        let words = WordTable()
        let shift = diff.old.planYear != nil && diff.new.planYear != nil
        let old = DiffTokenizer(words: words, baseYear: shift ? diff.old.planYear : nil)
        let new = DiffTokenizer(words: words, baseYear: shift ? diff.new.planYear : nil)
        for (kind, name) in Self.groups {
            let changes = diff.changes.filter { $0.change == kind }
            guard !changes.isEmpty else { continue }
            w.markup("<section class=\"group\" id=\"\(kind.rawValue)\"><h2>")
            w.raw(name)
            w.markup(" (\(changes.count))</h2>\n")
            for c in changes {
                card(c, &w, old: old, new: new)
                try w.flush(to: out, ifAbove: JSONWriter.chunkSize)
            }
            w.raw("</section>\n")
        }
        let unchanged = diff.changes.filter { $0.change == .unchanged }
        if !unchanged.isEmpty {
            w.markup("<section class=\"unchanged\" id=\"unchanged\"><h2>Unchanged (\(unchanged.count))</h2>"
                + "<details><summary>Pairs that did not change</summary><ul>\n")
            for c in unchanged {
                guard let a = c.old, let b = c.new else { continue }
                w.raw("<li><b>")
                w.text(a.id)
                w.raw(" → ")
                w.text(b.id)
                w.raw("</b> ")
                w.text(b.title)
                w.raw("</li>\n")
            }
            w.raw("</ul></details></section>\n")
        }
        w.raw("</article>\n</main>\n")
        w.raw(HTMLAssets.diffScript)
        w.raw("</body>\n</html>\n")
        try w.flush(to: out)
    }

    /// One change: ids, title (as a word diff when it changed), then its fields.
    private func card(_ c: TaskChange, _ w: inout HTMLWriter, old: DiffTokenizer, new: DiffTokenizer) {
        let kind = c.change.rawValue
        w.markup("<div class=\"change \(kind)\" data-kind=\"\(kind)\"")
        if let id = c.new?.id ?? c.old?.id {
            w.raw(" id=\"c-")
            w.text(kind + "-" + id)
            w.raw("\"")
        }
        w.raw(">\n<p class=\"ids\">")
        switch c.change {
        case .added:
            w.raw("+ ")
            w.text(c.new?.id ?? "")
        case .removed:
            w.raw("− ")
            w.text(c.old?.id ?? "")
        default:
            w.raw("~ ")
            w.text(c.old?.id ?? "")
            w.raw(" → ")
            w.text(c.new?.id ?? "")
        }
        if let sim = c.similarity, c.change == .moved || c.change == .modified {
            w.raw(" <small>similarity ")
            w.markup(DecimalText.string(sim, fractionDigits: 3))
            w.raw("</small>")
        }
        w.raw("</p>\n<p class=\"title\">")
        if c.fields.contains(.title), !c.titleDiff.isEmpty {
            Self.words(c.titleDiff, &w)
        } else {
            w.text((c.new ?? c.old)?.title ?? "")
        }
        w.raw("</p>\n")
        if let r = c.relatedTo {
            w.raw("<p class=\"rel\">")
            w.raw(c.change == .added ? "split from " : "merged into ")
            w.text(r)
            if let sim = c.similarity {
                w.raw(" (similarity ")
                w.markup(DecimalText.string(sim, fractionDigits: 3))
                w.raw(")")
            }
            w.raw("</p>\n")
        }
        w.raw("<table>")
        switch c.change {
        case .added, .removed:
            if let t = c.new ?? c.old { fields(of: t, &w) }
        case .moved, .modified:
            guard let a = c.old, let b = c.new else { break }
            for f in c.fields where f != .title {
                w.markup("<tr><th>\(f.rawValue)</th><td>")
                let (x, y) = Self.values(f, a, b)
                if f == .section {
                    // Headings are replaced, not edited: old → new, as the text report shows them.
                    let (p, q) = a.section.last != b.section.last ? (a.section.last ?? "", b.section.last ?? "") : (x, y)
                    Self.words([WordRun(kind: .removed, text: p), WordRun(kind: .inserted, text: q)].filter { !$0.text.isEmpty }, &w)
                } else {
                    Self.words(WordDiff.runs(old: x, new: y, oldTokenizer: old, newTokenizer: new), &w)
                }
                w.raw("</td></tr>")
            }
            w.raw("<tr><th>lines</th><td>")
            w.int(a.line)
            w.raw(" → ")
            w.int(b.line)
            w.raw("</td></tr>")
        case .unchanged:
            break
        }
        w.raw("</table>\n</div>\n")
    }

    /// The fields of an added or removed task.
    private func fields(of t: PlanTask, _ w: inout HTMLWriter) {
        let rows: [(StaticString, String)] = [
            ("section", t.section.joined(separator: " › ")), ("lead", t.leadText), ("support", t.supportText),
            ("products", t.productsText), ("time", t.timeText), ("line", String(t.line)),
        ]
        for (name, value) in rows where !value.isEmpty {
            w.raw("<tr><th>")
            w.raw(name)
            w.raw("</th><td>")
            w.text(value)
            w.raw("</td></tr>")
        }
    }

    /// A field's old and new text as compared.
    static func values(_ field: TaskChange.Field, _ a: PlanTask, _ b: PlanTask) -> (String, String) {
        switch field {
        case .title: return (a.title, b.title)
        case .lead: return (a.leadText, b.leadText)
        case .support: return (a.supportText, b.supportText)
        case .products: return (a.productsText, b.productsText)
        case .time: return (a.timeText, b.timeText)
        case .section: return (a.section.joined(separator: " › "), b.section.joined(separator: " › "))
        }
    }

    /// Word runs: kept words plain, removed in `<del>`, inserted in `<ins>`; `(none)` for an
    /// empty side.
    static func words(_ runs: [WordRun], _ w: inout HTMLWriter) {
        if runs.isEmpty {
            w.raw("<span class=\"muted\">(none)</span>")
            return
        }
        for (i, r) in runs.enumerated() {
            if i > 0 { w.raw(r.kind == .inserted && runs[i - 1].kind == .removed && runs.count == 2 ? " → " : " ") }
            switch r.kind {
            case .equal: w.text(r.text)
            case .removed:
                w.raw("<del>")
                w.text(r.text)
                w.raw("</del>")
            case .inserted:
                w.raw("<ins>")
                w.text(r.text)
                w.raw("</ins>")
            }
        }
    }
}
