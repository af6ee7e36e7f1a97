/// Gives each task the citations made on its lines.
struct ReferenceAttacher {
    private let references: [Citation]
    /// Every line of every citation with the citation's index, sorted by line, then citation:
    /// one word each (a table by line held an array per line — 70 bytes a line of a plan that
    /// cites on every line).
    private let byLine: [(line: Int32, citation: Int32)]

    init(_ references: [Citation]) {
        self.references = references
        var pairs: [(line: Int32, citation: Int32)] = []
        pairs.reserveCapacity(references.reduce(0) { $0 + $1.lines.count })
        for (k, c) in references.enumerated() {
            for line in c.lines { pairs.append((Int32(clamping: line), Int32(k))) }
        }
        pairs.sort { ($0.line, $0.citation) < ($1.line, $1.citation) }
        byLine = pairs
    }

    /// - Complexity: O(citation lines · log + task lines), through the pairs sorted by line.
    func attach(to tasks: consuming [PlanTask]) -> [PlanTask] {
        guard !references.isEmpty else { return tasks }
        for i in tasks.indices {
            // Citations on the task's lines, in citation order, each with the lines it is on.
            var hits: [(citation: Int, line: Int)] = []
            let last = Int32(clamping: max(tasks[i].line, tasks[i].endLine))
            let first = Int32(clamping: tasks[i].line)
            var j = byLine.partitionPoint { $0.line < first }
            while j < byLine.count, byLine[j].line <= last {
                hits.append((Int(byLine[j].citation), Int(byLine[j].line)))
                j += 1
            }
            guard !hits.isEmpty else { continue }
            hits.sort { ($0.citation, $0.line) < ($1.citation, $1.line) }
            var refs: [Citation] = []
            for h in hits {
                let c = references[h.citation]
                if let last = refs.last, last.number == c.number, last.kind == c.kind {
                    refs[refs.count - 1].lines.append(h.line)
                } else {
                    refs.append(Citation(kind: c.kind, number: c.number, date: c.date, issuer: c.issuer, lines: [h.line]))
                }
            }
            tasks[i].references = refs
        }
        return tasks
    }
}
