#pragma once
// A Prometheus HTTP client config file, the YAML that amtool and promtool take
// with --http.config.file (prometheus/common config.HTTPClientConfig):
//
//   basic_auth:    {username | username_file, password | password_file}
//   authorization: {type: Bearer, credentials | credentials_file}
//   bearer_token | bearer_token_file        (the older spelling of the above)
//   tls_config:    {ca_file, cert_file, key_file, insecure_skip_verify}
//   follow_redirects: true, enable_http2: ...  (accepted, nothing to do)
//
// Read as Prometheus reads it: unknown fields are errors (UnmarshalStrict),
// relative paths are relative to the file's folder, secrets from files are
// the whole file with surrounding white space trimmed. Settings Prometheus
// has but PushDeck cannot honour (oauth2, proxies, extra headers, TLS server
// name and versions, inline PEM, *_ref, another authorization type) are
// errors too: silently ignoring them could send credentials or trust a
// server where the file says otherwise. ConnectionResolver applies the
// result (ConnectionRequest::httpConfig).

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace PushDeck {

struct HttpClientConfig
{
    QString path; // the file it was read from, for messages

    struct BasicAuth
    {
        QString username;
        QString password; // may be empty, as in Prometheus
    };
    std::optional<BasicAuth> basicAuth;
    std::optional<QString> bearerToken; // authorization (Bearer) or bearer_token

    // Absolute paths (relative ones resolved against the file's folder).
    QString caFile;
    QString certFile;
    QString keyFile;
    bool insecureSkipVerify = false;

    bool hasAuth() const { return basicAuth || bearerToken; }
    bool hasTls() const { return !caFile.isEmpty() || !certFile.isEmpty() || !keyFile.isEmpty() || insecureSkipVerify; }

    // Reads and checks the file and the secrets it names. Errors: NotFound
    // (the file or a file it names cannot be read), Parse (not YAML, an
    // unknown field or a wrong type; with line and column), Invalid
    // (contradicting or unsupported settings).
    static Result<HttpClientConfig> load(const QString &path);
    // The same for text; `directory` resolves relative paths, `name` is
    // what messages call the file.
    static Result<HttpClientConfig> parse(const QByteArray &yaml, const QString &directory, const QString &name);
};

} // namespace PushDeck
