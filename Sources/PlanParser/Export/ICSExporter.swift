/// `--format ics`: a deadline calendar (iCalendar, RFC 5545) for calendar programs.
///
/// One all-day event per milestone that ends on a known day — a deadline or date, the last
/// day of a month, quarter, half, year or range — on that day. `SUMMARY` is the task's title;
/// `DESCRIPTION` names the lead and supporting units, the products, the time text and where
/// the task is (id, source, line); `CATEGORIES` the lead units. Continuous, periodic,
/// conditional and not-understood milestones are not events. `UID`s come from the document
/// id, the task id and the milestone's place in the task, so the same input gives the same
/// file and a new run updates the events of an earlier import instead of doubling them.
/// Text is escaped and lines are folded at 75 octets (never inside a UTF-8 character),
/// lines end with CRLF.
struct ICSExporter: DocumentExporter {
    static let format = OutputFormat(
        name: "ics", subject: .documents, extensions: ["ics", "ical"],
        summary: "a deadline calendar: one all-day event per dated milestone",
        maker: .documents { _ in ICSExporter() })

    /// Kinds of milestone that become events.
    static let eventKinds: Set<TimeMilestone.Kind> = [.deadline, .date, .month, .quarter, .half, .year, .range]

    private var out: [UInt8] = []
    private var started = false
    private var uids: Set<String> = []

    mutating func begin(_ sink: OutputSink) throws(OutputError) {}

    mutating func add(_ document: PlanDocument, _ sink: OutputSink) throws(OutputError) {
        if !started { start(name: document.header.title ?? document.documentID) }
        let documentID = document.documentID
        let stamp = Self.stamp(document)
        for t in document.tasks {
            for (k, m) in t.time.enumerated() {
                guard Self.eventKinds.contains(m.kind), let end = m.end, let next = end.nextDay else { continue }
                var uid = Self.uid(documentID + "\u{1F}" + t.id + "\u{1F}" + String(k))
                if uids.contains(uid) {
                    var n = 2
                    while uids.contains(uid + "-" + String(n)) { n += 1 }
                    uid += "-" + String(n)
                }
                uids.insert(uid)
                line("BEGIN:VEVENT")
                line("UID:" + uid)
                line("DTSTAMP:" + stamp)
                line("DTSTART;VALUE=DATE:" + Self.basic(end))
                line("DTEND;VALUE=DATE:" + Self.basic(next))
                line("SUMMARY:" + Self.escaped(t.title))
                line("DESCRIPTION:" + Self.escaped(Self.description(t, m, document)))
                if !t.lead.isEmpty { line("CATEGORIES:" + t.lead.map { Self.escaped($0.name) }.joined(separator: ",")) }
                line("TRANSP:TRANSPARENT")
                line("END:VEVENT")
            }
            if out.count >= JSONWriter.chunkSize {
                try sink.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try sink.write(out)
        out.removeAll(keepingCapacity: true)
    }

    mutating func end(_ sink: OutputSink) throws(OutputError) {
        if !started { start(name: "PlanParser") }
        line("END:VCALENDAR")
        try sink.write(out)
        out.removeAll(keepingCapacity: true)
    }

    private mutating func start(name: String) {
        started = true
        line("BEGIN:VCALENDAR")
        line("VERSION:2.0")
        line("PRODID:-//PlanParser//extract//EN")
        line("CALSCALE:GREGORIAN")
        line("METHOD:PUBLISH")
        line("X-WR-CALNAME:" + Self.escaped(name))
    }

    /// The event's description: who, what, when, where it is written.
    static func description(_ t: PlanTask, _ m: TimeMilestone, _ d: PlanDocument) -> String {
        var parts: [String] = []
        if !t.lead.isEmpty { parts.append("Lead: " + t.leadText) }
        if !t.support.isEmpty { parts.append("Support: " + t.supportText) }
        if !t.products.isEmpty { parts.append("Products: " + t.productsText) }
        var when = "Time: " + m.text + " (" + m.kind.rawValue
        if let s = m.start, let e = m.end, s != e { when += ", " + s.iso + " to " + e.iso }
        when += ")"
        if let action = m.action { when += ": " + action }
        parts.append(when)
        parts.append("Task: " + t.id + ", " + d.source.path + " line " + String(t.line))
        return parts.joined(separator: "\n")
    }

    /// When the events were made, as RFC 5545 wants one: the document's date (midnight UTC),
    /// so that the same input gives the same file; 1 January of the plan year without one.
    static func stamp(_ d: PlanDocument) -> String {
        let date = d.header.date
        let year = date?.year ?? d.header.planYear ?? 1970
        let day = CalendarDate(year: year, month: date?.month ?? 1, day: date?.day ?? 1)
            ?? CalendarDate(year: year, month: 1, day: 1) ?? CalendarDate(year: 1970, month: 1, day: 1)!
        return basic(day) + "T000000Z"
    }

    /// `20250228`.
    static func basic(_ d: CalendarDate) -> String {
        d.iso.replacing("-", with: "")
    }

    /// A stable id: FNV-1a (64 bits) of `key`, in hex, `@planparser`.
    static func uid(_ key: String) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "@planparser"
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks; other
    /// control characters (not allowed) are dropped.
    static func escaped(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        var lastWasCR = false
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n":
                if !lastWasCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || c.value == 0x7F { break }
                out.unicodeScalars.append(c)
            }
            lastWasCR = c == "\r"
        }
        return out
    }

    /// Appends a content line folded at 75 octets: each further piece starts with a space and
    /// holds at most 74; a piece never ends inside a UTF-8 character.
    private mutating func line(_ text: String) {
        var bytes = Array(text.utf8)
        var limit = 75
        var start = 0
        while bytes.count - start > limit {
            var cut = start + limit
            while cut > start, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            out.append(contentsOf: bytes[start..<cut])
            out.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = cut
            limit = 74
        }
        out.append(contentsOf: bytes[start...])
        out.append(contentsOf: [0x0D, 0x0A])
        bytes.removeAll()
    }
}

extension CalendarDate {
    /// The day after.
    var nextDay: CalendarDate? {
        if let d = CalendarDate(year: year, month: month, day: day + 1) { return d }
        if let d = CalendarDate(year: year, month: month + 1, day: 1) { return d }
        return CalendarDate(year: year + 1, month: 1, day: 1)
    }
}
