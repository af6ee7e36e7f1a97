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

    /// Wall time of `body`, in seconds.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Python's zlib on the same file, one run each: seconds for compress (level 6, raw),
    /// decompress (told the output size, as our inflate is) and crc32. Its compressed
    /// stream is written to `streamPath`.
    static func python(_ path: String, streamPath: String) throws -> [String: Double] {
        let script = """
            import sys, time, zlib, json
            data = open(sys.argv[1], 'rb').read()
            def timed(f):
                s = time.perf_counter(); r = f(); return time.perf_counter() - s, r
            def comp():
                c = zlib.compressobj(6, zlib.DEFLATED, -15); return c.compress(data) + c.flush()
            deflate, z = timed(comp)
            open(sys.argv[2], 'wb').write(z)
            inflate, back = timed(lambda: zlib.decompress(z, -15, len(data)))
            assert back == data
            crc, _ = timed(lambda: zlib.crc32(data))
            print(json.dumps({'deflate': deflate, 'inflate': inflate, 'crc': crc, 'size': len(z)}))
            """
        let (status, out) = try ZipFixtures.runPython(script, arguments: [path, streamPath])
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
        print(
            "| data | MB | ratio ours / zlib -6 | deflate MB/s (zlib) | × | inflate MB/s (zlib) | × "
                + "| inflate of zlib's stream MB/s | × | CRC-32 GB/s (zlib) | × |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for (name, data) in inputs {
            let url = try ZipFixtures.temporaryFile(data, suffix: ".bin")
            let streamURL = url.appendingPathExtension("deflate")
            defer {
                try? FileManager.default.removeItem(at: url)
                try? FileManager.default.removeItem(at: streamURL)
            }
            // Ours and zlib's runs alternate, seven rounds, best of each: a shared machine's
            // load then weighs on both alike.
            var ours = ["deflate": Double.infinity, "inflate": .infinity, "inflateZlib": .infinity, "crc": .infinity]
            var zlib = ["deflate": Double.infinity, "inflate": .infinity, "crc": .infinity]
            var compressed: [UInt8] = []
            var zlibSize = 0.0
            for _ in 0..<7 {
                ours["deflate"] = min(ours["deflate"]!, Self.time { compressed = Deflater.deflate(data) })
                var back: [UInt8] = []
                ours["inflate"] = min(
                    ours["inflate"]!,
                    try Self.time { back = try Inflater.inflate(compressed, expectedSize: data.count, limit: data.count) })
                #expect(back == data)
                var crc: UInt32 = 0
                for _ in 0..<3 { ours["crc"] = min(ours["crc"]!, Self.time { crc = CRC32.checksum(data) }) }
                #expect(crc != 0)
                let py = try Self.python(url.path, streamPath: streamURL.path)
                for key in zlib.keys { zlib[key] = min(zlib[key]!, py[key]!) }
                zlibSize = py["size"]!
                let zlibStream = try [UInt8](Data(contentsOf: streamURL))
                ours["inflateZlib"] = min(
                    ours["inflateZlib"]!,
                    try Self.time { back = try Inflater.inflate(zlibStream, expectedSize: data.count, limit: data.count) })
                #expect(back == data)
            }
            let mb = Double(data.count) / 1e6
            func f(_ v: Double) -> String { String(format: v >= 100 ? "%.0f" : "%.1f", v) }
            func x(_ v: Double) -> String { String(format: "%.2f×", v) }
            func rate(_ key: String) -> String { "\(f(mb / ours[key]!)) (\(f(mb / zlib[key]!)))" }
            let row = [
                name, String(format: "%.1f", mb),
                "\(f(Double(data.count) / Double(compressed.count))) / \(f(Double(data.count) / zlibSize))",
                rate("deflate"), x(zlib["deflate"]! / ours["deflate"]!),
                rate("inflate"), x(zlib["inflate"]! / ours["inflate"]!),
                f(mb / ours["inflateZlib"]!), x(zlib["inflate"]! / ours["inflateZlib"]!),
                "\(String(format: "%.2f", mb / 1000 / ours["crc"]!)) (\(String(format: "%.2f", mb / 1000 / zlib["crc"]!)))",
                x(zlib["crc"]! / ours["crc"]!),
            ]
            print("| " + row.joined(separator: " | ") + " |")
        }
    }
}
