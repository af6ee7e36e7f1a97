/// A source file turned into the one form every later stage scans byte by byte.
///
/// Postconditions: `bytes` is valid UTF-8 in NFC (see `NFCNormalizer` for the one
/// approximation), has no BOM and no NUL, every line break is a single `"\n"`, Unicode
/// spaces are ASCII spaces and zero-width characters are gone. Line N of `bytes` is
/// line N of the original file.
struct DecodedSource: Sendable {
    /// The cleaned text.
    var bytes: [UInt8]
    /// The number of lines of the original file: a final line without a line break counts,
    /// a line break at the very end does not start another line.
    var lineCount: Int
    /// The encoding the file was read in.
    var encoding: SourceEncoding
    /// Whether NFC composition changed the text (it was decomposed, at least in part).
    var wasNormalized: Bool
}
