/// One worksheet of an ``XLSXWorkbook``, written row by row straight into its XML.
///
/// Cells are typed: text is a shared string (`t="s"`, or an inline string `t="inlineStr"` in a
/// sheet without the workbook's table) in a text-formatted style, so a
/// spreadsheet never reads it as a formula or a number (`1.` stays `1.`, `- Phòng …` stays as
/// written, no apostrophe needed); dates are serial numbers in a date style; counts and line
/// numbers are numbers. Rows are numbered from 1 in the order they are written.
struct XLSXSheet {
    /// The name on the tab (made valid and unique by the workbook).
    var name: String
    /// Column widths in characters, from column A.
    var widths: [Double] = []
    /// Rows at the top that stay in view when scrolling (and are repeated on every printed page).
    var frozenRows = 0
    /// The row (1-based) that holds the column headings an autofilter works on; `nil` for none.
    var filterRow: Int?
    /// Landscape, fitted to the page width (as many pages down as needed).
    var landscape = true
    /// The tab is the one shown when the workbook opens.
    var selected = false
    /// Print only the first this many columns (all when `nil`).
    var printColumns: Int?
    /// A text printed at the top of every page (`&` is escaped).
    var pageHeader: String?
    /// The workbook's shared strings: text cells name their text in it (inline strings
    /// without one).
    let strings: XLSXSharedStrings?

    /// The `<row>` elements written so far.
    private(set) var rows: [UInt8] = []
    private(set) var rowCount = 0
    private(set) var columnCount = 0
    private var column = 0
    /// The cells of the row being written, and the lines its tallest cell needs.
    private var cells: [UInt8] = []
    private var rowLines = 1
    private var merges: [(row: Int, first: Int, last: Int)] = []
    /// The text of a shared cell, gathered before it is looked up.
    private var scratch: [UInt8] = []

    init(name: String, strings: XLSXSharedStrings? = nil) {
        self.name = name
        self.strings = strings
        rows.reserveCapacity(1 << 16)
    }

    // MARK: Writing rows

    mutating func beginRow() {
        rowCount += 1
        column = 0
        rowLines = 1
        cells.removeAll(keepingCapacity: true)
    }

    /// Ends the row. Its height is set from the text it holds (the lines each wrapped cell
    /// needs at its column's width), so every reader shows all of it: spreadsheet programs do
    /// not all grow rows to fit wrapped text when they open a file.
    mutating func endRow() {
        rows.append(contentsOf: Self.rowOpen)
        XMLText.appendInt(rowCount, to: &rows)
        if rowLines > 1 {
            rows.append(contentsOf: Self.heightAttribute)
            XMLText.appendInt(rowLines * 15, to: &rows)
            rows.append(contentsOf: Self.customHeight)
        }
        rows.append(contentsOf: Self.attributeClose)
        rows.append(contentsOf: cells)
        rows.append(contentsOf: Self.rowClose)
    }

    /// Characters that fit on one line of a wrapped cell `span` columns wide from the
    /// current column.
    private func perLine(span: Int) -> Int {
        var width = 0.0
        for k in column..<(column + span) { width += k < widths.count ? widths[k] : 8.43 }
        // A unit of width is the width of a digit; Calibri's average letter is narrower, so
        // about 1.2 characters fit per unit, less what word wrapping leaves at line ends.
        return max(1, Int(width * 1.1))
    }

    /// A text cell. Empty text leaves the cell empty (but styled, so borders line up).
    /// `span`: the number of columns the cell will be merged across (for the row height).
    /// With the workbook's ``strings`` the text is a shared string, else an inline string.
    mutating func text(_ value: String, _ style: XLSXStyle = .text, span: Int = 1) {
        if value.isEmpty {
            empty(style)
            return
        }
        if let strings, span == 1 {
            scratch.removeAll(keepingCapacity: true)
            var v = value
            v.withUTF8 { scratch.append(contentsOf: $0) }
            shared(strings, style)
            return
        }
        let fit = style.wraps ? perLine(span: span) : Int.max
        cells.append(contentsOf: Self.textOpen[style.rawValue])
        var text = XMLText.CellText(perLine: fit)
        text.append(value, to: &cells, first: true, last: true)
        rowLines = max(rowLines, text.finish(&cells))
        cells.append(contentsOf: Self.inlineClose)
        advance()
    }

    /// A text cell holding `items`, one per line.
    mutating func lines<C: Collection>(_ items: C, _ style: XLSXStyle = .text, _ item: (C.Element) -> String) {
        if items.isEmpty {
            empty(style)
            return
        }
        if let strings {
            scratch.removeAll(keepingCapacity: true)
            var first = true
            for x in items {
                if !first { scratch.append(0x0A) }
                first = false
                var s = item(x)
                s.withUTF8 { scratch.append(contentsOf: $0) }
            }
            shared(strings, style)
            return
        }
        let fit = style.wraps ? perLine(span: 1) : Int.max
        cells.append(contentsOf: Self.textOpen[style.rawValue])
        var text = XMLText.CellText(perLine: fit)
        var i = items.startIndex
        while i != items.endIndex {
            let next = items.index(after: i)
            text.append(item(items[i]), to: &cells, first: i == items.startIndex, last: next == items.endIndex)
            i = next
        }
        rowLines = max(rowLines, text.finish(&cells))
        cells.append(contentsOf: Self.inlineClose)
        advance()
    }

    /// A text cell holding `items`, one per line.
    mutating func lines(_ items: [String], _ style: XLSXStyle = .text) {
        lines(items, style) { $0 }
    }

    /// The cell for the text in ``scratch``: looked up (or added) in `strings`.
    private mutating func shared(_ strings: XLSXSharedStrings, _ style: XLSXStyle) {
        guard scratch.count <= XMLText.cellLimit else {
            // Long enough to need cutting: inline, where the cut is made.
            let fit = style.wraps ? perLine(span: 1) : Int.max
            cells.append(contentsOf: Self.textOpen[style.rawValue])
            var text = XMLText.CellText(perLine: fit)
            text.append(String(decoding: scratch, as: UTF8.self), to: &cells, first: true, last: true)
            rowLines = max(rowLines, text.finish(&cells))
            cells.append(contentsOf: Self.inlineClose)
            return advance()
        }
        let fit = style.wraps ? perLine(span: 1) : Int.max
        let (id, lines) = scratch.withUnsafeBufferPointer { b -> (Int, Int) in
            let id = strings.index(of: b, hash: XLSXSharedStrings.hash(b)) { out in
                var t = XMLText.CellText(perLine: .max)
                t.append(String(decoding: b, as: UTF8.self), to: &out, first: true, last: true)
                _ = t.finish(&out)
            }
            return (id, style.wraps ? Self.lines(b, perLine: fit) : 1)
        }
        rowLines = max(rowLines, lines)
        cells.append(contentsOf: Self.sharedOpen[style.rawValue])
        XMLText.appendInt(id, to: &cells)
        cells.append(contentsOf: Self.valueClose)
        advance()
    }

    /// Lines `text` takes in a wrapped cell `perLine` characters wide: characters are counted
    /// eight bytes at a time (UTF-8 continuation bytes are not characters of their own) until
    /// a chunk holds a line feed.
    private static func lines(_ text: UnsafeBufferPointer<UInt8>, perLine: Int) -> Int {
        var total = 0
        var run = 0
        let n = text.count
        let raw = UnsafeRawBufferPointer(text)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i < n {
            while i + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let v = x ^ (ones &* 0x0A)
                if (v &- ones) & ~v & highs != 0 { break }
                run += 8 - (x & ~(x << 1) & highs).nonzeroBitCount
                i += 8
            }
            guard i < n else { break }
            let b = text[i]
            if b == 0x0A {
                total += run == 0 ? 1 : (run - 1) / perLine + 1
                run = 0
            } else if b & 0xC0 != 0x80 {
                run += 1
            }
            i += 1
        }
        return total + (run == 0 ? 1 : (run - 1) / perLine + 1)
    }

    /// A text cell of several runs, each plain or marked (a word diff: struck-out red for
    /// removed words, bold green for inserted ones).
    mutating func richText(_ runs: [(text: String, mark: XLSXRunMark)], _ style: XLSXStyle = .text) {
        guard !runs.isEmpty else {
            empty(style)
            return
        }
        cells.append(contentsOf: Self.richOpen[style.rawValue])
        var chars = 0
        for run in runs {
            cells.append(contentsOf: Self.runOpen)
            cells.append(contentsOf: run.mark.properties)
            cells.append(contentsOf: Self.runTextOpen)
            XMLText.appendText(run.text, to: &cells, preserveSpace: false)
            cells.append(contentsOf: Self.runClose)
            chars += run.text.unicodeScalars.count
        }
        cells.append(contentsOf: Self.inlineClose)
        if style.wraps { rowLines = max(rowLines, (chars + perLine(span: 1) - 1) / perLine(span: 1)) }
        advance()
    }

    /// A date cell (a serial day number shown as `dd/mm/yyyy`); empty when `nil`.
    mutating func date(_ value: CalendarDate?, _ style: XLSXStyle = .date) {
        guard let value else {
            empty(style)
            return
        }
        number(value.excelSerial, style)
    }

    /// A number cell; empty when `nil`.
    mutating func number(_ value: Int?, _ style: XLSXStyle = .number) {
        guard let value else {
            empty(style)
            return
        }
        cells.append(contentsOf: Self.numberOpen[style.rawValue])
        XMLText.appendInt(value, to: &cells)
        cells.append(contentsOf: Self.valueClose)
        advance()
    }

    /// An empty cell with a style (for borders and fills).
    mutating func empty(_ style: XLSXStyle = .text) {
        cells.append(contentsOf: Self.emptyCell[style.rawValue])
        advance()
    }

    /// Merges the current row's cells from column `first` to `last` (0-based, inclusive).
    mutating func mergeInRow(from first: Int, to last: Int) {
        guard last > first else { return }
        merges.append((rowCount, first, last))
    }

    private mutating func advance() {
        column += 1
        if column > columnCount { columnCount = column }
    }

    // MARK: The part

    /// The whole worksheet part. `index` is the sheet's place in the workbook (0-based).
    func xml() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count + 2048)
        let lastColumn = max(columnCount, widths.count, 1) - 1
        let range = "A1:" + Self.columnName(lastColumn) + String(max(rowCount, 1))
        out += XMLText.declaration
        out += Array(("<worksheet xmlns=\"\(XLSXWorkbook.mainNamespace)\" xmlns:r=\"\(XLSXWorkbook.relationshipNamespace)\">").utf8)
        out += Array("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>".utf8)
        out += Array("<dimension ref=\"\(range)\"/>".utf8)
        out += Array("<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>".utf8)
        if frozenRows > 0 {
            let top = "A" + String(frozenRows + 1)
            out += Array(("<pane ySplit=\"\(frozenRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>").utf8)
        }
        out += Array("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>".utf8)
        if !widths.isEmpty {
            out += Array("<cols>".utf8)
            for (i, w) in widths.enumerated() {
                out += Array("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(Self.widthText(w))\" customWidth=\"1\"/>".utf8)
            }
            out += Array("</cols>".utf8)
        }
        out += Array("<sheetData>\n".utf8)
        out += rows
        out += Array("</sheetData>".utf8)
        if let ref = filterReference { out += Array("<autoFilter ref=\"\(ref)\"/>".utf8) }
        if !merges.isEmpty {
            out += Array("<mergeCells count=\"\(merges.count)\">".utf8)
            for m in merges {
                let ref = Self.columnName(m.first) + String(m.row) + ":" + Self.columnName(m.last) + String(m.row)
                out += Array("<mergeCell ref=\"\(ref)\"/>".utf8)
            }
            out += Array("</mergeCells>".utf8)
        }
        out += Array("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>".utf8)
        out += Array(("<pageSetup paperSize=\"9\" orientation=\"\(landscape ? "landscape" : "portrait")\""
            + " fitToWidth=\"1\" fitToHeight=\"0\"/>").utf8)
        out += Array("<headerFooter>".utf8)
        if let pageHeader {
            out += Array("<oddHeader>&amp;L".utf8)
            XMLText.appendText(pageHeader.replacing("&", with: "&&"), to: &out, preserveSpace: false)
            out += Array("</oddHeader>".utf8)
        }
        out += Array("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>".utf8)
        out += Array("</worksheet>\n".utf8)
        return out
    }

    /// The autofilter's range: the filter row to the last row, across the used columns.
    var filterReference: String? {
        guard let filterRow, filterRow <= rowCount else { return nil }
        let lastColumn = max(columnCount, 1) - 1
        return "A" + String(filterRow) + ":" + Self.columnName(lastColumn) + String(rowCount)
    }

    /// The printed range (`$A$1:$J$36`) when only some columns are printed.
    var printArea: String? {
        guard let printColumns, printColumns > 0 else { return nil }
        return "$A$1:$" + Self.columnName(printColumns - 1) + "$" + String(max(rowCount, 1))
    }

    /// The rows repeated on every printed page (`$1:$2`), or `nil`.
    var printTitleRows: String? {
        frozenRows > 0 ? "$1:$" + String(frozenRows) : nil
    }

    // MARK: Names and numbers

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column index.
    static func columnName(_ index: Int) -> String {
        var bytes: [UInt8] = []
        appendColumnName(index, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendColumnName(_ index: Int, to out: inout [UInt8]) {
        if index < 26 {
            out.append(UInt8(65 + index))
            return
        }
        var n = index + 1
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        out.append(contentsOf: letters.reversed())
    }

    /// A width with at most two decimals (`12`, `8.5`).
    static func widthText(_ w: Double) -> String {
        let hundredths = Int((w * 100).rounded())
        let whole = hundredths / 100
        let frac = hundredths % 100
        if frac == 0 { return String(whole) }
        return String(whole) + "." + (frac % 10 == 0 ? String(frac / 10) : (frac < 10 ? "0" : "") + String(frac))
    }

    private static let rowOpen = Array("<row r=\"".utf8)
    private static let rowClose = Array("</row>\n".utf8)
    private static let heightAttribute = Array("\" ht=\"".utf8)
    private static let customHeight = Array("\" customHeight=\"1".utf8)
    private static let attributeClose = Array("\">".utf8)
    private static let inlineClose = Array("</is></c>".utf8)
    private static let runOpen = Array("<r>".utf8)
    private static let runTextOpen = Array("<t xml:space=\"preserve\">".utf8)
    private static let runClose = Array("</t></r>".utf8)
    private static let valueClose = Array("</v></c>".utf8)

    // Cells carry no `r` reference: every cell of a row is written, empty ones too, so each
    // is where its place in the row says (the `r` attribute is optional in SpreadsheetML).

    /// `<c s="N" t="inlineStr"><is><t` per style (the text's `>` or `xml:space` follows).
    private static let textOpen: [[UInt8]] = XLSXStyle.allCases.map { Array("<c s=\"\($0.rawValue)\" t=\"inlineStr\"><is><t".utf8) }
    private static let richOpen: [[UInt8]] = XLSXStyle.allCases.map { Array("<c s=\"\($0.rawValue)\" t=\"inlineStr\"><is>".utf8) }
    private static let sharedOpen: [[UInt8]] = XLSXStyle.allCases.map { Array("<c s=\"\($0.rawValue)\" t=\"s\"><v>".utf8) }
    private static let numberOpen: [[UInt8]] = XLSXStyle.allCases.map { Array("<c s=\"\($0.rawValue)\"><v>".utf8) }
    private static let emptyCell: [[UInt8]] = XLSXStyle.allCases.map { Array("<c s=\"\($0.rawValue)\"/>".utf8) }
}

/// How a run of rich text is marked.
enum XLSXRunMark {
    case plain, removed, inserted

    var properties: [UInt8] {
        switch self {
        case .plain: return []
        case .removed: return Self.removedProperties
        case .inserted: return Self.insertedProperties
        }
    }

    private static let removedProperties = Array(
        "<rPr><strike/><sz val=\"11\"/><color rgb=\"FFC00000\"/><rFont val=\"Calibri\"/></rPr>".utf8)
    private static let insertedProperties = Array(
        "<rPr><b/><sz val=\"11\"/><color rgb=\"FF007A33\"/><rFont val=\"Calibri\"/></rPr>".utf8)
}

extension CalendarDate {
    /// The day as a spreadsheet serial number: days since 1899-12-30 (the 1900 date system;
    /// right for every day from 1900-03-01 on).
    var excelSerial: Int {
        // Days from the civil date (H. Hinnant's algorithm), 1970-01-01 = 0.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days + 25_569
    }
}
