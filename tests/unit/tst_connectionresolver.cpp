// ConnectionResolver: saved profile and/or explicit options → base URL,
// ClientOptions and warnings. Secrets from files and from an environment
// given to the resolver (never the keyring: no store is set, so a secret
// only the keyring would have is a Keyring error), the error kinds the
// front ends map (Invalid, NotFound, Keyring) and their messages.

#include "gateway/connectionresolver.h"
#include "gateway/credentialstore.h"
#include "core/awaitfuture.h"
#include "tlsfixture.h"

#include <QFile>
#include <QSettings>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestConnectionResolver : public QObject
{
    Q_OBJECT

    TlsFixture m_pki;
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        return file.fileName();
    }

    static ConnectionProfile basicProfile()
    {
        ConnectionProfile p;
        p.name = u"prod"_s;
        p.url = u"http://gw.example:9091"_s;
        p.routePrefix = u"/pg/"_s;
        p.auth = ConnectionProfile::Auth::Basic;
        p.username = u"alice"_s;
        return p;
    }

    static QProcessEnvironment environment(std::initializer_list<std::pair<const char *, const char *>> values)
    {
        QProcessEnvironment env;
        for (const auto &[name, value] : values)
            env.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        return env;
    }

    static QByteArray basic(const QString &user, const QString &password)
    {
        return "Basic " + (user + u':' + password).toUtf8().toBase64();
    }

    // A request for `url`; `with` sets more fields.
    static ConnectionRequest forUrl(const QString &url, const std::function<void(ConnectionRequest &)> &with = {})
    {
        ConnectionRequest r;
        r.url = url;
        if (with)
            with(r);
        return r;
    }

    // resolve() without a keyring never waits: its future is ready.
    static Result<ResolvedConnection> resolveNow(const ConnectionResolver &resolver, const ConnectionRequest &request)
    {
        const auto future = resolver.resolve(request);
        if (!future.isFinished())
            qWarning("resolve() did not finish at once");
        return awaitFuture(future);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString()));
    }

    void savedProfile()
    {
        QSettings settings(m_dir.filePath(u"profiles.ini"_s), QSettings::IniFormat);
        const auto none = ConnectionResolver::savedProfile(settings, u"prod"_s);
        QVERIFY(!none);
        QCOMPARE(none.error().kind, Error::Invalid);
        QCOMPARE(none.errorString(),
                 u"no connection profile \"prod\" (known: none; add one with pushdeckctl profile add, or in PushDeck's Gateway > Connections)"_s);

        ConnectionProfile::save(settings, basicProfile());
        ConnectionProfile other = basicProfile();
        other.name = u"staging"_s;
        ConnectionProfile::save(settings, other);
        const auto found = ConnectionResolver::savedProfile(settings, u"prod"_s);
        QVERIFY2(found, qPrintable(found.errorString()));
        QCOMPARE(*found, basicProfile());
        const auto unknown = ConnectionResolver::savedProfile(settings, u"nope"_s);
        QVERIFY(!unknown);
        QCOMPARE(unknown.errorString(), u"no connection profile \"nope\" (known: prod, staging)"_s);
    }

    void profileWithPasswordFile()
    {
        ConnectionResolver resolver;
        ConnectionRequest request;
        request.profile = basicProfile();
        // The first line only, without its line break.
        request.passwordFile = writeFile(u"password"_s, "s3cret\r\nsecond line\n");
        request.base.timeoutMs = 1234;
        const auto resolved = resolveNow(resolver, request);
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QCOMPARE(resolved->baseUrl, QUrl(u"http://gw.example:9091/pg"_s));
        QCOMPARE(resolved->options.authorization, basic(u"alice"_s, u"s3cret"_s));
        QCOMPARE(resolved->options.timeoutMs, 1234);
        QVERIFY(!resolved->options.ssl);
        QCOMPARE(resolved->profile.name, u"prod"_s);
        QCOMPARE(resolved->warnings, QList<ConnectionWarning>{ConnectionWarning::CredentialsOverPlainHttp});
    }

    void tokenFileMakesBearer()
    {
        ConnectionResolver resolver;
        ConnectionRequest request;
        request.profile = basicProfile();
        request.tokenFile = writeFile(u"token"_s, "t0k3n\n");
        const auto resolved = resolveNow(resolver, request);
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QCOMPARE(resolved->profile.auth, ConnectionProfile::Auth::Bearer);
        QCOMPARE(resolved->options.authorization, QByteArray("Bearer t0k3n"));
    }

    void urlReplacesProfileUrl()
    {
        ConnectionResolver resolver;
        ConnectionRequest request;
        request.profile = basicProfile();
        request.url = u"http://other:9091"_s;
        request.passwordFile = writeFile(u"password"_s, "pw");
        const auto resolved = resolveNow(resolver, request);
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        // The profile's route prefix belongs to its URL, not to this one.
        QCOMPARE(resolved->baseUrl, QUrl(u"http://other:9091"_s));
    }

    void environmentSecrets()
    {
        ConnectionResolver resolver;
        resolver.setEnvironment(environment({{"PUSHDECK_USER", "bob"}, {"PUSHDECK_PASSWORD", "from env"}}));
        ConnectionRequest request;
        request.url = u"https://gw.example"_s;
        auto resolved = resolveNow(resolver, request);
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QCOMPARE(resolved->options.authorization, basic(u"bob"_s, u"from env"_s));
        QVERIFY(resolved->warnings.isEmpty());

        // --user beats PUSHDECK_USER; a password file beats PUSHDECK_PASSWORD.
        request.user = u"carol"_s;
        request.passwordFile = writeFile(u"password"_s, "from file\n");
        resolved = resolveNow(resolver, request);
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QCOMPARE(resolved->options.authorization, basic(u"carol"_s, u"from file"_s));

        // A token alone makes bearer authentication.
        resolver.setEnvironment(environment({{"PUSHDECK_TOKEN", "env-token"}}));
        resolved = resolveNow(resolver, forUrl(u"https://gw.example"_s));
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QCOMPARE(resolved->options.authorization, QByteArray("Bearer env-token"));

        // The environment of the process is not read unless given (the window).
        qputenv("PUSHDECK_TOKEN", "process-token");
        resolved = resolveNow(ConnectionResolver(), forUrl(u"https://gw.example"_s));
        qunsetenv("PUSHDECK_TOKEN");
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QVERIFY(resolved->options.authorization.isEmpty());
    }

    void passwordNeedsUser()
    {
        ConnectionResolver resolver;
        resolver.setEnvironment(environment({{"PUSHDECK_PASSWORD", "pw"}}));
        auto resolved = resolveNow(resolver, forUrl(u"https://gw.example"_s));
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, Error::Invalid);
        QCOMPARE(resolved.errorString(),
                 u"a password (PUSHDECK_PASSWORD) needs a user name: pass --user NAME (or set PUSHDECK_USER)"_s);

        resolved = resolveNow(ConnectionResolver(), forUrl(u"https://gw.example"_s, [&](ConnectionRequest &r) {
            r.passwordFile = writeFile(u"password"_s, "pw");
        }));
        QVERIFY(!resolved);
        QVERIFY2(resolved.errorString().startsWith(u"a password (--password-file) needs a user name"_s),
                 qPrintable(resolved.errorString()));

        resolved = resolveNow(ConnectionResolver(), forUrl(u"https://gw.example"_s, [](ConnectionRequest &r) {
            r.passwordFile = u"a"_s;
            r.tokenFile = u"b"_s;
        }));
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, Error::Invalid);
        QCOMPARE(resolved.errorString(), u"give either --password-file or --token-file, not both"_s);
    }

    void noSecret()
    {
        // Options only: nothing to ask, say how to pass one.
        auto resolved = resolveNow(ConnectionResolver(), forUrl(u"https://gw.example"_s, [](ConnectionRequest &r) { r.user = u"bob"_s; }));
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, Error::Invalid);
        QCOMPARE(resolved.errorString(),
                 u"basic authentication needs a secret: set PUSHDECK_PASSWORD or pass --password-file FILE"_s);

        // A profile: the keyring would be asked; without one, a Keyring error.
        ConnectionResolver resolver;
        ConnectionRequest request;
        request.profile = basicProfile();
        const auto pending = resolver.prepare(request);
        QVERIFY2(pending, qPrintable(pending.errorString()));
        QVERIFY(pending->needsKeyring());
        resolved = resolveNow(resolver, request);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, Error::Keyring);
        QVERIFY2(resolved.errorString().startsWith(u"no secret for profile \"prod\": "_s)
                     && resolved.errorString().endsWith(u"; set PUSHDECK_PASSWORD or pass --password-file FILE"_s),
                 qPrintable(resolved.errorString()));

        // A secret typed earlier in this process: no keyring needed.
        CredentialStore::rememberForSession(u"prod"_s, u"typed"_s);
        const auto session = resolver.prepare(request);
        CredentialStore::forgetSession(u"prod"_s);
        QVERIFY2(session, qPrintable(session.errorString()));
        QVERIFY(!session->needsKeyring());
        const auto finished = ConnectionResolver::finish(*session, *session->secret);
        QVERIFY2(finished, qPrintable(finished.errorString()));
        QCOMPARE(finished->options.authorization, basic(u"alice"_s, u"typed"_s));
    }

    void missingFiles_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("expected");
        QTest::newRow("password file") << u"password"_s << u"--password-file %1: cannot read: "_s;
        QTest::newRow("token file") << u"token"_s << u"--token-file %1: cannot read: "_s;
        QTest::newRow("CA file") << u"ca"_s << u"CA file %1 does not exist"_s;
        QTest::newRow("client certificate") << u"cert"_s << u"client certificate %1 does not exist"_s;
        QTest::newRow("client key") << u"key"_s << u"client key %1 does not exist"_s;
    }

    void missingFiles()
    {
        QFETCH(QString, option);
        QFETCH(QString, expected);
        const QString missing = m_dir.filePath(u"missing.pem"_s);
        ConnectionRequest request;
        request.url = u"https://gw.example"_s;
        if (option == u"password"_s) {
            request.user = u"bob"_s;
            request.passwordFile = missing;
        } else if (option == u"token"_s) {
            request.tokenFile = missing;
        } else if (option == u"ca"_s) {
            request.caFile = missing;
        } else {
            request.certFile = option == u"cert"_s ? missing : m_pki.clientCert();
            request.keyFile = option == u"key"_s ? missing : m_pki.clientKey();
        }
        const auto resolved = resolveNow(ConnectionResolver(), request);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, Error::NotFound);
        QVERIFY2(resolved.errorString().startsWith(expected.arg(missing)), qPrintable(resolved.errorString()));
    }

    void emptySecretFile()
    {
        const QString empty = writeFile(u"empty"_s, "\n");
        const auto resolved = resolveNow(ConnectionResolver(), forUrl(u"https://gw.example"_s, [&](ConnectionRequest &r) { r.tokenFile = empty; }));
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, Error::NotFound);
        QCOMPARE(resolved.errorString(), u"--token-file %1 is empty"_s.arg(empty));
    }

    void tlsFiles()
    {
        ConnectionRequest request;
        request.url = u"https://gw.example"_s;
        request.caFile = m_pki.caFile();
        request.certFile = m_pki.clientCert();
        request.keyFile = m_pki.clientKey();
        const auto resolved = resolveNow(ConnectionResolver(), request);
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QVERIFY(resolved->options.ssl);
        QVERIFY(!resolved->options.ssl->localCertificate().isNull());
        QVERIFY(!resolved->options.ssl->privateKey().isNull());
        QVERIFY(resolved->warnings.isEmpty());

        // Files that are there but wrong are Invalid, not NotFound.
        request.keyFile = m_pki.otherClientKey();
        const auto mismatch = resolveNow(ConnectionResolver(), request);
        QVERIFY(!mismatch);
        QCOMPARE(mismatch.error().kind, Error::Invalid);
        QVERIFY2(mismatch.errorString().contains(u"does not belong"_s), qPrintable(mismatch.errorString()));

        request.keyFile.clear();
        const auto keyless = resolveNow(ConnectionResolver(), request);
        QVERIFY(!keyless);
        QCOMPARE(keyless.error().kind, Error::Invalid);
        QVERIFY2(keyless.errorString().contains(u"private key"_s), qPrintable(keyless.errorString()));
    }

    void badUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("scheme") << u"ftp://gw.example"_s << u"ftp"_s;
        QTest::newRow("empty") << QString() << QString();
    }

    void badUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const auto resolved = resolveNow(ConnectionResolver(), forUrl(url));
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, Error::Invalid);
        QVERIFY(!resolved.errorString().isEmpty());
        QVERIFY2(resolved.errorString().contains(expected), qPrintable(resolved.errorString()));
        // The same message as the profile's own check.
        ConnectionProfile p;
        p.name = u"x"_s;
        p.url = url;
        QCOMPARE(resolved.errorString(), p.problems().join(u"; "_s));
    }

    void warnings()
    {
        // Skipped verification: https only, and always said.
        auto resolved = resolveNow(ConnectionResolver(), forUrl(u"https://gw.example"_s, [](ConnectionRequest &r) { r.skipVerify = true; }));
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QVERIFY(resolved->options.skipsVerification());
        QCOMPARE(resolved->warnings, QList<ConnectionWarning>{ConnectionWarning::SkipsVerification});

        resolved = resolveNow(ConnectionResolver(), forUrl(u"http://gw.example"_s, [](ConnectionRequest &r) { r.skipVerify = true; }));
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, Error::Invalid);
        QVERIFY2(resolved.errorString().contains(u"https"_s), qPrintable(resolved.errorString()));

        // Credentials over plain http.
        ConnectionResolver resolver;
        resolver.setEnvironment(environment({{"PUSHDECK_TOKEN", "t"}}));
        resolved = resolveNow(resolver, forUrl(u"http://gw.example"_s));
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QCOMPARE(resolved->warnings, QList<ConnectionWarning>{ConnectionWarning::CredentialsOverPlainHttp});
        QVERIFY(resolved->hasWarning(ConnectionWarning::CredentialsOverPlainHttp));

        // No credentials, plain http: nothing to warn about.
        resolved = resolveNow(ConnectionResolver(), forUrl(u"http://gw.example"_s));
        QVERIFY2(resolved, qPrintable(resolved.errorString()));
        QVERIFY(resolved->warnings.isEmpty());

        // The same checks for a profile as it is (finish() alone).
        ConnectionProfile insecure = basicProfile();
        insecure.url = u"https://gw.example"_s;
        insecure.skipVerify = true;
        const auto both = ConnectionResolver::finish(insecure, u"pw"_s);
        QVERIFY2(both, qPrintable(both.errorString()));
        QCOMPARE(both->warnings, QList<ConnectionWarning>{ConnectionWarning::SkipsVerification});
        insecure.url = u"http://gw.example"_s;
        insecure.skipVerify = false;
        const auto plain = ConnectionResolver::finish(insecure, u"pw"_s);
        QVERIFY2(plain, qPrintable(plain.errorString()));
        QCOMPARE(plain->warnings, QList<ConnectionWarning>{ConnectionWarning::CredentialsOverPlainHttp});
    }
};

QTEST_GUILESS_MAIN(TestConnectionResolver)
#include "tst_connectionresolver.moc"
