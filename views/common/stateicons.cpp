#include "views/common/stateicons.h"

#include <QApplication>
#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace PushDeck {

namespace {

QPixmap draw(Staleness state, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = StateIcons::color(state);
    const qreal m = size * 0.1;
    const QRectF r(m, m, size - 2 * m, size - 2 * m);
    QPen pen(c.darker(130), size / 10.0);
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
        p.setPen(QPen(Qt::black, size / 9.0, Qt::SolidLine, Qt::RoundCap));
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
        QPen cross(Qt::white, size / 8.0, Qt::SolidLine, Qt::RoundCap);
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

QIcon StateIcons::icon(Staleness state)
{
    static QHash<int, QIcon> cache;
    auto it = cache.find(int(state));
    if (it != cache.end())
        return *it;
    QIcon icon;
    for (int size : {16, 22, 32, 48})
        icon.addPixmap(draw(state, size));
    cache.insert(int(state), icon);
    return icon;
}

QColor StateIcons::color(Staleness state)
{
    switch (state) {
    case Staleness::Fresh: return QColor(0x2e, 0x9d, 0x4f);
    case Staleness::Warning: return QColor(0xe8, 0xa3, 0x17);
    case Staleness::Stale: return QColor(0xb8, 0x4a, 0x2a);
    case Staleness::Failed: return QColor(0xd6, 0x2b, 0x2b);
    case Staleness::Unknown: return QColor(0x8a, 0x8f, 0x98);
    }
    return {};
}

QColor StateIcons::background(Staleness state)
{
    const bool dark = QApplication::palette().color(QPalette::Base).lightness() < 128;
    QColor c = color(state);
    if (state == Staleness::Fresh || state == Staleness::Unknown)
        return {}; // the calm states stay uncoloured so problems stand out
    c.setAlpha(dark ? 90 : 55);
    return c;
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
