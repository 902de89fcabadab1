#pragma once
// Desktop notifications through the freedesktop Notifications service
// (org.freedesktop.Notifications on the session bus: GNOME, KDE, Xfce and
// the others all provide it, with or without a system tray), with a "Show"
// action that reports back which notification the user clicked.

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QVariant>

namespace PushDeck {

class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)
public:
    // On the session bus.
    explicit DesktopNotifier(QObject *parent = nullptr);
    DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    static QString serviceName() { return QStringLiteral("org.freedesktop.Notifications"); }
    static QString objectPath() { return QStringLiteral("/org/freedesktop/Notifications"); }

    // Some program serves notifications on the bus now.
    bool isAvailable() const;
    // Sends a notification (asynchronously: the UI never waits for the
    // bus). `context` comes back with activated() when it is clicked.
    void notify(const QString &summary, const QString &body, const QVariant &context);

Q_SIGNALS:
    // The server took the notification and gave it this id.
    void sent(uint id);
    void failed(const QString &error);
    // The user clicked the notification or its "Show" action.
    void activated(const QVariant &context);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    void askCapabilities();
    QString bodyText(const QString &body) const;

    QDBusConnection m_bus;
    bool m_asked = false;
    bool m_markup = false; // the server reads the body as markup
    QHash<uint, QVariant> m_contexts; // open notifications
};

} // namespace PushDeck
