// LocalGateway: starts a real prometheus-pushgateway, reports problems
// clearly, and never leaves a process behind.

#include "core/awaitfuture.h"
#include "gateway/gatewayclient.h"
#include "gateway/localgateway.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestLocalGateway : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsAndStops()
    {
        LocalGateway gateway;
        QSignalSpy ready(&gateway, &LocalGateway::ready);
        gateway.start();
        QVERIFY(ready.wait(20000));
        QVERIFY(gateway.isRunning());
        QVERIFY(gateway.port() > 0);
        QCOMPARE(gateway.url().host(), u"127.0.0.1"_s);

        GatewayClient client(gateway.url());
        const auto status = awaitFuture(client.status());
        QVERIFY2(status.ok(), qPrintable(status.errorString()));
        QVERIFY(status->adminApiEnabled);
        QVERIFY(!status->version.isEmpty());
        // Memory only: the Debian default file must never be used.
        bool sawPersistenceFlag = false;
        for (const auto &[name, value] : status->flags) {
            if (name == u"persistence.file"_s) {
                sawPersistenceFlag = true;
                QCOMPARE(value, QString());
            }
        }
        QVERIFY(sawPersistenceFlag);

        const int port = gateway.port();
        gateway.stop();
        QVERIFY(!gateway.isRunning());
        const auto afterStop = awaitFuture(GatewayClient(QUrl(u"http://127.0.0.1:%1"_s.arg(port))).ready());
        QVERIFY(!afterStop.ok());
        QCOMPARE(afterStop.error().kind, Error::Network);
    }

    void flagsAreApplied()
    {
        LocalGatewayOptions options;
        options.adminApi = false;
        options.consistencyCheck = false;
        LocalGateway gateway(options);
        QVERIFY2(gateway.startAndWait(), qPrintable(gateway.errorString()));
        GatewayClient client(gateway.url());
        const auto status = awaitFuture(client.status());
        QVERIFY2(status.ok(), qPrintable(status.errorString()));
        QVERIFY(!status->adminApiEnabled);
        bool consistencyOff = false;
        for (const auto &[name, value] : status->flags)
            consistencyOff |= (name == u"push.disable-consistency-check"_s && value == u"true"_s);
        QVERIFY(consistencyOff);
    }

    void missingBinaryIsReportedClearly()
    {
        LocalGatewayOptions options;
        options.binary = u"/nonexistent/prometheus-pushgateway"_s;
        qputenv("PUSHDECK_PUSHGATEWAY", "/nonexistent/also-missing");
        // With both a missing explicit binary and a missing override, the
        // PATH fallback still finds the real one: name a bare missing command.
        options.binary = u"/nonexistent/pgw"_s;
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        LocalGateway gateway(options);
        QSignalSpy failed(&gateway, &LocalGateway::failed);
        gateway.start();
        QVERIFY(failed.wait(5000));
        qputenv("PATH", oldPath);
        qunsetenv("PUSHDECK_PUSHGATEWAY");
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(u"not found"_s), qPrintable(message));
        QVERIFY2(message.contains(u"prometheus-pushgateway"_s), qPrintable(message));
        QVERIFY(!gateway.isRunning());
    }

    void binaryThatExitsIsReported()
    {
        // A binary that starts but exits at once (a bad flag) must not hang.
        LocalGatewayOptions options;
        options.extraArguments = {u"--no-such-flag"_s};
        LocalGateway gateway(options);
        QVERIFY(!gateway.startAndWait(10000));
        QVERIFY2(gateway.errorString().contains(u"exited"_s), qPrintable(gateway.errorString()));
    }

    void portThatNeverOpensTimesOut()
    {
        // Something else holds the port: the gateway exits ("address already
        // in use") and the error says so rather than hanging.
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        LocalGatewayOptions options;
        options.port = blocker.serverPort();
        LocalGateway gateway(options);
        QVERIFY(!gateway.startAndWait(10000));
        QVERIFY2(!gateway.errorString().isEmpty(), "an error is reported");
    }

    void restartKeepsPortAndPersistence()
    {
        QTemporaryDir dir;
        LocalGatewayOptions options;
        options.persistenceFile = dir.filePath(u"pg.data"_s);
        options.persistenceIntervalMs = 100;
        LocalGateway gateway(options);
        QVERIFY2(gateway.startAndWait(), qPrintable(gateway.errorString()));
        const int port = gateway.port();
        GatewayClient client(gateway.url());
        const auto key = GroupingKey::fromLabels({{u"job"_s, u"persisted"_s}});
        QVERIFY(key.ok());
        QVERIFY(awaitFuture(client.push(key.value(), "m 1\n", true)).ok());
        QVERIFY(gateway.restartAndWait());
        QCOMPARE(gateway.port(), port);
        const auto groups = awaitFuture(client.groups());
        QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
        QCOMPARE(groups->size(), 1);
        QCOMPARE(groups->first().key, key.value());
    }

    void childDiesWithParent()
    {
        // The child is bound to us with PR_SET_PDEATHSIG: run a helper
        // process that starts a gateway and is then SIGKILLed.
        const QString self = QCoreApplication::applicationFilePath();
        QProcess parent;
        parent.setProgram(self);
        parent.setArguments({u"--spawn-and-wait"_s});
        parent.start();
        QVERIFY(parent.waitForStarted());
        QVERIFY(parent.waitForReadyRead(20000));
        const int port = parent.readLine().trimmed().toInt();
        QVERIFY(port > 0);
        QVERIFY(awaitFuture(GatewayClient(QUrl(u"http://127.0.0.1:%1"_s.arg(port))).ready()).ok());
        ::kill(pid_t(parent.processId()), SIGKILL);
        QVERIFY(parent.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!awaitFuture(GatewayClient(QUrl(u"http://127.0.0.1:%1"_s.arg(port))).ready()).ok(), 5000);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--spawn-and-wait") == 0) {
        LocalGateway gateway;
        if (!gateway.startAndWait())
            return 1;
        std::printf("%d\n", gateway.port());
        std::fflush(stdout);
        return app.exec();
    }
    TestLocalGateway test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_localgateway.moc"
