/// One word, number or punctuation mark of a time text, located by UTF-8 byte offsets.
struct TimeToken: Sendable {
    enum Kind: UInt8, Sendable {
        case word, number, slash, dash, comma, semicolon, period, colon, plus, other
    }

    var kind: Kind
    /// The keyword this word is, `.other` for any other word and for non-words.
    var word: TimeWord = .other
    /// Whether the token's first letter is uppercase (words only).
    var isCapitalized = false
    /// Whether the word is plain ASCII: tells `sau` (after) from `sáu` (six), `khi` (when)
    /// from `khí` (gas), and lets Roman numerals be recognized.
    var isASCII = true
    /// Whether whitespace comes right before the token.
    var spaceBefore = false
    /// Number of digits (numbers only).
    var digits: UInt8 = 0
    /// The value of a number, or of a Roman numeral word (`IV` → 4); 0 otherwise.
    var value: Int32 = 0
    /// Byte offsets of the token in the text.
    var start: Int32
    var end: Int32

    /// Whether this is a number of `count` digits or fewer.
    @inline(__always)
    func isNumber(maxDigits count: UInt8) -> Bool { kind == .number && digits <= count }

    /// Whether this is a Roman numeral word (`I`…`X`).
    @inline(__always)
    var isRoman: Bool { kind == .word && value > 0 }
}
