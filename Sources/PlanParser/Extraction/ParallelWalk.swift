/// Task extraction on two threads for a large document with several top-level sections —
/// many plans in one file, or a plan whose `TỔ CHỨC THỰC HIỆN` is as long as the rest.
///
/// The top-level sections are cut in two runs of about equal length; a second extractor
/// walks the later run while this one walks the earlier, and its records are appended after
/// this one's. A walk carries nothing from one top-level section to the next but two counts,
/// both made to continue across the cut: the bullets among the top-level sections (the
/// second walk starts after those of the first run), and the sentence ids of a node (`II.s3`):
/// the second walk logs each one it gives, and adds the first walk's count for that node
/// once both are done. So the records are those of one walk, byte for byte.
enum ParallelWalk {
    /// Documents shorter than this many lines are walked on one thread: starting a thread
    /// costs more than it saves.
    static let minimumLines = 4000

    /// Where to cut `roots` (the first top-level section of the second run), or nil.
    static func split(_ roots: [SectionView]) -> Int? {
        guard roots.count >= 2, let first = roots.first, let last = roots.last else { return nil }
        let start = first.line
        let total = max(last.endLine, last.line) - start
        guard total >= minimumLines else { return nil }
        let middle = start + total / 2
        // The section starting nearest the middle line.
        var best = 1
        for k in 1..<roots.count where abs(roots[k].line - middle) < abs(roots[best].line - middle) { best = k }
        return best
    }

    /// Walks `roots[..<split]` into `extractor` and `roots[split...]` beside it, then appends
    /// the second walk's records.
    /// - Parameter capacity: room for every task of the document, in both walks (the one that
    ///   finds more keeps its array and takes the other's records without growing it).
    static func walk(_ roots: [SectionView], at split: Int, with extractor: inout TaskExtractor, reserving capacity: Int) {
        var counted = 0
        for s in roots[..<split] { _ = TaskExtractor.ownID(of: s, bulletOrdinal: &counted) }
        let bullets = counted
        let normalizer = extractor.normalizer
        var second = SideThread.run({
            var second = TaskExtractor(normalizer: normalizer)
            second.sentenceLog = []
            second.tasks.reserveCapacity(capacity)
            second.walk(roots[split...], role: .neutral, parentID: nil, agency: nil, bulletOrdinal: bullets)
            return second
        }, beside: {
            extractor.walk(roots[..<split], role: .neutral, parentID: nil, agency: nil)
        })
        append(&second, to: &extractor)
    }

    private static func append(_ second: inout TaskExtractor, to first: inout TaskExtractor) {
        for entry in second.sentenceLog ?? [] {
            guard let before = first.sentenceCounts[entry.base] else { continue }
            second.tasks[entry.task].id = (entry.base.isEmpty ? "" : entry.base + ".") + "s" + String(entry.n + before)
        }
        for (base, n) in second.sentenceCounts { first.sentenceCounts[base, default: 0] += n }
        // Into the larger of the two arrays (each has room for every task): the smaller one is
        // the only copy made, so a document whose second half is one huge table is not held twice.
        if second.tasks.count > first.tasks.count {
            second.tasks.insert(contentsOf: first.tasks, at: 0)
            first.tasks = []
            swap(&first.tasks, &second.tasks)
        } else {
            first.tasks.append(contentsOf: second.tasks)
            second.tasks = []
        }
        first.targets += second.targets
        first.warnings += second.warnings
        first.responsibilities += second.responsibilities
        first.responsibilityHeads += second.responsibilityHeads
        first.sawTaskSection = first.sawTaskSection || second.sawTaskSection
    }
}
