extension String {
    /// Calls `body` with the string's UTF-8 bytes, read in place (a native string's always are).
    ///
    /// `withUTF8` is mutating: called on a copy (`var copy = text`), it retains and releases the
    /// string each time, and the matchers ask every heading, field value and cell.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = self
        return copy.withUTF8(body)
    }
}
