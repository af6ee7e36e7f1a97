/// A syllable that Vietnamese time texts are built from, recognized by its skeleton
/// (lowercase, diacritics removed), so `Hằng`, `hàng` and `HẰNG` are all ``every``.
///
/// Vietnamese writes one syllable per word, so compound words (`thường xuyên`, `định kỳ`)
/// are two tokens and the parser checks the pair. Skeletons merge a few words (`quý`
/// quarter and `quy` rule, `ngày` day and `ngay` right away, `sáu` six and `sau` after);
/// the parser tells them apart by the word that follows or by ``TimeToken/isASCII``.
enum TimeWord: UInt8, Sendable {
    case other
    case month  // tháng
    case quarter  // quý (also quy, "rule", as in "quy định")
    case year  // năm
    case day  // ngày (also ngay, "right away")
    case week  // tuần
    case within  // trong
    case from  // từ
    case until  // đến
    case stage  // giai (giai đoạn: "period of years")
    case stageTail  // đoạn
    case usual  // thường (thường xuyên: "regularly")
    case through  // xuyên
    case linked  // liên (liên tục: "continuously")
    case continued  // tục
    case every  // hằng / hàng
    case fixed  // định (định kỳ: "periodically")
    case term  // kỳ
    case slow  // chậm (chậm nhất: "at the latest")
    case late  // muộn (muộn nhất: "at the latest")
    case most  // nhất
    case before  // trước
    case when  // khi
    case after  // sau ("after"); sáu ("six") has the same skeleton
    case following  // theo ("according to")
    case pass  // quá (quá trình: "process")
    case course  // trình
    case start  // đầu ("beginning", 6 tháng đầu năm)
    case end  // cuối ("end", 6 tháng cuối năm)
    case whole  // cả (cả năm: "the whole year")
    case and  // và
    case or  // hoặc
    case at  // vào
    case be  // là
    case sudden  // đột (đột xuất: "ad hoc")
    case out  // xuất
    case endOf  // hết (đến hết: "until the end of")
    case now  // nay
    case number  // số ("number", opens a citation: Quyết định số 12/QĐ-UBND)
    case watch  // dõi (theo dõi: "monitor", not "according to")
    case next  // tiếp (tiếp theo: "next")
    case attached  // kèm (kèm theo: "attached")
    case depending  // tùy / tuỳ (tùy theo: "depending on")
    case base  // căn (căn cứ: "based on")
    case basis  // cứ
    case whenIf  // nếu ("if")
    case of  // của
    case half  // nửa ("half", nửa năm: "half a year")
    case plan  // kế (kế hoạch: "plan")
    case planTail  // hoạch
    case current  // hiện (hiện hành: "in force")
    case located  // tại ("at", theo quy định tại: "as set out in")

    /// Finds the word for a skeleton packed by ``pack(_:)``; `.other` when it is no keyword.
    /// Fetch once per text (``table``) and pass it in: reading a static costs a
    /// once-check on every access.
    @inline(__always)
    static func lookup(_ packed: UInt64, in table: Table) -> TimeWord {
        var slot = slot(of: packed)
        while true {
            let key = table.keys[slot]
            if key == packed { return table.words[slot] }
            if key == 0 { return .other }
            slot = (slot + 1) & (tableSize - 1)
        }
    }

    /// The keyword hash table: open addressing with linear probing, a few times more slots
    /// than keywords, so a lookup is one or two probes instead of a scan of every keyword.
    struct Table: Sendable {
        var keys: [UInt64]
        var words: [TimeWord]
    }

    /// Packs up to eight lowercase ASCII letters, first letter in the lowest byte.
    static func pack(_ skeleton: String) -> UInt64 {
        var packed: UInt64 = 0
        for (i, b) in skeleton.utf8.prefix(8).enumerated() { packed |= UInt64(b) << (8 * UInt64(i)) }
        return packed
    }

    /// Skeletons of the keywords; the cases above give each word's meaning.
    private static let skeletons: [(String, TimeWord)] = [
        ("thang", .month), ("quy", .quarter), ("qui", .quarter), ("nam", .year), ("ngay", .day),
        ("tuan", .week), ("trong", .within), ("tu", .from), ("den", .until), ("giai", .stage),
        ("doan", .stageTail), ("thuong", .usual), ("xuyen", .through), ("lien", .linked),
        ("tuc", .continued), ("hang", .every), ("dinh", .fixed), ("ky", .term), ("ki", .term),
        ("cham", .slow), ("muon", .late), ("nhat", .most), ("truoc", .before), ("khi", .when),
        ("sau", .after), ("theo", .following), ("qua", .pass), ("trinh", .course),
        ("dau", .start), ("cuoi", .end), ("ca", .whole), ("va", .and), ("hoac", .or),
        ("vao", .at), ("la", .be), ("dot", .sudden), ("xuat", .out), ("het", .endOf),
        ("nay", .now), ("so", .number), ("doi", .watch), ("tiep", .next), ("kem", .attached),
        ("tuy", .depending), ("can", .base), ("cu", .basis), ("neu", .whenIf), ("cua", .of),
        ("nua", .half), ("ke", .plan), ("hoach", .planTail), ("hien", .current), ("tai", .located),
    ]

    private static let tableSize = 256

    @inline(__always)
    private static func slot(of packed: UInt64) -> Int {
        Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 56) & (tableSize - 1)
    }

    static let table: Table = {
        var keys = [UInt64](repeating: 0, count: tableSize)
        var words = [TimeWord](repeating: .other, count: tableSize)
        for (skeleton, word) in skeletons {
            var slot = slot(of: pack(skeleton))
            while keys[slot] != 0 { slot = (slot + 1) & (tableSize - 1) }
            keys[slot] = pack(skeleton)
            words[slot] = word
        }
        return Table(keys: keys, words: words)
    }()
}
