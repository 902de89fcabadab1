// pushdeckctl status / --help / --version against a real gateway, a closed
// port and servers that are not a Pushgateway.

#include "ctlrunner.h"
#include "fakehttpserver.h"
#include "testgateway.h"

#include <QTcpServer>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestCtlStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpAndVersion()
    {
        const CtlRun help = runCtl({u"--help"_s});
        QVERIFY2(help.exitCode == 0, qPrintable(help.describe()));
        QVERIFY(help.out.contains("status"));
        QVERIFY(help.out.contains("--gateway"));
        const CtlRun version = runCtl({u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("pushdeckctl " PUSHDECK_VERSION));
    }

    void statusOfRealGateway()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        const CtlRun run = runCtl({u"--gateway"_s, gateway.url().toString(), u"status"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("version:    1."), run.out.constData());
        QVERIFY(run.out.contains("admin API:  enabled"));
        QVERIFY(run.err.isEmpty());

        // The environment variable works too.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PUSHDECK_GATEWAY"_s, gateway.url().toString());
        // (runCtl() clears PUSHDECK_GATEWAY so that no other test depends
        // on the caller's environment: start the process directly.)
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(ctlBinary(), {u"status"_s});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains("version:"));
    }

    // Item 11: a gateway that persists with an interval can bring deleted
    // groups back after a crash: status says so.
    void persistenceIntervalIsAWarning()
    {
        QTemporaryDir dir;
        LocalGatewayOptions options;
        options.persistenceFile = dir.filePath(u"pg.data"_s);
        options.persistenceIntervalMs = 100;
        TestGateway persisting(options);
        QVERIFY(persisting.start());
        const CtlRun run = runCtl({u"--gateway"_s, persisting.url().toString(), u"status"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QByteArray("persistence: " + options.persistenceFile.toUtf8() + " every 100ms; warning: "))
                     && run.out.contains("deleted groups can come back"),
                 run.out.constData());
        TestGateway memory;
        QVERIFY(memory.start());
        const CtlRun none = runCtl({u"--gateway"_s, memory.url().toString(), u"status"_s});
        QVERIFY2(none.out.contains("persistence: none (a restart loses every group)"), none.out.constData());
    }

    void closedPortFails()
    {
        int port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const CtlRun run = runCtl({u"--gateway"_s, u"http://127.0.0.1:%1"_s.arg(port), u"status"_s});
        QVERIFY2(run.exitCode != 0, qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("pushdeckctl: "), run.err.constData());
        QVERIFY2(run.err.contains("refused"), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1); // one line
    }

    void notAGateway_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("html page") << 200 << QByteArray("text/html") << QByteArray("<!DOCTYPE html><html><body>hello</body></html>")
                                   << QByteArray("HTML");
        QTest::newRow("404") << 404 << QByteArray("text/plain") << QByteArray("404 page not found\n")
                             << QByteArray("no Pushgateway API");
        QTest::newRow("other json") << 200 << QByteArray("application/json") << QByteArray(R"({"hello":"world"})")
                                    << QByteArray("Pushgateway");
        QTest::newRow("500") << 500 << QByteArray("text/plain") << QByteArray("internal error\n") << QByteArray("HTTP 500");
        QTest::newRow("garbage") << 200 << QByteArray("application/json") << QByteArray("\x01\x02garbage{")
                                 << QByteArray("pushdeckctl: ");
    }

    void notAGateway()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            FakeHttpServer::Response r;
            r.status = status;
            r.contentType = contentType;
            r.body = body;
            return r;
        });
        // The server runs in this process' event loop: run the CLI async.
        QProcess process;
        process.start(ctlBinary(), {u"--gateway"_s, server.url().toString(), u"status"_s});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 30000);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(process.exitCode() != 0, err.constData());
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QVERIFY2(err.contains(expected), err.constData());
        QCOMPARE(err.count('\n'), 1);
    }

    void badUrlIsUsageError()
    {
        const CtlRun run = runCtl({u"--gateway"_s, u"ftp://x"_s, u"status"_s});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains("http or https"));
        const CtlRun unknown = runCtl({u"frobnicate"_s});
        QCOMPARE(unknown.exitCode, 64);
        QVERIFY(unknown.err.contains("unknown command"));
    }
};

QTEST_GUILESS_MAIN(TestCtlStatus)
#include "tst_ctl_status.moc"
