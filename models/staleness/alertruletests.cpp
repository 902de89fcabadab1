#include "staleness/alertruletests.h"

#include "core/duration.h"
#include "core/promql.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// ---------------------------------------------------------------------------
// Examples of strings a regex matches. A small recursive descent over the
// common part of RE2's syntax; whatever it produces is checked with the real
// matcher afterwards, so it only has to be useful, not complete.

constexpr qsizetype MaxExamples = 8;

QStringList cross(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &x : a) {
        for (const QString &y : b) {
            if (out.size() >= MaxExamples)
                return out;
            if (!out.contains(x + y))
                out.append(x + y);
        }
    }
    return out;
}

QStringList unite(QStringList a, const QStringList &b)
{
    for (const QString &x : b) {
        if (a.size() >= MaxExamples)
            break;
        if (!a.contains(x))
            a.append(x);
    }
    return a;
}

class ExampleGenerator
{
public:
    explicit ExampleGenerator(QStringView pattern) : m_p(pattern) {}

    QStringList run()
    {
        QStringList out = alternation();
        if (m_i < m_p.size()) // an unbalanced ), or something not understood
            return {};
        return out;
    }

private:
    bool atEnd() const { return m_i >= m_p.size(); }
    QChar peek(qsizetype ahead = 0) const { return m_i + ahead < m_p.size() ? m_p[m_i + ahead] : QChar(); }

    QStringList alternation()
    {
        QStringList out = concatenation();
        while (!atEnd() && peek() == u'|') {
            ++m_i;
            out = unite(out, concatenation());
        }
        return out;
    }

    QStringList concatenation()
    {
        QStringList out{QString()};
        while (!atEnd() && peek() != u'|' && peek() != u')')
            out = cross(out, quantified());
        return out;
    }

    QStringList quantified()
    {
        QStringList base = atom();
        if (atEnd())
            return base;
        const QChar q = peek();
        QStringList out = base;
        if (q == u'*' || q == u'?') {
            ++m_i;
            out = unite(QStringList{QString()}, base);
        } else if (q == u'+') {
            ++m_i;
        } else if (q == u'{') {
            const qsizetype close = m_p.indexOf(u'}', m_i);
            const QStringView inside = close > m_i ? m_p.sliced(m_i + 1, close - m_i - 1) : QStringView();
            const QStringView first = inside.split(u',').value(0);
            bool ok = false;
            const int n = first.toInt(&ok);
            if (close < 0 || !ok || n > 20) // not a repetition: `{` is literal in RE2
                return base;
            m_i = close + 1;
            out.clear();
            for (const QString &b : base)
                out.append(b.repeated(n));
        } else {
            return base;
        }
        if (!atEnd() && peek() == u'?') // lazy
            ++m_i;
        return out;
    }

    QString escapedChar(QChar e)
    {
        switch (e.unicode()) {
        case u'd': return u"0"_s;
        case u'D': return u"a"_s;
        case u'w': return u"a"_s;
        case u'W': return u"-"_s;
        case u's': return u" "_s;
        case u'S': return u"a"_s;
        case u'n': return u"\n"_s;
        case u't': return u"\t"_s;
        case u'r': return u"\r"_s;
        case u'f': return u"\f"_s;
        case u'v': return u"\v"_s;
        case u'a': return u"\a"_s;
        default: return QString(e);
        }
    }

    QStringList atom()
    {
        const QChar c = peek();
        ++m_i;
        switch (c.unicode()) {
        case u'.': return {u"x"_s, u"0"_s};
        case u'^':
        case u'$': return {QString()};
        case u'(': return group();
        case u'[': return charClass();
        case u'\\': return escape();
        default: return {QString(c)};
        }
    }

    QStringList escape()
    {
        if (atEnd())
            return {};
        const QChar e = peek();
        ++m_i;
        switch (e.unicode()) {
        case u'b':
        case u'B':
        case u'A':
        case u'z': return {QString()};
        case u'Q': {
            const qsizetype end = m_p.indexOf(u"\\E", m_i);
            const QString literal = m_p.mid(m_i, end < 0 ? -1 : end - m_i).toString();
            m_i = end < 0 ? m_p.size() : end + 2;
            return {literal};
        }
        case u'p':
        case u'P':
            if (peek() == u'{') {
                const qsizetype close = m_p.indexOf(u'}', m_i);
                m_i = close < 0 ? m_p.size() : close + 1;
            } else {
                ++m_i;
            }
            return {u"a"_s, u"A"_s, u"0"_s, u" "_s};
        case u'x': {
            QStringView digits;
            if (peek() == u'{') {
                const qsizetype close = m_p.indexOf(u'}', m_i);
                if (close < 0)
                    return {};
                digits = m_p.sliced(m_i + 1, close - m_i - 1);
                m_i = close + 1;
            } else {
                digits = m_p.mid(m_i, 2);
                m_i += 2;
            }
            bool ok = false;
            const char32_t code = char32_t(digits.toUInt(&ok, 16));
            return ok ? QStringList{QString::fromUcs4(&code, 1)} : QStringList{};
        }
        default: return {escapedChar(e)};
        }
    }

    QStringList group()
    {
        if (peek() == u'?') {
            ++m_i;
            if (peek() == u'P' && peek(1) == u'<')
                ++m_i;
            if (peek() == u'<') {
                const qsizetype close = m_p.indexOf(u'>', m_i);
                if (close < 0)
                    return {};
                m_i = close + 1;
            } else {
                // flags: (?i) or (?i:...)
                while (!atEnd() && peek() != u')' && peek() != u':')
                    ++m_i;
                if (atEnd())
                    return {};
                if (peek() == u')') {
                    ++m_i;
                    return {QString()};
                }
                ++m_i; // ':'
            }
        }
        QStringList inside = alternation();
        if (atEnd() || peek() != u')')
            return {};
        ++m_i;
        return inside;
    }

    QStringList charClass()
    {
        const bool negated = peek() == u'^';
        if (negated)
            ++m_i;
        QList<std::pair<char32_t, char32_t>> ranges;
        QStringList members;
        bool first = true;
        while (!atEnd() && (first || peek() != u']')) {
            first = false;
            QChar c = peek();
            ++m_i;
            QString member;
            if (c == u'[' && peek() == u':') {
                const qsizetype close = m_p.indexOf(u":]", m_i);
                if (close < 0)
                    return {};
                const QStringView name = m_p.sliced(m_i + 1, close - m_i - 1);
                m_i = close + 2;
                member = name.contains(u"digit") ? u"0"_s : name.contains(u"space") ? u" "_s : name.contains(u"punct") ? u"-"_s : u"a"_s;
                members.append(member);
                continue;
            }
            if (c == u'\\') {
                if (atEnd())
                    return {};
                member = escapedChar(peek());
                ++m_i;
            } else {
                member = QString(c);
            }
            if (peek() == u'-' && peek(1) != u']' && m_i + 1 < m_p.size()) {
                ++m_i;
                QChar hi = peek();
                ++m_i;
                if (hi == u'\\' && !atEnd()) {
                    hi = peek();
                    ++m_i;
                }
                ranges.append({member.at(0).unicode(), hi.unicode()});
            }
            members.append(member);
        }
        if (atEnd())
            return {};
        ++m_i; // ']'
        if (!negated)
            return members.mid(0, 3);
        const auto excluded = [&](QStringView candidate) {
            const char32_t c = candidate.at(0).unicode();
            if (members.contains(candidate))
                return true;
            return std::any_of(ranges.begin(), ranges.end(), [c](const auto &r) { return c >= r.first && c <= r.second; });
        };
        QStringList out;
        for (const QString &candidate : {u"x"_s, u"a"_s, u"0"_s, u"-"_s, u"_"_s, u" "_s, u"Z"_s, u"."_s}) {
            if (!excluded(candidate))
                out.append(candidate);
            if (out.size() == 2)
                break;
        }
        return out;
    }

    QStringView m_p;
    qsizetype m_i = 0;
};

// ---------------------------------------------------------------------------
// Groups for the tests: label sets that the given matchers (all of `must`,
// none of `mustNot`) decide as wanted.

QString valueOf(const LabelPairs &labels, QStringView name)
{
    for (const auto &[n, v] : labels) {
        if (n == name)
            return v;
    }
    return {};
}

std::optional<LabelPairs> findLabels(const QList<LabelMatcher> &must, const QList<LabelMatcher> &mustNot)
{
    const QString testJob = u"pushdeck-test"_s;
    QStringList names{u"job"_s};
    QHash<QString, QStringList> candidates;
    auto add = [&](const QString &name, const QString &value) {
        QStringList &list = candidates[name];
        if (!list.contains(value))
            list.append(value);
    };
    auto collect = [&](const LabelMatcher &matcher) {
        for (const LabelMatcher::Term &term : matcher.terms()) {
            if (!names.contains(term.name))
                names.append(term.name);
            switch (term.op) {
            case LabelMatcher::Op::Equal: add(term.name, term.value); break;
            case LabelMatcher::Op::NotEqual:
                add(term.name, term.value + u"-x"_s);
                add(term.name, u"x"_s);
                break;
            case LabelMatcher::Op::RegexMatch:
            case LabelMatcher::Op::RegexNoMatch:
                for (const QString &example : AlertRuleTests::regexExamples(term.value)) {
                    if (term.op == LabelMatcher::Op::RegexNoMatch || term.matchesValue(example))
                        add(term.name, example);
                }
                add(term.name, u"x"_s);
                break;
            }
        }
    };
    for (const LabelMatcher &m : must)
        collect(m);
    for (const LabelMatcher &m : mustNot)
        collect(m);
    // Absent labels (""); job must be set.
    for (const QString &name : std::as_const(names)) {
        if (name == u"job")
            add(name, testJob);
        else
            add(name, QString());
        QStringList &list = candidates[name];
        if (name == u"job")
            list.removeAll(QString());
        if (list.size() > 6)
            list = list.mid(0, 6);
    }

    // Every combination, in order, up to a bound.
    QList<qsizetype> index(names.size(), 0);
    for (int tried = 0; tried < 50000; ++tried) {
        LabelPairs labels;
        for (qsizetype n = 0; n < names.size(); ++n) {
            const QString &value = candidates[names[n]][index[n]];
            if (!value.isEmpty())
                labels.append({names[n], value});
        }
        const bool ok = std::all_of(must.begin(), must.end(), [&](const LabelMatcher &m) { return m.matches(labels); })
                        && std::none_of(mustNot.begin(), mustNot.end(), [&](const LabelMatcher &m) { return m.matches(labels); });
        if (ok && !valueOf(labels, u"job").isEmpty()) {
            std::sort(labels.begin(), labels.end());
            return labels;
        }
        qsizetype n = 0;
        while (n < names.size() && ++index[n] >= candidates[names[n]].size())
            index[n++] = 0;
        if (n == names.size())
            break;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// Rendering what promtool will compare.

bool goIsPrint(char32_t c)
{
    if (c == u' ')
        return true;
    if (c < 0x20 || c == 0x7f)
        return false;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other: return true;
    default: return false;
    }
}

QString hex(uint value, int width)
{
    return QString::number(value, 16).rightJustified(width, u'0');
}

// Go's %.4g for the values humanizeDuration prints that way.
QString goG4(double v)
{
    QString text = QString::number(v, 'g', 4);
    // Go writes exponents with at least two digits, as Qt does; nothing else
    // differs in the range used here.
    return text;
}

// The rendered annotation: the templates AlertRules writes, filled in.
QString render(QString text, const LabelPairs &labels, double value)
{
    text.replace(AlertRules::readableKeyTemplate(), AlertRuleTests::readableKey(labels));
    text.replace(u"{{ $labels.job }}"_s, valueOf(labels, u"job"));
    text.replace(u"{{ $value | humanizeDuration }}"_s, AlertRuleTests::humanizeDuration(value));
    text.replace(u"{{ $value | humanizeTimestamp }}"_s, AlertRuleTests::humanizeTimestamp(value));
    text.replace(u"{{ \"{{\" }}"_s, u"{{"_s);
    return text;
}

// ---------------------------------------------------------------------------
// The tests.

QString yaml(QStringView text)
{
    return AlertRules::yamlString(text);
}

QString seconds(double s)
{
    return QString::number(qint64(std::llround(s))) + u's';
}

// A number as promtool's series notation reads it.
QString seriesNumber(double v)
{
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 17);
}

QString seriesText(QStringView metric, const LabelPairs &labels)
{
    QString matchers;
    for (const auto &[name, value] : labels) {
        if (!matchers.isEmpty())
            matchers += u',';
        matchers += promqlLabelName(name) + u'=' + promqlString(value);
    }
    return promqlSelector(metric, matchers);
}

struct Judge
{
    const GeneratedAlert *stale = nullptr;
    const GeneratedAlert *late = nullptr;
};

class Writer
{
public:
    Writer(const AlertRulePlan &plan, const AlertRuleOptions &options) : m_options(options)
    {
        for (const AlertRulePlan::Item &item : plan.items) {
            if (!item.alert)
                continue;
            const GeneratedAlert &alert = *item.alert;
            switch (alert.kind) {
            case GeneratedAlert::Kind::Stale:
                if (alert.source == GeneratedAlert::Source::Rule || alert.source == GeneratedAlert::Source::Default)
                    m_sources.append(Judge{&alert, nullptr});
                else if (alert.source == GeneratedAlert::Source::Cadence)
                    m_cadence = true;
                break;
            case GeneratedAlert::Kind::Late:
                for (Judge &judge : m_sources) {
                    if (judge.stale->rule == alert.rule)
                        judge.late = &alert;
                }
                break;
            case GeneratedAlert::Kind::Failed: m_failed = &alert; break;
            }
        }
        if (!m_sources.isEmpty()) {
            m_staleName = m_sources.first().stale->name;
            for (const Judge &judge : m_sources) {
                if (judge.late)
                    m_lateName = judge.late->name;
            }
        }
        if (auto parsed = parseDuration(options.forDuration); parsed && *parsed > 0)
            m_hold = std::ceil(*parsed);
        // The step: fine enough for the smallest threshold, coarse enough
        // that a long `for:` stays a few thousand evaluations.
        double smallest = 60;
        for (const Judge &judge : m_sources) {
            if (judge.stale->staleAfter > 0)
                smallest = std::min(smallest, judge.stale->staleAfter);
            if (judge.late && judge.stale->warnAfter > 0)
                smallest = std::min(smallest, judge.stale->warnAfter);
        }
        m_step = std::clamp(std::floor(smallest / 4), 1.0, 60.0);
        m_evalTime = (std::ceil(m_hold / m_step) + 2) * m_step;
    }

    bool cadence() const { return m_cadence; }
    const QList<Judge> &sources() const { return m_sources; }
    double step() const { return m_step; }
    double evalTime() const { return m_evalTime; }

    // The source that judges a group, as the generated rules do: the first
    // rule whose matcher matches, else the default.
    const Judge *judge(const LabelPairs &labels) const
    {
        for (const Judge &judge : m_sources) {
            if (judge.stale->source == GeneratedAlert::Source::Default)
                return &judge;
            if (judge.stale->matcher.matches(labels))
                return &judge;
        }
        return nullptr;
    }

    // Whether an alert whose condition holds for ages in [from, to) fires at
    // the evaluation time, as Prometheus evaluates every step from time 0:
    // pending from the first step the condition held, firing once it held
    // for the `for:` duration, gone as soon as it does not hold.
    bool fires(double ageAtEval, double from, double to) const
    {
        std::optional<double> activeAt;
        for (double t = 0; t <= m_evalTime + 1e-9; t += m_step) {
            const double age = ageAtEval - (m_evalTime - t);
            if (age >= from && age < to) {
                if (!activeAt)
                    activeAt = t;
            } else {
                activeAt.reset();
            }
        }
        return activeAt && m_evalTime - *activeAt >= m_hold;
    }

    QString expectedAlerts(const GeneratedAlert *alert, const LabelPairs &labels, double value, int indent) const
    {
        if (!alert)
            return u" []\n"_s;
        const QString pad(indent, u' ');
        QString out = u"\n"_s + pad + u"- exp_labels:\n"_s;
        LabelPairs all = labels;
        all.append({u"severity"_s, alert->severity});
        if (!alert->rule.isEmpty())
            all.append({u"pushdeck_rule"_s, alert->rule});
        for (const auto &[name, v] : std::as_const(all))
            out += pad + u"      "_s + yaml(name) + u": "_s + yaml(v) + u'\n';
        out += pad + u"  exp_annotations:\n"_s;
        out += pad + u"      summary: "_s + yaml(render(alert->summary, labels, value)) + u'\n';
        out += pad + u"      description: "_s + yaml(render(alert->description, labels, value)) + u'\n';
        return out;
    }

    // One test: a group with these labels, last pushed `age` ago at the
    // evaluation time, and the alerts expected of it.
    void ageTest(const QString &name, const LabelPairs &labels, double age)
    {
        const double pushTime = m_evalTime - age;
        const Judge *judge = this->judge(labels);
        const GeneratedAlert *stale = nullptr;
        const GeneratedAlert *late = nullptr;
        if (judge) {
            if (fires(age, judge->stale->staleAfter, std::numeric_limits<double>::infinity()))
                stale = judge->stale;
            if (judge->late && fires(age, judge->stale->warnAfter, judge->stale->staleAfter))
                late = judge->late;
        }
        QString out = testHeader(name);
        out += u"      - series: "_s + yaml(seriesText(PushTimeFamily.toString(), labels)) + u'\n';
        out += u"        values: "_s + yaml(seriesValues(pushTime)) + u'\n';
        out += u"      - series: "_s + yaml(seriesText(PushFailureTimeFamily.toString(), labels)) + u'\n';
        out += u"        values: "_s + yaml(seriesValues(0)) + u'\n';
        out += u"    alert_rule_test:\n"_s;
        out += u"      - eval_time: "_s + seconds(m_evalTime) + u'\n';
        out += u"        alertname: "_s + yaml(m_staleName) + u'\n';
        out += u"        exp_alerts:"_s + expectedAlerts(stale, labels, age, 10);
        if (!m_lateName.isEmpty()) {
            out += u"      - eval_time: "_s + seconds(m_evalTime) + u'\n';
            out += u"        alertname: "_s + yaml(m_lateName) + u'\n';
            out += u"        exp_alerts:"_s + expectedAlerts(late, labels, age, 10);
        }
        append(out);
    }

    void failedPushTests()
    {
        if (!m_failed)
            return;
        const LabelPairs labels{{u"instance"_s, u"pushdeck-test"_s}, {u"job"_s, u"pushdeck-test-failed"_s}};
        for (const bool failed : {true, false}) {
            // Push times are unix seconds; only their order matters here.
            const double pushTime = 100;
            const double failureTime = failed ? 200 : 50;
            QString out = testHeader(failed ? u"failed push: the failure is newer than the last successful push"_s
                                            : u"successful push: an older failure does not alert"_s);
            out += u"      - series: "_s + yaml(seriesText(PushTimeFamily.toString(), labels)) + u'\n';
            out += u"        values: "_s + yaml(seriesValues(pushTime)) + u'\n';
            out += u"      - series: "_s + yaml(seriesText(PushFailureTimeFamily.toString(), labels)) + u'\n';
            out += u"        values: "_s + yaml(seriesValues(failureTime)) + u'\n';
            out += u"    alert_rule_test:\n"_s;
            out += u"      - eval_time: "_s + seconds(m_evalTime) + u'\n';
            out += u"        alertname: "_s + yaml(m_failed->name) + u'\n';
            out += u"        exp_alerts:"_s + expectedAlerts(failed && fires(m_evalTime, 0, std::numeric_limits<double>::infinity()) ? m_failed : nullptr,
                                                           labels, failureTime, 10);
            append(out);
        }
    }

    QString tests() const { return m_tests; }
    int count() const { return m_count; }

private:
    QString testHeader(const QString &name)
    {
        ++m_count;
        QString out = u"  - name: "_s + yaml(name) + u'\n';
        out += u"    interval: "_s + seconds(m_step) + u'\n';
        out += u"    input_series:\n"_s;
        return out;
    }

    QString seriesValues(double value) const
    {
        const qint64 samples = qint64(std::llround(m_evalTime / m_step));
        return seriesNumber(value) + u"+0x"_s + QString::number(samples);
    }

    void append(const QString &test) { m_tests += test; }

    AlertRuleOptions m_options;
    QList<Judge> m_sources;
    const GeneratedAlert *m_failed = nullptr;
    bool m_cadence = false;
    QString m_staleName;
    QString m_lateName;
    double m_hold = 0;
    double m_step = 60;
    double m_evalTime = 120;
    QString m_tests;
    int m_count = 0;
};

QString sourceTitle(const GeneratedAlert &alert)
{
    if (alert.source == GeneratedAlert::Source::Default)
        return u"default"_s;
    return u"rule "_s + alert.rule + u' ' + (alert.matcher.isEmpty() ? u"{}"_s : alert.matcher.toString());
}

} // namespace

QStringList AlertRuleTests::regexExamples(QStringView pattern)
{
    return ExampleGenerator(pattern).run();
}

QString AlertRuleTests::humanizeDuration(double v)
{
    // prometheus/template humanizeDuration (2.42 and 3.x alike).
    if (std::isnan(v) || std::isinf(v))
        return goG4(v);
    if (v == 0)
        return goG4(v) + u's';
    if (std::abs(v) >= 1) {
        QString sign;
        if (v < 0) {
            sign = u"-"_s;
            v = -v;
        }
        const qint64 duration = qint64(v);
        const qint64 secs = duration % 60;
        const qint64 minutes = (duration / 60) % 60;
        const qint64 hours = (duration / 60 / 60) % 24;
        const qint64 days = duration / 60 / 60 / 24;
        if (days != 0)
            return u"%1%2d %3h %4m %5s"_s.arg(sign).arg(days).arg(hours).arg(minutes).arg(secs);
        if (hours != 0)
            return u"%1%2h %3m %4s"_s.arg(sign).arg(hours).arg(minutes).arg(secs);
        if (minutes != 0)
            return u"%1%2m %3s"_s.arg(sign).arg(minutes).arg(secs);
        return sign + goG4(v) + u's';
    }
    // Below a second: ms, us, ns with 4 significant digits.
    QString prefix = u"m"_s;
    double value = v * 1000;
    if (std::abs(value) < 1) {
        value *= 1000;
        prefix = u"u"_s;
        if (std::abs(value) < 1) {
            value *= 1000;
            prefix = u"n"_s;
        }
    }
    return goG4(value) + prefix + u's';
}

QString AlertRuleTests::humanizeTimestamp(double unixSeconds)
{
    // fmt.Sprint(time.Unix(...).UTC()): "1970-01-01 00:03:20 +0000 UTC",
    // fractional seconds only when there are some.
    const qint64 whole = qint64(std::floor(unixSeconds));
    const QDateTime t = QDateTime::fromSecsSinceEpoch(whole, QTimeZone::utc());
    QString text = t.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    const qint64 nanos = std::llround((unixSeconds - double(whole)) * 1e9);
    if (nanos > 0) {
        QString fraction = QString::number(nanos).rightJustified(9, u'0');
        while (fraction.endsWith(u'0'))
            fraction.chop(1);
        text += u'.' + fraction;
    }
    return text + u" +0000 UTC"_s;
}

QString AlertRuleTests::goQuote(QStringView text)
{
    QString out = u"\""_s;
    const QList<uint> codePoints = text.toUcs4();
    for (uint c : codePoints) {
        switch (c) {
        case u'"': out += u"\\\""_s; continue;
        case u'\\': out += u"\\\\"_s; continue;
        case u'\a': out += u"\\a"_s; continue;
        case u'\b': out += u"\\b"_s; continue;
        case u'\f': out += u"\\f"_s; continue;
        case u'\n': out += u"\\n"_s; continue;
        case u'\r': out += u"\\r"_s; continue;
        case u'\t': out += u"\\t"_s; continue;
        case u'\v': out += u"\\v"_s; continue;
        default: break;
        }
        if (goIsPrint(char32_t(c))) {
            const char32_t ch = c;
            out += QString::fromUcs4(&ch, 1);
        } else if (c < 0x80) {
            out += u"\\x"_s + hex(c, 2);
        } else if (c < 0x10000) {
            out += u"\\u"_s + hex(c, 4);
        } else {
            out += u"\\U"_s + hex(c, 8);
        }
    }
    return out + u'"';
}

QString AlertRuleTests::readableKey(const LabelPairs &labels)
{
    LabelPairs sorted = labels;
    // Go ranges over a map in key order (bytes; UTF-16 order agrees for
    // the BMP names used here).
    std::sort(sorted.begin(), sorted.end(), [](const LabelPair &a, const LabelPair &b) { return a.first.toUtf8() < b.first.toUtf8(); });
    QString out = u"{job="_s + goQuote(valueOf(labels, u"job"));
    for (const auto &[name, value] : std::as_const(sorted)) {
        if (name == u"job" || name == u"__name__")
            continue;
        out += u',' + (isLegacyLabelName(name) ? name : goQuote(name)) + u'=' + goQuote(value);
    }
    return out + u'}';
}

AlertRuleTestFile AlertRuleTests::generate(const StalenessPolicy &policy, const AlertRuleOptions &options, const QString &rulesFile)
{
    const AlertRulePlan plan = AlertRules::plan(policy, options);
    Writer writer(plan, options);
    AlertRuleTestFile file;
    const double step = writer.step();
    const double hold = writer.evalTime() - 2 * step; // the `for:` rounded to steps, at least the `for:`

    QList<LabelMatcher> earlier;
    bool utf8Names = false;
    auto note = [&](const QString &text) { file.notes.append(text); };
    for (const Judge &source : writer.sources()) {
        const GeneratedAlert &stale = *source.stale;
        const bool isDefault = stale.source == GeneratedAlert::Source::Default;
        const QString title = sourceTitle(stale);
        const auto labels = findLabels(isDefault ? QList<LabelMatcher>{} : QList<LabelMatcher>{stale.matcher}, earlier);
        if (!isDefault)
            earlier.append(stale.matcher);
        if (!labels) {
            note(isDefault ? u"default: no group was found that no rule matches, so the default is not tested"_s
                           : title + u": no group was found that it matches and no earlier rule does (a regex the example generator does not know, or a rule earlier rules cover); not tested"_s);
            continue;
        }
        for (const auto &pair : *labels)
            utf8Names = utf8Names || !isLegacyLabelName(pair.first);
        QList<std::pair<double, QString>> ages;
        if (source.late && stale.warnAfter > step) {
            ages.append({stale.warnAfter - step, u"just below the warning threshold"_s});
            ages.append({stale.warnAfter + hold + step, u"just past the warning threshold"_s});
        }
        ages.append({stale.staleAfter - step, u"just below the stale threshold"_s});
        ages.append({stale.staleAfter + hold + step, u"just past the stale threshold"_s});
        for (const auto &[age, what] : ages) {
            if (age <= 0)
                continue;
            writer.ageTest(title + u": "_s + what + u" ("_s + formatDuration(age) + u" since the last push)"_s, *labels, age);
        }
    }

    // A group an earlier rule matches is never judged by a later one.
    int pairs = 0;
    const QList<Judge> &sources = writer.sources();
    for (qsizetype k = 1; k < sources.size() && pairs < 50; ++k) {
        const GeneratedAlert &later = *sources[k].stale;
        if (later.source != GeneratedAlert::Source::Rule)
            continue;
        for (qsizetype j = 0; j < k && pairs < 50; ++j) {
            const GeneratedAlert &first = *sources[j].stale;
            QList<LabelMatcher> before;
            for (qsizetype b = 0; b < j; ++b)
                before.append(sources[b].stale->matcher);
            const auto labels = findLabels({first.matcher, later.matcher}, before);
            if (!labels)
                continue; // the two rules do not overlap (as far as the examples show)
            ++pairs;
            const double age = later.staleAfter + hold + step;
            writer.ageTest(u"rule "_s + later.rule + u" never judges a group rule "_s + first.rule + u" matches ("_s
                               + formatDuration(age) + u" since the last push)"_s,
                           *labels, age);
        }
    }
    writer.failedPushTests();
    if (writer.cadence())
        note(u"the learned-cadence alerts are not tested (they need a push history)"_s);

    QString out;
    out += u"# promtool test rules for the alerting rules PushDeck "_s + QStringLiteral(PUSHDECK_VERSION)
           + u" generated from the same policy\n"_s;
    out += u"# (pushdeckctl alert-rules --tests). Run: promtool test rules THIS_FILE\n"_s;
    out += u"# Each test is one group: its push_time_seconds series is the push time that\n"_s
           u"# makes the group the named age at eval_time; the expected alerts are PushDeck's\n"_s
           u"# own verdict (first matching rule, else the default).\n"_s;
    if (utf8Names)
        out += u"# Some groups have UTF-8 label names, which only promtool of Prometheus 3 reads.\n"_s;
    for (const QString &line : std::as_const(file.notes))
        out += u"# Not tested: "_s + line + u'\n';
    out += u"rule_files:\n  - "_s + yaml(rulesFile) + u'\n';
    out += u"evaluation_interval: "_s + seconds(step) + u'\n';
    out += u"tests:\n"_s;
    out += writer.tests();
    file.yaml = out;
    file.testCount = writer.count();
    return file;
}

} // namespace PushDeck
