/// Reads a document number in running text — `76/NQ-CP`, `22/2020/QĐ-UBND`, `208-KH/TU`,
/// `1234/UBND-VX`: up to six digits, `/` or `-`, an optional `/2020` year part, then a code of
/// uppercase-led parts joined by `-`, `/` or `.` with at least two letters in all. The one
/// reader of this grammar, for the citation extractor and the diff's tokens.
enum DocumentNumberReader {
    /// The end of the number that starts at the digit at `start`, or `nil` when none does.
    static func end(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = s.count
        var i = start
        while i < n, i - start < 6, s[i] &- 0x30 < 10 { i += 1 }
        guard i < n, s[i] == UInt8(ascii: "/") || s[i] == UInt8(ascii: "-") else { return nil }
        // An optional `/2020` year part.
        if s[i] == UInt8(ascii: "/"), i + 5 < n, (i + 1...i + 4).allSatisfy({ s[$0] &- 0x30 < 10 }),
            s[i + 5] == UInt8(ascii: "/")
        {
            i += 5
        }
        i += 1  // the separator
        guard i < n, isCodeStart(s, i) else { return nil }
        var letters = 0
        var end = i
        while i < n {
            let (scalar, length) = VietnameseText.scalar(in: s, at: i)
            let isLetter = VietnameseText.isLetter(scalar)
            if isLetter || (scalar &- 0x30 < 10) || scalar == 0x26 {
                if isLetter { letters += 1 }
                i += length
                end = i
                continue
            }
            if scalar == 0x2D || scalar == 0x2F || scalar == 0x2E, i + 1 < n, isCodeStart(s, i + 1) {
                i += 1
                continue
            }
            break
        }
        return letters >= 2 ? end : nil
    }

    /// A code part starts with an uppercase letter (`QĐ`, `UBND`, `KH`).
    private static func isCodeStart(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        VietnameseText.isUppercase(VietnameseText.scalar(in: s, at: i).value)
    }
}
