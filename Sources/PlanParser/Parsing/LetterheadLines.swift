/// Letterhead lines as web pages render them: a portal's metadata block (`| Số hiệu |
/// 0155/KH-UBND |`, `Ngày ban hành 29/03/2024`), the kind in the number's code (`/QĐ-`, a
/// letter's `/UBND-VX`), the kind word split over two lines, the subject line of a letter
/// (`V/v …`), the national motto cut over lines, a place cut over lines, and the lines that end
/// a title (the preamble's first words, the signing authority).
enum LetterheadLines {
    /// A field of a portal's metadata block.
    enum MetaKey: Equatable {
        case number, kind, date, issuer, signer, title, other
    }

    /// A metadata key's lowercase words. A struct, not a tuple: each generic type (an array
    /// of tuples is one) costs the runtime a metadata lookup by name in every process.
    struct MetaEntry {
        var words: [UInt8]
        var key: MetaKey

        init(_ words: String, _ key: MetaKey) {
            self.words = Array(words.utf8)
            self.key = key
        }
    }

    /// Keys of a metadata block, lowercase; the first that matches decides.
    static let metaKeys: [MetaEntry] = [
        MetaEntry("số ký hiệu", .number),  // "reference number"
        MetaEntry("số hiệu", .number),  // "number"
        MetaEntry("ký hiệu", .number),  // "code"
        MetaEntry("loại văn bản", .kind),  // "document type"
        MetaEntry("thể loại", .kind),  // "category"
        MetaEntry("ngày ban hành", .date),  // "date of issue"
        MetaEntry("cơ quan ban hành", .issuer),  // "issuing body"
        MetaEntry("nơi ban hành", .issuer),  // "issuing body"
        MetaEntry("người ký", .signer),  // "signed by"
        MetaEntry("trích yếu", .title),  // "abstract"
        MetaEntry("lĩnh vực", .other),  // "field"
        MetaEntry("ngày hiệu lực", .other),  // "effective date"
        MetaEntry("ngày có hiệu lực", .other),  // "effective date"
        MetaEntry("tình trạng", .other),  // "status"
        MetaEntry("cấp ban hành", .other),  // "level"
        MetaEntry("chức vụ", .other),  // "position"
        MetaEntry("ngày đăng", .other),  // "posted on"
        MetaEntry("tệp đính kèm", .other),  // "attachment"
    ]

    /// Document-type codes in a number (`12/KH-UBND`, `208-KH/TU`) → the kind as printed on a
    /// kind line. A number whose code names no kind (`3391/UBND-VX`) is an official letter's.
    static let kindCodes: [String: String] = [
        "KH": "KẾ HOẠCH",  // plan
        "QĐ": "QUYẾT ĐỊNH",  // decision
        "BC": "BÁO CÁO",  // report
        "TB": "THÔNG BÁO",  // notice
        "CV": "CÔNG VĂN",  // official letter
        "CT": "CHỈ THỊ",  // directive
        "NQ": "NGHỊ QUYẾT",  // resolution
        "CTr": "CHƯƠNG TRÌNH",  // programme
        "CTR": "CHƯƠNG TRÌNH",  // programme
        "ĐA": "ĐỀ ÁN",  // scheme
        "HD": "HƯỚNG DẪN",  // guidance
        "TTr": "TỜ TRÌNH",  // submission
        "KL": "KẾT LUẬN",  // conclusion
        "QC": "QUY CHẾ",  // regulation
        "CĐ": "CÔNG ĐIỆN",  // telegram
    ]

    /// Words a preamble opens with: a line that starts with one ends the title above it.
    static let preambleOpeners: [[UInt8]] = [
        "thực hiện", "căn cứ", "nhằm", "để ", "theo ", "ngày ", "kính gửi", "trên cơ sở", "sau khi", "xét ",
        "vừa qua", "thời gian qua", "hiện nay", "trong thời gian", "qua ", "triển khai thực hiện",
    ].map { Array($0.utf8) }

    /// Words of a signing authority's line (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`), which follows a
    /// decision's title.
    static let authorities: [[UInt8]] = [
        "chủ tịch", "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "giám đốc", "bộ trưởng",
        "thủ tướng", "ban thường vụ", "ban chấp hành", "trưởng ban", "chánh văn phòng", "tổng cục trưởng",
        "cục trưởng",
    ].map { Array($0.utf8) }

    /// Words of the national motto (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do -
    /// Hạnh phúc`), in any of its pieces.
    static let motto: [[UInt8]] = [
        "cộng hòa", "cộng hoà", "chủ nghĩa việt nam", "xã hội chủ nghĩa", "độc lập", "tự do", "hạnh phúc",
    ].map { Array($0.utf8) }

    /// `V/v …`, `Về việc …`: a letter's subject.
    static let subjectPrefixes: [[UInt8]] = ["v/v", "về việc", "v/việc"].map { Array($0.utf8) }

    /// The first bytes of the keys.
    static let metaKeyOpeners = metaKeys.compactMap { $0.words.first }

    /// The metadata key a lowercased line (or first cell) starts with, and where its value starts.
    static func metaKey<Lower: RandomAccessCollection<UInt8>>(_ lower: Lower) -> (MetaKey, Int)? where Lower.Index == Int {
        for entry in metaKeys where lower.starts(with: entry.words) {
            let (words, key) = (entry.words, entry.key)
            var j = words.count
            if j < lower.count, lower[j] != 0x20, lower[j] != UInt8(ascii: ":"), lower[j] != UInt8(ascii: "|"), lower[j] != 0x09 {
                continue
            }
            while j < lower.count, lower[j] == 0x20 || lower[j] == UInt8(ascii: ":") || lower[j] == UInt8(ascii: "|") || lower[j] == 0x09 {
                j += 1
            }
            return (key, j)
        }
        return nil
    }

    /// The kind a document number's code names (`12/KH-UBND` → `KẾ HOẠCH`); `CÔNG VĂN` for a
    /// code of issuer letters only (`3391/UBND-VX`); `nil` when the number has no code.
    static func kind(ofNumber number: String) -> String? {
        let u = Array(number.utf8)
        var i = 0
        while i < u.count, u[i] == 0x20 { i += 1 }
        // Digits and an optional `/year`; a number left blank (`/KH-UBND`) has none.
        while i < u.count, u[i] >= 0x30, u[i] <= 0x39 { i += 1 }
        if i + 5 < u.count, u[i] == UInt8(ascii: "/"), u[(i + 1)..<(i + 5)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { i += 5 }
        guard i < u.count, u[i] == UInt8(ascii: "/") || u[i] == UInt8(ascii: "-") else { return nil }
        let rest = String(decoding: u[(i + 1)...], as: UTF8.self)
        let parts = rest.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " }).map(String.init)
        guard let first = parts.first, !first.isEmpty else { return nil }
        // `12/KH-UBND`, and `208-KH/TU` (the code before the slash).
        if let kind = kindCodes[first] { return kind }
        let isCode = first.unicodeScalars.allSatisfy { VietnameseText.isUppercase($0.value) || $0 == "&" }
        return isCode && parts.count >= 2 ? "CÔNG VĂN" : nil
    }

    static func startsWithAny(_ lower: [UInt8], _ list: [[UInt8]]) -> Bool {
        list.contains { lower.starts(with: $0) }
    }

    static func containsAny(_ lower: [UInt8], _ list: [[UInt8]]) -> Bool {
        list.contains { ByteSearch.find(lower, $0) != nil }
    }
}

extension FrameParser {
    /// The metadata key and value of a line of a portal's metadata block (a `| Key | Value |`
    /// row or a `Key value` line), or `nil`.
    func metadata(_ t: LineToken) -> (LetterheadLines.MetaKey, Range<Int32>)? {
        guard t.kind == .text || t.kind == .tableRow, t.line.count < 400 else { return nil }
        let isRow = t.kind == .tableRow || containsPipe(t)
        let first = isRow ? (cells(t).first ?? t.content) : t.content
        // A line opening with an ASCII byte that no key opens with (lowercased as `folded` does)
        // is no field, known without folding it: asked of every header line.
        guard !first.isEmpty else { return nil }
        let opener = source.storage[Int(first.lowerBound)]
        if opener < 0x80, !LetterheadLines.metaKeyOpeners.contains(opener &+ ((opener &- 0x41) < 26 ? 0x20 : 0)) { return nil }
        // Folded into a temporary buffer, not a new array: the same bytes as `folded` when the
        // line is valid UTF-8 (lowercasing keeps every scalar's length), `folded` itself otherwise.
        let found: (key: LetterheadLines.MetaKey, valueStart: Int, count: Int)? = source.storage.withUnsafeBufferPointer { storage in
            let bytes = UnsafeBufferPointer(rebasing: storage[Int(first.lowerBound)..<Int(first.upperBound)])
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
                if VietnameseText.lowercase(bytes, into: out) {
                    return LetterheadLines.metaKey(UnsafeBufferPointer(rebasing: out[0..<bytes.count])).map { ($0.0, $0.1, bytes.count) }
                }
                let lower = folded(first)
                return LetterheadLines.metaKey(lower).map { ($0.0, $0.1, lower.count) }
            }
        }
        guard let (key, valueStart, lowerCount) = found else { return nil }
        if isRow {
            let all = cells(t)
            if valueStart < lowerCount {
                return (key, (first.lowerBound + Int32(valueStart))..<first.upperBound)
            }
            guard all.count >= 2 else { return nil }
            return (key, all[1])
        }
        // `Ngày ban hành 29/03/2024`, `Số hiệu: 0155/KH-UBND`; a sentence is no field.
        guard valueStart < lowerCount, t.line.count < 160 else { return nil }
        return (key, (first.lowerBound + Int32(valueStart))..<first.upperBound)
    }

    /// Whether `text` (lowercased, `ngày` at `dayWord`) is a place-date line, not a closing note
    /// (`(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)`) or a portal field (`Ngày ban hành …`).
    func isPlaceDate(_ text: [UInt8], dayWord: Int) -> Bool {
        if text.first == UInt8(ascii: "(") { return false }
        let place = text[..<dayWord]
        if place.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return false }
        if ByteSearch.find(Array(place), Array("số ".utf8)) != nil { return false }
        if place.filter({ $0 == 0x20 }).count > 8 { return false }
        // After `ngày` comes the day, a blank or a placeholder: never another word.
        var j = dayWord + "ngày".utf8.count
        while j < text.count, text[j] == 0x20 { j += 1 }
        guard j < text.count else { return true }
        let b = text[j]
        return (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ".") || b == 0xE2
            || b == UInt8(ascii: "t") || b == UInt8(ascii: "/") || b == UInt8(ascii: "_")
    }

    /// `Bà Rịa - Vũng` / `Tàu, ngày …`: the line before a place-date line that holds the start of
    /// its place.
    func placeStart(before i: Int) -> Int? {
        guard i > 0 else { return nil }
        let t = source.tokens[i]
        let p = source.tokens[i - 1]
        guard !t.afterBlank, p.kind == .text, p.keyword == .none, p.line.count < 40, metadata(p) == nil else { return nil }
        let text = source.bytes(p.content)
        let lower = folded(p.content)
        guard !text.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), !TextShape.isUppercase(text),
            !LetterheadLines.containsAny(lower, LetterheadLines.motto),
            !LetterheadLines.startsWithAny(lower, LetterheadLines.subjectPrefixes),
            let lastByte = text.last, ![UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":")].contains(lastByte)
        else { return nil }
        // The place-date line starts with the rest of the place: a word or two, capitalized.
        let own = source.bytes(t.content)
        guard let comma = own.firstIndex(of: UInt8(ascii: ",")) else { return nil }
        let piece = own[own.startIndex..<comma]
        guard piece.filter({ $0 == 0x20 }).count <= 1, let first = TextShape.firstScalar(piece), VietnameseText.isUppercase(first)
        else { return nil }
        return i - 1
    }

    /// A kind word over two lines at `i` (`QUYẾT` / `ĐỊNH`, `KẾ` / `HOẠCH …`): the kind and where
    /// it ends in the second line.
    func splitKind(at i: Int, stop: Int) -> (String, Int32)? {
        guard i + 1 < stop else { return nil }
        let t = source.tokens[i]
        let n = source.tokens[i + 1]
        guard t.kind == .text, n.kind == .text, t.content.count <= 24 else { return nil }
        let a = source.bytes(t.content)
        guard TextShape.isUppercase(a), TextShape.hasLetters(a) else { return nil }
        let b = source.bytes(n.content)
        let joined = Array(a) + [0x20] + Array(b)
        for kind in FrameParser.kinds where kind.count > a.count + 1 && joined.starts(with: kind) {
            let inSecond = kind.count - a.count - 1
            guard inSecond == b.count || b[b.startIndex + inSecond] == 0x20 else { continue }
            return (String(decoding: kind, as: UTF8.self), n.content.lowerBound + Int32(inSecond))
        }
        return nil
    }

    /// Whether title line `t` is no title: the preamble's first words (`Thực hiện …`) or the
    /// signing authority (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`, an uppercase line after a
    /// sentence-case title).
    func endsTitle(_ t: LineToken, afterSentenceCase: Bool) -> Bool {
        let lower = folded(t.content)
        if LetterheadLines.startsWithAny(lower, LetterheadLines.preambleOpeners) { return true }
        let text = source.bytes(t.content)
        guard TextShape.isUppercase(text), TextShape.hasLetters(text) else { return false }
        return afterSentenceCase || LetterheadLines.startsWithAny(lower, LetterheadLines.authorities)
    }

    /// A letter's title: its subject line (`V/v …`, also as a letterhead row's first cell) with
    /// the lines that continue it, else a short line right after the number or date line.
    func subjectTokens(stop: Int, after: Int?) -> [Int] {
        let tokens = source.tokens
        for i in 0..<stop where metadata(tokens[i]) == nil && (tokens[i].kind == .text || tokens[i].kind == .tableRow) {
            let t = tokens[i]
            let r = t.kind == .tableRow || containsPipe(t) ? (cells(t).first ?? t.content) : t.content
            guard LetterheadLines.startsWithAny(folded(r), LetterheadLines.subjectPrefixes) else { continue }
            var result = [i]
            var j = i + 1
            // `V/v triển khai các giải pháp bảo đảm trật tự` / `an toàn giao thông …`
            while j < stop, tokens[j].kind == .text, tokens[j].keyword == .none, !tokens[j].afterBlank,
                let s = TextShape.firstScalar(source.bytes(tokens[j].content)), VietnameseText.isLowercase(s)
            {
                result.append(j)
                j += 1
            }
            return result
        }
        guard let a = after, a + 1 < stop else { return [] }
        let t = tokens[a + 1]
        guard t.kind == .text, t.keyword == .none, t.fieldRole == nil, metadata(t) == nil, t.content.count <= 500 else { return [] }
        let text = source.bytes(t.content)
        let lower = folded(t.content)
        guard let lastByte = text.last, lastByte != UInt8(ascii: "."), lastByte != UInt8(ascii: ":"),
            !text.contains(UInt8(ascii: ":")), !TextShape.isUppercase(text),
            !LetterheadLines.startsWithAny(lower, LetterheadLines.preambleOpeners),
            !LetterheadLines.containsAny(lower, LetterheadLines.motto)
        else { return [] }
        return [a + 1]
    }

    /// The longest kind's length in bytes.
    static let longestKind = FrameParser.kinds.reduce(0) { max($0, $1.count) }

    /// A web page's own title above the letterhead: a first line in sentence case that opens with
    /// a kind word (`Kế hoạch …`, `Quyết định …`).
    func portalTitle(stop: Int) -> Int? {
        guard stop > 0 else { return nil }
        let t = source.tokens[0]
        guard t.kind == .text, t.keyword == .none, t.content.count <= 1000 else { return nil }
        let text = source.bytes(t.content)
        guard !TextShape.isUppercase(text) else { return nil }
        return Self.opensWithKind(text) ? 0 : nil
    }

    /// Whether `text` uppercased opens with a kind word followed by a space or the end, as
    /// ``opensWithKindByUppercasing(_:)`` says. Only a prefix is uppercased: `uppercased()` maps
    /// scalar by scalar (each scalar's `uppercaseMapping`, ASCII to ASCII), so the uppercase of
    /// the first scalars is the first bytes of the whole line's; it stops once no kind can match
    /// them or they cover the longest kind and the byte after it. Uppercasing a whole first line
    /// (up to 1,000 bytes) by `String` cost ~50 K instructions per web-portal plan.
    static func opensWithKind(_ text: ArraySlice<UInt8>) -> Bool {
        var upper: [UInt8] = []
        upper.reserveCapacity(Self.longestKind + 8)
        var consumedAll = true
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            if upper.count > Self.longestKind || !FrameParser.kinds.contains(where: { Self.agree($0, upper) }) {
                consumedAll = false
                break
            }
            let v = scalar.value
            if v < 0x80 {
                upper.append(UInt8(v) &- ((UInt8(v) &- 0x61) < 26 ? 0x20 : 0))
            } else {
                upper.append(contentsOf: scalar.properties.uppercaseMapping.utf8)
            }
        }
        for kind in FrameParser.kinds where upper.starts(with: kind) {
            if upper.count > kind.count ? upper[kind.count] == 0x20 : consumedAll && upper.count == kind.count { return true }
        }
        return false
    }

    /// Whether one of `kind` and `upper` starts with the other.
    private static func agree(_ kind: [UInt8], _ upper: [UInt8]) -> Bool {
        upper.count <= kind.count ? kind.starts(with: upper) : upper.starts(with: kind)
    }

    /// The reference for ``opensWithKind(_:)``: the whole text uppercased by `String`.
    static func opensWithKindByUppercasing(_ text: ArraySlice<UInt8>) -> Bool {
        let upper = Array(String(decoding: text, as: UTF8.self).uppercased().utf8)
        return FrameParser.kinds.contains { kind in upper.starts(with: kind) && (upper.count == kind.count || upper[kind.count] == 0x20) }
    }
}

extension FrameParser {
    /// The closing block written as table rows: from a row whose first cell is `Nơi nhận`
    /// through the rows of recipients (`- …`), signer titles and the signer's name.
    func closingRows(from start: Int, to end: Int) -> Range<Int>? {
        let tokens = source.tokens
        guard let first = (start..<end).first(where: { i in
            (tokens[i].kind == .tableRow || containsPipe(tokens[i])) && cells(tokens[i]).first.map { folded($0).starts(with: Self.recipientsWord) } == true
        }) else { return nil }
        var j = first + 1
        while j < end {
            let t = tokens[j]
            guard t.kind == .tableRow || containsPipe(t) else { break }
            let cs = cells(t)
            let fits = cs.allSatisfy { c in
                let b = source.bytes(c)
                return b.first == UInt8(ascii: "-") || b.first == UInt8(ascii: "+") || isSignatureTitle(c)
                    || TextShape.isPersonName(b) || isSignedNoteText(c)
            }
            guard fits else { break }
            j += 1
        }
        return first..<j
    }

    /// `(Đã ký)`, `[daky]` in a cell.
    func isSignedNoteText(_ r: Range<Int32>) -> Bool {
        let f = folded(r)
        return r.count < 40 && (f.first == UInt8(ascii: "(") || f.first == UInt8(ascii: "["))
            && (ByteSearch.find(f, Array("ký".utf8)) != nil || ByteSearch.find(f, Array("daky".utf8)) != nil)
    }

    static let recipientsWord = Array("nơi nhận".utf8)  // "recipients"
}
