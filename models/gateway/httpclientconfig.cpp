#include "gateway/httpclientconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HttpClientConfig", text);
}

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Everything that goes wrong is one of these, thrown inside parse() only.
struct ConfigError
{
    Error error;
};

[[noreturn]] void fail(Error::Kind kind, const QString &name, const YAML::Node &node, const QString &message)
{
    Error error = Error::make(kind, message);
    const YAML::Mark mark = node.Mark();
    if (!mark.is_null()) {
        error.line = mark.line + 1;
        error.column = mark.column + 1;
        error.message = u"%1:%2: %3"_s.arg(name).arg(error.line).arg(message);
    } else {
        error.message = u"%1: %2"_s.arg(name, message);
    }
    throw ConfigError{error};
}

class Reader
{
public:
    Reader(QString name, QString directory)
        : m_name(std::move(name))
        , m_directory(std::move(directory))
    {
    }

    // A mapping whose keys must all be in `known`; `unsupported` keys are
    // Prometheus's but not PushDeck's. `where` names the section.
    void checkKeys(const YAML::Node &map, const QString &where, const std::set<std::string> &known,
                   const std::set<std::string> &unsupported) const
    {
        if (!map.IsMap())
            fail(Error::Parse, m_name, map, tr("%1 must be a mapping").arg(where));
        std::set<std::string> seen;
        for (const auto &entry : map) {
            const std::string key = entry.first.Scalar();
            if (!seen.insert(key).second)
                fail(Error::Parse, m_name, entry.first, tr("field %1 already set").arg(fromStd(key)));
            if (unsupported.count(key)) {
                fail(Error::Invalid, m_name, entry.first,
                     tr("%1%2 is not supported by PushDeck").arg(where.isEmpty() ? QString() : where + u'.', fromStd(key)));
            }
            if (!known.count(key)) {
                fail(Error::Parse, m_name, entry.first,
                     tr("field %1 not found in %2").arg(fromStd(key), where.isEmpty() ? tr("the HTTP client config") : where));
            }
        }
    }

    QString string(const YAML::Node &map, const char *key) const
    {
        const YAML::Node node = map[key];
        if (!node || node.IsNull())
            return {};
        if (!node.IsScalar())
            fail(Error::Parse, m_name, node, tr("%1 must be a string").arg(QLatin1StringView(key)));
        return fromStd(node.Scalar());
    }

    bool boolean(const YAML::Node &map, const char *key, bool fallback) const
    {
        const YAML::Node node = map[key];
        if (!node || node.IsNull())
            return fallback;
        bool value = false;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
            fail(Error::Parse, m_name, node, tr("%1 must be true or false").arg(QLatin1StringView(key)));
        return value;
    }

    QString path(const YAML::Node &map, const char *key) const
    {
        const QString value = string(map, key);
        if (value.isEmpty() || QDir::isAbsolutePath(value))
            return value;
        return QDir::cleanPath(m_directory + u'/' + value);
    }

    // A secret or a name from a file: the whole file, trimmed (as Prometheus).
    QString readFile(const YAML::Node &map, const char *key) const
    {
        const QString file = path(map, key);
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            throw ConfigError{Error::make(Error::NotFound, tr("%1: %2 %3: cannot read: %4")
                                                               .arg(m_name, QLatin1StringView(key), file, input.errorString()))};
        return QString::fromUtf8(input.readAll()).trimmed();
    }

    // `plain` or `fromFile` (never both): the value, or nullopt when neither.
    std::optional<QString> either(const YAML::Node &map, const QString &where, const char *plain, const char *fromFile) const
    {
        const bool hasPlain = !string(map, plain).isEmpty();
        const bool hasFile = !string(map, fromFile).isEmpty();
        if (hasPlain && hasFile)
            fail(Error::Invalid, m_name, map, tr("at most one of %1 %2 and %3 must be configured")
                                                  .arg(where, QLatin1StringView(plain), QLatin1StringView(fromFile)));
        if (hasPlain)
            return string(map, plain);
        if (hasFile)
            return readFile(map, fromFile);
        return std::nullopt;
    }

    const QString &name() const { return m_name; }

private:
    QString m_name;
    QString m_directory;
};

} // namespace

Result<HttpClientConfig> HttpClientConfig::load(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return Error::make(Error::NotFound, tr("cannot read %1: %2")
                                                .arg(path, QFileInfo::exists(path) ? file.errorString() : tr("no such file")));
    return parse(file.readAll(), QFileInfo(path).absolutePath(), path);
}

Result<HttpClientConfig> HttpClientConfig::parse(const QByteArray &yaml, const QString &directory, const QString &name)
{
    HttpClientConfig config;
    config.path = name;
    const Reader reader(name, directory);
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root || root.IsNull())
            return config; // an empty file: no auth, no TLS settings
        reader.checkKeys(root, {},
                         {"basic_auth", "authorization", "bearer_token", "bearer_token_file", "tls_config",
                          "follow_redirects", "enable_http2", "oauth2", "proxy_url", "no_proxy", "proxy_from_environment",
                          "proxy_connect_header", "http_headers"},
                         {"oauth2", "proxy_url", "no_proxy", "proxy_from_environment", "proxy_connect_header",
                          "http_headers"});
        // Redirects are followed within the same origin only (GatewayClient).
        if (!reader.boolean(root, "follow_redirects", true))
            fail(Error::Invalid, name, root["follow_redirects"], tr("follow_redirects: false is not supported by PushDeck"));
        (void)reader.boolean(root, "enable_http2", true); // Qt negotiates; only the type is checked

        if (const YAML::Node basic = root["basic_auth"]; basic && !basic.IsNull()) {
            reader.checkKeys(basic, u"basic_auth"_s,
                             {"username", "username_file", "password", "password_file", "username_ref", "password_ref"},
                             {"username_ref", "password_ref"});
            BasicAuth auth;
            auth.username = reader.either(basic, u"basic_auth"_s, "username", "username_file").value_or(QString());
            auth.password = reader.either(basic, u"basic_auth"_s, "password", "password_file").value_or(QString());
            config.basicAuth = auth;
        }
        const YAML::Node authorization = root["authorization"];
        const bool hasAuthorization = authorization && !authorization.IsNull();
        const bool hasBearer = !reader.string(root, "bearer_token").isEmpty() || !reader.string(root, "bearer_token_file").isEmpty();
        if (hasBearer) {
            if (config.basicAuth)
                fail(Error::Invalid, name, root, tr("at most one of basic_auth, bearer_token & bearer_token_file must be configured"));
            if (hasAuthorization)
                fail(Error::Invalid, name, authorization, tr("authorization is not compatible with bearer_token & bearer_token_file"));
            config.bearerToken = reader.either(root, {}, "bearer_token", "bearer_token_file");
        }
        if (hasAuthorization) {
            reader.checkKeys(authorization, u"authorization"_s, {"type", "credentials", "credentials_file", "credentials_ref"},
                             {"credentials_ref"});
            if (config.basicAuth)
                fail(Error::Invalid, name, authorization, tr("at most one of basic_auth & authorization must be configured"));
            const QString type = reader.string(authorization, "type").trimmed();
            if (type.compare(u"basic"_s, Qt::CaseInsensitive) == 0)
                fail(Error::Invalid, name, authorization["type"],
                     tr("authorization type cannot be set to \"basic\", use \"basic_auth\" instead"));
            if (!type.isEmpty() && type.compare(u"bearer"_s, Qt::CaseInsensitive) != 0)
                fail(Error::Invalid, name, authorization["type"],
                     tr("authorization type %1 is not supported by PushDeck (only Bearer)").arg(type));
            // Prometheus sends "Bearer " with empty credentials; so do we.
            config.bearerToken = reader.either(authorization, u"authorization"_s, "credentials", "credentials_file")
                                     .value_or(QString());
        }
        if (const YAML::Node tls = root["tls_config"]; tls && !tls.IsNull()) {
            reader.checkKeys(tls, u"tls_config"_s,
                             {"ca_file", "cert_file", "key_file", "insecure_skip_verify", "ca", "cert", "key", "ca_ref",
                              "cert_ref", "key_ref", "server_name", "min_version", "max_version"},
                             {"ca", "cert", "key", "ca_ref", "cert_ref", "key_ref", "server_name", "min_version",
                              "max_version"});
            config.caFile = reader.path(tls, "ca_file");
            config.certFile = reader.path(tls, "cert_file");
            config.keyFile = reader.path(tls, "key_file");
            config.insecureSkipVerify = reader.boolean(tls, "insecure_skip_verify", false);
            if (config.certFile.isEmpty() != config.keyFile.isEmpty())
                fail(Error::Invalid, name, tls,
                     config.certFile.isEmpty()
                         ? tr("exactly one of cert or cert_file must be configured when a client key is configured")
                         : tr("exactly one of key or key_file must be configured when a client certificate is configured"));
        }
    } catch (const ConfigError &error) {
        return error.error;
    } catch (const YAML::Exception &error) {
        Error parseError = Error::make(Error::Parse, {});
        if (!error.mark.is_null()) {
            parseError.line = error.mark.line + 1;
            parseError.column = error.mark.column + 1;
            parseError.message = u"%1:%2: %3"_s.arg(name).arg(parseError.line).arg(fromStd(error.msg));
        } else {
            parseError.message = u"%1: %2"_s.arg(name, fromStd(error.msg));
        }
        return parseError;
    }
    return config;
}

} // namespace PushDeck
