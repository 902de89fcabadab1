#include "core/duration.h"

#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

struct Unit
{
    QStringView name;
    qint64 ms;
};

// Largest first: the order a duration must spell them in.
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Week = 7 * Day;
constexpr qint64 Year = 365 * Day; // Prometheus' year: no leap days
constexpr std::array<Unit, 7> Units{{
    {u"y", Year}, {u"w", Week}, {u"d", Day}, {u"h", Hour}, {u"m", Minute}, {u"s", Second}, {u"ms", 1},
}};

// Prometheus keeps durations as int64 milliseconds.
constexpr double MaxSeconds = double(std::numeric_limits<qint64>::max() / 1000);

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

Error durationError(QStringView text, qsizetype pos, const QString &message)
{
    Error error = Error::make(Error::Parse, u"invalid duration \"%1\" at column %2: %3"_s.arg(text).arg(pos + 1).arg(message));
    error.line = 1;
    error.column = int(pos) + 1;
    return error;
}

} // namespace

Result<double> parseDuration(QStringView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && text[begin].isSpace())
        ++begin;
    while (end > begin && text[end - 1].isSpace())
        --end;
    if (begin == end)
        return durationError(text, begin, u"empty; write e.g. 90s, 15m, 1h30m, 7d or a number of seconds"_s);

    // A bare number is seconds (`300`, `1.5`): what people type into a
    // "seconds" field, and what Prometheus' HTTP API accepts for `step`.
    {
        qsizetype i = begin;
        while (i < end && isDigit(text[i]))
            ++i;
        const qsizetype intEnd = i;
        if (i < end && text[i] == u'.') {
            ++i;
            while (i < end && isDigit(text[i]))
                ++i;
        }
        if (i == end && intEnd > begin) {
            if (text[end - 1] == u'.')
                return durationError(text, end - 1, u"expected digits after \".\""_s);
            bool ok = false;
            const double seconds = text.mid(begin, end - begin).toDouble(&ok);
            if (!ok || !std::isfinite(seconds) || seconds > MaxSeconds)
                return durationError(text, begin, u"too large"_s);
            return seconds;
        }
    }

    double totalMs = 0;
    qsizetype lastUnit = -1;
    qsizetype i = begin;
    while (i < end) {
        const qsizetype numberPos = i;
        while (i < end && isDigit(text[i]))
            ++i;
        if (i == numberPos) {
            if (text[i].isSpace())
                return durationError(text, i, u"unexpected space (write e.g. 1h30m without spaces)"_s);
            const QString found = text.mid(i, 1).toString();
            return durationError(text, i, u"expected a number, found \"%1\""_s.arg(found));
        }
        const QStringView digits = text.mid(numberPos, i - numberPos);
        if (i < end && text[i] == u'.')
            return durationError(text, i, u"fractions are only allowed in a plain number of seconds (write 1h30m, not 1.5h)"_s);

        const qsizetype unitPos = i;
        while (i < end && isLetter(text[i]))
            ++i;
        const QStringView unitText = text.mid(unitPos, i - unitPos);
        if (unitText.isEmpty()) {
            if (i >= end)
                return durationError(text, i, u"missing unit after \"%1\" (ms, s, m, h, d, w or y)"_s.arg(digits));
            return durationError(text, i, u"unexpected \"%1\" (write e.g. 1h30m without spaces)"_s.arg(text.mid(i, 1)));
        }
        qsizetype unit = -1;
        for (qsizetype u = 0; u < qsizetype(Units.size()); ++u) {
            if (Units[u].name == unitText)
                unit = u;
        }
        if (unit < 0)
            return durationError(text, unitPos, u"unknown unit \"%1\" (use ms, s, m, h, d, w or y)"_s.arg(unitText));
        if (unit == lastUnit)
            return durationError(text, unitPos, u"unit \"%1\" appears twice"_s.arg(unitText));
        if (unit < lastUnit)
            return durationError(text, unitPos, u"units must go from largest to smallest (\"%1\" after \"%2\")"_s.arg(unitText, Units[lastUnit].name));
        lastUnit = unit;

        bool ok = false;
        const double value = digits.toDouble(&ok);
        totalMs += value * double(Units[unit].ms);
        if (!ok || !std::isfinite(totalMs) || totalMs / 1000 > MaxSeconds)
            return durationError(text, numberPos, u"too large"_s);
    }
    return totalMs / 1000;
}

QString formatAge(double seconds)
{
    if (std::isnan(seconds))
        return u"\u2013"_s;
    if (seconds <= 0)
        return u"0s"_s; // clock skew between gateway and viewer
    if (std::isinf(seconds))
        return u"\u221e"_s;

    static constexpr std::array<std::pair<char16_t, double>, 4> AgeUnits{{
        {u'd', 86400}, {u'h', 3600}, {u'm', 60}, {u's', 1},
    }};
    double rest = std::floor(seconds);
    for (size_t u = 0; u < AgeUnits.size(); ++u) {
        const double major = std::floor(rest / AgeUnits[u].second);
        if (major < 1 && u + 1 < AgeUnits.size())
            continue;
        QString out = QString::number(major, 'f', 0) + QChar(AgeUnits[u].first);
        if (u + 1 < AgeUnits.size()) {
            const double minorUnit = AgeUnits[u + 1].second;
            const double minor = std::floor((rest - major * AgeUnits[u].second) / minorUnit);
            if (minor >= 1)
                out += QString::number(minor, 'f', 0) + QChar(AgeUnits[u + 1].first);
        }
        return out;
    }
    return u"0s"_s;
}

QString formatDuration(double seconds)
{
    if (std::isnan(seconds))
        return u"\u2013"_s;
    if (seconds < 0)
        return u'-' + formatDuration(-seconds);
    if (std::isinf(seconds) || seconds > MaxSeconds)
        return u"\u221e"_s;

    // Prometheus' model.Duration.String(): every non-zero unit, but years and
    // weeks only when they divide the rest exactly (90d reads better than
    // 12w6d). Millisecond resolution, like Prometheus.
    qint64 ms = qint64(std::llround(seconds * 1000));
    if (ms == 0)
        return u"0s"_s;
    QString out;
    for (const Unit &unit : Units) {
        const bool exactOnly = unit.ms == Year || unit.ms == Week;
        if (exactOnly && ms % unit.ms != 0)
            continue;
        if (const qint64 count = ms / unit.ms; count > 0) {
            out += QString::number(count) + unit.name;
            ms -= count * unit.ms;
        }
    }
    return out;
}

} // namespace PushDeck
