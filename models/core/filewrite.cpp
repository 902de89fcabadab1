#include "core/filewrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FileWrite", text);
}

Error osError(const QString &what, const QString &path, int error)
{
    return Error::make(Error::Process, what.arg(path, osErrorText(error)));
}

void syncDirectory(const QString &directory);

// Writes everything, retrying short writes and EINTR.
bool writeAll(int fd, QByteArrayView data, int *error)
{
    const char *p = data.data();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = errno;
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}

Result<Done> writeDirectly(const QString &path, QByteArrayView data)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return osError(tr("cannot open %1: %2"), path, errno);
    int error = 0;
    const bool written = writeAll(fd, data, &error);
    if (::close(fd) != 0 && written && errno != EINTR)
        return osError(tr("cannot write %1: %2"), path, errno);
    if (!written)
        return osError(tr("cannot write %1: %2"), path, error);
    return Done{};
}

// Writes data to a new temporary file beside path (mkstemp in the target's
// directory, so a rename or link stays on one file system) with the given
// mode, synced and closed: its name, or the error (nothing left behind).
Result<QByteArray> writeTemporaryBeside(const QString &path, QByteArrayView data, mode_t mode)
{
    const QFileInfo info(path);
    const QString directory = info.absolutePath();
    if (!QFileInfo(directory).isDir() && !QDir().mkpath(directory))
        return osError(tr("cannot create the directory %1: %2"), directory, errno ? errno : ENOENT);
    QByteArray temporary = QFile::encodeName(directory + u"/."_s + info.fileName() + u".XXXXXX"_s);
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return osError(tr("cannot write %1: %2"), path, errno);
    auto fail = [&](const QString &what, int error, bool open) -> Result<QByteArray> {
        if (open)
            ::close(fd);
        ::unlink(temporary.constData());
        return osError(what, path, error);
    };
    if (::fchmod(fd, mode) != 0)
        return fail(tr("cannot write %1: %2"), errno, true);
    int error = 0;
    if (!writeAll(fd, data, &error))
        return fail(tr("cannot write %1: %2"), error, true);
    if (::fsync(fd) != 0)
        return fail(tr("cannot sync %1 to disk: %2"), errno, true);
    if (::close(fd) != 0)
        return fail(tr("cannot write %1: %2"), errno, false);
    return temporary;
}

// 0644 less the umask (mkstemp makes a file 0600).
mode_t newFileMode()
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0644 & ~mask;
}

Result<Done> replaceAtomically(const QString &path, QByteArrayView data, const struct stat *existing)
{
    // A file replaced keeps its permissions; a new one gets the default.
    const auto temporary = writeTemporaryBeside(path, data, existing ? existing->st_mode & 07777 : newFileMode());
    if (!temporary)
        return temporary.error();
    if (::rename(temporary->constData(), QFile::encodeName(path).constData()) != 0) {
        const int renameError = errno;
        ::unlink(temporary->constData());
        return osError(tr("cannot replace %1: %2"), path, renameError);
    }
    // The rename is durable once the directory is.
    syncDirectory(QFileInfo(path).absolutePath());
    return Done{};
}

void syncDirectory(const QString &directory)
{
    const int dir = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace

Result<Done> writeNewFile(const QString &path, QByteArrayView data, bool *exists)
{
    if (exists)
        *exists = false;
    const auto temporary = writeTemporaryBeside(path, data, newFileMode());
    if (!temporary)
        return temporary.error();
    if (::link(temporary->constData(), QFile::encodeName(path).constData()) != 0) {
        const int linkError = errno;
        ::unlink(temporary->constData());
        if (exists)
            *exists = linkError == EEXIST;
        return osError(tr("cannot create %1: %2"), path, linkError);
    }
    ::unlink(temporary->constData());
    syncDirectory(QFileInfo(path).absolutePath());
    return Done{};
}

QString osErrorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Result<Done> writeWholeFile(const QString &path, QByteArrayView data)
{
    if (path.isEmpty())
        return Error::make(Error::Invalid, tr("no file name given"));
    struct stat status = {};
    // stat, not lstat: a symbolic link is followed to what it names.
    if (::stat(QFile::encodeName(path).constData(), &status) != 0) {
        if (errno != ENOENT)
            return osError(tr("cannot write %1: %2"), path, errno);
        return replaceAtomically(path, data, nullptr);
    }
    if (S_ISREG(status.st_mode)) {
        // A symbolic link stays one: its target is replaced.
        const QString target = QFileInfo(path).canonicalFilePath();
        return replaceAtomically(target.isEmpty() ? path : target, data, &status);
    }
    if (S_ISFIFO(status.st_mode) || S_ISCHR(status.st_mode))
        return writeDirectly(path, data);
    const QString kind = S_ISDIR(status.st_mode)  ? tr("a directory")
                       : S_ISSOCK(status.st_mode) ? tr("a socket")
                       : S_ISBLK(status.st_mode)  ? tr("a block device")
                                                  : tr("not a regular file");
    return Error::make(Error::Invalid, tr("refusing to write %1: it is %2 (give a regular file, a FIFO, a character "
                                          "device, or - for stdout)")
                                           .arg(path, kind));
}

} // namespace PushDeck
