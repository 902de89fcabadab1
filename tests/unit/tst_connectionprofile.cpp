// ConnectionProfile: URL and route prefix, validation messages, the
// Authorization header, the SSL configuration built from the TLS files, and
// the settings round trip (which never holds a secret).

#include "gateway/connectionprofile.h"
#include "tlsfixture.h"

#include <QFile>
#include <QSettings>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestConnectionProfile : public QObject
{
    Q_OBJECT

    TlsFixture m_pki;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString())); }

    void baseUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"http://gw:9091"_s << QString() << u"http://gw:9091"_s;
        QTest::newRow("no scheme") << u"gw:9091"_s << QString() << u"http://gw:9091"_s;
        QTest::newRow("prefix in url") << u"https://gw/pushgateway/"_s << QString() << u"https://gw/pushgateway"_s;
        QTest::newRow("separate prefix") << u"https://gw:9091/"_s << u"/pg/"_s << u"https://gw:9091/pg"_s;
        QTest::newRow("both") << u"https://gw/a"_s << u"b"_s << u"https://gw/a/b"_s;
    }

    void baseUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, prefix);
        QFETCH(QString, expected);
        ConnectionProfile p;
        p.url = url;
        p.routePrefix = prefix;
        const auto base = p.baseUrl();
        QVERIFY2(base, qPrintable(base.errorString()));
        QCOMPARE(base->toString(), expected);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("no name") << u"name"_s << u"no name"_s;
        QTest::newRow("bad url") << u"url"_s << u"must use http or https"_s;
        QTest::newRow("basic without user") << u"user"_s << u"needs a user name"_s;
        QTest::newRow("missing CA") << u"ca"_s << u"CA file /nonexistent/ca.pem does not exist"_s;
        QTest::newRow("CA not a certificate") << u"ca-garbage"_s << u"holds no PEM or DER certificate"_s;
        QTest::newRow("cert without key") << u"cert-only"_s << u"needs its private key file"_s;
        QTest::newRow("key without cert") << u"key-only"_s << u"needs its client certificate"_s;
        QTest::newRow("key of another cert") << u"mismatch"_s << u"does not belong to the client certificate"_s;
        QTest::newRow("missing key") << u"missing-key"_s << u"client key /nonexistent/key.pem does not exist"_s;
        QTest::newRow("tls on http") << u"tls-http"_s << u"need an https URL"_s;
        QTest::newRow("bad Prometheus URL") << u"prometheus"_s << u"Prometheus URL: "_s;
        QTest::newRow("bad Grafana URL") << u"grafana"_s << u"Grafana URL: "_s;
    }

    void problems()
    {
        QFETCH(QString, field);
        QFETCH(QString, message);
        ConnectionProfile p;
        p.name = u"prod"_s;
        p.url = u"https://gw:9091"_s;
        if (field == u"name"_s)
            p.name.clear();
        else if (field == u"url"_s)
            p.url = u"ftp://gw"_s;
        else if (field == u"user"_s)
            p.auth = ConnectionProfile::Auth::Basic;
        else if (field == u"ca"_s)
            p.caFile = u"/nonexistent/ca.pem"_s;
        else if (field == u"ca-garbage"_s)
            p.caFile = m_pki.path(u"server.ext"_s);
        else if (field == u"cert-only"_s)
            p.clientCertFile = m_pki.clientCert();
        else if (field == u"key-only"_s)
            p.clientKeyFile = m_pki.clientKey();
        else if (field == u"mismatch"_s) {
            p.clientCertFile = m_pki.clientCert();
            p.clientKeyFile = m_pki.otherClientKey();
        } else if (field == u"missing-key"_s) {
            p.clientCertFile = m_pki.clientCert();
            p.clientKeyFile = u"/nonexistent/key.pem"_s;
        } else if (field == u"prometheus"_s) {
            p.prometheusUrl = u"ftp://prom:9090"_s;
        } else if (field == u"grafana"_s) {
            p.grafanaUrl = u"ftp://grafana"_s;
        } else if (field == u"tls-http"_s) {
            p.url = u"http://gw:9091"_s;
            p.skipVerify = true;
        }
        const QStringList list = p.problems();
        QVERIFY2(list.join(u" | "_s).contains(message), qPrintable(list.join(u" | "_s)));
        const auto valid = p.validate();
        QVERIFY(!valid);
        QCOMPARE(valid.error().kind, Error::Invalid);
        // And the SSL configuration refuses the same broken files.
        if (field == u"mismatch"_s || field == u"missing-key"_s || field == u"ca"_s)
            QVERIFY(!p.sslConfiguration());
    }

    void unreadableFile()
    {
        if (geteuid() == 0)
            QSKIP("running as root: every file is readable");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ca.pem"_s);
        QVERIFY(QFile::copy(m_pki.caFile(), path));
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions{}));
        ConnectionProfile p;
        p.name = u"x"_s;
        p.url = u"https://gw"_s;
        p.caFile = path;
        QVERIFY2(p.problems().join(u' ').contains(u"not readable"_s), qPrintable(p.problems().join(u' ')));
    }

    void validProfile()
    {
        ConnectionProfile p;
        p.name = u"prod"_s;
        p.url = u"https://gw:9091"_s;
        p.auth = ConnectionProfile::Auth::Basic;
        p.username = u"ops"_s;
        p.caFile = m_pki.caFile();
        p.clientCertFile = m_pki.clientCert();
        p.clientKeyFile = m_pki.clientKey();
        QVERIFY2(p.problems().isEmpty(), qPrintable(p.problems().join(u"; "_s)));
        QVERIFY(!p.sendsCredentialsInClear());
    }

    void authorization()
    {
        QCOMPARE(authorizationHeader(ConnectionProfile::Auth::Basic, u"user"_s, u"pass"_s), QByteArray("Basic dXNlcjpwYXNz"));
        QCOMPARE(authorizationHeader(ConnectionProfile::Auth::Bearer, {}, u"tok\n"_s), QByteArray("Bearer tok"));
        QCOMPARE(authorizationHeader(ConnectionProfile::Auth::None, u"user"_s, u"pass"_s), QByteArray());
    }

    void clientOptions()
    {
        ConnectionProfile p;
        p.name = u"prod"_s;
        p.url = u"https://gw:9091"_s;
        p.auth = ConnectionProfile::Auth::Bearer;
        p.caFile = m_pki.caFile();
        p.clientCertFile = m_pki.clientCert();
        p.clientKeyFile = m_pki.clientKey();
        ClientOptions base;
        base.timeoutMs = 1234;
        const auto options = p.clientOptions(u"token"_s, base);
        QVERIFY2(options, qPrintable(options.errorString()));
        QCOMPARE(options->timeoutMs, 1234);
        QCOMPARE(options->authorization, QByteArray("Bearer token"));
        QVERIFY(options->ssl);
        // The test CA is added to the system CAs, not instead of them.
        const auto cas = options->ssl->caCertificates();
        const QSslCertificate ca = QSslCertificate::fromPath(m_pki.caFile()).value(0);
        QVERIFY(cas.contains(ca));
        QCOMPARE(cas.size(), QSslConfiguration::defaultConfiguration().caCertificates().size() + 1);
        QCOMPARE(options->ssl->localCertificate(), QSslCertificate::fromPath(m_pki.clientCert()).value(0));
        QVERIFY(!options->ssl->privateKey().isNull());
        QVERIFY(options->ssl->peerVerifyMode() != QSslSocket::VerifyNone);
        QVERIFY(!options->skipsVerification());

        p.skipVerify = true;
        const auto insecure = p.clientOptions(u"token"_s);
        QVERIFY(insecure);
        QCOMPARE(insecure->ssl->peerVerifyMode(), QSslSocket::VerifyNone);
        QVERIFY(insecure->skipsVerification());

        ConnectionProfile http;
        http.name = u"dev"_s;
        http.url = u"http://gw:9091"_s;
        http.auth = ConnectionProfile::Auth::Basic;
        http.username = u"u"_s;
        QVERIFY(http.sendsCredentialsInClear());
        const auto plain = http.clientOptions(u"p"_s);
        QVERIFY(plain);
        QVERIFY(!plain->ssl);
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"pushdeck.conf"_s);
        ConnectionProfile a;
        a.name = u"prod / eu"_s; // separators in names must survive
        a.url = u"https://gw.example:9091"_s;
        a.routePrefix = u"/pg"_s;
        a.auth = ConnectionProfile::Auth::Basic;
        a.username = u"ops"_s;
        a.caFile = m_pki.caFile();
        a.clientCertFile = m_pki.clientCert();
        a.clientKeyFile = m_pki.clientKey();
        a.skipVerify = true;
        a.plainHttpCredentialsAccepted = true;
        a.prometheusUrl = u"http://prom.example:9090"_s;
        a.grafanaUrl = u"https://grafana.example/g"_s;
        ConnectionProfile b;
        b.name = u"dev"_s;
        b.url = u"http://localhost:9091"_s;
        b.auth = ConnectionProfile::Auth::Bearer;
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(u"other/key"_s, 1);
            ConnectionProfile::saveAll(settings, {a, b});
        }
        QSettings settings(file, QSettings::IniFormat);
        const QList<ConnectionProfile> loaded = ConnectionProfile::loadAll(settings);
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded[0], b); // sorted by name
        QCOMPARE(loaded[1], a);
        QCOMPARE(ConnectionProfile::load(settings, u"prod / eu"_s).value(), a);
        QVERIFY(!ConnectionProfile::load(settings, u"nope"_s));
        QCOMPARE(settings.value(u"other/key"_s).toInt(), 1);

        ConnectionProfile::remove(settings, u"dev"_s);
        QCOMPARE(ConnectionProfile::loadAll(settings).size(), 1);
        b.url = u"http://other:9091"_s;
        ConnectionProfile::save(settings, b);
        QCOMPARE(ConnectionProfile::load(settings, u"dev"_s)->url, u"http://other:9091"_s);
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
