#pragma once
// A unified diff of two texts, line by line, for people: what an edit or a
// re-push changes in a group's exposition text, shown before it is sent.

#include <QByteArray>
#include <QString>

namespace PushDeck {

// A unified diff (---/+++ header, @@ hunks, ` `/`-`/`+` lines) of
// `oldText` ("current") and `newText` ("new") with `context` lines around
// changes; empty when the texts are equal. Pure: the GUI runs it off its
// thread for big groups.
QString unifiedDiff(const QByteArray &oldText, const QByteArray &newText, int context = 3);

} // namespace PushDeck
