#include "views/common/stateicons.h"

#include "views/common/tones.h"

#include <QApplication>
#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace PushDeck {

namespace {

// A mark that contrasts with `c` (drawn on top of it): very light on dark
// colours, very dark on light ones, in c's own hue.
QColor onTopOf(const QColor &c)
{
    return QColor::fromHslF(std::max(0.0f, c.hslHueF()), 0.25f, c.lightnessF() < 0.55f ? 0.97f : 0.12f);
}

QPixmap draw(Staleness state, int size, const QPalette &palette)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = Tones::state(state, palette);
    // The outline of hollow shapes: a shade away from the colour, towards
    // the palette's text, so the stale clock shows on dark bases too.
    const QColor outline = Tones::mix(c, palette.color(QPalette::Text), 0.2);
    const qreal m = size * 0.1;
    const QRectF r(m, m, size - 2 * m, size - 2 * m);
    QPen pen(outline, std::max(1.5, size / 9.0));
    pen.setCapStyle(Qt::RoundCap);
    switch (state) {
    case Staleness::Fresh: // filled circle
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(r);
        break;
    case Staleness::Warning: { // triangle with an exclamation mark
        QPainterPath path;
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.bottom());
        path.lineTo(r.left(), r.bottom());
        path.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPath(path);
        p.setPen(QPen(onTopOf(c), size / 9.0, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(r.center().x(), r.top() + r.height() * 0.38), QPointF(r.center().x(), r.top() + r.height() * 0.68));
        p.drawPoint(QPointF(r.center().x(), r.top() + r.height() * 0.85));
        break;
    }
    case Staleness::Stale: { // hollow clock
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r.adjusted(pen.widthF() / 2, pen.widthF() / 2, -pen.widthF() / 2, -pen.widthF() / 2));
        p.drawLine(r.center(), QPointF(r.center().x(), r.top() + r.height() * 0.25));
        p.drawLine(r.center(), QPointF(r.left() + r.width() * 0.72, r.center().y()));
        break;
    }
    case Staleness::Failed: { // red disc with a white cross
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(r);
        QPen cross(onTopOf(c), size / 8.0, Qt::SolidLine, Qt::RoundCap);
        p.setPen(cross);
        const qreal d = r.width() * 0.28;
        p.drawLine(r.center() + QPointF(-d, -d), r.center() + QPointF(d, d));
        p.drawLine(r.center() + QPointF(-d, d), r.center() + QPointF(d, -d));
        break;
    }
    case Staleness::Unknown: { // dashed ring
        QPen dashed = pen;
        dashed.setStyle(Qt::DotLine);
        p.setPen(dashed);
        p.drawEllipse(r.adjusted(2, 2, -2, -2));
        break;
    }
    }
    return pixmap;
}

} // namespace

QIcon StateIcons::icon(Staleness state, const QPalette &palette)
{
    // Per state and palette base: a palette change (a dark scheme applied
    // while running) gets icons drawn for it.
    static QHash<std::pair<int, QRgb>, QIcon> cache;
    const auto key = std::make_pair(int(state), palette.color(QPalette::Base).rgb());
    auto it = cache.find(key);
    if (it != cache.end())
        return *it;
    QIcon icon;
    for (int size : {16, 22, 32, 48, 64})
        icon.addPixmap(draw(state, size, palette));
    cache.insert(key, icon);
    return icon;
}

QIcon StateIcons::icon(Staleness state)
{
    return icon(state, QApplication::palette());
}

QColor StateIcons::color(Staleness state, const QPalette &palette)
{
    return Tones::state(state, palette);
}

QColor StateIcons::color(Staleness state)
{
    return color(state, QApplication::palette());
}

QColor StateIcons::background(Staleness state, const QPalette &palette)
{
    return Tones::stateTint(state, palette); // none for the calm states: problems stand out
}

QColor StateIcons::background(Staleness state)
{
    return background(state, QApplication::palette());
}

QString StateIcons::label(Staleness state)
{
    switch (state) {
    case Staleness::Fresh: return QCoreApplication::translate("StateIcons", "Fresh");
    case Staleness::Warning: return QCoreApplication::translate("StateIcons", "Warning");
    case Staleness::Stale: return QCoreApplication::translate("StateIcons", "Stale");
    case Staleness::Failed: return QCoreApplication::translate("StateIcons", "Failed");
    case Staleness::Unknown: return QCoreApplication::translate("StateIcons", "Unknown");
    }
    return {};
}

QString StateIcons::countText(Staleness state, int count)
{
    const QString n = QLocale().toString(count);
    switch (state) {
    case Staleness::Fresh: return QCoreApplication::translate("StateIcons", "%1 fresh").arg(n);
    case Staleness::Warning: return QCoreApplication::translate("StateIcons", "%1 warning").arg(n);
    case Staleness::Stale: return QCoreApplication::translate("StateIcons", "%1 stale").arg(n);
    case Staleness::Failed: return QCoreApplication::translate("StateIcons", "%1 failed").arg(n);
    case Staleness::Unknown: return QCoreApplication::translate("StateIcons", "%1 unknown").arg(n);
    }
    return n;
}

QString StateIcons::description(Staleness state)
{
    switch (state) {
    case Staleness::Fresh: return QCoreApplication::translate("StateIcons", "pushed within its expected rhythm");
    case Staleness::Warning: return QCoreApplication::translate("StateIcons", "overdue: past the warning threshold");
    case Staleness::Stale: return QCoreApplication::translate("StateIcons", "stale: past the stale threshold; the job may be dead");
    case Staleness::Failed: return QCoreApplication::translate("StateIcons", "the last push was rejected by the gateway");
    case Staleness::Unknown: return QCoreApplication::translate("StateIcons", "never pushed successfully");
    }
    return {};
}

} // namespace PushDeck
