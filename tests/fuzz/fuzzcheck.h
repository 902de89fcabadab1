#pragma once
// What every fuzz target shares: a property check that makes libFuzzer stop
// and keep the input, and helpers to turn fuzz bytes into Qt text.

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <string>

using namespace PushDeck;

// A broken property is a crash to libFuzzer: it keeps the input as crash-*.
// The detail (what was compared) goes to stderr first.
[[noreturn]] inline void fuzzFailure(const char *condition, const char *file, int line, const QString &detail)
{
    std::fprintf(stderr, "\n==== property failed: %s (%s:%d)\n", condition, file, line);
    if (!detail.isEmpty())
        std::fprintf(stderr, "%s\n", detail.toUtf8().constData());
    std::fflush(stderr);
    __builtin_trap();
}

#define FUZZ_CHECK(condition) FUZZ_CHECK_DETAIL(condition, QString())
#define FUZZ_CHECK_DETAIL(condition, detail)                                         \
    do {                                                                             \
        if (!(condition))                                                            \
            fuzzFailure(#condition, __FILE__, __LINE__, (detail));                   \
    } while (false)

// Errors are values: a failed call must say what went wrong.
inline void checkError(const Error &error, Error::Kind expected)
{
    FUZZ_CHECK_DETAIL(error.kind == expected, error.message);
    FUZZ_CHECK(!error.message.isEmpty());
}

inline QString utf8Text(const std::string &bytes)
{
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

inline QString utf8Text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Raw UTF-16 code units, lone surrogates included: what a QString from a
// text field can hold but UTF-8 input never produces.
inline QString utf16Text(const uint8_t *data, size_t size)
{
    QString text;
    text.reserve(qsizetype(size / 2));
    for (size_t i = 0; i + 1 < size; i += 2)
        text.append(QChar(char16_t(data[i] | (data[i + 1] << 8))));
    return text;
}

// For messages: control characters and non-ASCII shown as escapes.
inline QString show(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            out += c;
        else
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return out;
}
