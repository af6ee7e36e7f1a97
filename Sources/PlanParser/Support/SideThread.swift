#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one piece of work on a thread of its own while the caller does another.
///
/// A plain POSIX thread rather than Dispatch: the parse may itself run on a Dispatch worker
/// (the CLI's batch pipeline), and a nested `concurrentPerform` there is run serially.
enum SideThread {
    /// Runs `side` on a new thread and `main` on this one; returns when both are done. When
    /// no thread can be started, runs `side` here after `main`.
    static func run(_ side: @escaping @Sendable () -> Void, beside main: () -> Void) {
        let box = Unmanaged.passRetained(Work(side))
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        // The walks recurse once per heading level: the usual main-thread stack.
        pthread_attr_setstacksize(&attributes, 8 << 20)
        #if canImport(Darwin)
            var thread: pthread_t? = nil
        #else
            var thread = pthread_t()
        #endif
        let started = pthread_create(&thread, &attributes, { context in
            #if canImport(Darwin)
                Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
            #else
                Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
            #endif
            return nil
        }, box.toOpaque())
        main()
        if started == 0 {
            #if canImport(Darwin)
                pthread_join(thread!, nil)
            #else
                pthread_join(thread, nil)
            #endif
        } else {
            box.takeRetainedValue().body()
        }
    }

    private final class Work: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
