#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole input with POSIX calls, which tell exactly why a file cannot be read
/// (FileManager folds most reasons into one error), and never more than the limit.
///
/// A regular file whose size is above the limit is refused before it is read. Anything else
/// — a pipe, standard input, a device such as `/dev/zero`, a `/proc` file — is read in chunks
/// until end of file or until one byte more than the limit has arrived, so memory stays
/// bounded by the limit whatever the input.
enum SourceFile {
    /// The bytes of the file at `path`.
    /// - Parameter regularFileOnly: refuse anything but a regular file (a FIFO, socket or
    ///   device) without blocking on it; a folder walk asks for this.
    /// - Throws: `fileNotFound`, `unreadable` (permission denied, is a directory, not a
    ///   regular file, I/O error) or `tooLarge`.
    static func contents(ofPath path: String, limit: Int, regularFileOnly: Bool = false) throws(PlanParseError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO that nobody writes to must not hang the run. It stays set:
        // reading a regular file ignores it, and nothing else is read here.
        let fd = open(path, O_RDONLY | O_CLOEXEC | (regularFileOnly ? O_NONBLOCK : 0))
        guard fd >= 0 else { throw error(errno, path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(errno, path: path) }
        if regularFileOnly, info.st_mode & S_IFMT != S_IFDIR, info.st_mode & S_IFMT != S_IFREG {
            throw .unreadable(path: path, reason: "not a regular file")
        }
        // A file just opened is read from its start: no lseek (a folder walk opens thousands).
        return try contents(ofDescriptor: fd, info: info, offset: 0, limit: limit, path: path)
    }

    /// The bytes of standard input, read up to the limit.
    static func standardInput(limit: Int) throws(PlanParseError) -> [UInt8] {
        try contents(ofDescriptor: STDIN_FILENO, limit: limit, path: "-")
    }

    /// The bytes from `fd`'s current offset to its end.
    static func contents(ofDescriptor fd: Int32, limit: Int, path: String) throws(PlanParseError) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(errno, path: path) }
        let offset = info.st_mode & S_IFMT == S_IFREG ? max(0, Int(lseek(fd, 0, SEEK_CUR))) : 0
        return try contents(ofDescriptor: fd, info: info, offset: offset, limit: limit, path: path)
    }

    /// The bytes from `offset` to the end of `fd`, whose `fstat` is `info`.
    private static func contents(ofDescriptor fd: Int32, info: stat, offset: Int, limit: Int, path: String)
        throws(PlanParseError) -> [UInt8]
    {
        // open(2) accepts a directory for reading; only read(2) would fail, with EISDIR.
        if info.st_mode & S_IFMT == S_IFDIR { throw error(EISDIR, path: path) }
        let cap = limit + 1  // never read more than this: one byte past the limit tells "too large"
        if info.st_mode & S_IFMT == S_IFREG {
            let size = max(0, Int(info.st_size) - offset)
            guard size <= limit else { throw .tooLarge(byteCount: size, limit: limit) }
            // One spare byte so that the read which sees end of file needs no growth.
            var bytes = try fill(fd, capacity: min(size + 1, cap), path: path)
            if bytes.count <= size { return bytes }
            // The file grew while being read: go on in chunks, up to the limit.
            let rest = try chunks(fd, already: bytes.count, cap: cap, path: path)
            bytes.append(contentsOf: rest)
            return bytes
        }
        // Pipes, devices and /proc files: size unknown (or meaningless).
        return try chunks(fd, already: 0, cap: cap, path: path)
    }

    /// Reads chunks of at most 1 MiB until end of file; throws `tooLarge` (size unknown) as
    /// soon as `cap` bytes are in, before joining anything. `already` bytes were read before.
    private static func chunks(_ fd: Int32, already: Int, cap: Int, path: String) throws(PlanParseError) -> [UInt8] {
        var parts: [[UInt8]] = []
        var total = already
        while true {
            let want = min(1 << 20, cap - total)
            if want <= 0 { throw .tooLarge(byteCount: nil, limit: cap - 1) }
            let part = try fill(fd, capacity: want, path: path)
            total += part.count
            if !part.isEmpty { parts.append(part) }
            if part.count < want { break }  // end of file
        }
        if parts.count == 1 { return parts[0] }
        var joined: [UInt8] = []
        joined.reserveCapacity(total - already)
        for p in parts { joined.append(contentsOf: p) }
        return joined
    }

    /// Up to `capacity` bytes: fewer only at end of file.
    private static func fill(_ fd: Int32, capacity: Int, path: String) throws(PlanParseError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let got = read(fd, buffer.baseAddress! + count, capacity - count)
                if got == 0 { break }
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                count += got
            }
        }
        if failure != 0 { throw error(failure, path: path) }
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
