#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells whether the current thread's stack has room for another level of recursive validation.
///
/// Validation recurses once per level of the instance and per schema reached through a reference, so a document
/// nested deeply enough (or a schema that refers to itself without moving into the instance) would otherwise
/// exhaust the stack of whatever thread runs it; with the guard it gets an error instead. The limit is taken from
/// the thread's real stack bounds, keeping a safety margin.
struct StackGuard {
    /// The lowest stack address validation may use (the stack grows down); 0 when the bounds are unknown.
    private let floor: UInt

    /// Records the bounds of the calling thread's stack.
    init() {
        var low: UInt = 0
        var size: UInt = 0
        #if canImport(Glibc) || canImport(Musl)
            // `pthread_getattr_np` is a GNU extension the Glibc module does not import; look it up at run time.
            typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
            if let symbol = dlsym(dlopen(nil, RTLD_NOW), "pthread_getattr_np") {
                let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
                var attributes = pthread_attr_t()
                if getAttributes(pthread_self(), &attributes) == 0 {
                    var address: UnsafeMutableRawPointer?
                    var length = 0
                    if pthread_attr_getstack(&attributes, &address, &length) == 0, let address {
                        low = UInt(bitPattern: address)
                        size = UInt(length)
                    }
                    pthread_attr_destroy(&attributes)
                }
            }
        #elseif canImport(Darwin)
            let high = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
            size = UInt(pthread_get_stacksize_np(pthread_self()))
            low = high - size
        #endif
        // Keep an eighth of the stack, and at least 96 KiB, for the frames below the last check.
        floor = size == 0 ? 0 : low + max(size / 8, 96 * 1024)
    }

    /// Whether the stack pointer is still above the floor.
    var hasRoom: Bool {
        guard floor != 0 else { return true }
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } > floor
    }
}
