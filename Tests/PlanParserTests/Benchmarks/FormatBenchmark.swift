import Foundation
import Testing
@testable import PlanParser

/// Time to write each output format of one parsed corpus, against JSON, in the same run. Not
/// a unit test: skipped unless `PLANPARSER_BENCH_CORPUS` names a corpus file; run it in
/// release through `scripts/bench-formats.sh`, which makes the corpus and prints the table.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["PLANPARSER_BENCH_CORPUS"] != nil,
        "benchmark: set PLANPARSER_BENCH_CORPUS=FILE (scripts/bench-formats.sh)"))
struct FormatBenchmark {
    static func time(runs: Int = 3, _ body: () -> Int) -> (seconds: Double, bytes: Int) {
        var best = Double.infinity
        var bytes = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            bytes = body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (best, bytes)
    }

    @Test func writeEveryFormat() throws {
        let path = ProcessInfo.processInfo.environment["PLANPARSER_BENCH_CORPUS"]!
        let formats = (ProcessInfo.processInfo.environment["PLANPARSER_BENCH_FORMATS"] ?? "json,xlsx,html,csv,ics,tasks-ndjson")
            .split(separator: ",").map(String.init)
        let document = try PlanDocument.parse(contentsOf: path)
        // A sink that counts, as writing to /dev/null would.
        func run(_ name: String) -> Int {
            guard let f = OutputFormat.named(name, for: .documents), var e = f.documentExporter(ExportOptions()) else { return 0 }
            var total = 0
            let sink = OutputSink { raw in total += raw.count }
            try? e.begin(sink)
            try? e.add(document, sink)
            try? e.end(sink)
            return total
        }
        var results: [(String, Double, Int)] = []
        for name in formats {
            let (t, bytes) = Self.time { run(name) }
            results.append((name, t, bytes))
        }
        if ProcessInfo.processInfo.environment["PLANPARSER_BENCH_PARTS"] != nil {
            let xml = Self.time { () -> Int in
                var tasks = XLSXSheets.headed("Tasks", XLSXSheets.taskColumns)
                XLSXSheets.addTasks(of: document, to: &tasks)
                var n = tasks.xml().count
                for (t, h) in document.tablesWithHeadings {
                    n += XLSXSheets.tableSheet(t, number: 1, heading: h, source: "x", selected: false).xml().count
                }
                return n
            }
            results.append(("xlsx XML only", xml.seconds, xml.bytes))
            var tasks = XLSXSheets.headed("Tasks", XLSXSheets.taskColumns)
            XLSXSheets.addTasks(of: document, to: &tasks)
            let data = tasks.xml()
            let d = Self.time { Deflater.deflate(data).count }
            results.append(("deflate of the Tasks XML (\(data.count / 1_048_576) MB)", d.seconds, d.bytes))
            let c = Self.time { Int(CRC32.checksum(data)) }
            results.append(("crc32 of the Tasks XML", c.seconds, 0))
        }
        let json = results.first { $0.0 == "json" }?.1 ?? .nan
        var table = "| format | seconds | MB written | vs JSON |\n|---|---:|---:|---:|\n"
        for (name, t, bytes) in results {
            table += "| \(name) | \(DecimalText.string(t, fractionDigits: 3)) | \(DecimalText.string(Double(bytes) / 1_048_576, fractionDigits: 1)) | \(DecimalText.string(t / json, fractionDigits: 2))× |\n"
        }
        print("FORMAT-BENCH\n" + table + "tasks: \(document.tasks.count), tables: \(document.tables.count)")
    }
}
