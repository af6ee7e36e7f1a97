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
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var parsed: PlanDocument?
        let parse = Self.time { () -> Int in
            parsed = try? PlanDocument.parse(bytes: bytes, path: path)
            return bytes.count
        }
        let document = try #require(parsed)
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
        let json = results.first { $0.0 == "json" }?.1 ?? .nan
        var table = "| format | write | MB written | write vs JSON | parse + write | vs JSON |\n|---|---:|---:|---:|---:|---:|\n"
        func f(_ v: Double, _ digits: Int = 3) -> String { DecimalText.string(v, fractionDigits: digits) }
        for (name, t, bytes) in results {
            table += "| \(name) | \(f(t)) s | \(f(Double(bytes) / 1_048_576, 1)) | \(f(t / json, 2))× "
                + "| \(f(parse.seconds + t)) s | \(f((parse.seconds + t) / (parse.seconds + json), 2))× |\n"
        }
        table += "\nParsing the corpus (\(f(Double(bytes.count) / 1_048_576, 1)) MB) once: \(f(parse.seconds)) s.\n"
        print("FORMAT-BENCH\n" + table + "It holds \(document.tasks.count) tasks and \(document.tables.count) tables.\nFORMAT-BENCH-END")
    }
}
