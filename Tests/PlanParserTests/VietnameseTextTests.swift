import Testing
@testable import PlanParser

@Suite struct VietnameseTextTests {
    @Test(arguments: [
        ("Đơn vị Chủ trì", "đơn vị chủ trì"),
        ("CẢI CÁCH HÀNH CHÍNH", "cải cách hành chính"),
        ("ƯU TIÊN Ơ", "ưu tiên ơ"),
        ("KH&CN", "kh&cn"),
    ])
    func lowercased(input: String, expected: String) {
        #expect(VietnameseText.lowercased(input) == expected)
    }

    @Test(arguments: [
        ("Cải cách – Hành chính", "cai cach hanh chinh"),
        ("CÀI CÁCH TỔ CHỨC BỘ MÁY", "cai cach to chuc bo may"),
        ("Đường 2024/Quý-I", "duong 2024 quy i"),
        ("  ...  ", ""),
    ])
    func skeleton(input: String, expected: String) {
        #expect(VietnameseText.skeleton(input) == expected)
    }
}
