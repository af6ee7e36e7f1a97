extension RandomAccessCollection where Index == Int {
    /// The first index whose element is not `before`, in a collection where every element that
    /// is `before` comes first (a sorted array and `$0 < value`: the lower bound of `value`).
    /// Binary search, O(log n): the one search the sorted indexes of the library share.
    @inline(__always)
    func partitionPoint(_ before: (Element) -> Bool) -> Int {
        var lo = startIndex
        var hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if before(self[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
