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

    /// The table rows (tab-separated lines) of the recovery's output, as cells.
    static func rows(_ text: String) throws -> [[String]] {
        try lines(text).filter { $0.text.contains("\t") }.map { $0.text.components(separatedBy: "\t") }
    }

    /// The lines of the recovery's output that are not blank, as text.
    static func texts(_ text: String) throws -> [String] {
        try lines(text).map(\.text).filter { !$0.isEmpty }
    }
}
