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
        text.withUTF8Bytes { hasher.combine(ByteDigest.of($0)) }
    }

    static func == (a: TextKey, b: TextKey) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        return a.text.withUTF8Bytes { p in b.text.withUTF8Bytes { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }
}
