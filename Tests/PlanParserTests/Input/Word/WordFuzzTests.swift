import Foundation
import Testing

@testable import PlanParser

/// Mutated Word files — bytes of the package, and the XML of the document re-zipped — give
/// a document or a clean refusal, never a crash or a hang, with bounded memory.
@Suite struct WordFuzzTests {
    /// SplitMix64: the same mutations on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    /// Parses and checks the outcome: JSON that is a document, or a refusal with a message.
    static func check(_ bytes: [UInt8], _ what: String) {
        let start = ContinuousClock.now
        do {
            let d = try PlanDocument.parse(bytes: bytes, path: "fuzz", options: ParseOptions(maxBytes: 8 << 20))
            let json = d.jsonBytes(pretty: false)
            #expect(json.first == UInt8(ascii: "{") && json.last == UInt8(ascii: "}"), "\(what)")
        } catch {
            #expect(!error.description.isEmpty, "\(what)")
        }
        #expect(ContinuousClock.now - start < .seconds(5), "\(what) took too long")
    }

    static let seedFiles = ["word/table-appendix.features.docx", "word/field-bullets.autonum.docx", "word/table-appendix.odt"]

    @Test func mutatedPackageBytes() throws {
        var rng = Random(state: 0x5EED)
        for name in Self.seedFiles {
            let original = [UInt8](try Data(contentsOf: Fixtures.samples.appendingPathComponent(name)))
            for round in 0..<60 {
                var bytes = original
                switch round % 4 {
                case 0:
                    for _ in 0...rng.below(8) { bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next()) }
                case 1:
                    bytes = Array(bytes[..<max(1, rng.below(bytes.count))])
                case 2:
                    let a = rng.below(bytes.count)
                    let b = min(bytes.count, a + rng.below(512))
                    bytes.removeSubrange(a..<b)
                default:
                    // Damage the directory at the end, where sizes and offsets live.
                    for _ in 0...rng.below(4) {
                        let k = bytes.count - 1 - rng.below(min(bytes.count, 200))
                        bytes[k] = UInt8(truncatingIfNeeded: rng.next())
                    }
                }
                Self.check(bytes, "\(name) round \(round)")
            }
        }
    }

    @Test func mutatedDocumentXML() throws {
        var rng = Random(state: 0xD0C)
        let original = [UInt8](try Data(contentsOf: Fixtures.samples.appendingPathComponent("word/table-appendix.features.docx")))
        let archive = try ZipArchive(original)
        var parts: [(String, [UInt8])] = []
        for e in archive.entries { parts.append((e.name, try archive.contents(of: e))) }
        let index = try #require(parts.firstIndex { $0.0 == "word/document.xml" })
        let tokens: [[UInt8]] = ["<", ">", "&", "\"", "/>", "</w:p>", "<w:p>", "<w:tbl>", "<w:tc>", "w:val=\"restart\"",
                                 "&#0;", "&#x110000;", "<![CDATA[", "<!DOCTYPE x [", "\u{FF}", "%1.%2."].map { Array($0.utf8) }
        for round in 0..<150 {
            var xml = parts[index].1
            for _ in 0...rng.below(5) {
                let k = rng.below(xml.count)
                switch rng.below(4) {
                case 0: xml[k] = UInt8(truncatingIfNeeded: rng.next())
                case 1: xml.insert(contentsOf: tokens[rng.below(tokens.count)], at: k)
                case 2: xml.removeSubrange(k..<min(xml.count, k + rng.below(64)))
                default:
                    let len = rng.below(400)
                    let piece = Array(xml[k..<min(xml.count, k + len)])
                    xml.insert(contentsOf: piece, at: rng.below(xml.count))
                }
            }
            var zip = ZipWriter()
            for (k, part) in parts.enumerated() { zip.add(part.0, k == index ? xml : part.1) }
            Self.check(zip.finish(), "document.xml round \(round)")
        }
    }

    /// Small files cannot make huge texts: repeated rows and wide spans are bounded.
    @Test func repeatsAndSpansAreBounded() throws {
        let row = #"<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="64"><text:p>ô</text:p></table:table-cell></table:table-row>"#
        let content = #"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#
            + #"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">"#
            + "<office:body><office:text><table:table>\(String(repeating: row, count: 2000))</table:table></office:text></office:body></office:document-content>"
        var zip = ZipWriter()
        zip.add("mimetype", Array("application/vnd.oasis.opendocument.text".utf8), compress: false)
        zip.add("content.xml", Array(content.utf8))
        let odt = zip.finish()
        #expect(odt.count < 100_000)
        let text = try PlanDocument.canonicalText(bytes: odt)
        #expect(text.count < 16 << 20)
        let wide = WordTest.tbl(columns: 2, [String](repeating: WordTest.tr(
            [String](repeating: WordTest.tc("x", props: #"<w:gridSpan w:val="64"/>"#), count: 200)), count: 40))
        #expect(try PlanDocument.canonicalText(bytes: WordTest.docx(wide)).count < 16 << 20)
    }

    @Test func hostileButWellFormed() {
        // Wide spans, huge repeat counts, deep lists and fields that never end.
        let wide = WordTest.tbl(columns: 2, [WordTest.tr([WordTest.tc("a", props: #"<w:gridSpan w:val="99999999"/>"#)],
                                                         props: #"<w:gridBefore w:val="2147483647"/>"#)])
        let fields = String(repeating: #"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#, count: 10_000)
        let numbering = WordTest.list(abstract: 1, num: 1, [("decimal", String(repeating: "%9%8%7", count: 300), 2147483647)])
            + #"<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num><w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="S"/></w:abstractNum>"#
        let styles = #"<w:style w:type="numbering" w:styleId="S"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>"#
        let body = wide + "<w:p>\(fields)<w:r><w:t>mã</w:t></w:r></w:p>" + WordTest.numbered("x", num: 1, level: 8)
            + WordTest.numbered("y", num: 2) + WordTest.p("z", props: #"<w:pStyle w:val="A"/>"#)
        Self.check(WordTest.docx(body, styles: styles, numbering: numbering), "hostile")
    }
}
