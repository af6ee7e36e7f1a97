/// An Office Open XML workbook (`.xlsx`) built sheet by sheet: each finished sheet is
/// compressed into the zip at once, and ``finish()`` adds the workbook, its relationships,
/// the content types and the style sheet.
///
/// The parts are the minimum Excel, LibreOffice and openpyxl need, and the same input always
/// gives the same bytes (`ZipWriter` dates every entry 1980-01-01). Texts go to the
/// shared-string table (``XLSXSharedStrings``); rich text (word diffs) is inline.
struct XLSXWorkbook {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// What the workbook keeps of a sheet once its XML is in the zip.
    private struct SheetEntry {
        var name: String
        var rank: Int
        var order: Int
        var part: Int
        var printTitles: String?
        var printArea: String?
        var filter: String?
    }

    private var zip = ZipWriter()
    /// The shared strings of every sheet (sheets are made with it: ``XLSXSheet/init(name:strings:)``).
    let strings = XLSXSharedStrings()
    private var sheets: [SheetEntry] = []
    private var usedNames: Set<String> = []
    /// Compress the parts (off: stored, faster, bigger).
    let compress: Bool

    init(compress: Bool = true) {
        self.compress = compress
    }

    var isEmpty: Bool { sheets.isEmpty }

    /// Adds a finished sheet. Sheets are ordered by `rank`, then in the order added.
    mutating func add(_ sheet: XLSXSheet, rank: Int = 0) {
        let name = uniqueName(sheet.name)
        let part = sheets.count + 1
        zip.add("xl/worksheets/sheet\(part).xml", sheet.xml(), compress: compress)
        sheets.append(SheetEntry(name: name, rank: rank, order: sheets.count, part: part,
                                 printTitles: sheet.printTitleRows, printArea: sheet.printArea,
                                 filter: sheet.filterReference))
    }

    /// The finished `.xlsx` file. A workbook without sheets gets one empty sheet (a workbook
    /// must have one).
    mutating func finish() -> [UInt8] {
        if sheets.isEmpty { add(XLSXSheet(name: "Sheet1")) }
        let ordered = sheets.sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }
        zip.add("xl/workbook.xml", workbookXML(ordered), compress: compress)
        zip.add("xl/_rels/workbook.xml.rels", workbookRelationships(), compress: compress)
        zip.add("xl/styles.xml", XLSXStyle.stylesXML, compress: compress)
        if !strings.isEmpty { zip.add("xl/sharedStrings.xml", strings.xml(), compress: compress) }
        zip.add("_rels/.rels", Array(Self.packageRelationships.utf8), compress: compress)
        zip.add("[Content_Types].xml", contentTypes(), compress: compress)
        return zip.finish()
    }

    // MARK: Parts

    private func workbookXML(_ ordered: [SheetEntry]) -> [UInt8] {
        var s = "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        s += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, e) in ordered.enumerated() {
            s += "<sheet name=\"\(XMLText.escaped(e.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(e.part)\"/>"
        }
        s += "</sheets>"
        var names = ""
        for (i, e) in ordered.enumerated() {
            let quoted = "'" + XMLText.escaped(e.name).replacing("'", with: "''") + "'"
            if let filter = e.filter {
                names += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                    + quoted + "!" + Self.absolute(filter) + "</definedName>"
            }
            if let area = e.printArea {
                names += "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"\(i)\">" + quoted + "!" + area
                    + "</definedName>"
            }
            if let rows = e.printTitles {
                names += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">" + quoted + "!" + rows
                    + "</definedName>"
            }
        }
        if !names.isEmpty { s += "<definedNames>" + names + "</definedNames>" }
        s += "</workbook>\n"
        return XMLText.declaration + Array(s.utf8)
    }

    private func workbookRelationships() -> [UInt8] {
        var s = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for e in sheets.sorted(by: { $0.part < $1.part }) {
            s += "<Relationship Id=\"rId\(e.part)\" Type=\"\(Self.relationshipNamespace)/worksheet\""
                + " Target=\"worksheets/sheet\(e.part).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        if !strings.isEmpty {
            s += "<Relationship Id=\"rId\(sheets.count + 2)\" Type=\"\(Self.relationshipNamespace)/sharedStrings\""
                + " Target=\"sharedStrings.xml\"/>"
        }
        s += "</Relationships>\n"
        return XMLText.declaration + Array(s.utf8)
    }

    private func contentTypes() -> [UInt8] {
        var s = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s += "<Override PartName=\"/xl/workbook.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for e in sheets.sorted(by: { $0.part < $1.part }) {
            s += "<Override PartName=\"/xl/worksheets/sheet\(e.part).xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        s += "<Override PartName=\"/xl/styles.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        if !strings.isEmpty {
            s += "<Override PartName=\"/xl/sharedStrings.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        }
        s += "</Types>\n"
        return XMLText.declaration + Array(s.utf8)
    }

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>

        """

    /// `A1:P36` → `$A$1:$P$36`.
    private static func absolute(_ range: String) -> String {
        range.split(separator: ":").map { ref -> String in
            let letters = ref.prefix { $0.isLetter }
            return "$" + letters + "$" + ref.dropFirst(letters.count)
        }.joined(separator: ":")
    }

    // MARK: Sheet names

    /// A valid sheet name, unique in the workbook (ignoring case): at most 31 characters,
    /// none of `[]:*?/\`, not starting or ending with `'`; a repeat gets ` (2)`, ` (3)`, ….
    private mutating func uniqueName(_ wanted: String) -> String {
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        base = base.trimmingSpaces
        if base.isEmpty { base = "Sheet" }
        base = Self.cut(base, to: 31)
        var name = base
        var n = 2
        while usedNames.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = Self.cut(base, to: 31 - suffix.count) + suffix
            n += 1
        }
        usedNames.insert(name.lowercased())
        return name
    }

    /// At most `limit` UTF-16 code units (what Excel counts), never splitting a character.
    private static func cut(_ s: String, to limit: Int) -> String {
        var out = ""
        var units = 0
        for ch in s {
            let n = ch.utf16.count
            if units + n > limit { break }
            out.append(ch)
            units += n
        }
        return out.trimmingSpaces
    }
}

/// The cell styles of every workbook (the `cellXfs` of `styles.xml`; the raw value is the
/// index a cell's `s` attribute names).
enum XLSXStyle: Int, CaseIterable {
    /// General, no border.
    case plain = 0
    /// Text: wrapped, top-aligned, thin border, number format `@`.
    case text
    /// A column heading: bold on grey, wrapped, centred vertically.
    case header
    /// A date, `dd/mm/yyyy`.
    case date
    /// A whole number (counts, line numbers).
    case number
    /// A group row of a table: bold on light blue.
    case group
    /// A milestone row of a table (another product or deadline of the task above): italic.
    case milestone
    /// A sheet's caption line: bold, larger, no border.
    case caption
    /// A change row: added (green), removed (red), moved (blue), modified (yellow).
    case added, removed, moved, modified
    /// A date in a change row.
    case addedDate, removedDate, movedDate, modifiedDate

    /// Whether text wraps in the cell (and so may need a taller row).
    var wraps: Bool { parts.wrap }

    /// (font, fill, border, number format, wrap) of each style.
    private var parts: (font: Int, fill: Int, border: Int, format: Int, wrap: Bool) {
        switch self {
        case .plain: return (0, 0, 0, 0, false)
        case .text: return (0, 0, 1, 49, true)
        case .header: return (1, 2, 1, 49, true)
        case .date: return (0, 0, 1, 164, false)
        case .number: return (0, 0, 1, 0, false)
        case .group: return (1, 3, 1, 49, true)
        case .milestone: return (2, 0, 1, 49, true)
        case .caption: return (3, 0, 0, 49, false)
        case .added: return (0, 4, 1, 49, true)
        case .removed: return (0, 5, 1, 49, true)
        case .moved: return (0, 6, 1, 49, true)
        case .modified: return (0, 7, 1, 49, true)
        case .addedDate: return (0, 4, 1, 164, false)
        case .removedDate: return (0, 5, 1, 164, false)
        case .movedDate: return (0, 6, 1, 164, false)
        case .modifiedDate: return (0, 7, 1, 164, false)
        }
    }

    /// The style sheet: fonts, fills, borders, the date format and one `xf` per case.
    static let stylesXML: [UInt8] = {
        let fills = ["D9D9D9", "DDEBF7", "E2F0D9", "FBE5E5", "DEEAF6", "FFF2CC"]
        var s = "<styleSheet xmlns=\"\(XLSXWorkbook.mainNamespace)\">"
        s += "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        s += "<fonts count=\"4\">"
        s += "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        s += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        s += "<font><i/><sz val=\"11\"/><color rgb=\"FF404040\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        s += "<font><b/><sz val=\"13\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        s += "</fonts>"
        s += "<fills count=\"\(2 + fills.count)\"><fill><patternFill patternType=\"none\"/></fill>"
        s += "<fill><patternFill patternType=\"gray125\"/></fill>"
        for rgb in fills {
            s += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(rgb)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        s += "</fills>"
        let side = "style=\"thin\"><color rgb=\"FFA6A6A6\"/>"
        s += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        s += "<border><left \(side)</left><right \(side)</right><top \(side)</top><bottom \(side)</bottom><diagonal/></border>"
        s += "</borders>"
        s += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        s += "<cellXfs count=\"\(allCases.count)\">"
        for style in allCases {
            let p = style.parts
            var xf = "<xf numFmtId=\"\(p.format)\" fontId=\"\(p.font)\" fillId=\"\(p.fill)\" borderId=\"\(p.border)\" xfId=\"0\""
            if p.format != 0 { xf += " applyNumberFormat=\"1\"" }
            if p.font != 0 { xf += " applyFont=\"1\"" }
            if p.fill != 0 { xf += " applyFill=\"1\"" }
            if p.border != 0 { xf += " applyBorder=\"1\"" }
            if style == .plain {
                xf += "/>"
            } else {
                let vertical = style == .header ? "center" : "top"
                xf += " applyAlignment=\"1\"><alignment vertical=\"\(vertical)\"\(p.wrap ? " wrapText=\"1\"" : "")/></xf>"
            }
            s += xf
        }
        s += "</cellXfs>"
        s += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        s += "</styleSheet>\n"
        return XMLText.declaration + Array(s.utf8)
    }()

    /// The style of a change row's text cells.
    static func change(_ kind: TaskChange.Kind) -> XLSXStyle {
        switch kind {
        case .added: return .added
        case .removed: return .removed
        case .moved: return .moved
        case .modified: return .modified
        case .unchanged: return .text
        }
    }

    /// The style of a change row's date cells.
    static func changeDate(_ kind: TaskChange.Kind) -> XLSXStyle {
        switch kind {
        case .added: return .addedDate
        case .removed: return .removedDate
        case .moved: return .movedDate
        case .modified: return .modifiedDate
        case .unchanged: return .date
        }
    }
}
