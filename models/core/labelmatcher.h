#pragma once
// PromQL-style selectors over a group's key labels, e.g.
// {job=~"batch-.*",instance!="",env="prod"}. Used by filters, bulk delete,
// prune, staleness rules and the CLI. Regexes are fully anchored like
// Prometheus' RE2 matchers. A label absent from a key matches as "".

#include "core/groupingkey.h"

#include <QRegularExpression>

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
        QRegularExpression regex; // anchored; only for the regex ops
    };

    LabelMatcher() = default; // empty: matches every group

    // `{a="x", b=~"y.*"}`; the braces may be omitted; `{}` and "" match all.
    // Errors have the 1-based column in Error::column and in the message.
    static Result<LabelMatcher> parse(QStringView text);

    bool isEmpty() const { return m_terms.isEmpty(); }
    const QList<Term> &terms() const { return m_terms; }
    bool matches(const GroupingKey &key) const { return matches(key.labels()); }
    bool matches(const LabelPairs &labels) const;
    QString toString() const; // canonical text, parseable again

private:
    QList<Term> m_terms;
};

} // namespace PushDeck
