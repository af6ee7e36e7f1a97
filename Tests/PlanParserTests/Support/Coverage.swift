import Foundation
@testable import PlanParser

/// "Nothing is lost": every non-blank input line lies inside some element's line range
/// (header, preamble, section, table, task, target, closing) or is listed as a leftover or
/// as furniture.
enum Coverage {
    /// Non-blank lines of `text` that the document does not account for.
    static func uncoveredLines(_ document: PlanDocument, text: String) -> [Int] {
        var covered = [Bool](repeating: false, count: document.source.lines + 2)
        func mark(_ a: Int?, _ b: Int?) {
            guard let a, let b, a >= 1, b >= a else { return }
            for i in a...min(b, covered.count - 1) { covered[i] = true }
        }
        mark(document.header.line, document.header.endLine)
        for p in document.preamble { mark(p.line, p.endLine) }
        func visit(_ s: Section) {
            mark(s.line, s.endLine)
            s.children.forEach(visit)
        }
        document.sections.forEach(visit)
        if let c = document.closing { mark(c.line, c.endLine) }
        for t in document.tasks { mark(t.line, t.endLine) }
        for t in document.targets { mark(t.line, t.endLine) }
        for l in document.leftovers + document.furniture { mark(l.line, l.line) }
        var missing: [Int] = []
        for (k, line) in lines(text).enumerated() where !line.allSatisfy({ $0.isWhitespace }) {
            if k + 1 >= covered.count || !covered[k + 1] { missing.append(k + 1) }
        }
        return missing
    }

    /// Lines split the way the decoder counts them (LF, CRLF, CR).
    static func lines(_ text: String) -> [Substring] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0 }
    }
}
