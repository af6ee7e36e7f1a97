import Testing
@testable import PlanParser

/// The assignment frames, one row per frame and layout (`AssignmentFrames`), on sentences.
@Suite struct AssignmentReaderTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var text: String
        /// Per assignment: lead, support, duty, time texts.
        var expected: [([String], [String], String, [String])]
        var context: AssignmentReader.Context = .sentences
        var line: Int

        init(_ text: String, _ expected: [([String], [String], String, [String])], context: AssignmentReader.Context = .sentences,
             line: Int = #line)
        {
            self.text = text
            self.expected = expected
            self.context = context
            self.line = line
        }

        var testDescription: String { "line \(line)" }
    }

    static let rows: [Row] = [
        // giao X (chủ trì), phối hợp Y …; time clause after `;`
        Row("Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp các đơn vị, địa phương liên quan kiểm tra hiện trạng sử dụng đất; hoàn thành trước ngày 10/12/2023.",
            [(["Sở Tài nguyên và Môi trường"], ["các đơn vị, địa phương liên quan"], "Kiểm tra hiện trạng sử dụng đất",
              ["hoàn thành trước ngày 10/12/2023"])]),
        Row("Giao cho Phòng Nội vụ tổng hợp kết quả.", [(["Phòng Nội vụ"], [], "Tổng hợp kết quả", [])]),
        // answerable to someone for a matter of work: that is the duty
        Row("Chủ tịch UBND các huyện chịu trách nhiệm trước Chủ tịch UBND tỉnh về công tác bồi thường, giải phóng mặt bằng.",
            [(["Chủ tịch UBND các huyện"], [], "Chịu trách nhiệm trước Chủ tịch UBND tỉnh về công tác bồi thường, giải phóng mặt bằng", [])]),
        // and a company's name with `công trình` (works), whose `trình` (submit) does not end it
        Row("Sở Xây dựng chủ trì, phối hợp với Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh kiểm tra các hồ chứa.",
            [(["Sở Xây dựng"], ["Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh"], "Kiểm tra các hồ chứa", [])]),
        // X chủ trì, phối hợp Y và …, duty
        Row("Phòng Văn hóa và Thông tin chủ trì, phối hợp Ban Tuyên giáo Huyện ủy và các cơ quan, đơn vị có liên quan, tham mưu UBND huyện tổ chức hội thi.",
            [(["Phòng Văn hóa và Thông tin"], ["Ban Tuyên giáo Huyện ủy", "các cơ quan, đơn vị có liên quan"],
              "Tham mưu UBND huyện tổ chức hội thi", [])]),
        // đề nghị X …
        Row("Đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo UBND cấp xã rà soát các hộ nghèo.",
            [(["Ủy ban nhân dân các huyện, thị xã, thành phố"], [], "Chỉ đạo UBND cấp xã rà soát các hộ nghèo", [])]),
        // yêu cầu A, B phối hợp với C …: C leads, A and B support
        Row("Yêu cầu Công an tỉnh, Sở Y tế phối hợp với Sở Công Thương kiểm tra các cơ sở kinh doanh thực phẩm.",
            [(["Sở Công Thương"], ["Công an tỉnh", "Sở Y tế"], "Kiểm tra các cơ sở kinh doanh thực phẩm", [])]),
        // X có trách nhiệm …
        Row("Sở Tài chính có trách nhiệm bố trí kinh phí thực hiện.", [(["Sở Tài chính"], [], "Bố trí kinh phí thực hiện", [])]),
        // X được giao là cơ quan chủ trì, phối hợp …; định kỳ …
        Row("Sở Y tế được giao là cơ quan chủ trì, phối hợp với Bảo hiểm xã hội tỉnh triển khai khám sức khỏe định kỳ cho người lao động; định kỳ hằng quý báo cáo UBND tỉnh.",
            [(["Sở Y tế"], ["Bảo hiểm xã hội tỉnh"],
              "Triển khai khám sức khỏe định kỳ cho người lao động; định kỳ hằng quý báo cáo UBND tỉnh", ["định kỳ hằng quý"])]),
        // X phối hợp với Y …
        Row("Hội Nông dân huyện phối hợp với Phòng Nông nghiệp và Phát triển nông thôn tập huấn kỹ thuật cho nông dân.",
            [(["Phòng Nông nghiệp và Phát triển nông thôn"], ["Hội Nông dân huyện"], "Tập huấn kỹ thuật cho nông dân", [])]),
        // X tham mưu …
        Row("Văn phòng HĐND và UBND huyện tham mưu UBND huyện ban hành quy chế làm việc.",
            [(["Văn phòng HĐND và UBND huyện"], [], "Tham mưu UBND huyện ban hành quy chế làm việc", [])]),
        // An agency's own sentence: `Công an tỉnh tổ chức …`
        Row("Công an tỉnh tổ chức vận động Nhân dân giao nộp vũ khí, vật liệu nổ.",
            [(["Công an tỉnh"], [], "Tổ chức vận động Nhân dân giao nộp vũ khí, vật liệu nổ", [])]),
        Row("Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổ chức huấn luyện lực lượng dân quân.",
            [(["Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"], [], "Tổ chức huấn luyện lực lượng dân quân", [])]),
        // Three assignments in one paragraph; a citation and a date stay whole.
        Row("Giao Sở Nội vụ chủ trì triển khai Kế hoạch số 12/KH-UBND ngày 05.01.2024 của UBND tỉnh. Sở Tư pháp hướng dẫn các xã xây dựng hương ước; Sở Y tế có trách nhiệm kiểm tra an toàn thực phẩm trong tháng 3/2024.",
            [(["Sở Nội vụ"], [], "Triển khai Kế hoạch số 12/KH-UBND ngày 05.01.2024 của UBND tỉnh", []),
             (["Sở Tư pháp"], [], "Hướng dẫn các xã xây dựng hương ước", []),
             (["Sở Y tế"], [], "Kiểm tra an toàn thực phẩm trong tháng 3/2024", ["trong tháng 3/2024"])]),
        // The issuer before the frame: `…, UBND tỉnh giao X …`
        Row("Để kịp thời ứng phó với mưa lũ, UBND tỉnh giao Sở Xây dựng kiểm tra an toàn các hồ đập.",
            [(["Sở Xây dựng"], [], "Kiểm tra an toàn các hồ đập", [])]),
        // Under an agency: an implicit lead, its `phối hợp với Y` (Y leads), another unit's sentence.
        Row("Chủ trì, phối hợp với các cơ quan liên quan theo dõi việc thực hiện.", [([], ["các cơ quan liên quan"], "Theo dõi việc thực hiện", [])],
            context: .duty(splitRoles: false)),
        Row("Phối hợp với Phòng Nội vụ thẩm định vị trí việc làm.", [(["Phòng Nội vụ"], [], "Thẩm định vị trí việc làm", [])],
            context: .duty(splitRoles: false)),
        Row("Tham mưu UBND huyện bố trí kinh phí; phối hợp với Phòng Nội vụ kiểm tra.",
            [([], [], "Tham mưu UBND huyện bố trí kinh phí; phối hợp với Phòng Nội vụ kiểm tra", [])], context: .duty(splitRoles: false)),
        // A plan's item is an assignment when it opens with a frame, or names its lead after it.
        Row("Phòng Giáo dục và Đào tạo chủ trì tổ chức hội khỏe Phù Đổng cấp huyện.",
            [(["Phòng Giáo dục và Đào tạo"], [], "Tổ chức hội khỏe Phù Đổng cấp huyện", [])], context: .item),
        Row("Tổ chức hội khỏe Phù Đổng cấp huyện; giao Phòng Giáo dục và Đào tạo chủ trì thực hiện.",
            [(["Phòng Giáo dục và Đào tạo"], [], "Tổ chức hội khỏe Phù Đổng cấp huyện", [])], context: .item),
        Row("Tổ chức hội khỏe Phù Đổng cấp huyện.", [], context: .item),
        // A field word that also assigns (`giao thông`), an adverb opening the duty, under an
        // introduction's units: the item's own unit leads.
        Row("Ban Quản lý dự án giao thông tỉnh khẩn trương hoàn chỉnh hồ sơ thiết kế, trình thẩm định trước ngày 20/10/2023.",
            [(["Ban Quản lý dự án giao thông tỉnh"], [], "Khẩn trương hoàn chỉnh hồ sơ thiết kế, trình thẩm định trước ngày 20/10/2023",
              ["trước ngày 20/10/2023"])], context: .duty(splitRoles: false)),
        // Districts named in a list after `các huyện`: one unit.
        Row("UBND các huyện Hoài Ân, Tây Sơn đẩy nhanh công tác giải phóng mặt bằng trong tháng 11/2023.",
            [(["UBND các huyện Hoài Ân, Tây Sơn"], [], "Đẩy nhanh công tác giải phóng mặt bằng trong tháng 11/2023",
              ["trong tháng 11/2023"])], context: .duty(splitRoles: false)),
        // `là cơ quan thường trực của …, có trách nhiệm …`: the duty after the role.
        Row("Sở Kế hoạch và Đầu tư là cơ quan thường trực của Tổ công tác, có trách nhiệm tổng hợp, báo cáo định kỳ hằng tháng.",
            [(["Sở Kế hoạch và Đầu tư"], [], "Tổng hợp, báo cáo định kỳ hằng tháng", ["định kỳ hằng tháng"])]),
        // Under an introduction: another unit's notice is nobody's duty.
        Row("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.", [], context: .duty(splitRoles: false)),
        // A body's composition, not a duty.
        Row("Các thành viên: Lãnh đạo các Sở: Tài chính, Xây dựng.", []),
        Row("Tổ phó: Giám đốc Sở Kế hoạch và Đầu tư.", [], context: .item),
        // `Đối với X: …`
        Row("Đối với UBND xã Hiệp An: tập trung chỉ đạo thu ngân sách.", [(["UBND xã Hiệp An"], [], "Tập trung chỉ đạo thu ngân sách", [])]),
        // A sentence that ends in a short name (`An.`) ends there; `TP.` stays an abbreviation.
        Row("Phòng Kinh tế và Hạ tầng hướng dẫn UBND xã Tân An. Sở Y tế kiểm tra các cơ sở tại TP. Bảo Lộc.",
            [(["Phòng Kinh tế và Hạ tầng"], [], "Hướng dẫn UBND xã Tân An", []),
             (["Sở Y tế"], [], "Kiểm tra các cơ sở tại TP. Bảo Lộc", [])]),
    ]

    /// The call to carry out the document, addressed to all: a closing, not a task.
    @Test(arguments: [
        ("Nghiêm túc triển khai thực hiện Chỉ thị này", true),
        ("Nghiêm túc triển khai thực hiện", true),
        ("Quan tâm chỉ đạo thực hiện", true),
        ("Tổ chức thực hiện các nội dung trên", true),
        ("Khẩn trương triển khai thực hiện ý kiến chỉ đạo nêu trên", true),
        ("Theo dõi, đôn đốc việc thực hiện", false),
        ("Tổ chức thực hiện kiểm kê đất đai", false),
        ("Thực hiện chế độ báo cáo định kỳ", false),
    ] as [(String, Bool)])
    func callToImplement(duty: String, expected: Bool) {
        #expect(TaskExtractor.isCallToImplement(duty) == expected)
    }

    /// Headings that name whose duties follow.
    @Test(arguments: [
        ("Sở Nội vụ", ["Sở Nội vụ"]),
        ("Nhiệm vụ của Tổ công tác", ["Tổ công tác"]),
        ("Trách nhiệm của Sở Y tế và Bảo hiểm xã hội tỉnh", ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]),
        ("Sở Tài chính có trách nhiệm:", ["Sở Tài chính"]),
        ("Nhiệm vụ của các sở, ban, ngành", ["các sở, ban, ngành"]),
        ("Đối với UBND các xã, thị trấn:", ["UBND các xã, thị trấn"]),
        ("Nhiệm vụ trọng tâm", nil),
        ("Trách nhiệm thi hành", nil),
    ] as [(String, [String]?)])
    func agencyHeadings(title: String, expected: [String]?) {
        #expect(TaskExtractor.agencyUnits(inTitle: title) == expected)
    }

    @Test(arguments: rows)
    func frames(_ row: Row) {
        let reading = AssignmentReader.read(row.text, context: row.context)
        #expect(reading.assignments.count == row.expected.count)
        for (a, (lead, support, duty, times)) in zip(reading.assignments, row.expected) {
            #expect(a.lead == lead)
            #expect(a.support == support)
            #expect(a.duty == duty)
            #expect(a.times == times)
        }
    }

    /// Read for responsibilities (`areas`), the same units and duties — a clause that says only
    /// when stays out of the duty without being time-tokenized — and no times.
    @Test(arguments: rows)
    func framesWithAreas(_ row: Row) {
        let reading = AssignmentReader.read(row.text, context: row.context, areas: true)
        #expect(reading.assignments.count == row.expected.count)
        for (a, (lead, support, duty, _)) in zip(reading.assignments, row.expected) {
            #expect(a.lead == lead)
            #expect(a.support == support)
            #expect(a.duty == duty)
            #expect(a.times.isEmpty)
        }
    }

    /// Sentences that assign nothing: reports, evaluations, narratives, quotations, bases,
    /// enforcement articles, closings.
    @Test(arguments: [
        "Sở đã ban hành Công văn số 555/SKHCN-VP ngày 22/7/2024 về việc khắc phục tồn tại.",
        "UBND tỉnh đánh giá cao sự chủ động của Sở Y tế trong công tác phòng, chống dịch.",
        "Ngày 15/10/2024, đồng chí Chủ tịch UBND huyện chủ trì cuộc họp về công tác chuẩn bị Đại hội.",
        "Thực hiện Thông báo số 45/TB-UBND: “Giao Sở Y tế chủ trì xây dựng kế hoạch”, các đơn vị đã triển khai.",
        "“Giao Sở Y tế chủ trì xây dựng kế hoạch phòng, chống dịch.”",
        "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV.",
        "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Nội vụ, Tư pháp chịu trách nhiệm thi hành Quyết định này./.",
        "Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo UBND tỉnh để xem xét.",
        "Kết quả, Sở Nội vụ đã tổ chức 05 lớp tập huấn.",
        "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện.",
        "Giám đốc Sở Xây dựng chịu trách nhiệm trước UBND tỉnh.",
    ])
    func noAssignment(_ text: String) {
        #expect(AssignmentReader.read(text, context: .sentences).assignments.isEmpty)
    }

    /// An introduction names who leads the items after it.
    @Test func introduction() {
        let r = AssignmentReader.read("Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương thực hiện các nội dung sau:", context: .sentences)
        #expect(r.assignments.isEmpty)
        #expect(r.introLead == ["các sở, ngành, địa phương"])
    }

    /// Time phrases: deadlines, periodic times and announced spans; a plain `năm 2024` in a
    /// title is no time.
    @Test(arguments: [
        ("hoàn thành trước ngày 10/12/2023", ["trước ngày 10/12/2023"], true),
        ("báo cáo kết quả trong tháng 6/2024", ["trong tháng 6/2024"], false),
        ("định kỳ hằng quý báo cáo UBND tỉnh", ["định kỳ hằng quý"], false),
        ("xây dựng kế hoạch cải cách hành chính năm 2024", [], false),
        ("thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh", [], false),
        ("tổ chức vào ngày 19/4/2024", ["ngày 19/4/2024"], false),
        ("chậm nhất là ngày 15/01/2025", ["chậm nhất là ngày 15/01/2025"], true),
    ] as [(String, [String], Bool)])
    func times(text: String, expected: [String], timeOnly: Bool) {
        var copy = text
        let (found, only) = copy.withUTF8 { AssignmentReader.times(in: $0) }
        #expect(found == expected)
        #expect(only == timeOnly)
    }

    /// A prose task's last clause that says only when is its time; a date inside the duty is not.
    @Test(arguments: [
        ("Kiểm tra an toàn hồ chứa trước mùa mưa bão; hoàn thành trước ngày 30/4/2024.", ["trước ngày 30/4/2024"]),
        ("Rà soát phương án bảo vệ hồ đập. Hoàn thành trong quý II/2024", ["trong quý II/2024"]),
        ("Triển khai Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh", []),
        ("Tổ chức hội nghị; mời đại biểu dự vào ngày 19/4/2024", []),
    ] as [(String, [String])])
    func closingTimes(title: String, expected: [String]) {
        #expect(AssignmentReader.closingTimes(of: title) == expected)
    }

    /// A date without a year takes the document's year.
    @Test func dateWithoutYear() throws {
        let d = try Fixtures.parse("""
            ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH
            Số: 77/UBND-VP
            Nam Định, ngày 02 tháng 3 năm 2024

            Giao Sở Y tế chủ trì kiểm tra các cơ sở khám bệnh, chữa bệnh trước ngày 15/4.
            """)
        let t = try #require(d.tasks.first)
        #expect(t.time.map(\.end?.iso) == ["2024-04-15"])
        // A letter about next year's work, dated this year: the date's year.
        let letter = try Fixtures.parse("""
            ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH
            Số: 78/UBND-VP
            Nam Định, ngày 20 tháng 11 năm 2023
            V/v chuẩn bị kế hoạch năm 2024

            Giao Sở Kế hoạch và Đầu tư tổng hợp dự thảo kế hoạch trước ngày 15/12.
            """)
        #expect(letter.header.planYear == 2024)
        #expect(letter.tasks.first?.time.map(\.end?.iso) == ["2023-12-15"])
    }
}
