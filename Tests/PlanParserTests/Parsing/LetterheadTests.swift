import Testing
@testable import PlanParser

/// Letterheads and headings as web pages render them: one test per cause, each on a document
/// of `samples/assignments/web-*.txt` written in that shape.
@Suite struct LetterheadTests {
    static func header(_ file: String) throws -> DocumentHeader { try Fixtures.sample("assignments/" + file).header }

    /// A portal's metadata block (`| Số hiệu | … |`, `| Loại văn bản | … |`, `Ngày ban hành …`)
    /// neither gives the number "Số hiệu" nor blanks the real place-date line.
    @Test func metadataBlock() throws {
        let d = try Fixtures.sample("assignments/web-metadata-block.txt")
        #expect(d.header.number == "0217/KH-UBND")
        #expect(d.header.kind == "KẾ HOẠCH")
        #expect(d.header.place == "Tân Phước")
        #expect(d.header.date == DocumentDate(day: 14, month: 3, year: 2024))
        #expect(d.header.issuer == "ỦY BAN NHÂN DÂN HUYỆN TÂN PHƯỚC")
        #expect(d.header.line == 1)
        #expect(d.tables.isEmpty, "the metadata rows are no appendix table")
    }

    /// Plain `pdftotext` of a two-column letterhead: the cells one after another in reading
    /// order, the motto's `VIỆT NAM` and the date's year each wrapped onto a line of their own.
    @Test func pdftotextLetterheadPieces() throws {
        let d = try Fixtures.parse("""
            ỦY BAN NHÂN DÂN

            CỘNG HÒA XÃ HỘI CHỦ NGHĨA
            VIỆT NAM

            TỈNH NINH THUẬN

            Độc lập - Tự do - Hạnh phúc
            Ninh Thuận, ngày 24 tháng 02 năm
            2025

            Số: 87/KH-UBND

            KẾ HOẠCH
            Triển khai ứng dụng dữ liệu dân cư năm 2025

            I. NHIỆM VỤ

            1. Tổ chức hội nghị tập huấn.
            """)
        #expect(d.header.issuer == "ỦY BAN NHÂN DÂN - TỈNH NINH THUẬN")
        #expect(d.header.number == "87/KH-UBND")
        #expect(d.header.place == "Ninh Thuận")
        #expect(d.header.date == DocumentDate(day: 24, month: 2, year: 2025))
        #expect(d.header.title == "Triển khai ứng dụng dữ liệu dân cư năm 2025")
        #expect(d.furniture.isEmpty)
    }

    /// `pdftotext -layout` of the same letterhead side by side: the year alone under the date
    /// column stays with the date (it is not a page number moved to the left column).
    @Test func layoutLetterheadWrappedYear() throws {
        let d = try Fixtures.parse("""
                      ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA
                      TỈNH NINH THUẬN            Độc lập - Tự do - Hạnh phúc
                       Số: 87/KH-UBND             Ninh Thuận, ngày 24 tháng 02 năm
                                                                2025

            KẾ HOẠCH
            Thử nghiệm năm 2025

            I. NHIỆM VỤ

            1. Tổ chức hội nghị.
            """)
        #expect(d.header.date == DocumentDate(day: 24, month: 2, year: 2025))
        #expect(d.header.number == "87/KH-UBND")
        #expect(d.header.issuer == "ỦY BAN NHÂN DÂN - TỈNH NINH THUẬN")
        #expect(d.furniture.isEmpty)
    }

    /// Where the page gives nothing else, the metadata block fills the header.
    @Test func metadataFillsBlanks() throws {
        let d = try Fixtures.sample("assignments/web-portal-title-only.txt")
        #expect(d.header.kind == "KẾ HOẠCH")
        #expect(d.header.title == "Thực hiện công tác dân vận chính quyền năm 2024 của UBND xã Phước Hòa")
        #expect(d.header.date == DocumentDate(day: 8, month: 1, year: 2024))
        #expect(d.header.number == "18/KH-UBND")
        #expect(d.header.issuer == "ỦY BAN NHÂN DÂN XÃ PHƯỚC HÒA")
    }

    /// No kind line: the kind from the number's code, the title from the subject line; the
    /// national motto cut over two lines stays out of the issuer; `Kính gửi:` with a list.
    @Test func noKindLine() throws {
        let h = try Self.header("web-no-kind-line.txt")
        #expect(h.kind == "CÔNG VĂN")
        #expect(h.number == "3391/UBND-VX")
        #expect(h.issuer == "ỦY BAN NHÂN DÂN - TỈNH LÂM ĐÔNG")
        #expect(h.title == "Về việc tăng cường phòng, chống dịch bệnh mùa đông xuân năm 2023 - 2024")
        #expect(h.addressee == "Sở Y tế; Sở Giáo dục và Đào tạo; UBND các huyện, thành phố")
    }

    /// The kind from a number's code.
    @Test(arguments: [
        ("12/KH-UBND", "KẾ HOẠCH"), ("725/QĐ-UBND", "QUYẾT ĐỊNH"), ("15/2024/QĐ-UBND", "QUYẾT ĐỊNH"), ("1587/BC-SYT", "BÁO CÁO"),
        ("142/TB-UBND", "THÔNG BÁO"), ("05/CT-UBND", "CHỈ THỊ"), ("88/CTr-UBND", "CHƯƠNG TRÌNH"), ("208-KH/TU", "KẾ HOẠCH"),
        ("3391/UBND-VX", "CÔNG VĂN"), ("/KH-SKHCN", "KẾ HOẠCH"), ("45/NQ-HĐND", "NGHỊ QUYẾT"), ("07/ĐA-UBND", "ĐỀ ÁN"),
    ])
    func kindOfNumber(number: String, kind: String) {
        #expect(LetterheadLines.kind(ofNumber: number) == kind)
    }

    /// A sentence-case portal title above a full letterhead changes nothing: its number and date
    /// are no place-date line, and it is no issuer.
    @Test func portalTitleAbove() throws {
        let h = try Self.header("web-portal-title.txt")
        #expect(h.kind == "KẾ HOẠCH")
        #expect(h.place == "Phước Hòa")
        #expect(h.date == DocumentDate(day: 8, month: 1, year: 2024))
        #expect(h.issuer == "ỦY BAN NHÂN DÂN XÃ PHƯỚC HÒA")
        #expect(h.title == "Thực hiện công tác dân vận chính quyền năm 2024")
    }

    /// A portal title's kind is read from its first letters uppercased: the same answer as the
    /// whole line uppercased by `String` (tone marks, decomposed letters, letters whose uppercase
    /// is longer or another scalar plus a mark).
    @Test(arguments: [
        ("Kế hoạch số 18/KH-UBND ngày 08/01/2024 về thực hiện công tác dân vận", true),
        ("Kế hoạch", true),
        ("Kế hoạchx", false),
        ("kế hoạch hành động năm 2024", true),
        ("Chương trình hành động", true),
        ("Chương trình hành độngx " + String(repeating: "xã hội ", count: 120), true),  // `CHƯƠNG TRÌNH` + space
        ("Chương trìnhx", false),
        ("Quyết định", true),
        ("Thông báo kết luận", true),
        ("Về việc tổ chức", false),
        ("", false),
        ("Ke\u{0302}\u{0301} hoạch", false),  // decomposed: uppercase bytes are no kind's
        ("Kế hoạch\u{0301}", false),
        ("ẗờ trình", false),  // ẗ uppercases to T + U+0308
        ("ß kế hoạch", false),  // ß uppercases to SS
        ("Đề án", true),
        ("đề án phát triển", true),
        ("Tờ trình\tvề", false),
        (String(repeating: "kế hoạch ", count: 100), true),
    ] as [(String, Bool)])
    func opensWithKind(line: String, opens: Bool) {
        let bytes = Array(line.utf8)[...]
        #expect(FrameParser.opensWithKind(bytes) == opens)
        #expect(FrameParser.opensWithKindByUppercasing(bytes) == opens)
    }

    /// `QUYẾT` / `ĐỊNH`: the kind over two lines; the title stops before the signing authority.
    @Test func splitKindAndAuthority() throws {
        let d = try Fixtures.sample("assignments/web-split-kind.txt")
        #expect(d.header.kind == "QUYẾT ĐỊNH")
        #expect(d.header.title == "Về việc thành lập Tổ công tác kiểm tra việc thực hiện thủ tục hành chính")
        #expect(d.preamble.first?.text == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HẢI")
    }

    /// A one-line title of more than 190 characters stays; the hard-wrapped `Thực hiện …`
    /// preamble after it is not title.
    @Test func longTitleAndPreamble() throws {
        let d = try Fixtures.sample("assignments/web-long-title.txt")
        let title = try #require(d.header.title)
        #expect(title.count > 190)
        #expect(title.hasSuffix("và định hướng đến năm 2030"))
        #expect(d.preamble.first?.text.hasPrefix("Thực hiện Chương trình hành động số 47-CTr/TU") == true)
    }

    /// `Bà Rịa - Vũng` / `Tàu, ngày …`: the place over two lines; a closing `(Theo Công văn số
    /// …, ngày …)` is no header.
    @Test func splitPlaceAndClosingNote() throws {
        let d = try Fixtures.sample("assignments/web-split-place.txt")
        #expect(d.header.place == "Bà Rịa - Vũng Tàu")
        #expect(d.header.date == DocumentDate(day: 24, month: 11, year: 2023))
        #expect(d.header.issuer == "ỦY BAN NHÂN DÂN - TỈNH BÀ RỊA - VŨNG TÀU")
        #expect(d.header.title == "V/v triển khai thực hiện các giải pháp bảo đảm trật tự an toàn giao thông dịp cuối năm")
        #expect(d.header.addressee == "Sở Giao thông vận tải; Công an tỉnh")
        #expect(d.leftovers.map(\.line) == [24])
    }

    /// Literal `\r\n` escapes are line breaks; every line reports the line it came from.
    @Test func literalEscapes() throws {
        let d = try Fixtures.sample("assignments/web-escapes.txt")
        #expect(d.header.kind == "THÔNG BÁO")
        #expect(d.header.number == "142/TB-UBND")
        #expect(d.header.place == "Đan Phú")
        #expect(d.header.title == "Kết luận của Chủ tịch UBND huyện tại buổi làm việc về công tác giải phóng mặt bằng")
        #expect(d.header.signer == Signer(title: "CHỦ TỊCH", name: "Nguyễn Hữu Tài"))
        #expect(d.tasks.map(\.id) == ["1", "2"])
        #expect(d.tasks.allSatisfy { $0.line == 1 })
        #expect(d.source.lines == 1)
    }

    /// `Điều N.` articles are sections; `Phần II` + blank line + title; a heading that swallowed
    /// its list keeps its own title.
    @Test func headings() throws {
        let d = try Fixtures.sample("assignments/web-flattened-heading.txt")
        #expect(d.sections.map(\.heading) == ["I. CĂN CỨ LẬP KẾ HOẠCH", "Phần II NHIỆM VỤ, GIẢI PHÁP"])
        #expect(d.sections[0].paragraphs.first?.text.hasPrefix("Quyết định số 749/QĐ-TTg") == true)
        let decision = try Fixtures.sample("assignments/web-split-kind.txt")
        #expect(decision.sections.map(\.marker) == ["Điều 1.", "Điều 2.", "Điều 3."])
        #expect(decision.sections.map(\.number) == ["1", "2", "3"])
    }

    /// `| Nơi nhận: | KT. CHỦ TỊCH |` / `| - Như Điều 3; | PHÓ CHỦ TỊCH |`: the closing block,
    /// not an appendix table.
    @Test func signatureRows() throws {
        let d = try Fixtures.sample("assignments/web-split-kind.txt")
        #expect(d.tables.isEmpty)
        #expect(d.closing == Closing(line: 21, endLine: 23))
        #expect(d.header.recipients == ["Như Điều 3", "Lưu: VT, KSTT"])
        #expect(d.header.signer == Signer(title: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", name: "Võ Minh Quang"))
    }

    /// `Điều 38 Luật …` at a line's start and `Điều chỉnh …` are no articles.
    @Test(arguments: ["Điều 38 Luật Tổ chức chính quyền địa phương.", "Điều chỉnh kế hoạch khi cần thiết."])
    func notArticles(_ line: String) throws {
        let d = try Fixtures.parse("KẾ HOẠCH\n\nThử nghiệm năm 2025\n\n" + line + "\n")
        #expect(!d.sections.contains { $0.kind == .article })
    }
}
