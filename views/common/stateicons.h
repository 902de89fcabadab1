#pragma once
// Icons and colours for staleness states. Each state has its own shape as
// well as its own colour, so the table never relies on colour alone.

#include "staleness/stalenesspolicy.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

namespace PushDeck {

namespace StateIcons {
// Drawn for `palette` (the application's by default); colours from Tones.
QIcon icon(Staleness state, const QPalette &palette);
QIcon icon(Staleness state);
QColor color(Staleness state, const QPalette &palette); // strong colour: icon, chart
QColor color(Staleness state);
QColor background(Staleness state, const QPalette &palette); // soft row tint; invalid for fresh and unknown
QColor background(Staleness state);
QString label(Staleness state);     // translated, capitalised ("Stale")
QString description(Staleness state);
// "3 stale", "1 fresh": a count of groups in a state, translated.
QString countText(Staleness state, int count);
}

} // namespace PushDeck
