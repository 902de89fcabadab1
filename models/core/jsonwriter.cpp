#include "core/jsonwriter.h"

namespace PushDeck {

void appendJsonString(QByteArray &out, QStringView text)
{
    auto escaped = [&out](char c) {
        switch (c) {
        case '"': out.append("\\\""); return;
        case '\\': out.append("\\\\"); return;
        case '\n': out.append("\\n"); return;
        case '\r': out.append("\\r"); return;
        case '\t': out.append("\\t"); return;
        default: {
            static const char hex[] = "0123456789abcdef";
            const auto u = static_cast<unsigned char>(c);
            out.append("\\u00");
            out.append(hex[u >> 4]);
            out.append(hex[u & 15]);
        }
        }
    };
    auto needsEscape = [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; };
    out.append('"');
    bool ascii = true;
    for (QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        // Most labels are ASCII: no conversion buffer for them.
        for (QChar qc : text) {
            const char c = char(qc.unicode());
            if (needsEscape(c))
                escaped(c);
            else
                out.append(c);
        }
    } else {
        auto appendUtf8 = [&](QStringView part) {
            for (char c : part.toUtf8()) {
                if (needsEscape(c))
                    escaped(c);
                else
                    out.append(c); // UTF-8 passes through
            }
        };
        if (text.isValidUtf16()) {
            appendUtf8(text);
        } else {
            // Unpaired surrogates (raw bytes of a key that is not UTF-8,
            // core/printable.h) have no UTF-8 form: \uXXXX keeps them, and
            // QJsonDocument reads them back as they were.
            static const char hex[] = "0123456789abcdef";
            qsizetype start = 0;
            for (qsizetype i = 0; i < text.size(); ++i) {
                const QChar c = text[i];
                const bool paired = c.isHighSurrogate() ? i + 1 < text.size() && text[i + 1].isLowSurrogate()
                                  : c.isLowSurrogate()  ? i > 0 && text[i - 1].isHighSurrogate()
                                                        : true;
                if (paired)
                    continue;
                appendUtf8(text.sliced(start, i - start));
                const char16_t u = c.unicode();
                out.append("\\u");
                for (int shift = 12; shift >= 0; shift -= 4)
                    out.append(hex[(u >> shift) & 15]);
                start = i + 1;
            }
            appendUtf8(text.sliced(start));
        }
    }
    out.append('"');
}

} // namespace PushDeck
