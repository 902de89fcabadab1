// pushdeckctl: PushDeck's models from the shell, for scripts, cron and CI.
// Results go to stdout, one-line errors to stderr, with a non-zero exit.

#include "ctl/commands.h"

#include <QCoreApplication>

using namespace PushDeck;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pushdeckctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PUSHDECK_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("PushDeck"));
    return runCtl(app.arguments());
}
