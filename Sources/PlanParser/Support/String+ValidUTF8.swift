extension String {
    /// A copy of bytes known to be valid UTF-8 — the cleaned text and the store's texts,
    /// validated once on input — made without `String(decoding:as:)`'s check of every byte
    /// again (the largest single cost of making the task records' strings).
    ///
    /// `bytes` must be valid UTF-8 and must not end or start inside a character: debug builds
    /// check it.
    init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        assert(String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes), "not valid UTF-8")
        // `UTF8Span` and the `unsafe` keyword came with Swift 6.2; older compilers validate.
        #if compiler(>=6.2)
            if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
                // The ASCII flag is the string's own (`String(decoding:)` sets it): an ASCII
                // string compares and hashes on its bytes.
                let span = unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: Self.isASCII(bytes))
                self = String(copying: span)
                return
            }
        #endif
        self = String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        let n = bytes.count
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= n {
            high |= SWAR.load(raw, i)
            i += 8
        }
        while i < n {
            high |= UInt64(bytes[i])
            i += 1
        }
        return high & SWAR.highs == 0
    }
}
