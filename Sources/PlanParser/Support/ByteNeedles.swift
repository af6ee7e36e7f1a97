/// A fixed list of keywords as UTF-8 bytes in one buffer, each looked for anywhere in a text or
/// only at its start, in list order.
///
/// Tables asked of every heading or paragraph: a list of `[UInt8]` hands out each array with a
/// retain and a release at every ask; this list reads its two buffers once per ask.
struct ByteNeedles: Sendable {
    /// The keywords' bytes, one after another.
    private let bytes: [UInt8]
    /// Keyword `k` ends at `bounds[k] & endMask` (and starts where `k - 1` ends); the top bit
    /// marks a keyword looked for only at the start.
    private let bounds: [UInt32]
    private static let startOnly: UInt32 = 1 << 31
    private static let endMask: UInt32 = ~startOnly

    /// - Parameter words: each keyword, and whether only a text that starts with it holds it.
    init(_ words: [(String, atStart: Bool)]) {
        var bytes: [UInt8] = []
        var bounds: [UInt32] = []
        for (w, atStart) in words {
            bytes.append(contentsOf: w.utf8)
            bounds.append(UInt32(bytes.count) | (atStart ? Self.startOnly : 0))
        }
        self.bytes = bytes
        self.bounds = bounds
    }

    /// Keywords looked for anywhere.
    init(_ words: [String]) {
        self.init(words.map { ($0, atStart: false) })
    }

    var count: Int { bounds.count }

    /// The first keyword, in list order, that `hay` holds (at its start for a start-only one).
    func firstMatch(in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            bounds.withUnsafeBufferPointer { ends in
                var start = 0
                for k in ends.indices {
                    let end = Int(ends[k] & Self.endMask)
                    let needle = UnsafeBufferPointer(rebasing: b[start..<end])
                    let found = ends[k] & Self.startOnly != 0 ? ByteSearch.hasPrefix(hay, needle) : ByteSearch.contains(hay, needle)
                    if found { return k }
                    start = end
                }
                return nil
            }
        }
    }
}
