import Testing
@testable import PlanParser

@Suite struct PandocTableTests {
    static let grid = """
        PHỤ LỤC

        +---+---------------------+----------+----------+----------+
        | S | Nhiệm vụ            | Kết quả/ | Đơn vị   | Thời     |
        | T |                     | Sản phẩm | chủ trì  | gian     |
        | T |                     |          |          |          |
        +===+=====================+==========+==========+==========+
        | I |                     |          |          |          |
        | . |                     |          |          |          |
        | C |                     |          |          |          |
        | Ô |                     |          |          |          |
        | N |                     |          |          |          |
        | G |                     |          |          |          |
        | T |                     |          |          |          |
        | Á |                     |          |          |          |
        | C |                     |          |          |          |
        +---+---------------------+----------+----------+----------+
        | 1 | Xây dựng, ban hành  | Hội      | Văn      | Tháng    |
        |   | Kế hoạch phổ biến   | nghị;    | phòng Sở | 01       |
        |   | pháp luật           |          |          | -02/2025 |
        |   |                     | Báo cáo  |          |          |
        |   |                     | tổng kết |          |          |
        +---+---------------------+----------+----------+----------+
        |   |                     | Video,   |          | Trước    |
        |   |                     | inf      |          | ngày     |
        |   |                     | ographic |          | 1        |
        |   |                     |          |          | 5/3/2025 |
        +---+---------------------+----------+----------+----------+

        """

    @Test func gridTableRows() throws {
        #expect(try Recovered.rows(Self.grid) == [
            ["STT", "Nhiệm vụ", "Kết quả/ Sản phẩm", "Đơn vị chủ trì", "Thời gian"],
            ["I. CÔNG TÁC", "", "", "", ""],
            ["1", "Xây dựng, ban hành Kế hoạch phổ biến pháp luật", "Hội nghị;", "Văn phòng Sở", "Tháng 01-02/2025"],
            ["", "", "Báo cáo tổng kết", "", ""],
            ["", "", "Video, infographic", "", "Trước ngày 15/3/2025"],
        ])
        // Each row starts on its first printed line and ends on its last (a wrap line).
        let lines = try Recovered.tableLines(Self.grid)
        #expect(lines.map(\.role) == [.rowStart, .cellWrap, .rowStart, .cellWrap, .rowStart, .cellParagraph, .cellWrap, .rowStart, .cellWrap])
        #expect(lines.map(\.number) == [4, 6, 8, 16, 18, 21, 22, 24, 27])
    }

    @Test func gridTableTask() throws {
        let d = try Fixtures.parse(Self.grid)
        let t = try #require(d.task("PL.I.1"))
        #expect(t.title == "Xây dựng, ban hành Kế hoạch phổ biến pháp luật")
        #expect(t.section == ["PHỤ LỤC", "I. CÔNG TÁC"])
        #expect(t.products == ["Hội nghị", "Báo cáo tổng kết", "Video, infographic"])
        #expect(t.lead.map(\.name) == ["Văn phòng Sở"])
        #expect(t.time.map(\.text) == ["Tháng 01-02/2025", "Trước ngày 15/3/2025"])
        // The border lines are furniture, not lost.
        #expect(d.furniture.map(\.line) == [3, 7, 17, 23, 28])
    }

    @Test func gridLetterheadAndClosing() throws {
        let text = """
            +-----------------------------+----------------------------------------+
            | UBND TỈNH QUẢNG NAM         | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM     |
            |                             |                                        |
            | **SỞ TƯ PHÁP**              | Độc lập - Tự do - Hạnh phúc            |
            |                             |                                        |
            | Số: 05/KH-STP               | *Quảng Nam, ngày 10 tháng 01 năm       |
            |                             | 2025*                                  |
            +=============================+========================================+
            +-----------------------------+----------------------------------------+

            KẾ HOẠCH

            Phổ biến pháp luật năm 2025

            I. NHIỆM VỤ

            1. Tuyên truyền pháp luật cho Nhân dân.

            +--------------------------------+-------------------------------------+
            | ***Nơi nhận:***                | KT. GIÁM ĐỐC                        |
            |                                |                                     |
            | \\- Bộ Tư pháp (Vụ Phổ biến,    | PHÓ GIÁM ĐỐC                        |
            | giáo dục pháp luật);           |                                     |
            |                                | Lê Thị Thu Hà                       |
            | \\- Lưu: VT, PBGDPL^HT^.        |                                     |
            +================================+=====================================+
            +--------------------------------+-------------------------------------+

            """
        #expect(try Recovered.texts(text).prefix(6) == [
            "UBND TỈNH QUẢNG NAM", "**SỞ TƯ PHÁP**", "Số: 05/KH-STP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "*Quảng Nam, ngày 10 tháng 01 năm 2025*",
        ])
        let d = try Fixtures.parse(text)
        #expect(d.header.issuer == "UBND TỈNH QUẢNG NAM - SỞ TƯ PHÁP")
        #expect(d.header.number == "05/KH-STP")
        #expect(d.header.place == "Quảng Nam")
        #expect(d.header.date == DocumentDate(day: 10, month: 1, year: 2025))
        #expect(d.header.recipients == ["Bộ Tư pháp (Vụ Phổ biến, giáo dục pháp luật)", "Lưu: VT, PBGDPL"])
        #expect(d.header.signer == Signer(title: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", name: "Lê Thị Thu Hà"))
    }

    @Test func multilineTable() throws {
        let text = """
            PHỤ LỤC

              -----------------------------------------------------------------------
              STT      Nhiệm vụ               Kết quả/    Đơn vị chủ  Thời gian
                                              Sản phẩm    trì         thực hiện
              -------- ---------------------- ----------- ----------- -----------
              I. CÔNG                                                 
              TÁC CHỈ                                                 
              ĐẠO                                                     

              1        Xây dựng, ban hành Kế  Kế hoạch    Văn phòng   Tháng
                       hoạch cải cách hành                Sở          01/2024
                       chính năm 2024 của Sở                          

                                              Báo cáo                 Quý IV/2024
              -----------------------------------------------------------------------

            """
        #expect(try Recovered.rows(text) == [
            ["STT", "Nhiệm vụ", "Kết quả/ Sản phẩm", "Đơn vị chủ trì", "Thời gian thực hiện"],
            ["I. CÔNG TÁC CHỈ ĐẠO", "", "", "", ""],
            ["1", "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2024 của Sở", "Kế hoạch", "Văn phòng Sở", "Tháng 01/2024"],
            ["", "", "Báo cáo", "", "Quý IV/2024"],
        ])
        let t = try #require(try Fixtures.parse(text).task("PL.I.1"))
        #expect(t.products == ["Kế hoạch", "Báo cáo"])
        #expect(t.time.map(\.text) == ["Tháng 01/2024", "Quý IV/2024"])
    }

    @Test func simpleTable() throws {
        let text = """
              Số: 12/KH-UBND                 Hưng Yên, ngày 05 tháng 01 năm 2025
              ------------------------------ ----------------------------------------

            KẾ HOẠCH
            """
        #expect(try Recovered.texts(text) == ["Số: 12/KH-UBND", "Hưng Yên, ngày 05 tháng 01 năm 2025", "KẾ HOẠCH"])
        let d = try Fixtures.parse(text)
        #expect(d.header.number == "12/KH-UBND")
        #expect(d.header.date == DocumentDate(day: 5, month: 1, year: 2025))
    }

    @Test func strayRulesAreText() throws {
        // A dash rule alone, or one with no table under it, is left as it is.
        let text = "Tiêu đề\n-----\nMột đoạn văn.\n--- ---\n"
        #expect(try Recovered.texts(text) == ["Tiêu đề", "-----", "Một đoạn văn.", "--- ---"])
    }
}

@Suite struct ShapeScanTests {
    private func scan(_ text: String) -> (ShapeScan, Int) {
        var lines = 0
        let shapes = ShapeScan.scan(Array(text.utf8), lines: &lines)
        return (shapes, lines)
    }

    @Test func columnRules() {
        #expect(scan("  :---- :--------\n").0.contains(.columnRule))
        #expect(scan("x\n--- ---").0.contains(.columnRule))
        #expect(!scan("-------\n- Chủ trì: Sở\n---\n").0.contains(.columnRule))
        #expect(!scan("--- x ---\n").0.contains(.columnRule))
    }

    @Test func lineStartsAndCount() {
        // Line starts after a line feed at various offsets, and none after the last byte.
        let fifteen = String(repeating: "x", count: 15)
        #expect(scan(fifteen + "\n<p>").0.contains(.html))
        #expect(scan(fifteen + "x\n<p>").0.contains(.html))
        #expect(scan(fifteen + "x" + fifteen + "\n  +--+\n").0.contains(.grid))
        #expect(!scan(fifteen + "<\n").0.any)
        for text in ["a", "a\n", "a\nb", "\n\n", "\n", String(repeating: "dòng\n", count: 40), String(repeating: "dòng dài hơn\n", count: 9) + "cuối"] {
            let expected = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
            #expect(scan(text).1 == expected, "\(text.debugDescription)")
        }
    }

    @Test func ruleWithoutColumnRuleLeavesLinesAsCopied() throws {
        // A `-------` under a letterhead is no table: the text leaves as the line copy leaves it,
        // each line numbered, with a last line break and no page starts.
        let text = "ỦY BAN NHÂN DÂN\n-------\n- Chủ trì: Sở\n\u{0C}Văn bản"
        let decoded = try SourceDecoder.decode(Array(text.utf8))
        #expect(!decoded.pageStarts.isEmpty)
        let out = ConvertedTextRecovery.recover(decoded)
        #expect(out.bytes == Array("ỦY BAN NHÂN DÂN\n-------\n- Chủ trì: Sở\n Văn bản\n".utf8))
        #expect(out.lineNumbers == [1, 2, 3, 4])
        #expect(out.lineRoles.isEmpty)
        #expect(out.pageStarts.isEmpty)
        // Without a dash rule nothing is touched.
        let plain = try SourceDecoder.decode(Array("Một\nHai".utf8))
        let same = ConvertedTextRecovery.recover(plain)
        #expect(same.bytes == plain.bytes && same.lineNumbers.isEmpty)
    }
}

@Suite struct DisplayWidthTests {
    /// The byte-by-byte rule, through a collection with no contiguous storage.
    private func reference(_ bytes: [UInt8]) -> Int { DisplayColumns.width(bytes.lazy.map { $0 }) }

    @Test func sixteenAtATimeMatchesByteByByte() {
        // Letters of one to three bytes, combining marks (CC 80, CD 8F), at every offset and
        // across the blocks and the 127-block rounds of the vector count.
        let pieces: [[UInt8]] = [Array("a".utf8), Array("ơ".utf8), Array("ệ".utf8), [0xCC, 0x81], [0xCD, 0x8F], [0x20], Array("Đ".utf8)]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in [0, 1, 2, 15, 16, 17, 31, 33, 200, 2_100, 4_200] {
            for _ in 0..<8 {
                var bytes: [UInt8] = []
                while bytes.count < length {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    bytes += pieces[Int(seed >> 33) % pieces.count]
                }
                #expect(DisplayColumns.width(bytes) == reference(bytes), "\(length)")
                // A mark's second byte first (a cut text): no byte before it to join.
                let cut = [UInt8](bytes.drop(while: { $0 & 0xC0 != 0x80 }))
                #expect(DisplayColumns.width(cut) == reference(cut))
            }
        }
        #expect(DisplayColumns.width(Array("Nguyễn Văn A".utf8)) == 12)
        #expect(DisplayColumns.width([0xCC, 0x81]) == 0)  // a mark takes no column of its own
    }
}
