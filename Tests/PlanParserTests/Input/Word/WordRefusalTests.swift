import Foundation
import Testing

@testable import PlanParser

/// Files of the Word family that cannot be read get a refusal that says what they are and
/// what to do; damaged packages name the part and the damage.
@Suite struct WordRefusalTests {
    static func message(_ bytes: [UInt8], path: String = "-", maxBytes: Int = PlanDocument.defaultMaxBytes) -> String {
        do {
            _ = try PlanDocument.parse(bytes: bytes, path: path, options: ParseOptions(maxBytes: maxBytes))
            return "parsed"
        } catch {
            return error.description
        }
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.samples.appendingPathComponent("word/refuse/" + name)))
    }

    static let readable = "only Word documents (.docx, .odt), PDFs and plain text are read"

    static let fixtures: [(String, String)] = [
        ("table-appendix.doc",
         "a Word 97–2003 document (.doc) cannot be read: save it as .docx — in Word File › Save As, or `soffice --headless --convert-to docx FILE.doc`"),
        ("encrypted.docx",
         "the document is password-protected (encrypted): open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password), save it and try again"),
        ("truncated.docx", "not a valid .docx: the zip archive is truncated (no central directory at its end)"),
        ("badcrc.docx", "not a valid .docx: zip entry 'word/document.xml': bad CRC-32"),
        ("bomb.docx", "not a valid .docx: zip archive too large: entries declare 1073744721 bytes in all (limit 1073741824)"),
        ("table-appendix.xlsx", "an Excel workbook (.xlsx) is not a plan document: \(readable)"),
        ("table-appendix.pptx", "a PowerPoint presentation (.pptx) is not a plan document: \(readable)"),
        ("not-word.docx", "a zip archive without a Word document (no word/document.xml) cannot be read: \(readable)"),
        // Named .docx but not a zip: said so, not "invalid UTF-8" (the name is the only hint).
        ("random.docx", "not a valid .docx: the file is not a zip archive: it is damaged, or another kind of file renamed to .docx"),
        ("empty.docx", "the input has no text"),
    ]

    @Test(arguments: fixtures)
    func refusalFixture(_ name: String, _ expected: String) throws {
        #expect(Self.message(try Self.fixture(name), path: "refuse/" + name) == expected)
    }

    /// The name decides only the message of bytes no reader recognizes: a PDF that is not
    /// one, an ODT that is not a zip; a text file keeps the decoder's message.
    @Test(arguments: [
        ("scan.PDF", "not a valid .pdf: the file is not a PDF (no %PDF- header): it is damaged, or another kind of file renamed to .pdf"),
        ("notes.odt", "not a valid .odt: the file is not a zip archive: it is damaged, or another kind of file renamed to .odt"),
        ("plan.txt", "invalid UTF-8 at byte 0 (line 1)"),
        ("dir.docx/plan", "invalid UTF-8 at byte 0 (line 1)"),
    ])
    func misnamedBytes(_ path: String, _ expected: String) {
        #expect(Self.message([0xC3, 0x28, 0x41, 0x0A], path: path) == expected)
    }

    @Test func truncatedAnywhere() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.samples.appendingPathComponent("word/table-appendix.docx")))
        for cut in [30, 200, bytes.count / 2, bytes.count - 30] {
            #expect(Self.message(Array(bytes[..<cut])).hasPrefix("not a valid .docx: "), "cut at \(cut)")
        }
    }

    @Test func compressionBomb() {
        // 4 MiB of one byte deflates about 1000:1.
        var zip = ZipWriter()
        zip.add("word/document.xml", Array(repeating: 0x20, count: 4 << 20))
        #expect(Self.message(zip.finish())
            .hasPrefix("not a valid .docx: zip entry 'word/document.xml': compression ratio "))
    }

    @Test func documentLargerThanTheLimit() {
        let doc = WordTest.docx(String(repeating: WordTest.p("Nội dung nhiệm vụ"), count: 100))
        let message = Self.message(doc, maxBytes: 4000)
        #expect(message.hasPrefix("input too large: "))
        #expect(message.hasSuffix(" bytes (limit 4000)"))
    }

    @Test func malformedXML() {
        let doc = WordTest.docx("<w:p><w:r><w:t>Kế hoạch</w:r></w:p>")
        #expect(Self.message(doc).hasPrefix("not a valid .docx: word/document.xml: malformed XML at byte "))
        #expect(Self.message(doc).hasSuffix(": </w:r> closes <w:t>"))
    }

    @Test func deepNesting() {
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 300) + WordTest.p("x")
            + String(repeating: "</w:sdtContent></w:sdt>", count: 300)
        #expect(Self.message(WordTest.docx(deep)).hasSuffix("elements nested deeper than 256 levels"))
    }

    @Test func otherOfficeFiles() {
        func zip(_ entries: [(String, String)]) -> [UInt8] {
            var z = ZipWriter()
            for (name, text) in entries { z.add(name, Array(text.utf8), compress: name != "mimetype") }
            return z.finish()
        }
        #expect(Self.message(zip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")]))
            == "an OpenDocument spreadsheet (.ods) is not a plan document: \(Self.readable)")
        #expect(Self.message(zip([("xl/workbook.xml", "<workbook/>")])) == "an Excel workbook (.xlsx) is not a plan document: \(Self.readable)")
        #expect(Self.message(zip([("ppt/presentation.xml", "<p/>")]))
            == "a PowerPoint presentation (.pptx) is not a plan document: \(Self.readable)")
        #expect(Self.message(zip([("notes.txt", "hello")]))
            == "a zip archive without a Word document (no word/document.xml) cannot be read: \(Self.readable)")
        // An .odt without its content.
        #expect(Self.message(zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("meta.xml", "<x/>")]))
            == "not a valid .odt: the zip archive has no content.xml")
    }

    @Test func compoundFilesByStream() {
        /// A compound file with one directory entry named `name` at offset 512.
        func ole2(_ name: String) -> [UInt8] {
            var bytes = OLE2Sniffer.magic + Array(repeating: 0, count: 1024 - 8)
            let units = Array(name.utf16)
            for (k, u) in units.enumerated() {
                bytes[512 + 2 * k] = UInt8(u & 0xFF)
                bytes[512 + 2 * k + 1] = UInt8(u >> 8)
            }
            let length = (units.count + 1) * 2
            bytes[512 + 64] = UInt8(length)
            bytes[512 + 66] = 2
            return bytes
        }
        #expect(OLE2Sniffer.content(of: ole2("WordDocument")) == .word97)
        #expect(OLE2Sniffer.content(of: ole2("EncryptedPackage")) == .encryptedOffice)
        #expect(OLE2Sniffer.content(of: ole2("Workbook")) == .excel97)
        #expect(OLE2Sniffer.content(of: ole2("PowerPoint Document")) == .powerPoint97)
        #expect(Self.message(ole2("Workbook")) == "an Excel 97–2003 workbook (.xls) is not a plan document: \(Self.readable)")
        #expect(Self.message(ole2("Other")) == "an OLE2 compound file that is not a Word document cannot be read: \(Self.readable)")
    }
}

/// The XML scanner on its own: entities, namespaces, the limits.
@Suite struct XMLScannerTests {
    /// Every start tag as `ns:local` and every text, in order.
    static func events(_ xml: String) throws -> [String] {
        var s = XMLScanner(Array(xml.utf8))
        var out: [String] = []
        while true {
            switch try s.next() {
            case .endOfDocument: return out
            case .start: out.append("<\(s.namespace):\(s.string(s.local))>")
            case .end: out.append("</>")
            case .text:
                var t: [UInt8] = []
                s.text(into: &t)
                out.append(String(decoding: t, as: UTF8.self))
            }
        }
    }

    @Test func namespacesByURINotPrefix() throws {
        let xml = """
            <?xml version="1.0"?><!-- c --><ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <ns0:p xmlns="urn:x"><t>a</t><ns0:t xml:space="preserve">b</ns0:t></ns0:p></ns0:document>
            """
        #expect(try Self.events(xml) == ["<w:document>", "<w:p>", "<other:t>", "a", "</>", "<w:t>", "b", "</>", "</>", "</>"])
    }

    @Test func referencesCDATAAndNoEntityExpansion() throws {
        let xml = """
            <!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><d>&lt;&amp;&gt;&quot;&apos;&#7865;&#x1EB9;&#0;&b;<![CDATA[<w:t>&amp;]]></d>
            """
        let events = try Self.events(xml)
        #expect(events == ["<none:d>", "<&>\"'ẹẹ&b;", "<w:t>&amp;", "</>"])
    }

    @Test func attributes() throws {
        var s = XMLScanner(Array(#"<a w:val='x&amp;y' n="-12" on="0"/>"#.utf8))
        #expect(try s.next() == .start)
        #expect(s.string("val") == "x&y")
        #expect(s.int("n") == -12)
        #expect(!s.isOn("on"))
        #expect(s.isOn("missing"))
        #expect(try s.next() == .end)
        #expect(try s.next() == .endOfDocument)
    }

    @Test(arguments: [
        ("<a><b></a>", "malformed XML at byte 6: </a> closes <b>"),
        ("<a>", "malformed XML at byte 3: the part ends inside <a>"),
        ("<a b=c/>", "malformed XML at byte 5: attribute value not quoted in <a>"),
        ("<a", "malformed XML at byte 0: tag <a> cut off by the end of the part"),
        ("<a><!-- x", "malformed XML at byte 3: comment cut off by the end of the part"),
        ("</a>", "malformed XML at byte 0: end tag </a> without a start tag"),
    ])
    func malformed(_ xml: String, _ message: String) {
        var s = XMLScanner(Array(xml.utf8))
        do {
            while try s.next() != .endOfDocument {}
            Issue.record("no error for \(xml)")
        } catch {
            #expect(error.description == message)
        }
    }
}
