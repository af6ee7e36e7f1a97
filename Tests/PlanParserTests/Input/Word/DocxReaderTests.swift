import Foundation
import Testing

@testable import PlanParser

/// The Word reader on small documents made here: what each WordprocessingML feature
/// becomes in the canonical text.
@Suite struct DocxReaderTests {
    typealias W = WordTest

    // MARK: - Runs and paragraphs

    @Test func paragraphsAreLinesSeparatedByBlankLines() throws {
        let doc = W.docx(W.p("KẾ HOẠCH") + W.p("Thực hiện năm 2025") + "<w:p/>" + W.p("I. MỤC ĐÍCH") + W.p("1. Mục đích")
            + W.p("- Triển khai"))
        do {
            let got = try W.text(doc)
            #expect(got == "KẾ HOẠCH\n\nThực hiện năm 2025\n\nI. MỤC ĐÍCH\n\n1. Mục đích\n\n- Triển khai\n")
        }
        // A document spaced with empty paragraphs has its blank lines already: one each.
        let spaced = W.docx(W.p("KẾ HOẠCH") + "<w:p/>" + W.p("Thực hiện") + W.p("năm 2025") + "<w:p/><w:p/>" + W.p("I. MỤC ĐÍCH"))
        do {
            let got = try W.text(spaced)
            #expect(got == "KẾ HOẠCH\n\nThực hiện\nnăm 2025\n\nI. MỤC ĐÍCH\n")
        }
        let decoded = try W.decoded(doc)
        #expect(decoded.format.name == "docx")
        #expect(decoded.lineRoles.allSatisfy { $0 == .text })
    }

    @Test func centredParagraphsAreOneBlock() throws {
        let center = #"<w:jc w:val="center"/>"#
        let body = W.p("KẾ HOẠCH", props: center) + W.p("Thực hiện công tác cải cách hành chính", props: center)
            + W.p("năm 2024", props: center) + W.p("Căn cứ Luật Tổ chức chính quyền địa phương;", props: #"<w:jc w:val="both"/>"#)
            + W.p("I. MỤC ĐÍCH")
        do {
            let got = try W.text(W.docx(body))
            #expect(got == "KẾ HOẠCH\nThực hiện công tác cải cách hành chính\nnăm 2024\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nI. MỤC ĐÍCH\n")
        }
        let h = try PlanDocument.parse(bytes: W.docx(body)).header
        #expect(h.title == "Thực hiện công tác cải cách hành chính năm 2024")
        #expect(h.planYear == 2024)
    }

    @Test func runsBreaksTabsAndHyphens() throws {
        let body = """
            <w:p><w:r><w:t>Sở   </w:t></w:r><w:r><w:t xml:space="preserve"> Tư pháp </w:t></w:r><w:r><w:t>tỉnh</w:t></w:r></w:p>\
            <w:p><w:r><w:t>KT. GIÁM ĐỐC</w:t><w:br/><w:t>PHÓ GIÁM ĐỐC</w:t></w:r></w:p>\
            <w:p><w:r><w:t>a)</w:t><w:tab/><w:t>Xây dựng kế hoạch</w:t></w:r></w:p>\
            <w:p><w:r><w:t>Tháng 01</w:t><w:noBreakHyphen/><w:t>02/2025; info</w:t><w:softHyphen/><w:t>graphic</w:t></w:r></w:p>\
            <w:p><w:r><w:t>trang một</w:t><w:br w:type="page"/><w:t>trang hai</w:t><w:cr/><w:t>dòng ba</w:t></w:r></w:p>
            """
        do {
            let got = try W.lines(W.docx(body))
            #expect(got == [
            "Sở Tư pháp tỉnh", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "a) Xây dựng kế hoạch",
            "Tháng 01-02/2025; infographic", "trang một", "trang hai", "dòng ba",
        ])
        }
        // A page break is a blank line; a line break is not.
        #expect(try W.text(W.docx(body)).contains("trang một\n\ntrang hai\ndòng ba\n"))
    }

    @Test func entitiesSymbolsAndUnicode() throws {
        let body = """
            <w:p><w:r><w:t>A &amp; B &lt;C&gt; &#272;&#x1EA1;i</w:t><w:sym w:font="Symbol" w:char="F0B3"/><w:t xml:space="preserve"> 95%</w:t></w:r></w:p>
            """
        do {
            let got = try W.lines(W.docx(body))
            #expect(got == ["A & B <C> Đại≥ 95%"])
        }
    }

    @Test func superscriptIsWrittenAsTheTextConvertersDo() throws {
        let sup = #"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>HT</w:t></w:r>"#
        let doc = W.docx("<w:p><w:r><w:t>- Lưu: VT, PBGDPL</w:t></w:r>\(sup)<w:r><w:t>.</w:t></w:r></w:p>")
        do {
            let got = try W.lines(doc)
            #expect(got == ["- Lưu: VT, PBGDPL^{HT}."])
        }
        // Digits in superscript are content: they stay, as superscript characters.
        let squared = W.docx(#"<w:p><w:r><w:t>120 m</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r></w:p>"#)
        do {
            let got = try W.lines(squared)
            #expect(got == ["120 m²"])
        }
        // The cleaning stage drops the rest from values, as it does for text: no remnant.
        let d = try PlanDocument.parse(bytes: W.docx(W.p("Nơi nhận:") + "<w:p><w:r><w:t>- Lưu: VT, PBGDPL</w:t></w:r>\(sup)<w:r><w:t>.</w:t></w:r></w:p>"))
        #expect(d.header.recipients == ["Lưu: VT, PBGDPL"])
    }

    @Test func hiddenTextAndCaps() throws {
        let styles = #"<w:style w:type="character" w:styleId="An"><w:rPr><w:vanish/></w:rPr></w:style>"#
        let body = """
            <w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>sở tư pháp</w:t></w:r></w:p>\
            <w:p><w:r><w:t>thấy</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t> ẩn</w:t></w:r><w:r><w:rPr><w:rStyle w:val="An"/></w:rPr><w:t> ẩn nữa</w:t></w:r></w:p>
            """
        do {
            let got = try W.lines(W.docx(body, styles: styles))
            #expect(got == ["SỞ TƯ PHÁP", "thấy"])
        }
    }

    // MARK: - Tracked changes, fields, containers

    @Test func trackedChangesAsAccepted() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">kịp thời </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>từng bước </w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">nhanh chóng </w:t></w:r></w:ins><w:r><w:t>chấn chỉnh</w:t></w:r></w:p>\
            <w:p><w:moveFrom w:id="3"><w:r><w:t>cũ</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>mới</w:t></w:r></w:moveTo></w:p>\
            <w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">nửa đầu </w:t></w:r></w:p>\
            <w:p><w:r><w:t>nửa sau</w:t></w:r></w:p>\
            <w:p><w:pPr><w:pPrChange w:id="6"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>không đánh số</w:t></w:r></w:p>
            """
        let numbering = W.list(abstract: 0, num: 1, [("decimal", "%1.", 1)])
        do {
            let got = try W.lines(W.docx(body, numbering: numbering))
            #expect(got == [
            "kịp thời nhanh chóng chấn chỉnh", "mới", "nửa đầu nửa sau", "không đánh số",
        ])
        }
    }

    @Test func deletedTableRowIsGone() throws {
        let table = W.tbl(columns: 2, [
            W.tr([W.tc("1"), W.tc("giữ")]),
            W.tr([W.tc("2"), W.tc("xóa")], props: #"<w:del w:id="9" w:author="A"/>"#),
            W.tr([W.tc("3"), W.tc("giữ nữa")]),
        ])
        do {
            let got = try W.lines(W.docx(table))
            #expect(got == ["1\tgiữ", "3\tgiữ nữa"])
        }
    }

    @Test func fieldsShowTheirResult() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Kế hoạch số </w:t></w:r><w:fldSimple w:instr=" REF SoKH \\h "><w:r><w:t>05/KH-STP</w:t></w:r></w:fldSimple>\
            <w:r><w:t xml:space="preserve"> trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """
        do {
            let got = try W.lines(W.docx(body))
            #expect(got == ["Kế hoạch số 05/KH-STP trang 3"])
        }
    }

    @Test func nestedFieldsShowTheOuterResult() throws {
        let body = """
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1 "a" "b"</w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>kết quả</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """
        do {
            let got = try W.lines(W.docx(body))
            #expect(got == ["kết quả"])
        }
    }

    @Test func hyperlinksSmartTagsAndContentControls() throws {
        let body = """
            <w:p><w:hyperlink r:id="r9"><w:r><w:t>Trang thông tin</w:t></w:r></w:hyperlink><w:smartTag w:element="place"><w:smartTagPr/><w:r><w:t xml:space="preserve"> Quảng Nam</w:t></w:r></w:smartTag></w:p>\
            <w:sdt><w:sdtPr><w:alias w:val="Nhiệm vụ"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>a) Trong ô nội dung</w:t></w:r></w:p></w:sdtContent></w:sdt>\
            <w:p><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Bấm để nhập văn bản.</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>thật</w:t></w:r></w:p>\
            <w:customXml w:element="x"><w:p><w:r><w:t>trong customXml</w:t></w:r></w:p></w:customXml>
            """
        do {
            let got = try W.lines(W.docx(body))
            #expect(got == ["Trang thông tin Quảng Nam", "a) Trong ô nội dung", "thật", "trong customXml"])
        }
    }

    @Test func alternateContentAndTextBoxesReadOnce() throws {
        let box = "<w:txbxContent>\(W.p("UBND TỈNH QUẢNG NAM"))\(W.p("SỞ TƯ PHÁP"))</w:txbxContent>"
        let body = """
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>\
            <wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
            <w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>\
            <w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>\(W.p("Số: 05/KH-STP"))</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
            """
        do {
            let got = try W.lines(W.docx(body))
            #expect(got == ["UBND TỈNH QUẢNG NAM", "SỞ TƯ PHÁP", "KẾ HOẠCH", "Số: 05/KH-STP"])
        }
    }

    @Test func macroEnabledStrictAndUTF16Packages() throws {
        func package(contentType: String, document: [UInt8], relsType: String) -> [UInt8] {
            var zip = ZipWriter()
            zip.add("[Content_Types].xml", Array(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/main.xml" ContentType="\#(contentType)"/></Types>"#.utf8))
            zip.add("_rels/.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="\#(relsType)" Target="/word/main.xml"/></Relationships>"#.utf8))
            zip.add("word/main.xml", document)
            return zip.finish()
        }
        let transitional = "<w:document \(W.ns)><w:body>\(W.p("Kế hoạch năm 2025"))</w:body></w:document>"
        let macro = package(contentType: "application/vnd.ms-word.document.macroEnabled.main+xml", document: Array(transitional.utf8),
                            relsType: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument")
        do {
            let got = try W.lines(macro)
            #expect(got == ["Kế hoạch năm 2025"])
        }
        let strict = transitional.replacingOccurrences(of: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                                       with: "http://purl.oclc.org/ooxml/wordprocessingml/main")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in strict.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let strictUTF16 = package(contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                  document: utf16, relsType: "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
        do {
            let got = try W.lines(strictUTF16)
            #expect(got == ["Kế hoạch năm 2025"])
        }
    }

    // MARK: - Notes

    @Test func footnotesCommentsAndHeadersBecomeNotes() throws {
        let footnotes = """
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
            <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Luật số 14/2012/QH13.</w:t></w:r></w:p></w:footnote>
            """
        let comments = #"<w:comment w:id="0" w:author="Lan"><w:p><w:r><w:t>Xem lại thời gian</w:t></w:r></w:p></w:comment>"#
        let body = W.p("KẾ HOẠCH") + """
            <w:p><w:r><w:t>Căn cứ Luật</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>;</w:t></w:r>\
            <w:r><w:commentReference w:id="0"/></w:r></w:p>
            """
        let doc = W.docx(body, footnotes: footnotes, comments: comments, header: W.p("SỞ TƯ PHÁP - Kế hoạch 2025"))
        do {
            let got = try W.lines(doc)
            #expect(got == ["KẾ HOẠCH", "Căn cứ Luật;"])
        }
        let notes = try W.decoded(doc).notes
        #expect(notes == [
            Diagnostic(line: 1, code: "docx-header-footer",
                       message: "page headers and footers are not part of the text: SỞ TƯ PHÁP - Kế hoạch 2025"),
            Diagnostic(line: 3, code: "docx-footnote", message: "footnote 1 is not part of the text: Luật số 14/2012/QH13."),
            Diagnostic(line: 3, code: "docx-comment", message: "comment by Lan is not part of the text: Xem lại thời gian"),
        ])
        // The notes reach the document's warnings.
        let d = try PlanDocument.parse(bytes: doc)
        #expect(d.warnings.filter { $0.code.hasPrefix("docx-") }.count == 3)
    }

    // MARK: - Numbering

    @Test func automaticNumbersAsTyped() throws {
        let numbering = W.list(abstract: 1, num: 1, [("upperRoman", "%1.", 1), ("decimal", "%2.", 1), ("lowerLetter", "%3)", 1)])
            + W.list(abstract: 2, num: 2, [("bullet", "\u{F0B7}", 1), ("bullet", "o", 1), ("bullet", "\u{F0A7}", 1)])
        let body = [
            W.numbered("MỤC ĐÍCH", num: 1), W.numbered("Mục đích", num: 1, level: 1), W.numbered("một", num: 1, level: 2),
            W.numbered("hai", num: 1, level: 2), W.numbered("gạch", num: 2), W.numbered("cộng", num: 2, level: 1),
            W.numbered("cộng nữa", num: 2, level: 2), W.numbered("Yêu cầu", num: 1, level: 1), W.numbered("ba", num: 1, level: 2),
            W.numbered("NHIỆM VỤ", num: 1), W.numbered("Công tác", num: 1, level: 1),
        ].joined()
        do {
            let got = try W.lines(W.docx(body, numbering: numbering))
            #expect(got == [
            "I. MỤC ĐÍCH", "1. Mục đích", "a) một", "b) hai", "- gạch", "+ cộng", "+ cộng nữa", "2. Yêu cầu", "a) ba",
            "II. NHIỆM VỤ", "1. Công tác",
        ])
        }
    }

    @Test func multiLevelTextStartAndOverrides() throws {
        let numbering = W.list(abstract: 1, num: 1, [("decimal", "%1.", 3), ("decimal", "%1.%2.", 1)])
            + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + W.list(abstract: 4, num: 4, [("lowerRoman", "(%1)", 1), ("upperLetter", "%2.", 1), ("decimalZero", "%3-%1", 9)])
        let body = [
            W.numbered("ba", num: 1), W.numbered("ba chấm một", num: 1, level: 1), W.numbered("bốn", num: 1),
            W.numbered("bốn chấm một", num: 1, level: 1),
            // Another instance of the same list goes on counting …
            W.numbered("năm", num: 3),
            // … unless it restarts.
            W.numbered("lại một", num: 2), W.numbered("hai", num: 2),
            W.numbered("i", num: 4), W.numbered("ii", num: 4), W.numbered("A", num: 4, level: 1),
            W.numbered("09-ii", num: 4, level: 2), W.numbered("10-ii", num: 4, level: 2),
        ].joined()
        do {
            let got = try W.lines(W.docx(body, numbering: numbering))
            #expect(got == [
            "3. ba", "3.1. ba chấm một", "4. bốn", "4.1. bốn chấm một", "5. năm", "1. lại một", "2. hai",
            "(i) i", "(ii) ii", "A. A", "09-ii 09-ii", "10-ii 10-ii",
        ])
        }
    }

    @Test func numberingFromStylesThroughBasedOn() throws {
        let numbering = W.list(abstract: 5, num: 7, [("upperRoman", "%1.", 1), ("decimal", "%2.", 1)])
            .replacingOccurrences(of: "<w:lvl w:ilvl=\"1\">", with: "<w:lvl w:ilvl=\"1\"><w:pStyle w:val=\"Muc2\"/>")
        let styles = """
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Muc1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Muc1Dam"><w:basedOn w:val="Muc1"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Muc2"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="KhongSo"><w:basedOn w:val="Muc1"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
            """
        let body = W.p("MỤC ĐÍCH", props: #"<w:pStyle w:val="Muc1Dam"/>"#) + W.p("Mục đích", props: #"<w:pStyle w:val="Muc2"/>"#)
            + W.p("Không số", props: #"<w:pStyle w:val="KhongSo"/>"#) + W.p("NHIỆM VỤ", props: #"<w:pStyle w:val="Muc1"/>"#)
        do {
            let got = try W.lines(W.docx(body, styles: styles, numbering: numbering))
            #expect(got == [
            "I. MỤC ĐÍCH", "1. Mục đích", "Không số", "II. NHIỆM VỤ",
        ])
        }
    }

    @Test func numberFormats() {
        #expect(WordNumbering.format(4, .upperRoman) == "IV")
        #expect(WordNumbering.format(14, .lowerRoman) == "xiv")
        #expect(WordNumbering.format(1999, .upperRoman) == "MCMXCIX")
        #expect(WordNumbering.format(27, .upperLetter) == "AA")
        #expect(WordNumbering.format(5, .lowerLetter) == "e")
        #expect(WordNumbering.format(7, .decimalZero) == "07")
        #expect(WordNumbering.format(3, .none) == "")
        #expect(SymbolFont.unicode(0xF0B7) == 0x2022)
        #expect(SymbolFont.unicode(0xF0E8) == 0xF0E8)
    }

    // MARK: - Tables

    static let header = W.tr(["STT", "Nhiệm vụ", "Sản phẩm", "Chủ trì", "Phối hợp", "Thời gian"].map { W.tc($0) },
                             props: "<w:tblHeader/>")

    @Test func dataTableRowsCellsAndMerges() throws {
        let table = W.tbl(columns: 6, [
            Self.header,
            W.tr([W.tc("I. CÔNG TÁC CHỈ ĐẠO", props: #"<w:gridSpan w:val="6"/>"#)]),
            W.tr([W.tc("1", props: #"<w:vMerge w:val="restart"/>"#), W.tc("Kiểm tra", props: #"<w:vMerge w:val="restart"/>"#),
                  W.tc("Kế hoạch"), W.tc(["Văn phòng"]), W.tc(["Thanh tra Sở;", "Phòng Pháp chế"]), W.tc("Tháng 3")]),
            W.tr([W.tc("", props: "<w:vMerge/>"), W.tc("", props: "<w:vMerge/>"), W.tc("Báo cáo"), W.tc(""), W.tc(""), W.tc("Quý IV")]),
            // The header again (a table copied under its header): written once.
            Self.header,
            W.tr([W.tc("2"), W.tc(["Tập huấn", "cho hòa giải viên"]), W.tc(""), W.tc("Văn phòng"), W.tc(""), W.tc("Quý II")]),
        ])
        let doc = W.docx(W.p("PHỤ LỤC") + table)
        do {
            let got = try W.text(doc)
            #expect(got == """
            PHỤ LỤC

            STT\tNhiệm vụ\tSản phẩm\tChủ trì\tPhối hợp\tThời gian
            I. CÔNG TÁC CHỈ ĐẠO\t\t\t\t\t
            1\tKiểm tra\tKế hoạch\tVăn phòng\tThanh tra Sở;\tTháng 3
            \t\t\t\tPhòng Pháp chế\t
            \t\tBáo cáo\t\t\tQuý IV
            2\tTập huấn\t\tVăn phòng\t\tQuý II
            \tcho hòa giải viên\t\t\t\t

            """)
        }
        #expect(try W.decoded(doc).lineRoles == [.text, .text, .rowStart, .rowStart, .rowStart, .cellParagraph, .rowStart,
                                                  .rowStart, .cellParagraph])
        let d = try PlanDocument.parse(bytes: doc)
        let task = try #require(d.tasks.first)
        #expect(task.title == "Kiểm tra")
        #expect(task.support.map(\.name) == ["Thanh tra Sở", "Phòng Pháp chế"])
        #expect(task.products == ["Kế hoạch", "Báo cáo"])
        #expect(task.time.map(\.text) == ["Tháng 3", "Quý IV"])
        #expect(d.tasks.map(\.title) == ["Kiểm tra", "Tập huấn cho hòa giải viên"])
        #expect(d.tasks.map(\.section.last) == ["I. CÔNG TÁC CHỈ ĐẠO", "I. CÔNG TÁC CHỈ ĐẠO"])
    }

    @Test func twoRowHeaderBecomesOne() throws {
        let restart = #"<w:vMerge w:val="restart"/>"#
        let table = W.tbl(columns: 5, [
            W.tr([W.tc("STT", props: restart), W.tc("Nội dung", props: restart),
                  W.tc("Đơn vị thực hiện", props: #"<w:gridSpan w:val="2"/>"#), W.tc("Thời gian", props: restart)]),
            W.tr([W.tc("", props: "<w:vMerge/>"), W.tc("", props: "<w:vMerge/>"), W.tc("Chủ trì"), W.tc("Phối hợp"),
                  W.tc("", props: "<w:vMerge/>")]),
            W.tr([W.tc("1"), W.tc("Tập huấn"), W.tc("Văn phòng"), W.tc("Thanh tra Sở"), W.tc("Quý II")]),
        ])
        let doc = W.docx(W.p("PHỤ LỤC") + table)
        do {
            let got = try W.lines(doc)
            #expect(got == ["PHỤ LỤC", "STT\tNội dung\tĐơn vị thực hiện Chủ trì\tPhối hợp\tThời gian", "1\tTập huấn\tVăn phòng\tThanh tra Sở\tQuý II"])
        }
        let task = try #require(try PlanDocument.parse(bytes: doc).tasks.first)
        #expect(task.lead.map(\.name) == ["Văn phòng"])
        #expect(task.support.map(\.name) == ["Thanh tra Sở"])
    }

    @Test func headerCellParagraphsAreOneText() throws {
        let table = W.tbl(columns: 6, [
            W.tr([W.tc("STT"), W.tc("Nhiệm vụ"), W.tc(["Kết quả/", "Sản phẩm"]), W.tc(["Đơn vị chủ", "trì"]),
                  W.tc(["Đơn vị phối", "hợp"]), W.tc(["Thời gian", "thực hiện"])]),
            W.tr([W.tc("1"), W.tc("Tập huấn"), W.tc("Tài liệu"), W.tc("Văn phòng"), W.tc("Thanh tra Sở"), W.tc("Quý II")]),
        ])
        let doc = W.docx(W.p("PHỤ LỤC") + table)
        do {
            let got = try W.lines(doc)
            #expect(got[1] == "STT\tNhiệm vụ\tKết quả/ Sản phẩm\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện")
        }
        let task = try #require(try PlanDocument.parse(bytes: doc).tasks.first)
        #expect(task.lead.map(\.name) == ["Văn phòng"])
        #expect(task.support.map(\.name) == ["Thanh tra Sở"])
        #expect(task.products == ["Tài liệu"])
    }

    @Test func tabSeparatedParagraphsAreRows() throws {
        // A document made from a text file: rows as paragraphs of tab-separated cells.
        let body = W.p("STT\tNhiệm vụ\tSản phẩm\tChủ trì\tPhối hợp\tThời gian") + W.p("I. CÔNG TÁC\t\t\t\t\t")
            + W.p("1\tTập huấn\tTài liệu\tVăn phòng\tThanh tra Sở\tQuý II") + W.p("\tKiểm tra")
            + W.p("\tCăn cứ kế hoạch") + W.p("KT. GIÁM ĐỐC\t")
        let tabs = body.replacingOccurrences(of: "\t", with: "</w:t><w:tab/><w:t xml:space=\"preserve\">")
        do {
            let got = try W.lines(W.docx(tabs))
            #expect(got == ["STT\tNhiệm vụ\tSản phẩm\tChủ trì\tPhối hợp\tThời gian", "I. CÔNG TÁC\t\t\t\t\t",
                            "1\tTập huấn\tTài liệu\tVăn phòng\tThanh tra Sở\tQuý II", "\tKiểm tra", "\tCăn cứ kế hoạch",
                            "KT. GIÁM ĐỐC"])
        }
        // An indenting tab is not a cell.
        do {
            let got = try W.lines(W.docx(W.p("Nội dung").replacingOccurrences(of: "<w:t", with: "<w:tab/><w:t")))
            #expect(got == ["Nội dung"])
        }
    }

    @Test func rowSplitByHandGoesOnWithTheTask() throws {
        // A row cut in two rows by hand (as a page break cut its text): the second row has
        // no number but title text, and goes on with the task, as in the text twin.
        let table = W.tbl(columns: 6, [
            Self.header,
            W.tr([W.tc("1", props: #"<w:vMerge w:val="restart"/>"#), W.tc("Rà soát các văn bản chỉ đạo"), W.tc("Báo cáo"),
                  W.tc("Văn phòng"), W.tc(""), W.tc("Quý I")]),
            W.tr([W.tc("", props: "<w:vMerge/>"), W.tc("điều hành trong lĩnh vực được giao"), W.tc(""), W.tc(""), W.tc(""), W.tc("")]),
            W.tr([W.tc("2"), W.tc("Tập huấn"), W.tc(""), W.tc("Văn phòng"), W.tc(""), W.tc("Quý II")]),
        ])
        let d = try PlanDocument.parse(bytes: W.docx(W.p("PHỤ LỤC") + table))
        #expect(d.tasks.map(\.title) == ["Rà soát các văn bản chỉ đạo điều hành trong lĩnh vực được giao", "Tập huấn"])
        // Title merged down, only a product cell that goes on mid-sentence: the same product.
        let split = W.tbl(columns: 6, [
            Self.header,
            W.tr([W.tc("1", props: #"<w:vMerge w:val="restart"/>"#), W.tc("Số hóa hồ sơ", props: #"<w:vMerge w:val="restart"/>"#),
                  W.tc("Tỷ lệ thanh toán trực tuyến trên Cổng dịch vụ công quốc"), W.tc("Văn phòng"), W.tc(""), W.tc("Thường xuyên")]),
            W.tr([W.tc("", props: "<w:vMerge/>"), W.tc("", props: "<w:vMerge/>"), W.tc("gia đạt 95%"), W.tc(""), W.tc(""), W.tc("")]),
            W.tr([W.tc("", props: "<w:vMerge/>"), W.tc("", props: "<w:vMerge/>"), W.tc("Báo cáo"), W.tc(""), W.tc(""), W.tc("Quý IV")]),
        ])
        let t = try #require(try PlanDocument.parse(bytes: W.docx(W.p("PHỤ LỤC") + split)).tasks.first)
        #expect(t.products == ["Tỷ lệ thanh toán trực tuyến trên Cổng dịch vụ công quốc gia đạt 95%", "Báo cáo"])
        #expect(t.time.map(\.text) == ["Thường xuyên", "Quý IV"])
    }

    @Test func listParagraphsInACellAreItems() throws {
        let numbering = W.list(abstract: 3, num: 3, [("bullet", "-", 1)]) + W.list(abstract: 4, num: 4, [("decimal", "%1", 1)])
        let bullets = "<w:tc>\(W.numbered("Kế hoạch", num: 3))\(W.numbered("Báo cáo", num: 3))</w:tc>"
        let table = W.tbl(columns: 6, [
            Self.header,
            W.tr(["<w:tc>\(W.numbered("", num: 4))</w:tc>", W.tc("Tổng kết"), bullets, W.tc("Văn phòng"), W.tc(""), W.tc("Quý I")]),
            W.tr(["<w:tc>\(W.numbered("", num: 4))</w:tc>", W.tc("Sơ kết"), W.tc("Báo cáo"), W.tc("Văn phòng"), W.tc(""), W.tc("Quý III")]),
        ])
        let d = try PlanDocument.parse(bytes: W.docx(W.p("PHỤ LỤC") + table, numbering: numbering))
        #expect(d.tasks.map(\.number) == ["1", "2"])
        #expect(d.tasks.first?.products == ["Kế hoạch", "Báo cáo"])
    }

    @Test func nestedTableAndHorizontalMerge() throws {
        let nested = W.tbl(columns: 2, [W.tr([W.tc("Sở A"), W.tc("Sở B")])])
        let table = W.tbl(columns: 4, [
            W.tr([W.tc("1"), W.tc("Việc", props: #"<w:hMerge w:val="restart"/>"#), W.tc("thừa", props: "<w:hMerge/>"),
                  "<w:tc>\(nested)</w:tc>"]),
        ])
        do {
            let got = try W.lines(W.docx(table))
            #expect(got == ["1\tViệc\t\tSở A", "\t\t\tSở B"])
        }
    }

    @Test func gridBeforeAndAfterKeepColumns() throws {
        let table = W.tbl(columns: 4, [
            W.tr([W.tc("a"), W.tc("b"), W.tc("c"), W.tc("d")]),
            W.tr([W.tc("x")], props: #"<w:gridBefore w:val="1"/><w:gridAfter w:val="2"/>"#),
        ])
        do {
            let got = try W.lines(W.docx(table))
            #expect(got == ["a\tb\tc\td", "\tx\t\t"])
        }
    }

    @Test func layoutTablesAreWrittenCellByCell() throws {
        let letterhead = W.tbl(columns: 2, [
            W.tr([W.tc(["UBND TỈNH QUẢNG NAM", "SỞ TƯ PHÁP"]), W.tc(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])]),
            W.tr([W.tc("Số: 05/KH-STP"), W.tc("Quảng Nam, ngày 10 tháng 01 năm 2025")]),
        ])
        let closing = W.tbl(columns: 2, [
            W.tr([W.tc(["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT."]), "<w:tc>\(W.p("KT. GIÁM ĐỐC"))\(W.p("PHÓ GIÁM ĐỐC"))<w:p/><w:p/>\(W.p("Lê Thị Thu Hà"))</w:tc>"]),
        ])
        let body = letterhead + W.p("KẾ HOẠCH") + W.p("Phổ biến pháp luật năm 2025") + W.p("I. MỤC ĐÍCH")
            + W.p("1. Tổ chức hội nghị.") + closing
        let doc = W.docx(body)
        do {
            let got = try W.text(doc)
            #expect(got == """
            UBND TỈNH QUẢNG NAM
            SỞ TƯ PHÁP

            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc

            Số: 05/KH-STP

            Quảng Nam, ngày 10 tháng 01 năm 2025

            KẾ HOẠCH

            Phổ biến pháp luật năm 2025

            I. MỤC ĐÍCH

            1. Tổ chức hội nghị.

            Nơi nhận:
            - UBND tỉnh;
            - Lưu: VT.

            KT. GIÁM ĐỐC
            PHÓ GIÁM ĐỐC
            Lê Thị Thu Hà

            """)
        }
        let h = try PlanDocument.parse(bytes: doc).header
        #expect(h.issuer == "UBND TỈNH QUẢNG NAM - SỞ TƯ PHÁP")
        #expect(h.number == "05/KH-STP")
        #expect(h.place == "Quảng Nam")
        #expect(h.date == DocumentDate(day: 10, month: 1, year: 2025))
        #expect(h.kind == "KẾ HOẠCH")
        #expect(h.title == "Phổ biến pháp luật năm 2025")
        #expect(h.recipients == ["UBND tỉnh", "Lưu: VT"])
        #expect(h.signer == Signer(title: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", name: "Lê Thị Thu Hà"))
    }

    @Test func tableClassification() throws {
        func grid(_ rows: [[String]]) -> DocxTableGrid {
            var t = DocxTable()
            t.gridColumns = rows.first?.count ?? 0
            t.rows = rows.map { r in
                DocxRow(cells: r.map { text in
                    var p = DocxParagraph()
                    p.text = Array(text.utf8)
                    return DocxCell(blocks: [.paragraph(p)])
                })
            }
            return DocxTableGrid(t)
        }
        #expect(grid([["Số: 12/KH-UBND", "Hà Nội, ngày 1 tháng 2 năm 2025"]]).isLayout)
        #expect(grid([["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"]]).isLayout)
        #expect(grid([["Một ô duy nhất"]]).isLayout)
        #expect(!grid([["Chỉ tiêu", "Kết quả"], ["Tỷ lệ hồ sơ", "95%"]]).isLayout)
        #expect(!grid([["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian"], ["1", "Số: hóa", "Sở", "Quý I"]]).isLayout)
    }
}
