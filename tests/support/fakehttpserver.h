#pragma once
// A tiny HTTP server on a loopback port for faults a real gateway cannot
// produce: wrong content, garbage, truncation, slowness, error statuses.
// Each request is answered by a handler that returns the raw bytes to send.

#include <QByteArray>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace PushDeck {

class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray headers;
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QByteArray contentType = "text/plain";
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        int truncateAt = -1;       // close the connection after this many body bytes
        int dripBytes = 0;         // send the body this many bytes at a time...
        int dripIntervalMs = 0;    // ...with this pause in between
        bool raw = false;          // body is the whole answer, status line included
    };
    using Handler = std::function<Response(const Request &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    bool listen();
    QUrl url() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    static Response html(QByteArray body, int status = 200);
    static Response json(QByteArray body, int status = 200);
    int requestCount() const { return m_requests; }

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    int m_requests = 0;
};

} // namespace PushDeck
