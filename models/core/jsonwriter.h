#pragma once
// The pieces of hand-written JSON the snapshot and audit writers share.
// They build their JSON into one buffer by hand: QJsonDocument costs more
// than the DELETE an audit entry records, and ~250 ms per 1,000 groups of a
// snapshot that is written before the first DELETE of a bulk delete.

#include <QByteArray>
#include <QStringView>

namespace PushDeck {

// Appends `text` as a quoted JSON string (UTF-8; never a raw newline, so a
// JSON line stays one line).
void appendJsonString(QByteArray &out, QStringView text);

} // namespace PushDeck
