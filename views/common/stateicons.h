#pragma once
// Icons and colours for staleness states. Each state has its own shape as
// well as its own colour, so the table never relies on colour alone.

#include "staleness/stalenesspolicy.h"

#include <QColor>
#include <QIcon>

namespace PushDeck {

namespace StateIcons {
QIcon icon(Staleness state);
QColor color(Staleness state);      // strong colour: icon, chart
QColor background(Staleness state); // soft tint for table cells, adapts to dark palettes
QString label(Staleness state);     // translated, capitalised ("Stale")
QString description(Staleness state);
}

} // namespace PushDeck
