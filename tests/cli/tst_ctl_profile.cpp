// pushdeckctl profile list|show|add|remove on the window's profile store,
// against a real gateway with TLS and basic auth: a profile added from the
// command line connects, is the window's (ConnectionProfile::loadAll reads
// it), never holds a secret; without a keyring a secret is refused rather
// than lost, and without PushDeck's keyring module the CLI still works with
// secrets from files and the environment. With a real Secret Service
// (gnome-keyring in a private D-Bus session) the secret goes to the keyring
// and back through the module.

#include "ctlrunner.h"
#include "gateway/connectionprofile.h"
#include "gateway/localgateway.h"
#include "tlsfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestCtlProfile : public QObject
{
    Q_OBJECT

    TlsFixture m_pki;
    QTemporaryDir m_home;
    std::unique_ptr<LocalGateway> m_tls; // TLS + basic auth
    const QString m_password = u"correct horse"_s;

    QProcessEnvironment env(const QString &password = {}) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"PUSHDECK_PASSWORD", "PUSHDECK_TOKEN", "PUSHDECK_USER", "DISPLAY", "PUSHDECK_KEYRING_MODULE"})
            e.remove(QString::fromLatin1(name));
        // No keyring: a session bus that does not exist.
        e.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/pushdeck-test-bus"_s);
        e.insert(u"HOME"_s, m_home.path());
        e.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        if (!password.isEmpty())
            e.insert(u"PUSHDECK_PASSWORD"_s, password);
        return e;
    }
    QString writeFile(const QString &name, const QByteArray &text) const
    {
        QFile file(m_home.filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text);
        return file.fileName();
    }
    // The window's store, read as the window reads it.
    QList<ConnectionProfile> windowProfiles() const
    {
        QSettings settings(m_home.filePath(u"config/PushDeck/pushdeck.conf"_s), QSettings::IniFormat);
        return ConnectionProfile::loadAll(settings);
    }
    void noSecretInFiles(const QString &secret) const
    {
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(u"/pw"_s))
                continue; // the password file the test wrote
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(path));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString()));
        const TlsFixture::WebConfig config{true, false, u"user"_s, m_password};
        const QString file = m_pki.writeWebConfig(config, u"tls.yml"_s);
        QVERIFY(!file.isEmpty());
        m_tls = std::make_unique<LocalGateway>(m_pki.gatewayOptions(file, config));
        QVERIFY2(m_tls->startAndWait(20000), qPrintable(m_tls->errorString()));
    }

    void addListShowRemove()
    {
        // Relative file names become absolute: a profile is used from anywhere.
        QFile::copy(m_pki.caFile(), m_home.filePath(u"ca.pem"_s));
        QProcess add;
        add.setProcessEnvironment(env());
        add.setWorkingDirectory(m_home.path());
        add.start(ctlBinary(), {u"profile"_s, u"add"_s, u"prod"_s, u"-g"_s, m_tls->url().toString(), u"--user"_s, u"user"_s,
                                u"--ca-file"_s, u"ca.pem"_s});
        QVERIFY(add.waitForFinished(30000));
        QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
        QVERIFY(add.readAllStandardOutput().contains(QByteArray("added profile prod: " + m_tls->url().toString().toUtf8() + ", auth basic")));

        const QList<ConnectionProfile> profiles = windowProfiles();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.first().name, u"prod"_s);
        QCOMPARE(profiles.first().auth, ConnectionProfile::Auth::Basic);
        QCOMPARE(profiles.first().username, u"user"_s);
        QCOMPARE(profiles.first().caFile, m_home.filePath(u"ca.pem"_s));

        // It connects, with the password from the environment.
        const CtlRun status = runCtl({u"--profile"_s, u"prod"_s, u"status"_s}, {}, env(m_password));
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));

        const CtlRun list = runCtl({u"profile"_s, u"list"_s}, {}, env());
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QVERIFY(list.out.startsWith("NAME  "));
        QVERIFY2(list.out.contains(QByteArray("prod  " + m_tls->url().toString().toUtf8())), list.out.constData());
        QVERIFY(list.out.contains("basic  user  ca"));
        const CtlRun json = runCtl({u"profile"_s, u"list"_s, u"-o"_s, u"json"_s}, {}, env());
        const QJsonObject object = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(object.value(u"name"_s).toString(), u"prod"_s);
        QCOMPARE(object.value(u"ca_file"_s).toString(), m_home.filePath(u"ca.pem"_s));

        const CtlRun show = runCtl({u"profile"_s, u"show"_s, u"prod"_s}, {}, env());
        QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
        QVERIFY(show.out.contains("auth:       basic (user user)"));
        QVERIFY2(show.out.contains("secret:     not in the system keyring (no system keyring available"), show.out.constData());
        const CtlRun showJson = runCtl({u"profile"_s, u"show"_s, u"prod"_s, u"-o"_s, u"json"_s}, {}, env());
        QCOMPARE(QJsonDocument::fromJson(showJson.out).object().value(u"secret"_s).toString(), u"unavailable"_s);

        // Adding it again needs --replace.
        const CtlRun again = runCtl({u"profile"_s, u"add"_s, u"prod"_s, u"-g"_s, m_tls->url().toString()}, {}, env());
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("--replace"), again.err.constData());
        QCOMPARE(windowProfiles().first().caFile, m_home.filePath(u"ca.pem"_s)); // unchanged

        const CtlRun remove = runCtl({u"profile"_s, u"remove"_s, u"prod"_s}, {}, env());
        QVERIFY2(remove.exitCode == 0, qPrintable(remove.describe()));
        QVERIFY(remove.out.contains("removed profile prod"));
        QVERIFY(windowProfiles().isEmpty());
        const CtlRun gone = runCtl({u"profile"_s, u"show"_s, u"prod"_s}, {}, env());
        QCOMPARE(gone.exitCode, 1);
        QVERIFY2(gone.err.contains("no connection profile \"prod\""), gone.err.constData());
    }

    void addChecksWhatItSaves()
    {
        const CtlRun noUrl = runCtl({u"profile"_s, u"add"_s, u"x"_s}, {}, env());
        QCOMPARE(noUrl.exitCode, 64);
        QVERIFY2(noUrl.err.contains("-g URL"), noUrl.err.constData());
        const CtlRun tlsOnHttp = runCtl({u"profile"_s, u"add"_s, u"x"_s, u"-g"_s, u"http://gw:9091"_s, u"--ca-file"_s,
                                         m_pki.caFile()},
                                        {}, env());
        QCOMPARE(tlsOnHttp.exitCode, 64);
        const CtlRun missingCa = runCtl({u"profile"_s, u"add"_s, u"x"_s, u"-g"_s, u"https://gw:9091"_s, u"--ca-file"_s,
                                         m_home.filePath(u"nosuch.pem"_s)},
                                        {}, env());
        QCOMPARE(missingCa.exitCode, 66);
        const CtlRun badAuth = runCtl({u"profile"_s, u"add"_s, u"x"_s, u"-g"_s, u"https://gw:9091"_s, u"--auth"_s, u"digest"_s},
                                      {}, env());
        QCOMPARE(badAuth.exitCode, 64);
        const CtlRun bearer = runCtl({u"profile"_s, u"add"_s, u"tok"_s, u"-g"_s, u"https://gw:9091/pg"_s, u"--auth"_s, u"bearer"_s},
                                     {}, env());
        QVERIFY2(bearer.exitCode == 0, qPrintable(bearer.describe()));
        QCOMPARE(windowProfiles().first().auth, ConnectionProfile::Auth::Bearer);
        QCOMPARE(windowProfiles().first().baseUrl().value().toString(), u"https://gw:9091/pg"_s);
        QVERIFY(runCtl({u"profile"_s, u"remove"_s, u"tok"_s}, {}, env()).exitCode == 0);
        QVERIFY(windowProfiles().isEmpty());
    }

    void secretWithoutKeyringIsRefused()
    {
        const QString pw = writeFile(u"pw"_s, m_password.toUtf8() + "\n");
        const CtlRun run = runCtl({u"profile"_s, u"add"_s, u"prod"_s, u"-g"_s, m_tls->url().toString(), u"--user"_s, u"user"_s,
                                   u"--ca-file"_s, m_pki.caFile(), u"--password-file"_s, pw},
                                  {}, env());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("profile prod not saved: the secret cannot be stored: no system keyring available"),
                 run.err.constData());
        QVERIFY(windowProfiles().isEmpty()); // nothing half-saved
        noSecretInFiles(m_password);
    }

    void httpConfigIntoProfile()
    {
        // A Prometheus HTTP client config becomes a profile (user and TLS
        // files; the password would go to the keyring, so it is not given).
        const QString config = writeFile(u"http.yml"_s, "basic_auth:\n  username: user\ntls_config:\n  ca_file: "
                                                            + m_pki.caFile().toUtf8() + "\n");
        const CtlRun add = runCtl({u"profile"_s, u"add"_s, u"from-config"_s, u"-g"_s, m_tls->url().toString(),
                                   u"--http.config.file"_s, config},
                                  {}, env());
        // basic_auth without a password carries an empty one: that is a
        // secret, and there is no keyring.
        QCOMPARE(add.exitCode, 1);
        const QString noPassword = writeFile(u"http2.yml"_s, "tls_config:\n  ca_file: " + m_pki.caFile().toUtf8() + "\n");
        const CtlRun add2 = runCtl({u"profile"_s, u"add"_s, u"from-config"_s, u"-g"_s, m_tls->url().toString(), u"--user"_s,
                                    u"user"_s, u"--http.config.file"_s, noPassword},
                                   {}, env());
        QVERIFY2(add2.exitCode == 0, qPrintable(add2.describe()));
        QCOMPARE(windowProfiles().first().caFile, m_pki.caFile());
        const CtlRun status = runCtl({u"--profile"_s, u"from-config"_s, u"status"_s}, {}, env(m_password));
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        QVERIFY(runCtl({u"profile"_s, u"remove"_s, u"from-config"_s}, {}, env()).exitCode == 0);
    }

    // pushdeckctl installed without the window's package: no keyring module.
    void withoutKeyringModule()
    {
        QVERIFY(runCtl({u"profile"_s, u"add"_s, u"prod"_s, u"-g"_s, m_tls->url().toString(), u"--user"_s, u"user"_s,
                        u"--ca-file"_s, m_pki.caFile()},
                       {}, env())
                    .exitCode == 0);
        QProcessEnvironment e = env();
        e.insert(u"PUSHDECK_KEYRING_MODULE"_s, m_home.filePath(u"no-such-module.so"_s));
        const CtlRun noSecret = runCtl({u"--profile"_s, u"prod"_s, u"status"_s}, {}, e);
        QCOMPARE(noSecret.exitCode, 64);
        QVERIFY2(noSecret.err.contains("no system keyring available: PushDeck's keyring module is not installed")
                     && noSecret.err.contains("PUSHDECK_PASSWORD"),
                 noSecret.err.constData());
        e.insert(u"PUSHDECK_PASSWORD"_s, m_password);
        const CtlRun withSecret = runCtl({u"--profile"_s, u"prod"_s, u"status"_s}, {}, e);
        QVERIFY2(withSecret.exitCode == 0, qPrintable(withSecret.describe()));
        const CtlRun show = runCtl({u"profile"_s, u"show"_s, u"prod"_s}, {}, e);
        QVERIFY2(show.out.contains("keyring module is not installed"), show.out.constData());
        QVERIFY(runCtl({u"profile"_s, u"remove"_s, u"prod"_s}, {}, e).exitCode == 0);
    }

    // Starts a shell in a private D-Bus session with an unlocked
    // gnome-keyring and runs pushdeckctl there: the secret goes through the
    // keyring module into the Secret Service and back.
    void realKeyring()
    {
        const QString dbus = QStandardPaths::findExecutable(u"dbus-run-session"_s);
        const QString daemon = QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s);
        if (dbus.isEmpty() || daemon.isEmpty())
            QSKIP("dbus-run-session or gnome-keyring-daemon is not installed: no real keyring to test against");
        QTemporaryDir home;
        const QString pw = writeFile(u"pw"_s, m_password.toUtf8() + "\n");
        QProcessEnvironment e = env();
        e.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        e.insert(u"HOME"_s, home.path());
        e.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        e.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        e.insert(u"XDG_RUNTIME_DIR"_s, home.path());
        e.insert(u"CTL"_s, ctlBinary());
        e.insert(u"GW"_s, m_tls->url().toString());
        e.insert(u"CA"_s, m_pki.caFile());
        e.insert(u"PW"_s, pw);
        const QString script = u"set -e\n"
                               "echo pw | %1 --unlock --components=secrets >/dev/null\n"
                               "\"$CTL\" profile add kr -g \"$GW\" --user user --ca-file \"$CA\" --password-file \"$PW\"\n"
                               "\"$CTL\" profile show kr\n"
                               "\"$CTL\" --profile kr status | head -1\n"
                               "\"$CTL\" profile remove kr\n"
                               "\"$CTL\" --profile kr status || echo \"after remove: $?\"\n"_s.arg(daemon);
        QProcess child;
        child.setProcessEnvironment(e);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(dbus, {u"--"_s, u"sh"_s, u"-c"_s, script});
        QVERIFY(child.waitForFinished(90000));
        const QString output = QString::fromUtf8(child.readAll());
        QVERIFY2(child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(u"added profile kr: "_s) && output.contains(u"secret in the system keyring"_s), qPrintable(output));
        QVERIFY2(output.contains(u"secret:     in the system keyring"_s), qPrintable(output));
        QVERIFY2(output.contains(u"gateway:    "_s + m_tls->url().toString()), qPrintable(output));
        QVERIFY2(output.contains(u"removed profile kr"_s), qPrintable(output));
        QVERIFY2(output.contains(u"no connection profile \"kr\""_s) && output.contains(u"after remove: 64"_s), qPrintable(output));
        QVERIFY(!output.contains(m_password));
    }
};

QTEST_GUILESS_MAIN(TestCtlProfile)
#include "tst_ctl_profile.moc"
