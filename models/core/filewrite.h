#pragma once
// Writing a whole file the way a user means it. A regular file (or a name
// that does not exist yet) is replaced atomically and durably: a temporary
// file in the same directory, written, fsynced, renamed over the target, the
// directory fsynced; a crash leaves the old file or the complete new one. A
// FIFO or a character device (/dev/stdout, /dev/null, a pipe made with
// mkfifo) is written directly: replacing it would put a regular file where
// the device was (as root, /dev/null would be gone). Anything else (a
// directory, a socket, a block device) is refused. Every error names the
// path and the operating system's own reason ("No space left on device").

#include "core/result.h"

#include <QByteArrayView>
#include <QString>

namespace PushDeck {

Result<Done> writeWholeFile(const QString &path, QByteArrayView data);

// A new file that must not exist yet, complete or not at all: written to a
// temporary file, fsynced, then linked to `path` (which fails when the name
// is taken: *exists is then true) and the directory fsynced. No moment has
// an empty or partial file under `path`, also when the process is killed.
Result<Done> writeNewFile(const QString &path, QByteArrayView data, bool *exists = nullptr);

// The operating system's text for an errno value ("No space left on device").
QString osErrorText(int error);

} // namespace PushDeck
