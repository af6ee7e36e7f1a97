import Testing
@testable import PlanParser

@Suite struct LineTokenizerTests {
    static func token(_ line: String) -> (LineToken, TokenizedSource) {
        let source = LineTokenizer.tokenize(Array(line.utf8), lineCount: 1)
        return (source.tokens[0], source)
    }

    /// (line, kind, style, ordinal, marker, content)
    @Test(arguments: [
        ("I. MỤC ĐÍCH, YÊU CẦU", LineKind.heading, MarkerStyle.roman, 1, "I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("XIV. TỔ CHỨC", .heading, .roman, 14, "XIV.", "TỔ CHỨC"),
        ("IIII. Sai", .text, .none, 0, "", "IIII. Sai"),
        ("1. Mục đích", .heading, .arabic, 1, "1.", "Mục đích"),
        ("2.1. Nội dung", .heading, .arabic, 2, "2.1.", "Nội dung"),
        ("1.2.3 Nội dung", .heading, .arabic, 1, "1.2.3", "Nội dung"),
        ("3) Ba", .heading, .parenNumber, 3, "3)", "Ba"),
        ("a) Xây dựng", .heading, .letter, 1, "a)", "Xây dựng"),
        ("đ) Đổi mới", .heading, .letter, 5, "đ)", "Đổi mới"),
        ("g) Thực hiện", .heading, .letter, 7, "g)", "Thực hiện"),
        ("y) Cuối", .heading, .letter, 23, "y)", "Cuối"),
        ("A. PHẦN CHUNG", .heading, .upperLetter, 1, "A.", "PHẦN CHUNG"),
        ("PHẦN II. NHIỆM VỤ", .heading, .part, 2, "PHẦN II.", "NHIỆM VỤ"),
        ("Chương I", .heading, .part, 1, "Chương I", ""),
        ("CHƯƠNG III. TỔ CHỨC THỰC HIỆN", .heading, .part, 3, "CHƯƠNG III.", "TỔ CHỨC THỰC HIỆN"),
        ("Chương trình công tác năm 2027", .text, .none, 0, "", "Chương trình công tác năm 2027"),
        ("Chương IV là chương cuối", .heading, .part, 4, "Chương IV", "là chương cuối"),
        ("- Tiếp tục", .bullet, .dash, 0, "-", "Tiếp tục"),
        ("-Tiếp tục", .bullet, .dash, 0, "-", "Tiếp tục"),
        ("+ Duy trì", .bullet, .plus, 0, "+", "Duy trì"),
        ("- + Kế hoạch", .bullet, .dashPlus, 0, "- +", "Kế hoạch"),
        ("• Một", .bullet, .dot, 0, "•", "Một"),
        ("– Gạch", .bullet, .enDash, 0, "–", "Gạch"),
        ("* Sao", .bullet, .star, 0, "*", "Sao"),
        ("2021-2025; Kế hoạch", .text, .none, 0, "", "2021-2025; Kế hoạch"),
        ("4 năm 2018 của", .text, .none, 0, "", "4 năm 2018 của"),
        ("100% văn bản", .text, .none, 0, "", "100% văn bản"),
        ("15/01/2025", .text, .none, 0, "", "15/01/2025"),
        ("2024. Tiếp tục", .text, .none, 0, "", "2024. Tiếp tục"),
        ("-10% chi phí", .text, .none, 0, "", "-10% chi phí"),
        ("Vì vậy", .text, .none, 0, "", "Vì vậy"),
        ("1.\tMục đích", .heading, .arabic, 1, "1.", "Mục đích"),
    ])
    func markers(line: String, kind: LineKind, style: MarkerStyle, ordinal: Int, marker: String, content: String) {
        let (t, source) = Self.token(line)
        #expect(t.kind == kind)
        #expect(t.style == style)
        #expect(Int(t.ordinal) == ordinal)
        #expect(source.string(t.marker) == marker)
        #expect(source.string(t.content) == content)
    }

    /// (line, role, label, value)
    @Test(arguments: [
        ("- Đơn vị chủ trì thực hiện: Văn phòng Sở", Field.Role?.some(.lead), "Đơn vị chủ trì thực hiện", "Văn phòng Sở"),
        ("- Cơ quan phối hợp: Các phòng", .support, "Cơ quan phối hợp", "Các phòng"),
        ("- Sản phẩm: Kế hoạch", .product, "Sản phẩm", "Kế hoạch"),
        ("- Kết quả/ Sản phẩm: Báo cáo", .product, "Kết quả/ Sản phẩm", "Báo cáo"),
        ("+ Thời gian thực hiện: Quý I", .time, "Thời gian thực hiện", "Quý I"),
        ("- Thời hạn hoàn thành: Tháng 3", .time, "Thời hạn hoàn thành", "Tháng 3"),
        ("- Đơn vị Chủ trì: Thanh tra Sở", .lead, "Đơn vị Chủ trì", "Thanh tra Sở"),
        ("- Đơn vị thực hiện: Phòng A", .lead, "Đơn vị thực hiện", "Phòng A"),
        ("Chủ trì: Văn phòng Sở.", .lead, "Chủ trì", "Văn phòng Sở."),
        ("- Kinh phí: Ngân sách", .unknown, "Kinh phí", "Ngân sách"),
        ("- Báo cáo quý I: Trước ngày 03/3/2025.", .unknown, "Báo cáo quý I", "Trước ngày 03/3/2025."),
        ("Kính gửi: Sở Nội vụ", nil, "", "Kính gửi: Sở Nội vụ"),
        ("- Chủ trì, phối hợp với các cơ quan liên quan tham mưu UBND tỉnh: nội dung", nil, "", "Chủ trì, phối hợp với các cơ quan liên quan tham mưu UBND tỉnh: nội dung"),
    ])
    func fields(line: String, role: Field.Role?, label: String, value: String) {
        let (t, source) = Self.token(line)
        #expect(t.fieldRole == role)
        #expect(source.string(t.label) == label)
        #expect(source.string(t.content) == value)
    }

    @Test(arguments: [
        ("Số: /KH-SKHCN", LineKeyword.documentNumber),
        ("Số : 12/KH-UBND", .documentNumber),
        ("Số lượng hồ sơ", .none),
        ("Kính gửi: Sở Nội vụ", .addressee),
        ("Căn cứ Nghị quyết số 76/NQ-CP", .basis),
        ("Nơi nhận:", .recipients),
        ("PHỤ LỤC", .appendix),
        ("Phụ lục II", .appendix),
        ("Phụ lục kèm theo Kế hoạch", .none),
    ])
    func keywords(line: String, keyword: LineKeyword) {
        #expect(Self.token(line).0.keyword == keyword)
    }

    /// Markdown remnants are stripped, spaces collapsed, the line trimmed.
    @Test(arguments: [
        ("**KT. GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
        ("- *Hoàn thiện môi trường pháp lý:* Tiếp tục", "- Hoàn thiện môi trường pháp lý: Tiếp tục"),
        ("(*qua Sở Nội vụ*)", "(qua Sở Nội vụ)"),
        ("Lưu: VT, VP^{XT}.", "Lưu: VT, VP."),
        ("1\\. Không phải mục", "1. Không phải mục"),
        ("  Hai   khoảng   trắng  ", "Hai khoảng trắng"),
        ("5*3 = 15", "5*3 = 15"),
    ])
    func cleaning(line: String, cleaned: String) {
        let (t, source) = Self.token(line)
        #expect(source.string(t.line) == cleaned)
    }

    @Test(arguments: [
        ("1\tTham mưu\tKế hoạch", true, false),
        ("\tđiều hành\t\t\tcủa cơ quan", true, false),
        ("| 1 | Nội dung | Tháng 01/2025 |", true, true),
        ("I. CÔNG TÁC |  |  |", true, true),
        (" |  | Quý IV/2025", true, true),
        ("1.\tMục đích", false, false),
        ("\t- Thụt lề", false, false),
        ("Chỉ số A|B trong văn bản", false, false),
    ])
    func tableRows(line: String, isRow: Bool, pipes: Bool) {
        let (t, _) = Self.token(line)
        #expect((t.kind == .tableRow) == isRow)
        #expect(t.pipes == pipes)
    }

    @Test func lineNumbersCountBlankLines() {
        let source = LineTokenizer.tokenize(Array("a\n\n\nb\nc".utf8), lineCount: 5)
        #expect(source.tokens.map(\.number) == [1, 4, 5])
        #expect(source.tokens.map(\.afterBlank) == [false, true, false])
    }
}

/// A rule run into the line below it (plain pdftotext under a letterhead): the line is its text.
@Suite struct GluedRuleTests {
    /// (line, keyword, is a rule, the line's text as the token holds it)
    @Test(arguments: [
        ("------Số: 845/QĐ-UBND", LineKeyword.documentNumber, false, "Số: 845/QĐ-UBND"),
        ("--------------Lạng Sơn, ngày 09 tháng 5 năm 2025", .none, false, "Lạng Sơn, ngày 09 tháng 5 năm 2025"),
        ("____Kính gửi: Các sở, ngành", .addressee, false, "Kính gửi: Các sở, ngành"),
        ("---Ba gạch", .none, false, "---Ba gạch"),
        ("---- Có dấu cách", .none, false, "---- Có dấu cách"),
        ("--------", .none, true, "--------"),
        ("-----1. Mục đích", .none, false, "-----1. Mục đích"),
    ])
    func glued(_ line: String, _ keyword: LineKeyword, _ rule: Bool, _ text: String) {
        let (t, source) = LineTokenizerTests.token(line)
        #expect(t.keyword == keyword)
        #expect(t.isRule == rule)
        #expect(source.string(t.line) == text)
    }
}
