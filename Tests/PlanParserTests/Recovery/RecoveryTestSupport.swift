import Foundation
@testable import PlanParser

/// The recovery stage's output for a small input, line by line.
enum Recovered {
    struct Line: Equatable, CustomStringConvertible {
        var number: Int32
        var role: LineRole
        var text: String
        var description: String { "\(number) \(role) \(text.replacingOccurrences(of: "\t", with: " ⇥ "))" }
    }

    /// What the recovery stage makes of `text`: the lines the tokenizer will read.
    static func lines(_ text: String) throws -> [Line] {
        let decoded = try SourceDecoder.decode(Array(text.utf8))
        let out = ConvertedTextRecovery.recover(decoded)
        var result: [Line] = []
        let parts = out.bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (k, part) in parts.enumerated() where k < parts.count - 1 || !part.isEmpty {
            let number = k < out.lineNumbers.count ? out.lineNumbers[k] : Int32(k + 1)
            let role = k < out.lineRoles.count ? out.lineRoles[k] : .text
            result.append(Line(number: number, role: role, text: String(decoding: part, as: UTF8.self)))
        }
        return result
    }

    /// The table lines (tab-separated) of the recovery's output, as cells, with the wrap lines
    /// (``LineRole/cellWrap``) joined to the line before the way the table parser joins them.
    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        for line in try tableLines(text) {
            let cells = line.text.components(separatedBy: "\t")
            if line.role == .cellWrap, !rows.isEmpty {
                for (c, cell) in cells.enumerated() where !cell.isEmpty && c < rows[rows.count - 1].count {
                    rows[rows.count - 1][c] += rows[rows.count - 1][c].isEmpty ? cell : " " + cell
                }
            } else {
                rows.append(cells)
            }
        }
        return rows
    }

    /// The table lines of the recovery's output (those with tabs).
    static func tableLines(_ text: String) throws -> [Line] {
        try lines(text).filter { $0.text.contains("\t") }
    }

    /// The lines of the recovery's output that are not blank, as text.
    static func texts(_ text: String) throws -> [String] {
        try lines(text).map(\.text).filter { !$0.isEmpty }
    }
}
