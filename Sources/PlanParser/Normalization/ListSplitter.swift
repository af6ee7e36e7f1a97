// TEMPORARY placeholder; replaced by the normalization branch.
enum ListSplitter {
    static func units(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    static func products(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
