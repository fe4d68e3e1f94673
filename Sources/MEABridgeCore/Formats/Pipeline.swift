#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Two stages on two threads: `produce` runs on a thread of its own and hands its events, in order and in batches,
/// to `consume` on the calling thread, so that reading the next records overlaps with handling the last ones.
///
/// At most `capacity` batches wait between the stages, so memory stays bounded. When `consume` throws, the producer
/// is stopped at its next event and the error is rethrown once its thread has ended; when `produce` throws, the
/// events before the failure are consumed first, then its error is rethrown. When no thread can be started, both
/// stages run on the calling thread.
public enum Pipeline {
    /// Runs the two stages.
    ///
    /// Inlinable, so that handing each event on is specialised for its type in the caller's module (no generic
    /// metadata looked up per event).
    /// - Parameters:
    ///   - batchSize: Events per batch (the producer and the consumer meet once per batch).
    ///   - capacity: The most batches waiting between the stages.
    ///   - produce: The first stage; it calls `emit` for each event, which blocks while `capacity` batches wait.
    ///   - consume: The second stage, on the calling thread.
    /// - Throws: What either stage throws.
    @inlinable
    public static func run<Event: Sendable>(
        batchSize: Int = 1024,
        capacity: Int = 4,
        produce: @escaping @Sendable (_ emit: (consuming Event) throws -> Void) throws -> Void,
        consume: (Event) throws -> Void
    ) throws {
        let channel = Channel<Event>(capacity: max(1, capacity))
        let size = max(1, batchSize)
        guard let thread = PipelineThread.start({ runProducer(channel: channel, batchSize: size, produce: produce) })
        else {
            try produce { event in try consume(event) }
            return
        }
        var consumerError: (any Error)?
        while var batch = channel.pop() {
            do {
                // The producer reversed the batch: popping from the end moves each event out in order, without
                // copying it (a record's strings are not retained and released once more).
                while let event = batch.popLast() { try consume(event) }
            } catch {
                consumerError = error
                channel.cancel()
                break
            }
        }
        thread.join()
        if let consumerError { throw consumerError }
        if let failure = channel.failure { throw failure }
    }

    /// The producer's side, on its own thread: batches of events pushed to the channel.
    @inlinable
    static func runProducer<Event: Sendable>(
        channel: Channel<Event>,
        batchSize: Int,
        produce: @Sendable (_ emit: (consuming Event) throws -> Void) throws -> Void
    ) {
        var batch: [Event] = []
        batch.reserveCapacity(batchSize)
        do {
            try produce { (event: consuming Event) in
                batch.append(consume event)
                if batch.count >= batchSize {
                    batch.reverse()
                    guard channel.push(batch) else { throw Cancelled() }
                    batch = []
                    batch.reserveCapacity(batchSize)
                }
            }
            batch.reverse()
            if !batch.isEmpty { _ = channel.push(batch) }
            channel.finish(failure: nil)
        } catch is Cancelled {
            channel.finish(failure: nil)
        } catch {
            batch.reverse()
            if !batch.isEmpty { _ = channel.push(batch) }
            channel.finish(failure: error)
        }
    }

    @usableFromInline
    struct Cancelled: Error {
        @usableFromInline init() {}
    }

    /// A bounded queue of batches between the two threads.
    @usableFromInline
    final class Channel<Event: Sendable>: @unchecked Sendable {
        @usableFromInline let lock = PipelineLock()
        @usableFromInline let capacity: Int
        @usableFromInline var queue: [[Event]] = []
        @usableFromInline var finished = false
        @usableFromInline var cancelled = false
        @usableFromInline var failure: (any Error)?

        @inlinable
        init(capacity: Int) { self.capacity = capacity }

        /// Waits for room and queues a batch; `false` when the consumer has stopped.
        @inlinable
        func push(_ batch: [Event]) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            while queue.count >= capacity, !cancelled { lock.wait() }
            if cancelled { return false }
            queue.append(batch)
            lock.broadcast()
            return true
        }

        /// Waits for the next batch; `nil` once the producer has finished and everything was taken.
        @inlinable
        func pop() -> [Event]? {
            lock.lock()
            defer { lock.unlock() }
            while queue.isEmpty, !finished { lock.wait() }
            guard !queue.isEmpty else { return nil }
            let batch = queue.removeFirst()
            lock.broadcast()
            return batch
        }

        @inlinable
        func finish(failure: (any Error)?) {
            lock.lock()
            self.failure = failure
            finished = true
            lock.broadcast()
            lock.unlock()
        }

        @inlinable
        func cancel() {
            lock.lock()
            cancelled = true
            lock.broadcast()
            lock.unlock()
        }
    }
}

/// A pthread mutex with a condition variable, allocated so that their addresses never move.
@usableFromInline
final class PipelineLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    @usableFromInline
    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    @usableFromInline func lock() { pthread_mutex_lock(mutex) }
    @usableFromInline func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for a broadcast (the mutex held).
    @usableFromInline func wait() { pthread_cond_wait(changed, mutex) }
    @usableFromInline func broadcast() { pthread_cond_broadcast(changed) }
}

/// What a pipeline thread runs.
private final class PipelineThreadBody {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// A thread running one closure, to be joined.
@usableFromInline
struct PipelineThread {
    private var thread: pthread_t

    /// Starts a thread running `body`; `nil` when no thread can be started.
    @usableFromInline
    static func start(_ body: @escaping @Sendable () -> Void) -> PipelineThread? {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(PipelineThreadBody(body)).toOpaque()
        guard
            pthread_create(
                &thread,
                nil,
                { raw in
                    guard let raw else { return nil }
                    Unmanaged<PipelineThreadBody>.fromOpaque(raw).takeRetainedValue().run()
                    return nil
                },
                context
            ) == 0
        else {
            Unmanaged<PipelineThreadBody>.fromOpaque(context).release()
            return nil
        }
        return PipelineThread(thread: thread)
    }

    /// Waits for the thread to end.
    @usableFromInline
    func join() { pthread_join(thread, nil) }
}

/// A value moved to another thread, which alone uses it from then on until the mover takes it back (a byte source,
/// a reader's state, a closure that the mover keeps alive by waiting).
public struct Handoff<Value>: @unchecked Sendable {
    /// The value.
    public var value: Value

    /// Wraps a value for the move.
    /// - Parameter value: The value.
    public init(_ value: Value) { self.value = value }
}
