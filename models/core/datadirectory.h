#pragma once
// Where PushDeck keeps what it writes (undo snapshots, the audit log, the
// charts' history, learned cadences): the window's AppDataLocation,
// whichever executable asks, so that pushdeckctl and the window share it (a
// delete from cron can be undone in the window, the CLI judges by the
// cadences the window learned).

#include <QString>

namespace PushDeck {

// GenericDataLocation/PushDeck/pushdeck (~/.local/share/PushDeck/pushdeck).
QString dataDirectory();

} // namespace PushDeck
