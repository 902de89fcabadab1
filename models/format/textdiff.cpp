#include "format/textdiff.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace PushDeck {

QString unifiedDiff(const QByteArray &oldText, const QByteArray &newText, int context)
{
    if (oldText == newText)
        return {};
    auto lines = [](const QByteArray &text) {
        QStringList out = QString::fromUtf8(text).split(u'\n');
        if (!out.isEmpty() && out.last().isEmpty())
            out.removeLast();
        return out;
    };
    const QStringList a = lines(oldText);
    const QStringList b = lines(newText);

    // Common prefix and suffix first: edits are usually small, and the LCS
    // table below is then tiny.
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;

    // ops: ' ' keep, '-' remove (from a), '+' add (from b); with indices.
    struct Op
    {
        char kind;
        qsizetype ai;
        qsizetype bi;
    };
    QList<Op> ops;
    for (qsizetype i = 0; i < prefix; ++i)
        ops.append({' ', i, i});
    if (n * m <= 4'000'000) {
        std::vector<int> table(size_t((n + 1) * (m + 1)), 0);
        auto at = [&](qsizetype i, qsizetype j) -> int & { return table[size_t(i * (m + 1) + j)]; };
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
                ops.append({' ', prefix + i, prefix + j});
                ++i;
                ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                // Removals before additions, as diff(1) shows them.
                ops.append({'-', prefix + i, -1});
                ++i;
            } else {
                ops.append({'+', -1, prefix + j});
                ++j;
            }
        }
    } else {
        // Too big for a table: show the changed middle as removed + added.
        for (qsizetype i = 0; i < n; ++i)
            ops.append({'-', prefix + i, -1});
        for (qsizetype j = 0; j < m; ++j)
            ops.append({'+', -1, prefix + j});
    }
    for (qsizetype i = 0; i < suffix; ++i)
        ops.append({' ', a.size() - suffix + i, b.size() - suffix + i});

    QString out = u"--- current\n+++ new\n"_s;
    qsizetype k = 0;
    while (k < ops.size()) {
        // Find the next change, then extend the hunk while changes are
        // within 2 * context of each other.
        while (k < ops.size() && ops[k].kind == ' ')
            ++k;
        if (k >= ops.size())
            break;
        qsizetype start = std::max<qsizetype>(0, k - context);
        qsizetype end = k;
        qsizetype lastChange = k;
        while (end < ops.size()) {
            if (ops[end].kind != ' ')
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min<qsizetype>(ops.size(), lastChange + context + 1);
        // Hunk header with 1-based line numbers and counts.
        qsizetype aStart = -1, bStart = -1, aCount = 0, bCount = 0;
        for (qsizetype x = start; x < end; ++x) {
            if (ops[x].kind != '+') {
                if (aStart < 0)
                    aStart = ops[x].ai;
                ++aCount;
            }
            if (ops[x].kind != '-') {
                if (bStart < 0)
                    bStart = ops[x].bi;
                ++bCount;
            }
        }
        auto position = [](qsizetype first, qsizetype count, qsizetype fallback) -> QString {
            return QString::number(count == 0 ? fallback : first + 1) + u',' + QString::number(count);
        };
        qsizetype aFallback = 0, bFallback = 0;
        for (qsizetype x = 0; x < start; ++x) {
            if (ops[x].kind != '+')
                ++aFallback;
            if (ops[x].kind != '-')
                ++bFallback;
        }
        out += u"@@ -"_s + position(aStart, aCount, aFallback) + u" +"_s + position(bStart, bCount, bFallback) + u" @@\n"_s;
        for (qsizetype x = start; x < end; ++x) {
            const Op &op = ops[x];
            out += QChar::fromLatin1(op.kind) + (op.kind == '+' ? b[op.bi] : a[op.ai]) + u'\n';
        }
        k = end;
    }
    return out;
}

} // namespace PushDeck
