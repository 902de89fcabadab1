#pragma once
// Asynchronous client for one Pushgateway's HTTP API (QtNetwork, GUI thread).
// Every call returns a QFuture of a Result: either the value or an Error that
// says what happened (HTTP status with the gateway's own text, timeout, TLS,
// refused, or "this is not a Pushgateway"). Big answers are decoded off the
// calling thread.

#include "core/metrics.h"

#include <QFuture>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <array>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace PushDeck {

struct ClientOptions
{
    int timeoutMs = 30000;
    qint64 maxResponseBytes = 512LL * 1024 * 1024; // answers above this fail with TooLarge
    QByteArray authorization;                       // full Authorization header value, if any
    // https only: CA certificates, client certificate and key, peer
    // verification (ConnectionProfile::clientOptions builds it). Unset: Qt's
    // defaults (system CAs, full verification).
    std::optional<QSslConfiguration> ssl;

    // True when the server's certificate is not checked (skip verification):
    // every front end shows this as a persistent warning.
    bool skipsVerification() const { return ssl && ssl->peerVerifyMode() == QSslSocket::VerifyNone; }
};

struct PushResult
{
    int httpStatus = 0;
};

// The raw exposition at /metrics (cheap poll source), text or protobuf.
struct MetricsExposition
{
    QByteArray body;         // inflated
    qint64 wireBytes = 0;    // bytes received on the wire (compressed)
    QByteArray contentType;  // as answered: says which format the body is in
};

// "1.11.0", "v1.5.1", "1.11.0-rc.0" → {1, 11, 0}; nullopt when unreadable.
std::optional<std::array<int, 3>> parseGatewayVersion(QStringView version);
// How `key` must be written into a push path for the gateway that answered
// `status` (version and flags of /api/v1/status), or an error that says why
// this gateway cannot take it, before anything is sent: UTF-8 label names
// need Pushgateway 1.11 started with --push.enable-utf8-names (which reads
// them in prometheus/common's U__ encoding); older gateways refuse them.
Result<GroupingKey::PathNames> pathNamesFor(const GroupingKey &key, const GatewayStatus &status);

class GatewayClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayClient)
public:
    // `baseUrl` may carry a route prefix (http://host:9091/pushgateway).
    explicit GatewayClient(QUrl baseUrl, QObject *parent = nullptr);
    ~GatewayClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setOptions(const ClientOptions &options) { m_options = options; }
    const ClientOptions &options() const { return m_options; }
    // Checks scheme and host; an error says what is wrong with the URL.
    static Result<QUrl> normalizeUrl(const QString &text);

    QFuture<Result<GatewayStatus>> status();
    // /api/v1/status of a gateway through a client made for this one
    // request (a connection test): it lives until the answer arrived.
    static QFuture<Result<GatewayStatus>> statusOf(const QUrl &baseUrl, const ClientOptions &options);
    // The version of the Prometheus at `prometheusUrl` (its
    // /api/v1/status/buildinfo, e.g. "2.42.0"), through a client made for
    // this one request. An error when it does not answer like Prometheus.
    static QFuture<Result<QString>> prometheusVersionOf(const QUrl &prometheusUrl, const ClientOptions &options);
    QFuture<Result<QList<Group>>> groups();
    QFuture<Result<MetricsExposition>> metricsText(); // GET /metrics with gzip
    // GET /metrics with gzip, asking for the protobuf delimited format (less
    // than half the bytes of text). The answer may still be text (an old
    // gateway, a proxy): check contentType.
    QFuture<Result<MetricsExposition>> metricsProtobuf();
    QFuture<Result<Done>> ready();
    // PUT (replace = true: the whole group) or POST (only the families in the
    // body; an empty body updates the push time only).
    QFuture<Result<PushResult>> push(const GroupingKey &key, const QByteArray &text, bool replace);
    // The gateway answers 202 whether or not the group exists and applies
    // deletes asynchronously: success here means "accepted", callers verify
    // by reading again.
    QFuture<Result<Done>> deleteGroup(const GroupingKey &key);
    QFuture<Result<Done>> wipe(); // admin API

    QUrl urlFor(const QString &path) const;

private:
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                        const QByteArray &contentType = {}, const QByteArray &acceptEncoding = {},
                        const QByteArray &accept = {});
    QFuture<Result<MetricsExposition>> metrics(const QByteArray &accept);
    // Calls send(names) with the path names `key` needs on this gateway: at
    // once for a classic key, else after reading /api/v1/status (an error
    // when the gateway cannot take the key: nothing is sent then).
    QFuture<Result<PushResult>> pushTo(const GroupingKey &key, const QString &path, const QByteArray &text, bool replace);
    template<typename T, typename Send>
    QFuture<Result<T>> withPathNames(const GroupingKey &key, Send send);

    QUrl m_baseUrl;
    ClientOptions m_options;
    QNetworkAccessManager *m_nam;
};

} // namespace PushDeck
