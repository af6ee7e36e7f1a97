/// Reads unit names in running text with the ``UnitLexicon``: where a name starts, where it
/// ends, and how a list of them is joined (`Sở Tài nguyên và Môi trường, Công an tỉnh và các
/// đơn vị liên quan` is three names).
///
/// A name is a head (`Sở`, `UBND`, `Thủ trưởng`), a field from the lexicon (`Văn hóa, Thể thao
/// và Du lịch`), then its own words: capitalized words, lowercase name words and places
/// (`tỉnh`, `huyện Đức Trọng`), until a word that ends a name (`stops`: a duty verb such as
/// `chủ trì`, `tổ chức`, or a function word such as `có`, `theo`), a punctuation mark, or —
/// after a place — any lowercase word. A collective (`các sở, ban, ngành`, `các cơ quan, đơn
/// vị có liên quan`) is read as one name.
struct UnitNameReader {
    let words: TextWords
    /// Phrases that end a name (verbs and function words), besides punctuation.
    let stops: [PhraseIndex]

    /// Longest name, in words, after the head (a runaway guard).
    static let maxNameWords = 16

    // MARK: - Lists

    /// Names joined by `,`, `;`, `và`, `cùng`, `/` from token `i`: their token ranges and the end.
    func names(at i: Int) -> (names: [Range<Int>], end: Int)? {
        guard let first = name(at: i) else { return nil }
        var names = [i..<first]
        var k = first
        while k < words.count {
            var next = k
            let kind = words[k].kind
            if kind == .comma || kind == .semicolon {
                next = k + 1
                if words.isWord(next, Self.and) { next += 1 }
            } else if words.isWord(k, Self.and) || words.isWord(k, Self.together) || words.isWord(k, Self.or) {
                next = k + 1
            } else if kind == .other, words.bytes[Int(words[k].start)] == UInt8(ascii: "/") {
                next = k + 1
            } else {
                break
            }
            guard let end = name(at: next) else { break }
            names.append(next..<end)
            k = end
        }
        return (names, k)
    }

    // MARK: - One name

    /// The end of the unit name starting at token `i`, or `nil` when none starts there.
    func name(at i: Int) -> Int? {
        guard i < words.count, words[i].kind == .word else { return nil }
        if UnitLexicon.notHeadIndex.longestMatch(in: words, at: i) != nil { return nil }
        if words.isWord(i, Self.all) { return group(at: i) }
        guard let headEnd = UnitLexicon.headIndex.longestMatch(in: words, at: i) else { return nil }
        let t = words[i]
        let head = Int(t.start)..<Int(words[headEnd - 1].end)
        // The head's sets are asked by hash first: most heads are in none of them, and its
        // bytes are copied out only for a set that may hold it.
        let headText = words.lower[head]
        let headHash = TextWords.hash(headText)
        guard t.capitalized || UnitLexicon.lowercaseHeads.contains(headText, hash: headHash) else { return nil }
        if Self.personHeads.contains(headText, hash: headHash)
            || Self.personHeads.contains(words.lower[Int(t.start)..<Int(t.end)], hash: t.hash)
        {
            // `Chủ tịch UBND tỉnh`, `Thủ trưởng các cơ quan, đơn vị`, `Giám đốc Sở Y tế`.
            if let end = name(at: headEnd) { return end }
            guard t.capitalized else { return nil }
            let end = tail(from: headEnd, start: i)
            return end > headEnd ? end : nil
        }
        var k = headEnd
        if let fieldEnd = UnitLexicon.fieldIndex.longestMatch(in: words, at: k) {
            k = fieldEnd
        } else if headText.elementsEqual(Self.office), let fieldEnd = Self.officeFields.longestMatch(in: words, at: k) {
            k = fieldEnd
        }
        if Self.verbHeads.contains(headText, hash: headHash), k == headEnd, k < words.count,
            !words[k].capitalized, UnitLexicon.placeIndex.longestMatch(in: words, at: k) == nil
        {
            // `Thanh tra việc …` (to inspect), not `Thanh tra tỉnh` (the inspectorate).
            return nil
        }
        let end = tail(
            from: k, start: i, openHead: k == headEnd && UnitLexicon.openHeads.contains(headText, hash: headHash), afterField: k > headEnd)
        // A bare `Sở`, `Phòng`, `Đoàn`: a word of the sentence more often than a name.
        if end == headEnd, Self.bareHeads.contains(headText, hash: headHash) { return nil }
        return end
    }

    /// The name's own words after its head (and field), up to where it ends.
    /// - Parameters:
    ///   - openHead: the head is a body's kind (`Tổ công tác`, `Ban quản lý`), which
    ///     lowercase words may follow (`Tổ công tác liên ngành`).
    ///   - afterField: a field of the lexicon ends at `start`; another field may follow it
    ///     (`Trung tâm Thông tin, thống kê, ứng dụng khoa học và công nghệ`).
    private func tail(from start: Int, start first: Int, openHead: Bool = false, afterField: Bool = false) -> Int {
        let headEnd = start
        var k = start
        var afterPlace = false
        var lastGood = k
        while k < words.count, k - first <= Self.maxNameWords {
            let t = words[k]
            switch t.kind {
            case .word:
                if t.numeric { return lastGood }
                if t.capitalized {
                    k += 1
                    lastGood = k
                    continue
                }
                if let end = UnitLexicon.placeIndex.longestMatch(in: words, at: k) {
                    k = end
                    lastGood = k
                    afterPlace = true
                    continue
                }
                if let end = UnitLexicon.qualifierIndex.longestMatch(in: words, at: k) {
                    k = qualified(from: end)
                    lastGood = k
                    continue
                }
                if words.isWord(k, Self.all), let end = placeList(at: k + 1) ?? groupTail(at: k) {
                    // `UBND các huyện, thị xã, thành phố`, `Phòng Giáo dục các huyện`.
                    k = end
                    lastGood = k
                    afterPlace = true
                    continue
                }
                if words.isWord(k, Self.and), k + 1 < words.count, words[k + 1].kind == .word, words[k + 1].capitalized,
                    !words[k + 1].allCaps, !afterPlace, UnitLexicon.headIndex.longestMatch(in: words, at: k + 1) == nil,
                    !isStop(k + 1)
                {
                    // `Trung tâm Ứng dụng và Dịch vụ …`: a field not in the lexicon.
                    k += 2
                    lastGood = k
                    continue
                }
                // After a place (`Công an tỉnh tổ chức …`) or right after the head (`Sở định kỳ …`),
                // a lowercase word is the sentence's, not the name's.
                // A field of the lexicon goes on the name even when its first word could end one
                // (`Ban Quản lý dự án giao thông tỉnh`: `giao` also assigns).
                // Right after a field, only one that cannot start a duty (`Sở Nội vụ xây dựng …`).
                if !afterPlace, k != headEnd || (afterField && !isStop(k)),
                    let end = UnitLexicon.fieldIndex.longestMatch(in: words, at: k)
                {
                    k = end
                    lastGood = k
                    continue
                }
                if afterPlace || (k == headEnd && !openHead) || isStop(k) { return lastGood }
                k += 1
                lastGood = k
            case .comma:
                if afterPlace, k > 0, words[k - 1].kind == .word, words[k - 1].capitalized, let end = placeName(after: k) {
                    // `UBND các huyện Phù Mỹ, Phù Cát`: more places of the same list.
                    k = end
                    lastGood = k
                    continue
                }
                // `Văn hóa, Thể thao` (a field not in the lexicon), never `, Sở …` (a new name).
                guard k + 1 < words.count, words[k + 1].kind == .word, words[k + 1].capitalized, !words[k + 1].allCaps,
                    UnitLexicon.headIndex.longestMatch(in: words, at: k + 1) == nil, !isStop(k + 1), !afterPlace
                else { return lastGood }
                k += 1
            case .dash:
                // `Phòng Hành chính - Tổng hợp`.
                guard k + 1 < words.count, words[k + 1].kind == .word, words[k + 1].capitalized,
                    UnitLexicon.headIndex.longestMatch(in: words, at: k + 1) == nil
                else { return lastGood }
                k += 1
            case .open:
                // `Văn phòng UBND tỉnh (qua Sở Nội vụ)`: a short parenthesis stays with the name.
                var j = k + 1
                while j < words.count, j - k < 16, words[j].kind != .close { j += 1 }
                guard j < words.count, words[j].kind == .close else { return lastGood }
                k = j + 1
                lastGood = k
            default:
                return lastGood
            }
        }
        return lastGood
    }

    /// After the comma at `k` in a list of places (`huyện Phù Mỹ, Phù Cát và Tây Sơn`): the end
    /// of the next proper name (one to three capitalized words that are no head), or `nil`.
    private func placeName(after k: Int) -> Int? {
        var j = k + 1
        if words.isWord(j, Self.and) { j += 1 }
        let start = j
        while j < words.count, j - start < 3, words[j].kind == .word, words[j].capitalized, !words[j].allCaps, !words[j].numeric,
            UnitLexicon.headIndex.longestMatch(in: words, at: j) == nil, !isStop(j)
        {
            j += 1
        }
        guard j > start else { return nil }
        if j < words.count, words[j].kind == .word, words[j].capitalized { return nil }
        return j
    }

    /// `các huyện, thị xã, thành phố`: places after `các`, joined by commas or `và`.
    private func placeList(at i: Int) -> Int? {
        guard var k = UnitLexicon.placeIndex.longestMatch(in: words, at: i) else { return nil }
        while k < words.count {
            var next = k
            if words[k].kind == .comma { next += 1 }
            if words.isWord(next, Self.and) { next += 1 }
            guard next > k, let end = UnitLexicon.placeIndex.longestMatch(in: words, at: next) else { break }
            k = end
        }
        return k
    }

    /// A collective: `các` + nouns joined by commas or `và` + qualifiers.
    private func group(at i: Int) -> Int? {
        guard let end = groupTail(at: i) else { return nil }
        return end
    }

    private func groupTail(at i: Int) -> Int? {
        guard let end = groupWords(at: i) else { return nil }
        // `các doanh nghiệp viễn thông triển khai …`: a word or two of the collective's own
        // before the verb, right after its noun (never after `… liên quan`).
        guard UnitLexicon.groupIndex.longestMatch(in: words, at: end - 1) != nil
            || (end >= 2 && UnitLexicon.groupIndex.longestMatch(in: words, at: end - 2) == end)
        else { return end }
        var k = end
        while k < words.count, k - end < 2, words[k].kind == .word, !words[k].capitalized, !words[k].numeric, !isStop(k) { k += 1 }
        if k > end, k < words.count, words[k].kind == .word, isStop(k) { return k }
        return end
    }

    private func groupWords(at i: Int) -> Int? {
        var k = i + 1
        guard let firstEnd = groupNoun(at: k) else { return nil }
        k = firstEnd
        var lastGood = k
        while k < words.count, k - i <= Self.maxNameWords {
            let t = words[k]
            if t.kind == .comma || words.isWord(k, Self.and) {
                var next = k + 1
                if t.kind == .comma, words.isWord(next, Self.and) { next += 1 }
                // `, Phòng GDĐT …`: a capitalized head starts the next name.
                if next < words.count, words[next].capitalized, UnitLexicon.headIndex.longestMatch(in: words, at: next) != nil { break }
                if let end = groupNoun(at: next) {
                    k = end
                    lastGood = k
                    continue
                }
                if t.kind == .comma, let end = UnitLexicon.qualifierIndex.longestMatch(in: words, at: next) {
                    // `các đơn vị thuộc, trực thuộc Sở`
                    k = qualified(from: end)
                    lastGood = k
                    continue
                }
                break
            }
            if t.kind == .word, !t.capitalized || k == i + 1 {
                if let end = UnitLexicon.qualifierIndex.longestMatch(in: words, at: k) {
                    k = qualified(from: end)
                    lastGood = k
                    continue
                }
                if let end = UnitLexicon.placeIndex.longestMatch(in: words, at: k) {
                    k = end
                    lastGood = k
                    // `trên địa bàn tỉnh Hải Dương`: the place's proper name.
                    while k < words.count, words[k].kind == .word, words[k].capitalized { k += 1 }
                    lastGood = k
                    continue
                }
            }
            if t.kind == .word, t.capitalized, !t.numeric, k > i + 1 {
                // `các phòng, ban Huyện ủy`, `các Ban HĐND tỉnh`: a capitalized owner, with no
                // comma or `và` before it (those would start another name).
                k += 1
                lastGood = k
                continue
            }
            break
        }
        return lastGood
    }

    /// A noun of a collective at `i`; `tổ chức` only when no verb reading is possible.
    private func groupNoun(at i: Int) -> Int? {
        guard let end = UnitLexicon.groupIndex.longestMatch(in: words, at: i) else { return nil }
        if words.isWord(i, Self.organize), end == i + 2 {
            // `các cơ quan, tổ chức liên quan` (organizations) vs `… tổ chức thực hiện` (organize).
            let next = end
            guard next >= words.count || words[next].kind != .word
                || UnitLexicon.qualifierIndex.longestMatch(in: words, at: next) != nil || words.isWord(next, Self.and)
            else { return nil }
        }
        return end
    }

    /// After `thuộc` / `trực thuộc` / `trên địa bàn`: the owner (`Sở`, `UBND huyện`, `tỉnh`).
    private func qualified(from k: Int) -> Int {
        if let end = name(at: k) { return end }
        if let end = UnitLexicon.placeIndex.longestMatch(in: words, at: k) {
            var j = end
            while j < words.count, words[j].kind == .word, words[j].capitalized { j += 1 }
            return j
        }
        var j = k
        while j < words.count, words[j].kind == .word, words[j].capitalized, !words[j].numeric { j += 1 }
        return j
    }

    private func isStop(_ k: Int) -> Bool {
        if k > 0, let end = UnitLexicon.compoundIndex.longestMatch(in: words, at: k - 1), end > k { return false }
        for s in stops where s.longestMatch(in: words, at: k) != nil { return true }
        return false
    }

    static let and = Array("và".utf8)  // "and"
    static let or = Array("hoặc".utf8)  // "or"
    static let together = Array("cùng".utf8)  // "together with"
    static let all = Array("các".utf8)  // plural article
    static let organize = Array("tổ".utf8)  // first word of "tổ chức" (organization / to organize)
    static let office = Array("văn phòng".utf8)  // "office"

    /// Persons acting for a body: what follows them is the body (`Chủ tịch UBND các xã`).
    static let personHeads = HashedByteSet([
        "chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "thủ trưởng", "trưởng", "người đứng đầu", "bí thư",
        "chánh văn phòng", "chánh thanh tra",
    ])

    /// Heads that are not a name on their own.
    static let bareHeads = HashedByteSet([
        "sở", "phòng", "ban", "đoàn", "hội", "tổ", "đội", "cục", "vụ", "bộ", "viện", "trường", "trạm", "quỹ", "đài",
        "báo", "cơ quan", "đơn vị", "bộ phận", "chi nhánh", "hội đồng", "ủy ban", "trung tâm", "chi cục", "văn phòng",
        "ngân hàng", "doanh nghiệp", "liên đoàn", "mặt trận",
    ])

    /// Heads that are also verbs (`thanh tra`: the inspectorate, to inspect).
    static let verbHeads = HashedByteSet(["thanh tra"])

    /// Fields of the councils' and committees' office (`Văn phòng HĐND và UBND huyện`), read only
    /// after `Văn phòng`: elsewhere `HĐND và UBND` is two bodies.
    static let officeFields = PhraseIndex([
        "hđnd và ubnd",  // council and committee
        "hội đồng nhân dân và ủy ban nhân dân",  // council and committee, in full
        "đoàn đbqh, hđnd và ubnd",  // delegation, council and committee
        "đoàn đbqh và hđnd",  // delegation and council
        "đoàn đại biểu quốc hội, hội đồng nhân dân và ủy ban nhân dân",  // the three, in full
        "đoàn đại biểu quốc hội và hội đồng nhân dân",  // delegation and council, in full
        "huyện ủy, hđnd và ubnd",  // party committee, council and committee
    ])
}

extension UnitNameReader {
    /// Byte ranges of the parts of `text` that belong to one unit name and must not be split:
    /// a head followed by a lexicon field (`Sở Văn hóa, Thể thao và Du lịch`, `Văn phòng HĐND và
    /// UBND huyện`).
    static func protectedRanges(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let words = TextWords(text)
        var result: [Range<Int>] = []
        var i = 0
        while i < words.count {
            let t = words[i]
            guard t.kind == .word, t.capitalized, let headEnd = UnitLexicon.headIndex.longestMatch(in: words, at: i),
                UnitLexicon.notHeadIndex.longestMatch(in: words, at: i) == nil
            else {
                i += 1
                continue
            }
            let headText = Array(words.lower[Int(t.start)..<Int(words[headEnd - 1].end)])
            var end = UnitLexicon.fieldIndex.longestMatch(in: words, at: headEnd)
            if headText == office, let e = officeFields.longestMatch(in: words, at: headEnd) { end = max(end ?? 0, e) }
            if let end, end > headEnd + 1 {
                result.append(words.byteRange(i, end))
                i = end
            } else {
                i = headEnd
            }
        }
        return result
    }
}

/// A small set of byte strings with the FNV-1a hash (``TextWords/hash(_:)``) of each member:
/// a text whose hash is none of them is no member, known without hashing it again for the set.
/// A text with a member's hash is compared with that member's bytes, so the answer is exact.
///
/// The members are kept as the strings written in the source, not as a `Set<[UInt8]>`: such a
/// set's storage type is built at run time, and costs more than a whole small plan's lookups.
struct HashedByteSet {
    private let members: [String]
    private let hashes: [UInt64]

    init(_ members: [String]) {
        self.members = members
        hashes = members.map { $0.withUTF8Bytes { TextWords.hash($0) } }
    }

    /// Whether a text with FNV-1a hash `hash` may be a member.
    @inline(__always)
    func mayContain(hash: UInt64) -> Bool { hashes.contains(hash) }

    /// Whether `text`, whose FNV-1a hash is `hash`, is a member.
    func contains(_ text: ArraySlice<UInt8>, hash: UInt64) -> Bool {
        for k in hashes.indices where hashes[k] == hash {
            // Compared as two buffers: `elementsEqual` of a buffer and a slice walks both
            // through generic iterators.
            let equal = text.withUnsafeBufferPointer { t in members[k].withUTF8Bytes { Self.equal($0, t) } }
            if equal { return true }
        }
        return false
    }

    @inline(__always)
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where a[k] != b[k] { return false }
        return true
    }

    /// Whether `text` is a member.
    func contains(_ text: [UInt8]) -> Bool { contains(text[...], hash: TextWords.hash(text)) }

    /// Whether `text` (bytes in place, e.g. a temporary buffer) is a member.
    func contains(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = TextWords.hash(text)
        for k in hashes.indices where hashes[k] == hash {
            if members[k].withUTF8Bytes({ Self.equal($0, text) }) { return true }
        }
        return false
    }
}
