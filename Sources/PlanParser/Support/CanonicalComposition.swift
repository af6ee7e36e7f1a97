@_spi(_Unicode) import Swift

/// Unicode NFC (canonical composition) from the standard library's own tables.
///
/// The standard library normalizes for `String` comparison and exposes that normalizer as
/// SPI; using it instead of Foundation's `precomposedStringWithCanonicalMapping` keeps
/// Foundation — and its ICU, about 4 ms of every process start — out of the binary. It
/// streams, so it is linear in the text's length.
enum CanonicalComposition {
    /// Appends `text` in NFC to `out`.
    static func append(_ text: String, to out: inout [UInt8]) {
        if #available(macOS 13.0, iOS 16.0, tvOS 16.0, watchOS 9.0, *) {
            text._withNFCCodeUnits { out.append($0) }
        } else {
            // Older Apple systems lack the normalizer: the text stays as it is (valid, only
            // not composed).
            out.append(contentsOf: text.utf8)
        }
    }

    /// `text` in NFC.
    static func composed(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
