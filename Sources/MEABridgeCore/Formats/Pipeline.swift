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
    /// - Parameters:
    ///   - batchSize: Events per batch (the producer and the consumer meet once per batch).
    ///   - capacity: The most batches waiting between the stages.
    ///   - produce: The first stage; it calls `emit` for each event, which blocks while `capacity` batches wait.
    ///   - consume: The second stage, on the calling thread.
    /// - Throws: What either stage throws.
    public static func run<Event: Sendable>(
        batchSize: Int = 1024,
        capacity: Int = 4,
        produce: @escaping @Sendable (_ emit: (consuming Event) throws -> Void) throws -> Void,
        consume: (Event) throws -> Void
    ) throws {
        let channel = Channel<Event>(capacity: max(1, capacity))
        let work = Work(channel: channel, batchSize: max(1, batchSize), produce: produce)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(work).toOpaque()
        guard
            pthread_create(
                &thread,
                nil,
                { raw in
                    guard let raw else { return nil }
                    (Unmanaged<AnyObject>.fromOpaque(raw).takeRetainedValue() as? any ProducerWork)?.runProducer()
                    return nil
                },
                context
            ) == 0
        else {
            Unmanaged<Work<Event>>.fromOpaque(context).release()
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
        pthread_join(thread, nil)
        if let consumerError { throw consumerError }
        if let failure = channel.failure { throw failure }
    }

    /// The producer's side: the body and the channel, kept alive by the thread.
    private final class Work<Event: Sendable>: ProducerWork, @unchecked Sendable {
        let channel: Channel<Event>
        let batchSize: Int
        let produce: @Sendable (_ emit: (consuming Event) throws -> Void) throws -> Void

        init(
            channel: Channel<Event>,
            batchSize: Int,
            produce: @escaping @Sendable (_ emit: (consuming Event) throws -> Void) throws -> Void
        ) {
            self.channel = channel
            self.batchSize = batchSize
            self.produce = produce
        }

        func runProducer() {
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
    }

    private struct Cancelled: Error {}

    /// A bounded queue of batches between the two threads (a pthread mutex and a condition variable, allocated so
    /// that their addresses never move).
    private final class Channel<Event: Sendable>: @unchecked Sendable {
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private let capacity: Int
        private var queue: [[Event]] = []
        private var finished = false
        private var cancelled = false
        private(set) var failure: (any Error)?

        init(capacity: Int) {
            self.capacity = capacity
            pthread_mutex_init(mutex, nil)
            pthread_cond_init(changed, nil)
        }

        deinit {
            pthread_cond_destroy(changed)
            pthread_mutex_destroy(mutex)
            changed.deallocate()
            mutex.deallocate()
        }

        /// Waits for room and queues a batch; `false` when the consumer has stopped.
        func push(_ batch: [Event]) -> Bool {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            while queue.count >= capacity, !cancelled { pthread_cond_wait(changed, mutex) }
            if cancelled { return false }
            queue.append(batch)
            pthread_cond_broadcast(changed)
            return true
        }

        /// Waits for the next batch; `nil` once the producer has finished and everything was taken.
        func pop() -> [Event]? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            while queue.isEmpty, !finished { pthread_cond_wait(changed, mutex) }
            guard !queue.isEmpty else { return nil }
            let batch = queue.removeFirst()
            pthread_cond_broadcast(changed)
            return batch
        }

        func finish(failure: (any Error)?) {
            pthread_mutex_lock(mutex)
            self.failure = failure
            finished = true
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
        }

        func cancel() {
            pthread_mutex_lock(mutex)
            cancelled = true
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
        }
    }
}

/// What the pipeline thread's entry point runs, whatever the event type.
private protocol ProducerWork: AnyObject {
    func runProducer()
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
