// pushdeckctl --version: the version, the git revision it was built from
// (revision.cmake) and the Qt it runs on, as bug reports need them.

#include "ctl/commands.h"

#include "revision.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace PushDeck {

QString ctlVersionText()
{
    const QString revision = QStringLiteral(PUSHDECK_GIT_REVISION);
    return u"pushdeckctl %1 (%2Qt %3)"_s.arg(QCoreApplication::applicationVersion(),
                                            revision.isEmpty() ? QString() : u"git "_s + revision + u", "_s,
                                            QString::fromLatin1(qVersion()));
}

} // namespace PushDeck
