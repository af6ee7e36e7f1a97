import Testing
@testable import PlanParser

@Suite struct MarkdownEscapesTests {
    @Test(arguments: [
        ("**KẾ HOẠCH\\", "**KẾ HOẠCH"),
        ("Phòng Hành chính -- Tổng hợp", "Phòng Hành chính – Tổng hợp"),
        ("Quý I -- II năm 2025", "Quý I – II năm 2025"),
        ("Tháng 01--02/2025", "Tháng 01–02/2025"),
        ("kinh tế --- xã hội", "kinh tế — xã hội"),
        ("**[Độc lập - Tự do - Hạnh phúc]{.underline}**", "**Độc lập - Tự do - Hạnh phúc**"),
        ("xem [Cổng thông tin](https://example.vn/a) của Sở", "xem Cổng thông tin của Sở"),
        ("diện tích 50 m^2^ sàn", "diện tích 50 m sàn"),
        ("Lưu: VT, PBGDPL^(HT).", "Lưu: VT, PBGDPL."),
        ("theo Nghị định[^1] số 61", "theo Nghị định số 61"),
    ] as [(String, String)])
    func cleaned(_ input: String, _ output: String) {
        #expect(MarkdownEscapes.clean(Array(input.utf8)).map { String(decoding: $0, as: UTF8.self) } == output)
    }

    @Test(arguments: ["--------------", "--- ---", "a - b", "2021-2025", "x--y", "[1] trang 2", "^{HT}"])
    func unchanged(_ input: String) {
        #expect(MarkdownEscapes.clean(Array(input.utf8)) == nil)
    }

    @Test func document() throws {
        let text = "**KẾ HOẠCH\\\nChuyển đổi số năm 2025**\n\n- Đơn vị chủ trì: Phòng Hành chính -- Tổng hợp\n"
        #expect(try Recovered.texts(text) == ["**KẾ HOẠCH", "Chuyển đổi số năm 2025**", "- Đơn vị chủ trì: Phòng Hành chính – Tổng hợp"])
    }

    @Test func plain() {
        #expect(MarkdownEscapes.plain("***Nơi nhận:***") == "Nơi nhận:")
        #expect(MarkdownEscapes.plain("\\- UBND tỉnh") == "- UBND tỉnh")
        #expect(MarkdownEscapes.plain("Văn phòng Sở") == "Văn phòng Sở")
    }
}
