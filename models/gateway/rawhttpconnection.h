#pragma once
// A minimal HTTP/1.1 client over QTcpSocket: one keep-alive connection to a
// plain-http server with one request in flight. Through
// QNetworkAccessManager a request costs about 200 µs of CPU (a hop to its
// HTTP thread and several queued signals back, a QNetworkReply, a timer);
// here it costs a few µs, which is what lets a verified bulk delete keep up
// with `xargs -P8 curl` on a small machine (BulkDeleter sends its DELETEs
// through it). Everything else (reads, pushes, https) goes through
// GatewayClient.
//
// Any answer with a status line is a Response, whatever its status: what a
// status means is the caller's business. Errors are for what is not an
// answer: no complete answer within the timeout (Error::Timeout), a refused
// or dropped connection, a malformed answer (Error::Network).

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <utility>

namespace PushDeck {

class RawHttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpConnection)
public:
    struct Request
    {
        QByteArray method;  // "DELETE", "GET", ...
        QByteArray target;  // the encoded request target: "/metrics/job/a"
        QString where;      // the URL, for messages
        // Besides Host, User-Agent, Content-Length and Authorization, which
        // every request has (the last one when the connection has one).
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    struct Response
    {
        int status = 0;
        QByteArray body; // de-chunked
    };
    using Callback = std::function<void(const Result<Response> &)>;

    // `base`: scheme http, host and port (80 when none) of the server.
    // `authorization`: the full Authorization header value for every
    // request, or empty. `timeoutMs`: for each request, from send() to its
    // complete answer.
    RawHttpConnection(const QUrl &base, QByteArray authorization, int timeoutMs, QObject *parent = nullptr);
    ~RawHttpConnection() override;

    // A request is in flight: send() must wait for its callback.
    bool busy() const { return bool(m_callback); }
    bool sendsAuthorization() const { return !m_authorization.isEmpty(); }
    // Whether the last request was written to a connected socket: when it
    // failed after that (a timeout, a dropped connection), the server may
    // still have received and applied it; before, it certainly did not.
    bool requestWritten() const { return m_written; }

    // Sends on the kept-alive connection (connecting first when there is
    // none). `callback` runs once, on this object's thread, with the
    // connection idle again, so it may send the next request right away.
    // An idempotent request (not POST) is sent once more on a fresh
    // connection when the server closed the kept-alive one just as it was
    // reused.
    void send(Request request, Callback callback);

private:
    void start();
    void writeRequest();
    void abortSocket();
    void onSocketGone(bool closedByPeer);
    void onReadyRead();
    bool parseHeaders();
    void finishResponse();
    void resetResponse();
    void fail(const Error &error);
    void complete(const Result<Response> &result);

    QTcpSocket m_socket; // members, not children: destroyed with us
    QTimer m_timer;
    QString m_host;
    quint16 m_port;
    QByteArray m_hostHeader;
    QByteArray m_authorization;
    int m_timeoutMs;
    Request m_request;
    Callback m_callback;
    QByteArray m_buffer;
    int m_headerEnd = -1;
    int m_status = 0;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_keepAlive = true;
    bool m_responseWithoutLength = false;
    bool m_gotBytes = false;
    bool m_reused = false;
    bool m_retried = false;
    bool m_aborting = false;
    bool m_written = false;
};

} // namespace PushDeck
