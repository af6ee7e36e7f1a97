import Foundation
import Testing
@testable import PlanParser

/// Several documents through one exporter (``ExportOptions/collection``): every format of
/// `outline`, `units` and `tables` stays well-formed and says which document is which.
@Suite struct SeveralDocumentsTests {
    static let one = """
        II. NHIỆM VỤ

        a) Việc một.
        - Đơn vị chủ trì: Văn phòng Sở
        - Đơn vị phối hợp: Thanh tra Sở
        """
    static let two = """
        II. NHIỆM VỤ

        STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian
        1\tViệc hai\tThanh tra Sở\tQuý I/2025
        """

    static func documents() throws -> [PlanDocument] {
        [try PlanDocument.parse(bytes: Array(one.utf8), path: "d/one.txt"),
         try PlanDocument.parse(bytes: Array(two.utf8), path: "d/two.txt")]
    }

    static func export(_ name: String, _ subject: ExportSubject, collection: Bool = true, bom: Bool = false) throws -> String {
        var o = ExportOptions()
        o.collection = collection
        o.byteOrderMark = bom
        return String(decoding: PlanDocument.export(try documents(), as: format(name, subject), options: o), as: UTF8.self)
    }

    @Test func unitsTextHeadsEachDocument() throws {
        #expect(try Self.export("text", .units) == """
            == d/one.txt ==
            Unit           Lead  Support
            Văn phòng Sở      1        0
            Thanh tra Sở      0        1

            == d/two.txt ==
            Unit           Lead  Support
            Thanh tra Sở      1        0

            """)
    }

    @Test func outlineHeadsEachDocument() throws {
        let text = try Self.export("text", .outline)
        #expect(text.hasPrefix("== d/one.txt ==\n1  II. NHIỆM VỤ\n"))
        #expect(text.contains("\n\n== d/two.txt ==\n1  II. NHIỆM VỤ\n"))
        #expect(text.components(separatedBy: "== ").count == 3)
        // One document: no heading, as before.
        #expect(try Self.export("text", .outline, collection: false).hasPrefix("1  II. NHIỆM VỤ\n"))
    }

    @Test func unitsCSVIsOneTableWithASourceColumn() throws {
        #expect(try Self.export("csv", .units, bom: true) == "\u{FEFF}source,unit,key,lead,support\r\n"
            + "d/one.txt,Văn phòng Sở,văn phòng sở,1,0\r\nd/one.txt,Thanh tra Sở,thanh tra sở,0,1\r\n"
            + "d/two.txt,Thanh tra Sở,thanh tra sở,1,0\r\n")
    }

    @Test func unitsJSONIsAnArrayWithPaths() throws {
        let text = try Self.export("json", .units)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.map { $0["path"] as? String } == ["d/one.txt", "d/two.txt"])
        #expect(array.map { ($0["units"] as? [Any])?.count } == [2, 1])
        #expect(text.hasPrefix("[\n  {\n    \"path\": \"d/one.txt\",\n    \"units\": [\n"))
        // Nothing to write: still an array.
        var o = ExportOptions()
        o.collection = true
        #expect(PlanDocument.export([], as: format("json", .units), options: o) == Array("[]\n".utf8))
    }

    @Test func tablesCSVSeparatesTablesOfAllDocuments() throws {
        let csv = try Self.export("csv", .tables, bom: true)
        #expect(csv.hasPrefix("\u{FEFF}group,STT,"))
        #expect(csv.components(separatedBy: "\u{FEFF}").count == 2, "one byte-order mark")
        #expect(format("csv", .tables).oneTablePerFile)
        #expect(!format("json", .units).oneTablePerFile)
    }
}
