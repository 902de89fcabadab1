// pushdeckctl's connection options against REAL gateways with their own web
// config: TLS + basic auth, mutual TLS, basic auth on plain http. Passwords
// only from PUSHDECK_PASSWORD or --password-file, --ca-file, --cert/--key,
// --insecure-skip-verify (warns), --profile (the GUI's profiles), and the
// exit codes and messages of every failure.

#include "gateway/connectionprofile.h"
#include "ctlrunner.h"
#include "gateway/localgateway.h"
#include "tlsfixture.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestCtlAuth : public QObject
{
    Q_OBJECT

    TlsFixture m_pki;
    QTemporaryDir m_home;
    std::unique_ptr<LocalGateway> m_tls;   // TLS + basic auth
    std::unique_ptr<LocalGateway> m_mtls;  // client certificate required
    std::unique_ptr<LocalGateway> m_http;  // plain http + basic auth
    const QString m_password = u"correct horse"_s;

    std::unique_ptr<LocalGateway> startGateway(const TlsFixture::WebConfig &config, const QString &name)
    {
        const QString file = m_pki.writeWebConfig(config, name);
        if (file.isEmpty())
            return nullptr;
        auto gateway = std::make_unique<LocalGateway>(m_pki.gatewayOptions(file, config));
        if (!gateway->startAndWait(20000)) {
            qWarning("%s: %s", qPrintable(name), qPrintable(gateway->errorString()));
            return nullptr;
        }
        return gateway;
    }

    // A clean environment: no secrets from the caller, a private config
    // directory (profiles) and no keyring (no session bus).
    QProcessEnvironment env(const QString &password = {}) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"PUSHDECK_PASSWORD", "PUSHDECK_TOKEN", "PUSHDECK_USER", "DISPLAY"})
            e.remove(QString::fromLatin1(name));
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
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text);
        return file.fileName();
    }

    void noSecretIn(const CtlRun &run, const QString &secret)
    {
        QVERIFY2(!run.out.contains(secret.toUtf8()) && !run.err.contains(secret.toUtf8()), qPrintable(run.describe()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString()));
        m_tls = startGateway({true, false, u"user"_s, m_password}, u"tls.yml"_s);
        QVERIFY(m_tls);
        m_mtls = startGateway({true, true, {}, {}}, u"mtls.yml"_s);
        QVERIFY(m_mtls);
        m_http = startGateway({false, false, u"user"_s, m_password}, u"http.yml"_s);
        QVERIFY(m_http);
    }

    void help()
    {
        const CtlRun run = runCtl({u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        for (const char *option : {"--profile", "--user", "--password-file", "--token-file", "--ca-file", "--cert", "--key",
                                   "--insecure-skip-verify", "PUSHDECK_PASSWORD", "PUSHDECK_TOKEN"})
            QVERIFY2(run.out.contains(option), option);
        // A command's help points to them instead of listing them again.
        const CtlRun command = runCtl({u"status"_s, u"--help"_s});
        QVERIFY(!command.out.contains("--ca-file"));
        QVERIFY(command.out.contains("pushdeckctl --help lists them"));
    }

    void passwordFromEnvironment()
    {
        const QStringList base{u"--gateway"_s, m_tls->url().toString(), u"--ca-file"_s, m_pki.caFile(), u"--user"_s, u"user"_s};
        const CtlRun status = runCtl(base + QStringList{u"status"_s}, {}, env(m_password));
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        QVERIFY(status.out.contains("version:"));
        QVERIFY2(status.err.isEmpty(), status.err.constData());

        const CtlRun push = runCtl(base + QStringList{u"push"_s, u"{job=\"ctl\"}"_s, u"-"_s}, "# TYPE v gauge\nv 1\n", env(m_password));
        QVERIFY2(push.exitCode == 0, qPrintable(push.describe()));
        const CtlRun groups = runCtl(base + QStringList{u"groups"_s}, {}, env(m_password));
        QVERIFY2(groups.exitCode == 0, qPrintable(groups.describe()));
        QVERIFY(groups.out.contains("ctl"));
        const CtlRun deleted = runCtl(base + QStringList{u"delete"_s, u"{job=\"ctl\"}"_s, u"--yes"_s}, {}, env(m_password));
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.describe()));
        noSecretIn(deleted, m_password);
    }

    void passwordFile()
    {
        const QString file = writeFile(u"pw"_s, m_password.toUtf8() + "\n");
        const CtlRun run = runCtl({u"--gateway"_s, m_tls->url().toString(), u"--ca-file"_s, m_pki.caFile(), u"--user"_s, u"user"_s,
                                   u"--password-file"_s, file, u"status"_s},
                                  {}, env());
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        // Options after the command work the same.
        const CtlRun after = runCtl({u"status"_s, u"--gateway"_s, m_tls->url().toString(), u"--ca-file"_s, m_pki.caFile(),
                                     u"--user"_s, u"user"_s, u"--password-file"_s, file},
                                    {}, env());
        QVERIFY2(after.exitCode == 0, qPrintable(after.describe()));

        const CtlRun missing = runCtl({u"--gateway"_s, m_tls->url().toString(), u"--ca-file"_s, m_pki.caFile(), u"--user"_s,
                                       u"user"_s, u"--password-file"_s, m_home.filePath(u"nope"_s), u"status"_s},
                                      {}, env());
        QCOMPARE(missing.exitCode, 66);
        QVERIFY2(missing.err.contains("--password-file"), qPrintable(missing.describe()));
    }

    void wrongPassword()
    {
        const CtlRun run = runCtl({u"--gateway"_s, m_tls->url().toString(), u"--ca-file"_s, m_pki.caFile(), u"--user"_s, u"user"_s,
                                   u"status"_s},
                                  {}, env(u"wrong one"_s));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("pushdeckctl: authentication failed"), qPrintable(run.describe()));
        QVERIFY(run.err.contains("401"));
        noSecretIn(run, u"wrong one"_s);

        const CtlRun none = runCtl({u"--gateway"_s, m_tls->url().toString(), u"--ca-file"_s, m_pki.caFile(), u"status"_s}, {}, env());
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("authentication failed") && none.err.contains("none were sent"), qPrintable(none.describe()));
    }

    void passwordNeedsUser()
    {
        const CtlRun run = runCtl({u"--gateway"_s, m_tls->url().toString(), u"status"_s}, {}, env(m_password));
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains("--user"), qPrintable(run.describe()));
        const CtlRun noSecret = runCtl({u"--gateway"_s, m_tls->url().toString(), u"--user"_s, u"user"_s, u"status"_s}, {}, env());
        QCOMPARE(noSecret.exitCode, 64);
        QVERIFY2(noSecret.err.contains("PUSHDECK_PASSWORD"), qPrintable(noSecret.describe()));
    }

    void untrustedCertificate()
    {
        const CtlRun run = runCtl({u"--gateway"_s, m_tls->url().toString(), u"--user"_s, u"user"_s, u"status"_s}, {}, env(m_password));
        QCOMPARE(run.exitCode, 69);
        QVERIFY2(run.err.startsWith("pushdeckctl: TLS: ") && run.err.contains("certificate") && run.err.contains("pass --ca-file"),
                 qPrintable(run.describe()));
        const CtlRun other = runCtl({u"--gateway"_s, m_tls->url().toString(), u"--ca-file"_s, m_pki.otherCaFile(), u"--user"_s,
                                     u"user"_s, u"status"_s},
                                    {}, env(m_password));
        QCOMPARE(other.exitCode, 69);
        QVERIFY2(other.err.contains("TLS: "), qPrintable(other.describe()));
    }

    void insecureSkipVerify()
    {
        const CtlRun run = runCtl({u"--gateway"_s, m_tls->url().toString(), u"--insecure-skip-verify"_s, u"--user"_s, u"user"_s,
                                   u"status"_s},
                                  {}, env(m_password));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("warning: TLS certificate verification is off"), qPrintable(run.describe()));
        // Not on plain http.
        const CtlRun http = runCtl({u"--gateway"_s, m_http->url().toString(), u"--insecure-skip-verify"_s, u"status"_s}, {}, env());
        QCOMPARE(http.exitCode, 64);
        QVERIFY2(http.err.contains("https"), qPrintable(http.describe()));
    }

    void plainHttpWarns()
    {
        const CtlRun run = runCtl({u"--gateway"_s, m_http->url().toString(), u"--user"_s, u"user"_s, u"status"_s}, {}, env(m_password));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("warning: sending credentials over plain http"), qPrintable(run.describe()));
        // Bulk delete over plain http uses its own connections: same credentials.
        QVERIFY(runCtl({u"--gateway"_s, m_http->url().toString(), u"--user"_s, u"user"_s, u"push"_s, u"{job=\"h\"}"_s, u"-"_s},
                       "v 1\n", env(m_password)).exitCode == 0);
        const CtlRun deleted = runCtl({u"--gateway"_s, m_http->url().toString(), u"--user"_s, u"user"_s, u"delete"_s,
                                       u"--match"_s, u"{job=\"h\"}"_s, u"--yes"_s},
                                      {}, env(m_password));
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.describe()));
    }

    void clientCertificate()
    {
        const QStringList base{u"--gateway"_s, m_mtls->url().toString(), u"--ca-file"_s, m_pki.caFile()};
        const CtlRun without = runCtl(base + QStringList{u"status"_s}, {}, env());
        QCOMPARE(without.exitCode, 69);
        QVERIFY2(without.err.contains("TLS: ") && without.err.contains("client certificate"), qPrintable(without.describe()));

        const CtlRun with = runCtl(base + QStringList{u"--cert"_s, m_pki.clientCert(), u"--key"_s, m_pki.clientKey(), u"status"_s},
                                   {}, env());
        QVERIFY2(with.exitCode == 0, qPrintable(with.describe()));

        const CtlRun missing = runCtl(base + QStringList{u"--cert"_s, m_home.filePath(u"missing.pem"_s), u"--key"_s,
                                                         m_pki.clientKey(), u"status"_s},
                                      {}, env());
        QCOMPARE(missing.exitCode, 66);
        QVERIFY2(missing.err.contains("missing.pem does not exist"), qPrintable(missing.describe()));

        const CtlRun mismatch = runCtl(base + QStringList{u"--cert"_s, m_pki.clientCert(), u"--key"_s, m_pki.otherClientKey(),
                                                          u"status"_s},
                                       {}, env());
        QCOMPARE(mismatch.exitCode, 64);
        QVERIFY2(mismatch.err.contains("does not belong"), qPrintable(mismatch.describe()));

        const CtlRun keyless = runCtl(base + QStringList{u"--cert"_s, m_pki.clientCert(), u"status"_s}, {}, env());
        QCOMPARE(keyless.exitCode, 64);
        QVERIFY2(keyless.err.contains("private key"), qPrintable(keyless.describe()));
    }

    void profile()
    {
        {
            // The GUI's settings file (organisation PushDeck, application pushdeck).
            QDir().mkpath(m_home.filePath(u"config/PushDeck"_s));
            QSettings settings(m_home.filePath(u"config/PushDeck/pushdeck.conf"_s), QSettings::IniFormat);
            ConnectionProfile p;
            p.name = u"secure gw"_s;
            p.url = m_tls->url().toString();
            p.auth = ConnectionProfile::Auth::Basic;
            p.username = u"user"_s;
            p.caFile = m_pki.caFile();
            ConnectionProfile::save(settings, p);
        }
        const CtlRun run = runCtl({u"--profile"_s, u"secure gw"_s, u"status"_s}, {}, env(m_password));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

        // No secret anywhere: the keyring is asked, and says plainly it is not there.
        const CtlRun noSecret = runCtl({u"--profile"_s, u"secure gw"_s, u"status"_s}, {}, env());
        QCOMPARE(noSecret.exitCode, 64);
        QVERIFY2(noSecret.err.contains("no secret for profile \"secure gw\"") && noSecret.err.contains("no system keyring available")
                     && noSecret.err.contains("PUSHDECK_PASSWORD"),
                 qPrintable(noSecret.describe()));

        const CtlRun unknown = runCtl({u"--profile"_s, u"nope"_s, u"status"_s}, {}, env());
        QCOMPARE(unknown.exitCode, 64);
        QVERIFY2(unknown.err.contains("no connection profile \"nope\"") && unknown.err.contains("secure gw"),
                 qPrintable(unknown.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCtlAuth)
#include "tst_ctl_auth.moc"
