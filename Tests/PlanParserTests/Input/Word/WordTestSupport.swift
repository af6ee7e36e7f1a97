import Foundation
import Testing

@testable import PlanParser

/// Small Word documents made in the tests: a package around inline WordprocessingML.
enum WordTest {
    static let ns = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:v="urn:schemas-microsoft-com:vml"
        """

    /// A .docx whose body is `body` (WordprocessingML inside `w:body`), with optional parts.
    static func docx(_ body: String, styles: String? = nil, numbering: String? = nil, footnotes: String? = nil,
                     comments: String? = nil, header: String? = nil) -> [UInt8]
    {
        var zip = ZipWriter()
        var overrides = #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        var rels = ""
        func part(_ name: String, _ type: String, _ root: String, _ content: String?) {
            guard let content else { return }
            zip.add("word/\(name).xml", Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:\(root) \(ns)>\(content)</w:\(root)>".utf8))
            rels += #"<Relationship Id="r\#(name)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\#(type)" Target="\#(name).xml"/>"#
            overrides += #"<Override PartName="/word/\#(name).xml" ContentType="application/xml"/>"#
        }
        part("styles", "styles", "styles", styles)
        part("numbering", "numbering", "numbering", numbering)
        part("footnotes", "footnotes", "footnotes", footnotes)
        part("comments", "comments", "comments", comments)
        part("header1", "header", "hdr", header)
        zip.add("[Content_Types].xml", Array("""
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\(overrides)</Types>
            """.utf8))
        zip.add("_rels/.rels", Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """.utf8))
        zip.add("word/_rels/document.xml.rels", Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """.utf8))
        zip.add("word/document.xml", Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \(ns)><w:body>\(body)</w:body></w:document>
            """.utf8))
        return zip.finish()
    }

    /// A paragraph of one run; `props` goes into `w:pPr`.
    static func p(_ text: String, props: String = "") -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return "<w:p>\(props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>")<w:r><w:t xml:space=\"preserve\">\(escaped)</w:t></w:r></w:p>"
    }

    /// A numbered paragraph.
    static func numbered(_ text: String, num: Int, level: Int = 0) -> String {
        p(text, props: "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(num)\"/></w:numPr>")
    }

    /// A cell of paragraphs; `props` goes into `w:tcPr`.
    static func tc(_ paragraphs: [String], props: String = "") -> String {
        "<w:tc>\(props.isEmpty ? "" : "<w:tcPr>\(props)</w:tcPr>")\(paragraphs.map { p($0) }.joined())</w:tc>"
    }

    static func tc(_ text: String, props: String = "") -> String { tc(text.isEmpty ? [] : [text], props: props) + "" }

    static func tr(_ cells: [String], props: String = "") -> String {
        "<w:tr>\(props.isEmpty ? "" : "<w:trPr>\(props)</w:trPr>")\(cells.joined())</w:tr>"
    }

    static func tbl(columns: Int, _ rows: [String]) -> String {
        "<w:tbl><w:tblPr/><w:tblGrid>\(String(repeating: "<w:gridCol w:w=\"1000\"/>", count: columns))</w:tblGrid>\(rows.joined())</w:tbl>"
    }

    /// The canonical text of a document (the lines the parser reads), as a string.
    static func text(_ bytes: [UInt8]) throws -> String {
        String(decoding: try PlanDocument.canonicalText(bytes: bytes), as: UTF8.self)
    }

    static func decoded(_ bytes: [UInt8]) throws -> DecodedSource {
        try DocumentReaders.read(bytes, options: ParseOptions())
    }

    /// The canonical text's non-empty lines.
    static func lines(_ bytes: [UInt8]) throws -> [String] {
        try text(bytes).split(separator: "\n").map(String.init)
    }

    /// An abstract list and its instance for numbering.xml: `levels` are (numFmt, lvlText, start).
    static func list(abstract: Int, num: Int, _ levels: [(String, String, Int)], extra: String = "") -> String {
        var out = "<w:abstractNum w:abstractNumId=\"\(abstract)\">"
        for (k, l) in levels.enumerated() {
            out += "<w:lvl w:ilvl=\"\(k)\"><w:start w:val=\"\(l.2)\"/><w:numFmt w:val=\"\(l.0)\"/><w:lvlText w:val=\"\(l.1)\"/></w:lvl>"
        }
        out += "</w:abstractNum><w:num w:numId=\"\(num)\"><w:abstractNumId w:val=\"\(abstract)\"/>\(extra)</w:num>"
        return out
    }
}

/// The records a plan yields, without where they came from: tasks (id, origin, title, lead,
/// support, products, time), targets and header fields, one line each, for comparing a
/// Word file with its text twin.
enum Records {
    static func of(_ d: PlanDocument) -> [String] {
        var out: [String] = []
        let h = d.header
        out.append("kind: \(h.kind ?? "-")")
        out.append("number: \(h.number ?? "-")")
        out.append("issuer: \(h.issuer ?? "-")")
        out.append("place: \(h.place ?? "-")")
        out.append("date: \(h.date.map { "\($0.day ?? 0)/\($0.month ?? 0)/\($0.year ?? 0)" } ?? "-")")
        out.append("title: \(h.title ?? "-")")
        out.append("planYear: \(h.planYear.map(String.init) ?? "-")")
        out.append("addressee: \(h.addressee ?? "-")")
        out.append("recipients: \(h.recipients.joined(separator: " | "))")
        out.append("signer: \(h.signer?.title ?? "-") / \(h.signer?.name ?? "-")")
        for t in d.tasks {
            out.append("task \(t.id) [\(t.origin)] \(t.section.joined(separator: " > ")) :: \(t.title) | lead: \(t.lead.map(\.name).joined(separator: "; "))"
                + " | support: \(t.support.map(\.name).joined(separator: "; ")) | products: \(t.products.joined(separator: "; "))"
                + " | time: \(t.time.map(\.text).joined(separator: "; "))")
        }
        for t in d.targets { out.append("target \(t.id) \(t.section.joined(separator: " > ")) :: \(t.text)") }
        // The reader's own notes (footnotes, comments, …) have no text twin.
        for w in d.warnings where !w.code.hasPrefix("docx-") && !w.code.hasPrefix("odt-") {
            out.append("warning \(w.code): \(w.message)")
        }
        return out
    }
}
