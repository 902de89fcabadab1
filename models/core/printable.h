#pragma once
// Text a gateway holds is not ours: a grouping key or label value may carry
// terminal control sequences (ESC[1A ESC[2K rewrites the line above it),
// bidirectional overrides that reorder what is shown, invisible characters,
// or bytes that are not UTF-8. Everything that shows such text to people
// escapes it with the one rule here, so that a preview cannot be forged: the
// CLI for all its output, GroupingKey::toString() and escapeLabelValue() for
// keys and label values, the window's tables, previews and detail pane.
//
// Raw bytes: a value that is not valid UTF-8 (the gateway keeps such a group
// after rejecting its push) is held byte-exact in a QString the way Python's
// "surrogateescape" does it: every byte that is not part of a valid UTF-8
// sequence is the lone low surrogate U+DC80..U+DCFF (0xDC00 + byte), which
// valid UTF-8 never decodes to. encodeUtf8Exact() gives the bytes back, so
// such a key is addressed exactly (GroupingKey::toPath()).

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace PushDeck {

// --- Raw bytes ---------------------------------------------------------------
// UTF-8 with Go's rules (no overlong forms, no surrogates, at most U+10FFFF);
// each byte outside a valid sequence becomes U+DC00 + byte.
QString decodeUtf8Exact(QByteArrayView bytes);
// The inverse: raw-byte surrogates become their byte again.
QByteArray encodeUtf8Exact(QStringView text);
// Whether text[i] is a raw byte (a lone U+DC80..U+DCFF).
bool isRawByteAt(QStringView text, qsizetype i);
bool hasRawBytes(QStringView text);
// Every raw byte as U+FFFD: what the gateway's JSON shows for such a value
// (Go replaces each invalid byte by one U+FFFD).
QString withReplacementCharacters(QStringView text);
// Valid UTF-16 apart from raw bytes (no other unpaired surrogate).
bool isExactText(QStringView text);

// --- Escaping for people ---------------------------------------------------------
enum class LineBreaks {
    Escape, // one line: a newline is shown as \n, a tab as \t
    Keep,   // several lines: newlines (only) pass through
};

// Whether the character at text[i] is shown escaped (see printable()).
bool needsEscape(QStringView text, qsizetype i, LineBreaks lineBreaks = LineBreaks::Escape);
bool isPrintable(QStringView text, LineBreaks lineBreaks = LineBreaks::Escape);

// The text with every control character (C0, DEL, C1), raw byte, unpaired
// surrogate, bidirectional control, invisible formatting character (zero
// width, word joiner, BOM, tags) and line or paragraph separator replaced by
// an escape in Go/PromQL string syntax: \n \t \r, \xHH (C0, DEL and raw
// bytes), \uHHHH, \UHHHHHHHH. Backslashes are left alone: where the result
// must be unambiguous (keys, label values), escapeLabelValue() also escapes
// them, and GroupingKey::parse() reads every escape back.
QString printable(QStringView text, LineBreaks lineBreaks = LineBreaks::Escape);

// Where printable() put escapes: the window shows these spans in a style of
// their own, so an escape is never mistaken for text.
struct EscapedSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    friend bool operator==(const EscapedSpan &, const EscapedSpan &) = default;
};
QString printable(QStringView text, LineBreaks lineBreaks, QList<EscapedSpan> *spans);

// The escape sequences in already escaped text (printable() or
// escapeLabelValue() output): every \xHH, \uHHHH and \UHHHHHHHH, and \n, \t,
// \r, that is not itself an escaped backslash (\\x41 is a backslash and
// "x41"). For views that style escapes in text a model already escaped.
QList<EscapedSpan> escapeSpans(QStringView escapedText);

} // namespace PushDeck
