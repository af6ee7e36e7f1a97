import Foundation
import Testing

/// Outputs never overwrite an input or each other: refused up front, nothing written, status 1.
@Suite struct OverwriteTests {
    static let plan = "samples/field-bullets.txt"

    static func copyPlan(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ExtractRunner.packageRoot.appendingPathComponent(plan), to: url)
    }

    static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// The case: `extract --stats -o s s` replaced `s/a.txt` with the stats text. Now
    /// the counts go to `s/a.stats.txt` and the input stays.
    @Test func statsIntoTheInputFolder() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("s")
        try Self.copyPlan(to: s.appendingPathComponent("a.txt"))
        let before = try Self.bytes(s.appendingPathComponent("a.txt"))
        let r = try ExtractRunner.run(["--stats", "-o", s.path, s.path])
        #expect(r.status == 0)
        #expect(try Self.bytes(s.appendingPathComponent("a.txt")) == before)
        let stats = try String(contentsOf: s.appendingPathComponent("a.stats.txt"), encoding: .utf8)
        #expect(stats.hasPrefix(s.path + "/a.txt\n  tasks: 18 "))
        // A second run does not take the stats file for a plan of its own output name.
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.path).sorted() == ["a.stats.txt", "a.txt"])
    }

    /// An output that is an input, directly or through a link: refused before anything is written.
    @Test func outputIsAnInput() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("plan.txt")
        try Self.copyPlan(to: input)
        let link = dir.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        let before = try Self.bytes(input)
        let other = ExtractRunner.packageRoot.appendingPathComponent("samples/diff/plan-2025.txt").path
        let cases: [([String], Int32)] = [
            (["-o", input.path, input.path], 1),
            (["-o", link.path, input.path], 1),
            (["--stats", "-o", input.path, input.path], 1),
            (["-f", "csv", "-o", input.path, other, input.path], 2),  // several inputs: -o must be a folder
            (["outline", "-o", input.path, input.path], 1),
            (["units", "-o", link.path, input.path], 1),
            (["text", "-o", input.path, input.path], 1),
            (["diff", "-o", input.path, other, input.path], 2),
        ]
        for (args, status) in cases {
            let r = try ExtractRunner.run(args)
            #expect(r.status == status, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("is the input") || r.stderr.contains("is not a directory"), "\(args): \(r.stderr)")
            #expect(try Self.bytes(input) == before, "\(args)")
        }
        // A folder whose planned output is a link to an input.
        let s = dir.appendingPathComponent("s")
        try Self.copyPlan(to: s.appendingPathComponent("a.txt"))
        try FileManager.default.createSymbolicLink(at: s.appendingPathComponent("a.json"), withDestinationURL: s.appendingPathComponent("a.txt"))
        let r = try ExtractRunner.run(["-o", s.path, s.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: the output '\(s.path)/a.json' is the input '\(s.path)/a.txt'; nothing was written"))
        #expect(try Self.bytes(s.appendingPathComponent("a.txt")) == before)
    }

    /// `extract plan.txt >> plan.txt` (standard output is the input file).
    @Test func standardOutputIsTheInput() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("plan.txt")
        try Self.copyPlan(to: input)
        let before = try Self.bytes(input)
        let r = try ExtractRunner.run([input.path], stdoutPath: input.path)
        #expect(r.status == 1)
        #expect(r.stderr == "error: standard output is the input '\(input.path)'; nothing was written\n")
        #expect(try Self.bytes(input) == before)
    }

    /// `extract -o out d1/plan.txt d2/plan.txt` wrote one plan.json and said "2 files ok".
    @Test func twoInputsOneOutputName() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for d in ["d1", "d2"] { try Self.copyPlan(to: dir.appendingPathComponent("\(d)/plan.txt")) }
        let out = dir.appendingPathComponent("out")
        let r = try ExtractRunner.run(["-o", out.path, "d1/plan.txt", "d2/plan.txt"], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "error: 'd1/plan.txt' and 'd2/plan.txt' would both be written to '\(out.path)/plan.json'; nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// `a.txt` and `a.TXT` in one folder clash on macOS and Windows.
    @Test func namesThatDifferOnlyInCase() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = dir.appendingPathComponent("c")
        try Self.copyPlan(to: c.appendingPathComponent("a.txt"))
        try Self.copyPlan(to: c.appendingPathComponent("a.TXT"))
        guard try FileManager.default.contentsOfDirectory(atPath: c.path).count == 2 else {
            print("skipped: this file system ignores case")
            return
        }
        let out = dir.appendingPathComponent("out")
        let r = try ExtractRunner.run(["-o", out.path, c.path])
        #expect(r.status == 1)
        #expect(r.stderr == "error: '\(c.path)/a.TXT' and '\(c.path)/a.txt' would both be written to '\(out.path)/a.json'; nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // NFC and NFD spellings of one name clash as well.
        let v = dir.appendingPathComponent("v")
        try Self.copyPlan(to: v.appendingPathComponent("k\u{1EBF} ho\u{1EA1}ch.txt"))
        try Self.copyPlan(to: v.appendingPathComponent("ke\u{302}\u{301} hoa\u{323}ch.txt"))
        let n = try ExtractRunner.run(["-o", out.path, v.path])
        #expect(n.status == 1)
        #expect(n.stderr.contains("would both be written to"))
    }

    /// A link planted in the output folder is replaced, never followed: the file it points to,
    /// outside the folder, stays as it was; a folder link is refused.
    @Test func plantedLinksInTheOutputFolder() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try Self.copyPlan(to: input.appendingPathComponent("plan.txt"))
        try Self.copyPlan(to: input.appendingPathComponent("sub/x.txt"))
        let victim = dir.appendingPathComponent("victim.json")
        try Data("victim".utf8).write(to: victim)
        let outside = dir.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("plan.json"), withDestinationURL: victim)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("sub"), withDestinationURL: outside)
        let r = try ExtractRunner.run(["-o", out.path, input.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: cannot write '\(out.path)/sub': is a symbolic link; not writing through it"))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "victim")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == [])
        let written = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("plan.json").path)
        #expect(written[.type] as? FileAttributeType == .typeRegular)
    }
}
