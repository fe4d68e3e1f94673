/*
 * CLibXML2: the C view of the system libxml2 that MEABridgeXML builds on.
 *
 * Swift sees only what this header includes. Keep it to libxml2 headers plus small `static inline` wrappers,
 * prefixed `clibxml2_`, for what Swift cannot import directly:
 *   - C global variables such as `xmlFree` (Swift 6 rejects them as shared mutable state);
 *   - thread-local "globals" that libxml2 declares as macros over function calls (`xmlParserVersion`, ...);
 *   - plain preprocessor string macros (`LIBXML_DOTTED_VERSION`).
 *
 * See docs/swift-and-libxml2.md §2.2 for why each line is here.
 */
#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>

/*
 * Debian builds libxml2 with ICU, so <libxml/encoding.h> pulls in the system <unicode/ucnv.h>. Foundation on Linux
 * carries its own ICU module (_FoundationICU), and any Swift module that sees both fails with "'UErrorCode' has
 * different definitions in different modules" (pitfall 1). The only ICU-dependent declarations are two pointer
 * fields at the end of xmlCharEncodingHandler, which we never allocate or read, so dropping them changes nothing
 * we use. This must come after xmlversion.h and before every other libxml2 header.
 */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlIO.h>

/// Frees memory that libxml2 allocated and handed to us (for example the result of xmlGetNodePath).
/// `xmlFree` is a global function-pointer variable, which Swift 6 refuses to read directly.
static inline void clibxml2_free(void *pointer) {
    if (pointer != NULL) {
        xmlFree(pointer);
    }
}

/// The version of the libxml2 library loaded at run time, as a digit string such as "20914".
/// `xmlParserVersion` is a macro over a thread-local accessor when threads are enabled.
static inline const char *clibxml2_runtime_version(void) {
    return xmlParserVersion;
}

/// The version of the libxml2 headers this module was compiled against, dotted, such as "2.9.14".
static inline const char *clibxml2_compiled_version(void) {
    return LIBXML_DOTTED_VERSION;
}

/// The calling thread's structured error handler (`xmlStructuredError`, a macro over a thread-local accessor).
/// Read it to restore it after routing context-less errors (encoding conversion, I/O) during a synchronous call.
static inline xmlStructuredErrorFunc clibxml2_thread_structured_error(void) {
    return xmlStructuredError;
}

/// The user data passed to the calling thread's structured error handler (`xmlStructuredErrorContext`).
static inline void *clibxml2_thread_structured_error_context(void) {
    return xmlStructuredErrorContext;
}

/// `XML_SAX2_MAGIC` as the type of `xmlSAXHandler.initialized`: marks a SAX handler as SAX2, so libxml2 calls
/// `startElementNs`/`endElementNs` and the structured error handler `serror`.
static inline unsigned int clibxml2_sax2_magic(void) {
    return XML_SAX2_MAGIC;
}

/// Makes every external resource libxml2 would load (schema `xs:import`/`xs:include` locations, DTDs, external
/// entities) go through `xmlNoNetExternalEntityLoader`, which refuses anything that is not a local file. The loader
/// is process-wide libxml2 state; setting it to the same function again is harmless.
static inline void clibxml2_refuse_network_loads(void) {
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
}

#endif /* CLIBXML2_SHIM_H */
