#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import PlanParser

/// The little file-system work the CLI needs, with POSIX calls (no Foundation on the hot path).
enum FileSystem {
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Size in bytes of the file at `path` (0 when it cannot be read).
    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    static func makeDirectory(_ path: String) throws(OutputError) {
        if isDirectory(path) { return }
        var partial = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            partial += component + "/"
            if !isDirectory(partial), mkdir(partial, 0o755) != 0, errno != EEXIST {
                throw OutputError(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// `a/b/plan.txt` → `plan`.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }

    /// The file-name extensions a folder walk picks up: those of every readable format
    /// (`txt`, `docx`, `odt`, …), lower-cased.
    static let planExtensions: Set<String> = Set(InputFormat.all.flatMap(\.extensions).map { $0.lowercased() })

    /// Every plan file under `dir` (see ``planExtensions``), sorted by path so the order never
    /// depends on the file system.
    static func textFiles(under dir: String) -> [String] {
        var result: [String] = []
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var entries: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            entries.append(name)
        }
        for name in entries.sorted() {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            if isDirectory(path) {
                result += textFiles(under: path)
            } else if let dot = name.lastIndex(of: "."), planExtensions.contains(name[name.index(after: dot)...].lowercased()) {
                result.append(path)
            }
        }
        return result
    }
}
