import Foundation
import Testing

@testable import PlanParser

/// Throughput of CRC-32, DEFLATE and inflate against Python's zlib on the same data, in the
/// same run. Not a unit test: skipped unless `PLANPARSER_BENCH=1`; run it in release through
/// `scripts/bench-zip.sh`, which prints the Markdown table for BENCHMARKS.md.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["PLANPARSER_BENCH"] == "1",
        "benchmark: set PLANPARSER_BENCH=1 (scripts/bench-zip.sh)"))
struct ZipBenchmark {
    /// A worksheet part as an XLSX writer makes it: about `megabytes` MB of rows.
    static func sheetXML(megabytes: Int) -> [UInt8] {
        var rng = SeededGenerator(seed: 2024)
        var out = Array(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                .utf8)
        out.reserveCapacity(megabytes << 20 + 1000)
        var row = 1
        let columns = ["A", "B", "C", "D", "E", "F", "G", "H"]
        while out.count < megabytes << 20 {
            var line = "<row r=\"\(row)\" spans=\"1:8\">"
            for (k, c) in columns.enumerated() {
                switch k {
                case 0: line += "<c r=\"\(c)\(row)\"><v>\(row)</v></c>"
                case 1, 2, 5: line += "<c r=\"\(c)\(row)\" t=\"s\"><v>\(UInt32.random(in: 0..<5000, using: &rng))</v></c>"
                case 6: line += "<c r=\"\(c)\(row)\" s=\"2\"><v>\(45_292 + Int.random(in: 0..<730, using: &rng))</v></c>"
                default: line += "<c r=\"\(c)\(row)\" s=\"1\"><v>\(Double(Int.random(in: 0..<10_000_000, using: &rng)) / 100)</v></c>"
                }
            }
            line += "</row>"
            out += Array(line.utf8)
            row += 1
        }
        out += Array("</sheetData></worksheet>".utf8)
        return out
    }

    /// Best of `runs` wall times, in seconds.
    static func time(runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Python's zlib on the same file: seconds for compress (level 6, raw), decompress, crc32.
    static func python(_ path: String) throws -> [String: Double] {
        let script = """
            import sys, time, zlib, json
            data = open(sys.argv[1], 'rb').read()
            def best(f):
                t = 1e9
                for _ in range(3):
                    s = time.perf_counter(); f(); t = min(t, time.perf_counter() - s)
                return t
            def comp():
                c = zlib.compressobj(6, zlib.DEFLATED, -15); return c.compress(data) + c.flush()
            z = comp()
            print(json.dumps({'deflate': best(comp), 'inflate': best(lambda: zlib.decompress(z, -15)),
                              'crc': best(lambda: zlib.crc32(data)), 'size': len(z)}))
            """
        let (status, out) = try ZipFixtures.runPython(script, arguments: [path])
        guard status == 0, let json = try JSONSerialization.jsonObject(with: Data(out)) as? [String: Double] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return json
    }

    @Test func throughput() throws {
        var rng = SeededGenerator(seed: 1)
        let text = ZipFixtures.text
        var document: [UInt8] = []
        while document.count < 16 << 20 { document += text }
        let inputs: [(String, [UInt8])] = [
            ("sheet XML (XLSX)", Self.sheetXML(megabytes: 32)),
            ("document XML (DOCX)", document),
            ("random bytes", (0..<(8 << 20)).map { _ in UInt8.random(in: 0...255, using: &rng) }),
        ]
        print("| data | MB | ratio ours / zlib -6 | deflate MB/s (zlib) | × | inflate MB/s (zlib) | × | CRC-32 GB/s (zlib) | × |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for (name, data) in inputs {
            let mb = Double(data.count) / 1e6
            var compressed: [UInt8] = []
            let deflate = Self.time { compressed = Deflater.deflate(data) }
            var back: [UInt8] = []
            let inflate = try Self.time { back = try Inflater.inflate(compressed, expectedSize: data.count, limit: data.count) }
            #expect(back == data)
            var crc: UInt32 = 0
            let crcTime = Self.time(runs: 5) { crc = CRC32.checksum(data) }
            #expect(crc != 0)

            let url = try ZipFixtures.temporaryFile(data, suffix: ".bin")
            defer { try? FileManager.default.removeItem(at: url) }
            let py = try Self.python(url.path)
            let zlibSize = py["size"]!
            func f(_ v: Double) -> String { String(format: v >= 100 ? "%.0f" : "%.1f", v) }
            func x(_ v: Double) -> String { String(format: "%.2f×", v) }
            let row = [
                name, String(format: "%.1f", mb),
                "\(f(Double(data.count) / Double(compressed.count))) / \(f(Double(data.count) / zlibSize))",
                "\(f(mb / deflate)) (\(f(mb / py["deflate"]!)))", x(py["deflate"]! / deflate),
                "\(f(mb / inflate)) (\(f(mb / py["inflate"]!)))", x(py["inflate"]! / inflate),
                "\(String(format: "%.2f", mb / 1000 / crcTime)) (\(String(format: "%.2f", mb / 1000 / py["crc"]!)))",
                x(py["crc"]! / crcTime),
            ]
            print("| " + row.joined(separator: " | ") + " |")
        }
    }
}
