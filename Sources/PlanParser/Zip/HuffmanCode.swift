/// Length-limited Huffman codes for the DEFLATE encoder.
enum HuffmanCode {
    /// Code lengths for symbols with the given frequencies: 0 for an unused symbol, at most
    /// `maxBits` for the others, and optimal when that limit does not bind.
    ///
    /// Builds a Huffman tree (two-queue method over the sorted frequencies), then, if it is
    /// too deep, moves leaves up while keeping the Kraft sum exactly 1 (the length
    /// adjustment of JPEG, ITU T.81 Annex K.3), and gives the shortest lengths to the most
    /// frequent symbols. A single used symbol gets length 1.
    static func lengths(_ frequencies: [Int], maxBits: Int) -> [UInt8] {
        var lengths = [UInt8](repeating: 0, count: frequencies.count)
        var symbols = frequencies.indices.filter { frequencies[$0] > 0 }
        guard symbols.count > 1 else {
            if let only = symbols.first { lengths[only] = 1 }
            return lengths
        }
        symbols.sort { (frequencies[$0], $0) < (frequencies[$1], $1) }
        let leafCount = symbols.count

        // Nodes 0..<leafCount are leaves (in sorted order), then internal nodes in creation
        // order, which is also non-decreasing weight order.
        var weight = symbols.map { frequencies[$0] }
        weight.reserveCapacity(2 * leafCount)
        var parent = [Int](repeating: -1, count: 2 * leafCount - 1)
        var nextLeaf = 0
        var nextInternal = leafCount
        func takeSmallest() -> Int {
            if nextLeaf < leafCount && (nextInternal >= weight.count || weight[nextLeaf] <= weight[nextInternal]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextInternal += 1
            return nextInternal - 1
        }
        for _ in 0..<(leafCount - 1) {
            let a = takeSmallest()
            let b = takeSmallest()
            let node = weight.count
            weight.append(weight[a] + weight[b])
            parent[a] = node
            parent[b] = node
        }
        // Depths, from the root (the last node) down.
        var depth = [Int](repeating: 0, count: 2 * leafCount - 1)
        for node in stride(from: 2 * leafCount - 3, through: 0, by: -1) {
            depth[node] = depth[parent[node]] + 1
        }
        let deepest = depth[0..<leafCount].max()!
        var count = [Int](repeating: 0, count: max(deepest, maxBits) + 1)
        for leaf in 0..<leafCount { count[depth[leaf]] += 1 }

        if deepest > maxBits {
            for i in stride(from: deepest, to: maxBits, by: -1) {
                while count[i] > 0 {
                    var j = i - 2
                    while count[j] == 0 { j -= 1 }
                    count[i] -= 2
                    count[i - 1] += 1
                    count[j + 1] += 2
                    count[j] -= 1
                }
            }
        }
        // Most frequent symbols (the end of `symbols`) get the shortest codes.
        var k = leafCount - 1
        for length in 1...maxBits {
            for _ in 0..<count[length] {
                lengths[symbols[k]] = UInt8(length)
                k -= 1
            }
        }
        return lengths
    }

    /// The canonical codes for `lengths` (RFC 1951 §3.2.2), bit-reversed so that they can
    /// be written least-significant bit first.
    static func codes(_ lengths: [UInt8]) -> [UInt16] {
        var count = [Int](repeating: 0, count: 16)
        for l in lengths where l != 0 { count[Int(l)] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for l in 1...15 {
            code = (code + count[l - 1]) << 1
            next[l] = code
        }
        var codes = [UInt16](repeating: 0, count: lengths.count)
        for (symbol, l) in lengths.enumerated() where l != 0 {
            codes[symbol] = UInt16(InflateTable.reverse(next[Int(l)], bits: Int(l)))
            next[Int(l)] += 1
        }
        return codes
    }
}
