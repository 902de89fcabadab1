// CredentialStore: a clear "no system keyring available" error without a
// keyring (and no plaintext fallback), and a real round trip through
// gnome-keyring's Secret Service in a private D-Bus session
// (dbus-run-session), when those programs are installed.

#include "core/awaitfuture.h"
#include "gateway/credentialstore.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noKeyring()
    {
        if (qEnvironmentVariableIsSet("PUSHDECK_KEYRING_SESSION"))
            QSKIP("runs outside the private keyring session");
        // A session bus that does not exist: what a headless box looks like.
        QTemporaryDir home;
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pushdeck-test-bus");
        qunsetenv("DISPLAY");
        qputenv("HOME", home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", home.filePath(u"config"_s).toUtf8());
        CredentialStore store(u"PushDeckTest"_s);
        store.setTimeoutMs(10000);
        QElapsedTimer clock;
        clock.start();
        const auto written = awaitFuture(store.write(u"prod"_s, u"hunter2"_s));
        QVERIFY(!written);
        QCOMPARE(written.error().kind, Error::Keyring);
        QVERIFY2(written.errorString().startsWith(u"no system keyring available: "_s), qPrintable(written.errorString()));
        const auto read = awaitFuture(store.read(u"prod"_s));
        QVERIFY(!read);
        QCOMPARE(read.error().kind, Error::Keyring);
        QVERIFY2(clock.elapsed() < 15000, "the keyring error took too long");
        // Nothing fell back to a plaintext file.
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("hunter2"), qPrintable(file.fileName()));
        }
    }

    void sessionSecrets()
    {
        QVERIFY(!CredentialStore::sessionSecret(u"p"_s));
        CredentialStore::rememberForSession(u"p"_s, u"typed"_s);
        QCOMPARE(CredentialStore::sessionSecret(u"p"_s).value(), u"typed"_s);
        CredentialStore::forgetSession(u"p"_s);
        QVERIFY(!CredentialStore::sessionSecret(u"p"_s));
    }

    // Starts this test binary again inside a private D-Bus session with an
    // unlocked gnome-keyring (Secret Service), running roundTripInSession().
    void realKeyring()
    {
        if (qEnvironmentVariableIsSet("PUSHDECK_KEYRING_SESSION"))
            QSKIP("this is the child");
        const QString dbus = QStandardPaths::findExecutable(u"dbus-run-session"_s);
        const QString daemon = QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s);
        if (dbus.isEmpty() || daemon.isEmpty())
            QSKIP("dbus-run-session or gnome-keyring-daemon is not installed: no real keyring to test against");
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PUSHDECK_KEYRING_SESSION"_s, u"1"_s);
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        env.insert(u"XDG_RUNTIME_DIR"_s, home.path());
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        env.remove(u"DISPLAY"_s);
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        // gnome-keyring-daemon prints GNOME_KEYRING_CONTROL=...; the secrets
        // component registers on the session bus by itself.
        const QString script = u"echo pw | %1 --unlock --components=secrets >/dev/null && exec \"$0\" roundTripInSession"_s.arg(daemon);
        child.start(dbus, {u"--"_s, u"sh"_s, u"-c"_s, script, QCoreApplication::applicationFilePath()});
        QVERIFY(child.waitForFinished(60000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(u"PASS   : TestCredentialStore::roundTripInSession()"_s), qPrintable(output));
    }

    void roundTripInSession()
    {
        if (!qEnvironmentVariableIsSet("PUSHDECK_KEYRING_SESSION"))
            QSKIP("only inside the private keyring session (realKeyring)");
        CredentialStore store(u"PushDeckTest"_s);
        const auto missing = awaitFuture(store.read(u"prod"_s));
        QVERIFY(!missing);
        QVERIFY2(missing.error().kind == Error::NotFound, qPrintable(missing.errorString()));
        const auto written = awaitFuture(store.write(u"prod"_s, u"s3cret pass"_s));
        QVERIFY2(written, qPrintable(written.errorString()));
        const auto read = awaitFuture(store.read(u"prod"_s));
        QVERIFY2(read, qPrintable(read.errorString()));
        QCOMPARE(*read, u"s3cret pass"_s);
        // Another service name is another entry.
        CredentialStore other(u"PushDeckTestOther"_s);
        QCOMPARE(awaitFuture(other.read(u"prod"_s)).error().kind, Error::NotFound);
        QVERIFY(awaitFuture(store.remove(u"prod"_s)));
        QCOMPARE(awaitFuture(store.read(u"prod"_s)).error().kind, Error::NotFound);
        QVERIFY(awaitFuture(store.remove(u"prod"_s))); // removing nothing is fine
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
