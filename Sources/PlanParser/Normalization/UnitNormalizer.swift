// TEMPORARY placeholder; replaced by the normalization branch.
enum UnitNormalizer {
    static func key(for name: String) -> String { VietnameseText.lowercased(name) }
}
