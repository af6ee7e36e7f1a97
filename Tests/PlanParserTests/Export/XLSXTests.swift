import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PlanParser

/// The workbook's parts: what they hold, that they are well-formed XML, and the cell typing
/// and escaping rules.
@Suite struct XLSXTests {
    /// The parts of a workbook, by name, read back with `ZipArchive` (CRC-32 checked).
    static func parts(_ bytes: [UInt8]) throws -> [(name: String, text: String)] {
        let zip = try ZipArchive(bytes)
        return try zip.entries.map { ($0.name, String(decoding: try zip.contents(of: $0), as: UTF8.self)) }
    }

    static func workbook(_ files: [String]) throws -> [UInt8] {
        PlanDocument.export(try files.map(Fixtures.sample), as: format("xlsx", .documents))
    }

    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test func partsOfAWorkbook() throws {
        let parts = try Self.parts(try Self.workbook(["table-appendix.txt"]))
        let names = parts.map(\.name)
        #expect(names.contains("[Content_Types].xml"))
        #expect(names.contains("_rels/.rels"))
        #expect(names.contains("xl/workbook.xml"))
        #expect(names.contains("xl/_rels/workbook.xml.rels"))
        #expect(names.contains("xl/styles.xml"))
        #expect(names.contains("xl/sharedStrings.xml"))
        #expect(names.filter { $0.hasPrefix("xl/worksheets/sheet") }.count == 6)
        for p in parts { #expect(Self.isWellFormed(p.text), "\(p.name) is not well-formed XML") }
        let workbook = parts.first { $0.name == "xl/workbook.xml" }!.text
        #expect(workbook.contains("<sheet name=\"Tasks\" sheetId=\"1\""))
        #expect(workbook.contains("<sheet name=\"Table 1\" sheetId=\"2\""))
        #expect(workbook.contains("_xlnm.Print_Titles"))
        #expect(workbook.contains("'Tasks'!$A$1:$J$36"), "print area of the task sheet")
        let types = parts.first { $0.name == "[Content_Types].xml" }!.text
        for n in names where n.hasPrefix("xl/worksheets/") { #expect(types.contains("/" + n)) }
    }

    @Test func sameInputSameBytes() throws {
        #expect(try Self.workbook(["field-bullets.txt"]) == Self.workbook(["field-bullets.txt"]))
    }

    @Test func textCellsAreInlineStringsInATextStyle() {
        var s = XLSXSheet(name: "x")
        s.widths = [10, 10, 10]
        s.beginRow()
        s.text("1.")
        s.text("=SUM(A1)")
        s.text("- Phòng Quản lý KH&CN; <b>")
        s.endRow()
        let xml = String(decoding: s.xml(), as: UTF8.self)
        #expect(xml.contains("<c s=\"1\" t=\"inlineStr\"><is><t>1.</t></is></c>"))
        #expect(xml.contains("<c s=\"1\" t=\"inlineStr\"><is><t>=SUM(A1)</t></is></c>"))
        #expect(xml.contains("<t>- Phòng Quản lý KH&amp;CN; &lt;b&gt;</t>"))
        #expect(!xml.contains("<f>"))
        #expect(Self.isWellFormed(xml))
        // Style 1 is text (`@`) and wraps.
        let styles = String(decoding: XLSXStyle.stylesXML, as: UTF8.self)
        #expect(styles.contains("<cellXfs count=\"\(XLSXStyle.allCases.count)\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"49\""))
        #expect(Self.isWellFormed(styles))
    }

    @Test(arguments: [
        ("a\u{1}b", "a_x0001_b"), ("tab\tand\nline", "tab\tand\nline"), ("cr\r", "cr_x000D_"),
        ("_x0041_", "_x005F_x0041_"), ("_x00_", "_x00_"), ("a & b < c > d \" e", "a &amp; b &lt; c &gt; d &quot; e"),
        ("\u{FFFE}", "_xFFFE_"), ("Cải cách", "Cải cách"),
    ])
    func cellTextEscaping(value: String, written: String) {
        var out: [UInt8] = []
        XMLText.appendText(value, to: &out, preserveSpace: false)
        #expect(String(decoding: out, as: UTF8.self) == written)
    }

    @Test func edgeSpacesArePreserved() {
        var out: [UInt8] = []
        XMLText.appendCellText(" x", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == " xml:space=\"preserve\"> x</t>")
    }

    @Test func overlongCellsAreCutToExcelsLimit() {
        var out: [UInt8] = []
        XMLText.appendCellText(String(repeating: "ả", count: 40_000), to: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.dropFirst().dropLast(4).utf16.count == XMLText.cellLimit)
        #expect(text.hasSuffix("…</t>"))
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")])
    func columnNames(index: Int, name: String) {
        #expect(XLSXSheet.columnName(index) == name)
    }

    @Test(arguments: [((1900, 3, 1), 61), ((2025, 1, 1), 45_658), ((2024, 2, 29), 45_351), ((1999, 12, 31), 36_525)])
    func serialDays(date: (Int, Int, Int), serial: Int) {
        #expect(CalendarDate(year: date.0, month: date.1, day: date.2)!.excelSerial == serial)
    }

    @Test func rowHeightFollowsWrappedText() {
        var s = XLSXSheet(name: "x")
        s.widths = [10]
        s.beginRow()
        s.text("short")
        s.endRow()
        s.beginRow()
        s.text("one\ntwo\nthree")
        s.endRow()
        let xml = String(decoding: s.xml(), as: UTF8.self)
        #expect(xml.contains("<row r=\"1\"><c"))
        #expect(xml.contains("<row r=\"2\" ht=\"45\" customHeight=\"1\">"))
    }

    @Test func sheetNamesAreValidAndUnique() throws {
        var w = XLSXWorkbook()
        for name in ["Tasks", "tasks", "a/b:c*d?e[f]g\\h", String(repeating: "x", count: 40), String(repeating: "x", count: 40), "'q'"] {
            w.add(XLSXSheet(name: name))
        }
        let parts = try Self.parts(w.finish())
        let workbook = parts.first { $0.name == "xl/workbook.xml" }!.text
        for name in ["Tasks", "tasks (2)", "a_b_c_d_e_f_g_h", String(repeating: "x", count: 31),
                     String(repeating: "x", count: 27) + " (2)", "q"] {
            #expect(workbook.contains("<sheet name=\"\(name)\""), "\(name)")
        }
    }

    @Test func groupRowsAreMergedAcrossTheTable() throws {
        let parts = try Self.parts(try Self.workbook(["table-appendix.txt"]))
        let sheet = try #require(parts.first { $0.text.contains("<mergeCell") && $0.name.hasPrefix("xl/worksheets/") }).text
        #expect(sheet.contains("<mergeCell ref=\"A3:F3\"/>"))
        #expect(sheet.contains("<pane ySplit=\"2\" topLeftCell=\"A3\""))
        let strings = try #require(parts.first { $0.name == "xl/sharedStrings.xml" }).text
        #expect(strings.contains("<si><t>Văn phòng Sở\nThanh tra Sở</t></si>"), "one unit per line")
        #expect(strings.contains("<si><t>Thời gian thực hiện</t></si>"))
    }

    @Test func diffWorkbookHasWordHighlights() throws {
        let diff = PlanDiff.compare(try Fixtures.sample("diff/plan-2024.txt"), try Fixtures.sample("diff/plan-2025.txt"))
        let parts = try Self.parts(diff.export(as: format("xlsx", .diff)))
        for p in parts { #expect(Self.isWellFormed(p.text), "\(p.name)") }
        let changes = parts.first { $0.name == "xl/worksheets/sheet1.xml" }!.text
        #expect(changes.contains("<rPr><strike/>"))
        #expect(changes.contains("<t xml:space=\"preserve\">kết quả</t>"))
    }

    @Test func repeatedTextsAreSharedOnce() throws {
        let parts = try Self.parts(try Self.workbook(["table-appendix.txt"]))
        let strings = try #require(parts.first { $0.name == "xl/sharedStrings.xml" }).text
        #expect(strings.components(separatedBy: "<si><t>Văn phòng Sở</t></si>").count == 2)
        let count = strings.components(separatedBy: "<si>").count - 1
        #expect(strings.contains("uniqueCount=\"\(count)\""))
        let types = try #require(parts.first { $0.name == "[Content_Types].xml" }).text
        #expect(types.contains("/xl/sharedStrings.xml"))
        #expect(try #require(parts.first { $0.name == "xl/_rels/workbook.xml.rels" }).text.contains("Target=\"sharedStrings.xml\""))
    }

    @Test func sharedStringTableFindsTextsByTheirBytes() {
        let table = XLSXSharedStrings()
        var ids: [Int] = []
        for i in 0..<20_000 {
            let text = Array("unit \(i % 5_000)".utf8)
            ids.append(text.withUnsafeBufferPointer { table.index(of: $0, hash: XLSXSharedStrings.hash($0)) { $0 += [0x3E] } })
        }
        #expect(table.uniqueCount == 5_000)
        #expect(table.referenceCount == 20_000)
        #expect(ids[0] == ids[5_000] && ids[4_999] == ids[19_999] && ids[0] != ids[1])
    }

    @Test func emptyRunGivesAWorkbookWithOneSheet() throws {
        let parts = try Self.parts(PlanDocument.export([], as: format("xlsx", .tables)))
        #expect(parts.filter { $0.name.hasPrefix("xl/worksheets/") }.count == 1)
    }
}
