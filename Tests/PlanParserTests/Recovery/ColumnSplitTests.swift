import Testing
@testable import PlanParser

@Suite struct ColumnSplitTests {
    static let text = """
            UBND TỈNH HƯNG YÊN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
          SỞ KHOA HỌC VÀ CÔNG NGHỆ                Độc lập - Tự do - Hạnh phúc
            Số: /KH-SKHCN                 Hưng Yên, ngày      tháng 01 năm 2024

                                 KẾ HOẠCH
              Thực hiện công tác Cải cách hành chính năm 2024

         I. NHIỆM VỤ
         1. Tổ chức tuyên truyền công tác cải cách hành chính.
        Nơi nhận:                                        KT. GIÁM ĐỐC
        - UBND tỉnh (thay b/c);                          PHÓ GIÁM ĐỐC
        - Bộ Tư pháp (Vụ Phổ biến, giáo dục pháp
        luật);
        - Các cơ quan chuyên môn thuộc
        UBND tỉnh;
        - Lưu: VT, VPXT.
                                                         Nguyễn Xuân Hải
                                                                        10

                                                            PHỤ LỤC
        """

    @Test func columnsOneAfterTheOther() throws {
        #expect(try Recovered.texts(Self.text).map { $0.trimmingSpaces } == [
            "UBND TỈNH HƯNG YÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: /KH-SKHCN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hưng Yên, ngày      tháng 01 năm 2024",
            "KẾ HOẠCH", "Thực hiện công tác Cải cách hành chính năm 2024", "I. NHIỆM VỤ",
            "1. Tổ chức tuyên truyền công tác cải cách hành chính.",
            "Nơi nhận:", "- UBND tỉnh (thay b/c);", "- Bộ Tư pháp (Vụ Phổ biến, giáo dục pháp luật);",
            "- Các cơ quan chuyên môn thuộc UBND tỉnh;", "- Lưu: VT, VPXT.", "10",
            "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Xuân Hải", "PHỤ LỤC",
        ])
    }

    @Test func header() throws {
        let d = try Fixtures.parse(Self.text)
        #expect(d.header.issuer == "UBND TỈNH HƯNG YÊN - SỞ KHOA HỌC VÀ CÔNG NGHỆ")
        #expect(d.header.number == "/KH-SKHCN")
        #expect(d.header.place == "Hưng Yên")
        #expect(d.header.date == DocumentDate(day: nil, month: 1, year: 2024))
        #expect(d.header.recipients == ["UBND tỉnh (thay b/c)", "Bộ Tư pháp (Vụ Phổ biến, giáo dục pháp luật)",
                                        "Các cơ quan chuyên môn thuộc UBND tỉnh", "Lưu: VT, VPXT"])
        #expect(d.header.signer == Signer(title: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", name: "Nguyễn Xuân Hải"))
        #expect(d.leftovers.isEmpty)
    }

    @Test func halves() {
        let lines = TextLines("    Số: 12/KH-UBND            Hưng Yên, ngày 05 tháng 01 năm 2025\nCăn cứ Luật   Tổ chức chính quyền địa phương\n")
        let h = ColumnSplit.halves(lines, 0)
        #expect(h.left.map { String(decoding: $0.bytes, as: UTF8.self) } == "Số: 12/KH-UBND")
        #expect(h.right.map { String(decoding: $0.bytes, as: UTF8.self) } == "Hưng Yên, ngày 05 tháng 01 năm 2025")
        // A gap inside running text near the margin is no second column.
        #expect(!ColumnSplit.halves(lines, 1).isSplit)
    }
}
