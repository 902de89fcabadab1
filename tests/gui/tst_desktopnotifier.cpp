// Desktop notifications over D-Bus. A CI machine has no desktop, so the test
// starts itself again inside a private session bus (dbus-run-session) where
// a stub notification server, a second bus connection of this process,
// owns org.freedesktop.Notifications, records every Notify call and sends
// ActionInvoked as a desktop does when the user clicks. The messages go
// through the real dbus-daemon. Checked: what is sent (summary, body,
// actions, hints), that only our own notifications' actions count, and that
// the window notifies when a push to a real gateway fails and opens exactly
// that group when the notification is clicked.

#include "views/common/desktopnotifier.h"
#include "views/gateway/gatewayview.h"
#include "views/window/mainwindow.h"
#include "items/grouptablemodel.h"
#include "gateway/poller.h"
#include "builders.h"
#include "testgateway.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace PushDeck;
using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

constexpr char ChildVariable[] = "PUSHDECK_DBUS_SESSION";

bool inPrivateBus()
{
    return qEnvironmentVariableIsSet(ChildVariable);
}

} // namespace

// The notification server a desktop would run, as far as PushDeck uses it.
class NotificationServerStub : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString app;
        QString icon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        uint id = 0;
    };
    QList<Call> calls;
    QStringList capabilities{u"actions"_s, u"body"_s};

public Q_SLOTS:
    uint Notify(const QString &app, uint replacesId, const QString &icon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(timeout)
        Call call{app, icon, summary, body, actions, hints, uint(100 + calls.size())};
        calls.append(call);
        Q_EMIT notified();
        return call.id;
    }
    QStringList GetCapabilities() { return capabilities; }
    void CloseNotification(uint id) { Q_EMIT NotificationClosed(id, 3); }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
    void notified(); // not exported: Qt only exports signals of the interface's own
};

class TestDesktopNotifier : public QObject
{
    Q_OBJECT
private:
    QDBusConnection m_stubBus{u"unset"_s};
    NotificationServerStub *m_stub = nullptr;

    // Owns the service on a connection of its own: a peer on the bus, as a
    // desktop's notification daemon is.
    bool startStub()
    {
        m_stubBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"notification-stub"_s);
        if (!m_stubBus.isConnected())
            return false;
        m_stub = new NotificationServerStub;
        return m_stubBus.registerObject(DesktopNotifier::objectPath(), m_stub,
                                        QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals)
               && m_stubBus.registerService(DesktopNotifier::serviceName());
    }

    void stopStub()
    {
        if (m_stubBus.isConnected()) {
            m_stubBus.unregisterService(DesktopNotifier::serviceName());
            m_stubBus.unregisterObject(DesktopNotifier::objectPath());
        }
        QDBusConnection::disconnectFromBus(u"notification-stub"_s);
        delete m_stub;
        m_stub = nullptr;
    }

    // What a click on notification `id` sends: from the server's connection.
    void click(uint id, const QString &action)
    {
        Q_EMIT m_stub->ActionInvoked(id, action);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // Runs the tests below again inside dbus-run-session.
    void onPrivateBus()
    {
        if (inPrivateBus())
            QSKIP("this is the child on the private bus");
        const QString dbus = QStandardPaths::findExecutable(u"dbus-run-session"_s);
        QVERIFY2(!dbus.isEmpty(), "dbus-run-session is not installed (scripts/setup.sh installs dbus-daemon)");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(ChildVariable), u"1"_s);
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(dbus, {u"--"_s, QCoreApplication::applicationFilePath(), u"noServer"_s, u"sendsAndReportsClicks"_s,
                           u"windowNotifiesAndOpensTheGroup"_s});
        QVERIFY(child.waitForFinished(240000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
        for (const char *name : {"noServer", "sendsAndReportsClicks", "windowNotifiesAndOpensTheGroup"})
            QVERIFY2(output.contains(u"PASS   : TestDesktopNotifier::%1()"_s.arg(QLatin1StringView(name))), qPrintable(output));
    }

    void noServer()
    {
        if (!inPrivateBus())
            QSKIP("only on the private bus (onPrivateBus)");
        // Nobody serves notifications: the window falls back to the tray.
        DesktopNotifier notifier;
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QVERIFY(!notifier.isAvailable());
        QSignalSpy failed(&notifier, &DesktopNotifier::failed);
        notifier.notify(u"s"_s, u"b"_s, {});
        QVERIFY(failed.wait(10000));
    }

    void sendsAndReportsClicks()
    {
        if (!inPrivateBus())
            QSKIP("only on the private bus (onPrivateBus)");
        QVERIFY(startStub());
        DesktopNotifier notifier;
        QVERIFY(notifier.isAvailable());
        QSignalSpy sent(&notifier, &DesktopNotifier::sent);
        QSignalSpy activated(&notifier, &DesktopNotifier::activated);
        notifier.notify(u"2 groups became stale on gw:9091"_s, u"{job=\"a<b\"}\n{job=\"c&d\"}"_s, u"context-1"_s);
        QVERIFY(sent.wait(10000));
        QCOMPARE(m_stub->calls.size(), 1);
        const NotificationServerStub::Call call = m_stub->calls.at(0);
        QCOMPARE(call.summary, u"2 groups became stale on gw:9091"_s);
        // No body markup offered: the keys go as they are.
        QCOMPARE(call.body, u"{job=\"a<b\"}\n{job=\"c&d\"}"_s);
        QVERIFY(call.actions.contains(u"default"_s));
        QVERIFY(call.actions.contains(u"show"_s));
        QCOMPARE(call.hints.value(u"urgency"_s).toInt(), 1);
        QCOMPARE(sent.at(0).at(0).toUInt(), call.id);

        // Another application's notification: not ours to act on.
        click(call.id + 1000, u"default"_s);
        // Ours: the context comes back.
        click(call.id, u"show"_s);
        QVERIFY(activated.wait(10000));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), u"context-1"_s);

        // A server with body markup gets < and & escaped.
        m_stub->capabilities.append(u"body-markup"_s);
        DesktopNotifier markup;
        QSignalSpy markupSent(&markup, &DesktopNotifier::sent);
        QTest::qWait(200); // the capabilities are asked when it is created
        markup.notify(u"s"_s, u"{job=\"a<b\"}"_s, {});
        QVERIFY(markupSent.wait(10000));
        QCOMPARE(m_stub->calls.constLast().body, u"{job=\"a&lt;b\"}"_s);
        stopStub();
    }

    void windowNotifiesAndOpensTheGroup()
    {
        if (!inPrivateBus())
            QSKIP("only on the private bus (onPrivateBus)");
        QVERIFY(startStub());
        TestGateway gateway;
        QVERIFY(gateway.start());
        for (int i = 0; i < 30; ++i)
            QCOMPARE(gateway.push(u"{job=\"batch\",instance=\"host-%1\"}"_s.arg(i, 2, 10, QChar(u'0')), "x 1\n"), 200);
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        QVERIFY(window.openGateway(gateway.url().toString()));
        QVERIFY(refreshed.wait(10000));
        QVERIFY(m_stub->calls.isEmpty()); // the first read only learns the states

        // A push that fails (a duplicate series) on one group; a filter hides it.
        const GroupingKey failing = key(u"{job=\"batch\",instance=\"host-17\"}"_s);
        QCOMPARE(gateway.push(failing.toString(), "x 1\nx 2\n", true), 400);
        window.filterEdit()->setText(u"host-0"_s);
        QSignalSpy notified(m_stub, &NotificationServerStub::notified);
        refreshed.clear();
        window.poller()->refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(notified.wait(10000));
        QCOMPARE(m_stub->calls.size(), 1);
        const NotificationServerStub::Call call = m_stub->calls.at(0);
        QVERIFY2(call.summary.startsWith(u"1 push failed on "_s), qPrintable(call.summary));
        QCOMPARE(call.body, failing.toString());

        // The click: the window shows the group (the filter gives way) and
        // selects it, and only it.
        QVERIFY(window.currentKey() != failing);
        click(call.id, u"default"_s);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentKey(), failing, 10000);
        QCOMPARE(window.currentView()->selectedGroups().size(), 1);
        QCOMPARE(window.currentView()->selectedGroups().at(0).key, failing);
        QVERIFY(window.filterEdit()->text().isEmpty());
        stopStub();
    }
};

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
