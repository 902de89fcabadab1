// Connections with authentication and TLS against REAL gateways started with
// their own --web.config.file (exporter-toolkit): TLS + basic auth, mutual
// TLS (RequireAndVerifyClientCert), basic auth on plain http. Certificates
// come from a throw-away CA made with the openssl CLI. Also: redirects to
// another origin never carry the Authorization header.

#include "core/awaitfuture.h"
#include "operations/bulkdeleter.h"
#include "gateway/connectionprofile.h"
#include "builders.h"
#include "fakehttpserver.h"
#include "gateway/gatewayclient.h"
#include "gateway/localgateway.h"
#include "tlsfixture.h"

#include <QElapsedTimer>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

const QByteArray Text = "# TYPE v gauge\nv 1\n";

} // namespace

class TestAuthTls : public QObject
{
    Q_OBJECT

private:
    TlsFixture m_pki;
    std::unique_ptr<LocalGateway> m_tlsAuth;   // TLS + basic auth user/pass
    std::unique_ptr<LocalGateway> m_mtls;      // TLS, client certificate required
    std::unique_ptr<LocalGateway> m_httpAuth;  // plain http + basic auth

    ConnectionProfile tlsProfile(const QString &user = u"user"_s) const
    {
        ConnectionProfile p;
        p.name = u"tls"_s;
        p.url = m_tlsAuth->url().toString();
        p.auth = ConnectionProfile::Auth::Basic;
        p.username = user;
        p.caFile = m_pki.caFile();
        return p;
    }

    std::unique_ptr<GatewayClient> clientFor(const ConnectionProfile &profile, const QString &secret)
    {
        ClientOptions base;
        base.timeoutMs = 10000;
        const auto options = profile.clientOptions(secret, base);
        if (!options)
            qFatal("clientOptions: %s", qPrintable(options.errorString()));
        auto client = std::make_unique<GatewayClient>(*profile.baseUrl());
        client->setOptions(*options);
        return client;
    }

    std::unique_ptr<LocalGateway> startGateway(const TlsFixture::WebConfig &config, const QString &name)
    {
        const QString file = m_pki.writeWebConfig(config, name);
        if (file.isEmpty())
            return nullptr;
        auto gateway = std::make_unique<LocalGateway>(m_pki.gatewayOptions(file, config));
        if (!gateway->startAndWait(20000)) {
            qWarning("%s: %s\n%s", qPrintable(name), qPrintable(gateway->errorString()), qPrintable(gateway->output()));
            return nullptr;
        }
        return gateway;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString()));
        m_tlsAuth = startGateway({true, false, u"user"_s, u"s3cret pass"_s}, u"tls-auth.yml"_s);
        QVERIFY(m_tlsAuth);
        m_mtls = startGateway({true, true, {}, {}}, u"mtls.yml"_s);
        QVERIFY(m_mtls);
        m_httpAuth = startGateway({false, false, u"user"_s, u"pw"_s}, u"http-auth.yml"_s);
        QVERIFY(m_httpAuth);
        QCOMPARE(m_tlsAuth->url().scheme(), u"https"_s);
    }

    void tlsWithBasicAuth()
    {
        auto client = clientFor(tlsProfile(), u"s3cret pass"_s);
        QVERIFY(!client->options().skipsVerification());
        const auto status = awaitFuture(client->status());
        QVERIFY2(status, qPrintable(status.errorString()));
        QVERIFY(!status->version.isEmpty());

        for (const QString &k : {u"{job=\"a\"}"_s, u"{job=\"b\",instance=\"x/y\"}"_s, u"{job=\"c\",instance=\"\"}"_s, u"{job=\"d\"}"_s}) {
            const auto pushed = awaitFuture(client->push(key(k), Text, true));
            QVERIFY2(pushed, qPrintable(pushed.errorString()));
        }
        auto groups = awaitFuture(client->groups());
        QVERIFY2(groups, qPrintable(groups.errorString()));
        QCOMPARE(groups->size(), 4);

        const auto deleted = awaitFuture(client->deleteGroup(key(u"{job=\"d\"}"_s)));
        QVERIFY2(deleted, qPrintable(deleted.errorString()));

        // Bulk delete over https: through GatewayClient with the same TLS
        // settings and credentials (more clients than one, concurrency 8).
        QList<Group> previewed;
        for (const Group &g : *groups) {
            if (g.key != key(u"{job=\"d\"}"_s))
                previewed.append(g);
        }
        BulkDeleteOptions options;
        options.concurrency = 8;
        BulkDeleter deleter(client.get(), previewed, options);
        const BulkDeleteReport report = awaitFuture(deleter.run());
        QVERIFY2(report.allDeleted(), qPrintable(report.summary()));
        groups = awaitFuture(client->groups());
        QVERIFY(groups);
        QVERIFY(groups->isEmpty());
    }

    void wrongPassword()
    {
        auto client = clientFor(tlsProfile(), u"wrong"_s);
        const auto status = awaitFuture(client->status());
        QVERIFY(!status);
        QCOMPARE(status.error().kind, Error::Http);
        QCOMPARE(status.error().httpStatus, 401);
        QVERIFY2(status.errorString().startsWith(u"authentication failed"_s), qPrintable(status.errorString()));
        QVERIFY2(status.errorString().contains(u"wrong user name, password or token"_s), qPrintable(status.errorString()));
        // The secret never shows in a message.
        QVERIFY(!status.errorString().contains(u"wrong\""_s));
        const auto pushed = awaitFuture(client->push(key(u"{job=\"a\"}"_s), Text, true));
        QVERIFY(!pushed);
        QCOMPARE(pushed.error().httpStatus, 401);
    }

    void noCredentials()
    {
        ConnectionProfile p = tlsProfile();
        p.auth = ConnectionProfile::Auth::None;
        auto client = clientFor(p, {});
        const auto groups = awaitFuture(client->groups());
        QVERIFY(!groups);
        QCOMPARE(groups.error().httpStatus, 401);
        QVERIFY2(groups.errorString().contains(u"none were sent"_s), qPrintable(groups.errorString()));
    }

    void wrongCa_data()
    {
        QTest::addColumn<QString>("caFile");
        QTest::newRow("another CA") << m_pki.otherCaFile();
        QTest::newRow("system CAs only") << QString();
    }

    void wrongCa()
    {
        QFETCH(QString, caFile);
        ConnectionProfile p = tlsProfile();
        p.caFile = caFile;
        auto client = clientFor(p, u"s3cret pass"_s);
        const auto status = awaitFuture(client->status());
        QVERIFY(!status);
        qInfo("%s", qPrintable(status.errorString()));
        QCOMPARE(status.error().kind, Error::Tls);
        QVERIFY2(status.errorString().startsWith(u"TLS: "_s), qPrintable(status.errorString()));
        QVERIFY2(status.errorString().contains(u"certificate"_s), qPrintable(status.errorString()));
        QVERIFY2(status.errorString().contains(u"--ca-file"_s), qPrintable(status.errorString()));
    }

    void skipVerify()
    {
        ConnectionProfile p = tlsProfile();
        p.caFile.clear();
        p.skipVerify = true;
        auto client = clientFor(p, u"s3cret pass"_s);
        QVERIFY(client->options().skipsVerification());
        const auto status = awaitFuture(client->status());
        QVERIFY2(status, qPrintable(status.errorString()));
        // Verification is skipped, authentication is not.
        client = clientFor(p, u"nope"_s);
        const auto refused = awaitFuture(client->status());
        QVERIFY(!refused);
        QCOMPARE(refused.error().httpStatus, 401);
    }

    void clientCertificateRequired()
    {
        ConnectionProfile p;
        p.name = u"mtls"_s;
        p.url = m_mtls->url().toString();
        p.caFile = m_pki.caFile();

        auto client = clientFor(p, {});
        const auto without = awaitFuture(client->status());
        QVERIFY(!without);
        qInfo("%s", qPrintable(without.errorString()));
        QCOMPARE(without.error().kind, Error::Tls);
        QVERIFY2(without.errorString().contains(u"requires a client certificate and none was given"_s), qPrintable(without.errorString()));

        p.clientCertFile = m_pki.otherClientCert();
        p.clientKeyFile = m_pki.otherClientKey();
        client = clientFor(p, {});
        const auto stranger = awaitFuture(client->status());
        QVERIFY(!stranger);
        qInfo("%s", qPrintable(stranger.errorString()));
        QCOMPARE(stranger.error().kind, Error::Tls);
        QVERIFY2(stranger.errorString().contains(u"refused our client certificate"_s), qPrintable(stranger.errorString()));

        p.clientCertFile = m_pki.clientCert();
        p.clientKeyFile = m_pki.clientKey();
        QVERIFY2(p.validate(), qPrintable(p.validate().errorString()));
        client = clientFor(p, {});
        const auto with = awaitFuture(client->status());
        QVERIFY2(with, qPrintable(with.errorString()));
        const auto pushed = awaitFuture(client->push(key(u"{job=\"mtls\"}"_s), Text, true));
        QVERIFY2(pushed, qPrintable(pushed.errorString()));
        auto groups = awaitFuture(client->groups());
        QVERIFY(groups);
        BulkDeleter deleter(client.get(), *groups, {});
        const BulkDeleteReport report = awaitFuture(deleter.run());
        QVERIFY2(report.allDeleted(), qPrintable(report.summary()));
    }

    void plainHttpBasicAuthBulkDelete()
    {
        // Plain http: the bulk deleter's own keep-alive connections send the
        // same Authorization header.
        ConnectionProfile p;
        p.name = u"http"_s;
        p.url = m_httpAuth->url().toString();
        p.auth = ConnectionProfile::Auth::Basic;
        p.username = u"user"_s;
        QVERIFY(p.sendsCredentialsInClear());
        auto client = clientFor(p, u"pw"_s);
        QList<GroupingKey> keys;
        for (int i = 0; i < 20; ++i) {
            keys.append(key(u"{job=\"j%1\"}"_s.arg(i)));
            QVERIFY(awaitFuture(client->push(keys.last(), Text, true)));
        }
        auto groups = awaitFuture(client->groups());
        QVERIFY(groups);
        QCOMPARE(groups->size(), 20);

        auto wrong = clientFor(p, u"bad"_s);
        BulkDeleter refused(wrong.get(), *groups, {});
        QElapsedTimer clock;
        clock.start();
        const BulkDeleteReport failed = awaitFuture(refused.run());
        // Refused credentials are not retried for the verification timeout;
        // they already refuse the re-read of push times before the first
        // batch, so nothing is sent.
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(failed.count(DeleteOutcome::NotSent), 20);
        QVERIFY2(failed.error.contains(u"authentication failed"_s), qPrintable(failed.error));

        BulkDeleter deleter(client.get(), *groups, {});
        const BulkDeleteReport report = awaitFuture(deleter.run());
        QVERIFY2(report.allDeleted(), qPrintable(report.summary()));
    }

    void redirectToAnotherOriginKeepsCredentials_data()
    {
        QTest::addColumn<bool>("otherPort");
        QTest::newRow("127.0.0.1, another port") << true;
        QTest::newRow("localhost, same port") << false;
    }

    void redirectToAnotherOriginKeepsCredentials()
    {
        QFETCH(bool, otherPort);
        FakeHttpServer first;
        FakeHttpServer second;
        QVERIFY(first.listen());
        QVERIFY(second.listen());
        QList<FakeHttpServer::Request> atFirst;
        QList<FakeHttpServer::Request> atSecond;
        QUrl target = otherPort ? second.url() : first.url();
        if (!otherPort)
            target.setHost(u"localhost"_s);
        first.setHandler([&](const FakeHttpServer::Request &r) {
            atFirst.append(r);
            if (r.headers.contains("Host: localhost"))
                return FakeHttpServer::json(R"({"status":"success","data":{}})"); // followed to "localhost"
            FakeHttpServer::Response response;
            response.status = 302;
            response.headers.append({"Location", (target.toString() + u"/api/v1/status"_s).toUtf8()});
            return response;
        });
        second.setHandler([&](const FakeHttpServer::Request &r) {
            atSecond.append(r);
            return FakeHttpServer::json(R"({"status":"success","data":{}})");
        });

        GatewayClient client(first.url());
        ClientOptions options;
        options.timeoutMs = 5000;
        options.authorization = authorizationHeader(ConnectionProfile::Auth::Basic, u"user"_s, u"secret"_s);
        client.setOptions(options);
        const auto status = awaitFuture(client.status());
        QVERIFY(!status);
        qInfo("%s", qPrintable(status.errorString()));
        QVERIFY2(status.errorString().contains(u"redirects to"_s), qPrintable(status.errorString()));
        QVERIFY2(status.errorString().contains(u"credentials"_s), qPrintable(status.errorString()));

        // What each server received: the first got the header, nobody else did.
        QVERIFY(!atFirst.isEmpty());
        QVERIFY(atFirst.first().headers.contains("Authorization: Basic "));
        for (const auto &r : std::as_const(atSecond))
            QVERIFY2(!r.headers.toLower().contains("authorization"), r.headers.constData());
        for (qsizetype i = 1; i < atFirst.size(); ++i)
            QVERIFY2(!atFirst[i].headers.toLower().contains("authorization"), atFirst[i].headers.constData());
        QVERIFY(atSecond.isEmpty());
        QCOMPARE(atFirst.size(), 1);
    }

    void cleanupTestCase()
    {
        m_tlsAuth.reset();
        m_mtls.reset();
        m_httpAuth.reset();
    }
};

QTEST_GUILESS_MAIN(TestAuthTls)
#include "tst_auth_tls.moc"
