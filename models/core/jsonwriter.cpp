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
        for (char c : text.toUtf8()) {
            if (needsEscape(c))
                escaped(c);
            else
                out.append(c); // UTF-8 passes through
        }
    }
    out.append('"');
}

} // namespace PushDeck
