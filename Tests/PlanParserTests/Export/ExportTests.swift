import Foundation
import Testing
@testable import PlanParser

@Suite struct ExportTests {
    @Test func jsonEscapesEveryControlCharacter() throws {
        var w = JSONWriter(pretty: false)
        var text = "quote \" backslash \\ slash / tab \t newline \n"
        for c in 0..<0x20 where ![0x09, 0x0A].contains(c) { text.unicodeScalars.append(UnicodeScalar(UInt8(c))) }
        text += "\u{7F} Việt"
        w.string(text)
        let out = String(decoding: w.bytes, as: UTF8.self)
        #expect(out.hasPrefix(#""quote \" backslash \\ slash / tab \t newline \n\u0000\u0001"#))
        #expect(out.hasSuffix(#"\u001f\u007f Việt""#))
        #expect(!w.bytes.contains { $0 < 0x20 })
        let decoded = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    @Test func jsonEscapesLineSeparators() throws {
        var w = JSONWriter(pretty: false)
        let text = "a\u{2028}b\u{2029}c – “d” \u{2027}"
        w.string(text)
        let out = String(decoding: w.bytes, as: UTF8.self)
        #expect(out == #""a\u2028b\u2029c – “d” \#u{2027}""#)
        let decoded = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    /// Every escape at every position of strings of 0 to 19 bytes: the last bytes are looked at
    /// through one load ending the string, so a byte to escape must still be found there.
    @Test func jsonEscapesAtEveryPositionNearTheEnd() throws {
        for special in ["\"", "\\", "\n", "\u{01}", "\u{7F}", "\u{2028}", "\u{2192}"] {
            for length in 0..<20 {
                for at in 0...length {
                    let text = String(repeating: "a", count: at) + special + String(repeating: "b", count: length - at)
                    var w = JSONWriter(pretty: false)
                    w.string(text)
                    let decoded = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
                    #expect(decoded == text)
                    #expect(!w.bytes.contains { $0 < 0x20 || $0 == 0x7F })
                    #expect(special != "\u{2028}" || String(decoding: w.bytes, as: UTF8.self).contains("\\u2028"))
                }
            }
        }
    }

    @Test func jsonNumbersAndDates() {
        var w = JSONWriter(pretty: false)
        w.beginArray()
        for v in [0, 9, 10, 99, 100, 12345, -1, -10, Int.max, Int.min] { w.int(v) }
        w.date(CalendarDate(year: 2025, month: 3, day: 9))
        var odd = CalendarDate(year: 1, month: 1, day: 1)!
        odd.year = 12345
        w.date(odd)
        odd.year = 7
        w.date(odd)
        w.endArray()
        #expect(String(decoding: w.bytes, as: UTF8.self) == """
            [0,9,10,99,100,12345,-1,-10,9223372036854775807,-9223372036854775808,\
            "2025-03-09","12345-01-01","0007-01-01"]
            """)
    }

    @Test func jsonLayout() {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("a"); w.int(-12)
        w.key("b"); w.inlineArray(["x", "y"])
        w.key("c"); w.beginArray(); w.null(); w.bool(true); w.endArray()
        w.key("d"); w.beginObject(); w.endObject()
        w.endObject()
        w.finish()
        #expect(String(decoding: w.bytes, as: UTF8.self) == """
            {
              "a": -12,
              "b": ["x", "y"],
              "c": [
                null,
                true
              ],
              "d": {}
            }

            """)
    }

    /// (field, written)
    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""), ("=SUM(A1)", "'=SUM(A1)"), ("+84 912", "'+84 912"), ("-5", "'-5"),
        ("@user", "'@user"), ("=1,2", "\"'=1,2\""), ("Việt Nam", "Việt Nam"),
        // Signs behind what spreadsheets skip: quotes, spaces, format characters; other signs.
        ("\"=cmd", "\"'\"\"=cmd\""), ("  =A1", "'  =A1"), ("\u{00AD}=A1", "'\u{00AD}=A1"), ("\u{202E}=A1", "'\u{202E}=A1"),
        ("\u{200B}+1", "'\u{200B}+1"), ("\u{FEFF}-1", "'\u{FEFF}-1"), ("＝A1", "'＝A1"), ("＋1", "'＋1"), ("－1", "'－1"),
        ("＠x", "'＠x"), ("\u{2212}1", "'\u{2212}1"), ("“=x”", "'“=x”"), ("'=x", "''=x"),
        ("\tx", "'\tx"), ("a=b", "a=b"), ("Quý I - II", "Quý I - II"), ("x-1", "x-1"),
    ])
    func csvQuotingAndFormulaGuard(field: String, written: String) {
        var w = CSVWriter()
        w.row([field])
        #expect(String(decoding: w.bytes, as: UTF8.self) == written + "\r\n")
    }

    @Test func csvRawKeepsFormulas() {
        var w = CSVWriter(bom: true, guardFormulas: false)
        w.row(["=A1", "x"])
        #expect(w.bytes == [0xEF, 0xBB, 0xBF] + Array("=A1,x\r\n".utf8))
    }

    @Test func taskCSVColumns() throws {
        let d = try Fixtures.parse("""
            II. NHIỆM VỤ

            a) Ban hành kế hoạch, hướng dẫn.
            - Đơn vị chủ trì: Văn phòng Sở; Thanh tra Sở
            - Sản phẩm: Kế hoạch; Báo cáo
            - Thời gian thực hiện: Quý I/2025; Quý 3, 4/2025
            """)
        let csv = String(decoding: Exports.taskCSV([d]), as: UTF8.self)
        #expect(csv == """
            source,document,id,origin,section,number,title,lead,lead_keys,support,support_keys,products,time,start,end,line\r
            inline,inline,II.a,fields,II. NHIỆM VỤ,a,"Ban hành kế hoạch, hướng dẫn.",Văn phòng Sở; Thanh tra Sở,văn phòng sở; thanh tra sở,,,Kế hoạch; Báo cáo,"Quý I/2025; Quý 3, 4/2025",2025-01-01,2025-12-31,3\r

            """)
    }

    @Test func csvSemicolonDelimiter() {
        var w = CSVWriter(delimiter: UInt8(ascii: ";"))
        w.row(["a", "b;c", "d,e"])
        #expect(String(decoding: w.bytes, as: UTF8.self) == "a;\"b;c\";d,e\r\n")
    }

    @Test func csvQuotesTheTabItSeparatesBy() {
        var w = CSVWriter(delimiter: 0x09)
        w.row(["a\tb", "c"])
        #expect(String(decoding: w.bytes, as: UTF8.self) == "\"a\tb\"\tc\r\n")
    }

    @Test func documentIDFromNumberAndDate() throws {
        #expect(try Fixtures.sample("table-appendix.txt").documentID == "05/KH-STP@2025-01-10")
        // A number left blank before signing keeps its code.
        #expect(try Fixtures.sample("field-bullets.txt").documentID == "KH-SYT@2024-12-27")
        // No number: the file name.
        #expect(try Fixtures.parse("II. NHIỆM VỤ\n\na) Ban hành kế hoạch.\n").documentID == "inline")
        var d = try Fixtures.parse("II. NHIỆM VỤ\n")
        d.source.path = "plans/2025/q1.txt"
        #expect(d.documentID == "q1.txt")
        d.header.number = "12/KH"
        d.header.date = DocumentDate(day: nil, month: 3, year: 2025)
        #expect(d.documentID == "12/KH@2025-03")
    }

    /// A document assembled from values writes the same JSON as the parsed one it copies.
    @Test(arguments: ["table-appendix.txt", "field-bullets.txt", "messy/table-appendix.wrapped.txt"])
    func documentFromValues(file: String) throws {
        let d = try Fixtures.sample(file)
        let copy = PlanDocument(
            source: d.source, header: d.header, preamble: d.preamble, sections: d.sections, closing: d.closing,
            tasks: d.tasks, targets: d.targets, responsibilities: d.responsibilities, warnings: d.warnings,
            leftovers: d.leftovers, furniture: d.furniture)
        #expect(copy.jsonBytes() == d.jsonBytes())
        #expect(copy == d)
        var edited = copy
        edited.sections[0].title = "Khác"
        #expect(edited.sections[0].title == "Khác")
        #expect(edited != d)
    }
}
