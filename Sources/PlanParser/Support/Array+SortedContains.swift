extension Array where Element: Comparable {
    /// Whether the array, sorted ascending, holds `key`: a binary search, for small tables of
    /// word hashes asked once per word (a `Set` hashes the hash again, at every ask).
    func sortedContains(_ key: Element) -> Bool {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] == key
    }
}
