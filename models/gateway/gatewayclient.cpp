#include "gateway/gatewayclient.h"

#include "format/exactkeys.h"
#include "format/gzip.h"
#include "format/metricsdecoder.h"
#include "core/promql.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QSslError>
#include <QTimer>
#include <QtConcurrent>

#include <memory>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray contentEncoding; // set only when we asked for an encoding ourselves
    qint64 wireBytes = 0;
};

// The first line of a server's error text, short enough for a status bar.
QString shortText(const QByteArray &body)
{
    QString text = QString::fromUtf8(body).trimmed();
    text = text.section(u'\n', 0, 0).trimmed();
    if (text.size() > 300)
        text = text.left(297) + u"..."_s;
    return text;
}

// OpenSSL's text for the alert a server sends when it wants a client
// certificate ("tlsv13 alert certificate required", "sslv3 alert handshake
// failure" with TLS 1.2) or does not trust the one it got.
bool clientCertificateRequired(const QString &errorString)
{
    return errorString.contains(u"certificate required"_s, Qt::CaseInsensitive)
        || errorString.contains(u"alert bad certificate"_s, Qt::CaseInsensitive)
        || errorString.contains(u"alert unknown ca"_s, Qt::CaseInsensitive)
        || errorString.contains(u"alert handshake failure"_s, Qt::CaseInsensitive);
}

// Go's TLS stack answers a missing or untrusted client certificate with a
// "bad certificate" alert that the client reads after its handshake.
Error clientCertificateError(const QString &where, const QString &detail, bool haveClientCertificate)
{
    return Error::make(Error::Tls,
                       haveClientCertificate
                           ? QCoreApplication::translate("GatewayClient",
                                                         "TLS: %1 refused our client certificate (%2); give a certificate and key "
                                                         "signed by a CA the gateway trusts (pushdeckctl --cert/--key, or the "
                                                         "connection profile)")
                                 .arg(where, detail)
                           : QCoreApplication::translate("GatewayClient",
                                                         "TLS: %1 requires a client certificate and none was given (%2); pass "
                                                         "--cert and --key (or set them in the connection profile)")
                                 .arg(where, detail));
}

bool looksLikeHtml(const QByteArray &body)
{
    for (char c : body) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        return c == '<';
    }
    return false;
}

// Makes a 404/HTML answer on an API path into "not a Pushgateway".
template<typename T>
Result<T> notAGatewayIfApiMissing(const Error &error, const QUrl &url)
{
    if (error.kind == Error::Http && error.httpStatus == 404) {
        return Error::make(Error::NotAGateway,
                           QCoreApplication::translate("GatewayClient",
                                                       "%1 answered 404: no Pushgateway API there (wrong URL or route prefix?)")
                               .arg(url.toDisplayString()));
    }
    return error;
}

Error tlsError(const QString &where, const QString &errorString, const QStringList &sslErrors, bool haveClientCertificate)
{
    QStringList details = sslErrors;
    details.removeDuplicates();
    const QString detail = details.isEmpty() ? errorString : details.join(u"; "_s);
    const bool certificate = !details.isEmpty() || errorString.contains(u"certificate"_s, Qt::CaseInsensitive);
    if (certificate && !clientCertificateRequired(errorString)) {
        return Error::make(Error::Tls,
                           QCoreApplication::translate("GatewayClient",
                                                       "TLS: the certificate of %1 is not trusted (%2); pass --ca-file with the CA "
                                                       "certificate that signed it (or set the CA file of the connection profile)")
                               .arg(where, detail));
    }
    if (clientCertificateRequired(errorString))
        return clientCertificateError(where, detail, haveClientCertificate);
    return Error::make(Error::Tls, QCoreApplication::translate("GatewayClient", "TLS: handshake with %1 failed: %2").arg(where, detail));
}

// Redirects are followed only within the same scheme, host and port (the
// Authorization header must never reach another server); anything else ends
// here with the target named.
Error redirectRefused(const QString &where, QNetworkReply *reply)
{
    const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    const QString to = target.isEmpty() ? QString::fromLatin1(reply->rawHeader("Location")) : target.toDisplayString(QUrl::RemoveUserInfo);
    Error error = Error::make(Error::Network,
                              QCoreApplication::translate("GatewayClient",
                                                          "%1 redirects to %2, another origin; not followed so that credentials "
                                                          "stay with the gateway (use the final URL)")
                                  .arg(where, to));
    error.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return error;
}

// Whether an answer with an error status is an Error (the default) or an
// HttpAnswer with its status and body, for callers that read the body.
enum class Statuses { SuccessOnly, Any };

QFuture<Result<HttpAnswer>> collect(QNetworkReply *reply, const ClientOptions &options,
                                    Statuses statuses = Statuses::SuccessOnly)
{
    auto promise = std::make_shared<QPromise<Result<HttpAnswer>>>();
    promise->start();
    auto reason = std::make_shared<Error::Kind>(Error::None);
    auto wire = std::make_shared<qint64>(0);
    auto sslErrors = std::make_shared<QStringList>();
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [sslErrors](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            sslErrors->append(e.errorString());
    });
    const qint64 limit = options.maxResponseBytes;

    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, reply, [reply, reason] {
        *reason = Error::Timeout;
        reply->abort();
    });
    timer->start(options.timeoutMs);

    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, reason, limit] {
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (limit > 0 && length > limit) {
            *reason = Error::TooLarge;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply, reason, limit, wire](qint64 received, qint64) {
        *wire = received;
        if (limit > 0 && (received > limit || reply->bytesAvailable() > limit)) {
            *reason = Error::TooLarge;
            reply->abort();
        }
    });

    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise, reason, wire, options, sslErrors, statuses] {
        reply->deleteLater();
        const QUrl url = reply->request().url();
        const QString where = url.toDisplayString(QUrl::RemoveUserInfo);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool haveClientCertificate = options.ssl && !options.ssl->localCertificate().isNull();
        auto finish = [&](Result<HttpAnswer> result) {
            promise->addResult(std::move(result));
            promise->finish();
        };

        if (*reason == Error::Timeout) {
            finish(Error::make(Error::Timeout,
                               QCoreApplication::translate("GatewayClient", "%1: no complete answer within %2 s")
                                   .arg(where)
                                   .arg(options.timeoutMs / 1000.0)));
            return;
        }
        if (*reason == Error::TooLarge) {
            finish(Error::make(Error::TooLarge,
                               QCoreApplication::translate("GatewayClient", "%1: answer larger than the limit of %2 MB")
                                   .arg(where)
                                   .arg(options.maxResponseBytes / (1024.0 * 1024.0), 0, 'f', 0)));
            return;
        }

        const QByteArray body = reply->readAll();
        const QNetworkReply::NetworkError netError = reply->error();
        if (status == 0 || (netError != QNetworkReply::NoError && netError < QNetworkReply::ContentAccessDenied)) {
            Error::Kind kind = Error::Network;
            switch (netError) {
            case QNetworkReply::SslHandshakeFailedError:
                finish(tlsError(where, reply->errorString(), *sslErrors, haveClientCertificate));
                return;
            case QNetworkReply::InsecureRedirectError:
            case QNetworkReply::ProtocolUnknownError:
                if (status >= 300 && status < 400) {
                    finish(redirectRefused(where, reply));
                    return;
                }
                break;
            case QNetworkReply::TimeoutError:
                kind = Error::Timeout;
                break;
            case QNetworkReply::OperationCanceledError:
                kind = Error::Cancelled;
                break;
            default:
                break;
            }
            // A gateway that requires a client certificate ends the TLS 1.3
            // handshake with an alert the client only reads afterwards.
            if (url.scheme() == u"https"_s && kind == Error::Network && clientCertificateRequired(reply->errorString())) {
                finish(clientCertificateError(where, reply->errorString(), haveClientCertificate));
                return;
            }
            finish(Error::make(kind, QStringLiteral("%1: %2").arg(where, reply->errorString())));
            return;
        }
        if (status >= 300 && status < 400) {
            finish(redirectRefused(where, reply));
            return;
        }
        if (statuses == Statuses::Any && status >= 400 && status != 401 && status != 403) {
            HttpAnswer answer;
            answer.status = status;
            answer.body = body;
            answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
            finish(std::move(answer));
            return;
        }
        if (status == 401 || status == 403) {
            Error error = Error::make(Error::Http,
                                      status == 401
                                          ? QCoreApplication::translate("GatewayClient",
                                                                        "authentication failed at %1 (HTTP 401): the gateway did not accept "
                                                                        "the credentials (%2)")
                                                .arg(where,
                                                     options.authorization.isEmpty()
                                                         ? QCoreApplication::translate("GatewayClient", "none were sent; give a user and password or a token")
                                                         : QCoreApplication::translate("GatewayClient", "wrong user name, password or token?"))
                                          : QCoreApplication::translate("GatewayClient",
                                                                        "access denied at %1 (HTTP 403): %2")
                                                .arg(where, looksLikeHtml(body) ? reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()
                                                                                : shortText(body)));
            error.httpStatus = status;
            finish(std::move(error));
            return;
        }
        if (status < 200 || status >= 300) {
            Error error = Error::make(Error::Http,
                                      QCoreApplication::translate("GatewayClient", "%1 answered HTTP %2: %3")
                                          .arg(where)
                                          .arg(status)
                                          .arg(looksLikeHtml(body) ? reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()
                                                                   : shortText(body)));
            error.httpStatus = status;
            finish(std::move(error));
            return;
        }
        HttpAnswer answer;
        answer.status = status;
        answer.body = body;
        answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        answer.contentEncoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
        answer.wireBytes = *wire;
        finish(std::move(answer));
    });
    return promise->future();
}

} // namespace

GatewayClient::GatewayClient(QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_nam(new QNetworkAccessManager(this))
{
    // Credentials must never follow a redirect to another host.
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    QString path = m_baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_baseUrl.setPath(path);
}

GatewayClient::~GatewayClient() = default;

Result<QUrl> GatewayClient::normalizeUrl(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::make(Error::Invalid, QCoreApplication::translate("GatewayClient", "no gateway URL given"));
    if (!trimmed.contains(u"://"_s))
        trimmed.prepend(u"http://"_s);
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return Error::make(Error::Invalid, QCoreApplication::translate("GatewayClient", "invalid gateway URL \"%1\": %2")
                                               .arg(text, url.errorString()));
    if (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
        return Error::make(Error::Invalid, QCoreApplication::translate("GatewayClient", "gateway URL \"%1\" must use http or https")
                                               .arg(text));
    if (url.host().isEmpty())
        return Error::make(Error::Invalid, QCoreApplication::translate("GatewayClient", "gateway URL \"%1\" has no host").arg(text));
    if (url.hasQuery() || url.hasFragment())
        return Error::make(Error::Invalid,
                           QCoreApplication::translate("GatewayClient", "gateway URL \"%1\" must not have a query or fragment").arg(text));
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

QUrl GatewayClient::urlFor(const QString &path) const
{
    QUrl url = m_baseUrl;
    // The path is already percent-encoded where needed (GroupingKey::toPath).
    url.setPath(m_baseUrl.path(QUrl::FullyEncoded) + u'/' + path, QUrl::TolerantMode);
    return url;
}

QNetworkReply *GatewayClient::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                                   const QByteArray &contentType, const QByteArray &acceptEncoding,
                                   const QByteArray &accept)
{
    QNetworkRequest request(urlFor(path));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("PushDeck/" PUSHDECK_VERSION));
    if (!m_options.authorization.isEmpty())
        request.setRawHeader("Authorization", m_options.authorization);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    // Set by hand, QNetworkAccessManager leaves the body as it came.
    if (!acceptEncoding.isEmpty())
        request.setRawHeader("Accept-Encoding", acceptEncoding);
    if (m_options.ssl)
        request.setSslConfiguration(*m_options.ssl);
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return m_nam->sendCustomRequest(request, verb, body);
}

QFuture<Result<GatewayStatus>> GatewayClient::statusOf(const QUrl &baseUrl, const ClientOptions &options)
{
    auto *client = new GatewayClient(baseUrl);
    client->setOptions(options);
    return client->status().then(client, [client](Result<GatewayStatus> status) {
        client->deleteLater();
        return status;
    });
}

QFuture<Result<QString>> GatewayClient::prometheusVersionOf(const QUrl &prometheusUrl, const ClientOptions &options)
{
    auto *client = new GatewayClient(prometheusUrl);
    client->setOptions(options);
    const QUrl url = client->urlFor(u"api/v1/status/buildinfo"_s);
    return collect(client->send("GET", u"api/v1/status/buildinfo"_s), options)
        .then(client, [client, url](Result<HttpAnswer> answer) -> Result<QString> {
            client->deleteLater();
            if (!answer)
                return answer.error();
            const QJsonObject data = QJsonDocument::fromJson(answer->body).object().value(u"data"_s).toObject();
            const QString version = data.value(u"version"_s).toString();
            if (version.isEmpty())
                return Error::make(Error::Invalid,
                                   QCoreApplication::translate("GatewayClient", "%1 did not answer like Prometheus (no data.version)")
                                       .arg(url.toDisplayString()));
            return version;
        });
}

QFuture<Result<GatewayStatus>> GatewayClient::status()
{
    const QUrl url = urlFor(u"api/v1/status"_s);
    return collect(send("GET", u"api/v1/status"_s), m_options)
        .then([url](Result<HttpAnswer> answer) -> Result<GatewayStatus> {
            if (!answer)
                return notAGatewayIfApiMissing<GatewayStatus>(answer.error(), url);
            if (looksLikeHtml(answer->body))
                return Error::make(Error::NotAGateway,
                                   QCoreApplication::translate("GatewayClient", "%1 answered with an HTML page, not the Pushgateway API")
                                       .arg(url.toDisplayString()));
            return decodeStatus(answer->body);
        });
}

QFuture<Result<QList<Group>>> GatewayClient::groups()
{
    const QUrl url = urlFor(u"api/v1/metrics"_s);
    auto promise = std::make_shared<QPromise<Result<QList<Group>>>>();
    promise->start();
    auto finish = [promise](Result<QList<Group>> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    // Decoding 12 MB takes a while even with simdjson: never on this thread.
    collect(send("GET", u"api/v1/metrics"_s), m_options)
        .then(QtFuture::Launch::Async, [url](Result<HttpAnswer> answer) -> Result<QList<Group>> {
            if (!answer)
                return notAGatewayIfApiMissing<QList<Group>>(answer.error(), url);
            if (looksLikeHtml(answer->body))
                return Error::make(Error::NotAGateway,
                                   QCoreApplication::translate("GatewayClient", "%1 answered with an HTML page, not the Pushgateway API")
                                       .arg(url.toDisplayString()));
            return decodeGroups(answer->body);
        })
        .then(this, [this, finish](Result<QList<Group>> groups) {
            const bool lossy = groups && std::any_of(groups->cbegin(), groups->cend(), [](const Group &group) {
                return hasReplacementCharacter(group.key);
            });
            if (!lossy) {
                finish(std::move(groups));
                return;
            }
            // A key that is not UTF-8 shows U+FFFD in the JSON; the error
            // text /metrics answers for it has the exact bytes
            // (format/exactkeys.h). Rare, so read only then.
            collect(send("GET", u"metrics"_s), m_options, Statuses::Any)
                .then(this, [finish, groups = std::move(groups)](Result<HttpAnswer> answer) mutable {
                    if (answer && answer->status >= 500)
                        restoreExactKeys(groups.value(), scanCollectErrors(answer->body));
                    finish(std::move(groups));
                });
        });
    return promise->future();
}

QFuture<Result<MetricsExposition>> GatewayClient::metricsText()
{
    return metrics({});
}

QFuture<Result<MetricsExposition>> GatewayClient::metricsProtobuf()
{
    // Text stays acceptable (lower q) so that negotiating servers that lack
    // protobuf answer something the text scanner reads.
    return metrics("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited,"
                   "text/plain;version=0.0.4;q=0.5");
}

QFuture<Result<MetricsExposition>> GatewayClient::metrics(const QByteArray &accept)
{
    // gzip asked for by hand: QNetworkAccessManager would inflate it
    // transparently and count the inflated bytes; this way wireBytes is what
    // crossed the wire and the inflated size is bounded by the same limit.
    const qint64 limit = m_options.maxResponseBytes;
    return collect(send("GET", u"metrics"_s, {}, {}, "gzip", accept), m_options)
        .then(QtFuture::Launch::Async, [limit](Result<HttpAnswer> answer) -> Result<MetricsExposition> {
            if (!answer)
                return answer.error();
            if (answer->contentEncoding.isEmpty() || answer->contentEncoding == "identity")
                return MetricsExposition{answer->body, answer->wireBytes, answer->contentType};
            if (answer->contentEncoding != "gzip")
                return Error::make(Error::Decode, QCoreApplication::translate("GatewayClient",
                                                                             "/metrics answered with an unknown Content-Encoding \"%1\"")
                                                      .arg(QString::fromLatin1(answer->contentEncoding)));
            auto body = gunzip(answer->body, limit);
            if (!body)
                return body.error();
            return MetricsExposition{std::move(body.value()), answer->wireBytes, answer->contentType};
        });
}

QFuture<Result<Done>> GatewayClient::ready()
{
    return collect(send("GET", u"-/ready"_s), m_options).then([](Result<HttpAnswer> answer) -> Result<Done> {
        if (!answer)
            return answer.error();
        return Done{};
    });
}

std::optional<std::array<int, 3>> parseGatewayVersion(QStringView version)
{
    QStringView text = version.trimmed();
    if (text.startsWith(u'v'))
        text = text.mid(1);
    const qsizetype end = text.indexOf(u'-');
    if (end >= 0)
        text = text.left(end);
    const auto parts = text.split(u'.');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    std::array<int, 3> out{0, 0, 0};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        bool ok = false;
        out[size_t(i)] = parts[i].toInt(&ok);
        if (!ok || out[size_t(i)] < 0)
            return std::nullopt;
    }
    return out;
}

Result<GroupingKey::PathNames> pathNamesFor(const GroupingKey &key, const GatewayStatus &status)
{
    bool utf8Flag = false;
    for (const auto &[name, value] : status.flags) {
        if (name == u"push.enable-utf8-names"_s)
            utf8Flag = value == u"true"_s;
    }
    const auto version = parseGatewayVersion(status.version);
    const bool utf8Gateway = utf8Flag && version && *version >= std::array<int, 3>{1, 11, 0};
    if (utf8Gateway)
        return GroupingKey::PathNames::Utf8Escaped;
    if (!key.hasUtf8Names())
        return GroupingKey::PathNames::Plain;
    QString name;
    for (const auto &[labelName, value] : key.labels()) {
        if (!isLegacyLabelName(labelName)) {
            name = labelName;
            break;
        }
    }
    const QString gateway = status.version.isEmpty() ? QCoreApplication::translate("GatewayClient", "of unknown version")
                                                     : status.version;
    if (version && *version >= std::array<int, 3>{1, 11, 0})
        return Error::make(Error::Invalid,
                           QCoreApplication::translate("GatewayClient",
                                                       "%1 has the UTF-8 label name \"%2\": this Pushgateway %3 runs without "
                                                       "--push.enable-utf8-names, so it would refuse it; nothing was sent")
                               .arg(key.toString(), name, gateway));
    return Error::make(Error::Invalid,
                       QCoreApplication::translate("GatewayClient",
                                                   "%1 has the UTF-8 label name \"%2\", which needs Pushgateway 1.11 or newer "
                                                   "started with --push.enable-utf8-names; this gateway is %3; nothing was sent")
                           .arg(key.toString(), name, gateway));
}

template<typename T, typename Send>
QFuture<Result<T>> GatewayClient::withPathNames(const GroupingKey &key, Send sendWith)
{
    if (!key.pathDependsOnNameEscaping())
        return sendWith(GroupingKey::PathNames::Plain);
    auto promise = std::make_shared<QPromise<Result<T>>>();
    QFuture<Result<T>> future = promise->future();
    promise->start();
    status().then(this, [this, key, sendWith, promise](Result<GatewayStatus> status) {
        const Result<GroupingKey::PathNames> names =
            status ? pathNamesFor(key, *status) : Result<GroupingKey::PathNames>(status.error());
        if (!names) {
            promise->addResult(Result<T>(names.error()));
            promise->finish();
            return;
        }
        sendWith(*names).then(this, [promise](Result<T> result) {
            promise->addResult(std::move(result));
            promise->finish();
        });
    });
    return future;
}

QFuture<Result<PushResult>> GatewayClient::push(const GroupingKey &key, const QByteArray &text, bool replace)
{
    if (!key.isValid())
        return QtFuture::makeReadyFuture(Result<PushResult>(
            Error::make(Error::Invalid, QCoreApplication::translate("GatewayClient", "cannot push: the grouping key has no job"))));
    return withPathNames<PushResult>(key, [this, key, text, replace](GroupingKey::PathNames names) {
        return pushTo(key, key.toPath(names), text, replace);
    });
}

QFuture<Result<PushResult>> GatewayClient::pushTo(const GroupingKey &key, const QString &path, const QByteArray &text, bool replace)
{
    return collect(send(replace ? "PUT" : "POST", path, text, "text/plain; version=0.0.4; charset=utf-8"), m_options)
        .then([key](Result<HttpAnswer> answer) -> Result<PushResult> {
            if (!answer) {
                Error error = answer.error();
                if (error.kind == Error::Http)
                    error.message = QCoreApplication::translate("GatewayClient", "push to %1 rejected (HTTP %2): %3")
                                        .arg(key.toString())
                                        .arg(error.httpStatus)
                                        .arg(error.message.section(u": "_s, 1));
                return error;
            }
            return PushResult{answer->status};
        });
}

QFuture<Result<Done>> GatewayClient::deleteGroup(const GroupingKey &key)
{
    if (!key.isValid())
        return QtFuture::makeReadyFuture(Result<Done>(
            Error::make(Error::Invalid, QCoreApplication::translate("GatewayClient", "cannot delete: the grouping key has no job"))));
    return withPathNames<Done>(key, [this, key](GroupingKey::PathNames names) {
        return collect(send("DELETE", key.toPath(names)), m_options).then([](Result<HttpAnswer> answer) -> Result<Done> {
            if (!answer)
                return answer.error();
            return Done{};
        });
    });
}

QFuture<Result<Done>> GatewayClient::wipe()
{
    return collect(send("PUT", u"api/v1/admin/wipe"_s), m_options).then([](Result<HttpAnswer> answer) -> Result<Done> {
        if (!answer) {
            Error error = answer.error();
            if (error.kind == Error::Http && error.httpStatus == 404)
                error.message = QCoreApplication::translate("GatewayClient",
                                                            "wipe refused: the admin API is not enabled on this gateway "
                                                            "(start it with --web.enable-admin-api)");
            return error;
        }
        return Done{};
    });
}

} // namespace PushDeck
