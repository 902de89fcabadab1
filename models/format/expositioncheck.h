#pragma once
// What a push of exposition text to a grouping key does to its labels,
// checked before anything is sent: the parser plus the gateway's own rule
// about key labels, and the families as they must compare after a push or
// a copy to another key.

#include "core/groupingkey.h"
#include "core/metrics.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>

namespace PushDeck {

// parseExposition plus the checks the gateway would make on a push to `key`
// (no label named like a key label with another, non-empty value). Parse
// errors carry line and column; a key-label conflict is Error::Invalid.
Result<QList<MetricFamily>> validateForPush(const QByteArray &text, const GroupingKey &key = {});

// Families with the key's labels and empty-valued labels removed: what must
// be equal between a group and its copy under another key.
QList<MetricFamily> withoutKeyLabels(const QList<MetricFamily> &families, const GroupingKey &key);

} // namespace PushDeck
