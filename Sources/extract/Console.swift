import PlanParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard streams and files, written with POSIX `write` so large outputs need no copies.
enum Console {
    static func out(_ bytes: [UInt8]) { FileDescriptor.write(STDOUT_FILENO, bytes) }
    static func out(_ text: String) { out(Array(text.utf8)) }
    static func err(_ text: String) { FileDescriptor.write(STDERR_FILENO, Array(text.utf8)) }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Reads all of standard input.
    static func readStandardInput() -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return data
    }
}

enum FileDescriptor {
    /// Writes all of `bytes`, retrying short writes; returns false on error (e.g. a closed pipe).
    @discardableResult
    static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { write(fd, $0) }
    }

    /// Writes all of `buf`, retrying short writes; returns false on error.
    @discardableResult
    static func write(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Bool {
        do {
            guard buf.count > 0 else { return true }
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}

/// Where a command's result goes: standard output or a file given with `-o`.
struct OutputTarget {
    private let fd: Int32
    let path: String?

    init(path: String?) throws(OutputError) {
        self.path = path
        if let path, path != "-" {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            self.fd = fd
        } else {
            fd = STDOUT_FILENO
        }
    }

    func write(_ bytes: [UInt8]) { FileDescriptor.write(fd, bytes) }

    /// The target as an exporter's sink.
    var sink: OutputSink {
        let fd = self.fd
        let name = path ?? "-"
        return OutputSink { raw throws(OutputError) in
            guard FileDescriptor.write(fd, raw) else {
                throw OutputError(path: name, reason: String(cString: strerror(errno)))
            }
        }
    }
    func write(_ text: String) { write(Array(text.utf8)) }

    func close() {
        if fd != STDOUT_FILENO { Glibc.close(fd) }
    }
}
