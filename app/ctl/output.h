#pragma once
// -o/--output and --no-headers, as amtool and kubectl users type them: one
// option pair that every command with more than one output form takes.
// -o json is exactly --json, -o wide exactly --wide; without either, the
// output key of pushdeckctl.yml applies where the command has that form.

#include "core/result.h"

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace PushDeck {

class CtlContext;

enum class CtlFormat { Table, Wide, Json };

class CtlOutputOptions
{
public:
    // `formats`: what the command prints (Table is always one of them).
    // `headers`: whether it prints a table with a header line (--no-headers).
    explicit CtlOutputOptions(QList<CtlFormat> formats, bool headers = true);
    void addTo(QCommandLineParser &parser) const;

    // The format asked for: `json`/`wide` (the command's own --json/--wide
    // were given), -o, pushdeckctl.yml, else Table. A usage error names a
    // format the command does not have or two that contradict each other.
    Result<CtlFormat> format(const QCommandLineParser &parser, const CtlContext &ctx, bool json = false,
                             bool wide = false) const;
    bool noHeaders(const QCommandLineParser &parser) const;

    const QCommandLineOption output;
    const QCommandLineOption noHeadersOption;

private:
    QList<CtlFormat> m_formats;
    bool m_headers;
};

QString formatName(CtlFormat format);

// printTable() (format.h), without its header line when `noHeaders`: the
// columns keep the widths the headed table has.
void printRows(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows,
               const QList<int> &rightAligned, bool noHeaders);

} // namespace PushDeck
