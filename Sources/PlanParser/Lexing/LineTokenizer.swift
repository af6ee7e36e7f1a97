#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every non-blank line of a document, cleaned and classified.
struct TokenizedSource: Sendable {
    /// Cleaned text of all lines, back to back.
    var storage: [UInt8]
    /// One token per non-blank line, in input order.
    var tokens: [LineToken]
    /// Number of lines in the input.
    var lineCount: Int
    /// Lines that held nothing but markdown remnants (`**`, `* *`, `^{XT}`): not text, but not
    /// blank either, so they are reported (as furniture) rather than lost.
    var remnants: [SourceLine] = []

    func bytes(_ r: Range<Int32>) -> ArraySlice<UInt8> { storage[Int(r.lowerBound)..<Int(r.upperBound)] }

    func string(_ r: Range<Int32>) -> String {
        storage.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(r.lowerBound)..<Int(r.upperBound)]), as: UTF8.self)
        }
    }
}

/// Splits decoded text into lines and classifies each one (the lexing stage).
///
/// One pass over the bytes: each line is copied into `storage` with markdown remnants removed
/// and runs of spaces collapsed, then its marker, keyword and field label are read from the
/// first bytes. Markers are ASCII (or `•`, `–`, `đ`), so matching bytes cannot fire inside a
/// Vietnamese letter. Nothing here looks at neighbouring lines.
/// - Complexity: O(n) in the input size.
struct LineTokenizer {
    /// Tokenizes the decoded text, cleaning it in place: the cleaned lines are written back to
    /// back over the input (they are never longer), so no second buffer is needed.
    static func tokenize(_ decoded: consuming DecodedSource) -> TokenizedSource {
        let lineCount = decoded.lineCount
        let roles = decoded.lineRoles
        let numbers = decoded.lineNumbers
        // Lines the recovery stage took out (table borders) are reported like remnants.
        var remnants = decoded.droppedLines
        var storage = decoded.bytes
        decoded.bytes = []
        var tokens: [LineToken] = []
        tokens.reserveCapacity(storage.count / 64 + 8)
        var lineNumber: Int32 = 0
        var afterBlank = false
        var written = 0
        storage.withUnsafeMutableBufferPointer { buf in
            let n = buf.count
            var start = 0
            while start < n || (start == n && Int(lineNumber) < lineCount) {
                lineNumber += 1
                // The next line feed, found with memchr (SIMD in libc).
                var end = n
                if start < n, let hit = memchr(buf.baseAddress! + start, 0x0A, n - start) {
                    end = buf.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                let lineStart = written
                var seen = LineCleaner.Seen()
                let lineEnd = LineCleaner.clean(buf, from: start, to: end, into: written, seen: &seen)
                if lineEnd == lineStart {
                    afterBlank = true
                    // Cleaning wrote nothing, so the raw line is still there to report.
                    if buf[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                        let index = Int(lineNumber) - 1
                        let reported = index < numbers.count ? numbers[index] : lineNumber
                        remnants.append(SourceLine(
                            line: Int(reported),
                            text: String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)))
                    }
                } else {
                    let index = Int(lineNumber) - 1
                    let reported = index < numbers.count ? numbers[index] : lineNumber
                    var token = classify(UnsafeBufferPointer(buf), line: Int32(lineStart)..<Int32(lineEnd), number: reported,
                                         seen: seen)
                    if index < roles.count { token.role = roles[index] }
                    if token.kind == .blank {
                        afterBlank = true
                    } else {
                        if token.kind != .tableRow, seen.hasTab {
                            // Tabs outside tables are just spaces.
                            for k in Int(token.line.lowerBound)..<Int(token.line.upperBound) where buf[k] == 0x09 { buf[k] = 0x20 }
                        }
                        token.afterBlank = afterBlank
                        afterBlank = false
                        tokens.append(token)
                        written = lineEnd
                    }
                }
                start = end + 1
                if end >= n { break }
            }
        }
        storage.removeSubrange(written...)
        if !decoded.droppedLines.isEmpty { remnants.sort { $0.line < $1.line } }
        let lines = numbers.isEmpty ? max(lineCount, Int(lineNumber)) : lineCount
        return TokenizedSource(storage: storage, tokens: tokens, lineCount: lines, remnants: remnants)
    }

    /// `-------`, `|`, `* * *`: only punctuation, at least one of `-_=*|~.`.
    static func isRule(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        for i in lo..<hi {
            switch buf[i] {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "="), UInt8(ascii: "*"), UInt8(ascii: "|"),
                UInt8(ascii: "~"), UInt8(ascii: "."), 0x20, 0x09:
                continue
            default:
                return false
            }
        }
        return true
    }

    /// A row of a pipe table (`| 1 | Nội dung | … |`, `I. NHÓM |  |  |`, ` |  | Quý IV/2025`):
    /// a `|` with a space or the line's end on each side.
    static func isPipeRow(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var i = lo
        while i < hi {
            if buf[i] == UInt8(ascii: "|") {
                let before = i == lo || buf[i - 1] == 0x20
                let after = i + 1 == hi || buf[i + 1] == 0x20
                if before && after { return true }
            }
            i += 1
        }
        return false
    }

    /// Classifies one cleaned line held in `buf[line]`.
    static func classify(_ buf: UnsafeBufferPointer<UInt8>, line: Range<Int32>, number: Int32,
                         seen: LineCleaner.Seen = LineCleaner.Seen(hasTab: true, hasPipe: true)) -> LineToken {
        let lo = Int(line.lowerBound)
        let hi = Int(line.upperBound)
        var token = LineToken(number: number, line: line, marker: line.lowerBound..<line.lowerBound,
                              content: line, label: line.lowerBound..<line.lowerBound, kind: .text)
        // Leading tabs: indentation unless the line has more cells after its text.
        var first = lo
        while first < hi, buf[first] == 0x09 || buf[first] == 0x20 { first += 1 }
        if first == hi {
            // Only tabs: an empty table row still tells the table parser nothing; treat as blank.
            token.kind = .blank
            return token
        }
        // `------Số: 845/QĐ-UBND`: plain pdftotext runs the rule under a letterhead into the
        // line below it. The rule is decoration: the line is its text.
        if buf[first] == UInt8(ascii: "-") || buf[first] == UInt8(ascii: "_") {
            var r = first
            while r < hi, buf[r] == UInt8(ascii: "-") || buf[r] == UInt8(ascii: "_") { r += 1 }
            if r - first >= 4, r < hi, buf[r] >= 0x41 {
                first = r
                token.line = Int32(first)..<line.upperBound
            }
        }
        // None, one, or two for more: all that is asked. Found with memchr (SIMD in libc), not
        // counted over a table row's every byte.
        var tabsAfterText = 0
        let hasPipe = seen.hasPipe
        if seen.hasTab, let base = buf.baseAddress, let tab = memchr(base + first, 0x09, hi - first) {
            tabsAfterText = 1
            let next = base.distance(to: tab.assumingMemoryBound(to: UInt8.self)) + 1
            if next < hi, memchr(base + next, 0x09, hi - next) != nil { tabsAfterText = 2 }
        }
        let marker = MarkerScanner.scan(buf, from: first, to: hi)
        if tabsAfterText > 0 {
            // A marker followed by one tab and nothing else tab-separated is "1.\tText".
            let markerTabOnly = marker != nil && tabsAfterText == 1 && buf[marker!.end] == 0x09
            if !markerTabOnly {
                token.kind = .tableRow
                token.content = line
                return token
            }
        }
        var leading = 0
        for i in lo..<first where buf[i] == 0x09 { leading += 1 }
        if leading > 0 {
            token.leadingTabs = UInt8(clamping: leading)
            token.line = Int32(first)..<line.upperBound
        }
        if isRule(buf, first, hi) {
            token.isRule = true
            token.content = Int32(first)..<line.upperBound
            return token
        }
        if hasPipe, isPipeRow(buf, first, hi) {
            token.kind = .tableRow
            token.pipes = true
            token.content = line
            return token
        }
        if let m = marker {
            token.kind = m.style.isBullet ? .bullet : .heading
            token.style = m.style
            token.ordinal = Int32(m.ordinal)
            token.path = m.path
            token.marker = Int32(first)..<Int32(m.markerEnd)
            var c = m.end
            while c < hi, buf[c] == 0x20 || buf[c] == 0x09 { c += 1 }
            token.content = Int32(c)..<line.upperBound
        } else {
            token.content = Int32(first)..<line.upperBound
            token.keyword = KeywordMatcher.keyword(buf, from: first, to: hi)
        }
        if token.kind == .bullet || token.kind == .text {
            let c = Int(token.content.lowerBound)
            // A plain line is a field only with a known label (`Chủ trì: …`), never `Kính gửi: …`.
            if let (labelEnd, valueStart, role) = FieldLabel.match(buf, from: c, to: hi),
                token.kind == .bullet || (role != .unknown && token.keyword == .none)
            {
                token.fieldRole = role
                token.label = Int32(c)..<Int32(labelEnd)
                token.content = Int32(valueStart)..<line.upperBound
            }
        }
        return token
    }
}
