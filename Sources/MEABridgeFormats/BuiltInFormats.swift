import MEABridgeCanonical
public import MEABridgeCore
import MEABridgeInforMEA
import MEABridgeValidation

extension FormatRegistry {
    /// Every bundled reader and writer.
    ///
    /// Adding a format means adding its folder under `Sources/MEABridgeFormats/` and one line here; nothing in the core
    /// changes.
    public static let builtIn = FormatRegistry(
        readers: [
            InforMEAODataJSONReader.self
        ],
        writers: [
            InforMEAODataJSONWriter.self,
            InforMEAAPIJSONWriter.self,
            NDJSONWriter.self,
        ],
        validators: [],
        descriptions: ValidationCatalog.all
    )
}
