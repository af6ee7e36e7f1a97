/// Decides whether a text line continues the text before it (a page break or a hard wrap cut
/// the sentence) rather than starting a new paragraph.
enum Continuation {
    /// - Parameters:
    ///   - previous: the text so far (a title, paragraph or field value), cleaned.
    ///   - next: the candidate line, already known to be plain text.
    ///   - isHeading: `previous` is a short heading (`1. Mục đích`) rather than running text.
    static func continues(
        previous: UnsafeBufferPointer<UInt8>, next: UnsafeBufferPointer<UInt8>, isHeading: Bool
    ) -> Bool {
        guard let last = lastScalar(previous), !next.isEmpty else { return false }
        let first = VietnameseText.scalar(in: next, at: 0).value
        switch last {
        case 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x2026:  // . ; : ! ? …
            return false
        default:
            break
        }
        if VietnameseText.isLowercase(first) { return true }
        if isHeading { return false }
        switch last {
        case 0x2C, 0x2D, 0x2013, 0x28, 0x2F, 0x26:  // , - – ( / &
            return true
        default:
            break
        }
        // `… cung cấp đầy đủ` / `100% thông tin …`: a long line cut before a number.
        if first >= 0x30, first <= 0x39, VietnameseText.isLetter(last), previous.count >= 60 {
            return true
        }
        return false
    }

    private static func lastScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var i = bytes.count - 1
        while i >= 0, bytes[i] == 0x20 { i -= 1 }
        guard i >= 0 else { return nil }
        // Step back to the lead byte of the last scalar.
        while i > 0, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return VietnameseText.scalar(in: bytes, at: i).value
    }
}
