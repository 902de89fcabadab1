// HttpClientConfig: Prometheus's HTTP client config (--http.config.file of
// amtool and promtool) read as prometheus/common reads it (strict fields,
// paths relative to the file, secrets from files trimmed), the settings
// PushDeck cannot honour refused, and ConnectionResolver applying it between
// the environment and the explicit options.

#include "gateway/connectionresolver.h"
#include "gateway/httpclientconfig.h"
#include "core/awaitfuture.h"
#include "tlsfixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestHttpClientConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TlsFixture m_pki;

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        return file.fileName();
    }

    static QByteArray basic(const QString &user, const QString &password)
    {
        return "Basic " + (user + u':' + password).toUtf8().toBase64();
    }

    Result<ResolvedConnection> resolve(ConnectionRequest request, const QProcessEnvironment &env = {})
    {
        ConnectionResolver resolver;
        resolver.setEnvironment(env);
        return awaitFuture(resolver.resolve(request));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString()));
        writeFile(u"secrets/password"_s, "  s3cret pass\n\n");
        writeFile(u"secrets/token"_s, "tok-123\n");
        writeFile(u"secrets/user"_s, "alice\n");
    }

    void basicAuthFromFiles()
    {
        // Relative to the config's folder, not to the working directory;
        // the whole file, trimmed (a password may contain spaces).
        const QString path = writeFile(u"conf/http.yml"_s,
                                       "basic_auth:\n"
                                       "  username_file: ../secrets/user\n"
                                       "  password_file: ../secrets/password\n");
        const auto config = HttpClientConfig::load(path);
        QVERIFY2(config, qPrintable(config.errorString()));
        QVERIFY(config->basicAuth);
        QCOMPARE(config->basicAuth->username, u"alice"_s);
        QCOMPARE(config->basicAuth->password, u"s3cret pass"_s);
        QVERIFY(!config->bearerToken);
    }

    void authorizationAndBearerForms_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("token");
        QTest::newRow("credentials") << QByteArray("authorization:\n  credentials: abc\n") << u"abc"_s;
        QTest::newRow("type Bearer") << QByteArray("authorization:\n  type: Bearer\n  credentials_file: secrets/token\n")
                                     << u"tok-123"_s;
        QTest::newRow("type bearer, lower case") << QByteArray("authorization:\n  type: bearer\n  credentials: x\n") << u"x"_s;
        QTest::newRow("bearer_token") << QByteArray("bearer_token: old-style\n") << u"old-style"_s;
        QTest::newRow("bearer_token_file") << QByteArray("bearer_token_file: secrets/token\n") << u"tok-123"_s;
        QTest::newRow("empty credentials") << QByteArray("authorization:\n  type: Bearer\n") << QString();
    }
    void authorizationAndBearerForms()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, token);
        const auto config = HttpClientConfig::parse(yaml, m_dir.path(), u"http.yml"_s);
        QVERIFY2(config, qPrintable(config.errorString()));
        QVERIFY(config->bearerToken);
        QCOMPARE(*config->bearerToken, token);
        QVERIFY(!config->basicAuth);
    }

    void tlsConfig()
    {
        const QString path = writeFile(u"conf/tls.yml"_s,
                                       "tls_config:\n"
                                       "  ca_file: ca.pem\n"
                                       "  cert_file: /abs/client.pem\n"
                                       "  key_file: client.key\n"
                                       "  insecure_skip_verify: true\n"
                                       "follow_redirects: true\n"
                                       "enable_http2: false\n");
        const auto config = HttpClientConfig::load(path);
        QVERIFY2(config, qPrintable(config.errorString()));
        QCOMPARE(config->caFile, m_dir.filePath(u"conf/ca.pem"_s));
        QCOMPARE(config->certFile, u"/abs/client.pem"_s);
        QCOMPARE(config->keyFile, m_dir.filePath(u"conf/client.key"_s));
        QVERIFY(config->insecureSkipVerify);
        QVERIFY(!config->hasAuth());
    }

    void emptyFileIsNoSettings()
    {
        const auto config = HttpClientConfig::parse("# nothing\n", m_dir.path(), u"http.yml"_s);
        QVERIFY2(config, qPrintable(config.errorString()));
        QVERIFY(!config->hasAuth());
        QVERIFY(!config->hasTls());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        // Strict, as UnmarshalStrict: a typo is an error, not ignored.
        QTest::newRow("unknown field") << QByteArray("basic_auth:\n  username: a\n  pasword: b\n") << int(Error::Parse)
                                       << u"http.yml:3: field pasword not found in basic_auth"_s << 3;
        QTest::newRow("unknown top-level field") << QByteArray("tls:\n  ca_file: x\n") << int(Error::Parse)
                                                 << u"field tls not found in the HTTP client config"_s << 1;
        QTest::newRow("twice") << QByteArray("bearer_token: a\nbearer_token: b\n") << int(Error::Parse)
                               << u"field bearer_token already set"_s << 2;
        QTest::newRow("not YAML") << QByteArray("basic_auth: [\n") << int(Error::Parse) << u"http.yml:"_s << 0;
        QTest::newRow("not a mapping") << QByteArray("- a\n- b\n") << int(Error::Parse) << u"must be a mapping"_s << 1;
        QTest::newRow("bool") << QByteArray("tls_config:\n  insecure_skip_verify: maybe\n") << int(Error::Parse)
                              << u"insecure_skip_verify must be true or false"_s << 2;
        QTest::newRow("password and password_file")
            << QByteArray("basic_auth:\n  username: a\n  password: b\n  password_file: c\n") << int(Error::Invalid)
            << u"at most one of basic_auth password and password_file"_s << 2;
        QTest::newRow("basic_auth and authorization")
            << QByteArray("basic_auth:\n  username: a\nauthorization:\n  credentials: t\n") << int(Error::Invalid)
            << u"at most one of basic_auth & authorization"_s << 4;
        QTest::newRow("basic_auth and bearer_token") << QByteArray("basic_auth:\n  username: a\nbearer_token: t\n")
                                                      << int(Error::Invalid) << u"at most one of basic_auth, bearer_token"_s << 1;
        QTest::newRow("type basic") << QByteArray("authorization:\n  type: Basic\n  credentials: x\n") << int(Error::Invalid)
                                    << u"use \"basic_auth\" instead"_s << 2;
        QTest::newRow("other type") << QByteArray("authorization:\n  type: Token\n  credentials: x\n") << int(Error::Invalid)
                                    << u"authorization type Token is not supported by PushDeck (only Bearer)"_s << 2;
        // Ignoring these could send credentials or trust a server where the file says otherwise.
        QTest::newRow("oauth2") << QByteArray("oauth2:\n  client_id: x\n") << int(Error::Invalid)
                                << u"oauth2 is not supported by PushDeck"_s << 1;
        QTest::newRow("proxy_url") << QByteArray("proxy_url: http://proxy:3128\n") << int(Error::Invalid)
                                   << u"proxy_url is not supported by PushDeck"_s << 1;
        QTest::newRow("http_headers") << QByteArray("http_headers:\n  X-A:\n    values: [b]\n") << int(Error::Invalid)
                                      << u"http_headers is not supported"_s << 1;
        QTest::newRow("server_name") << QByteArray("tls_config:\n  server_name: gw\n") << int(Error::Invalid)
                                     << u"tls_config.server_name is not supported by PushDeck"_s << 2;
        QTest::newRow("inline ca") << QByteArray("tls_config:\n  ca: |\n    -----BEGIN\n") << int(Error::Invalid)
                                   << u"tls_config.ca is not supported"_s << 2;
        QTest::newRow("password_ref") << QByteArray("basic_auth:\n  username: a\n  password_ref: x\n") << int(Error::Invalid)
                                      << u"basic_auth.password_ref is not supported"_s << 3;
        QTest::newRow("follow_redirects false") << QByteArray("follow_redirects: false\n") << int(Error::Invalid)
                                                << u"follow_redirects: false is not supported"_s << 1;
        QTest::newRow("cert without key") << QByteArray("tls_config:\n  cert_file: c.pem\n") << int(Error::Invalid)
                                          << u"exactly one of key or key_file"_s << 2;
        QTest::newRow("missing password file")
            << QByteArray("basic_auth:\n  username: a\n  password_file: nosuch\n") << int(Error::NotFound)
            << u"password_file"_s << 0;
    }
    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(int, line);
        const auto config = HttpClientConfig::parse(yaml, m_dir.path(), u"http.yml"_s);
        QVERIFY(!config);
        QCOMPARE(int(config.error().kind), kind);
        QVERIFY2(config.errorString().contains(message), qPrintable(config.errorString()));
        if (line > 0)
            QCOMPARE(config.error().line, line);
        // Secrets never reach a message.
        QVERIFY(!config.errorString().contains(u"s3cret"_s));
    }

    void missingFile()
    {
        const auto config = HttpClientConfig::load(m_dir.filePath(u"nosuch.yml"_s));
        QVERIFY(!config);
        QCOMPARE(config.error().kind, Error::NotFound);
        QVERIFY2(config.errorString().contains(u"nosuch.yml"_s), qPrintable(config.errorString()));
    }

    // The resolver: the config beats the environment, the options beat the config.
    void resolverAppliesConfig()
    {
        auto config = HttpClientConfig::parse("basic_auth:\n  username: ops\n  password_file: secrets/password\n"
                                              "tls_config:\n  ca_file: "
                                                  + m_pki.caFile().toUtf8() + "\n",
                                              m_dir.path(), u"http.yml"_s);
        QVERIFY2(config, qPrintable(config.errorString()));
        ConnectionRequest request;
        request.url = u"https://127.0.0.1:9091"_s;
        request.httpConfig = *config;
        QProcessEnvironment env;
        env.insert(u"PUSHDECK_USER"_s, u"intruder"_s);
        env.insert(u"PUSHDECK_PASSWORD"_s, u"wrong"_s);
        env.insert(u"PUSHDECK_TOKEN"_s, u"wrong-token"_s);
        const auto resolved = resolve(request, env);
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QCOMPARE(resolved->options.authorization, basic(u"ops"_s, u"s3cret pass"_s));
        QVERIFY(resolved->options.ssl);
        QCOMPARE(resolved->profile.caFile, m_pki.caFile());

        // --user on top: that user, the config's password.
        request.user = u"admin"_s;
        auto withUser = resolve(request, env);
        QVERIFY2(withUser, qPrintable(withUser.errorString()));
        QCOMPARE(withUser->options.authorization, basic(u"admin"_s, u"s3cret pass"_s));

        // --token-file on top: bearer from the option.
        request.user.clear();
        request.tokenFile = m_dir.filePath(u"secrets/token"_s);
        auto withToken = resolve(request, env);
        QVERIFY2(withToken, qPrintable(withToken.errorString()));
        QCOMPARE(withToken->options.authorization, QByteArray("Bearer tok-123"));
    }

    void resolverBearerAndEmptyPassword()
    {
        ConnectionRequest request;
        request.url = u"http://127.0.0.1:9091"_s;
        request.httpConfig = HttpClientConfig::parse("authorization:\n  credentials_file: secrets/token\n", m_dir.path(),
                                                     u"http.yml"_s)
                                 .value();
        auto bearer = resolve(request);
        QVERIFY2(bearer, qPrintable(bearer.errorString()));
        QCOMPARE(bearer->options.authorization, QByteArray("Bearer tok-123"));
        QVERIFY(bearer->hasWarning(ConnectionWarning::CredentialsOverPlainHttp));

        // Prometheus sends a basic-auth user without a password as "user:".
        request.httpConfig = HttpClientConfig::parse("basic_auth:\n  username: ops\n", m_dir.path(), u"http.yml"_s).value();
        auto empty = resolve(request);
        QVERIFY2(empty, qPrintable(empty.errorString()));
        QCOMPARE(empty->options.authorization, basic(u"ops"_s, QString()));

        // A config without auth leaves the environment's credentials in play.
        request.httpConfig = HttpClientConfig::parse("tls_config:\n  insecure_skip_verify: false\n", m_dir.path(),
                                                     u"http.yml"_s)
                                 .value();
        QProcessEnvironment env;
        env.insert(u"PUSHDECK_TOKEN"_s, u"from-env"_s);
        auto fromEnv = resolve(request, env);
        QVERIFY2(fromEnv, qPrintable(fromEnv.errorString()));
        QCOMPARE(fromEnv->options.authorization, QByteArray("Bearer from-env"));
    }

    void resolverCertificateFromConfig()
    {
        ConnectionRequest request;
        request.url = u"https://127.0.0.1:9091"_s;
        request.httpConfig = HttpClientConfig::parse("tls_config:\n  ca_file: " + m_pki.caFile().toUtf8() + "\n  cert_file: "
                                                         + m_pki.clientCert().toUtf8() + "\n  key_file: "
                                                         + m_pki.clientKey().toUtf8() + "\n",
                                                     m_dir.path(), u"http.yml"_s)
                                 .value();
        const auto resolved = resolve(request);
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QVERIFY(resolved->options.ssl);
        QVERIFY(!resolved->options.ssl->localCertificate().isNull());

        // A named file that is missing: NotFound, as for --ca-file.
        request.httpConfig->caFile = m_dir.filePath(u"nosuch-ca.pem"_s);
        const auto missing = resolve(request);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Error::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestHttpClientConfig)
#include "tst_httpclientconfig.moc"
