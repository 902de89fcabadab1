#pragma once
// `pushdeckctl lint [--json]`: the anti-pattern lint (models/lint.h) over a
// gateway's groups, as text for people or one JSON object for scripts.
//
// Exit codes, like `check` its own set: 0 no findings above info, 1 at least
// one warning, 2 at least one critical finding (colliding groups: every push
// fails). Errors keep the usual codes: 64 usage, 69 gateway unavailable.

#include <QStringList>

namespace PushDeck {

class CtlContext;

int ctlLint(CtlContext &ctx, const QStringList &arguments);

} // namespace PushDeck
