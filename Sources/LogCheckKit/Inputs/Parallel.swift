#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A parallel map over independent items (files are independent until linking), on POSIX
/// threads with large stacks: the readers recurse up to `ReaderLimits.maxDepth` levels, and
/// the default stack of a secondary thread is smaller than the main thread's.
public enum Parallel {
    /// Stack size of each worker thread.
    static let stackSize = 64 << 20
    /// Below this many items, a run stays on the calling thread.
    static let minimumItems = 64
    /// Items a worker takes at a time.
    static let chunk = 16

    /// Number of threads: the processors online (at most 16), or `LOGCHECK_THREADS`.
    public static let threadCount: Int = {
        if let s = getenv("LOGCHECK_THREADS"), let n = Int(String(cString: s)), n >= 1 { return min(n, 64) }
        return max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 16))
    }()

    /// `items.map(body)`, in order, computed on up to `threadCount` threads.
    public static func map<T, R>(_ items: [T], _ body: (T) -> R) -> [R] {
        let threads = min(threadCount, items.count / chunk)
        if items.count < minimumItems || threads < 2 { return items.map(body) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let next = Counter()
        withoutActuallyEscaping(body) { body in
            items.withUnsafeBufferPointer { input in
                let work = Work {
                    while true {
                        let start = next.take(chunk)
                        if start >= input.count { return }
                        for i in start..<min(start + chunk, input.count) { results[i] = body(input[i]) }
                    }
                }
                run(threads: threads, work)
            }
        }
        return results.map { $0! }
    }

    /// Runs `work` on `threads` threads (the calling one among them) and waits for all.
    static func run(threads: Int, _ work: Work) {
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, stackSize)
        var started: [pthread_t] = []
        for _ in 1..<threads {
            let box = Unmanaged.passRetained(work).toOpaque()
            var thread = pthread_t()
            let rc = pthread_create(
                &thread, &attr,
                { arg in
                    Unmanaged<Work>.fromOpaque(arg!).takeRetainedValue().body()
                    return nil
                }, box)
            if rc == 0 { started.append(thread) } else { Unmanaged<Work>.fromOpaque(box).release() }
        }
        work.body()
        for thread in started { pthread_join(thread, nil) }
    }

    final class Work: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// The next unclaimed item index, shared by the workers.
    final class Counter: @unchecked Sendable {
        private var value = 0
        private var mutex = pthread_mutex_t()

        init() { pthread_mutex_init(&mutex, nil) }
        deinit { pthread_mutex_destroy(&mutex) }

        func take(_ n: Int) -> Int {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            let v = value
            value += n
            return v
        }
    }
}
