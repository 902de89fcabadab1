#pragma once
// Every colour PushDeck paints, derived from the widget palette: a meaning
// (a problem, a warning, success, a staleness state) fixes only the hue; the
// palette's base and text colours fix lightness and contrast. So a dark
// qt6ct scheme, a high-contrast one and the light default all get colours
// that stay visible on them, and no widget hard-codes an RGB value.

#include "staleness/stalenesspolicy.h"

#include <QColor>
#include <QPalette>

namespace PushDeck::Tones {

// The palette's base (the background of tables and fields) is dark.
bool isDark(const QPalette &palette);

// A strong colour of the hue for text, icons and chart marks, readable on
// the palette's Base and Window.
QColor strong(int hue, const QPalette &palette, double saturation = 0.7);
// A soft tint of the hue over Base (opaque): a row or a banner background
// under the palette's own text colour.
QColor tint(int hue, const QPalette &palette, double amount = 0.22);
// `a` mixed with `b`: amount 0 is a, 1 is b.
QColor mix(const QColor &a, const QColor &b, double amount);

// Problems: error text, a field whose input is invalid, a failed outcome.
QColor error(const QPalette &palette);
QColor errorBackground(const QPalette &palette);
// A banner that warns (the outdated-data banner).
QColor warningBackground(const QPalette &palette);
// Success and a neutral highlight (the re-push plan's "create" and "move").
QColor positive(const QPalette &palette);
QColor information(const QPalette &palette);
// Chart grid lines and other quiet lines.
QColor gridLine(const QPalette &palette);

// Staleness states: the mark (icon, chart) and the row tint (invalid for the
// calm states, fresh and unknown, so that problems stand out). Each state
// has its own hue, far enough apart that tints differ too.
QColor state(Staleness state, const QPalette &palette);
QColor stateTint(Staleness state, const QPalette &palette);

// A palette whose WindowText (and Text) is the error colour: for labels
// that say what is wrong.
QPalette errorTextPalette(QPalette palette);

} // namespace PushDeck::Tones
