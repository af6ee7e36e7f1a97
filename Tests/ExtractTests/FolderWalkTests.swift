import Foundation
import Testing

/// Folder walks end, list every plan file once, skip what is not a regular file with a note,
/// and report every folder or file they cannot read (status 1).
@Suite struct FolderWalkTests {
    static let planText = Array("KẾ HOẠCH\n\nThử nghiệm năm 2025\n\nII. NHIỆM VỤ\n\n1. Công tác chỉ đạo\n\na) Ban hành kế hoạch.\n".utf8)

    static func write(_ path: URL, _ bytes: [UInt8] = planText) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: path)
    }

    static func link(_ path: URL, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: destination)
    }

    /// The `source.path` of every NDJSON document on stdout.
    static func paths(_ r: ExtractRun) -> [String] {
        r.stdout.split(separator: "\n").compactMap {
            ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])
                .flatMap { ($0["source"] as? [String: Any])?["path"] as? String }
        }
    }

    /// `ln -s .. sub/up` never ended; `ln -s . me` processed one file 41 times; a FIFO named
    /// `p.txt` hung the run.
    @Test func linksLoopsAndFIFOs() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = dir.appendingPathComponent("w")
        try Self.write(w.appendingPathComponent("a.txt"))
        try Self.write(w.appendingPathComponent("sub/b.TXT"))
        try Self.link(w.appendingPathComponent("sub/up"), to: "..")
        try Self.link(w.appendingPathComponent("me"), to: ".")
        try Self.link(w.appendingPathComponent("again.txt"), to: "a.txt")
        #expect(mkfifo(w.appendingPathComponent("p.txt").path, 0o644) == 0)
        let r = try ExtractRunner.run(["-f", "ndjson", "w"], directory: dir)
        #expect(r.status == 0)
        #expect(Self.paths(r) == ["w/a.txt", "w/sub/b.TXT"])
        #expect(r.stderr == """
            w/again.txt: note: skipped: same file as w/a.txt
            w/me: note: skipped: folder already searched (a link loop or a second link)
            w/p.txt: note: skipped: not a regular file
            w/sub/up: note: skipped: folder already searched (a link loop or a second link)
            extract: 2 files ok, 0 failed, 0.0 MB in 
            """ + r.stderr.split(separator: "in ").last!)
    }

    /// Web pages saved from a portal (`.html`, `.htm`) are plan files of a folder too, read as
    /// text through the recovery stage; other files (`.md`, `.json`) are not.
    @Test func savedWebPagesAreFound() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = dir.appendingPathComponent("w")
        let page = """
            <!DOCTYPE html><html><head><title>Kế hoạch</title><style>p{}</style></head><body>
            <p>KẾ HOẠCH</p><p>Thử nghiệm năm 2025</p><p>II. NHIỆM VỤ</p><p>1. Công tác chỉ đạo</p>
            <p>a) Ban hành kế hoạch.</p></body></html>

            """
        try Self.write(w.appendingPathComponent("a.html"), Array(page.utf8))
        try Self.write(w.appendingPathComponent("b.HTM"), Array(page.utf8))
        try Self.write(w.appendingPathComponent("c.md"))
        try Self.write(w.appendingPathComponent("d.json"), Array("{}".utf8))
        let r = try ExtractRunner.run(["-f", "tasks-ndjson", "w"], directory: dir)
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(rows.map { $0["source"] as? String } == ["w/a.html", "w/b.HTM"])
        #expect(rows.map { $0["title"] as? String } == ["Ban hành kế hoạch.", "Ban hành kế hoạch."])
    }

    /// A FIFO named on the command line is read like standard input (the user asked for it).
    @Test func namedFIFOIsRead() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("p.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try ExtractRunner.shell("printf 'Nội dung thử.\\n' > '\(fifo)' & \"$EXTRACT\" --stats '\(fifo)'; s=$?; wait; exit $s")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix(fifo + "\n  tasks: 0"))
    }

    /// A path longer than PATH_MAX was skipped with "1 file ok, 0 failed".
    @Test func pathLongerThanPathMax() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(dir.appendingPathComponent("deep/top.txt"))
        // Build 25 levels of 200-character names relative to an open folder.
        var fd = open(dir.appendingPathComponent("deep").path, O_RDONLY | O_DIRECTORY)
        let name = String(repeating: "d", count: 200)
        for _ in 0..<25 {
            #expect(mkdirat(fd, name, 0o755) == 0)
            let next = openat(fd, name, O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
        }
        let leaf = openat(fd, "leaf.txt", O_WRONLY | O_CREAT, 0o644)
        _ = Self.planText.withUnsafeBytes { Foundation.write(leaf, $0.baseAddress, $0.count) }
        close(leaf)
        close(fd)
        let r = try ExtractRunner.run(["-f", "ndjson", "deep"], directory: dir)
        #expect(r.status == 1)
        #expect(Self.paths(r) == ["deep/top.txt"])
        #expect(r.stderr.contains(": error: cannot read: File name too long\n"))
        #expect(r.stderr.contains("extract: 1 file ok, 1 failed, "))
        // Remove the tree relative to its parent (the path is too long for FileManager).
        _ = try ExtractRunner.run(["-c", "rm -rf '\(dir.path)/deep' 2>/dev/null || true"], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// A sub-folder it could not read (as `nobody`) was skipped with "1 file ok, 0 failed".
    /// Root reads everything, so this runs the binary as `nobody` with `setpriv`.
    @Test func unreadableFolderAndFileAsNobody() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), getpwnam("nobody") != nil else {
            print("skipped: needs root, setpriv and a 'nobody' user to run extract without read permission")
            return
        }
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // nobody needs to reach the binary and the files: copy the binary into a folder of its own.
        let bin = dir.appendingPathComponent("bin/extract")
        try FileManager.default.createDirectory(at: bin.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ExtractRunner.binary, to: bin)
        let w = dir.appendingPathComponent("w")
        try Self.write(w.appendingPathComponent("a.txt"))
        try Self.write(w.appendingPathComponent("locked/b.txt"))
        try Self.write(w.appendingPathComponent("secret.txt"))
        chmod(w.appendingPathComponent("locked").path, 0o000)
        chmod(w.appendingPathComponent("secret.txt").path, 0o000)
        chmod(dir.path, 0o755)  // the temporary folder's parent (/tmp) is open to all already
        var probe = try ExtractRunner.run(["--stats", w.appendingPathComponent("a.txt").path], user: "nobody", executable: bin)
        if probe.status != 0 {
            print("skipped: nobody cannot run the copied binary or reach the temporary folder (\(probe.stderr))")
            return
        }
        probe = try ExtractRunner.run(["-f", "ndjson", w.path], directory: dir, user: "nobody", executable: bin)
        #expect(probe.status == 1)
        #expect(Self.paths(probe) == [w.path + "/a.txt"])
        #expect(probe.stderr.contains("\(w.path)/locked: error: cannot read folder: Permission denied\n"))
        #expect(probe.stderr.contains("\(w.path)/secret.txt: error: cannot read \(w.path)/secret.txt: permission denied\n"))
        #expect(probe.stderr.contains("extract: 1 file ok, 2 failed, "))
        chmod(w.appendingPathComponent("locked").path, 0o755)
    }

    // MARK: - Fuzz

    /// A small deterministic random generator (SplitMix64), so failures can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Names of every length a folder entry can have (1 to 255 bytes, ASCII and Vietnamese) are
    /// read whole: each entry's name is read in place up to its end (copying the 256 bytes C
    /// declares read past a short last entry of the C library's buffer, and crashed a run when
    /// that buffer ended the heap).
    @Test func namesOfEveryLength() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = dir.appendingPathComponent("w")
        var expected: [String] = []
        for length in 5...255 {
            // `kế` is 4 bytes: Vietnamese names of odd and even byte lengths alike.
            let stem = length % 3 == 0 ? String(repeating: "kế", count: (length - 4) / 4) : ""
            let name = stem + String(repeating: "a", count: length - 4 - stem.utf8.count) + ".txt"
            #expect(name.utf8.count == length)
            try Self.write(w.appendingPathComponent(name))
            expected.append("w/" + name)
        }
        let r = try ExtractRunner.run(["-f", "ndjson", "w"], directory: dir)
        #expect(r.status == 0)
        #expect(Self.paths(r).sorted() == expected.sorted())
    }

    /// Random folder trees — nesting, links to folders (loops included) and files, dangling
    /// links, FIFOs, hard links, unparsable files, names differing in case — checked for: the
    /// run ends; every regular plan file is processed exactly once or reported; nothing
    /// outside the output folder changes, even with links planted inside it.
    @Test(arguments: 0..<24)
    func randomTrees(seed: Int) throws {
        var rng = Random(state: UInt64(seed) &* 7919 &+ 17)
        let dir = try ExtractRunner.temporaryDirectory()
        defer {
            _ = try? ExtractRunner.run(["-R", "u+rwx", dir.path], executable: URL(fileURLWithPath: "/bin/chmod"))
            try? FileManager.default.removeItem(at: dir)
        }
        let root = dir.appendingPathComponent("tree")
        var folders = [root]
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for k in 0..<(3 + rng.below(6)) {
            let parent = folders[rng.below(folders.count)]
            let f = parent.appendingPathComponent("d\(k)")
            try FileManager.default.createDirectory(at: f, withIntermediateDirectories: true)
            folders.append(f)
        }
        var regular: [URL] = []
        for k in 0..<(4 + rng.below(10)) {
            let folder = folders[rng.below(folders.count)]
            let ext = ["txt", "TXT", "Txt", "md"][rng.below(4)]
            let file = folder.appendingPathComponent("f\(k).\(ext)")
            let bad = rng.below(6) == 0
            try Self.write(file, bad ? [0x4B, 0x00, 0x48] : Self.planText)
            if ext != "md" { regular.append(file) }
        }
        for k in 0..<(2 + rng.below(6)) {
            let folder = folders[rng.below(folders.count)]
            let entry = folder.appendingPathComponent("l\(k)" + (rng.below(2) == 0 ? ".txt" : ""))
            switch rng.below(6) {
            case 5: _ = chmod(rng.below(2) == 0 ? folder.path : (regular.randomElement(using: &rng) ?? folder).path, 0o000)
            case 0: try Self.link(entry, to: folders[rng.below(folders.count)].path)  // folder link, maybe a loop
            case 1: if let f = regular.randomElement(using: &rng) { try Self.link(entry, to: f.path) }
            case 2: try Self.link(entry, to: "/nonexistent/\(k)")
            case 3: _ = mkfifo(folder.appendingPathComponent("p\(k).txt").path, 0o644)
            default: if let f = regular.randomElement(using: &rng) { _ = Foundation.link(f.path, folder.appendingPathComponent("h\(k).txt").path) }
            }
        }
        // The output folder, with links planted to a file and a folder outside it.
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let outside = dir.appendingPathComponent("outside")
        try Self.write(outside.appendingPathComponent("keep.json"), Array("keep".utf8))
        try Self.link(out.appendingPathComponent("f0.json"), to: outside.appendingPathComponent("keep.json").path)
        try Self.link(out.appendingPathComponent("d0"), to: outside.path)
        let before = try snapshot(dir, excluding: out)

        let started = Date()
        let r = try ExtractRunner.run(["-f", "ndjson", "-j", "2", root.path], timeout: 30)
        #expect(Date().timeIntervalSince(started) < 30, "the run ends")
        // Every regular plan file (by identity) processed exactly once, or reported: itself, or
        // a folder above it that could not be read.
        var seen: [String: Int] = [:]
        for p in Self.paths(r) { seen[identity(p), default: 0] += 1 }
        #expect(seen.values.allSatisfy { $0 == 1 }, "seed \(seed): \(seen)")
        let reported = r.stderr.split(separator: "\n").compactMap { line -> String? in
            guard let end = line.range(of: ": error: ") else { return nil }
            return String(line[..<end.lowerBound])
        }
        let reportedIDs = Set(reported.map(identity))
        for file in regular {
            let id = identity(file.path)
            let folderReported = reported.contains { file.path.hasPrefix($0 + "/") }
            #expect(seen[id] == 1 || reportedIDs.contains(id) || folderReported, "seed \(seed): \(file.path)\n\(r.stderr)")
        }
        let written = try ExtractRunner.run(["-j", "2", "-o", out.path, root.path], timeout: 30)
        #expect(written.status == 0 || written.status == 1)
        #expect(try snapshot(dir, excluding: out) == before, "seed \(seed): nothing outside the output folder changed")
        #expect(try String(contentsOf: outside.appendingPathComponent("keep.json"), encoding: .utf8) == "keep")
    }

    func identity(_ path: String) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { return path }
        return "\(st.st_dev):\(st.st_ino)"
    }

    /// Every entry under `dir` (links not followed) with its type and contents, except `excluding`.
    func snapshot(_ dir: URL, excluding: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: dir.path) else { return [:] }
        while let rel = e.nextObject() as? String {
            let path = dir.path + "/" + rel
            if path == excluding.path || path.hasPrefix(excluding.path + "/") { continue }
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFLNK: result[rel] = "link " + ((try? fm.destinationOfSymbolicLink(atPath: path)) ?? "")
            case S_IFREG: result[rel] = "file " + ((try? Data(contentsOf: URL(fileURLWithPath: path)).base64EncodedString()) ?? "")
            case S_IFDIR: result[rel] = "folder"
            default: result[rel] = "other \(st.st_mode)"
            }
        }
        return result
    }
}

extension Array {
    func randomElement(using rng: inout FolderWalkTests.Random) -> Element? {
        isEmpty ? nil : self[rng.below(count)]
    }
}
