#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the `Schemas/` folder, where the registered schemas, code lists and reference data live, for the commands
/// (`validate`, `goals`) and the readers that need data files at run time.
///
/// In order: the `MEABRIDGE_SCHEMA_DIR` environment variable; the nearest `Schemas/` above the running executable
/// (a build inside the repository); the `Schemas/` of the source tree this module was built from; `./Schemas`.
/// `--schema-dir` goes before all of these where a command has it.
public enum SchemaDirectory {
    /// The folder, or `nil` when none exists.
    public static var path: String? {
        if let variable = getenv("MEABRIDGE_SCHEMA_DIR") { return String(cString: variable) }
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0,
            let found = search(above: String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        {
            return found
        }
        if let found = search(above: #filePath) { return found }
        return access("Schemas", F_OK) == 0 ? "Schemas" : nil
    }

    /// A file inside the folder, such as `csv/codes/cites-terms.csv`.
    /// - Parameter relative: The path inside `Schemas/`.
    /// - Returns: The full path, or `nil` when the folder is not found.
    public static func file(_ relative: String) -> String? {
        path.map { $0 + "/" + relative }
    }

    private static func search(above file: String) -> String? {
        var path = file
        while let slash = path.lastIndex(of: "/") {
            path = String(path[..<slash])
            if access(path + "/Schemas", F_OK) == 0 { return path + "/Schemas" }
        }
        return nil
    }
}
