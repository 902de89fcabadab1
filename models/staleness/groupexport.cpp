#include "staleness/groupexport.h"

#include "staleness/pruneselection.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QJsonValue timeValue(double seconds)
{
    if (seconds <= 0 || !std::isfinite(seconds))
        return QJsonValue(QJsonValue::Null);
    return seconds;
}

QString isoTime(double seconds)
{
    if (seconds <= 0 || !std::isfinite(seconds))
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000)), Qt::UTC).toString(Qt::ISODateWithMs);
}

// Milliseconds are all the precision an age needs; keeps lines short.
double roundedAge(double age)
{
    return std::round(age * 1000) / 1000;
}

void appendCsvField(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    // Quoted when it holds a separator, a quote or a line break, and when it
    // starts like a spreadsheet formula: a key value such as =cmd|... must
    // stay text when the file is opened in a spreadsheet.
    const bool formula = !utf8.isEmpty() && (utf8[0] == '=' || utf8[0] == '+' || utf8[0] == '-' || utf8[0] == '@');
    if (!formula && !utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r')) {
        out += utf8;
        return;
    }
    out += '"';
    if (formula)
        out += '\''; // the OWASP advice: a leading apostrophe makes it text
    for (char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

QJsonObject groupJson(const Group &group, const StalenessVerdict &verdict, double now)
{
    QJsonObject object;
    object.insert(u"key"_s, group.key.toString());
    QJsonObject labels;
    for (const auto &[name, value] : group.key.labels())
        labels.insert(name, value);
    object.insert(u"labels"_s, labels);
    object.insert(u"push_time"_s, timeValue(group.pushTime));
    object.insert(u"push_failure_time"_s, timeValue(group.pushFailureTime));
    object.insert(u"last_push_successful"_s, group.lastPushSuccessful);
    const double age = groupAge(group, now);
    object.insert(u"age_seconds"_s, std::isfinite(age) ? QJsonValue(roundedAge(age)) : QJsonValue(QJsonValue::Null));
    object.insert(u"state"_s, stalenessName(verdict.state));
    QStringList names;
    for (const MetricFamily &family : group.families)
        names.append(family.name);
    names.sort();
    object.insert(u"families"_s, QJsonArray::fromStringList(names));
    object.insert(u"series"_s, group.seriesCount());
    return object;
}

QByteArray groupsJsonLines(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts, double now)
{
    QByteArray out;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        out += QJsonDocument(groupJson(groups.at(i), i < verdicts.size() ? verdicts.at(i) : StalenessVerdict{}, now))
                   .toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

QByteArray groupsCsv(const QStringList &labelNames, const QList<Group> &groups, const QList<StalenessVerdict> &verdicts,
                     double now)
{
    QByteArray out;
    const QStringList fixed{u"key"_s,   u"push_time"_s, u"push_failure_time"_s, u"last_push_successful"_s,
                            u"age_seconds"_s, u"state"_s, u"families"_s, u"series"_s};
    bool first = true;
    for (const QString &name : labelNames + fixed) {
        if (!first)
            out += ',';
        first = false;
        appendCsvField(out, name);
    }
    out += "\r\n";
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const Group &group = groups.at(i);
        for (const QString &name : labelNames) {
            appendCsvField(out, group.key.value(name));
            out += ',';
        }
        const double age = groupAge(group, now);
        const StalenessVerdict verdict = i < verdicts.size() ? verdicts.at(i) : StalenessVerdict{};
        const QStringList values{group.key.toString(),
                                 isoTime(group.pushTime),
                                 isoTime(group.pushFailureTime),
                                 group.lastPushSuccessful ? u"true"_s : u"false"_s,
                                 std::isfinite(age) ? QString::number(roundedAge(age), 'f', 3) : QString(),
                                 stalenessName(verdict.state),
                                 QString::number(group.families.size()),
                                 QString::number(group.seriesCount())};
        for (qsizetype v = 0; v < values.size(); ++v) {
            if (v > 0)
                out += ',';
            appendCsvField(out, values.at(v));
        }
        out += "\r\n";
    }
    return out;
}

} // namespace PushDeck
