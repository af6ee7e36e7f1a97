#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dictionary key of UTF-8 bytes that can be looked up without copying them.
///
/// A stored key owns its bytes; a lookup key borrows the bytes it is asked with (a table
/// cell in the section store), so a cache hit makes no `String` and no array. A borrowing key
/// must not outlive the lookup: it is never stored. Hashed as ``TextKey`` is: the bytes'
/// ``ByteDigest`` through `Hasher` (seeded).
struct BytesKey: Hashable {
    private let owned: [UInt8]
    private let borrowed: UnsafeBufferPointer<UInt8>?

    /// A key for a lookup only: it does not keep `bytes`.
    init(borrowing bytes: UnsafeBufferPointer<UInt8>) {
        owned = []
        borrowed = bytes
    }

    /// A key to store: it keeps a copy of `bytes`.
    init(copying bytes: UnsafeBufferPointer<UInt8>) {
        owned = Array(bytes)
        borrowed = nil
    }

    @inline(__always)
    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let borrowed { return body(borrowed) }
        return owned.withUnsafeBufferPointer(body)
    }

    func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(ByteDigest.of($0)) }
    }

    static func == (a: BytesKey, b: BytesKey) -> Bool {
        a.withBytes { p in
            b.withBytes { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
        }
    }
}
