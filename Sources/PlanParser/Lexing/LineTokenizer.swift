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
    /// Inputs shorter than this are tokenized on one thread: starting one costs more than it saves.
    static let minimumSplitBytes = 1 << 20

    /// Tokenizes the decoded text, cleaning it in place: the cleaned lines are written back to
    /// back over the input (they are never longer), so no second buffer is needed.
    /// - Parameter threads: with more than one and a large input, the later half of the lines
    ///   is tokenized on a side thread (nothing here looks at neighbouring lines but the blank
    ///   before a line), then its cleaned text moved down after the earlier half's.
    static func tokenize(_ decoded: consuming DecodedSource, threads: Int = 1) -> TokenizedSource {
        let lineCount = decoded.lineCount
        let context = Context(lineCount: lineCount, roles: decoded.lineRoles, numbers: decoded.lineNumbers)
        let dropped = decoded.droppedLines
        var storage = decoded.bytes
        decoded.bytes = []
        let n = storage.count
        var first = Part()
        storage.withUnsafeMutableBufferPointer { buf in
            // The cut: the line start nearest the middle.
            var middle = n
            if threads > 1, n >= minimumSplitBytes, let hit = memchr(buf.baseAddress! + n / 2, 0x0A, n - n / 2) {
                middle = buf.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            let cut = middle
            guard cut < n else {
                first = tokenize(buf, from: 0, to: n, firstLine: 0, last: true, numbered: true, reserving: n, context)
                return
            }
            let shared = SharedBuffer(buf)
            // The later half cannot know its line numbers until the earlier half has counted
            // its lines (the cleaning moves the line feeds): it numbers from 0, and its
            // tokens take their numbers and roles below.
            var second = SideThread.run({
                tokenize(shared.buffer, from: cut, to: n, firstLine: 0, last: false, numbered: false, reserving: n - cut, context)
            }, beside: {
                // Room for both halves' tokens: the later half's are appended without growing.
                first = tokenize(buf, from: 0, to: cut, firstLine: 0, last: false, numbered: true, reserving: n, context)
            })
            let before = first.lineNumber
            for k in second.tokens.indices {
                let index = Int(before + second.tokens[k].number) - 1
                second.tokens[k].number = index < context.numbers.count ? context.numbers[index] : Int32(index + 1)
                if index < context.roles.count { second.tokens[k].role = context.roles[index] }
            }
            for k in second.remnants.indices {
                let index = Int(before) + second.remnants[k].line - 1
                second.remnants[k].line = index < context.numbers.count ? Int(context.numbers[index]) : index + 1
            }
            // The later half's text after the earlier half's, and its tokens moved with it.
            let shift = Int32(first.written - cut)
            if second.written > cut {
                memmove(buf.baseAddress! + first.written, buf.baseAddress! + cut, second.written - cut)
            }
            if !second.tokens.isEmpty {
                second.tokens[0].afterBlank = second.tokens[0].afterBlank || first.afterBlank
            }
            if shift != 0 {
                for k in second.tokens.indices { second.tokens[k].shift(by: shift) }
            }
            first.tokens += second.tokens
            first.remnants += second.remnants
            first.written += second.written - cut
            // (The empty line after a final line feed is not read: it would count one line
            // more only where `lineCount` already does.)
            first.lineNumber = before + second.lineNumber
        }
        var remnants = dropped
        remnants += first.remnants
        storage.removeSubrange(first.written...)
        if !dropped.isEmpty { remnants.sort { $0.line < $1.line } }
        let lines = context.numbers.isEmpty ? max(lineCount, Int(first.lineNumber)) : lineCount
        return TokenizedSource(storage: storage, tokens: first.tokens, lineCount: lines, remnants: remnants)
    }

    /// What the tokenizer reads besides the bytes: the same for both halves.
    private struct Context: Sendable {
        var lineCount: Int
        var roles: [LineRole]
        var numbers: [Int32]
    }

    /// The tokens of a run of lines, and where it left off.
    private struct Part: Sendable {
        var tokens: [LineToken] = []
        var remnants: [SourceLine] = []
        /// The end of the cleaned text written.
        var written = 0
        /// The number of the run's last line.
        var lineNumber: Int32 = 0
        /// Whether the run ends in blank lines.
        var afterBlank = false
    }

    /// The buffer both halves clean in place, each in its own lines.
    private final class SharedBuffer: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }
    }

    /// Tokenizes the lines of `buf[lo..<hi]` (`lo` a line start, `firstLine` the lines before
    /// it), writing their cleaned text from `lo`. Only the `last` run reads the empty line after
    /// a final line feed. Unless `numbered`, the tokens and remnants hold the run's own line
    /// numbers (from 1), not the document's, and no roles. The tokens have room for a token
    /// per 64 of `bytes`.
    private static func tokenize(_ buf: UnsafeMutableBufferPointer<UInt8>, from lo: Int, to hi: Int, firstLine: Int32,
                                 last: Bool, numbered: Bool, reserving bytes: Int, _ context: Context) -> Part {
        let lineCount = context.lineCount
        let roles = numbered ? context.roles : []
        let numbers = numbered ? context.numbers : []
        var part = Part()
        part.tokens.reserveCapacity(bytes / 64 + 8)
        var lineNumber = firstLine
        var afterBlank = false
        var written = lo
        var start = lo
        while start < hi || (last && start == hi && Int(lineNumber) < lineCount) {
            lineNumber += 1
            // The next line feed, found with memchr (SIMD in libc).
            var end = hi
            if start < hi, let found = memchr(buf.baseAddress! + start, 0x0A, hi - start) {
                end = buf.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
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
                    part.remnants.append(SourceLine(
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
                    part.tokens.append(token)
                    written = lineEnd
                }
            }
            start = end + 1
            if end >= hi { break }
        }
        part.written = written
        part.lineNumber = lineNumber
        part.afterBlank = afterBlank
        return part
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
