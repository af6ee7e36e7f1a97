/// The JSON forms of the document's records, in schema order (documented in README.md and
/// `docs/plan.schema.json`). Shared by every JSON output: documents, NDJSON, diffs, `time`.
extension JSONWriter {
    /// A whole document (streamed to ``JSONWriter/sink`` when there is one).
    mutating func document(_ d: PlanDocument) {
        beginObject()
        key("schemaVersion"); int(PlanDocument.schemaVersion)
        key("source")
        beginObject()
        key("path"); string(d.source.path)
        key("format"); string(d.source.format.name)
        key("lines"); int(d.source.lines)
        endObject()
        key("document"); header(d.header)
        key("preamble")
        beginArray()
        for p in d.preamble { paragraph(line: p.line, endLine: p.endLine, text: p.text) }
        endArray()
        key("sections")
        beginArray()
        let store = d.store
        elements(rootBatches(store)) { w, k in
            store.withReader { r in w.section(Int(store.roots[k]), r, store) }
        }
        endArray()
        key("closing")
        object(d.closing) { w, c in
            w.key("line"); w.int(c.line)
            w.key("endLine"); w.int(c.endLine)
        }
        key("tasks")
        beginArray()
        let tasks = d.tasks
        elements(batches(tasks.count, of: RowBatches.size)) { w, i in w.task(in: tasks, at: i) }
        endArray()
        key("targets")
        beginArray()
        for t in d.targets {
            beginObject()
            key("id"); string(t.id)
            key("line"); int(t.line)
            key("endLine"); int(t.endLine)
            key("section"); inlineArray(t.section)
            key("text"); string(t.text)
            endObject()
        }
        endArray()
        key("responsibilities")
        beginArray()
        for r in d.responsibilities {
            beginObject()
            key("unit"); unit(r.unit)
            key("role"); string(r.role.rawValue)
            key("duty"); string(r.duty)
            key("areas"); inlineArray(r.areas)
            key("line"); int(r.line)
            key("endLine"); int(r.endLine)
            endObject()
        }
        endArray()
        key("warnings")
        beginArray()
        for w in d.warnings {
            beginObject()
            key("line"); int(w.line)
            key("code"); string(w.code)
            key("message"); string(w.message)
            endObject()
        }
        endArray()
        key("leftovers"); sourceLines(d.leftovers)
        key("furniture"); sourceLines(d.furniture)
        endObject()
    }

    /// `0..<count` in runs of `size` (one run on one thread).
    private func batches(_ count: Int, of size: Int) -> [Range<Int>] {
        guard threads > 1 else { return [0..<count] }
        return RowBatches.batches(count, of: size)
    }

    /// The top-level sections in runs of about 8,000 source lines (one run on one thread).
    private func rootBatches(_ store: SectionStore) -> [Range<Int>] {
        let count = store.roots.count
        guard threads > 1 else { return [0..<count] }
        var runs: [Range<Int>] = []
        var start = 0
        var firstLine = 0
        for k in 0..<count {
            let node = store.nodes[Int(store.roots[k])]
            if k == start { firstLine = Int(node.line) }
            if Int(node.endLine) - firstLine >= 8000 || k == count - 1 {
                runs.append(start..<(k + 1))
                start = k + 1
            }
        }
        return runs
    }

    private mutating func sourceLines(_ lines: [SourceLine]) {
        beginArray()
        for l in lines {
            beginObject()
            key("line"); int(l.line)
            key("text"); string(l.text)
            endObject()
        }
        endArray()
    }

    private mutating func header(_ h: DocumentHeader) {
        beginObject()
        key("kind"); string(h.kind)
        key("number"); string(h.number)
        key("issuer"); string(h.issuer)
        key("place"); string(h.place)
        key("date")
        object(h.date) { w, date in
            w.key("day"); w.int(date.day)
            w.key("month"); w.int(date.month)
            w.key("year"); w.int(date.year)
        }
        key("title"); string(h.title)
        key("planYear"); int(h.planYear)
        key("planPeriod")
        object(h.planPeriod) { w, p in
            w.key("start"); w.int(p.start)
            w.key("end"); w.int(p.end)
        }
        key("addressee"); string(h.addressee)
        key("recipients"); inlineArray(h.recipients)
        key("signer")
        object(h.signer) { w, s in
            w.key("title"); w.string(s.title)
            w.key("name"); w.string(s.name)
        }
        key("line"); int(h.line)
        key("endLine"); int(h.endLine)
        key("references"); citations(h.references)
        endObject()
    }

    mutating func citations(_ list: [Citation]) {
        beginArray()
        for c in list {
            beginObject()
            key("kind"); string(c.kind)
            key("number"); string(c.number)
            key("date"); date(c.date)
            key("issuer"); string(c.issuer)
            key("lines"); inlineArray(c.lines)
            endObject()
        }
        endArray()
    }

    private mutating func paragraph(line: Int, endLine: Int, text: String) {
        beginObject()
        key("line"); int(line)
        key("endLine"); int(endLine)
        key("text"); string(text)
        endObject()
    }

    /// A section from the store: texts are copied from where the parser keeps them, through a
    /// ``SectionStore/Reader`` (no reference counting per read).
    private mutating func section(_ n: Int, _ r: SectionStore.Reader, _ store: SectionStore) {
        let node = r.nodes[n]
        beginObject()
        key("kind"); string(node.kind.rawValue)
        key("marker"); string(utf8: r.bytes(node.marker))
        key("number")
        if let number = node.number { string(utf8: r.bytes(number)) } else { null() }
        key("title"); string(utf8: r.bytes(node.title))
        key("line"); int(Int(node.line))
        key("endLine"); int(Int(node.endLine))
        // Most sections have no field, tables or children, many no paragraphs: those members
        // are written as literals.
        if let role = node.fieldRole {
            key("field")
            beginObject()
            key("label"); string(utf8: r.bytes(node.fieldLabel))
            key("role"); string(role.rawValue)
            key("value"); string(utf8: r.bytes(node.fieldValue))
            endObject()
        } else {
            keyNull("field")
        }
        let paragraphs = r.paragraphs(of: n)
        if paragraphs.isEmpty {
            keyEmptyArray("paragraphs")
        } else {
            key("paragraphs")
            beginArray()
            for p in paragraphs {
                beginObject()
                key("line"); int(Int(p.line))
                key("endLine"); int(Int(p.endLine))
                key("text"); string(utf8: r.bytes(p.text))
                endObject()
            }
            endArray()
        }
        let tables = store.tableRange(of: n, node)
        if tables.isEmpty {
            keyEmptyArray("tables")
        } else {
            key("tables")
            beginArray()
            for t in Int(tables.lowerBound)..<Int(tables.upperBound) { table(TableView(store: store, index: t)) }
            endArray()
        }
        let children = r.children(of: n)
        if children.isEmpty {
            keyEmptyArray("children")
        } else {
            key("children")
            beginArray()
            for c in children { section(Int(c), r, store) }
            endArray()
        }
        endObject()
    }

    @inline(__always)
    private mutating func string(_ text: StoredText) {
        text.withBytes { string(utf8: $0) }
    }

    private mutating func table(_ t: TableView) {
        beginObject()
        key("line"); int(t.line)
        key("endLine"); int(t.endLine)
        key("columns")
        beginArray()
        for c in t.columns {
            beginObject()
            key("title"); string(c.title)
            key("role"); string(c.role.rawValue)
            endObject()
        }
        endArray()
        key("rows")
        beginArray()
        t.store.withReader { reader in
            t.store.cells.withUnsafeBufferPointer { cells in
                for r in t.rows {
                    beginObject()
                    key("line"); int(r.line)
                    key("endLine"); int(r.endLine)
                    key("kind"); string(r.kind.rawValue)
                    key("group"); string(r.group)
                    key("cells"); inlineCells(r, reader, cells: cells)
                    endObject()
                }
            }
        }
        endArray()
        endObject()
    }

    mutating func task(_ t: PlanTask) {
        withUnsafePointer(to: t) { task($0) }
    }

    /// The task at `i`, read where the array keeps it: `tasks[i]` would copy the record
    /// (retaining each of its fields) for every task.
    mutating func task(in tasks: [PlanTask], at i: Int) {
        precondition(tasks.indices.contains(i))
        tasks.withUnsafeBufferPointer { task($0.baseAddress! + i) }
    }

    private mutating func task(_ t: UnsafePointer<PlanTask>) {
        beginObject()
        key("id"); string(t.pointee.id)
        key("origin"); string(t.pointee.origin.rawValue)
        key("line"); int(t.pointee.line)
        key("endLine"); int(t.pointee.endLine)
        key("section"); inlineArray(t.pointee.headings)
        if let number = t.pointee.number { key("number"); string(number) } else { keyNull("number") }
        key("title"); string(t.pointee.title)
        units("lead", t.pointee.lead)
        units("support", t.pointee.support)
        if let source = t.pointee.leadSource {
            key("leadSource")
            beginObject()
            key("kind"); string(source.kind.rawValue)
            key("line"); int(source.line)
            endObject()
        } else {
            keyNull("leadSource")
        }
        key("products"); inlineArray(t.pointee.products)
        if t.pointee.time.isEmpty {
            keyEmptyArray("time")
        } else {
            key("time")
            beginArray()
            for m in t.pointee.time { milestone(m) }
            endArray()
        }
        if t.pointee.references.isEmpty {
            keyEmptyArray("references")
        } else {
            key("references"); citations(t.pointee.references)
        }
        key("notes"); inlineArray(t.pointee.notes)
        endObject()
    }

    private mutating func units(_ k: StaticString, _ list: [UnitRef]) {
        guard !list.isEmpty else { return keyEmptyArray(k) }
        key(k)
        beginArray()
        // By index through the buffer: `for u in list` copies (retains) each element.
        list.withUnsafeBufferPointer { b in
            for k in b.indices { unit(b.baseAddress! + k) }
        }
        endArray()
    }

    private mutating func unit(_ u: UnsafePointer<UnitRef>) {
        beginObject()
        key("name"); string(u.pointee.name)
        key("key"); string(u.pointee.key)
        endObject()
    }

    private mutating func unit(_ u: UnitRef) {
        withUnsafePointer(to: u) { unit($0) }
    }

    mutating func milestone(_ m: TimeMilestone) {
        beginObject()
        key("text"); string(m.text)
        key("kind"); string(m.kind.rawValue)
        key("start"); date(m.start)
        key("end"); date(m.end)
        if let every = m.every { key("every"); string(every.rawValue) } else { keyNull("every") }
        if let action = m.action { key("action"); string(action) } else { keyNull("action") }
        endObject()
    }
}
