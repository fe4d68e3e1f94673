#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Locates the repository's fixtures and the shared real samples from a test file's `#filePath`.
public enum Fixtures {
    /// The repository root (the folder holding Package.swift), found from a source file's path.
    /// - Parameter file: A path inside the repository, normally `#filePath`.
    /// - Returns: The repository root.
    public static func repositoryRoot(from file: String = #filePath) -> String {
        var path = file
        while let slash = path.lastIndex(of: "/") {
            path = String(path[..<slash])
            if access(path + "/Package.swift", F_OK) == 0 { return path }
        }
        return "."
    }

    /// `../shared/samples` beside the repository (the real public exports the tests run on).
    public static var samplesDirectory: String { repositoryRoot() + "/../shared/samples" }

    /// `Tests/Fixtures` in the repository.
    public static var fixturesDirectory: String { repositoryRoot() + "/Tests/Fixtures" }

    /// `Samples` in the repository.
    public static var repositorySamplesDirectory: String { repositoryRoot() + "/Samples" }

    /// Whether the tests that need the shared samples should run: always in CI (`CI=true`), where a missing
    /// samples folder must fail the tests rather than skip them; elsewhere only when the folder exists.
    public static var sharedSamplesEnabled: Bool {
        isCI || access(samplesDirectory, F_OK) == 0
    }

    /// Whether the tests run in CI.
    public static var isCI: Bool {
        guard let value = getenv("CI") else { return false }
        return String(cString: value).lowercased() == "true"
    }

    /// The files in a folder whose names end with `suffix`, sorted, as full paths.
    /// - Parameters:
    ///   - directory: The folder.
    ///   - suffix: The ending to keep, such as `.json`.
    /// - Returns: The paths; empty when the folder cannot be read.
    public static func files(in directory: String, suffix: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(suffix) { names.append(name) }
        }
        return names.sorted().map { directory + "/" + $0 }
    }

    /// Reads a whole file (fixtures are small).
    /// - Parameter path: The file.
    /// - Returns: The bytes, or `nil` when the file cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return bytes
    }
}
