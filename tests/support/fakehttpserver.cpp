#include "fakehttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace PushDeck {

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto *buffer = new QByteArray;
            connect(socket, &QObject::destroyed, this, [buffer] { delete buffer; });
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                buffer->append(socket->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end);
                qsizetype length = 0;
                for (const QByteArray &line : head.split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (buffer->size() < end + 4 + length)
                    return;
                socket->setProperty("request", *buffer);
                buffer->clear();
                serve(socket);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool FakeHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeHttpServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

FakeHttpServer::Response FakeHttpServer::html(QByteArray body, int status)
{
    Response r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = std::move(body);
    return r;
}

FakeHttpServer::Response FakeHttpServer::json(QByteArray body, int status)
{
    Response r;
    r.status = status;
    r.contentType = "application/json";
    r.body = std::move(body);
    return r;
}

void FakeHttpServer::serve(QTcpSocket *socket)
{
    ++m_requests;
    const QByteArray raw = socket->property("request").toByteArray();
    Request request;
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    const QByteArray head = raw.left(headEnd);
    const QList<QByteArray> firstLine = head.left(head.indexOf("\r\n")).split(' ');
    request.method = firstLine.value(0);
    request.path = firstLine.value(1);
    request.headers = head;
    request.body = raw.mid(headEnd + 4);

    const Response response = m_handler ? m_handler(request) : Response{404, "text/plain", "not found\n"};
    QByteArray out;
    if (response.raw) {
        out = response.body;
    } else {
        out = "HTTP/1.1 " + QByteArray::number(response.status) + " Status\r\n";
        out += "Content-Type: " + response.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "\r\n";
        const qsizetype headerSize = out.size();
        out += response.body;
        if (response.truncateAt >= 0)
            out.truncate(headerSize + response.truncateAt);
    }
    if (response.dripBytes <= 0) {
        socket->write(out);
        if (response.truncateAt >= 0)
            socket->disconnectFromHost();
        return;
    }
    // Send a slice, wait, send the next: a slow server.
    auto remaining = std::make_shared<QByteArray>(out);
    auto *timer = new QTimer(socket);
    QPointer<QTcpSocket> guard(socket);
    const int step = response.dripBytes;
    connect(timer, &QTimer::timeout, socket, [guard, remaining, step, timer] {
        if (!guard || remaining->isEmpty()) {
            timer->stop();
            return;
        }
        guard->write(remaining->left(step));
        remaining->remove(0, step);
    });
    timer->start(response.dripIntervalMs);
}

} // namespace PushDeck
