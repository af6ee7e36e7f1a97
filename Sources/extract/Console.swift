import PlanParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error, the terminal, the environment.
enum Console {
    /// Writes `text` to standard error as it is (progress lines use `\r` and `ESC[K`).
    static func err(_ text: String) { _ = FileDescriptor.write(STDERR_FILENO, Array(text.utf8)) }

    /// One message line on standard error, with control characters escaped (`\u{1B}`), so a
    /// file name holding a newline or an escape sequence can neither forge a line nor drive the
    /// terminal.
    static func line(_ text: String) { err(escaped(text) + "\n") }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// `text` with C0 and C1 control characters and DEL written as `\u{…}` (tab too unless
    /// `keepingTabs`; line feeds too unless `keepingLineFeeds`), as the library's text
    /// exporters show document text.
    static func escaped(_ text: String, keepingTabs: Bool = false, keepingLineFeeds: Bool = false) -> String {
        func isControl(_ s: Unicode.Scalar) -> Bool {
            if keepingTabs, s == "\t" { return false }
            if keepingLineFeeds, s == "\n" { return false }
            return s.value < 0x20 || (0x7F...0x9F).contains(s.value)
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if isControl(s) {
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// How a path is named in messages: `<stdin>` for `-`.
    static func name(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The operating system's text for `code`.
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

enum FileDescriptor {
    /// Writes all of `bytes`, retrying short writes and interrupted calls.
    /// - Returns: 0, or the `errno` of the failed write.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var base = bytes.baseAddress else { return 0 }
        var left = bytes.count
        while left > 0 {
            let n = Glibc.write(fd, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            base += n
            left -= n
        }
        return 0
    }

    static func write(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { write(fd, $0) }
    }
}

/// Where one result goes: standard output, or a file that appears only when complete.
///
/// A file is written to a temporary file in the target's folder (created new, so no planted
/// link is followed), synced (`fdatasync`), and renamed over the target only when everything was written;
/// on any failure the temporary is removed and the target is left as it was. Every `write`,
/// `fsync` and `close` result is checked. On standard output a closed pipe (`EPIPE`) ends the
/// process quietly with status 141, as `SIGPIPE` does; any other failed write is an
/// ``OutputError``.
final class Output {
    /// The target path, or `-` for standard output.
    let path: String
    private var fd: Int32
    private var temporary: String?
    private var failure: OutputError?
    /// For terminal text (``OutputFormat/isTerminalText``): control characters escaped.
    var filter: TerminalFilter?

    private init(path: String, fd: Int32, temporary: String?) {
        self.path = path
        self.fd = fd
        self.temporary = temporary
    }

    deinit { discard() }

    static var standardOutput: Output { Output(path: "-", fd: STDOUT_FILENO, temporary: nil) }

    /// Standard output for `nil` or `-`, else the file at `path`.
    static func to(_ path: String?) throws(OutputError) -> Output {
        guard let path, path != "-" else { return standardOutput }
        return try file(path)
    }

    /// A new temporary file next to `path`, renamed to `path` by ``commit()``.
    static func file(_ path: String) throws(OutputError) -> Output {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((folder + "." + name + ".extract-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError(path: path, reason: Console.reason(errno)) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        // mkstemp makes the file 0600; an output is an ordinary file (0666 less the umask).
        _ = fchmod(fd, 0o666 & ~FileSystem.umaskValue)
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Output(path: path, fd: fd, temporary: temporary)
    }

    /// The output as an exporter's sink.
    var sink: OutputSink {
        OutputSink { [self] raw throws(OutputError) in try write(raw) }
    }

    func write(_ raw: UnsafeRawBufferPointer) throws(OutputError) {
        if let failure { throw failure }
        if filter != nil {
            try writeRaw(filter!.filter(raw))
        } else {
            try writeRaw(raw)
        }
    }

    private func writeRaw(_ bytes: [UInt8]) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try writeRaw(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func writeRaw(_ raw: UnsafeRawBufferPointer) throws(OutputError) {
        let code = FileDescriptor.write(fd, raw)
        guard code != 0 else { return }
        if code == EPIPE, temporary == nil { exit(128 + SIGPIPE) }
        let error = OutputError(path: path, reason: Console.reason(code))
        failure = error
        throw error
    }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    func write(_ text: String) throws(OutputError) { try write(Array(text.utf8)) }

    /// Makes the output final: the file is synced, closed and renamed into place.
    func commit() throws(OutputError) {
        if let failure { throw failure }
        if filter != nil {
            try writeRaw(filter!.finish())
        }
        guard let temporary else { return }
        var code: Int32 = 0
        // Data (and the size that finds it) on disk before the name points at it.
        if fdatasync(fd) != 0 { code = errno }
        if close(fd) != 0, code == 0 { code = errno }
        fd = -1
        if code == 0, rename(temporary, path) != 0 { code = errno }
        if code != 0 {
            unlink(temporary)
            self.temporary = nil
            let error = OutputError(path: path, reason: Console.reason(code))
            failure = error
            throw error
        }
        self.temporary = nil
    }

    /// Gives up: a temporary file is closed and removed; the target stays as it was.
    func discard() {
        guard let temporary else { return }
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(temporary)
        self.temporary = nil
    }
}
