#include "core/datadirectory.h"

#include <QStandardPaths>

namespace PushDeck {

QString dataDirectory()
{
    // Organisation "PushDeck", application "pushdeck": the window's
    // AppDataLocation, spelled out so that pushdeckctl (another application
    // name) finds the same folder.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/PushDeck/pushdeck");
}

} // namespace PushDeck
