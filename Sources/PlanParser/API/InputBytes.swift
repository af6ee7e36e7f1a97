/// An input's bytes, read with a size limit in bounded memory: regular files, pipes, devices
/// and standard input alike (`extract` reads every input through this).
///
/// A regular file larger than the limit is refused before it is read, with its size; any
/// other input is read until one byte past the limit and then refused with
/// ``PlanParseError/tooLarge(byteCount:limit:)`` with no `byteCount` (the true size is unknown).
public enum InputBytes {
    /// The bytes of the file at `path`.
    /// - Parameter regularFileOnly: refuse a FIFO, socket or device without blocking on it
    ///   (`unreadable`, "not a regular file"); for files found by a folder walk.
    public static func contents(ofPath path: String, limit: Int = PlanDocument.defaultMaxBytes,
                                regularFileOnly: Bool = false) throws(PlanParseError) -> [UInt8] {
        try SourceFile.contents(ofPath: path, limit: limit, regularFileOnly: regularFileOnly)
    }

    /// The bytes of standard input.
    public static func standardInput(limit: Int = PlanDocument.defaultMaxBytes) throws(PlanParseError) -> [UInt8] {
        try SourceFile.standardInput(limit: limit)
    }
}
