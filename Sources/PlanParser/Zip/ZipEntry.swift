/// One file of a zip archive, as its central directory describes it.
///
/// Sizes and the offset come from the central directory (ZIP64 extra fields included), so
/// entries written with a data descriptor (general-purpose flag bit 3) need nothing more.
struct ZipEntry: Sendable, Equatable {
    /// The path inside the archive, e.g. `word/document.xml`; decoded as UTF-8 (bytes that
    /// are not UTF-8 become U+FFFD). Kept as stored: nothing is ever extracted to disk.
    var name: String
    /// 0 stored, 8 deflate; anything else cannot be read.
    var method: UInt16
    var compressedSize: Int
    var uncompressedSize: Int
    var crc32: UInt32
    /// Where the entry's local header starts in the archive (any prefix before the archive
    /// already accounted for).
    var localHeaderOffset: Int
    /// General-purpose flag bit 0.
    var isEncrypted: Bool
}
