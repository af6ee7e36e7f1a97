#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import PlanParser

/// The little file-system work the CLI needs, with POSIX calls (no Foundation on the hot path).
enum FileSystem {
    /// A file's identity: device and inode.
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// The identity of what `path` resolves to (links followed); `nil` when nothing is there.
    static func identity(_ path: String) -> Identity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// The identity of an open descriptor's file when it is a regular file.
    static func regularFileIdentity(_ fd: Int32) -> Identity? {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// The process's umask, read once.
    static let umaskValue: mode_t = {
        let m = umask(0o022)
        umask(m)
        return m
    }()

    /// Makes `dir` and its parents (like `mkdir -p`); `dir` itself may be a link the user named.
    static func makeDirectory(_ dir: String) throws(OutputError) {
        if isDirectory(dir) { return }
        var partial = dir.hasPrefix("/") ? "/" : ""
        for component in dir.split(separator: "/") {
            partial += component + "/"
            if !isDirectory(partial), mkdir(partial, 0o777) != 0, errno != EEXIST {
                throw OutputError(path: dir, reason: Console.reason(errno))
            }
        }
    }

    /// Makes the folders of `relative` (`a/b` for `a/b/plan.json`) inside `root`, refusing
    /// any that is a symbolic link (or not a folder), so that writes stay inside `root`.
    static func makeFolders(of relative: String, in root: String) throws(OutputError) {
        var components = relative.split(separator: "/").map(String.init)
        guard !components.isEmpty else { return }
        components.removeLast()
        var partial = root
        for c in components {
            partial += "/" + c
            var st = stat()
            if lstat(partial, &st) == 0 {
                if st.st_mode & S_IFMT == S_IFLNK {
                    throw OutputError(path: partial, reason: "is a symbolic link; not writing through it")
                }
                if st.st_mode & S_IFMT != S_IFDIR {
                    throw OutputError(path: partial, reason: "exists and is not a directory")
                }
            } else if errno == ENOENT {
                if mkdir(partial, 0o777) != 0, errno != EEXIST {
                    throw OutputError(path: partial, reason: Console.reason(errno))
                }
            } else {
                throw OutputError(path: partial, reason: Console.reason(errno))
            }
        }
    }

    /// The name of a folder entry from `readdir`, read in place up to its NUL. (Copying
    /// `d_name` as the 256-byte array C declares reads past the end of a short last entry of
    /// the C library's buffer: a crash when that is the end of the heap.)
    static func entryName(_ e: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: (UnsafeRawPointer(e) + offset).assumingMemoryBound(to: CChar.self))
    }

    /// The names in folder `dir` (without `.` and `..`); none when it cannot be read.
    static func names(in dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = FileSystem.entryName(e)
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// `a/b/plan.txt` → `a/b/plan` (only the last component loses its extension).
    static func droppingExtension(_ path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        if let dot = path[slash...].lastIndex(of: "."), dot != slash { return String(path[..<dot]) }
        return path
    }

    /// `a/b/plan.txt` → `plan.txt`.
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The extensions of every readable input format (``InputFormat/all``), lower-cased. Made
    /// once: a folder walk asks for every entry, and building the list cost more than the
    /// entry's `lstat`.
    static let planExtensions: [String] = InputFormat.all.flatMap(\.extensions).map { $0.lowercased() }

    /// Whether a file name ends with one of ``planExtensions`` (case-insensitively).
    static func isPlanFile(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return planExtensions.contains(name[name.index(after: dot)...].lowercased())
    }
}

/// A recursive search of folders for plan files.
///
/// Every file is listed once, even when links or hard links reach it several ways; folder
/// links are followed, but never into a folder already visited (device and inode), so a link
/// loop ends. Entries whose names start with `.` are skipped. Only regular files are listed;
/// a FIFO, socket or device with a plan extension is skipped with a note (it is never opened,
/// so it cannot hang the run). A folder or entry that cannot be read is a problem: reported,
/// and the run's exit status is 1.
struct FolderWalk {
    struct Found {
        var path: String
        /// The path below the folder given (`sub/plan.txt`).
        var relative: String
    }

    private(set) var files: [Found] = []
    /// Error lines: folders and entries that could not be read.
    private(set) var problems: [String] = []
    /// Notes: entries skipped on purpose.
    private(set) var notes: [String] = []
    private var visitedFolders: Set<FileSystem.Identity> = []
    private var seenFiles: [FileSystem.Identity: String] = [:]

    /// Adds the plan files under `root`.
    mutating func walk(_ root: String) {
        var st = stat()
        guard stat(root, &st) == 0 else {
            problems.append("\(root): error: cannot read folder: \(Console.reason(errno))")
            return
        }
        let id = FileSystem.Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        guard visitedFolders.insert(id).inserted else {
            notes.append("\(root): note: skipped: folder already searched")
            return
        }
        visit(root, relative: "")
    }

    private mutating func visit(_ dir: String, relative: String) {
        guard let d = opendir(dir) else {
            problems.append("\(dir): error: cannot read folder: \(Console.reason(errno))")
            return
        }
        var names: [String] = []
        while true {
            errno = 0
            guard let e = readdir(d) else {
                if errno != 0 { problems.append("\(dir): error: cannot read folder: \(Console.reason(errno))") }
                break
            }
            let name = FileSystem.entryName(e)
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(d)
        let base = dir.hasSuffix("/") ? dir : dir + "/"
        for name in names.sorted() {
            let path = base + name
            var link = stat()
            guard lstat(path, &link) == 0 else {
                problems.append("\(path): error: cannot read: \(Console.reason(errno))")
                continue
            }
            var st = link
            if link.st_mode & S_IFMT == S_IFLNK {
                guard stat(path, &st) == 0 else {
                    // A dangling link matters only where a plan was expected.
                    if FileSystem.isPlanFile(name) {
                        problems.append("\(path): error: cannot read: \(Console.reason(errno))")
                    }
                    continue
                }
            }
            let id = FileSystem.Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                if visitedFolders.insert(id).inserted {
                    visit(path, relative: relative + name + "/")
                } else {
                    notes.append("\(path): note: skipped: folder already searched (a link loop or a second link)")
                }
            case S_IFREG where FileSystem.isPlanFile(name):
                if let first = seenFiles[id] {
                    notes.append("\(path): note: skipped: same file as \(first)")
                } else {
                    seenFiles[id] = path
                    files.append(Found(path: path, relative: relative + name))
                }
            default:
                if FileSystem.isPlanFile(name) { notes.append("\(path): note: skipped: not a regular file") }
            }
        }
    }
}
