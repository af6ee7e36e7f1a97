import Testing

@testable import PlanParser

/// The JSON writer's memory stays bounded on values that are one long run: a list of 100,000
/// notes goes to the sink a chunk at a time, and a paragraph of megabytes goes to it as it is,
/// not through a buffer grown to hold it — with the bytes of the unstreamed writer.
@Suite struct JSONStreamingTests {
    final class Chunks: @unchecked Sendable {
        var bytes: [UInt8] = []
        var writes: [Int] = []
    }

    static func write(_ body: (inout JSONWriter) -> Void) -> (streamed: Chunks, whole: [UInt8], largestBuffer: Int) {
        let chunks = Chunks()
        var streamed = JSONWriter(pretty: true)
        streamed.sink = OutputSink { raw in
            chunks.bytes.append(contentsOf: raw)
            chunks.writes.append(raw.count)
        }
        var largest = 0
        body(&streamed)
        largest = max(largest, streamed.bytes.count)
        streamed.finish()
        try? streamed.flush(to: streamed.sink!)
        var whole = JSONWriter(pretty: true)
        body(&whole)
        whole.finish()
        return (chunks, whole.bytes, largest)
    }

    @Test func longInlineListsStream() {
        let notes = (0..<100_000).map { "ghi chú số \($0) về nhiệm vụ" }
        let (streamed, whole, left) = Self.write { w in
            w.beginObject()
            w.key("notes"); w.inlineArray(notes)
            w.endObject()
        }
        #expect(streamed.bytes == whole)
        #expect(streamed.writes.count >= 3)
        // Only what followed the last chunk was left in the buffer.
        #expect(left < JSONWriter.chunkSize + 64)
    }

    @Test func longCleanRunsGoStraightToTheSink() {
        let paragraph = String(repeating: "Triển khai thực hiện nhiệm vụ cải cách hành chính. ", count: 60_000)  // 3.4 MB
        let (streamed, whole, left) = Self.write { w in
            w.beginObject()
            w.key("text"); w.string(paragraph + "\"quoted\" " + paragraph)
            w.endObject()
        }
        #expect(streamed.bytes == whole)
        #expect(streamed.writes.contains { $0 >= paragraph.utf8.count })
        #expect(left < 64)
    }
}
