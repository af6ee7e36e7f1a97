import Testing

@testable import PlanParser

/// JSON, CSV and tasks NDJSON written on several threads (``JSONWriter/elements(_:_:)``,
/// ``RowBatches``) are those of one thread, byte for byte: streamed or collected, pretty or
/// compact, with an odd or even number of batches.
@Suite struct ParallelOutputTests {
    /// The samples four times over: several batches of top-level sections and of tasks.
    static let document: PlanDocument = {
        var bytes = ParallelWalkTests.allSamples
        for _ in 0..<3 { bytes += Array("\n\n".utf8) + ParallelWalkTests.allSamples }
        return try! PlanDocument.parse(bytes: bytes, path: "joined.txt")
    }()

    static func exported(_ format: String, threads: Int) -> [UInt8] {
        var options = ExportOptions()
        options.threads = threads
        return PlanDocument.export([document], as: OutputFormat.named(format, for: .documents)!, options: options)
    }

    @Test(arguments: ["json", "ndjson", "csv", "tasks-ndjson"])
    func threadsGiveTheSameBytes(format: String) {
        let one = Self.exported(format, threads: 1)
        // Enough to be cut: three batches of tasks (1,024 each: a pair and one more), several
        // of sections.
        #expect(Self.document.tasks.count > 2 * 1024)
        #expect(one.count > 1 << 20)
        for threads in [2, 3] { #expect(Self.exported(format, threads: threads) == one) }
    }

    @Test func collectedWithoutSinkGivesTheSameBytes() {
        var single = JSONWriter(pretty: true)
        single.document(Self.document)
        single.finish()
        var two = JSONWriter(pretty: true)
        two.threads = 2
        two.document(Self.document)
        two.finish()
        #expect(two.bytes == single.bytes)
        #expect(single.bytes == Self.exported("json", threads: 1))
    }

    /// Batches of any shape: empty arrays, one element, an odd number of batches, elements
    /// that are containers.
    @Test(arguments: [0, 1, 2, 5, 7])
    func batchesOfAnyShape(count: Int) {
        func write(threads: Int) -> [UInt8] {
            var w = JSONWriter(pretty: true)
            w.threads = threads
            w.beginObject()
            w.key("values")
            w.beginArray()
            let batches = stride(from: 0, to: count, by: 2).map { $0..<min($0 + 2, count) }
            w.elements(batches) { w, i in
                w.beginObject()
                w.key("n"); w.int(i)
                w.key("list"); w.inlineArray([i, i + 1])
                w.endObject()
            }
            w.endArray()
            w.key("after"); w.bool(true)
            w.endObject()
            w.finish()
            return w.bytes
        }
        let one = write(threads: 1)
        #expect(write(threads: 2) == one)
        if count == 1 {
            #expect(String(decoding: one, as: UTF8.self) == """
                {
                  "values": [
                    {
                      "n": 0,
                      "list": [0, 1]
                    }
                  ],
                  "after": true
                }

                """)
        }
    }

    /// A joined field is quoted and guarded as a whole, as the joined string was: the list
    /// separator `; ` holds the `;` delimiter, a quote in any part is doubled, a sign at the
    /// start of the first part is guarded.
    @Test func joinedFieldsQuoteAsOneText() {
        var w = CSVWriter(delimiter: UInt8(ascii: ";"))
        w.field(joining: ["=A1", "b"], separator: "; ") { $0 }
        w.field(joining: ["x", "say \"hi\""], separator: "; ") { $0 }
        w.field(joining: [String](), separator: "; ") { $0 }
        w.field(joining: ["only"], separator: " > ") { $0 }
        w.field(-42)
        w.field(CalendarDate(year: 2025, month: 3, day: 7))
        w.field(nil as CalendarDate?)
        w.endRow()
        #expect(String(decoding: w.bytes, as: UTF8.self) == "\"'=A1; b\";\"x; say \"\"hi\"\"\";;only;-42;2025-03-07;\r\n")
        var comma = CSVWriter()
        comma.row(["a long field without specials", "eight+ bytes, then a comma", "tab\there"])
        #expect(String(decoding: comma.bytes, as: UTF8.self) == "a long field without specials,\"eight+ bytes, then a comma\",tab\there\r\n")
    }
}
