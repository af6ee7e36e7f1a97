#if compiler(>=6.2)
    /// Writer types are named by the closures a side thread runs, so they must be sendable
    /// as types (Swift 6.2 checks it).
    typealias SideThreadType = SendableMetatype
#else
    typealias SideThreadType = Any
#endif

/// A writer whose buffer can be handed to a sink (``CSVWriter``, ``JSONWriter``).
protocol BufferedWriter: SideThreadType {
    /// Writes what is buffered to `sink` once it holds at least `threshold` bytes.
    mutating func flush(to sink: OutputSink, ifAbove threshold: Int) throws(OutputError)
}

extension CSVWriter: BufferedWriter {}
extension JSONWriter: BufferedWriter {}

/// The rows of a flat output (task CSV, tasks NDJSON), written in order into a writer and out
/// to a sink: on one thread a megabyte at a time; on more, 1,024 rows a batch and two batches
/// at a time (``SideThread/inPairs(_:state:side:here:joined:)``), the side thread's into a
/// writer of its own, flushed after this one's. The bytes are the same either way.
enum RowBatches {
    static let size = 1024

    /// `0..<count` in consecutive runs of `size` (the last one shorter).
    static func batches(_ count: Int, of size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    static func write<W: BufferedWriter>(
        count: Int, threads: Int, into writer: inout W, spare: W, to out: OutputSink,
        _ row: @escaping @Sendable (Int, inout W) -> Void
    ) throws(OutputError) {
        let alone = threads < 2 || count <= size
        let batches = alone ? [0..<count] : Self.batches(count, of: size)
        let side = SideThread.Handoff(spare)
        var failure: OutputError?
        SideThread.inPairs(
            batches, state: &writer,
            side: { batch in for i in batch { row(i, &side.value) } },
            here: { w, batch in
                for i in batch {
                    row(i, &w)
                    if alone, failure == nil {
                        do throws(OutputError) { try w.flush(to: out, ifAbove: JSONWriter.chunkSize) } catch { failure = error }
                    }
                }
            },
            joined: { w in
                guard failure == nil else { return }
                do throws(OutputError) {
                    try w.flush(to: out, ifAbove: 0)
                    try side.value.flush(to: out, ifAbove: 0)
                } catch { failure = error }
            })
        if let failure { throw failure }
        try writer.flush(to: out, ifAbove: 0)
    }

}
