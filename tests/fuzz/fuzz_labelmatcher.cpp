// Fuzzes the label selector parser. Parsing never crashes and fails with a
// Parse error carrying a column; a parsed matcher's canonical text parses
// to the same terms and the same text again, and both matchers agree on
// every label set tried, including the ones the terms themselves suggest.

#include "fuzzcheck.h"
#include "core/labelmatcher.h"

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
        if (x.name != y.name || x.op != y.op || x.value != y.value || x.regex.pattern() != y.regex.pattern())
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

void checkMatcher(const LabelMatcher &matcher, const QString &input)
{
    const QString canonical = matcher.toString();
    const QString detail = u"input "_s + show(input) + u"\ncanonical "_s + show(canonical);
    const auto again = LabelMatcher::parse(canonical);
    FUZZ_CHECK_DETAIL(again.ok(), detail + u"\nerror "_s + again.errorString());
    FUZZ_CHECK_DETAIL(sameTerms(matcher, *again), detail + u"\nagain "_s + show(again->toString()));
    FUZZ_CHECK_DETAIL(again->toString() == canonical, detail + u"\nagain "_s + show(again->toString()));
    FUZZ_CHECK(matcher.isEmpty() == matcher.terms().isEmpty());

    for (const auto &term : matcher.terms()) {
        FUZZ_CHECK(isValidLabelName(term.name));
        const bool regex = term.op == LabelMatcher::Op::RegexMatch || term.op == LabelMatcher::Op::RegexNoMatch;
        FUZZ_CHECK(term.regex.isValid());
        FUZZ_CHECK(regex == !term.regex.pattern().isEmpty());
    }

    const QList<LabelPairs> sets = candidateLabelSets(matcher);
    for (const LabelPairs &labels : sets) {
        const bool matches = matcher.matches(labels);
        FUZZ_CHECK_DETAIL(matches == again->matches(labels), detail);
        // Terms are ANDed: the whole matches only where every term does.
        bool all = true;
        for (const auto &term : matcher.terms()) {
            const QString termText = term.name + opText(term.op) + u'"' + escapeLabelValue(term.value) + u'"';
            const auto one = LabelMatcher::parse(termText);
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
        FUZZ_CHECK_DETAIL(term.regex.match(term.value).hasMatch(), detail);
        FUZZ_CHECK_DETAIL(!term.regex.match(term.value + u'\n').hasMatch(), detail);
        FUZZ_CHECK_DETAIL(!term.regex.match(u'x' + term.value).hasMatch(), detail);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the encoding of the rest: 'u' raw UTF-16 (lone
    // surrogates possible), anything else UTF-8.
    const QString text = data[0] == 'u' ? utf16Text(data + 1, size - 1) : utf8Text(data + 1, size - 1);
    const auto matcher = LabelMatcher::parse(text);
    if (!matcher) {
        checkError(matcher.error(), Error::Parse);
        FUZZ_CHECK(matcher.error().line == 1 && matcher.error().column >= 1);
        FUZZ_CHECK(matcher.error().message.startsWith(u"column %1: "_s.arg(matcher.error().column)));
        return 0;
    }
    checkMatcher(*matcher, text);
    return 0;
}
