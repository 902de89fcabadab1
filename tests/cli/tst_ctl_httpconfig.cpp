// pushdeckctl --http.config.file: the Prometheus HTTP client config amtool
// and promtool take, against real gateways behind --web.config.file: TLS with
// basic auth (password_file, relative to the config), mutual TLS
// (cert_file/key_file), insecure_skip_verify with its warning, options on
// top of the file, the file named in pushdeckctl.yml, and the exit codes of
// a broken or missing config.

#include "ctlrunner.h"
#include "gateway/localgateway.h"
#include "tlsfixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestCtlHttpConfig : public QObject
{
    Q_OBJECT

    TlsFixture m_pki;
    QTemporaryDir m_home;
    std::unique_ptr<LocalGateway> m_tls;  // TLS + basic auth
    std::unique_ptr<LocalGateway> m_mtls; // client certificate required
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
    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"PUSHDECK_PASSWORD", "PUSHDECK_TOKEN", "PUSHDECK_USER"})
            e.remove(QString::fromLatin1(name));
        e.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/pushdeck-test-bus"_s);
        e.insert(u"HOME"_s, m_home.path());
        e.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        return e;
    }
    QString writeFile(const QString &name, const QByteArray &text) const
    {
        const QString path = m_home.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text);
        return file.fileName();
    }
    CtlRun ctl(const LocalGateway &gateway, const QString &config, const QStringList &arguments,
               const QByteArray &input = {}) const
    {
        return runCtl(QStringList{u"--gateway"_s, gateway.url().toString(), u"--http.config.file"_s, config} + arguments,
                      input, env());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString()));
        m_tls = startGateway({true, false, u"user"_s, m_password}, u"tls.yml"_s);
        QVERIFY(m_tls);
        m_mtls = startGateway({true, true, {}, {}}, u"mtls.yml"_s);
        QVERIFY(m_mtls);
        writeFile(u"secrets/password"_s, m_password.toUtf8() + "\n");
    }

    void basicAuthAndTls()
    {
        // As amtool users write it: paths relative to the config's folder.
        QDir().mkpath(m_home.filePath(u"conf"_s));
        QFile::copy(m_pki.caFile(), m_home.filePath(u"conf/ca.pem"_s));
        const QString config = writeFile(u"conf/http.yml"_s, "basic_auth:\n"
                                                              "  username: user\n"
                                                              "  password_file: ../secrets/password\n"
                                                              "tls_config:\n"
                                                              "  ca_file: ca.pem\n");
        const CtlRun status = ctl(*m_tls, config, {u"status"_s});
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        QVERIFY(status.out.contains("version:"));
        QVERIFY2(status.err.isEmpty(), status.err.constData());

        const CtlRun push = ctl(*m_tls, config, {u"push"_s, u"{job=\"httpconf\"}"_s, u"-"_s}, "v 1\n");
        QVERIFY2(push.exitCode == 0, qPrintable(push.describe()));
        const CtlRun groups = ctl(*m_tls, config, {u"groups"_s, u"-o"_s, u"json"_s});
        QVERIFY2(groups.exitCode == 0 && groups.out.contains("httpconf"), qPrintable(groups.describe()));
        const CtlRun remove = ctl(*m_tls, config, {u"delete"_s, u"{job=\"httpconf\"}"_s, u"--yes"_s});
        QVERIFY2(remove.exitCode == 0, qPrintable(remove.describe()));
        QVERIFY(!remove.out.contains(m_password.toUtf8()) && !remove.err.contains(m_password.toUtf8()));

        // The option after the command works the same.
        const CtlRun after = runCtl({u"status"_s, u"--gateway"_s, m_tls->url().toString(), u"--http.config.file"_s, config}, {},
                                    env());
        QVERIFY2(after.exitCode == 0, qPrintable(after.describe()));
    }

    void wrongPasswordAndOptionsOnTop()
    {
        writeFile(u"secrets/wrong"_s, "nope\n");
        const QString config = writeFile(u"wrong.yml"_s, "basic_auth:\n  username: user\n  password_file: secrets/wrong\n"
                                                         "tls_config:\n  ca_file: "
                                                             + m_pki.caFile().toUtf8() + "\n");
        const CtlRun denied = ctl(*m_tls, config, {u"status"_s});
        QCOMPARE(denied.exitCode, 1);
        QVERIFY2(denied.err.contains("authentication failed") && denied.err.contains("401"), qPrintable(denied.describe()));
        // --password-file beats the file's password; the file's user and CA stay.
        const CtlRun fixed = ctl(*m_tls, config, {u"--password-file"_s, m_home.filePath(u"secrets/password"_s), u"status"_s});
        QVERIFY2(fixed.exitCode == 0, qPrintable(fixed.describe()));
        // The file beats PUSHDECK_PASSWORD (it names its own credentials).
        QProcessEnvironment e = env();
        e.insert(u"PUSHDECK_PASSWORD"_s, m_password);
        const CtlRun envLoses = runCtl({u"--gateway"_s, m_tls->url().toString(), u"--http.config.file"_s, config, u"status"_s},
                                       {}, e);
        QCOMPARE(envLoses.exitCode, 1);
    }

    void untrustedAndSkipVerify()
    {
        const QString noCa = writeFile(u"noca.yml"_s, "basic_auth:\n  username: user\n  password_file: secrets/password\n");
        const CtlRun untrusted = ctl(*m_tls, noCa, {u"status"_s});
        QCOMPARE(untrusted.exitCode, 69);
        QVERIFY2(untrusted.err.contains("TLS: "), qPrintable(untrusted.describe()));
        const QString skip = writeFile(u"skip.yml"_s, "basic_auth:\n  username: user\n  password_file: secrets/password\n"
                                                      "tls_config:\n  insecure_skip_verify: true\n");
        const CtlRun skipped = ctl(*m_tls, skip, {u"status"_s});
        QVERIFY2(skipped.exitCode == 0, qPrintable(skipped.describe()));
        QVERIFY2(skipped.err.contains("warning: TLS certificate verification is off"), skipped.err.constData());
    }

    void clientCertificate()
    {
        const QString config = writeFile(u"mtls.yml"_s, "tls_config:\n  ca_file: " + m_pki.caFile().toUtf8() + "\n  cert_file: "
                                                            + m_pki.clientCert().toUtf8() + "\n  key_file: "
                                                            + m_pki.clientKey().toUtf8() + "\n");
        const CtlRun with = ctl(*m_mtls, config, {u"status"_s});
        QVERIFY2(with.exitCode == 0, qPrintable(with.describe()));
        const QString caOnly = writeFile(u"mtls-ca.yml"_s, "tls_config:\n  ca_file: " + m_pki.caFile().toUtf8() + "\n");
        const CtlRun without = ctl(*m_mtls, caOnly, {u"status"_s});
        QCOMPARE(without.exitCode, 69);
        QVERIFY2(without.err.contains("client certificate"), qPrintable(without.describe()));
        // --cert/--key on top of a config that has only the CA.
        const CtlRun options = ctl(*m_mtls, caOnly, {u"--cert"_s, m_pki.clientCert(), u"--key"_s, m_pki.clientKey(), u"status"_s});
        QVERIFY2(options.exitCode == 0, qPrintable(options.describe()));
    }

    void namedInPushdeckctlYml()
    {
        writeFile(u"config/pushdeck/http.yml"_s, "basic_auth:\n  username: user\n  password: \"" + m_password.toUtf8()
                                                     + "\"\ntls_config:\n  ca_file: " + m_pki.caFile().toUtf8() + "\n");
        writeFile(u"config/pushdeck/pushdeckctl.yml"_s,
                  "gateway: " + m_tls->url().toString().toUtf8() + "\nhttp.config.file: http.yml\n");
        const CtlRun run = runCtl({u"status"_s}, {}, env());
        QFile::remove(m_home.filePath(u"config/pushdeck/pushdeckctl.yml"_s));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    }

    void brokenConfig_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("typo") << QByteArray("basic_auth:\n  usename: user\n") << 65
                              << u"--http.config.file: %1:2: field usename not found in basic_auth"_s;
        QTest::newRow("oauth2") << QByteArray("oauth2:\n  client_id: x\n  token_url: https://idp/token\n") << 65
                                << u"oauth2 is not supported by PushDeck"_s;
        QTest::newRow("missing password file") << QByteArray("basic_auth:\n  username: u\n  password_file: /nonexistent/pw\n")
                                               << 66 << u"password_file /nonexistent/pw: cannot read"_s;
        QTest::newRow("missing ca file") << QByteArray("tls_config:\n  ca_file: /nonexistent/ca.pem\n") << 66
                                         << u"/nonexistent/ca.pem"_s;
    }
    void brokenConfig()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString config = writeFile(u"broken.yml"_s, text);
        const CtlRun run = ctl(*m_tls, config, {u"status"_s});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message.arg(config).toUtf8()), qPrintable(run.describe()));
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(run.out.isEmpty());

        const CtlRun missing = ctl(*m_tls, m_home.filePath(u"nosuch.yml"_s), {u"status"_s});
        QCOMPARE(missing.exitCode, 66);
        QVERIFY2(missing.err.contains("--http.config.file: cannot read"), qPrintable(missing.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCtlHttpConfig)
#include "tst_ctl_httpconfig.moc"
