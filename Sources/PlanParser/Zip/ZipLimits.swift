/// How much a zip archive may make us allocate: the defences against zip bombs and lying
/// headers.
///
/// Declared sizes are checked before anything is allocated, and the actual output of every
/// entry is held to its declared size while it is decompressed, so a header that lies about
/// the size cannot get past these limits either.
struct ZipLimits: Sendable, Equatable {
    /// The most entries the central directory may list.
    var maxEntries: Int
    /// The largest uncompressed entry (`--max-size` of the caller).
    var maxEntrySize: Int
    /// The largest sum of the uncompressed sizes of all entries.
    var maxTotalSize: Int
    /// The largest uncompressed-to-compressed size ratio, as `N` for `N:1`.
    ///
    /// Real Office XML compresses about 5–20 times (a very repetitive sheet perhaps 50–100
    /// times), while zip bombs expand 1000 times and more — DEFLATE's maximum is about
    /// 1032:1 per layer. 200:1 leaves real documents a wide margin and stops bombs long
    /// before they cost memory. The ratio only applies to entries larger than
    /// `ratioThreshold`, so small, highly compressible parts (an empty sheet, a settings
    /// file of repeated attributes) are always fine.
    var maxCompressionRatio: Int
    /// Entries up to this uncompressed size are exempt from the ratio check.
    var ratioThreshold: Int

    init(
        maxEntries: Int = 10_000, maxEntrySize: Int = 256 << 20, maxTotalSize: Int = 1 << 30,
        maxCompressionRatio: Int = 200, ratioThreshold: Int = 1 << 20
    ) {
        self.maxEntries = maxEntries
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioThreshold = ratioThreshold
    }

    /// 10,000 entries, 256 MiB per entry, 1 GiB in all, 200:1 above 1 MiB.
    static let `default` = ZipLimits()
}
