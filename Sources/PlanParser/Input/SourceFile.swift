#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file in one go with POSIX calls, which tell exactly why a file cannot be
/// read (FileManager folds most reasons into one error).
enum SourceFile {
    /// The bytes of the file at `path`.
    /// - Throws: `fileNotFound`, `unreadable` (permission denied, is a directory, I/O
    ///   error) or `tooLarge` (checked before reading when the size is known).
    static func contents(ofPath path: String, limit: Int) throws(PlanParseError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(errno, path: path) }
        defer { close(fd) }

        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(errno, path: path) }
        // open(2) accepts a directory for reading; only read(2) would fail, with EISDIR.
        if info.st_mode & S_IFMT == S_IFDIR { throw error(EISDIR, path: path) }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(byteCount: size, limit: limit) }

        // One spare byte so that the read which sees end of file needs no growth. Pipes and
        // /proc files report size 0 and grow the buffer as they go.
        var bytes = [UInt8](repeating: 0, count: max(size + 1, 4096))
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { throw .tooLarge(byteCount: count, limit: limit) }
                bytes.append(contentsOf: repeatElement(0, count: count))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw error(errno, path: path)
            }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The error for a failed system call.
    private static func error(_ code: Int32, path: String) -> PlanParseError {
        switch code {
        case ENOENT, ENOTDIR: return .fileNotFound(path: path)
        case EACCES, EPERM: return .unreadable(path: path, reason: "permission denied")
        case EISDIR: return .unreadable(path: path, reason: "is a directory")
        default:
            // strerror's text, lower-cased like our other messages ("Input/output error").
            let text = String(cString: strerror(code))
            return .unreadable(path: path, reason: text.prefix(1).lowercased() + text.dropFirst())
        }
    }
}
