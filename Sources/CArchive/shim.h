#ifndef MEABRIDGE_CARCHIVE_SHIM_H
#define MEABRIDGE_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>

/* The file-type macros (AE_IFREG, ...) are casts Swift cannot import; these wrappers answer for them. */

/** Whether an entry is a regular file. */
static inline int carchive_entry_is_regular(struct archive_entry *entry) {
    return archive_entry_filetype(entry) == AE_IFREG;
}

/** Whether an entry is a directory. */
static inline int carchive_entry_is_directory(struct archive_entry *entry) {
    return archive_entry_filetype(entry) == AE_IFDIR;
}

/** Whether an entry is a symbolic link. */
static inline int carchive_entry_is_symlink(struct archive_entry *entry) {
    return archive_entry_filetype(entry) == AE_IFLNK;
}

/** Makes an entry a regular file with the given permission bits. */
static inline void carchive_entry_set_regular(struct archive_entry *entry, int permissions) {
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, (__LA_MODE_T)permissions);
}

/* Not libarchive, but the batch's only other need for C: flushing a whole file system once after a commit moved
   many files into place (glibc declares syncfs only under _GNU_SOURCE, which a module map cannot set). */
#include <unistd.h>
#ifdef __linux__
extern int syncfs(int fd);
/** Flushes the file system holding an open file to disk. */
static inline int carchive_syncfs(int fd) { return syncfs(fd); }
#else
/** Flushes an open file to disk (no syncfs on this system). */
static inline int carchive_syncfs(int fd) { return fsync(fd); }
#endif
#endif
