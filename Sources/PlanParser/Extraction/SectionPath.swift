/// The section path of a walk over the section tree: the nodes it is inside, outermost
/// first, with their headings (``TaskExtractor/label(_:)``) made only when a record asks.
///
/// Most paths are never asked for — the items of a purpose section, the duties of the
/// organization section, leaves that make no record — and a heading holds four strings. The
/// path through a node is made once, on first use, from its parent's; every record below the
/// node shares that one array while the walk is inside it.
struct SectionPath {
    private var nodes: [SectionView] = []
    /// `made[d]`: the headings of `nodes[..<d]`, once made (`made[0]` is the empty path).
    private var made: [[SectionHeading]?] = [[]]

    mutating func enter(_ s: SectionView) {
        nodes.append(s)
        made.append(nil)
    }

    mutating func leave() {
        nodes.removeLast()
        made.removeLast()
    }

    /// The headings of every node entered.
    mutating func headings() -> [SectionHeading] { headings(through: nodes.count) }

    /// The headings of the nodes entered but the innermost (the path above the node visited).
    mutating func headingsAbove() -> [SectionHeading] { headings(through: nodes.count - 1) }

    private mutating func headings(through depth: Int) -> [SectionHeading] {
        var d = depth
        while made[d] == nil { d -= 1 }
        while d < depth {
            made[d + 1] = made[d]! + [TaskExtractor.label(nodes[d])]
            d += 1
        }
        return made[depth]!
    }
}
