#pragma once
// The action icons of toolbars and menus (resources/icons/actions), in the
// variant that reads on the current palette: dark strokes on light windows,
// light strokes on dark ones. Destructive actions carry a red accent.

#include <QIcon>
#include <QPalette>
#include <QStringList>

namespace PushDeck {

namespace ActionIcons {
// The icon `name` ("refresh", "pause", "resume", "delete", "delete-bulk",
// "prune", "wipe", "push", "repush", "undo", "audit-log", "rules", "charts",
// "pitfalls", "filter") for the application palette; a null QIcon for an
// unknown name. The choice is made now: on QEvent::ApplicationPaletteChange
// call it again.
QIcon icon(const QString &name);
// The same for a given palette (a widget with its own palette, tests).
QIcon icon(const QString &name, const QPalette &palette);
// Whether the palette's window colour is dark enough for the light strokes.
bool isDark(const QPalette &palette);
// Every action icon name the resources hold, sorted.
QStringList names();
}

} // namespace PushDeck
