/// Gives each task the citations made on its lines.
struct ReferenceAttacher {
    private let references: [Citation]
    /// Citation indices by line.
    private var byLine: [Int: [Int]] = [:]

    init(_ references: [Citation]) {
        self.references = references
        for (k, c) in references.enumerated() {
            for line in c.lines { byLine[line, default: []].append(k) }
        }
    }

    /// - Complexity: O(citation lines + task lines), through the index by line.
    func attach(to tasks: consuming [PlanTask]) -> [PlanTask] {
        guard !references.isEmpty else { return tasks }
        for i in tasks.indices {
            // Citations on the task's lines, in citation order, each with the lines it is on.
            var hits: [(citation: Int, line: Int)] = []
            for line in tasks[i].line...max(tasks[i].line, tasks[i].endLine) {
                for k in byLine[line] ?? [] { hits.append((k, line)) }
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
