/// HTML tables inside text: what `pandoc -t gfm` (and `-t markdown`) writes for a table whose
/// cells hold several paragraphs or spans, and what a page saved from the web holds.
///
/// `<table>`, `<tr>`, `<td>`/`<th>` with `colspan` and `rowspan` (a spanned-over cell is empty:
/// it belongs to the cell it continues), paragraphs from `<p>`, `<br>`, `<div>` and `<li>`,
/// markup such as `<strong>` and `<em>` dropped, `<sup>…</sup>` left out (the text samples drop
/// superscripts too), character references decoded. Text is wrapped anywhere inside a cell.
enum HTMLTable {
    static let maxLines = PandocTable.maxLines
    /// At most this many columns (a `colspan="100000"` stays harmless).
    static let maxColumns = 64

    /// Rewrites the table that starts at line `i` (`<table …>`).
    /// - Returns: the line after `</table>`, or nil when line `i` does not start a table.
    static func rewrite(_ lines: TextLines, at i: Int, into out: inout RecoveredText, anywhere: Bool = false) -> Int? {
        let start = lines.trimmed(i)
        guard start.count >= 6, anywhere || Self.startsTag(start, "table") else { return nil }
        // Find the end: the `</table>` that closes this one.
        var depth = 0
        var last = -1
        var j = i
        while j < lines.count, j - i < maxLines {
            let line = lines.line(j)
            var k = line.startIndex
            while let lt = line[k...].firstIndex(of: UInt8(ascii: "<")) {
                let rest = line[(lt + 1)...]
                if startsTag(rest, "table") { depth += 1 }
                if rest.first == UInt8(ascii: "/"), startsTag(rest.dropFirst(), "table") { depth -= 1 }
                k = lt + 1
            }
            if depth <= 0 {
                last = j
                break
            }
            j += 1
        }
        guard last >= 0 else { return nil }
        var reader = Reader(lines: lines)
        reader.read(lines: i...last)
        let table = reader.table()
        for k in i...last where !lines.isBlank(k) && !reader.linesWithText.contains(k) { out.drop(lines, line: k) }
        table.write(into: &out, lastLine: lines.number(last))
        return last + 1
    }

    /// Whether `bytes` (after a `<`) start tag `name`, case-insensitively, as a whole name.
    static func startsTag<C: Collection>(_ bytes: C, _ name: String) -> Bool where C.Element == UInt8 {
        var it = bytes.makeIterator()
        if bytes.first == UInt8(ascii: "<") { _ = it.next() }
        for n in name.utf8 {
            guard let b = it.next(), b | 0x20 == n else { return false }
        }
        guard let b = it.next() else { return true }
        return b == UInt8(ascii: ">") || b == 0x20 || b == UInt8(ascii: "/") || b == 0x0A || b == 0x09
    }

    /// The state of one pass over the table's tags and text.
    private struct Reader {
        let lines: TextLines
        struct Cell {
            var column: Int
            var paragraphs: [ConvertedTable.Paragraph]
            var rowspan = 1
        }
        var rows: [(line: Int32, endLine: Int32, cells: [Cell])] = []
        var rowOpen = false
        var cell: [ConvertedTable.Paragraph]?
        var cellColspan = 1
        var cellRowspan = 1
        var text: [UInt8] = []
        var textLine: Int32 = 0
        var pendingSpace = false
        /// Columns still covered by a `rowspan` from above: rows left.
        var covered: [Int] = []
        var nextColumn = 0
        var skipDepth = 0
        var nested = 0
        var linesWithText = Set<Int>()
        var lastTextLine = -1
        var currentLine = 0

        init(lines: TextLines) {
            self.lines = lines
        }

        mutating func read(lines range: ClosedRange<Int>) {
            for j in range {
                currentLine = j
                let line = lines.line(j)
                var k = line.startIndex
                while k < line.endIndex {
                    let b = line[k]
                    if b == UInt8(ascii: "<"), let close = line[k...].firstIndex(of: UInt8(ascii: ">")) {
                        tag(line[(k + 1)..<close])
                        k = close + 1
                        continue
                    }
                    if b == UInt8(ascii: "&"), let (decoded, length) = HTMLEntity.decode(line[k...]) {
                        character(decoded)
                        k += length
                        continue
                    }
                    if b == 0x20 || b == 0x09 {
                        pendingSpace = true
                    } else {
                        append([b])
                    }
                    k += 1
                }
                pendingSpace = true  // a line break inside text is a space
            }
            endRow(line: lines.number(range.upperBound))
        }

        private mutating func character(_ s: UInt32) {
            if s <= 0x20 || s == 0xA0 || (0x7F...0x9F).contains(s) || s == 0x2028 || s == 0x2029 {
                pendingSpace = true
                return
            }
            var bytes: [UInt8] = []
            VietnameseText.appendUTF8(s, to: &bytes)
            append(bytes)
        }

        private mutating func append(_ bytes: [UInt8]) {
            guard cell != nil, skipDepth == 0 else { return }
            if currentLine != lastTextLine {
                linesWithText.insert(currentLine)
                lastTextLine = currentLine
            }
            if text.isEmpty {
                textLine = lines.number(currentLine)
            } else if pendingSpace {
                text.append(0x20)
            }
            pendingSpace = false
            text.append(contentsOf: bytes)
        }

        private mutating func endParagraph() {
            if !text.isEmpty, cell != nil {
                cell!.append(ConvertedTable.Paragraph(text: String(decoding: text, as: UTF8.self), line: textLine))
            }
            text = []
            pendingSpace = false
        }

        private mutating func tag(_ raw: ArraySlice<UInt8>) {
            var body = raw
            let closing = body.first == UInt8(ascii: "/")
            if closing { body = body.dropFirst() }
            var nameEnd = body.startIndex
            while nameEnd < body.endIndex, body[nameEnd] != 0x20, body[nameEnd] != UInt8(ascii: "/"), body[nameEnd] != 0x09 {
                nameEnd += 1
            }
            let name = String(decoding: body[body.startIndex..<nameEnd].map { $0 | 0x20 }, as: UTF8.self)
            if nested > 0 {
                if name == "table" { nested += closing ? -1 : 1 }
                if nested > 0 { endParagraph() }
                return
            }
            switch name {
            case "table" where !closing:
                if !rows.isEmpty || rowOpen || cell != nil { nested += 1 }
            case "tr":
                if closing { endRow(line: lines.number(currentLine)) } else { startRow() }
            case "td", "th":
                if closing {
                    endCell()
                } else {
                    if !rowOpen { startRow() }
                    endCell()
                    cell = []
                    cellColspan = Self.attribute(body, "colspan")
                    cellRowspan = Self.attribute(body, "rowspan")
                }
            case "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6":
                endParagraph()
            case "sup", "script", "style":
                skipDepth = max(0, skipDepth + (closing ? -1 : 1))
            default:
                break
            }
        }

        private mutating func startRow() {
            if rowOpen { endRow(line: lines.number(currentLine)) }
            rowOpen = true
            rows.append((lines.number(currentLine), lines.number(currentLine), []))
            nextColumn = 0
        }

        private mutating func endCell() {
            guard cell != nil else { return }
            endParagraph()
            while nextColumn < covered.count, covered[nextColumn] > 0 { nextColumn += 1 }
            let column = nextColumn
            let span = min(max(cellColspan, 1), HTMLTable.maxColumns)
            if column < HTMLTable.maxColumns {
                rows[rows.count - 1].cells.append(Cell(column: column, paragraphs: cell!, rowspan: min(max(cellRowspan, 1), 1000)))
                if cellRowspan > 1 {
                    while covered.count < min(column + span, HTMLTable.maxColumns) { covered.append(0) }
                    for c in column..<min(column + span, HTMLTable.maxColumns) { covered[c] = max(covered[c], cellRowspan) }
                }
            }
            nextColumn = column + span
            cell = nil
            cellColspan = 1
            cellRowspan = 1
        }

        private mutating func endRow(line: Int32) {
            endCell()
            guard rowOpen else { return }
            rowOpen = false
            rows[rows.count - 1].endLine = line
            // A rowspan covers this row's columns once; the next row sees one fewer.
            for c in covered.indices where covered[c] > 0 { covered[c] -= 1 }
        }

        /// The value of a numeric attribute (`colspan="6"`), 1 when absent or malformed.
        static func attribute(_ body: ArraySlice<UInt8>, _ name: String) -> Int {
            let lower = body.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            guard let at = ByteSearch.find(lower, Array(name.utf8)) else { return 1 }
            var k = at + name.utf8.count
            while k < lower.count, lower[k] == 0x20 || lower[k] == UInt8(ascii: "=") || lower[k] == UInt8(ascii: "\"")
                || lower[k] == UInt8(ascii: "'")
            {
                k += 1
            }
            var value = 0
            while k < lower.count, lower[k] >= 0x30, lower[k] <= 0x39, value < 10_000 {
                value = value * 10 + Int(lower[k] - 0x30)
                k += 1
            }
            return max(value, 1)
        }

        func table() -> ConvertedTable {
            let width = min(rows.map { r in r.cells.map { $0.column + 1 }.max() ?? 0 }.max() ?? 0, HTMLTable.maxColumns)
            var table = ConvertedTable(columns: width)
            for r in rows {
                var row = ConvertedTable.Row(line: r.line, columns: width)
                row.endLine = r.endLine
                for c in r.cells where c.column < width { row.cells[c.column] = c.paragraphs }
                table.rows.append(row)
            }
            fillSpannedDown(&table)
            return table
        }

        /// A lead, support, product or time cell spanning rows (one unit leads a group of tasks)
        /// belongs to each row it spans, as in a Word table (``DocxTableGrid``): its paragraphs
        /// are given to the rows below, where they are empty — not to a row whose number or task a
        /// span covers.
        private func fillSpannedDown(_ table: inout ConvertedTable) {
            guard let h = rows.prefix(3).firstIndex(where: { $0.cells.contains { $0.rowspan == 1 } }) else { return }
            let width = table.rows.first?.cells.count ?? 0
            var roles = [TableColumn.Role](repeating: .other, count: width)
            for c in rows[h].cells where c.column < width {
                roles[c.column] = TableParser.role(ofHeader: c.paragraphs.map(\.text).joined(separator: " "))
            }
            guard roles.contains(.title), roles.filter({ $0 != .other }).count >= 3 else { return }
            let filled: Set<TableColumn.Role> = [.lead, .support, .product, .time]
            // A row whose number or task a span covers goes on with the task above: nothing to give it.
            var continues = Set<Int>()
            for (k, r) in rows.enumerated() where k > h {
                for c in r.cells where c.rowspan > 1 && c.column < width && (roles[c.column] == .number || roles[c.column] == .title) {
                    for below in (k + 1)..<min(k + c.rowspan, table.rows.count) { continues.insert(below) }
                }
            }
            for (k, r) in rows.enumerated() where k > h {
                for c in r.cells where c.rowspan > 1 && c.column < width && filled.contains(roles[c.column]) {
                    for below in (k + 1)..<min(k + c.rowspan, table.rows.count)
                    where !continues.contains(below) && table.rows[below].cells[c.column].isEmpty {
                        table.rows[below].cells[c.column] = c.paragraphs
                    }
                }
            }
        }
    }
}

/// HTML character references: `&amp;`, `&#39;`, `&#x1EA1;` and the named ones converters write.
enum HTMLEntity {
    private static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "ndash": 0x2013,
        "mdash": 0x2014, "hellip": 0x2026, "laquo": 0xAB, "raquo": 0xBB, "ldquo": 0x201C, "rdquo": 0x201D,
        "lsquo": 0x2018, "rsquo": 0x2019, "bull": 0x2022, "middot": 0xB7, "deg": 0xB0, "sup2": 0xB2, "ge": 0x2265,
        "le": 0x2264, "times": 0xD7,
    ]

    /// The scalar of the reference at the start of `bytes` (`&…;`) and its length in bytes.
    static func decode(_ bytes: ArraySlice<UInt8>) -> (UInt32, Int)? {
        guard bytes.first == UInt8(ascii: "&") else { return nil }
        var k = bytes.startIndex + 1
        var name: [UInt8] = []
        while k < bytes.endIndex, k - bytes.startIndex <= 10, bytes[k] != UInt8(ascii: ";") {
            name.append(bytes[k])
            k += 1
        }
        guard k < bytes.endIndex, bytes[k] == UInt8(ascii: ";"), !name.isEmpty else { return nil }
        let length = k - bytes.startIndex + 1
        if name[0] == UInt8(ascii: "#") {
            let hex = name.count > 1 && name[1] | 0x20 == UInt8(ascii: "x")
            let digits = String(decoding: name.dropFirst(hex ? 2 : 1), as: UTF8.self)
            guard let v = UInt32(digits, radix: hex ? 16 : 10), v > 0, v < 0x110000, !(0xD800...0xDFFF).contains(v) else {
                return nil
            }
            return (v, length)
        }
        guard let v = named[String(decoding: name, as: UTF8.self)] else { return nil }
        return (v, length)
    }
}

/// A whole HTML page (a plan saved from the web): its blocks (`<p>`, `<div>`, headings, list
/// items, `<br>`) become lines, its tables go through ``HTMLTable``, `<head>`, `<script>` and
/// `<style>` are left out, tags dropped and character references decoded. Each line reports the
/// input line its text starts on.
enum HTMLDocument {
    /// Whether the text is an HTML page: it opens with `<!DOCTYPE html` or `<html`.
    static func isPage(_ lines: TextLines) -> Bool {
        var i = 0
        while i < lines.count, lines.isBlank(i) { i += 1 }
        guard i < lines.count else { return false }
        let start = Array(lines.trimmed(i).prefix(16)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return start.starts(with: Array("<!doctype html".utf8)) || start.starts(with: Array("<html".utf8))
    }

    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header",
        "footer", "blockquote", "pre", "hr", "body", "title", "center",
    ]

    static func rewrite(_ lines: TextLines, into out: inout RecoveredText) {
        var text: [UInt8] = []
        var textLine: Int32 = 0
        var pendingSpace = false
        var skip: String?  // inside <head>, <script>, <style>
        var listDepth = 0
        func flush() {
            if !text.isEmpty { out.emit(text, number: textLine) }
            text = []
            pendingSpace = false
        }
        var i = 0
        while i < lines.count {
            let line = lines.line(i)
            // A table: from the line with its `<table>` to the line with its `</table>`.
            if skip == nil, let lt = tableStart(line) {
                // Text before the table on its line.
                let before = lines.bytes[line.startIndex..<lt]
                if before.contains(where: { $0 != 0x20 }) { read(before, line: i) }
                flush()
                if let next = HTMLTable.rewrite(lines, at: i, into: &out, anywhere: true) {
                    i = next
                    continue
                }
            }
            read(line, line: i)
            pendingSpace = true
            i += 1
        }
        flush()

        func read(_ bytes: ArraySlice<UInt8>, line i: Int) {
            var k = bytes.startIndex
            while k < bytes.endIndex {
                let b = bytes[k]
                if b == UInt8(ascii: "<"), let close = bytes[k...].firstIndex(of: UInt8(ascii: ">")) {
                    var body = bytes[(k + 1)..<close]
                    let closing = body.first == UInt8(ascii: "/")
                    if closing { body = body.dropFirst() }
                    var end = body.startIndex
                    while end < body.endIndex, body[end] != 0x20, body[end] != UInt8(ascii: "/"), body[end] != 0x09 { end += 1 }
                    let name = String(decoding: body[body.startIndex..<end].map { $0 | 0x20 }, as: UTF8.self)
                    k = close + 1
                    if let s = skip {
                        if closing, name == s { skip = nil }
                        continue
                    }
                    if !closing, name == "head" || name == "script" || name == "style" {
                        skip = name
                        continue
                    }
                    if name == "ul" || name == "ol" { listDepth = max(0, listDepth + (closing ? -1 : 1)) }
                    if blocks.contains(name) {
                        flush()
                        if name == "li", !closing, listDepth > 0 {
                            text = Array("- ".utf8)
                            textLine = lines.number(i)
                        }
                    }
                    continue
                }
                if skip != nil {
                    k += 1
                    continue
                }
                var scalar: [UInt8] = [b]
                var length = 1
                if b == UInt8(ascii: "&"), let (s, n) = HTMLEntity.decode(bytes[k...]) {
                    scalar = []
                    if s > 0x20, s != 0xA0 { VietnameseText.appendUTF8(s, to: &scalar) }
                    length = n
                }
                if scalar.isEmpty || scalar == [0x20] || scalar == [0x09] {
                    pendingSpace = true
                } else {
                    if text.isEmpty || text == Array("- ".utf8) {
                        if text.isEmpty { textLine = lines.number(i) }
                    } else if pendingSpace {
                        text.append(0x20)
                    }
                    pendingSpace = false
                    text.append(contentsOf: scalar)
                }
                k += length
            }
        }
    }

    /// Where a `<table` tag starts on `line`, if one does.
    private static func tableStart(_ line: ArraySlice<UInt8>) -> Int? {
        var k = line.startIndex
        while let lt = line[k...].firstIndex(of: UInt8(ascii: "<")) {
            if HTMLTable.startsTag(line[(lt + 1)...], "table") { return lt }
            k = lt + 1
        }
        return nil
    }
}
