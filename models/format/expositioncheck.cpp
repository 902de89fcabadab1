#include "format/expositioncheck.h"

#include "format/exposition.h"

#include <QCoreApplication>

namespace PushDeck {

Result<QList<MetricFamily>> validateForPush(const QByteArray &text, const GroupingKey &key)
{
    auto families = parseExposition(text);
    if (!families)
        return families;
    for (const auto &family : *families) {
        for (const auto &series : family.series) {
            for (const auto &[name, value] : series.labels) {
                if (key.contains(name) && key.value(name) != value && !value.isEmpty()) {
                    return Error::make(Error::Invalid,
                                       QCoreApplication::translate(
                                           "ExpositionCheck",
                                           "series of %1 has the label %2=\"%3\", but the grouping key says %2=\"%4\": "
                                           "the gateway would reject the push")
                                           .arg(family.name, name, escapeLabelValue(value), escapeLabelValue(key.value(name))));
                }
            }
        }
    }
    return families;
}

QList<MetricFamily> withoutKeyLabels(const QList<MetricFamily> &families, const GroupingKey &key)
{
    QList<MetricFamily> out = families;
    for (auto &family : out) {
        for (auto &series : family.series) {
            series.labels.removeIf([&key](const LabelPair &label) { return label.second.isEmpty() || key.contains(label.first); });
        }
    }
    return out;
}

} // namespace PushDeck
