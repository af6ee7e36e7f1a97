/// The parsing pipeline: bytes → lines → tokens → tree → records, one stage per call.
extension PlanDocument {
    /// Parses a plan from the bytes of a file in any readable format (``InputFormat/all``),
    /// recognized by content.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: how to name the source in the output (`source.path`).
    /// - Throws: ``PlanParseError`` when the bytes are not a usable document (binary, invalid
    ///   encoding, empty, too large, a format that cannot be read). Everything else is parsed,
    ///   with warnings.
    public static func parse(bytes: consuming [UInt8], path: String = "-", options: ParseOptions = ParseOptions())
        throws(PlanParseError) -> PlanDocument
    {
        let decoded: DecodedSource
        do {
            // Clean text decodes to these very bytes: hand them over, so the stages that rewrite
            // in place (literal line breaks, the tokenizer) own the only copy (a caller that
            // hands them over with `consume` saves one).
            decoded = try DocumentReaders.read(consume bytes, options: options)
        } catch {
            throw DocumentReaders.naming(error, path: path)
        }
        return try parse(decoded, path: path, options: options)
    }

    /// Reads and parses the file at `path`.
    public static func parse(contentsOf path: String, options: ParseOptions = ParseOptions())
        throws(PlanParseError) -> PlanDocument
    {
        try parse(bytes: SourceFile.contents(ofPath: path, limit: options.maxBytes), path: path, options: options)
    }

    /// The text the parser reads and every `line` refers to: a text file decoded and cleaned,
    /// or a reader's canonical text (a Word document's paragraphs and table rows).
    public static func canonicalText(bytes: [UInt8], options: ParseOptions = ParseOptions())
        throws(PlanParseError) -> [UInt8]
    {
        try DocumentReaders.read(bytes, options: options).bytes
    }

    /// Leads for prose tasks that state none, from the responsibilities the extractor found.
    private static func inferLeads(_ tasks: inout [PlanTask], _ extractor: TaskExtractor, title: String?) {
        LeadInference.infer(&tasks, from: extractor.responsibilities, heads: extractor.responsibilityHeads, documentTitle: title)
    }

    /// The reported (1-based) numbers of the 0-based `lines`, sorted.
    private static func reportedLines(_ lines: [Int32], numbers: [Int32]) -> [Int32] {
        lines.map { Int($0) < numbers.count ? numbers[Int($0)] : $0 + 1 }.sorted()
    }

    /// Files larger than this are refused unless the caller raises the limit: 256 MiB, far
    /// above any real plan, low enough to stop a mistaken multi-gigabyte input early.
    public static let defaultMaxBytes = 256 << 20

    /// - Throws: ``PlanParseError/empty`` when no line holds text (only markdown remnants).
    static func parse(_ decoded: consuming DecodedSource, path: String, options: ParseOptions)
        throws(PlanParseError) -> PlanDocument
    {
        var clock = StageClock(report: options.stageTimer)
        let format = decoded.format
        let notes = decoded.notes
        // 1. Converter tables and columns back into rows; lines and tokens; page numbers,
        //    running headers and rules leave the text.
        // The page starts by reported line: the recovery stage may rewrite the lines they count.
        let pageStarts = decoded.pageStarts.isEmpty ? [] : Self.reportedLines(decoded.pageStarts, numbers: decoded.lineNumbers)
        let recovered = ConvertedTextRecovery.recover(decoded)
        clock.lap("recovery")
        var source = LineTokenizer.tokenize(recovered)
        guard !source.tokens.isEmpty else { throw .empty }
        clock.lap("tokenize")
        let furniture = FurnitureDetector.remove(from: &source, pageStarts: pageStarts)
        clock.lap("furniture")
        // 2. Frame: header at the top, closing block near the end.
        let frame = FrameParser(source: source).parse()
        var (header, warnings) = HeaderExtractor(source: source, frame: frame).extract()
        // Word's automatic numbering dropped by the converter: the outline restored, with a warning.
        if let lost = LostNumbering.restore(&source, in: frame.bodyRanges(tokenCount: source.tokens.count)[0]) {
            warnings.append(lost)
        }
        clock.lap("frame and header")
        // 3. The section tree of everything else, and 4. citations everywhere — read beside the
        //    section parser when a thread is spare and the document long enough to pay for it
        //    (both only read the tokens); the document's own number is not a citation of another.
        let sideThreads = options.threads > 1 && source.lineCount >= ParallelWalk.minimumLines
        let body: SectionParser.Output
        let citations: [Citation]
        if sideThreads {
            let tokenized = source
            var parsed: SectionParser.Output?
            citations = SideThread.run({ CitationExtractor.extract(from: tokenized) }, beside: {
                parsed = SectionParser.parse(source, ranges: frame.bodyRanges(tokenCount: source.tokens.count))
            })
            body = parsed!
            clock.lap("sections and citations")
        } else {
            body = SectionParser.parse(source, ranges: frame.bodyRanges(tokenCount: source.tokens.count))
            clock.lap("sections")
            citations = CitationExtractor.extract(from: source)
            clock.lap("citations")
        }
        // Usually none is the document's own number: then the list is kept, not copied (a
        // document citing 100,000 others would hold it twice).
        header.references = citations.contains { $0.number == header.number } ? citations.filter { $0.number != header.number } : citations
        warnings += body.warnings
        warnings += HeadingSpellCheck.check(body.store)
        clock.lap("spell check")
        let closing = frame.closing(in: source)
        let lines = source.lineCount
        source.tokens = []  // the text stays: the section store reads it
        // 5. Tasks and targets, with the citations made on their lines.
        var extractor = TaskExtractor(normalizer: TimeNormalizer(planYear: header.planYear, planPeriod: header.planPeriod))
        // Tables flattened beyond repair: looked for beside other work when there is a thread
        // to spare (the detector only reads the store) — beside the extraction when that runs
        // on one thread, else beside the lead inference (not a third thread on two cores).
        let store = body.store
        let splitWalk = sideThreads && ParallelWalk.split(store.rootViews) != nil
        var early: [Diagnostic]?
        func extract() {
            extractor.extract(from: store, preamble: body.preamble, kind: header.kind, dateYear: header.date?.year,
                              threads: options.threads)
        }
        if sideThreads, !splitWalk {
            early = SideThread.run({ LostTableDetector.check(store, furniture: furniture) }, beside: extract)
        } else {
            extract()
        }
        clock.lap("tasks")
        // 6. Prose tasks without a stated lead take one from the plan's responsibilities.
        var found = extractor.takeTasks()
        let lost: [Diagnostic]
        if splitWalk {
            lost = SideThread.run({ LostTableDetector.check(store, furniture: furniture) }, beside: {
                Self.inferLeads(&found, extractor, title: header.title)
            })
            clock.lap("lead inference and lost tables")
        } else {
            Self.inferLeads(&found, extractor, title: header.title)
            clock.lap("lead inference")
            lost = early ?? LostTableDetector.check(store, furniture: furniture)
            if early == nil { clock.lap("lost tables") }
        }
        warnings += lost
        let tasks = ReferenceAttacher(header.references).attach(to: consume found)  // not copied
        clock.lap("task references")
        return PlanDocument(
            source: SourceInfo(path: path, format: format, lines: lines), header: header, preamble: body.preamble,
            store: body.store, closing: closing, tasks: tasks, targets: extractor.targets,
            responsibilities: extractor.responsibilities, warnings: Diagnostic.inLineOrder(notes + warnings + extractor.warnings),
            leftovers: body.leftovers, furniture: furniture)
    }
}
