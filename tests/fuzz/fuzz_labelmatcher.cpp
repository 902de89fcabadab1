// Fuzzes the label selector parser (RE2 regexes, both Prometheus dialects).
// Parsing never crashes and fails with a Parse error carrying a column; a
// parsed matcher's canonical text parses to the same terms and the same text
// again, and both matchers agree on every label set tried, including the
// ones the terms themselves suggest. What Prometheus 2.x reads, Prometheus 3
// reads too, as the same terms.

#include "fuzzcheck.h"
#include "core/labelmatcher.h"

#include <re2/re2.h>

#include <algorithm>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

QString opText(LabelMatcher::Op op)
{
    switch (op) {
    case LabelMatcher::Op::Equal: return u"="_s;
    case LabelMatcher::Op::NotEqual: return u"!="_s;
    case LabelMatcher::Op::RegexMatch: return u"=~"_s;
    case LabelMatcher::Op::RegexNoMatch: return u"!~"_s;
    }
    return {};
}

bool sameTerms(const LabelMatcher &a, const LabelMatcher &b)
{
    if (a.terms().size() != b.terms().size())
        return false;
    for (qsizetype i = 0; i < a.terms().size(); ++i) {
        const LabelMatcher::Term &x = a.terms()[i];
        const LabelMatcher::Term &y = b.terms()[i];
        if (x.name != y.name || x.op != y.op || x.value != y.value || bool(x.regex) != bool(y.regex))
            return false;
        if (x.regex && x.regex->pattern() != y.regex->pattern())
            return false;
    }
    return true;
}

// Label sets to try: nothing, each term's own value, the value changed, an
// empty value, and all the equality terms together.
QList<LabelPairs> candidateLabelSets(const LabelMatcher &matcher)
{
    QList<LabelPairs> sets{LabelPairs{}};
    LabelPairs equalities;
    for (const auto &term : matcher.terms()) {
        sets.append({{term.name, term.value}});
        sets.append({{term.name, term.value + u'x'}});
        sets.append({{term.name, term.value + u'\n'}});
        sets.append({{term.name, QString()}});
        sets.append({{u"other"_s, term.value}, {term.name, term.value.left(1)}});
        if (term.op == LabelMatcher::Op::Equal)
            equalities.append({term.name, term.value});
    }
    sets.append(equalities);
    return sets;
}

void checkMatcher(const LabelMatcher &matcher, const QString &input, PromDialect dialect)
{
    const QString canonical = matcher.toString();
    const QString detail = u"input "_s + show(input) + u"\ncanonical "_s + show(canonical) + u"\ndialect "_s + promDialectName(dialect);
    FUZZ_CHECK(matcher.dialect() == dialect);
    const auto again = LabelMatcher::parse(canonical, dialect);
    FUZZ_CHECK_DETAIL(again.ok(), detail + u"\nerror "_s + again.errorString());
    FUZZ_CHECK_DETAIL(sameTerms(matcher, *again), detail + u"\nagain "_s + show(again->toString()));
    FUZZ_CHECK_DETAIL(again->toString() == canonical, detail + u"\nagain "_s + show(again->toString()));
    FUZZ_CHECK(matcher.isEmpty() == matcher.terms().isEmpty());

    for (const auto &term : matcher.terms()) {
        FUZZ_CHECK(dialect == PromDialect::Prometheus2 ? isLegacyLabelName(term.name) : isValidUtf8Name(term.name));
        const bool regex = term.op == LabelMatcher::Op::RegexMatch || term.op == LabelMatcher::Op::RegexNoMatch;
        FUZZ_CHECK(regex == term.isRegex());
        FUZZ_CHECK(regex == bool(term.regex));
        FUZZ_CHECK(!term.regex || term.regex->ok());
    }

    const QList<LabelPairs> sets = candidateLabelSets(matcher);
    for (const LabelPairs &labels : sets) {
        const bool matches = matcher.matches(labels);
        FUZZ_CHECK_DETAIL(matches == again->matches(labels), detail);
        // Terms are ANDed: the whole matches only where every term does.
        bool all = true;
        for (const auto &term : matcher.terms()) {
            const QString termText = promqlLabelName(term.name) + opText(term.op) + promqlString(term.value);
            const auto one = LabelMatcher::parse(termText, dialect);
            FUZZ_CHECK_DETAIL(one.ok() && one->terms().size() == 1, detail);
            const bool termMatches = one->matches(labels);
            // Equality is plain string comparison; absent labels are "".
            QString value;
            for (const auto &[name, v] : labels) {
                if (name == term.name) {
                    value = v;
                    break;
                }
            }
            if (term.op == LabelMatcher::Op::Equal)
                FUZZ_CHECK_DETAIL(termMatches == (value == term.value), detail);
            if (term.op == LabelMatcher::Op::NotEqual)
                FUZZ_CHECK_DETAIL(termMatches == (value != term.value), detail);
            all = all && termMatches;
        }
        FUZZ_CHECK_DETAIL(matches == all, detail);
    }

    // Anchored like RE2: a pattern that is a plain word matches exactly that
    // word, not with anything (not even a newline) after it.
    for (const auto &term : matcher.terms()) {
        if (term.op != LabelMatcher::Op::RegexMatch || term.value.isEmpty()
            || !std::all_of(term.value.begin(), term.value.end(), [](QChar c) { return c.isLetterOrNumber() && c.unicode() < 0x80; }))
            continue;
        FUZZ_CHECK_DETAIL(term.matchesValue(term.value), detail);
        FUZZ_CHECK_DETAIL(!term.matchesValue(QString(term.value + u'\n')), detail);
        FUZZ_CHECK_DETAIL(!term.matchesValue(QString(u'x' + term.value)), detail);
    }

    // Prometheus 2.x is the stricter dialect: what it reads, 3 reads too.
    if (dialect == PromDialect::Prometheus2) {
        const auto three = LabelMatcher::parse(input, PromDialect::Prometheus3);
        FUZZ_CHECK_DETAIL(three.ok(), detail + u"\nerror in Prometheus 3: "_s + three.errorString());
        FUZZ_CHECK_DETAIL(three->terms().size() == matcher.terms().size(), detail);
        for (qsizetype i = 0; i < matcher.terms().size(); ++i) {
            const auto &a = matcher.terms()[i];
            const auto &b = three->terms()[i];
            FUZZ_CHECK_DETAIL(a.name == b.name && a.op == b.op && a.value == b.value, detail);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the encoding of the rest: 'u' raw UTF-16 (lone
    // surrogates possible), anything else UTF-8; and the dialect: odd
    // Prometheus 2.x, even Prometheus 3.
    const QString text = data[0] == 'u' ? utf16Text(data + 1, size - 1) : utf8Text(data + 1, size - 1);
    const PromDialect dialect = (data[0] & 1) ? PromDialect::Prometheus2 : PromDialect::Prometheus3;
    const auto matcher = LabelMatcher::parse(text, dialect);
    if (!matcher) {
        checkError(matcher.error(), Error::Parse);
        FUZZ_CHECK(matcher.error().line == 1 && matcher.error().column >= 1);
        FUZZ_CHECK(matcher.error().message.startsWith(u"column %1: "_s.arg(matcher.error().column)));
        return 0;
    }
    checkMatcher(*matcher, text, dialect);
    return 0;
}
