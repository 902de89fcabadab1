#include "views/common/actionicons.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {
Q_LOGGING_CATEGORY(lcActionIcons, "pushdeck.actionicons")
}

namespace ActionIcons {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QIcon icon(const QString &name)
{
    return icon(name, QGuiApplication::palette());
}

QIcon icon(const QString &name, const QPalette &palette)
{
    const QString path = (isDark(palette) ? u":/icons/actions/dark/%1.svg"_s : u":/icons/actions/%1.svg"_s).arg(name);
    if (!QFile::exists(path)) {
        // A typo in a name should show up in the log, not as a silently blank button.
        qCWarning(lcActionIcons, "no action icon named \"%s\"", qPrintable(name));
        return {};
    }
    return QIcon(path);
}

QStringList names()
{
    QStringList result;
    const QStringList files = QDir(u":/icons/actions"_s).entryList({u"*.svg"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        result.append(file.chopped(4));
    return result;
}

} // namespace ActionIcons

} // namespace PushDeck
