#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dictionary key that hashes and compares a string's UTF-8 bytes.
///
/// `String`'s own hashing checks normalization on every call (it must treat canonically
/// equivalent strings as equal); our texts are already NFC, so bytes are enough and about
/// twice as fast in the parser's caches.
struct TextKey: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        Self.withBytes(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: TextKey, b: TextKey) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        return withBytes(a.text) { p in withBytes(b.text) { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }

    /// The string's UTF-8 bytes, read in place (a native string's always are): no copy of the
    /// string to call `withUTF8` on, which retains and releases it — every cache lookup hashes
    /// a key and compares it.
    @inline(__always)
    private static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }
}
