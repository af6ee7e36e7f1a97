/// Names of Vietnamese public bodies, as documents write them — the one table of what a
/// unit name is made of. Written from public knowledge of how departments, offices and
/// committees are named (the usual full names of the provincial, district and national
/// bodies), never copied from a document.
///
/// A unit name is a head (`Sở`, `Phòng`, `Văn phòng`, `Ủy ban nhân dân`, `Công an` …), then
/// usually a field (`Tài nguyên và Môi trường`) and a place (`tỉnh`, `huyện Đức Trọng`).
/// Many fields hold `và`, commas or dashes (`Văn hóa, Thể thao và Du lịch`, `Lao động -
/// Thương binh và Xã hội`): the ``fields`` table lists them (the office of the council and the
/// committee, `Văn phòng HĐND và UBND`, has its own: ``UnitNameReader/officeFields``), so that a list
/// splits between units and never inside one. A collective (`các sở, ban, ngành`, `UBND
/// các huyện, thị xã, thành phố`) is one unit too.
///
/// Words are lowercase NFC with the new tone placement (`hóa`, `ủy`); ``Phrase`` adds the
/// old spelling (`hoá`, `uỷ`).
enum UnitLexicon {
    /// Words a unit name starts with. Most must be capitalized in the text (`Sở`, not the
    /// `sở` of `cơ sở`); ``lowercaseHeads`` may be written in lower case mid-sentence.
    static let heads: [String] = [
        "sở",  // provincial department
        "phòng",  // district office; division of a department
        "văn phòng",  // office
        "ban",  // board
        "ban chỉ đạo",  // steering committee
        "ban tổ chức",  // organizing committee
        "ban quản lý",  // management board
        "ban biên tập",  // editorial board
        "ban điều hành",  // executive board
        "tiểu ban",  // subcommittee
        "tổ công tác",  // working group
        "tổ giúp việc",  // support team
        "tổ thư ký",  // secretariat team
        "đoàn công tác",  // working delegation
        "đoàn kiểm tra",  // inspection team
        "đoàn thanh tra",  // inspection team
        "đoàn giám sát",  // supervision team
        "ban chỉ huy quân sự",  // district military command
        "ban chỉ huy",  // command
        "trung tâm",  // centre
        "chi cục",  // sub-department
        "cục",  // department (national or provincial)
        "vụ",  // department of a ministry
        "bộ",  // ministry
        "bộ chỉ huy quân sự",  // provincial military command
        "bộ chỉ huy bộ đội biên phòng",  // border guard command
        "bộ phận",  // section (Bộ phận Một cửa)
        "ủy ban nhân dân",  // people's committee
        "ubnd",  // people's committee (abbreviation)
        "ủy ban",  // committee
        "ubmttq",  // fatherland front committee (abbreviation)
        "hội đồng nhân dân",  // people's council
        "hđnd",  // people's council (abbreviation)
        "hội đồng",  // council
        "thường trực",  // standing body (Thường trực HĐND)
        "công an",  // police
        "thanh tra",  // inspectorate
        "kho bạc nhà nước",  // state treasury
        "kho bạc",  // treasury
        "bảo hiểm xã hội",  // social insurance
        "ngân hàng nhà nước",  // state bank
        "ngân hàng",  // bank
        "đài",  // broadcasting station
        "báo",  // newspaper
        "tỉnh ủy",  // provincial party committee
        "huyện ủy",  // district party committee
        "thành ủy",  // city party committee
        "thị ủy",  // town party committee
        "đảng ủy",  // party committee
        "tỉnh đoàn",  // provincial youth union
        "huyện đoàn",  // district youth union
        "thành đoàn",  // city youth union
        "đoàn",  // union; delegation (Đoàn ĐBQH, Đoàn kiểm tra)
        "hội",  // association
        "liên đoàn",  // federation
        "liên minh",  // alliance (of cooperatives)
        "mặt trận",  // fatherland front
        "mttq",  // fatherland front (abbreviation)
        "viện",  // institute
        "học viện",  // academy
        "trường",  // school
        "bệnh viện",  // hospital
        "thư viện",  // library (Thư viện tỉnh)
        "bảo tàng",  // museum (Bảo tàng tỉnh)
        "nhà hát",  // theatre
        "nhà văn hóa",  // cultural house
        "vườn quốc gia",  // national park
        "trạm",  // station (Trạm Y tế)
        "điện lực",  // power company
        "viễn thông",  // telecommunications branch (Viễn thông Ninh Thuận, of VNPT)
        "bưu điện",  // post office (Bưu điện tỉnh)
        "viettel",  // telecom carrier (Viettel Ninh Thuận)
        "vnpt",  // telecom carrier (VNPT Ninh Thuận)
        "mobifone",  // telecom carrier
        "công ty",  // company (Công ty Điện lực …)
        "tổng công ty",  // corporation
        "tập đoàn",  // group (of companies)
        "chi nhánh",  // branch
        "hạt kiểm lâm",  // forest ranger unit
        "đội",  // team
        "tổ",  // team
        "quỹ",  // fund
        "cơ quan",  // agency
        "đơn vị",  // unit
        "chủ tịch",  // chairman (acting for a committee)
        "phó chủ tịch",  // vice chairman
        "giám đốc",  // director
        "phó giám đốc",  // deputy director
        "thủ trưởng",  // head of an agency
        "trưởng",  // head (Trưởng phòng, Trưởng các phòng)
        "chánh văn phòng",  // chief of office
        "chánh thanh tra",  // chief inspector
        "bí thư",  // party secretary
        "người đứng đầu",  // the head of
        "doanh nghiệp",  // enterprise
    ]

    /// Heads that name a body's kind, after which its own lowercase words follow (`Tổ công tác
    /// liên ngành`, `Ban quản lý dự án giao thông`), up to a verb or function word.
    static let openHeads = HashedByteSet([
        "ban chỉ đạo", "ban tổ chức", "ban quản lý", "ban biên tập", "ban điều hành", "tiểu ban", "tổ công tác",
        "tổ giúp việc", "tổ thư ký", "đoàn công tác", "đoàn kiểm tra", "đoàn thanh tra", "đoàn giám sát",
    ])

    /// Heads that may stand in lower case mid-sentence (`thủ trưởng các cơ quan`, `giao cơ quan
    /// chuyên môn`).
    static let lowercaseHeads = HashedByteSet([
        "cơ quan", "đơn vị", "thủ trưởng", "giám đốc", "chủ tịch", "trưởng", "người đứng đầu", "ubnd", "hđnd",
    ])

    /// Fields after a head that hold `và`, commas or dashes, longest first where one is a
    /// prefix of another. A name never splits inside one.
    static let fields: [String] = [
        "tài nguyên và môi trường",  // natural resources and environment
        "văn hóa, thông tin, thể thao và du lịch",  // culture, information, sports and tourism
        "văn hóa, thể thao và du lịch",  // culture, sports and tourism
        "văn hóa, thể thao và gia đình",  // culture, sports and family
        "văn hóa, thông tin và thể thao",  // culture, information and sports
        "văn hóa thông tin và thể thao",  // culture, information and sports
        "văn hóa - thông tin - thể thao",  // culture, information, sports
        "văn hóa - thể thao và truyền thanh",  // culture, sports and radio
        "văn hóa - thể thao - truyền thanh",  // culture, sports, radio
        "văn hóa - thể thao và du lịch",  // culture, sports and tourism
        "văn hóa và thông tin",  // culture and information
        "văn hóa và thể thao",  // culture and sports
        "văn hóa - thông tin",  // culture and information
        "văn hóa - thể thao",  // culture and sports
        "truyền thông và văn hóa",  // communications and culture
        "văn hóa, khoa học và thông tin",  // culture, science and information
        "lao động - thương binh và xã hội",  // labour, invalids and social affairs
        "kế hoạch và đầu tư",  // planning and investment
        "khoa học và công nghệ",  // science and technology
        "thông tin và truyền thông",  // information and communications
        "giáo dục và đào tạo",  // education and training
        "nông nghiệp và phát triển nông thôn",  // agriculture and rural development
        "nông nghiệp và môi trường",  // agriculture and environment
        "tài chính - kế hoạch",  // finance and planning (district office)
        "kế hoạch - tài chính",  // planning and finance
        "tài chính - kế toán",  // finance and accounting
        "kinh tế, hạ tầng và đô thị",  // economy, infrastructure and urban affairs
        "kinh tế - hạ tầng và đô thị",  // economy, infrastructure and urban affairs
        "kinh tế và hạ tầng",  // economy and infrastructure
        "kinh tế - hạ tầng",  // economy and infrastructure
        "quản lý đô thị",  // urban management
        "hành chính - tổng hợp",  // general administration
        "tổng hợp - hành chính",  // general administration
        "tổ chức - hành chính",  // organization and administration
        "hành chính - quản trị",  // administration and facilities
        "tổ chức - cán bộ",  // organization and personnel
        "thanh tra - hành chính tổng hợp",  // inspection and general administration
        "thi đua - khen thưởng",  // emulation and rewards
        "dân tộc và tôn giáo",  // ethnic and religious affairs
        "xây dựng và quản lý đô thị",  // construction and urban management
        "giao thông vận tải",  // transport
        "giao thông - vận tải",  // transport
        "giao thông",  // transport, traffic
        "công thương",  // industry and trade
        "tiêu chuẩn, đo lường, chất lượng",  // standards, metrology and quality
        "thông tin, thống kê và ứng dụng",  // information, statistics and applications
        "thông tin, thống kê, ứng dụng",  // information, statistics, applications
        "ứng dụng và dịch vụ",  // applications and services
        "phổ biến, giáo dục pháp luật",  // legal dissemination and education
        "phối hợp phổ biến, giáo dục pháp luật",  // (council) for coordinating legal dissemination
        "xây dựng và kiểm tra văn bản quy phạm pháp luật",  // drafting and review of legal documents
        "hành chính tư pháp",  // judicial administration
        "phát thanh và truyền hình",  // radio and television
        "phát thanh - truyền hình",  // radio and television
        "truyền thanh - truyền hình",  // radio and television (district)
        "văn hóa - truyền thanh - truyền hình",  // culture, radio and television
        "giáo dục nghề nghiệp - giáo dục thường xuyên",  // vocational and continuing education
        "đoàn đại biểu quốc hội",  // national assembly delegation
        "quản lý dự án đầu tư xây dựng",  // construction project management
        "quản lý các khu kinh tế và khu công nghiệp",  // economic and industrial zones management
        "quản lý các khu công nghiệp",  // industrial zones management
        "mặt trận tổ quốc việt nam",  // Vietnam fatherland front
        "mttq việt nam",  // Vietnam fatherland front (abbreviated)
        "vì sự tiến bộ của phụ nữ",  // for the advancement of women
        "an toàn giao thông",  // traffic safety
        "liên hiệp phụ nữ",  // women's union
        "cựu chiến binh",  // veterans' association
        "chữ thập đỏ",  // red cross
        "thanh niên cộng sản hồ chí minh",  // Ho Chi Minh communist youth union
        "chính sách xã hội",  // social policy (bank)
        "kiểm soát bệnh tật",  // disease control
        "phục vụ hành chính công",  // public administrative services
        "dịch vụ việc làm",  // employment services (centre)
        "trợ giúp pháp lý nhà nước",  // state legal aid (centre)
        "trợ giúp pháp lý",  // legal aid (centre)
        "xúc tiến đầu tư, thương mại và du lịch",  // investment, trade and tourism promotion
        "xúc tiến đầu tư và thương mại",  // investment and trade promotion
        "xúc tiến đầu tư",  // investment promotion
        "công nghệ thông tin và truyền thông",  // information and communication technology
        "nội vụ",  // home affairs
        "tư pháp",  // justice
        "tài chính",  // finance
        "y tế",  // health
        "xây dựng",  // construction
        "ngoại vụ",  // foreign affairs
    ]

    /// Nouns of a collective after `các` (`các sở, ban, ngành`, `các cơ quan, đơn vị`).
    static let groupNouns: [String] = [
        "cơ quan chuyên môn",  // specialized agencies
        "tổ chức chính trị - xã hội",  // socio-political organizations
        "đoàn thể chính trị - xã hội",  // socio-political mass organizations
        "cơ quan",  // agencies
        "đơn vị",  // units
        "địa phương",  // localities
        "sở ngành",  // departments and branches
        "sở",  // departments
        "ban ngành",  // boards and branches
        "ban",  // boards
        "ngành",  // branches
        "bộ ngành",  // ministries and branches
        "bộ",  // ministries
        "phòng ban",  // offices and boards
        "phòng",  // offices
        "hội đoàn thể",  // associations and mass organizations
        "đoàn thể",  // mass organizations
        "hội",  // associations
        "tổ chức",  // organizations
        "ủy ban",  // committees
        "huyện",  // districts
        "thị xã",  // towns
        "thành phố",  // cities
        "xã",  // communes
        "phường",  // wards
        "thị trấn",  // townships
        "quận",  // urban districts
        "trường",  // schools
        "nhà trường",  // schools
        "doanh nghiệp",  // enterprises
        "cơ sở",  // establishments
        "thành viên",  // members
        "tổ đại biểu",  // groups of deputies
        "đại biểu",  // deputies
        "lực lượng",  // forces
        "cấp ủy",  // party committees
        "chủ đầu tư",  // investors
        "trung tâm",  // centres
        "chi cục",  // sub-departments
        "bệnh viện",  // hospitals
        "trạm y tế",  // health stations
        "thôn",  // villages
        "tổ dân phố",  // residential groups
        "khu dân cư",  // residential areas
    ]

    /// Words after a collective or a name that still belong to it (`… liên quan`, `… thuộc
    /// Sở`, `… trên địa bàn tỉnh`, `… cấp huyện`).
    static let qualifiers: [String] = [
        "có liên quan",  // concerned
        "liên quan",  // concerned
        "trực thuộc",  // directly under
        "thuộc",  // under
        "chuyên môn",  // specialized
        "nghiệp vụ",  // professional
        "chức năng",  // functional
        "trên địa bàn",  // in the area of
        "cấp tỉnh",  // provincial
        "cấp huyện",  // district
        "cấp xã",  // commune
        "các cấp",  // at every level
        "thành viên",  // member
        "là thành viên",  // that are members of
    ]

    /// Place words a name may end with (`Sở Y tế tỉnh`, `UBND các huyện, thị xã, thành phố`).
    static let places: [String] = [
        "thị xã",  // town
        "thành phố",  // city
        "thị trấn",  // township
        "tỉnh",  // province
        "huyện",  // district
        "xã",  // commune
        "phường",  // ward
        "quận",  // urban district
        "khu vực",  // region
        "trung ương",  // central
    ]

    /// Words that start like a head but do not start a name (`Ban hành`, `Tổ chức`, `Báo cáo`,
    /// `Bộ chỉ số`, `Đội ngũ`).
    static let notHeads: [String] = [
        "ban hành",  // to issue
        "tổ chức",  // to organize
        "báo cáo",  // report
        "trường hợp",  // case
        "hội nghị",  // conference
        "hội thảo",  // workshop
        "hội thi",  // contest
        "hội đồng nhân dân giao",  // "as the council assigned"
        "sở hữu",  // ownership
        "bộ chỉ số",  // index set
        "bộ tiêu chí",  // criteria set
        "bộ thủ tục",  // procedure set
        "bộ máy",  // apparatus
        "đội ngũ",  // staff
        "đơn vị hành chính",  // administrative unit
        "cơ quan hành chính nhà nước",  // state administrative agencies
        "văn phòng phẩm",  // stationery
        "trung tâm dữ liệu",  // data centre (a system, not a unit)
        "vụ việc",  // case
        "đài tưởng niệm",  // memorial
        "báo chí",  // press
        "trạm bơm",  // pumping station
    ]

    /// Nouns inside a name whose last word alone is a duty verb (`Công ty … Khai thác công trình
    /// thủy lợi`: `trình` also means to submit): the name goes on through them.
    static let compoundNouns: [String] = [
        "công trình",  // works, structures
        "chương trình",  // programme
        "quy trình",  // procedure
        "lộ trình",  // roadmap
    ]

    /// The words every unit phrase is looked up by: first word → phrases starting with it,
    /// longest first.
    static let headIndex = PhraseIndex(heads)
    static let fieldIndex = PhraseIndex(fields)
    static let groupIndex = PhraseIndex(groupNouns)
    static let qualifierIndex = PhraseIndex(qualifiers)
    static let placeIndex = PhraseIndex(places)
    static let notHeadIndex = PhraseIndex(notHeads)
    static let compoundIndex = PhraseIndex(compoundNouns)

    /// Each dashed field cut at each of its dashes: the words before (as bytes, lowercase) and
    /// after it (`tài chính` | `kế hoạch`).
    static let dashCuts: [(before: [UInt8], after: [UInt8])] = fields.flatMap { field -> [([UInt8], [UInt8])] in
        let bytes = Array(field.utf8)
        var cuts: [([UInt8], [UInt8])] = []
        for k in bytes.indices.dropFirst().dropLast(2) where bytes[k - 1] == 0x20 && bytes[k] == UInt8(ascii: "-") && bytes[k + 1] == 0x20 {
            cuts.append((Array(bytes[..<(k - 1)]), Array(bytes[(k + 2)...])))
        }
        return cuts
    }

    /// Whether a line that ends with `previous` and a line `- next` are one unit's dashed name
    /// cut at its dash by a hard wrap (`… phối hợp với Phòng Tài chính` / `- Kế hoạch bố trí …`):
    /// `previous` ends with a dashed field's words before a dash, `next` starts with the rest.
    static func isCutAtDash(previous: UnsafeBufferPointer<UInt8>, next: UnsafeBufferPointer<UInt8>) -> Bool {
        // Only the ends are compared: a field is at most a few dozen bytes.
        let tail = VietnameseText.lowercased(UnsafeBufferPointer(rebasing: previous[max(0, previous.count - 64)...]))
        let head = VietnameseText.lowercased(UnsafeBufferPointer(rebasing: next[..<min(next.count, 96)]))
        for cut in dashCuts where tail.count >= cut.before.count && head.starts(with: cut.after) {
            let start = tail.count - cut.before.count
            guard tail[start...].elementsEqual(cut.before), start == 0 || tail[start - 1] == 0x20 else { continue }
            if head.count == cut.after.count || [0x20, 0x2C, 0x3B, 0x2E].contains(head[cut.after.count]) { return true }
        }
        return false
    }
}

/// Phrases looked up by their first word; the longest match wins.
///
/// Flat and hashed: every word is the FNV-1a hash of its lowercase bytes (with the old tone
/// placement as an alternate), the phrases starting with one word sit together in `order`,
/// longest first, and an open-addressing table finds them by that first word — a lookup
/// compares integers, copies nothing and touches no reference counts.
struct PhraseIndex {
    private struct Slot {
        var key: UInt64 = 0
        var start: Int32 = 0
        var count: Int32 = 0
    }

    private var parts: [Phrase.Word] = []
    private var phraseParts: [Range<Int32>] = []
    private var order: [Int32] = []
    private var slots: [Slot]
    private let mask: Int
    /// The most parts (words and separators) of any phrase: a match from a word reads no more
    /// tokens than that, so a text split up to that many tokens (``TextWords/init(_:tokenLimit:)``)
    /// matches at its first token as the whole text does.
    private(set) var maxParts = 0

    init(_ phrases: [String]) {
        // Every spelling of every phrase's first word, with the phrase's number and length,
        // sorted by the word's hash: the phrases of one first word together, longest first
        // (no table of arrays is made for the groups).
        var firsts: [(key: UInt64, phrase: Int32, length: Int32)] = []
        var parts: [Phrase.Word] = []
        for p in phrases {
            let start = Int32(parts.count)
            Phrase.forEachPart(of: p) { parts.append($0) }
            let number = Int32(phraseParts.count)
            phraseParts.append(start..<Int32(parts.count))
            maxParts = Swift.max(maxParts, parts.count - Int(start))
            guard Int(start) < parts.count, !parts[Int(start)].isSeparator else { continue }
            let first = parts[Int(start)]
            let length = Int32(parts.count) - start
            firsts.append((first.spelling, number, length))
            if first.alternate != first.spelling { firsts.append((first.alternate, number, length)) }
        }
        self.parts = parts
        firsts.sort { $0.key != $1.key ? $0.key < $1.key : $0.length > $1.length }
        var keys = 0
        for k in firsts.indices where k == 0 || firsts[k].key != firsts[k - 1].key { keys += 1 }
        var size = 16
        while size < keys * 4 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        order.reserveCapacity(firsts.count)
        var k = 0
        while k < firsts.count {
            let key = firsts[k].key
            let begin = k
            while k < firsts.count, firsts[k].key == key {
                order.append(firsts[k].phrase)
                k += 1
            }
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot].count != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key, start: Int32(begin), count: Int32(k - begin))
        }
    }

    /// The end of the longest phrase starting at word `i`, or `nil`.
    @inline(__always)
    func longestMatch(in words: TextWords, at i: Int) -> Int? {
        guard i < words.count, words[i].kind == .word, let group = slot(words[i].hash) else { return nil }
        var best: Int?
        for k in Int(group.start)..<Int(group.start + group.count) {
            if let end = matchEnd(Int(order[k]), in: words, at: i), end > (best ?? i) { best = end }
        }
        return best
    }

    func contains(firstWord: [UInt8]) -> Bool { slot(TextWords.hash(firstWord)) != nil }

    func contains(firstWord: UnsafeBufferPointer<UInt8>) -> Bool { slot(TextWords.hash(firstWord)) != nil }

    @inline(__always)
    private func slot(_ key: UInt64) -> Slot? {
        var s = Int(truncatingIfNeeded: key) & mask
        while true {
            let e = slots[s]
            if e.count == 0 { return nil }
            if e.key == key { return e }
            s = (s + 1) & mask
        }
    }

    /// Where phrase `p` ends when its words follow each other from word `i`; a separator of the
    /// phrase is optional in the text, punctuation the phrase does not have ends the match.
    @inline(__always)
    private func matchEnd(_ p: Int, in words: TextWords, at i: Int) -> Int? {
        var k = i
        let range = phraseParts[p]
        for n in Int(range.lowerBound)..<Int(range.upperBound) {
            let part = parts[n]
            if part.isSeparator {
                if k < words.count, words[k].kind == .comma || words[k].kind == .dash { k += 1 }
                continue
            }
            guard k < words.count else { return nil }
            let t = words[k]
            guard t.kind == .word, t.hash == part.spelling || t.hash == part.alternate else { return nil }
            k += 1
        }
        return k
    }
}
