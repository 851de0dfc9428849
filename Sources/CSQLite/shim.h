#ifndef KOERS_CSQLITE_SHIM_H
#define KOERS_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot
/// import as a macro. Binding with it makes SQLite copy the bytes before the
/// call returns, so no Swift buffer has to outlive the bind call.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif /* KOERS_CSQLITE_SHIM_H */
