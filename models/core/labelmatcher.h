#pragma once
// PromQL-style selectors over a group's key labels, e.g.
// {job=~"batch-.*",instance!="",env="prod"}. Used by filters, bulk delete,
// prune, staleness rules and the CLI. They mean what the same matchers mean
// to Prometheus on push_time_seconds{...}: regexes are RE2 (Go's syntax, no
// lookaround, no backreferences, linear time) and fully anchored, a label
// absent from a key matches as "", and where Prometheus 2.x and 3 differ
// (`.` and newlines, quoted UTF-8 names) the dialect decides.

#include "core/groupingkey.h"
#include "core/promql.h"

#include <memory>

namespace re2 {
class RE2;
}

namespace PushDeck {

class LabelMatcher
{
public:
    enum class Op { Equal, NotEqual, RegexMatch, RegexNoMatch };
    struct Term
    {
        QString name;
        Op op = Op::Equal;
        QString value;
        // The compiled regex, for the regex ops only; shared between copies
        // (RE2 is immutable and safe to use from several threads).
        std::shared_ptr<const re2::RE2> regex;

        bool isRegex() const { return op == Op::RegexMatch || op == Op::RegexNoMatch; }
        // Whether `labelValue` satisfies this term ("" for an absent label).
        bool matchesValue(QStringView labelValue) const;
    };

    LabelMatcher() = default; // empty: matches every group

    // `{a="x", b=~"y.*"}`; the braces may be omitted; `{}` and "" match all.
    // Values are PromQL strings ("...", '...' with Go escapes, `...` raw);
    // names are identifiers or, in the Prometheus 3 dialect, quoted
    // ({"service.name"="x"}). A regex Prometheus would refuse (lookahead,
    // backreferences, \C, ...) is refused here too. Errors have the 1-based
    // column in Error::column and in the message.
    static Result<LabelMatcher> parse(QStringView text, PromDialect dialect = DefaultPromDialect);

    // The same selector under another dialect's rules (parsed again: a
    // quoted name is an error for Prometheus 2.x).
    Result<LabelMatcher> withDialect(PromDialect dialect) const;
    PromDialect dialect() const { return m_dialect; }

    bool isEmpty() const { return m_terms.isEmpty(); }
    const QList<Term> &terms() const { return m_terms; }
    bool matches(const GroupingKey &key) const { return matches(key.labels()); }
    bool matches(const LabelPairs &labels) const;
    // Canonical text, parseable again: double-quoted values, names quoted
    // only where they are not classic names.
    QString toString() const;
    // The terms as PromQL writes them between the braces of a selector
    // (`job=~"a.*",instance!=""`), Go escapes in the strings.
    QString toPromQLMatchers() const;

    // Go's regexp.QuoteMeta: a regex that matches exactly `literal`.
    static QString quoteMeta(QStringView literal);

private:
    QList<Term> m_terms;
    PromDialect m_dialect = DefaultPromDialect;
};

} // namespace PushDeck
