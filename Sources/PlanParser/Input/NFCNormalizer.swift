/// Composes text that contains combining marks into Unicode NFC, in linear time.
///
/// The text is cut into chunks of about `chunkLength` bytes, only right before an ASCII byte:
/// an ASCII scalar is a starter that never composes with what precedes it, so chunks
/// normalize independently. Chunks without a combining mark are copied, chunks with
/// Vietnamese marks go to `VietnameseComposer` (a table lookup per letter), and only what it
/// declines goes to the general normalizer, ``CanonicalComposition``. (Foundation's, used
/// before, was quadratic on decomposed text — 3.5 s for 2 MB of NFD — which is why chunks
/// began.)
///
/// Approximation: like the caller's fast path, this only looks at text around combining
/// marks U+0300–U+036F. Other non-NFC forms (Hangul jamo, singletons such as U+212B,
/// marks from other blocks without a U+0300–U+036F mark in the same chunk) pass unchanged.
/// Vietnamese needs nothing else.
enum NFCNormalizer {
    /// Large enough that chunking costs nothing, small enough that a chunk of decomposed text
    /// stays in cache (a chunk may run longer until the next ASCII byte).
    static let chunkLength = 4096

    /// `bytes` (valid UTF-8) in NFC, and whether that changed anything.
    /// - Complexity: O(n) for Vietnamese text.
    static func normalize(_ bytes: [UInt8]) -> (bytes: [UInt8], changed: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { src in
            var start = 0
            while start < src.count {
                var end = min(start + chunkLength, src.count)
                while end < src.count && src[end] >= 0x80 { end += 1 }
                let chunk = UnsafeBufferPointer(rebasing: src[start..<end])
                if !chunk.contains(where: { $0 == 0xCC || $0 == 0xCD }) {
                    out.append(contentsOf: chunk)
                } else if !VietnameseComposer.compose(chunk, into: &out) {
                    CanonicalComposition.append(String(decoding: chunk, as: UTF8.self), to: &out)
                }
                start = end
            }
        }
        let changed = out != bytes
        return (changed ? out : bytes, changed)
    }
}
