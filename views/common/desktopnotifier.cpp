#include "views/common/desktopnotifier.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QGuiApplication>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {
const QString Interface = u"org.freedesktop.Notifications"_s;
// Keys of the Notify action list: the default action (clicking the
// notification itself) and an explicit button.
const QString DefaultAction = u"default"_s;
const QString ShowAction = u"show"_s;
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{
}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(serviceName(), objectPath(), Interface, u"ActionInvoked"_s, this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(serviceName(), objectPath(), Interface, u"NotificationClosed"_s, this,
                  SLOT(onClosed(uint, uint)));
    if (m_bus.interface() && m_bus.interface()->isServiceRegistered(serviceName()))
        askCapabilities();
}

void DesktopNotifier::askCapabilities()
{
    if (m_asked)
        return;
    m_asked = true;
    const QDBusMessage call = QDBusMessage::createMethodCall(serviceName(), objectPath(), Interface, u"GetCapabilities"_s);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<QStringList> reply = *watcher;
        if (!reply.isError())
            m_markup = reply.value().contains(u"body-markup"_s);
    });
}

DesktopNotifier::~DesktopNotifier() = default;

bool DesktopNotifier::isAvailable() const
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return false;
    // Registered now, or started on demand by the bus (as on GNOME).
    if (m_bus.interface()->isServiceRegistered(serviceName()))
        return true;
    const QDBusReply<QStringList> activatable = m_bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(serviceName());
}

void DesktopNotifier::notify(const QString &summary, const QString &body, const QVariant &context)
{
    askCapabilities();
    QDBusMessage call = QDBusMessage::createMethodCall(serviceName(), objectPath(), Interface, u"Notify"_s);
    QVariantMap hints;
    // The desktop file names the app and its icon in the notification list.
    const QString desktopFile = QGuiApplication::desktopFileName();
    if (!desktopFile.isEmpty())
        hints.insert(u"desktop-entry"_s, desktopFile);
    hints.insert(u"urgency"_s, QVariant::fromValue(uchar(1))); // normal
    const QString appName = QGuiApplication::applicationDisplayName().isEmpty() ? QCoreApplication::applicationName()
                                                                                : QGuiApplication::applicationDisplayName();
    call << appName << uint(0) << u"pushdeck"_s << summary
         << bodyText(body)
         << QStringList{DefaultAction, tr("Show"), ShowAction, tr("Show")} << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, context] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            Q_EMIT failed(reply.error().message());
            return;
        }
        m_contexts.insert(reply.value(), context);
        Q_EMIT sent(reply.value());
    });
}

QString DesktopNotifier::bodyText(const QString &body) const
{
    // Servers with body markup would read a key's < or & as markup; the
    // others show every character as it is (so &amp; must not be sent).
    if (!m_markup)
        return body;
    QString escaped = body;
    escaped.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
    return escaped;
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    // Every application's notifications are signalled to all: only ours.
    const auto it = m_contexts.constFind(id);
    if (it == m_contexts.cend())
        return;
    if (action == DefaultAction || action == ShowAction)
        Q_EMIT activated(*it);
}

void DesktopNotifier::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    // Some servers close a notification before they report its action:
    // forget it a little later.
    if (m_contexts.contains(id))
        QTimer::singleShot(5000, this, [this, id] { m_contexts.remove(id); });
}

} // namespace PushDeck
