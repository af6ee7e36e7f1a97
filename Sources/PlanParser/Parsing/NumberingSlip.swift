/// A slip in a list's numbering: the one rule for headings, items, table groups and table rows.
enum NumberingSlip {
    /// The number repeats the one before (`V.` twice).
    case repeated
    /// The number skips one or more (`1, 3`).
    case skipped
    /// The number goes backwards.
    case order

    /// The slip between consecutive numbers `previous` and `next` of one list, or `nil` when
    /// `next` follows (or when a repeat just before explains the gap: `V, V, VII`).
    init?(previous: Int, next: Int, previousRepeated: Bool) {
        guard next != previous + 1 else { return nil }
        if next == previous {
            self = .repeated
        } else if next > previous {
            if previousRepeated, next == previous + 2 { return nil }
            self = .skipped
        } else {
            self = .order
        }
    }

    /// The warning code.
    var code: String {
        switch self {
        case .repeated: return "numbering-repeated"
        case .skipped: return "numbering-skipped"
        case .order: return "numbering-order"
        }
    }

    /// The warning: `what` names the numbered thing as printed (`letter c)`, `table row 3`),
    /// `previous` the one before, `expected` what should have come.
    func diagnostic(line: Int, what: String, sameAs: String, previous: String, expected: String) -> Diagnostic {
        let message: String
        switch self {
        case .repeated: message = "\(what) repeats \(sameAs), expected \(expected)"
        case .skipped: message = "\(what) follows \(previous), expected \(expected)"
        case .order: message = "\(what) follows \(previous) out of order"
        }
        return Diagnostic(line: line, code: code, message: message)
    }
}
