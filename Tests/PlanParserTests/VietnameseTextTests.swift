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

/// Which texts the byte readers may read by scalars, as `String` would by Characters.
@Suite struct PlainTextTests {
    @Test(arguments: [
        ("Sở Văn hoá, Thể thao và Du lịch; Uỷ ban", true),
        ("ĐƠN VỊ: Ủy ban nhân dân", true),
        ("", true),
        ("a\u{0301}", false),  // a combining mark
        ("Sở\r", false),  // CR joins a following LF
        ("Sở \u{2013} Ngành", false),  // an en dash: outside the blocks
        ("\u{037E}", false),  // GREEK QUESTION MARK, canonically `;`
        ("\u{0600}năm", false),  // a prepended mark
        ("ʼ ˆ", true),  // U+02BC, U+02C6: below the combining marks
    ] as [(String, Bool)])
    func isPlainText(text: String, plain: Bool) {
        #expect(text.withUTF8Bytes { VietnameseText.isPlainText($0) } == plain)
    }

    @Test func malformedIsNotPlain() {
        for bytes: [UInt8] in [[0x80], [0xC3], [0xC3, 0x41], [0xE1, 0xBB], [0xE1, 0xBB, 0x41], [0xE1, 0x80, 0x80], [0xC0, 0x80]] {
            #expect(bytes.withUnsafeBufferPointer { VietnameseText.isPlainText($0) } == false)
        }
    }
}
