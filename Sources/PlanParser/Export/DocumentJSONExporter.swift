/// Writes a ``PlanDocument`` as JSON, keys in schema order (documented in README.md).
struct DocumentJSONExporter {
    var writer: JSONWriter

    mutating func write(_ d: PlanDocument) {
        writer.beginObject()
        writer.key("schemaVersion"); writer.int(PlanDocument.schemaVersion)
        writer.key("source")
        writer.beginObject()
        writer.key("path"); writer.string(d.source.path)
        writer.key("lines"); writer.int(d.source.lines)
        writer.endObject()
        writer.key("document"); write(d.header)
        writer.key("preamble")
        writer.beginArray()
        for p in d.preamble { write(p) }
        writer.endArray()
        writer.key("sections")
        writer.beginArray()
        for r in d.store.roots { write(d.store, node: Int(r)) }
        writer.endArray()
        writer.key("closing")
        writer.object(d.closing) { w, c in
            w.key("line"); w.int(c.line)
            w.key("endLine"); w.int(c.endLine)
        }
        writer.key("tasks")
        writer.beginArray()
        for t in d.tasks { write(t) }
        writer.endArray()
        writer.key("targets")
        writer.beginArray()
        for t in d.targets {
            writer.beginObject()
            writer.key("id"); writer.string(t.id)
            writer.key("line"); writer.int(t.line)
            writer.key("endLine"); writer.int(t.endLine)
            writer.key("section"); writer.inlineArray(t.section)
            writer.key("text"); writer.string(t.text)
            writer.endObject()
        }
        writer.endArray()
        writer.key("warnings")
        writer.beginArray()
        for w in d.warnings {
            writer.beginObject()
            writer.key("line"); writer.int(w.line)
            writer.key("code"); writer.string(w.code)
            writer.key("message"); writer.string(w.message)
            writer.endObject()
        }
        writer.endArray()
        writer.key("leftovers"); write(d.leftovers)
        writer.key("furniture"); write(d.furniture)
        writer.endObject()
    }

    private mutating func write(_ lines: [SourceLine]) {
        writer.beginArray()
        for l in lines {
            writer.beginObject()
            writer.key("line"); writer.int(l.line)
            writer.key("text"); writer.string(l.text)
            writer.endObject()
        }
        writer.endArray()
    }

    private mutating func write(_ h: DocumentHeader) {
        writer.beginObject()
        writer.key("kind"); writer.string(h.kind)
        writer.key("number"); writer.string(h.number)
        writer.key("issuer"); writer.string(h.issuer)
        writer.key("place"); writer.string(h.place)
        writer.key("date")
        writer.object(h.date) { w, date in
            w.key("day"); w.int(date.day)
            w.key("month"); w.int(date.month)
            w.key("year"); w.int(date.year)
        }
        writer.key("title"); writer.string(h.title)
        writer.key("planYear"); writer.int(h.planYear)
        writer.key("planPeriod")
        writer.object(h.planPeriod) { w, p in
            w.key("start"); w.int(p.start)
            w.key("end"); w.int(p.end)
        }
        writer.key("addressee"); writer.string(h.addressee)
        writer.key("recipients"); writer.inlineArray(h.recipients)
        writer.key("signer")
        writer.object(h.signer) { w, s in
            w.key("title"); w.string(s.title)
            w.key("name"); w.string(s.name)
        }
        writer.key("line"); writer.int(h.line)
        writer.key("endLine"); writer.int(h.endLine)
        writer.key("references"); write(h.references)
        writer.endObject()
    }

    mutating func write(_ citations: [Citation]) {
        writer.beginArray()
        for c in citations {
            writer.beginObject()
            writer.key("kind"); writer.string(c.kind)
            writer.key("number"); writer.string(c.number)
            writer.key("date"); writer.string(c.date?.iso)
            writer.key("issuer"); writer.string(c.issuer)
            writer.key("lines"); writer.inlineArray(c.lines)
            writer.endObject()
        }
        writer.endArray()
    }

    private mutating func write(_ p: Paragraph) {
        writer.beginObject()
        writer.key("line"); writer.int(p.line)
        writer.key("endLine"); writer.int(p.endLine)
        writer.key("text"); writer.string(p.text)
        writer.endObject()
    }

    /// A section straight from the store: texts are copied from its buffers, never made into
    /// `String`s. The layout is documented in README.md (Section).
    private mutating func write(_ store: SectionStore, node n: Int) {
        let node = store.nodes[n]
        writer.beginObject()
        writer.key("kind"); writer.string(node.kind.rawValue)
        writer.key("marker"); text(store, node.marker)
        writer.key("number")
        if let number = node.number { text(store, number) } else { writer.null() }
        writer.key("title"); text(store, node.title)
        writer.key("line"); writer.int(Int(node.line))
        writer.key("endLine"); writer.int(Int(node.endLine))
        writer.key("field")
        if node.fieldRole != .none {
            writer.beginObject()
            writer.key("label"); text(store, node.fieldLabel)
            writer.key("role"); writer.string(SectionParser.fieldRole(node.fieldRole).rawValue)
            writer.key("value"); text(store, node.fieldValue)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("paragraphs")
        writer.beginArray()
        for p in store.paragraphs[Int(node.paragraphs.lowerBound)..<Int(node.paragraphs.upperBound)] {
            writer.beginObject()
            writer.key("line"); writer.int(Int(p.line))
            writer.key("endLine"); writer.int(Int(p.endLine))
            writer.key("text"); text(store, p.text)
            writer.endObject()
        }
        writer.endArray()
        writer.key("tables")
        writer.beginArray()
        for t in store.tables[Int(node.tables.lowerBound)..<Int(node.tables.upperBound)] { write(t) }
        writer.endArray()
        writer.key("children")
        writer.beginArray()
        for c in store.children(of: n) { write(store, node: Int(c)) }
        writer.endArray()
        writer.endObject()
    }

    @inline(__always)
    private mutating func text(_ store: SectionStore, _ r: Range<Int32>) {
        store.withBytes(r) { writer.string(utf8: $0) }
    }

    private mutating func write(_ t: Table) {
        writer.beginObject()
        writer.key("line"); writer.int(t.line)
        writer.key("endLine"); writer.int(t.endLine)
        writer.key("columns")
        writer.beginArray()
        for c in t.columns {
            writer.beginObject()
            writer.key("title"); writer.string(c.title)
            writer.key("role"); writer.string(c.role.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.key("rows")
        writer.beginArray()
        for r in t.rows {
            writer.beginObject()
            writer.key("line"); writer.int(r.line)
            writer.key("endLine"); writer.int(r.endLine)
            writer.key("kind"); writer.string(r.kind.rawValue)
            writer.key("group"); writer.string(r.group)
            writer.key("cells"); writer.inlineArray(r.cells)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    mutating func write(_ t: PlanTask) {
        writer.beginObject()
        writer.key("id"); writer.string(t.id)
        writer.key("origin"); writer.string(t.origin.rawValue)
        writer.key("line"); writer.int(t.line)
        writer.key("endLine"); writer.int(t.endLine)
        writer.key("section"); writer.inlineArray(t.section)
        writer.key("number"); writer.string(t.number)
        writer.key("title"); writer.string(t.title)
        writer.key("lead"); write(t.lead)
        writer.key("support"); write(t.support)
        writer.key("products"); writer.inlineArray(t.products)
        writer.key("time")
        writer.beginArray()
        for m in t.time { write(m) }
        writer.endArray()
        writer.key("references"); write(t.references)
        writer.key("notes"); writer.inlineArray(t.notes)
        writer.endObject()
    }

    private mutating func write(_ units: [UnitRef]) {
        writer.beginArray()
        for u in units {
            writer.beginObject()
            writer.key("name"); writer.string(u.name)
            writer.key("key"); writer.string(u.key)
            writer.endObject()
        }
        writer.endArray()
    }

    mutating func write(_ m: TimeMilestone) {
        writer.beginObject()
        writer.key("text"); writer.string(m.text)
        writer.key("kind"); writer.string(m.kind.rawValue)
        writer.key("start"); writer.string(m.start?.iso)
        writer.key("end"); writer.string(m.end?.iso)
        writer.key("every"); writer.string(m.every?.rawValue)
        writer.key("action"); writer.string(m.action)
        writer.endObject()
    }
}
