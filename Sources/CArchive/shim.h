#ifndef MEABRIDGE_CARCHIVE_SHIM_H
#define MEABRIDGE_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
