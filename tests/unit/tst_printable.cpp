// core/printable.h: raw bytes kept exactly (and decoded by Go's rules),
// every character that can forge what a terminal or a table shows escaped,
// and where the escapes are.

#include "core/printable.h"

#include <QRandomGenerator>
#include <QTest>

using namespace PushDeck;
using namespace Qt::StringLiterals;

class TestPrintable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeLikeGo_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("lossy"); // what Go's encoding/json shows: one U+FFFD per invalid byte
        const QString r(QChar::ReplacementCharacter);
        QTest::newRow("ascii") << QByteArray("abc") << u"abc"_s;
        QTest::newRow("utf8") << QByteArray("\xc3\xbc\xe6\x97\xa5\xf0\x9f\x98\x80") << u"ü日\U0001F600"_s;
        QTest::newRow("lone continuation") << QByteArray("a\x80z") << u"a"_s + r + u"z"_s;
        QTest::newRow("ff fe") << QByteArray("\xff\xfe") << r + r;
        QTest::newRow("truncated three") << QByteArray("\xe2\x82z") << r + r + u"z"_s;
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << r + r;
        QTest::newRow("overlong three") << QByteArray("\xe0\x80\xaf") << r + r + r;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << r + r + r;
        QTest::newRow("beyond unicode") << QByteArray("\xf4\x90\x80\x80") << r + r + r + r;
        QTest::newRow("f5") << QByteArray("\xf5\x80\x80\x80") << r + r + r + r;
        QTest::newRow("max") << QByteArray("\xf4\x8f\xbf\xbf") << u"\U0010FFFF"_s;
    }

    void decodeLikeGo()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, lossy);
        const QString exact = decodeUtf8Exact(bytes);
        QCOMPARE(encodeUtf8Exact(exact), bytes);
        QCOMPARE(withReplacementCharacters(exact), lossy);
        QVERIFY(isExactText(exact));
        QCOMPARE(hasRawBytes(exact), lossy.contains(QChar::ReplacementCharacter));
    }

    void randomBytesRoundTrip()
    {
        QRandomGenerator rng(17);
        for (int round = 0; round < 5000; ++round) {
            QByteArray bytes(int(rng.bounded(0, 12)), Qt::Uninitialized);
            for (char &b : bytes)
                b = char(rng.bounded(256));
            const QString exact = decodeUtf8Exact(bytes);
            QCOMPARE(encodeUtf8Exact(exact), bytes);
            // Valid UTF-8 decodes as Qt decodes it.
            if (!hasRawBytes(exact))
                QCOMPARE(exact, QString::fromUtf8(bytes));
            // The escaped form has nothing a terminal would act on.
            QVERIFY(isPrintable(PushDeck::printable(exact)));
        }
    }

    void printable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("oneLine");
        QTest::addColumn<QString>("lines");
        QTest::newRow("plain") << u"abc ü 日本"_s << u"abc ü 日本"_s << u"abc ü 日本"_s;
        QTest::newRow("cursor up, erase line") << u"x\x1b[1A\x1b[2Ky"_s << u"x\\x1b[1A\\x1b[2Ky"_s << u"x\\x1b[1A\\x1b[2Ky"_s;
        QTest::newRow("newline, tab, cr") << u"a\nb\tc\rd"_s << u"a\\nb\\tc\\rd"_s << u"a\nb\\tc\\rd"_s;
        QTest::newRow("bell, nul") << QString(u"\a"_s + QChar(0) + u"x"_s) << u"\\x07\\x00x"_s << u"\\x07\\x00x"_s;
        QTest::newRow("del and c1") << u"\x7f\u0085\u009b"_s << u"\\x7f\\u0085\\u009b"_s << u"\\x7f\\u0085\\u009b"_s;
        QTest::newRow("bidi") << u"a\u202eb\u2066c\u061c"_s << u"a\\u202eb\\u2066c\\u061c"_s << u"a\\u202eb\\u2066c\\u061c"_s;
        QTest::newRow("invisible") << u"\u200b\u200d\ufeff\u2060"_s << u"\\u200b\\u200d\\ufeff\\u2060"_s
                                   << u"\\u200b\\u200d\\ufeff\\u2060"_s;
        QTest::newRow("separators") << u"a\u2028b\u2029"_s << u"a\\u2028b\\u2029"_s << u"a\\u2028b\\u2029"_s;
        QTest::newRow("tag character") << u"\U000E0041"_s << u"\\U000e0041"_s << u"\\U000e0041"_s;
        QTest::newRow("emoji stays") << u"\U0001F600"_s << u"\U0001F600"_s << u"\U0001F600"_s;
        QTest::newRow("raw byte") << u"a"_s + QChar(0xDCFF) << u"a\\xff"_s << u"a\\xff"_s;
        QTest::newRow("lone high surrogate") << u"a"_s + QChar(0xD800) << u"a\\ud800"_s << u"a\\ud800"_s;
        QTest::newRow("backslash untouched") << u"C:\\x"_s << u"C:\\x"_s << u"C:\\x"_s;
    }

    void printable()
    {
        QFETCH(QString, text);
        QFETCH(QString, oneLine);
        QFETCH(QString, lines);
        QCOMPARE(PushDeck::printable(text), oneLine);
        QCOMPARE(PushDeck::printable(text, LineBreaks::Keep), lines);
        QVERIFY(isPrintable(oneLine));
        QCOMPARE(isPrintable(text), text == oneLine);
    }

    void spans()
    {
        QList<EscapedSpan> spans;
        const QString text = u"a\x1b" "b\u202ec"_s + QChar(0xDCFF);
        const QString out = PushDeck::printable(text, LineBreaks::Escape, &spans);
        QCOMPARE(out, u"a\\x1bb\\u202ec\\xff"_s);
        QCOMPARE(spans, (QList<EscapedSpan>{{1, 4}, {6, 6}, {13, 4}}));
        // Found again in escaped text, but not where a backslash is escaped.
        QCOMPARE(escapeSpans(out), spans);
        QCOMPARE(escapeSpans(u"\\\\x1b \\n \\q \\x1"_s), (QList<EscapedSpan>{{6, 2}}));
    }
};

QTEST_GUILESS_MAIN(TestPrintable)
#include "tst_printable.moc"
