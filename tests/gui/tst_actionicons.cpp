// The icon set: every action icon exists for light and dark palettes with the
// same shapes, is a valid 24x24 SVG, and ActionIcons picks the variant that
// contrasts with the palette's window colour.

#include "views/common/actionicons.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTest>

#include <cmath>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

QPalette paletteWithWindow(const QColor &window, const QColor &text)
{
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    return palette;
}

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Mean lightness of the visible pixels: what the eye sees of the strokes.
double strokeLightness(const QIcon &icon)
{
    const QImage image = icon.pixmap(QSize(48, 48)).toImage().convertToFormat(QImage::Format_ARGB32);
    double sum = 0;
    double weight = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            sum += c.lightness() * c.alphaF();
            weight += c.alphaF();
        }
    }
    return weight > 0 ? sum / weight : -1;
}

// WCAG 2.1 contrast ratio of two opaque colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestActionIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allActionsHaveIcons()
    {
        const QStringList required{u"refresh"_s, u"pause"_s,    u"resume"_s,    u"delete"_s, u"delete-bulk"_s,
                                   u"prune"_s,   u"wipe"_s,     u"push"_s,      u"repush"_s, u"undo"_s,
                                   u"audit-log"_s, u"rules"_s,  u"charts"_s,    u"pitfalls"_s, u"filter"_s};
        const QStringList names = ActionIcons::names();
        for (const QString &name : required)
            QVERIFY2(names.contains(name), qPrintable(name));
    }

    void variants_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : ActionIcons::names())
            QTest::newRow(qPrintable(name)) << name;
    }

    void variants()
    {
        QFETCH(QString, name);
        const QString lightPath = u":/icons/actions/%1.svg"_s.arg(name);
        const QString darkPath = u":/icons/actions/dark/%1.svg"_s.arg(name);
        for (const QString &path : {lightPath, darkPath}) {
            QSvgRenderer renderer(path);
            QVERIFY2(renderer.isValid(), qPrintable(path));
            QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 24, 24));
        }
        // Same shapes, other colours: the dark set is the light one recoloured
        // (resources/icons/actions/make-dark.sh), never drawn apart.
        static const QRegularExpression colour(u"#[0-9a-fA-F]{6}"_s);
        QString light = QString::fromUtf8(readResource(lightPath));
        QString dark = QString::fromUtf8(readResource(darkPath));
        QVERIFY(light != dark);
        QCOMPARE(dark.replace(colour, u"#"_s), light.replace(colour, u"#"_s));
    }

    // Every colour of a variant stands out from the window colour it is meant
    // for by at least 3:1 (WCAG 2.1, non-text contrast), so no stroke fades.
    void coloursContrast_data()
    {
        variants_data();
    }

    void coloursContrast()
    {
        QFETCH(QString, name);
        static const QRegularExpression colour(u"#[0-9a-fA-F]{6}"_s);
        const std::pair<QString, QColor> variants[] = {
            {u":/icons/actions/%1.svg"_s.arg(name), QColor(0xef, 0xf0, 0xf1)},
            {u":/icons/actions/dark/%1.svg"_s.arg(name), QColor(0x2a, 0x2e, 0x32)},
        };
        for (const auto &[path, window] : variants) {
            const QString text = QString::fromUtf8(readResource(path));
            auto it = colour.globalMatch(text);
            QVERIFY(it.hasNext());
            while (it.hasNext()) {
                const QColor stroke(it.next().captured());
                const double ratio = contrast(stroke, window);
                QVERIFY2(ratio >= 3.0, qPrintable(u"%1: %2 on %3 is only %4:1"_s.arg(path, stroke.name(), window.name())
                                                      .arg(ratio, 0, 'f', 2)));
            }
        }
    }

    // ActionIcons picks the light strokes for a dark window and vice versa.
    void contrastsWithPalette_data()
    {
        variants_data();
    }

    void contrastsWithPalette()
    {
        QFETCH(QString, name);
        const QPalette light = paletteWithWindow(QColor(0xef, 0xf0, 0xf1), Qt::black);
        const QPalette dark = paletteWithWindow(QColor(0x2a, 0x2e, 0x32), Qt::white);
        QVERIFY(!ActionIcons::isDark(light));
        QVERIFY(ActionIcons::isDark(dark));
        const double onLight = strokeLightness(ActionIcons::icon(name, light));
        const double onDark = strokeLightness(ActionIcons::icon(name, dark));
        QVERIFY2(onLight >= 0 && onLight < onDark,
                 qPrintable(u"%1: strokes on light %2, on dark %3"_s.arg(name).arg(onLight).arg(onDark)));
    }

    void followsApplicationPalette()
    {
        const QPalette original = QApplication::palette();
        QApplication::setPalette(paletteWithWindow(QColor(0x20, 0x20, 0x20), Qt::white));
        const double onDark = strokeLightness(ActionIcons::icon(u"refresh"_s));
        QApplication::setPalette(paletteWithWindow(Qt::white, Qt::black));
        const double onLight = strokeLightness(ActionIcons::icon(u"refresh"_s));
        QApplication::setPalette(original);
        QVERIFY(onDark > 128);
        QVERIFY(onLight < 128);
    }

    void unknownNameIsNull()
    {
        QTest::ignoreMessage(QtWarningMsg, "no action icon named \"no-such-icon\"");
        QVERIFY(ActionIcons::icon(u"no-such-icon"_s).isNull());
    }

    void applicationIconIsSquare()
    {
        QSvgRenderer renderer(u":/icons/pushdeck.svg"_s);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBoxF().width(), renderer.viewBoxF().height());
    }
};

QTEST_MAIN(TestActionIcons)
#include "tst_actionicons.moc"
