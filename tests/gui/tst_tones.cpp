// Colours from the palette: in the light default and a dark palette every
// state's mark stands out from the background, the failed and stale row
// tints differ (the issue measured 246,209,209 vs 234,210,203: nearly the
// same), and a chart repaints in the palette's colours when it changes.

#include "views/charts/agechartview.h"
#include "views/common/tones.h"
#include "builders.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QTest>

using namespace PushDeck;
using namespace Qt::StringLiterals;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(45, 45, 48));
    p.setColor(QPalette::WindowText, QColor(220, 220, 220));
    p.setColor(QPalette::Base, QColor(30, 30, 32));
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
    p.setColor(QPalette::Text, QColor(220, 220, 220));
    p.setColor(QPalette::Button, QColor(53, 53, 56));
    p.setColor(QPalette::ButtonText, QColor(220, 220, 220));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(239, 239, 239));
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(247, 247, 247));
    p.setColor(QPalette::Text, Qt::black);
    return p;
}

// WCAG relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Distance of two colours (RGB, 0..441).
double distance(const QColor &a, const QColor &b)
{
    return std::hypot(a.red() - b.red(), a.green() - b.green(), a.blue() - b.blue());
}

} // namespace

class TestTones : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void palettes_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << lightPalette() << false;
        QTest::newRow("dark") << darkPalette() << true;
    }

    void palettes()
    {
        QFETCH(QPalette, palette);
        QFETCH(bool, dark);
        QCOMPARE(Tones::isDark(palette), dark);
        const QColor base = palette.color(QPalette::Base);
        for (Staleness s : {Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed}) {
            const QColor mark = Tones::state(s, palette);
            QVERIFY2(contrast(mark, base) >= 2.0, qPrintable(u"state %1: %2 on %3"_s.arg(int(s)).arg(mark.name(), base.name())));
        }
        // Problem rows are tinted, and the text stays readable on them.
        const QColor failed = Tones::stateTint(Staleness::Failed, palette);
        const QColor stale = Tones::stateTint(Staleness::Stale, palette);
        const QColor warning = Tones::stateTint(Staleness::Warning, palette);
        for (const QColor &tint : {failed, stale, warning}) {
            QVERIFY(tint.isValid());
            QVERIFY(tint != base);
            QVERIFY2(contrast(palette.color(QPalette::Text), tint) >= 4.5, qPrintable(tint.name()));
        }
        QVERIFY2(distance(failed, stale) >= 25, qPrintable(failed.name() + u" vs "_s + stale.name()));
        QVERIFY2(distance(stale, warning) >= 25, qPrintable(stale.name() + u" vs "_s + warning.name()));
        QVERIFY(!Tones::stateTint(Staleness::Fresh, palette).isValid());
        QVERIFY(contrast(Tones::error(palette), palette.color(QPalette::Window)) >= 3.0);
    }

    void chartFollowsThePalette()
    {
        AgeChartView view;
        view.resize(400, 300);
        view.setPalette(lightPalette());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double now = 1.7e9;
        view.setGroups({Test::group(u"{job=\"a\"}", now - 10)}, StalenessPolicy(), now);
        QVERIFY(luminance(view.chart()->backgroundBrush().color()) > 0.5);

        view.setPalette(darkPalette());
        QCoreApplication::processEvents();
        const QColor background = view.chart()->backgroundBrush().color();
        QVERIFY2(luminance(background) < 0.1, qPrintable(background.name()));
        QVERIFY(contrast(view.chart()->axes().constFirst()->labelsBrush().color(), background) >= 4.5);
        QCOMPARE(view.barSet(Staleness::Fresh)->color(), Tones::state(Staleness::Fresh, darkPalette()));
    }
};

QTEST_MAIN(TestTones)
#include "tst_tones.moc"
